// Money and exact decimals: the one amount parser and the one formatter.
// Money is integer öre in int64_t; decimals (weights, indicators) are
// integers scaled by 10^6. No floating point anywhere on these paths.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace fordela {

using Ore = std::int64_t;  // 1 krona = 100 öre

inline constexpr Ore kOrePerKrona = 100;
// Largest single amount accepted: 10^13 kr (10^15 öre).
inline constexpr Ore kMaxAmountOre = 1'000'000'000'000'000LL;
// Largest total the result may reach: 9 * 10^13 kr, below 2^53 öre, so that
// JavaScript reads every amount in a result exactly as a number.
inline constexpr Ore kMaxTotalOre = 9'000'000'000'000'000LL;
static_assert(kMaxTotalOre < (std::int64_t{1} << 53));

// A non-negative or negative decimal with at most six decimals, held as an
// integer count of millionths ("micro-units").
struct Decimal {
  std::int64_t micro = 0;
  static constexpr std::int64_t kScale = 1'000'000;
  friend bool operator==(Decimal, Decimal) = default;
};

// Largest decimal accepted for a weight or an indicator: 10^12.
inline constexpr std::int64_t kMaxDecimalMicro = 1'000'000'000'000LL * Decimal::kScale;

enum class ParseError {
  none,
  empty,            // nothing but spaces
  syntax,           // not a number as people write them
  too_many_decimals,// more decimals than allowed (öre for amounts, 6 for decimals)
  out_of_range,     // beyond the documented bound
  ambiguous,        // "46,600": a thousands group or three decimals?
};

// How the text of a decimal was written: by a person (pasted, typed,
// imported), where "46,600" may be an English 46 600 as well as 46,6; or
// as a JSON number, whose grammar has '.' as its only decimal mark.
enum class Notation { written, json_number };

struct AmountParse {
  Ore ore = 0;
  ParseError error = ParseError::none;
  bool ok() const { return error == ParseError::none; }
};

struct DecimalParse {
  Decimal value{};
  ParseError error = ParseError::none;
  bool ok() const { return error == ParseError::none; }
};

// Parses an amount as people paste it from Word and Excel: "5 900 000",
// "5900000", "5 900 000 kr", "1,75 mnkr", "3 mkr", "750 tkr",
// "6 214 587,50", with ordinary, no-break (U+00A0) or narrow no-break
// (U+202F) spaces as thousands separators and '-' or U+2212 as minus.
// The result is in öre; anything finer than one öre is an error.
AmountParse parse_amount(std::string_view text);

// Whether a number written in a table's cell may end in a per cent sign,
// as Excel shows a share or a rate: "12,5 %" is then the number 12,5 (the
// column is in per cent). Where a count of units or a divisor is read, a
// '%' is refused: it would say something the number does not mean.
enum class PercentSign { refused, allowed };

// Parses a decimal number (no unit suffix but, where allowed, a per cent
// sign): "48 000", "0,5", "1.25", "−3", "12,5 %". At most six decimals. Written by a person, a number whose only
// separator is a ',' or '.' followed by exactly three digits is
// ParseError::ambiguous when it could be a thousands group: "46,600",
// "46.600", "1.000". It is not when the part before the mark cannot be a
// first group: "0,600", "1046,600", "1 046,600" (a space groups, so the
// comma is the decimal mark).
DecimalParse parse_decimal(std::string_view text, Notation notation = Notation::written,
                           PercentSign percent = PercentSign::refused);

// "6 214 587 kr" style, U+00A0 between groups, decimals only when the
// amount has öre ("6 214 587,50 kr"); U+2212 for minus.
std::string format_kr_sv(Ore ore);
// "6,214,587 kr" / "6,214,587.50 kr" for English text.
std::string format_kr_en(Ore ore);
// Plain machine form in kronor: "6214587" or "6214587.50" or "-12.05".
std::string format_kr_plain(Ore ore);
// Plain machine form of a decimal: "0.5", "48000", "1.000001"; "2.1250"
// rather than "2.125", which parse_decimal refuses as ambiguous.
std::string format_decimal_plain(Decimal value);

}  // namespace fordela
