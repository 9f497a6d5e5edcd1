// The one amount parser and the one formatter. Numbers are read as people
// write them in Swedish (and as Word, Excel and Intl.NumberFormat paste
// them) straight into exact integers: no floating point, no locale.
#include "fordela/money.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace fordela {
namespace {

// Spelled as bytes so that the source charset of the compiler cannot matter.
constexpr std::string_view kNoBreakSpace = "\xC2\xA0";             // U+00A0
constexpr std::string_view kThinSpace = "\xE2\x80\x89";            // U+2009
constexpr std::string_view kNarrowNoBreakSpace = "\xE2\x80\xAF";   // U+202F
constexpr std::string_view kMinusSign = "\xE2\x88\x92";            // U+2212

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool at(std::string_view text, std::size_t i, std::string_view what) {
  return i <= text.size() && text.substr(i).starts_with(what);
}

// Byte length of a space that may sit between digit groups, or between a
// number and its unit, at text[i]; 0 if there is none. A tab is not one of
// them: in text pasted from Excel a tab separates cells.
std::size_t space_at(std::string_view text, std::size_t i) {
  if (i >= text.size()) return 0;
  if (text[i] == ' ') return 1;
  for (std::string_view space : {kNoBreakSpace, kThinSpace, kNarrowNoBreakSpace}) {
    if (at(text, i, space)) return space.size();
  }
  return 0;
}

// Around the whole input a pasted cell may also bring a tab or a line end.
std::string_view trim(std::string_view text) {
  for (;;) {
    if (text.empty()) return text;
    char c = text.front();
    if (c == '\t' || c == '\r' || c == '\n') {
      text.remove_prefix(1);
    } else if (std::size_t n = space_at(text, 0)) {
      text.remove_prefix(n);
    } else {
      break;
    }
  }
  for (;;) {
    if (text.empty()) return text;
    char c = text.back();
    if (c == '\t' || c == '\r' || c == '\n' || c == ' ') {
      text.remove_suffix(1);
      continue;
    }
    bool removed = false;
    for (std::string_view space : {kNoBreakSpace, kThinSpace, kNarrowNoBreakSpace}) {
      if (text.ends_with(space)) {
        text.remove_suffix(space.size());
        removed = true;
        break;
      }
    }
    if (!removed) break;
  }
  return text;
}

// A number as written, split into its parts but not yet valued. Both
// parsers share this grammar; only what may follow the number differs.
struct NumberText {
  bool negative = false;
  std::string_view integer;   // digits, with the group spaces still in
  std::string_view fraction;  // digits after the decimal mark
  std::string_view unit;      // whatever follows, spaces before it dropped
  ParseError error = ParseError::none;
};

NumberText fail(ParseError error) {
  NumberText n;
  n.error = error;
  return n;
}

// sign? digits (space ddd)* ([,.] digits)? space* unit
// The first group has at most three digits when groups are used, so that a
// misplaced space ("59 00 000", "5900 000") is caught rather than guessed.
// Comma is the decimal mark; a dot is read as one too (JSON, English
// sources), and since only one mark may appear, "1.234,50" and "1,234.50"
// fail instead of being read the wrong way round.
NumberText scan_number(std::string_view text) {
  text = trim(text);
  if (text.empty()) return fail(ParseError::empty);

  NumberText n;
  std::size_t i = 0;
  if (text[0] == '-') {
    n.negative = true;
    i = 1;
  } else if (at(text, 0, kMinusSign)) {
    n.negative = true;
    i = kMinusSign.size();
  } else if (text[0] == '+') {
    i = 1;
  }

  auto digits_from = [&](std::size_t from) {
    std::size_t j = from;
    while (j < text.size() && is_digit(text[j])) ++j;
    return j - from;
  };

  const std::size_t integer_begin = i;
  const std::size_t first_group = digits_from(i);
  if (first_group == 0) return fail(ParseError::syntax);
  i += first_group;
  for (;;) {
    std::size_t space = space_at(text, i);
    if (space == 0 || i + space >= text.size() || !is_digit(text[i + space])) break;
    if (first_group > 3 || digits_from(i + space) != 3) return fail(ParseError::syntax);
    i += space + 3;
  }
  n.integer = text.substr(integer_begin, i - integer_begin);

  // "500,-" is whole kronor (the unit ",-"), not a decimal mark.
  const bool dash_unit = text.substr(i) == ",-" || text.substr(i) == ",--";
  if (!dash_unit && i < text.size() && (text[i] == ',' || text[i] == '.')) {
    std::size_t decimals = digits_from(i + 1);
    if (decimals == 0) return fail(ParseError::syntax);
    n.fraction = text.substr(i + 1, decimals);
    i += 1 + decimals;
  }

  while (std::size_t space = space_at(text, i)) i += space;
  n.unit = text.substr(i);
  return n;
}

// "46,600", "46.600", "1.000": one to three digits, not starting with 0,
// then the only mark and exactly three digits, as an English or German
// writer groups thousands. A first group of four digits or more, a space
// group before the mark, or a leading 0 make the mark a decimal one.
bool could_be_thousands_group(const NumberText& n) {
  return n.fraction.size() == 3 && !n.integer.empty() && n.integer.size() <= 3 && n.integer.front() != '0' &&
         std::all_of(n.integer.begin(), n.integer.end(), is_digit);
}

// The value of the number in units of 10^-scale, bounded by limit. Digits
// are pushed one at a time and the bound checked after each, so a string
// of any length is rejected before anything can overflow
// (limit * 10 + 9 < 2^64 for every limit used here).
ParseError to_scaled(const NumberText& n, std::size_t scale, std::uint64_t limit,
                     std::int64_t& out) {
  // Decimals are counted, not valued: "1,500 kr" is refused rather than
  // read as 1,50 kr, since it is far more likely an English "1,500".
  if (n.fraction.size() > scale) return ParseError::too_many_decimals;
  std::uint64_t value = 0;
  auto push = [&](int digit) {
    value = value * 10 + static_cast<std::uint64_t>(digit);
    return value <= limit;
  };
  for (char c : n.integer) {
    if (is_digit(c) && !push(c - '0')) return ParseError::out_of_range;
  }
  for (char c : n.fraction) {
    if (!push(c - '0')) return ParseError::out_of_range;
  }
  for (std::size_t k = n.fraction.size(); k < scale; ++k) {
    if (!push(0)) return ParseError::out_of_range;
  }
  const auto signed_value = static_cast<std::int64_t>(value);
  out = n.negative ? -signed_value : signed_value;
  return ParseError::none;
}

constexpr std::size_t kNoUnit = static_cast<std::size_t>(-1);

// Power of ten a unit multiplies kronor by, or kNoUnit if the text is not a
// unit we know. Case does not matter; spaces inside ("miljoner kr") may be
// any of the accepted spaces, one or several.
std::size_t unit_exponent(std::string_view unit) {
  std::array<char, 24> buffer{};
  std::size_t length = 0;
  for (std::size_t i = 0; i < unit.size();) {
    char c = ' ';
    if (space_at(unit, i) != 0) {
      while (std::size_t space = space_at(unit, i)) i += space;
    } else {
      c = unit[i++];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    if (length == buffer.size()) return kNoUnit;
    buffer[length++] = c;
  }
  const std::string_view name(buffer.data(), length);

  struct Unit {
    std::string_view name;
    std::size_t exponent;
  };
  static constexpr std::array<Unit, 14> kAbbreviations = {{
      {"", 0}, {"kr", 0}, {"kronor", 0}, {"sek", 0}, {":-", 0}, {",-", 0}, {",--", 0},
      {"tkr", 3}, {"tsek", 3},
      {"mnkr", 6}, {"mkr", 6}, {"msek", 6},
      {"mdkr", 9}, {"mdsek", 9},
  }};
  for (const Unit& u : kAbbreviations) {
    if (name == u.name) return u.exponent;
  }

  // Spelled out: "3 miljoner", "1 miljon kr", "2 miljarder kronor".
  static constexpr std::array<Unit, 5> kWords = {{
      {"tusen", 3}, {"miljon", 6}, {"miljoner", 6}, {"miljard", 9}, {"miljarder", 9},
  }};
  std::string_view word = name;
  std::string_view currency;
  if (std::size_t space = name.find(' '); space != std::string_view::npos) {
    word = name.substr(0, space);
    currency = name.substr(space + 1);
  }
  if (!currency.empty() && currency != "kr" && currency != "kronor" && currency != "sek") {
    return kNoUnit;
  }
  for (const Unit& u : kWords) {
    if (word == u.name) return u.exponent;
  }
  return kNoUnit;
}

std::uint64_t magnitude(std::int64_t value) {
  // Unsigned negation, so that INT64_MIN has a magnitude too.
  return value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
}

void append_grouped(std::string& out, std::uint64_t n, std::string_view separator) {
  std::array<char, 20> digits{};
  std::size_t count = 0;
  do {
    digits[count++] = static_cast<char>('0' + n % 10);
    n /= 10;
  } while (n != 0);
  for (std::size_t k = count; k-- > 0;) {
    out += digits[k];
    if (k > 0 && k % 3 == 0) out += separator;
  }
}

struct KronaStyle {
  std::string_view minus;
  std::string_view group_separator;
  char decimal_mark;
  std::string_view unit;  // including the space before it
};

std::string format_kr(Ore ore, const KronaStyle& style) {
  const std::uint64_t m = magnitude(ore);
  const auto per_krona = static_cast<std::uint64_t>(kOrePerKrona);
  std::string out;
  if (ore < 0) out += style.minus;
  append_grouped(out, m / per_krona, style.group_separator);
  if (const std::uint64_t rest = m % per_krona; rest != 0) {
    out += style.decimal_mark;
    out += static_cast<char>('0' + rest / 10);
    out += static_cast<char>('0' + rest % 10);
  }
  out += style.unit;
  return out;
}

}  // namespace

// "SEK 25 400 000", "kr 500": the currency written first, as some
// ledgers do; the text after it, or the text itself when there is none.
std::string_view after_currency(std::string_view text) {
  text = trim(text);
  for (std::string_view currency : {std::string_view("sek"), std::string_view("kr")}) {
    if (text.size() <= currency.size()) continue;
    bool same = true;
    for (std::size_t k = 0; k < currency.size(); ++k) {
      const char c = text[k] >= 'A' && text[k] <= 'Z' ? static_cast<char>(text[k] - 'A' + 'a') : text[k];
      same = same && c == currency[k];
    }
    if (!same) continue;
    const std::size_t rest = currency.size();
    if (space_at(text, rest) != 0 || is_digit(text[rest])) return text.substr(rest);
  }
  return text;
}

AmountParse parse_amount(std::string_view text) {
  AmountParse result;
  const std::string_view number = after_currency(text);
  const NumberText n = scan_number(number);
  if (number.size() != trim(text).size() && !n.unit.empty()) {
    result.error = ParseError::syntax;  // "SEK 5 kr": one currency
    return result;
  }
  if (n.error != ParseError::none) {
    result.error = n.error;
    return result;
  }
  const std::size_t exponent = unit_exponent(n.unit);
  if (exponent == kNoUnit) {
    result.error = ParseError::syntax;
    return result;
  }
  // Two decimal places reach the öre; each power of the unit adds one.
  result.error = to_scaled(n, 2 + exponent, static_cast<std::uint64_t>(kMaxAmountOre), result.ore);
  if (!result.ok()) result.ore = 0;
  return result;
}

DecimalParse parse_decimal(std::string_view text, Notation notation, PercentSign percent) {
  DecimalParse result;
  const NumberText n = scan_number(text);
  if (n.error != ParseError::none) {
    result.error = n.error;
    return result;
  }
  const bool percent_sign = n.unit == "%" && percent == PercentSign::allowed && notation == Notation::written;
  if (!n.unit.empty() && !percent_sign) {
    result.error = ParseError::syntax;
    return result;
  }
  if (notation == Notation::written && could_be_thousands_group(n)) {
    result.error = ParseError::ambiguous;
    return result;
  }
  result.error = to_scaled(n, 6, static_cast<std::uint64_t>(kMaxDecimalMicro), result.value.micro);
  if (!result.ok()) result.value = Decimal{};
  return result;
}

std::string format_kr_sv(Ore ore) {
  // A no-break space before "kr" too, as Intl.NumberFormat('sv-SE') writes
  // it: the unit never wraps onto a line of its own.
  return format_kr(ore, {kMinusSign, kNoBreakSpace, ',', "\xC2\xA0kr"});
}

std::string format_kr_en(Ore ore) { return format_kr(ore, {"-", ",", '.', " kr"}); }

std::string format_kr_plain(Ore ore) { return format_kr(ore, {"-", "", '.', ""}); }

std::string format_decimal_plain(Decimal value) {
  const std::uint64_t m = magnitude(value.micro);
  const auto scale = static_cast<std::uint64_t>(Decimal::kScale);
  std::string out;
  if (value.micro < 0) out += '-';
  append_grouped(out, m / scale, "");
  std::uint64_t fraction = m % scale;
  if (fraction != 0) {
    std::array<char, 6> digits{};
    for (std::size_t k = digits.size(); k-- > 0;) {
      digits[k] = static_cast<char>('0' + fraction % 10);
      fraction /= 10;
    }
    std::size_t length = digits.size();
    while (digits[length - 1] == '0') --length;
    out += '.';
    out.append(digits.data(), length);
    // "46.600" reads as a thousands group to an English or German eye, and
    // parse_decimal refuses it as ambiguous: a fourth decimal keeps the
    // plain form readable back ("46.6250").
    const std::uint64_t whole = m / scale;
    if (length == 3 && whole >= 1 && whole <= 999) out += '0';
  }
  return out;
}

}  // namespace fordela
