// Comparisons: "what if 60/40 instead of 75/25?" answered recipient by
// recipient, with recipients and findings that come and go; and the
// comparison written for Swedish Excel.
#include "fordela/compare.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "fordela/csv.hpp"
#include "fordela/result_csv.hpp"
#include "test_support.hpp"

namespace fordela::test {
namespace {

json compare(const std::string& a, const std::string& b) { return parse(compare_json(a, b)); }

json model() { return json::parse(example_text("stockholm-2021-model")); }

const json& row(const json& comparison, std::string_view name) {
  static const json none = json::object();
  for (const auto& r : comparison["recipients"]) {
    if (r["name"] == name) return r;
  }
  ADD_FAILURE() << "no row for " << name;
  return none;
}

std::vector<std::string> names(const json& comparison) {
  std::vector<std::string> out;
  for (const auto& r : comparison["recipients"]) out.push_back(r["name"]);
  return out;
}

// Fixed amounts in kronor (strings as people write them), one recipient
// each, in a pot of 10 000 kr.
std::string fixed(const std::vector<std::pair<std::string, std::string>>& amounts) {
  json recipients = json::array();
  for (const auto& [name, amount] : amounts) recipients.push_back({{"name", name}, {"values", {{"b", amount}}}});
  return scenario(R"("pot": {"total": 10000}, "indicators": [{"id": "b", "label": "Belopp", "kind": "amount"}],
    "recipients": )" + recipients.dump() + R"(, "key": [{"name": "Fast", "share": 100, "basis": "fixed", "indicator": "b"}])");
}

TEST(Compare, SixtyFortyInsteadOfSeventyFiveTwentyFiveMovesMoneyToPopulousDistricts) {
  json b = model();
  b["key"][0]["share"] = 60;
  b["key"][1]["share"] = 40;
  const json c = compare(model().dump(), b.dump());
  ASSERT_TRUE(c["ok"].get<bool>()) << c.dump();
  EXPECT_TRUE(c["a_ok"].get<bool>());
  EXPECT_TRUE(c["b_ok"].get<bool>());
  EXPECT_EQ(names(c), (std::vector<std::string>{"Rinkeby-Kista", "Spånga-Tensta", "Hässelby-Vällingby",
                                                "Enskede-Årsta-Vantör", "Hägersten-Älvsjö", "Skärholmen"}));

  // Rinkeby-Kista: 15 240 000 × 6/22 + 10 160 000 × 46 600/420 300
  // = 4 156 363,64 + 1 126 471,57 = 5 282 835,20 kr, rounded to 5 300 000
  // (was 5 900 000); with its 1 054 200 kr earmarked: 6 354 200 kr.
  const json& rinkeby = row(c, "Rinkeby-Kista");
  EXPECT_EQ(rinkeby["a_ore"], kr(6'954'200));
  EXPECT_EQ(rinkeby["b_ore"], kr(6'354'200));
  EXPECT_EQ(rinkeby["diff_ore"], kr(-600'000));
  EXPECT_EQ(rinkeby["diff_percent"], "-8.6");  // 600 000 / 6 954 200 = 8,63 %
  EXPECT_TRUE(rinkeby["only_in"].is_null());

  // Hägersten-Älvsjö, 134 500 inhabitants and one vulnerable area:
  // 15 240 000 / 22 + 10 160 000 × 134 500/420 300 = 3 944 070,60 kr,
  // rounded to 3 900 000 (was 2 900 000).
  const json& hagersten = row(c, "Hägersten-Älvsjö");
  EXPECT_EQ(hagersten["a_ore"], kr(4'398'000));
  EXPECT_EQ(hagersten["b_ore"], kr(5'398'000));
  EXPECT_EQ(hagersten["diff_ore"], kr(1'000'000));
  EXPECT_EQ(hagersten["diff_percent"], "22.7");  // 1 000 000 / 4 398 000 = 22,74 %

  EXPECT_EQ(row(c, "Spånga-Tensta")["diff_ore"], kr(-200'000));
  EXPECT_EQ(row(c, "Hässelby-Vällingby")["diff_ore"], kr(-200'000));
  EXPECT_EQ(row(c, "Enskede-Årsta-Vantör")["diff_ore"], kr(100'000));
  EXPECT_EQ(row(c, "Enskede-Årsta-Vantör")["diff_percent"], "1.6");
  EXPECT_EQ(row(c, "Skärholmen")["diff_ore"], kr(-100'000));

  // The same pot: what one district gains another loses.
  EXPECT_EQ(c["totals"]["a_ore"], kr(32'926'000));
  EXPECT_EQ(c["totals"]["b_ore"], kr(32'926'000));
  EXPECT_EQ(c["totals"]["diff_ore"], 0);
  EXPECT_EQ(c["totals"]["diff_percent"], "0.0");
  EXPECT_EQ(c["findings_added"], json::array());
  EXPECT_EQ(c["findings_removed"], json::array());
}

TEST(Compare, AmountsComparedAreWhatEachRecipientFinallyReceives) {
  for (const char* example : {"stockholm-2021-model", "socialstyrelsen-2023", "linkoping-2022"}) {
    SCOPED_TRACE(example);
    const std::string text = example_text(example);
    const json result = compute(text);
    const json c = compare(text, text);
    ASSERT_EQ(c["recipients"].size(), result["recipients"].size());
    for (std::size_t i = 0; i < c["recipients"].size(); ++i) {
      EXPECT_EQ(c["recipients"][i]["a_ore"], result["recipients"][i]["final_ore"]);
      EXPECT_EQ(c["recipients"][i]["diff_ore"], 0);
      EXPECT_EQ(c["recipients"][i]["diff_percent"], result["recipients"][i]["final_ore"] == 0 ? json(nullptr) : json("0.0"));
    }
    EXPECT_EQ(c["totals"]["a_ore"], result["totals"]["final_ore"]);
    EXPECT_EQ(c["findings_added"], json::array()) << "the same findings on both sides";
    EXPECT_EQ(c["findings_removed"], json::array());
  }
}

TEST(Compare, ARecipientRemovedAndOneAddedAreMatchedByNameAndMarked) {
  json b = model();
  b["recipients"].erase(5);  // Skärholmen
  b["recipients"].push_back({{"name", "Farsta"}, {"values", {{"utsatt", 1}, {"befolkning", 60000}}}});
  b["earmarks"][0].erase("stated_total");
  const json c = compare(model().dump(), b.dump());
  ASSERT_TRUE(c["ok"].get<bool>()) << c.dump();
  EXPECT_EQ(names(c), (std::vector<std::string>{"Rinkeby-Kista", "Spånga-Tensta", "Hässelby-Vällingby",
                                                "Enskede-Årsta-Vantör", "Hägersten-Älvsjö", "Skärholmen", "Farsta"}))
      << "a's order, then b's new ones";
  const json& gone = row(c, "Skärholmen");
  EXPECT_EQ(gone["only_in"], "a");
  EXPECT_EQ(gone["a_ore"], kr(3'779'200));
  EXPECT_EQ(gone["b_ore"], 0);
  EXPECT_EQ(gone["diff_ore"], kr(-3'779'200));
  EXPECT_EQ(gone["diff_percent"], "-100.0");
  const json& added = row(c, "Farsta");
  EXPECT_EQ(added["only_in"], "b");
  EXPECT_EQ(added["a_ore"], 0);
  EXPECT_GT(added["b_ore"].get<std::int64_t>(), 0);
  EXPECT_EQ(added["diff_ore"], added["b_ore"]);
  EXPECT_TRUE(added["diff_percent"].is_null()) << "no per cent of nothing";
  EXPECT_TRUE(row(c, "Rinkeby-Kista")["only_in"].is_null());

  std::int64_t a_sum = 0, b_sum = 0;
  for (const auto& r : c["recipients"]) {
    a_sum += r["a_ore"].get<std::int64_t>();
    b_sum += r["b_ore"].get<std::int64_t>();
  }
  EXPECT_EQ(c["totals"]["a_ore"], a_sum);
  EXPECT_EQ(c["totals"]["b_ore"], b_sum);
  EXPECT_EQ(c["totals"]["diff_ore"], b_sum - a_sum);
}

TEST(Compare, ANameTypedDecomposedInOneScenarioIsTheSameRecipientInTheOther) {
  json b = model();
  // "Hägersten-Älvsjö" with a + U+0308 and A + U+0308, as macOS may write it.
  for (auto& r : b["recipients"]) {
    if (r["name"] == "Hägersten-Älvsjö") r["name"] = "Ha\xCC\x88gersten-A\xCC\x88lvsjo\xCC\x88";
  }
  const json c = compare(model().dump(), b.dump());
  ASSERT_TRUE(c["ok"].get<bool>()) << c.dump();
  EXPECT_EQ(c["recipients"].size(), 6u) << c.dump();
  EXPECT_TRUE(row(c, "Hägersten-Älvsjö")["only_in"].is_null());
  EXPECT_EQ(row(c, "Hägersten-Älvsjö")["diff_ore"], 0);
}

TEST(Compare, AFindingThatAppearsIsAddedAndOneThatGoesIsRemoved) {
  // Earmarks stated as 7 000 000 kr when they add up to 7 526 000 kr.
  json b = model();
  b["earmarks"][0]["stated_total"] = 7000000;
  const json c = compare(model().dump(), b.dump());
  ASSERT_TRUE(c["ok"].get<bool>()) << c.dump();
  ASSERT_EQ(c["findings_added"].size(), 1u) << c["findings_added"];
  EXPECT_EQ(c["findings_added"][0]["code"], "earmarks.total_mismatch");
  EXPECT_EQ(c["findings_added"][0]["path"], "/earmarks/0/stated_total");
  EXPECT_EQ(c["findings_added"][0]["severity"], "warning");
  EXPECT_FALSE(c["findings_added"][0]["message"]["sv"].get<std::string>().empty());
  EXPECT_EQ(c["findings_removed"], json::array());
  EXPECT_EQ(c["totals"]["diff_ore"], 0) << "a stated total changes no amount";

  const json back = compare(b.dump(), model().dump());
  EXPECT_EQ(back["findings_added"], json::array());
  ASSERT_EQ(back["findings_removed"].size(), 1u);
  EXPECT_EQ(back["findings_removed"][0]["code"], "earmarks.total_mismatch");
}

TEST(Compare, TheSameFindingWithOtherNumbersIsNeitherAddedNorRemoved) {
  // Both leave part of the 10 000 kr frame unallocated, by different amounts.
  const json c = compare(fixed({{"Norr", "1000"}}), fixed({{"Norr", "2000"}}));
  ASSERT_TRUE(c["ok"].get<bool>()) << c.dump();
  EXPECT_EQ(c["findings_added"], json::array());
  EXPECT_EQ(c["findings_removed"], json::array());
  EXPECT_EQ(row(c, "Norr")["diff_percent"], "100.0");
}

TEST(Compare, PercentagesHaveOneDecimalRoundedHalfAwayFromZero) {
  const json c = compare(fixed({{"Upp", "1000"}, {"Ned", "1000"}, {"Lite", "1000"}, {"Tredjedel", "3"}, {"Noll", "0"}}),
                         fixed({{"Upp", "1001,50"}, {"Ned", "998,50"}, {"Lite", "999,96"}, {"Tredjedel", "4"}, {"Noll", "5"}}));
  ASSERT_TRUE(c["ok"].get<bool>()) << c.dump();
  EXPECT_EQ(row(c, "Upp")["diff_percent"], "0.2");    // +0,15 %
  EXPECT_EQ(row(c, "Ned")["diff_percent"], "-0.2");   // −0,15 %
  EXPECT_EQ(row(c, "Lite")["diff_percent"], "0.0");   // −0,004 %, no "-0.0"
  EXPECT_EQ(row(c, "Lite")["diff_ore"], -4);
  EXPECT_EQ(row(c, "Tredjedel")["diff_percent"], "33.3");
  EXPECT_TRUE(row(c, "Noll")["diff_percent"].is_null());
  EXPECT_EQ(row(c, "Noll")["diff_ore"], 500);
  // 3 003 kr → 3 008,96 kr: +0,198… %
  EXPECT_EQ(c["totals"]["diff_ore"], 596);
  EXPECT_EQ(c["totals"]["diff_percent"], "0.2");
}

TEST(Compare, ASideWithErrorsGivesNoAmountsButItsFindings) {
  json b = model();
  b["key"][1]["share"] = 15;  // 75 + 15 = 90 %
  const json c = compare(model().dump(), b.dump());
  EXPECT_FALSE(c["ok"].get<bool>());
  EXPECT_TRUE(c["a_ok"].get<bool>());
  EXPECT_FALSE(c["b_ok"].get<bool>());
  EXPECT_EQ(c["recipients"], json::array());
  EXPECT_TRUE(c["totals"].is_null());
  ASSERT_EQ(c["findings_added"].size(), 1u) << c["findings_added"];
  EXPECT_EQ(c["findings_added"][0]["code"], "key.shares_sum");
  EXPECT_EQ(c["findings_added"][0]["severity"], "error");

  const json broken = compare("{ not json", model().dump());
  EXPECT_FALSE(broken["a_ok"].get<bool>());
  EXPECT_TRUE(broken["b_ok"].get<bool>());
  ASSERT_EQ(broken["findings_removed"].size(), 1u);
  EXPECT_EQ(broken["findings_removed"][0]["code"], "json.syntax");
}

// ---- the comparison as CSV for Swedish Excel (result_csv.hpp) ----

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Last year's budget against this year's: Cedra is gone, Dala is new.
std::string budgets() {
  return compare_json(fixed({{"Alby", "4 000"}, {"Boda", "3 000"}, {"Cedra", "2 000"}}),
                      fixed({{"Alby", "5 000"}, {"Boda", "2 999,50"}, {"Dala", "1 500"}}));
}

std::vector<std::vector<std::string>> cells_of(const std::string& csv) {
  EXPECT_TRUE(csv.starts_with(kBom)) << "UTF-8 with a BOM, or Excel reads å and ä wrongly";
  CsvTable table = read_csv(csv, ';');
  EXPECT_TRUE(table.ok());
  return table.rows;
}

TEST(CompareExcelCsv, EachRecipientInAAndBWithTheDifferenceInKronorAndPerCentThenTheSums) {
  const std::string csv =
      compare_json_to_table_csv(budgets(), kSwedishExcelCsv, CsvLanguage::swedish, "Budget 2025", "Nu");
  EXPECT_EQ(csv, std::string(kBom) +
                     "Mottagare;A: Budget 2025 (kr);B: Nu (kr);Skillnad B − A (kr);Skillnad (%)\r\n"
                     "Alby;4000;5000;1000;25,0\r\n"
                     "Boda;3000;2999,50;-0,50;0,0\r\n"
                     "Cedra;2000;;-2000;-100,0\r\n"
                     "Dala;;1500;1500;\r\n"
                     "Summa;9000;9499,50;499,50;5,6\r\n");
}

TEST(CompareExcelCsv, HeadersFollowThePagesLanguageAndTheNumbersStaySwedishExcels) {
  auto rows = cells_of(compare_json_to_table_csv(budgets(), kSwedishExcelCsv, CsvLanguage::english, "Tried (60/40)",
                                                 "Now (75/25)"));
  EXPECT_EQ(rows.front(), (std::vector<std::string>{"Recipient", "A: Tried (60/40) (kr)", "B: Now (75/25) (kr)",
                                                    "Difference B − A (kr)", "Difference (%)"}));
  EXPECT_EQ(rows.back(), (std::vector<std::string>{"Total", "9000", "9499,50", "499,50", "5,6"}));
}

TEST(CompareExcelCsv, NamesAndTitlesThatLookLikeFormulasAreKeptAsTextAndNumbersNever) {
  const std::string a = fixed({{"=HYPERLINK(\"http://x\")", "4 000"}, {"-Boda", "3 000"}});
  const std::string b = fixed({{"=HYPERLINK(\"http://x\")", "3 000"}, {"-Boda", "3 000"}});
  auto rows = cells_of(compare_json_to_table_csv(compare_json(a, b), kSwedishExcelCsv, CsvLanguage::swedish,
                                                 "=cmd|' /C calc'!A0", "Nu"));
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0][1], "A: =cmd|' /C calc'!A0 (kr)") << "not at the start of the cell: nothing to run";
  EXPECT_EQ(rows[1], (std::vector<std::string>{"'=HYPERLINK(\"http://x\")", "4000", "3000", "-1000", "-25,0"}));
  EXPECT_EQ(rows[2][0], "'-Boda");
}

TEST(CompareExcelCsv, ATitleWithARightToLeftOverrideIsIsolatedFromTheWordsAfterIt) {
  auto rows = cells_of(compare_json_to_table_csv(budgets(), kSwedishExcelCsv, CsvLanguage::swedish,
                                                 "Budget\xE2\x80\xAE 2025", "Nu"));
  EXPECT_EQ(rows[0][1], "A: \xE2\x81\xA8" "Budget\xE2\x80\xAE 2025\xE2\x81\xA9 (kr)");
}

TEST(CompareExcelCsv, WhatIsNotAComparisonGivesNothingAndAForgedPerCentIsNotWritten) {
  for (std::string_view text : {"", "not json", "[]", R"({"recipients": 5})"}) {
    EXPECT_EQ(compare_json_to_table_csv(text, kSwedishExcelCsv, CsvLanguage::swedish, "A", "B"), "") << text;
  }
  // A comparison with errors has no rows: the header and an empty sum.
  const std::string failed = compare_json(fixed({{"Alby", "x"}}), fixed({{"Alby", "1"}}));
  auto rows = cells_of(compare_json_to_table_csv(failed, kSwedishExcelCsv, CsvLanguage::swedish, "A", "B"));
  EXPECT_EQ(rows.back(), (std::vector<std::string>{"Summa", "", "", "", ""}));
  // Written unguarded, the per cent cell takes only what the core writes.
  auto forged = cells_of(compare_json_to_table_csv(
      R"({"recipients": [{"name": "Alby", "a_ore": 100, "b_ore": 200, "diff_ore": 100, "diff_percent": "=1+1"},
                         {"name": "Boda", "a_ore": "1", "diff_percent": "1.25"}], "totals": null})",
      kSwedishExcelCsv, CsvLanguage::swedish, "A", "B"));
  EXPECT_EQ(forged[1], (std::vector<std::string>{"Alby", "1", "2", "1", ""}));
  EXPECT_EQ(forged[2], (std::vector<std::string>{"Boda", "", "", "", ""}));
}

}  // namespace
}  // namespace fordela::test
