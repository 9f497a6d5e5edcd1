// Amounts and decimals as users write and paste them, and as we print them.
#include "fordela/money.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <string_view>

namespace fordela {
namespace {

// The real bytes, as Word, Excel and Intl.NumberFormat('sv-SE') paste them.
#define NBSP "\xC2\xA0"    // U+00A0 no-break space
#define NNBSP "\xE2\x80\xAF"  // U+202F narrow no-break space
#define THIN "\xE2\x80\x89"   // U+2009 thin space
#define MINUS "\xE2\x88\x92"  // U+2212 minus sign

constexpr Ore kr(std::int64_t kronor) { return kronor * kOrePerKrona; }

std::string_view name(ParseError e) {
  switch (e) {
    case ParseError::none: return "none";
    case ParseError::empty: return "empty";
    case ParseError::syntax: return "syntax";
    case ParseError::too_many_decimals: return "too_many_decimals";
    case ParseError::out_of_range: return "out_of_range";
    case ParseError::ambiguous: return "ambiguous";
  }
  return "?";
}

::testing::AssertionResult parses_to(std::string_view text, Ore expected) {
  const AmountParse p = parse_amount(text);
  if (!p.ok()) {
    return ::testing::AssertionFailure() << '"' << text << "\" failed with " << name(p.error);
  }
  if (p.ore != expected) {
    return ::testing::AssertionFailure()
           << '"' << text << "\" gave " << p.ore << " öre, expected " << expected;
  }
  return ::testing::AssertionSuccess();
}

::testing::AssertionResult decimal_parses_to(std::string_view text, std::int64_t micro) {
  const DecimalParse p = parse_decimal(text);
  if (!p.ok()) {
    return ::testing::AssertionFailure() << '"' << text << "\" failed with " << name(p.error);
  }
  if (p.value.micro != micro) {
    return ::testing::AssertionFailure()
           << '"' << text << "\" gave " << p.value.micro << " micro, expected " << micro;
  }
  return ::testing::AssertionSuccess();
}

// ---- parse_amount: what people paste ----

TEST(ParseAmount, AcceptsWholeKronorWithAndWithoutSpaces) {
  EXPECT_TRUE(parses_to("5 900 000", kr(5'900'000)));
  EXPECT_TRUE(parses_to("5900000", kr(5'900'000)));
  EXPECT_TRUE(parses_to("0", 0));
  EXPECT_TRUE(parses_to("7", kr(7)));
  EXPECT_TRUE(parses_to("999", kr(999)));
  EXPECT_TRUE(parses_to("1 000", kr(1'000)));
}

TEST(ParseAmount, AcceptsKronaSuffixes) {
  EXPECT_TRUE(parses_to("5 900 000 kr", kr(5'900'000)));
  EXPECT_TRUE(parses_to("1 000 kr", kr(1'000)));
  EXPECT_TRUE(parses_to("1000kr", kr(1'000)));
  EXPECT_TRUE(parses_to("1 000 KR", kr(1'000)));
  EXPECT_TRUE(parses_to("1 000 kronor", kr(1'000)));
  EXPECT_TRUE(parses_to("1 000 SEK", kr(1'000)));
  EXPECT_TRUE(parses_to("500:-", kr(500)));
  EXPECT_TRUE(parses_to("500 :-", kr(500)));
}

TEST(ParseAmount, AcceptsWholeKronorWrittenWithADashAndTheCurrencyFirst) {
  EXPECT_TRUE(parses_to("25 400 000,-", kr(25'400'000)));
  EXPECT_TRUE(parses_to("500,--", kr(500)));
  EXPECT_TRUE(parses_to("SEK 25 400 000", kr(25'400'000)));
  EXPECT_TRUE(parses_to("sek 1000", kr(1'000)));
  EXPECT_TRUE(parses_to("kr 500", kr(500)));
  EXPECT_TRUE(parses_to("SEK -500", -kr(500)));
  EXPECT_FALSE(parse_amount("SEK 5 kr").ok());
  EXPECT_FALSE(parse_amount("SEK").ok());
  EXPECT_FALSE(parse_amount("500,-5").ok());
  EXPECT_FALSE(parse_amount("krona 5").ok());
  EXPECT_FALSE(parse_decimal("500,-").ok());
}

TEST(ParseAmount, AcceptsThousandsWrittenAsTkr) {
  EXPECT_TRUE(parses_to("750 tkr", kr(750'000)));
  EXPECT_TRUE(parses_to("750tkr", kr(750'000)));
  EXPECT_TRUE(parses_to("750 TKR", kr(750'000)));
  EXPECT_TRUE(parses_to("750 tsek", kr(750'000)));
  EXPECT_TRUE(parses_to("2,5 tkr", kr(2'500)));
  EXPECT_TRUE(parses_to("0,01 tkr", kr(10)));
  EXPECT_TRUE(parses_to("1,23456 tkr", 123'456));
}

TEST(ParseAmount, AcceptsMillionsWrittenAsMnkrWithDecimalComma) {
  EXPECT_TRUE(parses_to("1,75 mnkr", kr(1'750'000)));
  EXPECT_TRUE(parses_to("1,75mnkr", kr(1'750'000)));
  EXPECT_TRUE(parses_to("1,75 Mnkr", kr(1'750'000)));
  EXPECT_TRUE(parses_to("1.75 mnkr", kr(1'750'000)));
}

TEST(ParseAmount, AcceptsMillionsWrittenAsMkrAndMsek) {
  EXPECT_TRUE(parses_to("3 mkr", kr(3'000'000)));
  EXPECT_TRUE(parses_to("3 MSEK", kr(3'000'000)));
  EXPECT_TRUE(parses_to("12 345 mnkr", kr(12'345'000'000)));
}

TEST(ParseAmount, AcceptsMnkrDownToTheOre) {
  // 1,2345678 mnkr = 1 234 567,80 kr
  EXPECT_TRUE(parses_to("1,2345678 mnkr", 123'456'780));
  EXPECT_TRUE(parses_to("0,00000001 mnkr", 1));
}

TEST(ParseAmount, AcceptsBillionsWrittenAsMdkr) {
  EXPECT_TRUE(parses_to("2 mdkr", kr(2'000'000'000)));
  EXPECT_TRUE(parses_to("1,5 mdkr", kr(1'500'000'000)));
  EXPECT_TRUE(parses_to("1,5 mdsek", kr(1'500'000'000)));
}

TEST(ParseAmount, AcceptsSpelledOutThousandsMillionsAndBillions) {
  EXPECT_TRUE(parses_to("3 miljoner kr", kr(3'000'000)));
  EXPECT_TRUE(parses_to("3 miljoner kronor", kr(3'000'000)));
  EXPECT_TRUE(parses_to("3 miljoner", kr(3'000'000)));
  EXPECT_TRUE(parses_to("1 miljon kr", kr(1'000'000)));
  EXPECT_TRUE(parses_to("2,5 Miljoner  KR", kr(2'500'000)));
  EXPECT_TRUE(parses_to("40 tusen kr", kr(40'000)));
  EXPECT_TRUE(parses_to("1 miljard kr", kr(1'000'000'000)));
  EXPECT_TRUE(parses_to("2 miljarder", kr(2'000'000'000)));
  EXPECT_TRUE(parses_to("3" NBSP "miljoner" NBSP "kr", kr(3'000'000)));
}

TEST(ParseAmount, AcceptsOreAfterADecimalComma) {
  EXPECT_TRUE(parses_to("6 214 587,50", 621'458'750));
  EXPECT_TRUE(parses_to("6 214 587,5", 621'458'750));
  EXPECT_TRUE(parses_to("6 214 587,05 kr", 621'458'705));
  EXPECT_TRUE(parses_to("0,01", 1));
  EXPECT_TRUE(parses_to("0,5", 50));
}

TEST(ParseAmount, AcceptsADotAsDecimalMarkWhenThereIsNoComma) {
  EXPECT_TRUE(parses_to("1234.50", 123'450));
  EXPECT_TRUE(parses_to("1234.5", 123'450));
  EXPECT_TRUE(parses_to("-12.05", -1'205));
  EXPECT_TRUE(parses_to("1 234.50", 123'450));
}

TEST(ParseAmount, AcceptsNoBreakNarrowAndThinSpacesBetweenGroups) {
  EXPECT_TRUE(parses_to("5" NBSP "900" NBSP "000", kr(5'900'000)));
  EXPECT_TRUE(parses_to("5" NNBSP "900" NNBSP "000", kr(5'900'000)));
  EXPECT_TRUE(parses_to("5" THIN "900" THIN "000", kr(5'900'000)));
  EXPECT_TRUE(parses_to("5" NBSP "900 000" NNBSP "kr", kr(5'900'000)));
}

TEST(ParseAmount, AcceptsWhatIntlNumberFormatSvSeWrites) {
  EXPECT_TRUE(parses_to("1" NBSP "234" NBSP "567,89", 123'456'789));
  EXPECT_TRUE(parses_to(MINUS "1" NBSP "000", kr(-1'000)));
  EXPECT_TRUE(parses_to("1" NBSP "234,00" NBSP "kr", kr(1'234)));
  EXPECT_TRUE(parses_to(MINUS "6" NBSP "214" NBSP "587,50" NBSP "kr", -621'458'750));
}

TEST(ParseAmount, AcceptsNegativeAmountsWithHyphenOrMinusSign) {
  EXPECT_TRUE(parses_to("-1 000", kr(-1'000)));
  EXPECT_TRUE(parses_to(MINUS "1 000", kr(-1'000)));
  EXPECT_TRUE(parses_to("-1,75 mnkr", kr(-1'750'000)));
  EXPECT_TRUE(parses_to("+1 000", kr(1'000)));
}

TEST(ParseAmount, ReadsMinusZeroAsZero) {
  EXPECT_TRUE(parses_to("-0", 0));
  EXPECT_TRUE(parses_to(MINUS "0,00 kr", 0));
}

TEST(ParseAmount, IgnoresSpacesTabsAndLineEndsAroundACell) {
  EXPECT_TRUE(parses_to("  5 900 000  ", kr(5'900'000)));
  EXPECT_TRUE(parses_to("\t750 tkr\r\n", kr(750'000)));
  EXPECT_TRUE(parses_to(NBSP "42" NBSP, kr(42)));
}

TEST(ParseAmount, AcceptsLeadingZeros) {
  EXPECT_TRUE(parses_to("007", kr(7)));
  EXPECT_TRUE(parses_to("00000000000000000000000000001", kr(1)));
}

TEST(ParseAmount, AcceptsExactlyTenTrillionKronorButNotOneOreMore) {
  EXPECT_TRUE(parses_to("10 000 000 000 000", kMaxAmountOre));
  EXPECT_TRUE(parses_to("-10 000 000 000 000 kr", -kMaxAmountOre));
  EXPECT_TRUE(parses_to("10 000 mdkr", kMaxAmountOre));
  EXPECT_EQ(parse_amount("10 000 000 000 000,01").error, ParseError::out_of_range);
  EXPECT_EQ(parse_amount("10 000,000000001 mdkr").error, ParseError::out_of_range);
}

// ---- parse_amount: what it refuses, and why ----

struct Malformed {
  const char* text;
  ParseError error;
};

class ParseAmountRefuses : public ::testing::TestWithParam<Malformed> {};

TEST_P(ParseAmountRefuses, WithTheRightError) {
  const AmountParse p = parse_amount(GetParam().text);
  EXPECT_EQ(name(p.error), name(GetParam().error)) << '"' << GetParam().text << '"';
  EXPECT_EQ(p.ore, 0);
}

INSTANTIATE_TEST_SUITE_P(
    MalformedAmounts, ParseAmountRefuses,
    ::testing::Values(
        // Nothing there.
        Malformed{"", ParseError::empty}, Malformed{"   ", ParseError::empty},
        Malformed{NBSP NNBSP "\t\r\n", ParseError::empty},
        // Not a number.
        Malformed{"abc", ParseError::syntax}, Malformed{"kr", ParseError::syntax},
        Malformed{"mnkr", ParseError::syntax}, Malformed{"NaN", ParseError::syntax},
        Malformed{"Infinity", ParseError::syntax}, Malformed{"-", ParseError::syntax},
        Malformed{MINUS, ParseError::syntax}, Malformed{"\xC2\xBD", ParseError::syntax},  // ½
        Malformed{"5 ooo", ParseError::syntax}, Malformed{"0x10", ParseError::syntax},
        Malformed{"1e5", ParseError::syntax}, Malformed{"1E5", ParseError::syntax},
        Malformed{"\xEF\xBC\x95", ParseError::syntax},  // full-width ５
        // Signs.
        Malformed{"--5", ParseError::syntax}, Malformed{"+-5", ParseError::syntax},
        Malformed{"-" MINUS "5", ParseError::syntax}, Malformed{"5-", ParseError::syntax},
        Malformed{"- 5", ParseError::syntax}, Malformed{"(1 000)", ParseError::syntax},
        Malformed{"\xE2\x80\x93" "5", ParseError::syntax},  // en dash
        // Units.
        Malformed{"5 900 000 euro", ParseError::syntax}, Malformed{"5 000 kr kr", ParseError::syntax},
        Malformed{"SEK 5 000 kr", ParseError::syntax}, Malformed{"5 000 kr.", ParseError::syntax},
        Malformed{"5 miljonerkr", ParseError::syntax}, Malformed{"5 %", ParseError::syntax},
        Malformed{"5 000,-5", ParseError::syntax}, Malformed{"5 miljoner euro", ParseError::syntax},
        // Decimal marks.
        Malformed{"1.234,50", ParseError::syntax}, Malformed{"1,234.50", ParseError::syntax},
        Malformed{"1,,5", ParseError::syntax}, Malformed{"1..5", ParseError::syntax},
        Malformed{",5", ParseError::syntax}, Malformed{".5", ParseError::syntax},
        Malformed{"5,", ParseError::syntax}, Malformed{"5.", ParseError::syntax},
        Malformed{"1,234,567", ParseError::syntax}, Malformed{"1.234.567", ParseError::syntax},
        Malformed{"0,123 456", ParseError::syntax},
        // Digit groups.
        Malformed{"59 00 000", ParseError::syntax}, Malformed{"5900 000", ParseError::syntax},
        Malformed{"5 9000", ParseError::syntax}, Malformed{"5 900 00", ParseError::syntax},
        Malformed{"5  900", ParseError::syntax}, Malformed{"5\t000", ParseError::syntax},
        Malformed{"1'000", ParseError::syntax}, Malformed{"1_000", ParseError::syntax},
        // Finer than an öre.
        Malformed{"0,001", ParseError::too_many_decimals},
        Malformed{"0,001 kr", ParseError::too_many_decimals},
        Malformed{"1,500", ParseError::too_many_decimals},  // likely an English 1,500
        Malformed{"1.500", ParseError::too_many_decimals},  // likely a German 1.500
        Malformed{"6,214 kr", ParseError::too_many_decimals},
        Malformed{"1,000001 tkr", ParseError::too_many_decimals},
        Malformed{"1,234567891 mnkr", ParseError::too_many_decimals},
        // Too large.
        Malformed{"99999999999999999999", ParseError::out_of_range},
        Malformed{"12 345 678 901 234 567", ParseError::out_of_range},
        Malformed{"1 000 000 000 000 000", ParseError::out_of_range},
        Malformed{"-1 000 000 000 000 000", ParseError::out_of_range},
        Malformed{"10 000 000 000 001", ParseError::out_of_range},
        Malformed{"10 000 000 000 mnkr", ParseError::out_of_range},
        Malformed{"18446744073709551617", ParseError::out_of_range},
        Malformed{"9223372036854775808", ParseError::out_of_range},
        Malformed{"99999999999999999999999999999999999999999999999999,5", ParseError::out_of_range}));

TEST(ParseAmount, RefusesAnAbsurdlyLongDigitStringWithoutOverflow) {
  EXPECT_EQ(parse_amount(std::string(10'000, '9')).error, ParseError::out_of_range);
  EXPECT_EQ(parse_amount(std::string(10'000, '0') + "1").ore, kr(1));
}

// ---- parse_decimal ----

TEST(ParseDecimal, AcceptsWeightsAndIndicatorsAsWritten) {
  EXPECT_TRUE(decimal_parses_to("48 000", 48'000'000'000));
  EXPECT_TRUE(decimal_parses_to("48" NBSP "000", 48'000'000'000));
  EXPECT_TRUE(decimal_parses_to("0,5", 500'000));
  EXPECT_TRUE(decimal_parses_to("1.25", 1'250'000));
  EXPECT_TRUE(decimal_parses_to(MINUS "3", -3'000'000));
  EXPECT_TRUE(decimal_parses_to("-3", -3'000'000));
  EXPECT_TRUE(decimal_parses_to("0,125", 125'000));
  EXPECT_TRUE(decimal_parses_to("1,000001", 1'000'001));
  EXPECT_TRUE(decimal_parses_to("  2 ", 2'000'000));
  EXPECT_TRUE(decimal_parses_to("-0", 0));
}

TEST(ParseDecimal, AcceptsUpToOneTrillion) {
  EXPECT_TRUE(decimal_parses_to("1 000 000 000 000", kMaxDecimalMicro));
  EXPECT_TRUE(decimal_parses_to("-1000000000000", -kMaxDecimalMicro));
  EXPECT_EQ(parse_decimal("1 000 000 000 000,000001").error, ParseError::out_of_range);
  EXPECT_EQ(parse_decimal("99999999999999999999").error, ParseError::out_of_range);
  EXPECT_EQ(parse_decimal(std::string(500, '9')).error, ParseError::out_of_range);
}

TEST(ParseDecimal, APerCentSignWhereAllowedIsTheNumberItself) {
  auto percent = [](std::string_view text) { return parse_decimal(text, Notation::written, PercentSign::allowed); };
  EXPECT_EQ(percent("12,5 %").value.micro, 12'500'000);
  EXPECT_EQ(percent("8,4%").value.micro, 8'400'000);
  EXPECT_EQ(percent("75" NBSP "%").value.micro, 75'000'000);
  EXPECT_EQ(percent("1 240,5 %").value.micro, 1'240'500'000);
  EXPECT_EQ(percent("46,600 %").error, ParseError::ambiguous);
  EXPECT_EQ(percent("%").error, ParseError::syntax);
  EXPECT_EQ(percent("5 %%").error, ParseError::syntax);
  EXPECT_EQ(percent("5 kr").error, ParseError::syntax);
  // Refused unless allowed, and never in a JSON number's source text.
  EXPECT_EQ(parse_decimal("12,5 %").error, ParseError::syntax);
  EXPECT_EQ(parse_decimal("12.5%", Notation::json_number, PercentSign::allowed).error, ParseError::syntax);
}

TEST(ParseDecimal, RefusesMoreThanSixDecimals) {
  EXPECT_EQ(parse_decimal("0,1234567").error, ParseError::too_many_decimals);
  EXPECT_EQ(parse_decimal("1.0000000").error, ParseError::too_many_decimals);
}

TEST(ParseDecimal, RefusesUnitsAndMalformedNumbers) {
  EXPECT_EQ(parse_decimal("5 kr").error, ParseError::syntax);
  EXPECT_EQ(parse_decimal("5 tkr").error, ParseError::syntax);
  EXPECT_EQ(parse_decimal("5 %").error, ParseError::syntax);
  EXPECT_EQ(parse_decimal("1.234,5").error, ParseError::syntax);
  EXPECT_EQ(parse_decimal("59 00 000").error, ParseError::syntax);
  EXPECT_EQ(parse_decimal("1e5").error, ParseError::syntax);
  EXPECT_EQ(parse_decimal(",5").error, ParseError::syntax);
  EXPECT_EQ(parse_decimal("").error, ParseError::empty);
  EXPECT_EQ(parse_decimal(" \t").error, ParseError::empty);
}

// Issue 17: "46,600" pasted from an English or German export was read as
// 46,6, a thousandfold error.
TEST(ParseDecimal, RefusesAThreeDigitGroupAfterTheOnlyMarkAsAmbiguous) {
  for (const char* text : {"46,600", "46.600", "1.000", "1,000", "-46,600", MINUS "2,125", "999.999", " 46,600 "}) {
    EXPECT_EQ(parse_decimal(text).error, ParseError::ambiguous) << text;
  }
}

TEST(ParseDecimal, ReadsAMarkThatCannotBeAThousandsSeparatorAsDecimal) {
  EXPECT_TRUE(decimal_parses_to("0,600", 600'000)) << "a leading 0 is no thousands group";
  EXPECT_TRUE(decimal_parses_to("1046,600", 1'046'600'000)) << "a first group has at most three digits";
  EXPECT_TRUE(decimal_parses_to("1 046,600", 1'046'600'000)) << "spaces group the thousands, so ',' is decimal";
  EXPECT_TRUE(decimal_parses_to("46,6", 46'600'000));
  EXPECT_TRUE(decimal_parses_to("46,60", 46'600'000));
  EXPECT_TRUE(decimal_parses_to("46,6000", 46'600'000));
  EXPECT_TRUE(decimal_parses_to("46 600", 46'600'000'000));
}

TEST(ParseDecimal, ReadsAJsonNumbersDotAsItsDecimalMark) {
  const DecimalParse p = parse_decimal("46.600", Notation::json_number);
  ASSERT_TRUE(p.ok()) << name(p.error);
  EXPECT_EQ(p.value.micro, 46'600'000);
}

TEST(FormatDecimalPlain, WritesAFourthDecimalRatherThanAnAmbiguousThird) {
  EXPECT_EQ(format_decimal_plain(Decimal{2'125'000}), "2.1250");
  EXPECT_EQ(format_decimal_plain(Decimal{-46'625'000}), "-46.6250");
  EXPECT_EQ(format_decimal_plain(Decimal{1'046'625'000}), "1046.625");
  EXPECT_TRUE(decimal_parses_to(format_decimal_plain(Decimal{999'999'000}), 999'999'000));
}

// ---- formatters ----

TEST(FormatKrSv, GroupsWithNoBreakSpacesAndShowsOreOnlyWhenThereAreAny) {
  EXPECT_EQ(format_kr_sv(kr(6'214'587)), "6" NBSP "214" NBSP "587" NBSP "kr");
  EXPECT_EQ(format_kr_sv(621'458'750), "6" NBSP "214" NBSP "587,50" NBSP "kr");
  EXPECT_EQ(format_kr_sv(5), "0,05" NBSP "kr");
  EXPECT_EQ(format_kr_sv(0), "0" NBSP "kr");
  EXPECT_EQ(format_kr_sv(kr(999)), "999" NBSP "kr");
  EXPECT_EQ(format_kr_sv(kr(1'000)), "1" NBSP "000" NBSP "kr");
}

TEST(FormatKrSv, WritesNegativeAmountsWithTheMinusSign) {
  EXPECT_EQ(format_kr_sv(kr(-1'000)), MINUS "1" NBSP "000" NBSP "kr");
  EXPECT_EQ(format_kr_sv(-1'205), MINUS "12,05" NBSP "kr");
}

TEST(FormatKrEn, GroupsWithCommasAndUsesADecimalPoint) {
  EXPECT_EQ(format_kr_en(kr(6'214'587)), "6,214,587 kr");
  EXPECT_EQ(format_kr_en(621'458'750), "6,214,587.50 kr");
  EXPECT_EQ(format_kr_en(kr(-1'000)), "-1,000 kr");
  EXPECT_EQ(format_kr_en(0), "0 kr");
}

TEST(FormatKrPlain, WritesKronorWithoutGroupingOrUnit) {
  EXPECT_EQ(format_kr_plain(kr(6'214'587)), "6214587");
  EXPECT_EQ(format_kr_plain(621'458'750), "6214587.50");
  EXPECT_EQ(format_kr_plain(-1'205), "-12.05");
  EXPECT_EQ(format_kr_plain(-5), "-0.05");
  EXPECT_EQ(format_kr_plain(0), "0");
}

TEST(FormatDecimalPlain, WritesTheShortestExactForm) {
  EXPECT_EQ(format_decimal_plain(Decimal{500'000}), "0.5");
  EXPECT_EQ(format_decimal_plain(Decimal{48'000'000'000}), "48000");
  EXPECT_EQ(format_decimal_plain(Decimal{1'000'001}), "1.000001");
  EXPECT_EQ(format_decimal_plain(Decimal{-3'000'000}), "-3");
  EXPECT_EQ(format_decimal_plain(Decimal{-1}), "-0.000001");
  EXPECT_EQ(format_decimal_plain(Decimal{125'000}), "0.125");
  EXPECT_EQ(format_decimal_plain(Decimal{0}), "0");
}

TEST(Formatters, HandleTheExtremesOfInt64) {
  constexpr std::int64_t lo = std::numeric_limits<std::int64_t>::min();
  constexpr std::int64_t hi = std::numeric_limits<std::int64_t>::max();
  EXPECT_EQ(format_kr_plain(lo), "-92233720368547758.08");
  EXPECT_EQ(format_kr_plain(hi), "92233720368547758.07");
  EXPECT_EQ(format_kr_en(lo), "-92,233,720,368,547,758.08 kr");
  EXPECT_EQ(format_kr_sv(lo), MINUS "92" NBSP "233" NBSP "720" NBSP "368" NBSP "547" NBSP
                              "758,08" NBSP "kr");
  EXPECT_EQ(format_decimal_plain(Decimal{lo}), "-9223372036854.775808");
  EXPECT_EQ(format_decimal_plain(Decimal{hi}), "9223372036854.775807");
}

// ---- round trips ----

std::int64_t random_in(std::mt19937_64& rng, std::int64_t bound) {
  // Mostly small amounts, some near the bound, so every group length shows up.
  std::uniform_int_distribution<int> digits(1, 19);
  std::int64_t limit = 1;
  for (int k = digits(rng); k > 0 && limit < bound; --k) limit *= 10;
  if (limit > bound) limit = bound;
  return std::uniform_int_distribution<std::int64_t>(-limit, limit)(rng);
}

TEST(RoundTrip, PlainFormatParsesBackToTheSameOre) {
  std::mt19937_64 rng(20240601);
  for (int i = 0; i < 20'000; ++i) {
    const Ore ore = random_in(rng, kMaxAmountOre);
    ASSERT_TRUE(parses_to(format_kr_plain(ore), ore));
  }
  for (Ore ore : {Ore{0}, Ore{1}, Ore{-1}, Ore{99}, Ore{100}, kMaxAmountOre, -kMaxAmountOre}) {
    EXPECT_TRUE(parses_to(format_kr_plain(ore), ore));
  }
}

TEST(RoundTrip, SwedishFormatParsesBackToTheSameOre) {
  std::mt19937_64 rng(1975);
  for (int i = 0; i < 20'000; ++i) {
    const Ore ore = random_in(rng, kMaxAmountOre);
    ASSERT_TRUE(parses_to(format_kr_sv(ore), ore));
  }
  for (Ore ore : {Ore{0}, Ore{1}, Ore{-1}, Ore{99}, Ore{100}, kMaxAmountOre, -kMaxAmountOre}) {
    EXPECT_TRUE(parses_to(format_kr_sv(ore), ore));
  }
}

TEST(RoundTrip, PlainDecimalParsesBackToTheSameValue) {
  std::mt19937_64 rng(48000);
  for (int i = 0; i < 20'000; ++i) {
    const std::int64_t micro = random_in(rng, kMaxDecimalMicro);
    ASSERT_TRUE(decimal_parses_to(format_decimal_plain(Decimal{micro}), micro));
  }
  EXPECT_TRUE(decimal_parses_to(format_decimal_plain(Decimal{kMaxDecimalMicro}), kMaxDecimalMicro));
}

TEST(RoundTrip, AmountsBeyondTheBoundAreFormattedButNotReadBack) {
  EXPECT_EQ(parse_amount(format_kr_plain(kMaxAmountOre + 1)).error, ParseError::out_of_range);
  EXPECT_EQ(parse_amount(format_kr_sv(std::numeric_limits<Ore>::min())).error,
            ParseError::out_of_range);
}

}  // namespace
}  // namespace fordela
