// Numbers and sentences of the explanations, written once for both
// languages: the words come from the catalogue, the digits from here.
#include "explain_words.hpp"

#include <optional>

#include "outcome_json.hpp"
#include "user_text.hpp"

namespace fordela::detail {
namespace {

constexpr std::string_view kNoBreakSpace = "\xC2\xA0";
constexpr std::string_view kMinusSign = "\xE2\x88\x92";

// "-1234567.5" (format_decimal_plain's form) as people read it: groups of
// three and a decimal comma in Swedish, commas and a point in English.
std::string readable(std::string_view plain, bool sv) {
  std::string out;
  if (!plain.empty() && plain[0] == '-') {
    out += sv ? kMinusSign : "-";
    plain.remove_prefix(1);
  }
  const std::size_t point = plain.find('.');
  const std::string_view whole = plain.substr(0, point);
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) out += sv ? kNoBreakSpace : ",";
    out += whole[i];
  }
  if (point != std::string_view::npos) {
    out += sv ? ',' : '.';
    out += plain.substr(point + 1);
  }
  return out;
}

Words readable(const std::string& plain) { return {readable(plain, true), readable(plain, false)}; }

}  // namespace

Words& Words::then(const Words& sentence) {
  if (sentence.sv.empty() && sentence.en.empty()) return *this;
  if (!sv.empty()) sv += ' ';
  if (!en.empty()) en += ' ';
  return *this += sentence;
}

Words same(std::string text) { return {text, text}; }

Words say(std::string_view key, const WordArgs& args) {
  auto in = [&](Lang lang) {
    MessageArgs values;
    values.reserve(args.size());
    for (const auto& [name, words] : args) values.emplace_back(name, lang == Lang::sv ? words.sv : words.en);
    return detail::say(lang, key, values);
  };
  return {in(Lang::sv), in(Lang::en)};
}

Words join(const std::vector<Words>& items) {
  std::vector<std::string> sv, en;
  for (const auto& item : items) {
    sv.push_back(item.sv);
    en.push_back(item.en);
  }
  return {join_list(sv, true), join_list(en, false)};
}

BigNat pow10(unsigned digits) {
  BigNat p(1);
  for (unsigned i = 0; i < digits; ++i) p *= BigNat(10);
  return p;
}

Words decimal(Decimal d) { return readable(format_decimal_plain(d)); }

Words scaled(const BigNat& value, unsigned digits, bool keep_zeros) {
  std::string s = value.to_string();
  if (s.size() <= digits) s.insert(0, digits + 1 - s.size(), '0');
  std::string whole = s.substr(0, s.size() - digits);
  std::string fraction = s.substr(s.size() - digits);
  if (!keep_zeros) {
    while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  }
  return readable(fraction.empty() ? whole : whole + "." + fraction);
}

Words approx(const BigNat& num, const BigNat& den, unsigned digits) {
  const BigNat shifted = num * pow10(digits);
  auto [quotient, remainder] = BigNat::divmod(shifted, den);
  if (remainder.is_zero()) return scaled(quotient, digits);
  const BigNat rounded = (shifted * BigNat(2) + den) / (den * BigNat(2));
  Words out = same("≈ ");
  return out += scaled(rounded, digits, true);
}

Words kr(Ore ore) { return {format_kr_sv(ore), format_kr_en(ore)}; }

Words equals_kr(const BigNat& num, const BigNat& den) {
  Words out = same((num % den).is_zero() ? "= " : "≈ ");
  return out += kr(rounded_ore(num, den));
}

Words signed_kr(Ore ore) {
  Words out = same(ore > 0 ? "+" : "");
  return out += kr(ore);
}

Words percent(Decimal share) { return say("explain.percent", {{"n", decimal(share)}}); }

Words count(std::int64_t n) { return readable(std::to_string(n)); }

Words units_words(std::int64_t n) { return say(n == 1 ? "explain.units.one" : "explain.units.other", {{"n", count(n)}}); }

// Ordinals by the last digit, as CLDR groups them: 1st, 2nd, 3rd, then
// th (and the teens); Swedish 1:a, 2:a, then :e.
Words ordinal(std::size_t n) {
  const std::size_t last = n % 10;
  const bool teen = n % 100 >= 11 && n % 100 <= 13;
  const char* key = teen || last == 0 || last > 3 ? "explain.ordinal.other"
                    : last == 1                   ? "explain.ordinal.one"
                    : last == 2                   ? "explain.ordinal.two"
                                                  : "explain.ordinal.few";
  return say(key, {{"n", same(std::to_string(n))}});
}

Words in_quotes(std::string_view text) { return say("explain.quoted", {{"text", same(isolated(text))}}); }

}  // namespace fordela::detail
