// The result written as CSV for Swedish Excel (and for the CLI), and CSV
// text read into rows for the page's import.
#include "fordela/result_csv.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include <string>
#include <vector>

#include "fordela/csv.hpp"
#include "test_support.hpp"

namespace fordela::test {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::string excel_csv(std::string_view scenario_text, CsvLanguage language = CsvLanguage::swedish) {
  return result_json_to_table_csv(compute_scenario_json(scenario_text), kSwedishExcelCsv, language, scenario_text);
}

// The lines of a CSV document, without the BOM and the last line end.
std::vector<std::string> lines_of(std::string text) {
  if (text.starts_with(kBom)) text.erase(0, kBom.size());
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find("\r\n", start)) != std::string::npos; start = end + 2) {
    lines.push_back(text.substr(start, end - start));
  }
  EXPECT_EQ(start, text.size()) << "every line ends in CRLF";
  return lines;
}

// Excel reads back what it wrote: the cells of the file, as it sees them.
std::vector<std::vector<std::string>> cells_of(const std::string& text) {
  CsvTable table = read_csv(text, ';');
  EXPECT_TRUE(table.ok());
  return table.rows;
}

// The table: the lines before the empty line that opens the summary.
std::vector<std::string> table_of(const std::vector<std::string>& lines) {
  return {lines.begin(), std::find(lines.begin(), lines.end(), "")};
}

// The summary: the lines after that empty line.
std::vector<std::string> summary_of(const std::vector<std::string>& lines) {
  const std::size_t table = table_of(lines).size();
  return table < lines.size() ? std::vector<std::string>(lines.begin() + table + 1, lines.end())
                              : std::vector<std::string>{};
}

// The table's text, up to the empty line (which a CSV reader skips).
std::string table_text(const std::string& csv) {
  const std::size_t end = csv.find("\r\n\r\n");
  return end == std::string::npos ? csv : csv.substr(0, end + 2);
}

// A scenario whose one recipient has the given name, a fixed amount and an
// earmark.
std::string one_recipient(std::string_view name_json, std::string_view earmark_json = R"("Extra medel")") {
  return scenario(std::string(R"(
    "pot": {"total": "6 214 587,50 kr"},
    "indicators": [{"id": "belopp", "label": "Belopp", "kind": "amount"},
                   {"id": "extra", "label": "Extra", "kind": "amount"}],
    "recipients": [{"name": )") + std::string(name_json) + R"(, "values": {"belopp": "6 214 587,50", "extra": 1000}}],
    "key": [{"name": "Fast", "share": 100, "basis": "fixed", "indicator": "belopp"}],
    "earmarks": [{"name": )" + std::string(earmark_json) + R"(, "indicator": "extra"}])");
}

// ---- Swedish Excel ----

TEST(ResultExcelCsv, StockholmsPublishedTableOpensInSwedishExcelAsTheDecisionPrintsIt) {
  std::string csv = excel_csv(example_text("stockholm-2021"));
  ASSERT_TRUE(csv.starts_with(kBom)) << "UTF-8 with a BOM, or Excel reads å and ä wrongly";
  EXPECT_EQ(csv.find("sep="), std::string::npos);
  EXPECT_EQ(lines_of(csv), (std::vector<std::string>{
                               "Mottagare;Enligt nyckeln (kr);Extra medel skolsociala team (öronmärkt) (kr);Totalt (kr)",
                               "Rinkeby-Kista;5900000;1054200;6954200",
                               "Spånga-Tensta;4300000;986200;5286200",
                               "Hässelby-Vällingby;4300000;1779200;6079200",
                               "Enskede-Årsta-Vantör;4700000;1729200;6429200",
                               "Hägersten-Älvsjö;2900000;1498000;4398000",
                               "Skärholmen;3300000;479200;3779200",
                               "Summa;25400000;7526000;32926000",
                               "",
                               "Pott;25400000",
                               "Avdrag;0",
                               "Att fördela;25400000",
                               "Fördelat enligt nyckeln;25400000",
                               "Ej fördelat;0",
                               "Öronmärkt;7526000",
                               "Totalt;32926000",
                           }));
}

TEST(ResultExcelCsv, AmountsWithOreHaveADecimalCommaAndNoGroupingOrUnit) {
  std::string csv = excel_csv(one_recipient(R"("Linköping")"));
  auto lines = table_of(lines_of(csv));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[1], "Linköping;6214587,50;1000;6215587,50");
  const auto all = lines_of(csv);
  for (std::size_t i = 1; i < all.size(); ++i) {
    EXPECT_EQ(all[i].find(' ', all[i].find(';')), std::string::npos) << "no thousands separators: " << all[i];
  }
  EXPECT_EQ(csv.find("kr\r\n"), std::string::npos);
}

TEST(ResultExcelCsv, TheModelShowsEachComponentTheRoundingAndNegativeAmountsWithAMinus) {
  auto rows = cells_of(table_text(excel_csv(example_text("stockholm-2021-model"))));
  ASSERT_GE(rows.size(), 8u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"Mottagare", "Utsatthet (exakt) (kr)", "Befolkning (exakt) (kr)",
                                               "Avrundning (kr)", "Enligt nyckeln (kr)",
                                               "Extra medel skolsociala team (öronmärkt) (kr)", "Totalt (kr)"}));
  // The exact frames are the component totals: 75 % and 25 % of 25 400 000.
  EXPECT_EQ(rows.back()[0], "Summa");
  EXPECT_EQ(rows.back()[1], "19050000");
  EXPECT_EQ(rows.back()[2], "6350000");
  EXPECT_EQ(rows.back()[3], "");
  EXPECT_EQ(rows.back()[4], "25400000");
  EXPECT_EQ(rows.back()[6], "32926000");
  bool some_negative = false;
  for (std::size_t r = 1; r + 1 < rows.size(); ++r) {
    if (rows[r][3].starts_with("-")) some_negative = true;
    EXPECT_EQ(rows[r][3].find('.'), std::string::npos) << rows[r][3];
  }
  EXPECT_TRUE(some_negative) << "someone is rounded down";
}

TEST(ResultExcelCsv, TheRedistributionRoundAddsItsColumns) {
  auto rows = cells_of(table_text(excel_csv(example_text("socialstyrelsen-2023"))));
  const auto& header = rows.front();
  ASSERT_GE(header.size(), 2u);
  EXPECT_EQ(header[header.size() - 3], "Ej rekvirerat (kr)");
  EXPECT_EQ(header[header.size() - 2], "Omfördelning (kr)");
  EXPECT_EQ(header.back(), "Utbetalas (kr)");
  EXPECT_EQ(rows.back().back(), "243500000");
  // Every row, and the sums, add up: the amount (by the key; no earmarks
  // here) + Ej rekvirerat + Omfördelning = Utbetalas.
  const auto total_at = std::find(header.begin(), header.end(), "Enligt nyckeln (kr)") - header.begin();
  ASSERT_LT(static_cast<std::size_t>(total_at), header.size());
  bool someone_gave_back = false;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    const auto n = row.size();
    auto kr = [](const std::string& cell) { return std::stoll(cell); };
    EXPECT_EQ(kr(row[total_at]) + kr(row[n - 3]) + kr(row[n - 2]), kr(row[n - 1])) << row[0];
    someone_gave_back = someone_gave_back || row[n - 3].starts_with("-");
  }
  EXPECT_TRUE(someone_gave_back);
}

TEST(ResultExcelCsv, HeadersFollowThePagesLanguage) {
  auto lines = lines_of(excel_csv(example_text("stockholm-2021"), CsvLanguage::english));
  EXPECT_EQ(lines.front(), "Recipient;By the key (kr);Extra medel skolsociala team (earmarked) (kr);Total (kr)");
  EXPECT_EQ(table_of(lines).back(), "Total;25400000;7526000;32926000");
  EXPECT_EQ(summary_of(lines), (std::vector<std::string>{"Pot;25400000", "Deductions;0", "To allocate;25400000",
                                                         "Allocated by the key;25400000", "Not allocated;0",
                                                         "Earmarked;7526000", "Total;32926000"}));
}

TEST(ResultExcelCsv, TextThatExcelWouldRunAsAFormulaIsKeptAsText) {
  for (std::string name : {"=HYPERLINK(\"http://x\")", "+46 8 123", "-1", "@SUM(A1)", "\tTab", "=1+1"}) {
    SCOPED_TRACE(name);
    auto rows = cells_of(table_text(excel_csv(one_recipient(json(name).dump()))));
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[1][0], "'" + name);
    EXPECT_EQ(rows[1][1], "6214587,50") << "numbers are never guarded";
  }
  // A line end at the start is guarded too, and the cell quoted.
  EXPECT_EQ(cells_of(excel_csv(one_recipient(R"("\r\nx")")))[1][0], "'\r\nx");
}

// Issue 17: `fordela compute --format csv` wrote =HYPERLINK(…) unchanged.
TEST(ResultPlainCsv, NamesAndComponentNamesThatLookLikeFormulasAreGuardedToo) {
  std::string text = one_recipient(R"x("=HYPERLINK(\"http://x\")")x");
  text.replace(text.find(R"("name": "Fast")"), 14, R"("name": "+1+1")");
  const std::string csv = result_json_to_csv(compute_scenario_json(text));
  CsvTable table = read_csv(csv, ',');
  ASSERT_TRUE(table.ok()) << csv;
  EXPECT_EQ(table.rows[0][1], "'+1+1 (exact)");
  EXPECT_EQ(table.rows[1][0], "'=HYPERLINK(\"http://x\")");
}

TEST(ResultExcelCsv, HeadersFromUserTextAreGuardedAsWell) {
  auto rows = cells_of(excel_csv(one_recipient(R"("Alby")", R"("=cmd|' /C calc'!A0")")));
  EXPECT_EQ(rows[0][2], "'=cmd|' /C calc'!A0 (öronmärkt) (kr)");
}

TEST(ResultExcelCsv, AHeadFromANameWithARightToLeftOverrideIsIsolatedFromWhatFollows) {
  // "Extra", U+202E, " medel (öronmärkt) (kr)" would show the words after the name
  // turned around: the name is set between FSI and PDI.
  auto rows = cells_of(excel_csv(one_recipient(R"("Alby")", R"("Extra\u202e medel")")));
  EXPECT_EQ(rows[0][2], "\xE2\x81\xA8" "Extra\xE2\x80\xAE medel\xE2\x81\xA9 (öronmärkt) (kr)");
  EXPECT_EQ(cells_of(excel_csv(one_recipient(R"("Alby")")))[0][2], "Extra medel (öronmärkt) (kr)");
}

TEST(ResultExcelCsv, CellsWithSemicolonsQuotesOrLineBreaksAreQuoted) {
  auto lines = lines_of(excel_csv(one_recipient(R"("Alby; norra \"gamla\" delen")")));
  EXPECT_EQ(lines[1], R"("Alby; norra ""gamla"" delen";6214587,50;1000;6215587,50)");
  auto rows = cells_of(excel_csv(one_recipient(R"("Rad ett\nrad två")")));
  EXPECT_EQ(rows[1][0], "Rad ett\nrad två");
}

TEST(ResultExcelCsv, WithoutTheScenarioEarmarksAreNumbered) {
  std::string result = compute_scenario_json(example_text("stockholm-2021"));
  auto lines = lines_of(result_json_to_table_csv(result, kSwedishExcelCsv, CsvLanguage::swedish));
  EXPECT_EQ(lines.front(), "Mottagare;Enligt nyckeln (kr);Öronmärkt 1 (öronmärkt) (kr);Totalt (kr)");
}

TEST(ResultExcelCsv, WhatIsNotAResultGivesNothingAndNeverCrashes) {
  for (std::string_view text : {"", "not json", "[]", R"({"ok": false, "findings": []})",
                                R"({"recipients": 5})", R"({"recipients": [1, "x", null], "components": 3})",
                                R"({"recipients": [{"name": 5, "components": [7], "earmarks_ore": {"a": 1},
                                    "formula_ore": "12", "total_ore": 1.5}], "components": [{"basis": 3}],
                                    "totals": [], "redistribution": {}})",
                                R"({"recipients": [{"formula_ore": 18446744073709551615}], "totals": {"formula_ore": -9223372036854775808}})"}) {
    SCOPED_TRACE(text);
    std::string csv = result_json_to_table_csv(text, kSwedishExcelCsv, CsvLanguage::swedish, "{bad");
    std::string plain = result_json_to_csv(text);
    if (text.find("\"recipients\": [") == std::string_view::npos) {
      EXPECT_EQ(csv, "");
    }
    EXPECT_TRUE(csv.empty() || csv.starts_with(kBom));
    (void)plain;
  }
}

// ---- the summary after the table ----

// 1 200 000 kr less 48 000 kr for administration; the key's fixed amounts
// take 1 100 000 of the 1 152 000 left, and an earmark adds 32 500,50.
std::string with_deduction_and_gap() {
  return scenario(R"(
    "pot": {"total": "1 200 000", "deductions": [{"name": "Administration", "amount": "48 000"}]},
    "indicators": [{"id": "kostnad", "label": "Kostnad", "kind": "amount"},
                   {"id": "extra", "label": "Läxhjälp", "kind": "amount"}],
    "recipients": [{"name": "Norrby", "values": {"kostnad": "500 000", "extra": "20 000"}},
                   {"name": "Söderby", "values": {"kostnad": "600 000", "extra": "12 500,50"}}],
    "key": [{"name": "Fast", "share": 100, "basis": "fixed", "indicator": "kostnad"}],
    "earmarks": [{"name": "Läxhjälp", "indicator": "extra"}])");
}

TEST(ResultExcelCsvSummary, ThePotTheDeductionsAndWhatIsNotAllocatedFollowTheTableSoTheSheetAddsUp) {
  auto lines = lines_of(excel_csv(with_deduction_and_gap()));
  EXPECT_EQ(table_of(lines).back(), "Summa;1100000;32500,50;1132500,50");
  EXPECT_EQ(lines.size(), table_of(lines).size() + 1 + 7) << "one empty line, then seven";
  EXPECT_EQ(summary_of(lines), (std::vector<std::string>{
                                   "Pott;1200000",
                                   "Avdrag;48000",
                                   "Att fördela;1152000",
                                   "Fördelat enligt nyckeln;1100000",
                                   "Ej fördelat;52000",
                                   "Öronmärkt;32500,50",
                                   "Totalt;1132500,50",
                               }));
}

TEST(ResultExcelCsvSummary, TheLabelsFollowThePagesLanguage) {
  EXPECT_EQ(summary_of(lines_of(excel_csv(with_deduction_and_gap(), CsvLanguage::english))),
            (std::vector<std::string>{"Pot;1200000", "Deductions;48000", "To allocate;1152000",
                                      "Allocated by the key;1100000", "Not allocated;52000", "Earmarked;32500,50",
                                      "Total;1132500,50"}));
}

TEST(ResultExcelCsvSummary, ARedistributionRoundAddsWhatWasGivenBackWhereItWentAndWhatIsPaidOut) {
  auto summary = summary_of(lines_of(excel_csv(example_text("socialstyrelsen-2023"))));
  ASSERT_EQ(summary.size(), 11u);
  std::vector<std::string> labels;
  std::vector<long long> kronor;
  for (const auto& line : summary) {
    const auto at = line.find(';');
    ASSERT_NE(at, std::string::npos) << line;
    labels.push_back(line.substr(0, at));
    kronor.push_back(std::stoll(line.substr(at + 1)));
  }
  EXPECT_EQ(labels, (std::vector<std::string>{"Pott", "Avdrag", "Att fördela", "Fördelat enligt nyckeln", "Ej fördelat",
                                              "Öronmärkt", "Totalt", "Ej rekvirerat, till omfördelning", "Omfördelat",
                                              "Kvar efter omfördelning", "Utbetalas"}));
  EXPECT_EQ(kronor[0], 250'000'000);
  EXPECT_EQ(kronor[1], 6'500'000);
  EXPECT_EQ(kronor[0] - kronor[1], kronor[2]);
  EXPECT_EQ(kronor[3] + kronor[4], kronor[2]);
  EXPECT_EQ(kronor[3] + kronor[5], kronor[6]);
  EXPECT_GT(kronor[7], 0) << "Kommun H gives its part back";
  EXPECT_EQ(kronor[8] + kronor[9], kronor[7]);
  EXPECT_EQ(kronor[6] - kronor[7] + kronor[8], kronor[10]);
}

TEST(ResultExcelCsvSummary, AResultWithoutTotalsHasTheLinesWithEmptyAmounts) {
  auto summary = summary_of(lines_of(result_json_to_table_csv(R"({"recipients": [], "totals": 5})", kSwedishExcelCsv,
                                                              CsvLanguage::swedish)));
  EXPECT_EQ(summary, (std::vector<std::string>{"Pott;", "Avdrag;", "Att fördela;", "Fördelat enligt nyckeln;",
                                               "Ej fördelat;", "Öronmärkt;", "Totalt;"}));
}

// ---- the CLI's plain CSV stays as it was ----

TEST(ResultPlainCsv, TheCliWritesCommasPointsAndEnglishIds) {
  auto lines = lines_of(result_json_to_csv(compute_scenario_json(example_text("stockholm-2021"))));
  EXPECT_EQ(lines.front(), "name,Fördelningsmodell (publicerade belopp) (exact),formula,earmark 1,total");
  EXPECT_EQ(lines[1], "Rinkeby-Kista,5900000,5900000,1054200,6954200");
  EXPECT_EQ(lines.back(), "TOTAL,,25400000,,32926000");
  std::string with_ore = result_json_to_csv(compute_scenario_json(one_recipient(R"("Linköping, norr")")));
  EXPECT_NE(with_ore.find("\"Linköping, norr\",6214587.50,6214587.50,1000,6215587.50\r\n"), std::string::npos) << with_ore;
  EXPECT_FALSE(with_ore.starts_with(kBom));
}

// ---- reading CSV into rows ----

TEST(ReadCsvJson, ReadsSwedishExcelsSemicolonsWithTheBomAndKeepsNumbersAsWritten) {
  json out = json::parse(read_csv_json("\xEF\xBB\xBFKommun;Befolkning;Bidrag\r\nAlby;48 000;1 234,50\r\n"));
  EXPECT_EQ(out["ok"], true);
  EXPECT_EQ(out["separator"], ";");
  EXPECT_EQ(out["rows"], json::parse(R"([["Kommun", "Befolkning", "Bidrag"], ["Alby", "48 000", "1 234,50"]])"));
}

TEST(ReadCsvJson, ReadsRowsPastedFromExcelWithTabsAndQuotedLineBreaks) {
  json out = json::parse(read_csv_json("Namn\tAntal\n\"Norra\nområdet\"\t1,5\nSödra\t2\n"));
  EXPECT_EQ(out["separator"], "\t");
  EXPECT_EQ(out["rows"], json::parse(R"([["Namn", "Antal"], ["Norra\nområdet", "1,5"], ["Södra", "2"]])"));
}

TEST(ReadCsvJson, OneColumnPastedFromExcelKeepsItsDecimalCommas) {
  json out = json::parse(read_csv_json("1,5\n2,25\n", '\t'));
  EXPECT_EQ(out["separator"], "\t");
  EXPECT_EQ(out["rows"], json::parse(R"([["1,5"], ["2,25"]])"));
  EXPECT_EQ(json::parse(read_csv_json("1,5\n2,25\n"))["rows"][0].size(), 2u) << "guessed: a comma";
}

TEST(ReadCsvJson, SaysWhatIsWrongAndOnWhichLine) {
  json out = json::parse(read_csv_json("namn,antal\nAlby,1\n\"Boda,2\n"));
  EXPECT_EQ(out, json::parse(R"({"ok": false, "error": "unterminated_quote", "line": 3})"));
  EXPECT_EQ(json::parse(read_csv_json(""))["rows"], json::array());
}

TEST(ReadCsvJson, BytesThatAreNotUtf8StillGiveWellFormedJson) {
  json out = json::parse(read_csv_json("namn;antal\nV\xE4ster\xE5s;1\n"), nullptr, false);
  ASSERT_FALSE(out.is_discarded());
  EXPECT_EQ(out["ok"], true);
}

}  // namespace
}  // namespace fordela::test
