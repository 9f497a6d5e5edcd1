// Hostile input, as it arrives by link, file or paste, and what the fuzz
// targets (fuzz/) and the sanitizer builds found. Each test says what a
// user must see; the page shows names as text, so the core's part is to
// carry them unchanged, answer well-formed JSON and never crash.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "fordela/api.hpp"
#include "fordela/csv.hpp"
#include "fordela/money.hpp"
#include "test_support.hpp"

namespace fordela::test {
namespace {

// Norr and Söder share 100 kr equally; `name` replaces Norr.
std::string two_recipients(const std::string& name_json, const std::string& total = "100") {
  return scenario(R"("pot": {"total": )" + total + R"(},
    "recipients": [{"name": )" + name_json + R"(}, {"name": "Söder"}],
    "key": [{"name": "Lika", "share": 100, "basis": "equal"}])");
}

std::string json_string(const std::string& text) { return json(text).dump(); }

bool valid_utf8(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n;
  }
  return true;
}

// ---------------------------------------------------------------------------
// Text that means something elsewhere

TEST(HostileText, MarkupInANameComesBackAsTheSameTextNotAsMarkup) {
  for (const std::string name : {"<img src=x onerror=alert(1)>", "<script>window.pwned=1</script>",
                                 "\"><svg onload=alert(1)>", "=HYPERLINK(\"http://x\")"}) {
    SCOPED_TRACE(name);
    json result = compute(two_recipients(json_string(name)));
    ASSERT_TRUE(result["ok"].get<bool>()) << result.dump();
    EXPECT_EQ(result["recipients"][0]["name"], name);
    EXPECT_EQ(formula(result, name), kr(50));
    json normalized = parse(normalize_scenario_json(two_recipients(json_string(name))));
    EXPECT_EQ(normalized["recipients"][0]["name"], name);
  }
}

TEST(HostileText, ControlCharactersInANameAreKeptButWrittenEscaped) {
  const std::string name = std::string("Norr") + '\0' + "\a\x1b[31m\t";
  const std::string text = compute_scenario_json(two_recipients(json_string(name)));
  for (char c : text) EXPECT_GE(static_cast<unsigned char>(c), 0x20) << "a raw control character in the result";
  EXPECT_EQ(parse(text)["recipients"][0]["name"], name);
}

TEST(HostileText, ARightToLeftOverrideInANameDoesNotReorderTheRestOfAMessage) {
  // U+202E in a name turns everything after it backwards on screen unless
  // something closes it. In a message it is isolated: FSI name PDI.
  const std::string name = "Norr\xE2\x80\xAE" "000 001";
  const std::string doc = scenario(R"("pot": {"total": 3},
    "recipients": [{"name": )" + json_string(name) + R"(}, {"name": "Söder"}],
    "key": [{"name": "Lika", "share": 100, "basis": "equal"}])");
  json result = compute(doc);
  auto ties = findings_with(result, "apportion.tie");
  ASSERT_EQ(ties.size(), 1u) << result["findings"].dump();
  for (const char* language : {"sv", "en"}) {
    const std::string message = ties[0]["message"][language].get<std::string>();
    // Each tied name is isolated, FSI before it and PDI right after it, so
    // that the rest of the list and the sentence read as written.
    EXPECT_NE(message.find("\xE2\x81\xA8" + name + "\xE2\x81\xA9, Söder"), std::string::npos) << message;
  }
  // A message without such controls is left as it was.
  json plain = compute(two_recipients("\"Norr\"", "3"));
  EXPECT_EQ(plain.dump().find("\xE2\x81\xA8"), std::string::npos);
}

TEST(HostileText, BrokenUtf8AndLoneSurrogatesAreRefusedAsJsonNotPassedOn) {
  for (const std::string name : {std::string("\"\xFF\xFE\""), std::string("\"\\ud800\""), std::string("\"\xC3\"")}) {
    const std::string text = compute_scenario_json(two_recipients(name));
    EXPECT_TRUE(valid_utf8(text)) << text;
    json result = parse(text);
    EXPECT_FALSE(result["ok"].get<bool>());
    // Issue 17: said at the field, in plain words, not as a JSON syntax error.
    EXPECT_EQ(first_error(result)["code"], "json.string_invalid");
    EXPECT_EQ(first_error(result)["path"], "/recipients/0/name");
  }
}

TEST(HostileText, AMegabyteNameIsRefusedWithAShortMessage) {
  json result = compute(two_recipients(json_string(std::string(1'000'000, 'A'))));
  EXPECT_FALSE(result["ok"].get<bool>());
  EXPECT_EQ(first_error(result)["code"], "string.too_long");
  EXPECT_EQ(first_error(result)["path"], "/recipients/0/name");
  EXPECT_LT(result.dump().size(), 2'000u) << "the name is not echoed back in full";
}

// ---------------------------------------------------------------------------
// Numbers that are not what they seem

TEST(HostileNumbers, APotOfMinusZeroIsAnEmptyPot) {
  for (const std::string pot : {"-0", "\"-0\"", "-0.0"}) {
    json result = compute(two_recipients("\"Norr\"", pot));
    ASSERT_TRUE(result["ok"].get<bool>()) << pot << ": " << result.dump();
    EXPECT_EQ(total(result, "pot_ore"), 0) << pot;
  }
}

TEST(HostileNumbers, NotANumberAndInfinityAreRefusedWhereTheyStand) {
  EXPECT_EQ(first_error(compute(two_recipients("\"Norr\"", "\"NaN\"")))["code"], "amount.syntax");
  EXPECT_EQ(first_error(compute(two_recipients("\"Norr\"", "\"Infinity\"")))["code"], "amount.syntax");
  // Bare NaN is not JSON at all.
  EXPECT_EQ(first_error(compute(two_recipients("\"Norr\"", "NaN")))["code"], "json.syntax");
  EXPECT_FALSE(parse_amount("NaN").ok());
  EXPECT_FALSE(parse_decimal("Infinity").ok());
}

TEST(HostileNumbers, TwentyNinesAreTooLargeNotWrappedAround) {
  for (const std::string pot : {"99999999999999999999", "\"99999999999999999999\"", "18446744073709551617"}) {
    json result = compute(two_recipients("\"Norr\"", pot));
    EXPECT_FALSE(result["ok"].get<bool>()) << pot;
    EXPECT_EQ(first_error(result)["code"], "amount.out_of_range") << pot;
    EXPECT_EQ(first_error(result)["path"], "/pot/total");
  }
  EXPECT_EQ(parse_decimal("99999999999999999999").error, ParseError::out_of_range);
}

// ---------------------------------------------------------------------------
// Sizes

TEST(HostileSizes, AMillionAndOneRecipientsAreRefusedAtTheLimitNotComputed) {
  std::string recipients = "[";
  for (int i = 0; i <= 1'000'000; ++i) recipients += i ? ",{}" : "{}";
  recipients += "]";
  json result = compute(scenario(R"("pot": {"total": 100}, "recipients": )" + recipients +
                                 R"(, "key": [{"name": "Lika", "share": 100, "basis": "equal"}])"));
  EXPECT_FALSE(result["ok"].get<bool>());
  EXPECT_EQ(first_error(result)["code"], "limit.recipients");
  EXPECT_EQ(first_error(result)["path"], "/recipients");
}

TEST(HostileSizes, NestingAHundredThousandDeepIsRefusedNotARecursionCrash) {
  const std::string deep = std::string(100'000, '[') + std::string(100'000, ']');
  EXPECT_EQ(first_error(compute(deep))["code"], "document.too_deep");
  EXPECT_EQ(first_error(compute(two_recipients(std::string(100'000, '['))))["code"], "document.too_deep");
  json answer = parse(apportion_json(std::string(100'000, '{')));
  EXPECT_FALSE(answer["ok"].get<bool>());
}

TEST(HostileSizes, ACsvLineOfAMillionSeparatorsStopsAtTheFieldLimit) {
  CsvTable table = read_csv(std::string(1'000'000, ';'), ';');
  EXPECT_FALSE(table.ok());
  EXPECT_EQ(table.error, CsvError::too_many_fields);
  EXPECT_TRUE(table.rows.empty());
}

}  // namespace
}  // namespace fordela::test
