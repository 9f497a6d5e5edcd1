// The columnar entry point computes what the same scenario as a document
// computes, and refuses columns that do not fit together.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "fordela/columns.hpp"
#include "fordela/scenario.hpp"

namespace {

using fordela::ColumnarScenario;
using fordela::compute_columns;

ColumnarScenario stockholm_model() {
  // The six districts of examples/stockholm-2021-model.json: weighted
  // area counts (1/2/3) and populations, 75/25, rounded to 100 000 kr.
  ColumnarScenario s;
  s.pot = 25'400'000'00;
  s.unit = 100'000'00;
  s.components = {{{75'000'000}, {6, 4, 4, 4, 1, 3}}, {{25'000'000}, {46600, 55100, 55900, 81800, 134500, 46400}}};
  s.earmarks = {{1'054'200'00, 986'200'00, 1'779'200'00, 1'729'200'00, 1'498'000'00, 479'200'00}};
  return s;
}

TEST(Columns, TheStockholmModelAsColumnsGivesThePublishedAmounts) {
  auto result = compute_columns(stockholm_model());
  ASSERT_TRUE(result.ok());
  const std::vector<fordela::Ore> published = {5'900'000'00, 4'300'000'00, 4'300'000'00,
                                                4'700'000'00, 2'900'000'00, 3'300'000'00};
  EXPECT_EQ(result.formula, published);
  EXPECT_EQ(result.total[0], 6'954'200'00);
  EXPECT_EQ(result.not_allocated, 0);
  // Columns carry no names: unnamed rows are not look-alike names.
  for (const auto& f : result.findings) EXPECT_NE(f.code, "recipients.lookalike_names");
}

TEST(Columns, GiveTheSameAmountsAsTheDocument) {
  std::string doc = R"({"format": "fordela-scenario", "version": 1, "pot": {"total": 1000003},
    "indicators": [{"id": "a", "kind": "count"}, {"id": "b", "kind": "count"}, {"id": "e", "kind": "amount"}],
    "recipients": [{"name": "A", "values": {"a": 3, "b": 10, "e": 5}}, {"name": "B", "values": {"a": 1, "b": 20}},
                   {"name": "C", "values": {"a": 0, "b": 7, "e": 100}}],
    "key": [{"name": "A", "share": 60, "basis": "indicator", "indicator": "a"},
            {"name": "B", "share": 40, "basis": "indicator", "indicator": "b"}],
    "earmarks": [{"name": "E", "indicator": "e"}],
    "rounding": {"unit": 1000, "method": "sainte-lague"}})";
  auto json = nlohmann::json::parse(fordela::compute_scenario_json(doc));
  ASSERT_TRUE(json["ok"].get<bool>()) << json.dump();
  ColumnarScenario s;
  s.pot = 1'000'003'00;
  s.unit = 1000'00;
  s.method = fordela::Method::sainte_lague;
  s.components = {{{60'000'000}, {3, 1, 0}}, {{40'000'000}, {10, 20, 7}}};
  s.earmarks = {{5'00, 0, 100'00}};
  auto result = compute_columns(s);
  ASSERT_TRUE(result.ok());
  for (std::size_t r = 0; r < 3; ++r) {
    EXPECT_EQ(result.formula[r], json["recipients"][r]["formula_ore"].get<fordela::Ore>());
    EXPECT_EQ(result.total[r], json["recipients"][r]["total_ore"].get<fordela::Ore>());
  }
  EXPECT_EQ(result.not_allocated, json["totals"]["not_allocated_ore"].get<fordela::Ore>());
}

TEST(Columns, ColumnsOfDifferentLengthsAreRefused) {
  auto s = stockholm_model();
  s.components[1].basis.pop_back();
  auto result = compute_columns(s);
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(result.findings.at(0).path, "/components/1/basis");
  EXPECT_TRUE(result.formula.empty());
}

TEST(Columns, ANegativeBasisAndSharesOffOneHundredAreRefused) {
  auto s = stockholm_model();
  s.components[0].basis[2] = -1;
  s.components[1].share.micro = 24'000'000;
  auto result = compute_columns(s);
  ASSERT_FALSE(result.ok());
  std::vector<std::string> codes;
  for (const auto& f : result.findings) codes.push_back(f.code);
  EXPECT_NE(std::find(codes.begin(), codes.end(), "number.negative"), codes.end());
  EXPECT_NE(std::find(codes.begin(), codes.end(), "key.shares_sum"), codes.end());
}

}  // namespace
