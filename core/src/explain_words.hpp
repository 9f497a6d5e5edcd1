// The explanation's words in both languages at once: numbers written as
// each language reads them, and sentences taken from the message
// catalogue (messages_sv.cpp, messages_en.cpp) by key.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fordela/bignat.hpp"
#include "fordela/money.hpp"
#include "messages.hpp"

namespace fordela::detail {

// A text in Swedish and English.
struct Words {
  std::string sv;
  std::string en;

  // Appends as it is (a formula's next term, say).
  Words& operator+=(const Words& more) {
    sv += more.sv;
    en += more.en;
    return *this;
  }
  // Appends a sentence (none when it is empty), a space after what is there.
  Words& then(const Words& sentence);
};

// A text that reads the same in both languages (a name, a formula).
Words same(std::string text);

// The sentence `key` in both languages, its placeholders filled with each
// language's value.
using WordArgs = std::vector<std::pair<std::string_view, Words>>;
Words say(std::string_view key, const WordArgs& args = {});

// "a, b och c" / "a, b and c".
Words join(const std::vector<Words>& items);

BigNat pow10(unsigned digits);

Words decimal(Decimal d);
// value / 10^digits, exactly, without trailing zeros (or with them, to
// show a rounded value's precision).
Words scaled(const BigNat& value, unsigned digits, bool keep_zeros = false);
// num/den with at most `digits` decimals: exact when it has no more, else
// rounded (halves up) and marked "≈".
Words approx(const BigNat& num, const BigNat& den, unsigned digits);
Words kr(Ore ore);
// "= 1 750 000 kr" when exact, "≈ 704 044,73 kr" when rounded to the öre.
Words equals_kr(const BigNat& num, const BigNat& den);
// A change: "+500,72 kr", "−12 kr", "0 kr".
Words signed_kr(Ore ore);
Words percent(Decimal share);
Words count(std::int64_t n);
Words units_words(std::int64_t n);  // "3 enheter" / "3 units"
Words ordinal(std::size_t n);       // "2:a" / "2nd"
Words in_quotes(std::string_view text);  // ”Befolkning” / “Befolkning”, isolated

}  // namespace fordela::detail
