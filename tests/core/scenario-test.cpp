// The scenario engine's behaviour, case by case, in the domain's words:
// the pot and its deductions, the key, rounding, given components,
// earmarks, dates, the redistribution round, the forms people paste, and
// the documents it must refuse without crashing.
#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace fordela::test {
namespace {

// A document text with one piece replaced; fails loudly if the piece is
// not there, so a table row cannot silently test the unchanged document.
std::string changed(std::string text, std::string_view from, std::string_view to) {
  auto at = text.find(from);
  if (at == std::string::npos) {
    ADD_FAILURE() << "\"" << from << "\" not in the document";
    return text;
  }
  return text.replace(at, from.size(), to);
}

// Norr (1 200 inhabitants) and Söder (800) share 1 000 000 kr by population.
const std::string kPopulation = scenario(R"(
  "pot": {"total": 1000000},
  "indicators": [{"id": "befolkning", "label": "Befolkning", "kind": "count"}],
  "recipients": [
    {"name": "Norr", "values": {"befolkning": 1200}},
    {"name": "Söder", "values": {"befolkning": 800}}
  ],
  "key": [{"name": "Befolkning", "share": 100, "basis": "indicator", "indicator": "befolkning"}],
  "rounding": {"unit": 1, "method": "largest-remainder", "level": "recipient"})");

TEST(Population, ThePotIsSplitInProportionToPopulation) {
  json result = compute(kPopulation);
  ASSERT_TRUE(result["ok"].get<bool>()) << result.dump();
  EXPECT_EQ(result["findings"], json::array());
  EXPECT_EQ(formula(result, "Norr"), kr(600'000));
  EXPECT_EQ(formula(result, "Söder"), kr(400'000));
  EXPECT_EQ(result["format"], "fordela-result");
  EXPECT_EQ(result["version"], 1);
}

// ---------------------------------------------------------------------------
// The pot

TEST(Pot, DeductionsReduceTheNetPotBeforeTheKeyApplies) {
  json result = compute(changed(kPopulation, R"("total": 1000000)",
                                R"("total": 1000000, "deductions": [
                                     {"name": "Administration", "amount": 100000},
                                     {"name": "Uppföljning", "amount": "50 000 kr"}])"));
  ASSERT_TRUE(result["ok"].get<bool>()) << result.dump();
  EXPECT_EQ(total(result, "pot_ore"), kr(1'000'000));
  EXPECT_EQ(total(result, "deductions_ore"), kr(150'000));
  EXPECT_EQ(total(result, "net_ore"), kr(850'000));
  EXPECT_EQ(formula(result, "Norr"), kr(510'000));   // 60 % of 850 000
  EXPECT_EQ(formula(result, "Söder"), kr(340'000));  // 40 %
  EXPECT_EQ(total(result, "formula_ore"), kr(850'000));
}

TEST(Pot, DeductionsExceedingThePotAreAnError) {
  json result = compute(changed(kPopulation, R"("total": 1000000)",
                                R"("total": 1000000, "deductions": [{"name": "Administration", "amount": 1000001}])"));
  EXPECT_FALSE(result["ok"].get<bool>());
  json error = first_error(result);
  EXPECT_EQ(error["code"], "pot.net_negative");
  EXPECT_EQ(error["path"], "/pot/deductions");
}

TEST(Pot, DeductionsEqualToThePotLeaveNothingToSplit) {
  json result = compute(changed(kPopulation, R"("total": 1000000)",
                                R"("total": 1000000, "deductions": [{"name": "Allt", "amount": 1000000}])"));
  ASSERT_TRUE(result["ok"].get<bool>()) << result.dump();
  EXPECT_EQ(total(result, "net_ore"), 0);
  EXPECT_EQ(formula(result, "Norr"), 0);
  EXPECT_EQ(formula(result, "Söder"), 0);
}

// ---------------------------------------------------------------------------
// The key

TEST(Key, SharesNotAddingUpTo100AreAnErrorAtTheKey) {
  json result = compute(scenario(R"(
    "pot": {"total": 1000},
    "recipients": [{"name": "Norr"}, {"name": "Söder"}],
    "key": [{"name": "Lika", "share": 60, "basis": "equal"}, {"name": "Mer lika", "share": 30, "basis": "equal"}])"));
  EXPECT_FALSE(result["ok"].get<bool>());
  json error = first_error(result);
  EXPECT_EQ(error["code"], "key.shares_sum");
  EXPECT_EQ(error["path"], "/key");
  EXPECT_NE(error["message"]["sv"].get<std::string>().find("90 %"), std::string::npos) << error.dump();
  EXPECT_FALSE(result.contains("totals")) << "no amounts are shown for a key that does not add up";
}

TEST(Key, DecimalSharesOf33Point333333TimesTwoAnd33Point333334AddUpTo100) {
  json result = compute(scenario(R"(
    "pot": {"total": 900},
    "recipients": [{"name": "Norr"}, {"name": "Söder"}, {"name": "Väst"}],
    "key": [{"name": "A", "share": "33,333333", "basis": "equal"},
            {"name": "B", "share": 33.333333, "basis": "equal"},
            {"name": "C", "share": "33.333334", "basis": "equal"}])"));
  ASSERT_TRUE(result["ok"].get<bool>()) << result.dump();
  EXPECT_EQ(formula_kr(result), (std::vector<std::int64_t>{300, 300, 300}));
  std::int64_t frames = 0;
  for (const auto& c : result["components"]) frames += c["frame_ore"].get<std::int64_t>();
  EXPECT_EQ(frames, kr(900)) << "the frames add up to the net pot exactly";
}

// A 75/25 key on 1 000 kr in units of 100 kr. Exact: A has 250 + 125 =
// 375 kr, B has 500 + 125 = 625 kr.
const std::string kSeventyFiveTwentyFive = scenario(R"(
  "pot": {"total": 1000},
  "indicators": [{"id": "omr", "label": "Områden", "kind": "count"},
                 {"id": "bef", "label": "Befolkning", "kind": "count"}],
  "recipients": [{"name": "A", "values": {"omr": 1, "bef": 1}},
                 {"name": "B", "values": {"omr": 2, "bef": 1}}],
  "key": [{"name": "Områden", "share": 75, "basis": "indicator", "indicator": "omr"},
          {"name": "Befolkning", "share": 25, "basis": "indicator", "indicator": "bef"}],
  "rounding": {"unit": 100, "level": "recipient"})");

TEST(Key, A7525SplitRoundedPerRecipientAllocatesTheWholePot) {
  // 3,75 and 6,25 units: A has the larger remainder and gets the tenth.
  json result = compute(kSeventyFiveTwentyFive);
  ASSERT_TRUE(result["ok"].get<bool>()) << result.dump();
  EXPECT_EQ(result["findings"], json::array());
  EXPECT_EQ(recipient(result, "A")["exact_ore"], kr(375));
  EXPECT_EQ(recipient(result, "B")["exact_ore"], kr(625));
  EXPECT_EQ(formula(result, "A"), kr(400));
  EXPECT_EQ(formula(result, "B"), kr(600));
  EXPECT_EQ(recipient(result, "A")["rounding_ore"], kr(25));
  EXPECT_EQ(recipient(result, "B")["rounding_ore"], kr(-25));
  EXPECT_TRUE(recipient(result, "A")["components"][0]["amount_ore"].is_null());
  EXPECT_EQ(total(result, "not_allocated_ore"), 0);
}

TEST(Key, A7525SplitRoundedPerComponentLeaves100NotAllocated) {
  // 750 kr: 7 units and 50 kr over, 2,33 and 4,67 units, B gets the
  // seventh. 250 kr: 2 units and 50 kr over, one each.
  json result = compute(changed(kSeventyFiveTwentyFive, R"("level": "recipient")", R"("level": "component")"));
  ASSERT_TRUE(result["ok"].get<bool>()) << result.dump();
  EXPECT_EQ(result["rounding"]["level"], "component");
  const json& a = recipient(result, "A");
  const json& b = recipient(result, "B");
  EXPECT_EQ(a["components"][0]["amount_ore"], kr(200));
  EXPECT_EQ(a["components"][1]["amount_ore"], kr(100));
  EXPECT_EQ(b["components"][0]["amount_ore"], kr(500));
  EXPECT_EQ(b["components"][1]["amount_ore"], kr(100));
  EXPECT_EQ(formula(result, "A"), kr(300));
  EXPECT_EQ(formula(result, "B"), kr(600));
  EXPECT_EQ(total(result, "formula_ore"), kr(900));
  EXPECT_EQ(total(result, "not_allocated_ore"), kr(100));
  // The pot (1 000 kr) is a multiple of 100 kr; its parts are not: the
  // warning names them, not the pot.
  EXPECT_TRUE(finding(result, "rounding.not_allocated").is_null()) << result.dump();
  json warning = finding(result, "rounding.not_allocated_parts");
  ASSERT_FALSE(warning.is_null()) << result.dump();
  EXPECT_EQ(warning["severity"], "warning");
  EXPECT_EQ(warning["path"], "/rounding/level");
  EXPECT_EQ(warning["message"]["sv"].get<std::string>().rfind(sv_kr("100 kr"), 0), 0u) << warning.dump();
  EXPECT_NE(warning["message"]["sv"].get<std::string>().find(sv_kr("50 kr") + " av ”Områden” (" + sv_kr("750 kr") + ") och " +
                                                             sv_kr("50 kr") + " av ”Befolkning” (" + sv_kr("250 kr") + ")"),
            std::string::npos)
      << warning.dump();
  EXPECT_NE(warning["message"]["en"].get<std::string>().find("each part of the key is rounded on its own"), std::string::npos);
}

TEST(Key, EqualBasisGivesEveryRecipientTheSame) {
  json result = compute(scenario(R"(
    "pot": {"total": 900},
    "recipients": [{"name": "Norr"}, {"name": "Söder"}, {"name": "Väst"}],
    "key": [{"name": "Lika", "share": 100, "basis": "equal"}])"));
  ASSERT_TRUE(result["ok"].get<bool>()) << result.dump();
  EXPECT_EQ(formula_kr(result), (std::vector<std::int64_t>{300, 300, 300}));
  EXPECT_EQ(result["components"][0]["basis_total"], "3");
}

TEST(Key, AWeightedBasisAddsWeightTimesValue) {
  // Utsatt × 1, risk × 2, särskilt utsatt × 3: A 1 + 2 = 3, B 3 × 3 = 9.
  json result = compute(scenario(R"(
    "pot": {"total": 1200},
    "indicators": [{"id": "utsatt", "kind": "count"}, {"id": "risk", "kind": "count"},
                   {"id": "sarskilt", "kind": "count"}],
    "recipients": [{"name": "A", "values": {"utsatt": 1, "risk": 1}},
                   {"name": "B", "values": {"sarskilt": 3}}],
    "key": [{"name": "Utsatthet", "share": 100, "basis": "weighted",
             "weights": {"utsatt": 1, "risk": 2, "sarskilt": 3}}])"));
  ASSERT_TRUE(result["ok"].get<bool>()) << result.dump();
  EXPECT_EQ(formula(result, "A"), kr(300));
  EXPECT_EQ(formula(result, "B"), kr(900));
}

TEST(Key, AZeroPercentComponentSplitsNothing) {
  json result = compute(scenario(R"(
    "pot": {"total": 1000},
    "indicators": [{"id": "bef", "kind": "count"}],
    "recipients": [{"name": "Norr", "values": {"bef": 3}}, {"name": "Söder", "values": {"bef": 1}}],
    "key": [{"name": "Befolkning", "share": 100, "basis": "indicator", "indicator": "bef"},
            {"name": "Lika", "share": 0, "basis": "equal"}])"));
  ASSERT_TRUE(result["ok"].get<bool>()) << result.dump();
  EXPECT_EQ(result["components"][1]["frame_ore"], 0);
  EXPECT_EQ(formula(result, "Norr"), kr(750));
  EXPECT_EQ(formula(result, "Söder"), kr(250));
}

TEST(Key, AnAllZeroBasisWithMoneyToSplitIsAnError) {
  json result = compute(changed(kPopulation, R"("befolkning": 1200)", R"("befolkning": 0)"));
  ASSERT_TRUE(result["ok"].get<bool>()) << "one zero is fine: " << result.dump();
  result = compute(changed(changed(kPopulation, R"("befolkning": 1200)", R"("befolkning": 0)"),
                           R"("befolkning": 800)", R"("befolkning": "0")"));
  EXPECT_FALSE(result["ok"].get<bool>());
  json error = first_error(result);
  EXPECT_EQ(error["code"], "key.basis_zero");
  EXPECT_EQ(error["path"], "/key/0");
}

// ---------------------------------------------------------------------------
// Rounding

TEST(Rounding, ATotalNotAMultipleOfTheUnitReportsTheRemainderAsNotAllocated) {
  json result = compute(scenario(R"(
    "pot": {"total": 1050},
    "recipients": [{"name": "Norr"}, {"name": "Söder"}],
    "key": [{"name": "Lika", "share": 100, "basis": "equal"}],
    "rounding": {"unit": 100})"));
  ASSERT_TRUE(result["ok"].get<bool>()) << result.dump();
  EXPECT_EQ(formula(result, "Norr"), kr(500));
  EXPECT_EQ(formula(result, "Söder"), kr(500));
  EXPECT_EQ(total(result, "formula_ore"), kr(1000));
  EXPECT_EQ(total(result, "not_allocated_ore"), kr(50));
  ASSERT_EQ(result["findings"].size(), 1u) << result["findings"].dump();
  const json& warning = result["findings"][0];
  EXPECT_EQ(warning["code"], "rounding.not_allocated");
  EXPECT_EQ(warning["severity"], "warning");
  EXPECT_EQ(warning["path"], "/rounding/unit");
  const std::string sv = warning["message"]["sv"];
  EXPECT_EQ(sv.rfind(sv_kr("50 kr"), 0), 0u) << sv;
  EXPECT_NE(sv.find(sv_kr("100 kr")), std::string::npos) << sv;
  EXPECT_EQ(result["rounding"]["unit_ore"], kr(100));
}

TEST(Rounding, AUnitOfOneOreSplitsToTheOre) {
  json result = compute(scenario(R"(
    "pot": {"total": 100},
    "recipients": [{"name": "Norr"}, {"name": "Söder"}, {"name": "Väst"}],
    "key": [{"name": "Lika", "share": 100, "basis": "equal"}],
    "rounding": {"unit": "0,01"})"));
  ASSERT_TRUE(result["ok"].get<bool>()) << result.dump();
  // 10 000 öre in three: 3 334, 3 333, 3 333; Norr, listed first, wins the tie.
  EXPECT_EQ(formula(result, "Norr"), 3334);
  EXPECT_EQ(formula(result, "Söder"), 3333);
  EXPECT_EQ(formula(result, "Väst"), 3333);
  json tie = finding(result, "apportion.tie");
  ASSERT_FALSE(tie.is_null());
  EXPECT_NE(tie["message"]["sv"].get<std::string>().find("Norr, Söder, Väst"), std::string::npos) << tie.dump();
}

TEST(Rounding, ATieBetweenTwoEqualRecipientsGoesToTheOneListedFirstAndNamesBoth) {
  const std::string doc = scenario(R"(
    "pot": {"total": 3},
    "recipients": [{"name": "Norr"}, {"name": "Söder"}],
    "key": [{"name": "Lika", "share": 100, "basis": "equal"}])");
  json result = compute(doc);
  ASSERT_TRUE(result["ok"].get<bool>()) << result.dump();
  EXPECT_EQ(formula(result, "Norr"), kr(2));
  EXPECT_EQ(formula(result, "Söder"), kr(1));
  json tie = finding(result, "apportion.tie");
  ASSERT_FALSE(tie.is_null()) << result.dump();
  EXPECT_EQ(tie["severity"], "warning");
  EXPECT_EQ(tie["path"], "/rounding");
  EXPECT_NE(tie["message"]["sv"].get<std::string>().find("Norr, Söder"), std::string::npos) << tie.dump();
  EXPECT_NE(tie["message"]["en"].get<std::string>().find("Norr, Söder"), std::string::npos) << tie.dump();

  // Listed the other way round, Söder gets the krona.
  json reversed = compute(changed(doc, R"([{"name": "Norr"}, {"name": "Söder"}])",
                                  R"([{"name": "Söder"}, {"name": "Norr"}])"));
  EXPECT_EQ(formula(reversed, "Söder"), kr(2));
  EXPECT_EQ(formula(reversed, "Norr"), kr(1));
  EXPECT_NE(finding(reversed, "apportion.tie")["message"]["sv"].get<std::string>().find("Söder, Norr"),
            std::string::npos);
}

TEST(Rounding, AnEvenSplitIsNoTie) {
  json result = compute(scenario(R"(
    "pot": {"total": 4},
    "recipients": [{"name": "Norr"}, {"name": "Söder"}],
    "key": [{"name": "Lika", "share": 100, "basis": "equal"}])"));
  ASSERT_TRUE(result["ok"].get<bool>());
  EXPECT_EQ(result["findings"], json::array());
  EXPECT_EQ(formula_kr(result), (std::vector<std::int64_t>{2, 2}));
}

// Four parties with 700, 200, 6 000 and 1 600 votes share 8 kr in whole
// kronor: the methods differ (worked by hand, divisor by divisor).
std::string votes(std::string_view rounding, std::string_view weights = "[700, 200, 6000, 1600]",
                  int total = 8) {
  json w = json::parse(weights);
  std::string recipients = "[";
  for (std::size_t i = 0; i < w.size(); ++i) {
    recipients += std::string(i ? ", " : "") + R"({"name": ")" + std::string(1, char('A' + i)) +
                  R"(", "values": {"roster": )" + w[i].dump() + "}}";
  }
  recipients += "]";
  return scenario(R"("pot": {"total": )" + std::to_string(total) + R"(},
    "indicators": [{"id": "roster", "label": "Röster", "kind": "count"}],
    "recipients": )" + recipients + R"(,
    "key": [{"name": "Röster", "share": 100, "basis": "indicator", "indicator": "roster"}],
    "rounding": )" + std::string(rounding));
}

using Kronor = std::vector<std::int64_t>;

TEST(Methods, EachMethodIsSelectableThroughTheDocumentAndGivesItsTextbookResult) {
  struct Case {
    const char* rounding;
    Kronor expected;
  };
  const std::vector<Case> cases = {
      // Quotas 0,66 0,19 5,65 1,51: the two largest remainders are A's and C's.
      {R"({"unit": 1})", {1, 0, 6, 1}},
      {R"({"unit": 1, "method": "largest-remainder"})", {1, 0, 6, 1}},
      // 6000/1..7 and 1600/1 take the eight largest quotients.
      {R"({"unit": 1, "method": "dhondt"})", {0, 0, 7, 1}},
      // Plain Webster: 6000/1, 3, 5 … against 700/1 and 1600/1, 3.
      {R"({"unit": 1, "method": "sainte-lague"})", {1, 0, 6, 1}},
      {R"({"unit": 1, "method": "sainte-lague", "first_divisor": "1,2"})", {1, 0, 6, 1}},
      // Norway's 1,4 leaves A at 500 below D's second quotient 533.
      {R"({"unit": 1, "method": "sainte-lague", "first_divisor": 1.4})", {0, 0, 6, 2}},
      // One each first, then 6000/1, 6000/2, 6000/3 and 1600/1.
      {R"({"unit": 1, "method": "adams"})", {1, 1, 4, 2}},
      {R"({"unit": 1, "method": "dean"})", {1, 1, 5, 1}},
      {R"({"unit": 1, "method": "huntington-hill"})", {1, 1, 5, 1}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.rounding);
    json result = compute(votes(c.rounding));
    ASSERT_TRUE(result["ok"].get<bool>()) << result.dump();
    EXPECT_EQ(formula_kr(result), c.expected);
    EXPECT_EQ(total(result, "formula_ore"), kr(8));
  }
}

TEST(Methods, SainteLagueFirstDivisor12And14DecideTheLastKronaDifferently) {
  // With 1,2 A's first quotient is 583 and beats D's second (533); with
  // 1,4 it is 500 and loses.
  json sweden = compute(votes(R"({"unit": 1, "method": "sainte-lague", "first_divisor": "1,2"})"));
  json norway = compute(votes(R"({"unit": 1, "method": "sainte-lague", "first_divisor": "1,4"})"));
  EXPECT_EQ(formula(sweden, "A"), kr(1));
  EXPECT_EQ(formula(sweden, "D"), kr(1));
  EXPECT_EQ(formula(norway, "A"), 0);
  EXPECT_EQ(formula(norway, "D"), kr(2));
}

TEST(Methods, DeanAndHuntingtonHillPartWaysOnTheLastKrona) {
  // 1 900, 2 700 and 100 share 7 kr. After one each, Dean's divisor 12/5
  // lets A (1 900/2,4 = 792) beat B (2 700/3,43 = 787); Huntington-Hill's
  // √12 lets B (779) beat A (1 900/√6 = 776).
  json dean = compute(votes(R"({"unit": 1, "method": "dean"})", "[1900, 2700, 100]", 7));
  json hill = compute(votes(R"({"unit": 1, "method": "huntington-hill"})", "[1900, 2700, 100]", 7));
  EXPECT_EQ(formula_kr(dean), (Kronor{3, 3, 1}));
  EXPECT_EQ(formula_kr(hill), (Kronor{2, 4, 1}));
}

TEST(Methods, TheResultNamesTheMethodUsed) {
  json result = compute(votes(R"({"unit": 1, "method": "huntington-hill"})"));
  EXPECT_EQ(result["rounding"]["method"], "huntington-hill");
  EXPECT_EQ(result["rounding"]["level"], "recipient");
}

TEST(Methods, MinimumUnitsGiveEveryRecipientWithABasisAtLeastThatMany) {
  // B (quota 0,19) and A (0,66) are lifted to one krona each; C and D
  // share the other six by their quotas 4,74 and 1,26. E has no votes.
  json result = compute(votes(R"({"unit": 1, "min_units": 1})", "[700, 200, 6000, 1600, 0]"));
  ASSERT_TRUE(result["ok"].get<bool>()) << result.dump();
  EXPECT_EQ(formula_kr(result), (Kronor{1, 1, 5, 1, 0}));
  json dhondt = compute(votes(R"({"unit": 1, "method": "dhondt", "min_units": 1})", "[700, 200, 6000, 1600, 0]"));
  EXPECT_EQ(formula_kr(dhondt), (Kronor{1, 1, 5, 1, 0}));
}

TEST(Methods, AMinimumTypedAsTextIsTheSameNumberAndOnlyWholeNumbersAreUnits) {
  // As the page sends what is typed in the field.
  const json typed = compute(votes(R"({"unit": 1, "min_units": "1"})", "[700, 200, 6000, 1600, 0]"));
  ASSERT_TRUE(typed["ok"].get<bool>()) << typed.dump();
  EXPECT_EQ(formula_kr(typed), (Kronor{1, 1, 5, 1, 0}));
  for (const char* bad : {R"("1,5")", "1.5"}) {
    SCOPED_TRACE(bad);
    const json result = compute(votes(std::string(R"({"unit": 1, "min_units": )") + bad + "}"));
    const json error = first_error(result);
    EXPECT_EQ(error["code"], "number.not_whole");
    EXPECT_EQ(error["path"], "/rounding/min_units");
    EXPECT_EQ(error["message"]["sv"], "”" + std::string(bad[0] == '"' ? "1,5" : "1.5") +
                                          "” är inte ett heltal. Skriv till exempel 0, 1 eller 2.");
  }
  EXPECT_EQ(first_error(compute(votes(R"({"unit": 1, "min_units": "-2"})")))["code"], "number.negative");
  EXPECT_EQ(first_error(compute(votes(R"({"unit": 1, "min_units": "två"})")))["code"], "number.syntax");
}

TEST(Methods, AMinimumThePotCannotCoverIsAnError) {
  json result = compute(votes(R"({"unit": 1, "min_units": 3})"));  // 4 × 3 > 8
  EXPECT_FALSE(result["ok"].get<bool>());
  json error = first_error(result);
  EXPECT_EQ(error["code"], "rounding.min_infeasible");
  EXPECT_EQ(error["path"], "/rounding/min_units");
}

TEST(Methods, WithFewerUnitsThanRecipientsAdamsDeanAndHuntingtonHillGiveOneEachToTheLargest) {
  for (const char* method : {"adams", "dean", "huntington-hill"}) {
    SCOPED_TRACE(method);
    // 2 units of 3 kr among 4 parties: C (6 000) and D (1 600) get one each.
    json result = compute(votes(std::string(R"({"unit": 3, "method": ")") + method + "\"}"));
    ASSERT_TRUE(result["ok"].get<bool>()) << result.dump();
    EXPECT_EQ(formula(result, "A"), 0);
    EXPECT_EQ(formula(result, "B"), 0);
    EXPECT_EQ(formula(result, "C"), 300);
    EXPECT_EQ(formula(result, "D"), 300);
    json warning = finding(result, "rounding.too_few_units");
    ASSERT_FALSE(warning.is_null()) << result["findings"].dump();
    EXPECT_EQ(warning["severity"], "warning");
    EXPECT_EQ(warning["path"], "/rounding/unit");
    EXPECT_FALSE(has_finding(result, "apportion.tie"));
    // Equal votes at the cut: a tie, reported as ties are.
    json tie = compute(votes(std::string(R"({"unit": 3, "method": ")") + method + "\"}", "[700, 6000, 700, 700]"));
    ASSERT_TRUE(tie["ok"].get<bool>()) << tie.dump();
    EXPECT_EQ(formula(tie, "B"), 300);
    EXPECT_EQ(formula(tie, "A"), 300) << "the first listed of the three with 700 wins the tie";
    json tied = finding(tie, "apportion.tie");
    ASSERT_FALSE(tied.is_null()) << tie["findings"].dump();
    EXPECT_NE(tied["message"]["sv"].get<std::string>().find("A, C, D"), std::string::npos)
        << tied["message"]["sv"];
  }
}

// ---------------------------------------------------------------------------
// Given components: fixed amounts and costs

TEST(Costs, PostsTimesCostPerPostTimesMonthsOver12PlusOtherCosts) {
  json result = compute(scenario(R"(
    "pot": {"total": "5 725 000 kr"},
    "recipients": [
      {"name": "Områdesteam", "cost": {"posts": "2,5", "cost_per_post": "700 000 kr"}},
      {"name": "Halvårsteam", "cost": {"posts": 2.5, "cost_per_post": 700000, "months": 6}},
      {"name": "Nära socialtjänst Skäggetorp",
       "cost": {"posts": 3, "cost_per_post": 700000, "months": 12,
                "other": [{"name": "Lokal", "amount": "1 mnkr"}]}}
    ],
    "key": [{"name": "Kostnadsberäknade insatser", "share": 100, "basis": "cost"}])"));
  ASSERT_TRUE(result["ok"].get<bool>()) << result.dump();
  EXPECT_EQ(formula(result, "Områdesteam"), kr(1'750'000));                   // 2,5 × 700 000 × 12/12
  EXPECT_EQ(formula(result, "Halvårsteam"), kr(875'000));                     // half a year
  EXPECT_EQ(formula(result, "Nära socialtjänst Skäggetorp"), kr(3'100'000));  // 2 100 000 + lokal
  EXPECT_EQ(recipient(result, "Områdesteam")["components"][0]["amount_ore"], kr(1'750'000));
  EXPECT_EQ(result["findings"], json::array()) << "5 725 000 is exactly the frame";
  EXPECT_EQ(total(result, "not_allocated_ore"), 0);
}

TEST(Costs, CostsBelowTheFrameWarnOfTheGapAndAboveItAreAnErrorNamingTheExcess) {
  const std::string doc = scenario(R"(
    "pot": {"total": 5000000},
    "recipients": [{"name": "Områdesteam", "cost": {"posts": 2.5, "cost_per_post": 700000}}],
    "key": [{"name": "Kostnader", "share": 100, "basis": "cost"}])");
  json under = compute(doc);
  ASSERT_TRUE(under["ok"].get<bool>());
  json gap = finding(under, "frame.not_fully_allocated");
  ASSERT_FALSE(gap.is_null()) << under.dump();
  EXPECT_NE(gap["message"]["sv"].get<std::string>().find(sv_kr("3 250 000 kr")), std::string::npos) << gap.dump();
  EXPECT_EQ(total(under, "not_allocated_ore"), kr(3'250'000));

  // Money that is not in the pot cannot be paid: no result, and no
  // negative "not allocated".
  json over = compute(changed(doc, R"("total": 5000000)", R"("total": 1000000)"));
  EXPECT_FALSE(over["ok"].get<bool>()) << over.dump();
  EXPECT_FALSE(over.contains("totals")) << over.dump();
  json excess = finding(over, "frame.over");
  ASSERT_FALSE(excess.is_null()) << over.dump();
  EXPECT_EQ(excess["severity"], "error");
  EXPECT_EQ(excess["path"], "/key/0");
  EXPECT_NE(excess["message"]["sv"].get<std::string>().find(sv_kr("750 000 kr")), std::string::npos)
      << excess.dump();
}

// An item whose amount is not decided yet (ej beslutat) is shown with its
// cost but kept out of the sum, and the frame's left-over warning names it.
TEST(Costs, APendingItemShowsItsCostIsKeptOutOfTheSumAndIsNamedInTheLeftOverWarning) {
  const std::string doc = scenario(R"(
    "pot": {"total": "2 000 000 kr"},
    "recipients": [
      {"name": "Fältgrupp", "cost": {"posts": 1, "cost_per_post": 600000}},
      {"name": "Sommarlovsprojekt", "cost": {"posts": "0,5", "cost_per_post": 500000, "months": 6,
                                               "other": [{"name": "Buss", "amount": 80000}], "pending": true}}
    ],
    "key": [{"name": "Insatser", "share": 100, "basis": "cost"}])");
  json result = compute(doc);
  ASSERT_TRUE(result["ok"].get<bool>()) << result.dump();
  EXPECT_EQ(formula(result, "Sommarlovsprojekt"), 0);
  EXPECT_EQ(recipient(result, "Sommarlovsprojekt")["cost_ore"], kr(205'000));  // 0,5 × 500 000 × 6/12 + 80 000
  EXPECT_EQ(recipient(result, "Sommarlovsprojekt")["pending"], true);
  EXPECT_EQ(recipient(result, "Fältgrupp")["cost_ore"], kr(600'000));
  EXPECT_FALSE(recipient(result, "Fältgrupp").contains("pending"));
  EXPECT_EQ(total(result, "not_allocated_ore"), kr(1'400'000));
  json gap = finding(result, "frame.not_fully_allocated");
  ASSERT_FALSE(gap.is_null()) << result.dump();
  EXPECT_NE(gap["message"]["sv"].get<std::string>().find("Ej beslutat och inte medräknat: ”Sommarlovsprojekt” (" +
                                                          sv_kr("205 000 kr") + ")."),
            std::string::npos)
      << gap.dump();
  EXPECT_NE(gap["message"]["en"].get<std::string>().find("Not decided and not counted: “Sommarlovsprojekt” (205,000 kr)."),
            std::string::npos)
      << gap.dump();

  // Decided, it counts, and the warning no longer speaks of it.
  json decided = compute(changed(doc, R"(, "pending": true)", ""));
  EXPECT_EQ(formula(decided, "Sommarlovsprojekt"), kr(205'000));
  EXPECT_EQ(finding(decided, "frame.not_fully_allocated")["message"]["sv"].get<std::string>().find("Ej beslutat"),
            std::string::npos);

  // The canonical form (files, links) carries the mark; a decided item has none.
  json normalized = parse(normalize_scenario_json(doc));
  EXPECT_EQ(normalized["recipients"][1]["cost"]["pending"], true) << normalized.dump();
  EXPECT_FALSE(normalized["recipients"][0]["cost"].contains("pending")) << normalized.dump();
  EXPECT_FALSE(compute(changed(doc, R"("pending": true)", R"("pending": "ja")"))["ok"].get<bool>());
}

// Names that look the same but differ in an invisible character or in a
// composed versus decomposed letter are two recipients that a reader takes
// for one: they stay two (nothing moves silently) and a warning names both.
TEST(Recipients, LookAlikeNamesAreKeptApartAndNamedInAWarning) {
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {"Vivalla", "Viv\xE2\x80\x8B" "alla"},        // zero-width space
      {"Vivalla", "\xEF\xBB\xBFVivalla"},            // byte order mark
      {"Vivalla", "Viv\xE2\x81\xA0" "alla"},        // word joiner
      {"\xC3\x85rby", "A\xCC\x8Arby"},              // Å composed / A + ring above
      {"S\xC3\xB6" "der", "So\xCC\x88" "der"},         // ö composed / o + diaeresis
  };
  for (const auto& [first, second] : pairs) {
    SCOPED_TRACE(second);
    json result = compute_document({{"format", "fordela-scenario"}, {"version", 1}, {"pot", {{"total", 3}}},
                                    {"recipients", {{{"name", first}}, {{"name", second}}, {{"name", "Norr"}}}},
                                    {"key", {{{"name", "Lika"}, {"share", 100}, {"basis", "equal"}}}}});
    ASSERT_TRUE(result["ok"].get<bool>()) << result.dump();
    EXPECT_EQ(result["recipients"].size(), 3u) << "kept as separate recipients";
    const json warning = finding(result, "recipients.lookalike_names");
    ASSERT_FALSE(warning.is_null()) << result["findings"].dump();
    EXPECT_EQ(warning["severity"], "warning");
    EXPECT_EQ(warning["path"], "/recipients/1/name");
    for (const char* language : {"sv", "en"}) {
      const std::string message = warning["message"][language];
      EXPECT_NE(message.find(first), std::string::npos) << message;
      EXPECT_NE(message.find(second), std::string::npos) << message;
    }
  }
  json distinct = compute(kPopulation);
  EXPECT_FALSE(has_finding(distinct, "recipients.lookalike_names"));
}

TEST(Fixed, AFixedPartOverItsFrameIsAnErrorStatingTheFrameTheSumAndTheExcess) {
  // 1 200 000 kr of fixed amounts in a 1 000 000 kr frame used to pay out
  // with ok: true and "not allocated" −200 000 kr.
  json result = compute(scenario(R"(
    "pot": {"total": 1000000},
    "indicators": [{"id": "belopp", "label": "Belopp", "kind": "amount"}],
    "recipients": [{"name": "Norr", "values": {"belopp": 700000}}, {"name": "Söder", "values": {"belopp": 500000}}],
    "key": [{"name": "Fasta belopp", "share": 100, "basis": "fixed", "indicator": "belopp"}])"));
  EXPECT_FALSE(result["ok"].get<bool>()) << result.dump();
  EXPECT_FALSE(result.contains("totals")) << "no result pays money that is not in the pot";
  json over = finding(result, "frame.over");
  ASSERT_FALSE(over.is_null()) << result.dump();
  EXPECT_EQ(over["severity"], "error");
  const std::string sv = over["message"]["sv"];
  const std::string en = over["message"]["en"];
  for (const char* amount : {"1 000 000 kr", "1 200 000 kr", "200 000 kr"}) {
    EXPECT_NE(sv.find(sv_kr(amount)), std::string::npos) << amount << " in " << sv;
  }
  for (const char* amount : {"1,000,000 kr", "1,200,000 kr", "200,000 kr"}) {
    EXPECT_NE(en.find(amount), std::string::npos) << amount << " in " << en;
  }
}

TEST(Fixed, FixedAmountsAreTakenAsTheyAreWithoutRounding) {
  json result = compute(scenario(R"(
    "pot": {"total": "3 mkr"},
    "indicators": [{"id": "belopp", "label": "Belopp", "kind": "amount"}],
    "recipients": [
      {"name": "Social- och omsorgsnämnden", "values": {"belopp": "1 000 000 kr"}},
      {"name": "Kultur- och fritidsnämnden", "values": {"belopp": "499 999,50"}},
      {"name": "Kommunstyrelsen", "values": {"belopp": "1 500 000,50 kr"}}
    ],
    "key": [{"name": "Fast", "share": 100, "basis": "fixed", "indicator": "belopp"}],
    "rounding": {"unit": "100 tkr"})"));
  ASSERT_TRUE(result["ok"].get<bool>()) << result.dump();
  EXPECT_EQ(formula(result, "Kultur- och fritidsnämnden"), 49'999'950);
  EXPECT_EQ(formula(result, "Kommunstyrelsen"), 150'000'050);
  EXPECT_EQ(total(result, "formula_ore"), kr(3'000'000));
  EXPECT_EQ(result["findings"], json::array());
}

TEST(Fixed, AFixedPartAndAnApportionedPartTogether) {
  // 40 % (400 kr) as fixed amounts, 60 % (600 kr) equally in units of 100.
  json result = compute(scenario(R"(
    "pot": {"total": 1000},
    "indicators": [{"id": "fast", "kind": "amount"}],
    "recipients": [{"name": "Norr", "values": {"fast": 150}}, {"name": "Söder", "values": {"fast": 250}}],
    "key": [{"name": "Fast", "share": 40, "basis": "fixed", "indicator": "fast"},
            {"name": "Lika", "share": 60, "basis": "equal"}],
    "rounding": {"unit": 100})"));
  ASSERT_TRUE(result["ok"].get<bool>()) << result.dump();
  EXPECT_EQ(formula(result, "Norr"), kr(450));
  EXPECT_EQ(formula(result, "Söder"), kr(550));
  EXPECT_EQ(result["findings"], json::array());
}

// ---------------------------------------------------------------------------
// Earmarks

const std::string kEarmarks = scenario(R"(
  "pot": {"total": 1000000},
  "indicators": [{"id": "skolsoc", "label": "Skolsociala team", "kind": "amount"}],
  "recipients": [{"name": "Norr", "values": {"skolsoc": 300000}},
                 {"name": "Söder", "values": {"skolsoc": "200 000 kr"}}],
  "key": [{"name": "Lika", "share": 100, "basis": "equal"}],
  "earmarks": [{"name": "Skolsociala team", "indicator": "skolsoc", "stated_total": 500000}])");

TEST(Earmarks, AreAddedOnTopOfTheKey) {
  json result = compute(kEarmarks);
  ASSERT_TRUE(result["ok"].get<bool>()) << result.dump();
  EXPECT_EQ(result["findings"], json::array());
  EXPECT_EQ(recipient(result, "Norr")["earmarks_ore"], json::array({kr(300'000)}));
  EXPECT_EQ(recipient(result, "Norr")["total_ore"], kr(800'000));
  EXPECT_EQ(recipient(result, "Söder")["total_ore"], kr(700'000));
  EXPECT_EQ(total(result, "formula_ore"), kr(1'000'000));
  EXPECT_EQ(total(result, "earmarks_ore"), kr(500'000));
  EXPECT_EQ(total(result, "total_ore"), kr(1'500'000));
}

TEST(Earmarks, AStatedTotalThatDoesNotMatchTheAmountsWarnsWithBothSums) {
  json result = compute(changed(kEarmarks, R"("stated_total": 500000)", R"("stated_total": "550 000 kr")"));
  ASSERT_TRUE(result["ok"].get<bool>()) << "a mismatch is a warning";
  json warning = finding(result, "earmarks.total_mismatch");
  ASSERT_FALSE(warning.is_null()) << result.dump();
  EXPECT_EQ(warning["severity"], "warning");
  EXPECT_EQ(warning["path"], "/earmarks/0/stated_total");
  const std::string sv = warning["message"]["sv"];
  EXPECT_NE(sv.find("Skolsociala team"), std::string::npos) << sv;
  EXPECT_NE(sv.find(sv_kr("500 000 kr")), std::string::npos) << sv;
  EXPECT_NE(sv.find(sv_kr("550 000 kr")), std::string::npos) << sv;
  EXPECT_NE(sv.find(sv_kr("-50 000 kr")), std::string::npos) << sv;
  EXPECT_EQ(total(result, "earmarks_ore"), kr(500'000)) << "the amounts count, not the stated total";
}

// ---------------------------------------------------------------------------
// Dates

const std::string kGrantYear = scenario(R"(
  "pot": {"total": 100, "dates": {"period_start": "2021-01-01", "period_end": "2021-12-31",
                                  "requisition_deadline": "2021-05-17", "report_deadline": "2022-01-31"}},
  "recipients": [{"name": "Norr"}, {"name": "Söder"}, {"name": "Väst"}],
  "key": [{"name": "Lika", "share": 100, "basis": "equal"}],
  "rounding": {"unit": 1})");

TEST(Dates, ARequisitionAfterTheDeadlineWarnsButOnTheDayDoesNot) {
  json result = compute(changed(kGrantYear, R"([{"name": "Norr"}, {"name": "Söder"})",
                                R"([{"name": "Norr", "requisition_date": "2021-05-18"},
                                    {"name": "Söder", "requisition_date": "2021-05-17"})"));
  ASSERT_TRUE(result["ok"].get<bool>()) << result.dump();
  auto late = findings_with(result, "requisition.after_deadline");
  ASSERT_EQ(late.size(), 1u) << result["findings"].dump();
  EXPECT_EQ(late[0]["severity"], "warning");
  EXPECT_EQ(late[0]["path"], "/recipients/0/requisition_date");
  const std::string sv = late[0]["message"]["sv"];
  EXPECT_NE(sv.find("Norr"), std::string::npos);
  EXPECT_NE(sv.find("2021-05-18"), std::string::npos);
  EXPECT_NE(sv.find("2021-05-17"), std::string::npos);
}

TEST(Dates, AnActivityOutsideTheGrantPeriodWarns) {
  json result = compute(changed(kGrantYear, R"([{"name": "Norr"}, {"name": "Söder"}, {"name": "Väst"}])",
                                R"([{"name": "Norr", "activity": {"from": "2020-12-01", "to": "2021-06-30"}},
                                    {"name": "Söder", "activity": {"from": "2021-02-01"}},
                                    {"name": "Väst", "activity": {"to": "2022-01-31"}}])"));
  ASSERT_TRUE(result["ok"].get<bool>()) << result.dump();
  auto outside = findings_with(result, "activity.outside_period");
  ASSERT_EQ(outside.size(), 2u) << result["findings"].dump();
  EXPECT_EQ(outside[0]["path"], "/recipients/0/activity");
  EXPECT_EQ(outside[1]["path"], "/recipients/2/activity");
  EXPECT_EQ(outside[0]["severity"], "warning");
  EXPECT_NE(outside[0]["message"]["sv"].get<std::string>().find("2020-12-01"), std::string::npos);
}

TEST(Dates, APeriodEndingBeforeItStartsIsAnError) {
  json result = compute(changed(kGrantYear, R"("period_end": "2021-12-31")", R"("period_end": "2020-12-31")"));
  EXPECT_FALSE(result["ok"].get<bool>());
  json error = first_error(result);
  EXPECT_EQ(error["code"], "dates.order");
  EXPECT_EQ(error["path"], "/pot/dates/period_end");
  EXPECT_NE(error["message"]["en"].get<std::string>().find("2020-12-31"), std::string::npos) << error.dump();
}

TEST(Dates, AReportDueBeforeTheRequisitionDeadlineIsAnError) {
  json result = compute(changed(kGrantYear, R"("report_deadline": "2022-01-31")", R"("report_deadline": "2021-05-01")"));
  EXPECT_FALSE(result["ok"].get<bool>());
  EXPECT_EQ(first_error(result)["code"], "dates.order");
  EXPECT_EQ(first_error(result)["path"], "/pot/dates/report_deadline");
}

TEST(Dates, AreWrittenYearMonthDay) {
  for (const char* date : {"2021-02-29", "2021-13-01", "17 maj 2021", "2021-5-17", "20210517"}) {
    SCOPED_TRACE(date);
    json result = compute(changed(kGrantYear, R"("2021-05-17")", "\"" + std::string(date) + "\""));
    EXPECT_FALSE(result["ok"].get<bool>());
    EXPECT_EQ(first_error(result)["code"], "date.invalid");
    EXPECT_EQ(first_error(result)["path"], "/pot/dates/requisition_deadline");
  }
  json leap = compute(changed(kGrantYear, R"("2021-05-17")", R"("2020-02-29")"));
  EXPECT_TRUE(leap["ok"].get<bool>()) << leap.dump();
}

// ---------------------------------------------------------------------------
// The redistribution round

TEST(Redistribution, MoneyNotRequisitionedGoesToThoseWhoOptedIn) {
  // 900 kr in three equal parts; Norr does not requisition, Söder wants more.
  json result = compute(scenario(R"(
    "pot": {"total": 900},
    "recipients": [{"name": "Norr", "requisitioned": false},
                   {"name": "Söder", "opted_in": true},
                   {"name": "Väst"}],
    "key": [{"name": "Lika", "share": 100, "basis": "equal"}])"));
  ASSERT_TRUE(result["ok"].get<bool>()) << result.dump();
  EXPECT_EQ(recipient(result, "Norr")["final_ore"], 0);
  EXPECT_EQ(recipient(result, "Söder")["redistribution_ore"], kr(300));
  EXPECT_EQ(recipient(result, "Söder")["final_ore"], kr(600));
  EXPECT_EQ(recipient(result, "Väst")["final_ore"], kr(300));
  EXPECT_EQ(result["redistribution"]["pool_ore"], kr(300));
  EXPECT_EQ(result["redistribution"]["recipients"], 1);
  EXPECT_EQ(total(result, "final_ore"), kr(900));
  EXPECT_EQ(finding(result, "redistribution.round")["severity"], "info");
}

TEST(Redistribution, WithNoTakersThePoolIsNotAllocatedAndAWarningSaysSo) {
  json result = compute(scenario(R"(
    "pot": {"total": 100},
    "recipients": [{"name": "Norr", "requisitioned": false}, {"name": "Söder"}],
    "key": [{"name": "Lika", "share": 100, "basis": "equal"}])"));
  ASSERT_TRUE(result["ok"].get<bool>()) << "no takers is a warning: " << result.dump();
  json warning = finding(result, "redistribution.no_takers");
  ASSERT_FALSE(warning.is_null()) << result.dump();
  EXPECT_EQ(warning["severity"], "warning");
  EXPECT_EQ(warning["path"], "/recipients");
  EXPECT_EQ(warning["message"]["sv"].get<std::string>().rfind(sv_kr("50 kr"), 0), 0u) << warning.dump();
  EXPECT_EQ(recipient(result, "Norr")["final_ore"], 0);
  EXPECT_EQ(recipient(result, "Söder")["final_ore"], kr(50));
  EXPECT_EQ(result["redistribution"]["pool_ore"], kr(50));
  EXPECT_EQ(result["redistribution"]["not_allocated_ore"], kr(50));
  EXPECT_EQ(total(result, "final_ore"), kr(50));
  EXPECT_FALSE(has_finding(result, "redistribution.round"));
}

TEST(Redistribution, ARecipientThatDidNotRequisitionCannotTakeFromThePool) {
  json result = compute(scenario(R"(
    "pot": {"total": 100},
    "recipients": [{"name": "Norr", "requisitioned": false, "opted_in": true}, {"name": "Söder"}],
    "key": [{"name": "Lika", "share": 100, "basis": "equal"}])"));
  ASSERT_TRUE(result["ok"].get<bool>());
  EXPECT_TRUE(has_finding(result, "redistribution.no_takers"));
  EXPECT_EQ(recipient(result, "Norr")["redistribution_ore"], 0);
}

// ---------------------------------------------------------------------------
// What people paste

TEST(Pasted, AmountsInEveryPastedFormGiveTheSameResultAsTheInteger) {
  const std::string original = example_text("stockholm-2021-model");
  const std::string expected = compute_scenario_json(original);
  ASSERT_TRUE(parse(expected)["ok"].get<bool>());
  for (const char* total : {R"("25 400 000 kr")", R"("25 400 000")", R"("25400000")", "\"25\xC2\xA0" "400\xC2\xA0" "000 kr\"",
                            "\"25\xE2\x80\xAF" "400\xE2\x80\xAF" "000\"", R"("25,4 mnkr")", R"("25,4 mkr")",
                            R"("25400 tkr")", R"("25 400 tkr")", R"("25 400 000,00 kr")", R"(" 25 400 000 kr ")",
                            "25400000.0"}) {
    SCOPED_TRACE(total);
    EXPECT_EQ(compute_scenario_json(changed(original, R"("total": 25400000)", std::string(R"("total": )") + total)),
              expected);
  }
  for (const char* unit : {R"("100 tkr")", R"("0,1 mnkr")", R"("100 000 kr")", R"("100000")"}) {
    SCOPED_TRACE(unit);
    EXPECT_EQ(compute_scenario_json(changed(original, R"("unit": 100000)", std::string(R"("unit": )") + unit)),
              expected);
  }
}

TEST(Pasted, FractionalAreasStraddlingDistrictsCount) {
  // Half an area in A, one and a half in B, one in C: 300 000 kr split
  // 1 : 3 : 2, exactly as whole numbers twice as large would split it.
  const std::string halves = scenario(R"(
    "pot": {"total": 300000},
    "indicators": [{"id": "omr", "label": "Områden", "kind": "count"}],
    "recipients": [{"name": "A", "values": {"omr": "0,5"}},
                   {"name": "B", "values": {"omr": 1.5}},
                   {"name": "C", "values": {"omr": "1"}}],
    "key": [{"name": "Områden", "share": 100, "basis": "indicator", "indicator": "omr"}])");
  json result = compute(halves);
  ASSERT_TRUE(result["ok"].get<bool>()) << result.dump();
  EXPECT_EQ(formula_kr(result), (Kronor{50'000, 150'000, 100'000}));
  for (const auto& r : result["recipients"]) EXPECT_EQ(r["rounding_ore"], 0);

  json whole = compute(changed(changed(changed(halves, R"("0,5")", "1"), "1.5", "3"), R"("1")", "2"));
  EXPECT_EQ(formula_kr(whole), formula_kr(result));
}

TEST(Pasted, FractionalWeightsAndValuesInAWeightedKey) {
  // Weights 0,5 and 1,5: A 0,5 × 2 + 1,5 × 0,25 = 1,375, B 0,5 × 1 + 1,5 × 1,75 = 3,125.
  json result = compute(scenario(R"(
    "pot": {"total": 4500},
    "indicators": [{"id": "x", "kind": "count"}, {"id": "y", "kind": "count"}],
    "recipients": [{"name": "A", "values": {"x": 2, "y": "0,25"}}, {"name": "B", "values": {"x": "1", "y": "1,75"}}],
    "key": [{"name": "Viktat", "share": 100, "basis": "weighted", "weights": {"x": "0,5", "y": 1.5}}])"));
  ASSERT_TRUE(result["ok"].get<bool>()) << result.dump();
  EXPECT_EQ(formula(result, "A"), kr(1375));
  EXPECT_EQ(formula(result, "B"), kr(3125));
}

TEST(Pasted, ARateColumnCopiedFromExcelWithPerCentSignsSplitsAsItsNumbers) {
  // "Andel barn i ekonomiskt utsatta hushåll" as Excel shows it: 8,4 % and
  // 12,6 % read as 8,4 and 12,6, so 210 000 kr goes 84 000 / 126 000; a
  // share of "100 %" is the share 100.
  const std::string rates = scenario(R"(
    "pot": {"total": 210000},
    "indicators": [{"id": "andel", "label": "Andel", "kind": "count"}],
    "recipients": [{"name": "Centrum", "values": {"andel": "8,4 %"}},
                   {"name": "Norr", "values": {"andel": "12,6%"}}],
    "key": [{"name": "Andel", "share": "100 %", "basis": "indicator", "indicator": "andel"}])");
  json result = compute(rates);
  ASSERT_TRUE(result["ok"].get<bool>()) << result.dump();
  EXPECT_EQ(formula_kr(result), (Kronor{84'000, 126'000}));
  json plain = compute(changed(changed(changed(rates, R"("8,4 %")", R"("8,4")"), R"("12,6%")", R"("12,6")"), R"("100 %")", "100"));
  EXPECT_EQ(formula_kr(plain), formula_kr(result));
}

TEST(Pasted, APerCentSignIsRefusedWhereItWouldMeanSomethingElse) {
  // An amount column, a count of units, a divisor: "%" says nothing they mean.
  json amount = compute(changed(kPopulation, R"("total": 1000000)", R"("total": "10 %")"));
  EXPECT_TRUE(has_finding(amount, "amount.syntax")) << amount.dump();
  json units = compute(changed(kPopulation, R"("method": "largest-remainder")", R"("method": "largest-remainder", "min_units": "2 %")"));
  EXPECT_FALSE(units["ok"].get<bool>()) << units.dump();
  // Ambiguity is not hidden behind the sign: "46,600 %".
  json ambiguous = compute(changed(kPopulation, "1200", R"("46,600 %")"));
  EXPECT_TRUE(has_finding(ambiguous, "number.ambiguous")) << ambiguous.dump();
}

TEST(Pasted, AFileSavedWithAByteOrderMarkReads) {
  json result = compute("\xEF\xBB\xBF" + kPopulation);
  ASSERT_TRUE(result["ok"].get<bool>()) << result.dump();
  EXPECT_EQ(formula(result, "Norr"), kr(600'000));
}

TEST(Pasted, ATotalOfMinusZeroIsAcceptedAsZero) {
  json result = compute(changed(kPopulation, R"("total": 1000000)", R"("total": -0)"));
  ASSERT_TRUE(result["ok"].get<bool>()) << result.dump();
  EXPECT_EQ(total(result, "pot_ore"), 0);
  EXPECT_EQ(formula(result, "Norr"), 0);
}

// ---------------------------------------------------------------------------
// Broken JSON

struct Position {
  int line = 0;
  int column = 0;
};

Position position_in(const json& syntax_error) {
  std::smatch m;
  const std::string en = syntax_error["message"]["en"];
  if (!std::regex_search(en, m, std::regex("line ([0-9]+), column ([0-9]+)"))) return {};
  return {std::stoi(m[1]), std::stoi(m[2])};
}

TEST(Syntax, AMissingCommaOnLine3IsReportedWithLineAndColumnInBothLanguages) {
  const std::string text = "{\n"
                           "  \"format\": \"fordela-scenario\",\n"
                           "  \"version\": 1 \"pot\": {\"total\": 100}\n"
                           "}\n";
  json result = compute(text);
  EXPECT_FALSE(result["ok"].get<bool>());
  ASSERT_EQ(result["findings"].size(), 1u) << result.dump();
  json error = result["findings"][0];
  EXPECT_EQ(error["code"], "json.syntax");
  EXPECT_EQ(error["severity"], "error");
  Position at = position_in(error);
  EXPECT_EQ(at.line, 3) << error.dump();
  EXPECT_GE(at.column, 16) << "\"pot\" begins in column 16";
  EXPECT_LE(at.column, 20) << "\"pot\" ends in column 20";
  const std::string sv = error["message"]["sv"];
  EXPECT_NE(sv.find("rad 3, kolumn " + std::to_string(at.column)), std::string::npos) << sv;
  EXPECT_NE(sv.find("pot"), std::string::npos) << "the message quotes the token: " << sv;
}

TEST(Syntax, AMissingCommaAtTheEndOfALineIsFoundWhereTheNextMemberBegins) {
  const std::string text = "{\n"
                           "  \"format\": \"fordela-scenario\",\n"
                           "  \"version\": 1\n"
                           "  \"pot\": {\"total\": 100}\n"
                           "}\n";
  Position at = position_in(compute(text)["findings"][0]);
  EXPECT_EQ(at.line, 4);
  EXPECT_GE(at.column, 3);
  EXPECT_LE(at.column, 7);
}

TEST(Syntax, ColumnsCountCharactersNotBytes) {
  // "åäö" is six bytes but three characters: "x" spans columns 17-19.
  Position at = position_in(compute(std::string_view(R"({"title": "åäö" "x"})"))["findings"][0]);
  EXPECT_EQ(at.line, 1);
  EXPECT_GE(at.column, 17);
  EXPECT_LE(at.column, 19);
}

// ---------------------------------------------------------------------------
// Documents that must be refused, each with the first error a user sees.

struct Refused {
  std::string what;
  std::string input;
  std::string code;
  std::string path;
  ScenarioLimits limits{};
};

std::string nested_lists(int depth) { return std::string(depth, '[') + std::string(depth, ']'); }

std::vector<Refused> refused_documents() {
  const std::string& p = kPopulation;
  ScenarioLimits three_recipients;
  three_recipients.max_recipients = 3;
  ScenarioLimits small_document;
  small_document.max_document_bytes = 200;
  std::string four = changed(p, R"({"name": "Söder", "values": {"befolkning": 800}})",
                             R"({"name": "Söder"}, {"name": "Väst"}, {"name": "Öst"})");
  return {
      {"not JSON at all", "Fördelning 2021: 25,4 mnkr", "json.syntax", ""},
      {"an empty text", "", "json.syntax", ""},
      {"a document cut off halfway", p.substr(0, p.size() / 2), "json.syntax", ""},
      {"text after the document", p + " }", "json.syntax", ""},
      {"NaN as the pot", changed(p, "1000000", "NaN"), "json.syntax", ""},
      {"Infinity as the pot", changed(p, "1000000", "Infinity"), "json.syntax", ""},
      {"a single-quoted string", changed(p, R"("Norr")", "'Norr'"), "json.syntax", ""},
      {"a list, not a document", R"([{"format": "fordela-scenario"}])", "document.not_object", ""},
      {"a bare string", R"("fordela-scenario")", "document.not_object", ""},
      {"a result given as a scenario", changed(p, R"("fordela-scenario")", R"("fordela-result")"), "document.format",
       "/format"},
      {"no format field", changed(p, R"("format": "fordela-scenario", )", ""), "document.format", "/format"},
      {"version 2", changed(p, R"("version": 1)", R"("version": 2)"), "document.version_newer", "/version"},
      {"version as text", changed(p, R"("version": 1)", R"("version": "1")"), "document.version_invalid",
       "/version"},
      {"version 0", changed(p, R"("version": 1)", R"("version": 0)"), "document.version_invalid", "/version"},
      {"version 1.5", changed(p, R"("version": 1)", R"("version": 1.5)"), "document.version_invalid", "/version"},
      {"no pot", changed(p, R"("pot": {"total": 1000000},)", ""), "field.missing", "/pot"},
      {"a pot without a total", changed(p, R"({"total": 1000000})", "{}"), "field.missing", "/pot/total"},
      {"a negative total", changed(p, "1000000", "-5"), "amount.negative", "/pot/total"},
      {"a negative total pasted with U+2212", changed(p, "1000000", "\"\xE2\x88\x92" "5 kr\""), "amount.negative",
       "/pot/total"},
      {"total \"abc\"", changed(p, "1000000", R"("abc")"), "amount.syntax", "/pot/total"},
      {"a total with an exponent", changed(p, "1000000", "1e6"), "amount.syntax", "/pot/total"},
      {"a total of true", changed(p, "1000000", "true"), "amount.syntax", "/pot/total"},
      {"a total of null", changed(p, "1000000", "null"), "amount.syntax", "/pot/total"},
      {"a total of 10^20 kr", changed(p, "1000000", "99999999999999999999"), "amount.out_of_range", "/pot/total"},
      {"a total in fractions of an öre", changed(p, "1000000", R"("1 000 000,001")"), "amount.too_precise",
       "/pot/total"},
      {"lists nested 100 deep", changed(p, R"("pot")", R"("notes": )" + nested_lists(100) + R"(, "pot")"),
       "document.too_deep", ""},
      {"a 2 000-byte name", changed(p, R"("Norr")", "\"" + std::string(2000, 'N') + "\""), "string.too_long",
       "/recipients/0/name"},
      {"two recipients named Norr", changed(p, R"("Söder")", R"("Norr")"), "recipients.duplicate_name",
       "/recipients/1/name"},
      {"an empty name", changed(p, R"("Norr")", R"("")"), "recipients.empty_name", "/recipients/0/name"},
      {"a name of spaces", changed(p, R"("Söder")", R"("   ")"), "recipients.empty_name", "/recipients/1/name"},
      {"a number as a name", changed(p, R"("Norr")", "7"), "field.type", "/recipients/0/name"},
      {"a value in an unknown column", changed(p, R"({"befolkning": 800})", R"({"folk": 800})"),
       "indicator.unknown", "/recipients/1/values/folk"},
      {"a weight on an unknown column",
       changed(p, R"("basis": "indicator", "indicator": "befolkning")",
               R"("basis": "weighted", "weights": {"folk": 1})"),
       "indicator.unknown", "/key/0/weights/folk"},
      {"a value in a column named with / and ~", changed(p, R"({"befolkning": 800})", R"({"a/b~c": 800})"),
       "indicator.unknown", "/recipients/1/values/a~1b~0c"},
      {"a key on an unknown column", changed(p, R"("indicator": "befolkning")", R"("indicator": "folk")"),
       "indicator.unknown", "/key/0/indicator"},
      {"an unknown basis", changed(p, R"("basis": "indicator")", R"("basis": "population")"), "key.basis_unknown",
       "/key/0/basis"},
      {"an unknown method", changed(p, R"("largest-remainder")", R"("hare-niemeyer")"), "rounding.method_unknown",
       "/rounding/method"},
      {"an unknown level", changed(p, R"("level": "recipient")", R"("level": "district")"), "rounding.level_unknown",
       "/rounding/level"},
      {"a first divisor of 0,5", changed(p, R"("level": "recipient")", R"("level": "recipient", "first_divisor": 0.5)"),
       "rounding.first_divisor", "/rounding/first_divisor"},
      {"a first divisor of 3", changed(p, R"("level": "recipient")", R"("level": "recipient", "first_divisor": "3")"),
       "rounding.first_divisor", "/rounding/first_divisor"},
      {"a unit of 0 kr", changed(p, R"("unit": 1)", R"("unit": 0)"), "rounding.unit_invalid", "/rounding/unit"},
      {"a negative unit", changed(p, R"("unit": 1)", R"("unit": -100)"), "amount.negative", "/rounding/unit"},
      {"a negative minimum", changed(p, R"("unit": 1)", R"("unit": 1, "min_units": -1)"), "number.negative",
       "/rounding/min_units"},
      {"a minimum of half a unit", changed(p, R"("unit": 1)", R"("unit": 1, "min_units": "0,5")"), "number.not_whole",
       "/rounding/min_units"},
      {"a weight with 7 decimals",
       changed(p, R"("basis": "indicator", "indicator": "befolkning")",
               R"("basis": "weighted", "weights": {"befolkning": 0.1234567})"),
       "number.too_precise", "/key/0/weights/befolkning"},
      {"a boolean as a population", changed(p, "800", "true"), "number.syntax", "/recipients/1/values/befolkning"},
      {"a boolean as a share", changed(p, R"("share": 100)", R"("share": true)"), "number.syntax", "/key/0/share"},
      {"a negative population", changed(p, "800", "-800"), "number.negative", "/recipients/1/values/befolkning"},
      {"a population of 10^13", changed(p, "800", "10000000000000"), "number.out_of_range",
       "/recipients/1/values/befolkning"},
      {"shares of 90 %", changed(p, R"("share": 100)", R"("share": 90)"), "key.shares_sum", "/key"},
      {"a component without a share", changed(p, R"("share": 100, )", ""), "field.missing", "/key/0/share"},
      {"deductions exceeding the total",
       changed(p, R"("total": 1000000)", R"("total": 1000000, "deductions": [{"name": "Adm", "amount": 2000000}])"),
       "pot.net_negative", "/pot/deductions"},
      {"an all-zero basis", changed(changed(p, "1200", "0"), "800", "0"), "key.basis_zero", "/key/0"},
      {"no recipients", changed(p, R"("recipients": [)", R"("recipients": [], "x": [)"), "recipients.none",
       "/recipients"},
      {"recipients as a text", changed(p, R"("recipients": [)", R"("recipients": "Norr", "x": [)"), "field.type",
       "/recipients"},
      {"a recipient that is a number", changed(p, R"({"name": "Norr", "values": {"befolkning": 1200}})", "12"),
       "field.type", "/recipients/0"},
      {"no key", changed(p, R"("key": [)", R"("nyckel": [)"), "field.missing", "/key"},
      {"an empty key", changed(p, R"("key": [)", R"("key": [], "x": [)"), "key.none", "/key"},
      {"a count column used as fixed amounts", changed(p, R"("basis": "indicator")", R"("basis": "fixed")"),
       "indicator.kind", "/key/0/indicator"},
      {"two columns with one id",
       changed(p, R"([{"id": "befolkning", "label": "Befolkning", "kind": "count"}])",
               R"([{"id": "befolkning", "kind": "count"}, {"id": "befolkning", "kind": "amount"}])"),
       "indicator.duplicate", "/indicators/1/id"},
      {"a column of an unknown kind", changed(p, R"("kind": "count")", R"("kind": "money")"), "field.type",
       "/indicators/0/kind"},
      {"the 30th of February", changed(p, R"("total": 1000000)", R"("total": 1000000, "dates": {"period_end": "2021-02-30"})"),
       "date.invalid", "/pot/dates/period_end"},
      {"four recipients past a limit of three", four, "limit.recipients", "/recipients", three_recipients},
      {"a document past the size limit", p, "document.too_large", "", small_document},
  };
}

TEST(Refused, MalformedDocumentsAreRefusedWithTheirFirstErrorAndNeverCrash) {
  const auto cases = refused_documents();
  ASSERT_GE(cases.size(), 30u);
  for (const Refused& c : cases) {
    SCOPED_TRACE(c.what);
    std::string text;
    EXPECT_NO_THROW(text = compute_scenario_json(c.input, c.limits));
    json result = parse(text);
    EXPECT_EQ(result.value("format", ""), "fordela-result");
    EXPECT_FALSE(result.value("ok", true)) << text.substr(0, 400);
    json error = first_error(result);
    ASSERT_FALSE(error.is_null()) << text.substr(0, 400);
    EXPECT_EQ(error["code"], c.code) << error.dump();
    EXPECT_EQ(error["path"], c.path) << error.dump();

    json validation;
    EXPECT_NO_THROW(validation = parse(validate_scenario_json(c.input, c.limits)));
    EXPECT_FALSE(validation.value("ok", true));
    EXPECT_EQ(first_error(validation)["code"], c.code);
    EXPECT_NO_THROW(parse(normalize_scenario_json(c.input, c.limits)));
  }
}

TEST(Refused, TheLimitsAreTheOnesGivenNotFixed) {
  // Three recipients under a limit of three are fine.
  ScenarioLimits three;
  three.max_recipients = 3;
  json result = compute(changed(kPopulation, R"({"name": "Söder", "values": {"befolkning": 800}})",
                                R"({"name": "Söder"}, {"name": "Väst"})"),
                        three);
  EXPECT_TRUE(result["ok"].get<bool>()) << result.dump();
  ScenarioLimits short_text;
  short_text.max_string_bytes = 5;
  const std::string doc = scenario(R"("pot": {"total": 100}, "recipients": [{"name": "Norr"}, {"name": "Söder"}],
                                      "key": [{"name": "Lika", "share": 100, "basis": "equal"}])");
  EXPECT_TRUE(compute(doc)["ok"].get<bool>());
  EXPECT_EQ(first_error(compute(doc, short_text))["code"], "string.too_long");  // "Söder" is 6 bytes
  EXPECT_EQ(first_error(compute(doc, short_text))["path"], "/recipients/1/name");
  ScenarioLimits shallow;
  shallow.max_depth = 3;  // document, pot/… , recipients/0/values is depth 4
  EXPECT_EQ(first_error(compute(kPopulation, shallow))["code"], "document.too_deep");
}

TEST(Refused, AnUnknownFieldIsNotedButNotAnError) {
  json result = compute(changed(kPopulation, R"("total": 1000000)", R"("total": 1000000, "colour": "red")"));
  ASSERT_TRUE(result["ok"].get<bool>()) << result.dump();
  ASSERT_EQ(result["findings"].size(), 1u);
  EXPECT_EQ(result["findings"][0]["code"], "field.unknown");
  EXPECT_EQ(result["findings"][0]["severity"], "info");
  EXPECT_EQ(result["findings"][0]["path"], "/pot/colour");
  EXPECT_EQ(formula(result, "Norr"), kr(600'000));
}

TEST(Refused, NothingAUserCanPasteCrashesTheEngine) {
  const std::vector<std::string> garbage = {
      "", " ", "{", "}", "[", "null", "0", "-0", "1e309", "\"\\u0000\"", "{\"format\": \"fordela-scenario\"",
      std::string("{\"a\": \"\xFF\xFE\"}"), std::string(1, '\0'), nested_lists(20000),
      std::string(10000, '{'), "{\"format\": \"fordela-scenario\", \"version\": 18446744073709551616}",
      "{\"format\": \"fordela-scenario\", \"version\": -9223372036854775809}",
      scenario(R"("pot": 1, "recipients": 2, "key": 3, "earmarks": 4, "rounding": 5, "indicators": 6)"),
      scenario(R"("pot": {"total": {}}, "recipients": [[]], "key": [[]], "earmarks": [[]], "indicators": [[]])"),
      scenario(R"("pot": {"total": 1, "deductions": {}, "dates": []}, "recipients": [{"values": []}],
                  "key": [{"weights": []}], "rounding": {"unit": [], "method": 1, "level": {}, "min_units": "x"})"),
      changed(kPopulation, R"("befolkning": 1200)", R"("befolkning": -9223372036854775808)"),
      changed(kPopulation, R"("unit": 1)", R"("unit": "10 000 000 000 000 kr")"),
  };
  for (const std::string& text : garbage) {
    SCOPED_TRACE(text.substr(0, 80));
    std::string out;
    EXPECT_NO_THROW(out = compute_scenario_json(text));
    json result = parse(out);
    EXPECT_TRUE(result.contains("ok"));
    EXPECT_NO_THROW(parse(validate_scenario_json(text)));
    EXPECT_NO_THROW(parse(normalize_scenario_json(text)));
  }
}

// ---------------------------------------------------------------------------
// Core bugs found by these tests. Each states what a user would expect.

TEST(Regression, AnIndicatorValueOfMinus2To63IsRefusedNotReadAsZero) {
  json result = compute(changed(kPopulation, R"("befolkning": 1200)", R"("befolkning": -9223372036854775808)"));
  EXPECT_FALSE(result["ok"].get<bool>()) << "a negative population must not count as 0: " << result.dump();
  EXPECT_EQ(first_error(result)["path"], "/recipients/0/values/befolkning");
}

TEST(Regression, SharesWhoseSumOverflowsAreNotTakenAsAddingUpTo100) {
  // 18 × 10^12 % + 446 744 073 809,551616 % is 2^64 millionths + 100 %.
  std::string key = "[";
  for (int i = 0; i < 18; ++i) key += R"({"name": "K)" + std::to_string(i) + R"(", "share": 1000000000000, "basis": "equal"}, )";
  key += R"({"name": "L", "share": "446744073809.551616", "basis": "equal"}])";
  json result = compute(scenario(R"("pot": {"total": 1000}, "recipients": [{"name": "Norr"}, {"name": "Söder"}],
                                    "key": )" + key));
  EXPECT_FALSE(result["ok"].get<bool>()) << "shares of about 1,8 × 10^13 % do not add up to 100 %";
  EXPECT_EQ(first_error(result)["code"], "key.shares_sum");
}

TEST(Regression, TheThousandAndFirstDeductionIsNotSilentlyDropped) {
  std::string deductions = "[";
  for (int i = 0; i < 1000; ++i) deductions += R"({"name": "Noll", "amount": 0}, )";
  deductions += R"({"name": "Administration", "amount": 500}])";
  json result = compute(changed(kPopulation, R"("total": 1000000)", R"("total": 1000000, "deductions": )" + deductions));
  if (result["ok"].get<bool>()) {
    EXPECT_EQ(total(result, "deductions_ore"), kr(500)) << "the administration's 500 kr vanished from the net pot";
  }
}

TEST(Regression, TheTwentyFirstEarmarkIsNotSilentlyDropped) {
  std::string earmarks = "[";
  for (int i = 0; i < 21; ++i) earmarks += std::string(i ? ", " : "") + R"({"name": "E)" + std::to_string(i) + R"(", "indicator": "e"})";
  earmarks += "]";
  json result = compute(scenario(R"("pot": {"total": 100}, "indicators": [{"id": "e", "kind": "amount"}],
    "recipients": [{"name": "Norr", "values": {"e": 1}}], "key": [{"name": "Lika", "share": 100, "basis": "equal"}],
    "earmarks": )" + earmarks));
  if (result["ok"].get<bool>()) {
    EXPECT_EQ(total(result, "earmarks_ore"), kr(21)) << "21 earmarks of 1 kr each";
  }
}

TEST(Regression, CostsBeyond2To64OreAreOutOfRangeNotWrappedAround) {
  // 121 609 posts × 1 516 889 709 948,24 kr = 2^64 + 200 öre, which wraps to 2 kr.
  json result = compute(scenario(R"("pot": {"total": 1000},
    "recipients": [{"name": "Norr", "cost": {"posts": 121609, "cost_per_post": "1516889709948,24"}}],
    "key": [{"name": "Kostnader", "share": 100, "basis": "cost"}])"));
  EXPECT_FALSE(result["ok"].get<bool>()) << "got " << formula(result, "Norr") << " öre";
  EXPECT_EQ(first_error(result)["code"], "total.out_of_range");
}

TEST(Regression, EarmarksAddingUpPast2To63OreAreNotReportedAsANegativeSum) {
  std::string recipients = "[";
  for (int i = 0; i < 9300; ++i) {
    recipients += std::string(i ? ", " : "") + R"({"name": "R)" + std::to_string(i) + R"(", "values": {"e": 10000000000000}})";
  }
  recipients += "]";
  json result = compute(scenario(R"("pot": {"total": 100}, "indicators": [{"id": "e", "kind": "amount"}],
    "recipients": )" + recipients + R"(, "key": [{"name": "Lika", "share": 100, "basis": "equal"}],
    "earmarks": [{"name": "Extra", "indicator": "e", "stated_total": 5}])"));
  EXPECT_FALSE(result["ok"].get<bool>());
  EXPECT_TRUE(has_finding(result, "total.out_of_range"));
  for (const auto& f : findings_with(result, "earmarks.total_mismatch")) {
    EXPECT_EQ(f["message"]["en"].get<std::string>().find("add up to -"), std::string::npos) << f.dump();
  }
}

TEST(Regression, ATotalOf1e309IsRefusedAsTooLargeNotAsBrokenJson) {
  // The JSON is well formed; the number is too large for any reader, so it
  // is refused where it stands, quoting it.
  json result = compute(changed(kPopulation, "1000000", "1e309"));
  EXPECT_FALSE(result["ok"].get<bool>());
  EXPECT_EQ(first_error(result)["code"], "number.out_of_range");
  EXPECT_NE(first_error(result)["message"]["sv"].get<std::string>().find("1e309"), std::string::npos);
  EXPECT_EQ(first_error(result)["path"], "/pot/total");
}

TEST(Regression, AVersionBeyondInt64IsNewerNotInvalid) {
  json result = compute(changed(kPopulation, R"("version": 1)", R"("version": 9223372036854775808)"));
  EXPECT_EQ(first_error(result)["code"], "document.version_newer");
}

TEST(Regression, ADecimalNumberAsANameIsATypeErrorLikeAnInteger) {
  json result = compute(changed(kPopulation, R"("Norr")", "1.5"));
  EXPECT_FALSE(result["ok"].get<bool>()) << "the name became \"1.5\": " << result.dump().substr(0, 300);
  EXPECT_EQ(first_error(result)["code"], "field.type");
}

TEST(Regression, LongNotesAreNeitherCutSilentlyNorCutInsideACharacter) {
  // Notes may be 10 000 bytes; past that, normalize (links, files) cut
  // them without a word, here in the middle of "å".
  const std::string notes = std::string(9999, 'x') + "åäö";
  const std::string doc = changed(kPopulation, R"("pot")", R"("notes": ")" + notes + R"(", "pot")");
  json result = compute(doc);
  json normalized = parse(normalize_scenario_json(doc));
  if (!has_finding(result, "string.too_long")) {
    EXPECT_EQ(normalized.value("notes", ""), notes) << "the notes lost their end without a finding";
  }
}

TEST(Regression, NotesThatAreNotTextAreATypeErrorNotDroppedSilently) {
  json result = compute(changed(kPopulation, R"("pot")", R"("notes": 5, "pot")"));
  EXPECT_TRUE(has_finding(result, "field.type")) << result["findings"].dump();
}

TEST(Regression, AZeroPercentComponentUnderAdamsRoundedPerComponentGivesZeros) {
  // Nothing to split is not "too few units": a 0 % component (or an empty
  // pot) must not block a what-if under Adams, Dean or Huntington-Hill.
  json result = compute(scenario(R"(
    "pot": {"total": 1000},
    "indicators": [{"id": "bef", "kind": "count"}],
    "recipients": [{"name": "Norr", "values": {"bef": 3}}, {"name": "Söder", "values": {"bef": 1}}],
    "key": [{"name": "Befolkning", "share": 100, "basis": "indicator", "indicator": "bef"},
            {"name": "Lika", "share": 0, "basis": "equal"}],
    "rounding": {"method": "adams", "level": "component"})"));
  ASSERT_TRUE(result["ok"].get<bool>()) << result["findings"].dump();
  EXPECT_EQ(formula(result, "Norr"), kr(750));
  EXPECT_EQ(formula(result, "Söder"), kr(250));
}


// ---- recipients read as the parser reaches them ----------------------------
// When the pot and the indicators come first, the reader takes each
// recipient as it is parsed instead of from a DOM of the whole document.
// Either way the same findings, at the same pointers, and the same result.

ojson recipients_of_every_kind() {
  ojson sub = {{"title", "Delar"},
               {"indicators", {{{"id", "p"}, {"kind", "count"}}}},
               {"recipients", {{{"name", "Del A"}, {"values", {{"p", 2}}}}, {{"name", "Del B"}, {"values", {{"p", 1}}}}}},
               {"key", {{{"name", "Per p"}, {"share", 100}, {"basis", "indicator"}, {"indicator", "p"}}}}};
  ojson bad_sub = sub;
  bad_sub["recipients"][1]["values"]["p"] = "tio";
  return ojson::array({
      {{"name", "Alby"}, {"values", {{"bef", 10}, {"extra", "1 000,50"}}}},
      {{"name", "Alby"}, {"values", {{"bef", 3}}}},
      {{"name", " "}, {"values", {{"bef", 3}}}},
      nullptr,
      5,
      "Norsborg",
      {{"name", "Fittja"}, {"values", {{"okänd", 1}, {"bef", "1,5,5"}}}, {"färg", "blå"}},
      {{"name", "Hallunda"}, {"values", {{"bef", 4}}}, {"requisition_date", "2021-13-01"}},
      {{"name", "Tumba"}, {"values", {{"bef", 4}}}, {"requisition_date", "2021-07-01"}},
      {{"name", "Vårby"}, {"values", {{"bef", 4}}}, {"activity", {{"from", "2021-06-01"}, {"to", "2021-05-01"}}}},
      {{"name", "Masmo"}, {"values", {{"bef", 4}}}, {"used", -5}, {"opted_in", "ja"}},
      {{"name", "Skogås"}, {"values", {{"bef", 4}}}, {"sub", sub}},
      {{"name", "Trångsund"}, {"values", {{"bef", 4}}}, {"sub", bad_sub}},
      {{"name", "Flemingsberg"}, {"values", {{"bef", 4}}}, {"cost", {{"posts", "1,5"}, {"cost_per_post", "x"}}}},
  });
}

// A document with its members in the order given.
std::string document_in_order(const ojson& recipients, const std::vector<std::string>& order) {
  const ojson members = {
      {"pot", {{"total", 1000000}, {"dates", {{"requisition_deadline", "2021-06-30"}}}}},
      {"indicators", {{{"id", "bef"}, {"kind", "count"}}, {{"id", "extra"}, {"kind", "amount"}}}},
      {"recipients", recipients},
      {"key", {{{"name", "Befolkning"}, {"share", 100}, {"basis", "indicator"}, {"indicator", "bef"}}}},
      {"earmarks", {{{"indicator", "extra"}}}}};
  ojson doc = {{"format", "fordela-scenario"}, {"version", 1}};
  for (const auto& key : order) doc[key] = members[key];
  return doc.dump();
}

const std::vector<std::string> kPotFirst = {"pot", "indicators", "recipients", "key", "earmarks"};
const std::vector<std::string> kRecipientsFirst = {"recipients", "key", "earmarks", "indicators", "pot"};

TEST(Reading, RecipientsTakenAsTheyAreParsedGiveTheFindingsOfTheWholeDocument) {
  const ojson recipients = recipients_of_every_kind();
  const std::string taken = document_in_order(recipients, kPotFirst);
  const std::string whole = document_in_order(recipients, kRecipientsFirst);
  const json findings = parse(validate_scenario_json(taken))["findings"];
  ASSERT_GE(findings.size(), 15u) << findings.dump();
  EXPECT_EQ(findings, parse(validate_scenario_json(whole))["findings"]);
  EXPECT_EQ(compute_scenario_json(taken), compute_scenario_json(whole));
}

TEST(Reading, RecipientsTakenAsTheyAreParsedGiveTheResultOfTheWholeDocument) {
  ojson recipients = recipients_of_every_kind();
  // Only the recipients without a problem.
  for (std::size_t i : {13, 12, 10, 9, 7, 6, 5, 4, 3, 2, 1}) recipients.erase(i);
  const std::string taken = document_in_order(recipients, kPotFirst);
  const std::string whole = document_in_order(recipients, kRecipientsFirst);
  const std::string result = compute_scenario_json(taken);
  ASSERT_TRUE(parse(result)["ok"].get<bool>()) << result;
  EXPECT_EQ(result, compute_scenario_json(whole));
  EXPECT_EQ(normalize_scenario_json(taken), normalize_scenario_json(whole));
}

TEST(Reading, ListsPastTheLimitAndBrokenDocumentsAreRefusedAlikeInEitherOrder) {
  ScenarioLimits three;
  three.max_recipients = 3;
  const ojson four = ojson::array({{{"name", "A"}, {"values", {{"bef", 1}}}}, {{"name", "B"}, {"values", {{"bef", 1}}}},
                                   {{"name", "C"}, {"values", {{"bef", 1}}}}, {{"name", "D"}, {"values", {{"bef", "x"}}}}});
  for (const auto& order : {kPotFirst, kRecipientsFirst}) {
    const std::string text = document_in_order(four, order);
    const json refused = parse(validate_scenario_json(text, three));
    ASSERT_EQ(refused["findings"].size(), 1u) << refused.dump();
    EXPECT_EQ(refused["findings"][0]["code"], "limit.recipients");
    // A syntax error after the list: only the error, no recipient's findings.
    const json broken = parse(validate_scenario_json(text.substr(0, text.size() - 1) + ",}"));
    ASSERT_EQ(broken["findings"].size(), 1u) << broken.dump();
    EXPECT_EQ(broken["findings"][0]["code"], "json.syntax");
  }
}

}  // namespace
}  // namespace fordela::test
