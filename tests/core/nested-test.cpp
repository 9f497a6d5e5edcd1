// Nested levels: a recipient's amount becomes the frame of its own split
// (state grant → municipality → committee → measures), and the levels are
// reconciled.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "fordela/scenario.hpp"

namespace {

using json = nlohmann::json;

std::string read_example(const std::string& id) {
  std::ifstream in(std::string(FORDELA_SOURCE_DIR) + "/examples/" + id + ".json");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

json compute(const std::string& doc) { return json::parse(fordela::compute_scenario_json(doc)); }

std::int64_t sum_final(const json& level) {
  std::int64_t sum = 0;
  for (const auto& r : level["recipients"]) sum += r["final_ore"].get<std::int64_t>();
  return sum;
}

// Every level splits exactly what the level above gives it.
void expect_reconciled(const json& level) {
  for (const auto& r : level["recipients"]) {
    if (!r.contains("sub")) continue;
    const json& sub = r["sub"];
    EXPECT_EQ(sub["totals"]["pot_ore"], r["final_ore"]) << r["name"];
    EXPECT_EQ(sum_final(sub) + sub["totals"]["not_allocated_ore"].get<std::int64_t>() +
                  sub["totals"]["deductions_ore"].get<std::int64_t>(),
              r["final_ore"].get<std::int64_t>())
        << r["name"];
    expect_reconciled(sub);
  }
}

TEST(Nested, LinkopingsTopUpSplitsThroughThreeLevelsToTheKrona) {
  json result = compute(read_example("linkoping-2022-tree"));
  ASSERT_TRUE(result["ok"].get<bool>()) << result["findings"].dump();
  EXPECT_EQ(result["totals"]["final_ore"], 6'214'587'00);
  const json& social = result["recipients"][0];
  EXPECT_EQ(social["final_ore"], 4'350'211'00);  // 70 % of 6 214 587 kr, to the krona
  ASSERT_TRUE(social.contains("sub"));
  EXPECT_EQ(sum_final(social["sub"]), 4'350'211'00);
  EXPECT_EQ(social["sub"]["recipients"][0]["final_ore"], 1'933'427'00);  // 2 of 4.5 posts
  EXPECT_FALSE(result["recipients"][1].contains("sub"));
  expect_reconciled(result);
}

const std::string kTwoLevels = R"({"format": "fordela-scenario", "version": 1, "pot": {"total": 1000},
  "recipients": [{"name": "Norr", "sub": {SUB}}, {"name": "Söder"}],
  "key": [{"name": "Lika", "share": 100, "basis": "equal"}]})";

std::string with_sub(const std::string& sub) {
  std::string doc = kTwoLevels;
  doc.replace(doc.find("{SUB}"), 5, sub);
  return doc;
}

TEST(Nested, ASubScenarioThatStatesItsOwnPotIsWarnedWhenTheLevelsDoNotAddUp) {
  json result = compute(with_sub(R"({"pot": {"total": 600}, "recipients": [{"name": "A"}, {"name": "B"}],
    "key": [{"name": "Lika", "share": 100, "basis": "equal"}]})"));
  ASSERT_TRUE(result["ok"].get<bool>());
  ASSERT_EQ(result["findings"].size(), 1u);
  EXPECT_EQ(result["findings"][0]["code"], "nested.total_mismatch");
  EXPECT_EQ(result["findings"][0]["path"], "/recipients/0/sub/pot/total");
  EXPECT_NE(result["findings"][0]["message"]["sv"].get<std::string>().find("100"), std::string::npos);
}

TEST(Nested, FindingsInsideASubScenarioPointIntoIt) {
  json result = compute(with_sub(R"({"recipients": [{"name": "A", "values": {"x": 1}}],
    "key": [{"name": "Lika", "share": 100, "basis": "equal"}]})"));
  EXPECT_FALSE(result["ok"].get<bool>());
  EXPECT_EQ(result["findings"][0]["code"], "indicator.unknown");
  EXPECT_EQ(result["findings"][0]["path"], "/recipients/0/sub/recipients/0/values/x");
}

TEST(Nested, ASubScenarioInheritsTheGrantPeriodForItsMeasures) {
  std::string doc = with_sub(R"({"recipients": [{"name": "Läger", "activity": {"from": "2020-06-01", "to": "2020-08-01"}}],
    "key": [{"name": "Lika", "share": 100, "basis": "equal"}]})");
  doc.replace(doc.find(R"("total": 1000})"), 14,
              R"("total": 1000, "dates": {"period_start": "2021-01-01", "period_end": "2021-12-31"}})");
  json result = compute(doc);
  ASSERT_EQ(result["findings"].size(), 1u) << result["findings"].dump();
  EXPECT_EQ(result["findings"][0]["code"], "activity.outside_period");
  EXPECT_EQ(result["findings"][0]["path"], "/recipients/0/sub/recipients/0/activity");
}

TEST(Nested, TheWholeTreeTravelsInOneNormalizedDocument) {
  std::string original = read_example("linkoping-2022-tree");
  std::string normalized = fordela::normalize_scenario_json(original);
  json doc = json::parse(normalized);
  ASSERT_TRUE(doc["recipients"][0].contains("sub"));
  EXPECT_FALSE(doc["recipients"][0]["sub"]["pot"].contains("total"));  // it takes its parent's amount
  EXPECT_EQ(fordela::compute_scenario_json(normalized), fordela::compute_scenario_json(original));
  EXPECT_EQ(fordela::normalize_scenario_json(normalized), normalized);
}

TEST(Nested, UnusedMoneyToRepayIsReportedPerRecipientAndInAll) {
  json result = compute(R"({"format": "fordela-scenario", "version": 1, "pot": {"total": 1000},
    "recipients": [{"name": "Norr", "used": 450}, {"name": "Söder", "used": "500 kr"}],
    "key": [{"name": "Lika", "share": 100, "basis": "equal"}]})");
  ASSERT_TRUE(result["ok"].get<bool>());
  EXPECT_EQ(result["recipients"][0]["unused_ore"], 50'00);
  EXPECT_EQ(result["recipients"][1]["unused_ore"], 0);
  EXPECT_EQ(result["totals"]["used_ore"], 950'00);
  EXPECT_EQ(result["totals"]["unused_ore"], 50'00);
}

}  // namespace
