// The shipped examples, computed to the krona against the published
// decisions (DOMAIN.md), and each one's normalized form.
#include <gtest/gtest.h>

#include <array>
#include <cstdlib>
#include <string>

#include "test_support.hpp"

namespace fordela::test {
namespace {

constexpr std::array kExamples{"stockholm-2021", "stockholm-2021-model", "linkoping-2021", "linkoping-2022",
                               "socialstyrelsen-2023"};

struct District {
  const char* name;
  std::int64_t formula_kr;
  std::int64_t earmarked_kr;
  std::int64_t total_kr;
};

// The table in Stockholm's decision (DOMAIN.md, case 1).
constexpr std::array<District, 6> kStockholm2021{{
    {"Rinkeby-Kista", 5'900'000, 1'054'200, 6'954'200},
    {"Spånga-Tensta", 4'300'000, 986'200, 5'286'200},
    {"Hässelby-Vällingby", 4'300'000, 1'779'200, 6'079'200},
    {"Enskede-Årsta-Vantör", 4'700'000, 1'729'200, 6'429'200},
    {"Hägersten-Älvsjö", 2'900'000, 1'498'000, 4'398'000},
    {"Skärholmen", 3'300'000, 479'200, 3'779'200},
}};

void expect_stockholm_table(const json& result) {
  ASSERT_TRUE(result["ok"].get<bool>());
  ASSERT_EQ(result["recipients"].size(), kStockholm2021.size());
  for (std::size_t i = 0; i < kStockholm2021.size(); ++i) {
    const District& d = kStockholm2021[i];
    const json& r = result["recipients"][i];
    SCOPED_TRACE(d.name);
    EXPECT_EQ(r["name"], d.name) << "the districts keep the decision's order";
    EXPECT_EQ(r["formula_ore"], kr(d.formula_kr));
    EXPECT_EQ(r["earmarks_ore"], json::array({kr(d.earmarked_kr)}));
    EXPECT_EQ(r["total_ore"], kr(d.total_kr));
    EXPECT_EQ(r["final_ore"], kr(d.total_kr));
  }
  EXPECT_EQ(total(result, "pot_ore"), kr(25'400'000));
  EXPECT_EQ(total(result, "net_ore"), kr(25'400'000));
  EXPECT_EQ(total(result, "formula_ore"), kr(25'400'000));
  EXPECT_EQ(total(result, "not_allocated_ore"), 0);
  EXPECT_EQ(total(result, "earmarks_ore"), kr(7'526'000));
  EXPECT_EQ(total(result, "total_ore"), kr(32'926'000));
  EXPECT_EQ(total(result, "final_ore"), kr(32'926'000));
  EXPECT_TRUE(result["redistribution"].is_null());
}

TEST(Stockholm2021, PublishedAmountsGiveTheDecisionsTableToTheKronaWithoutWarnings) {
  json result = compute(example_text("stockholm-2021"));
  expect_stockholm_table(result);
  EXPECT_EQ(result["findings"], json::array()) << result["findings"].dump();
}

TEST(Stockholm2021Model, The7525KeyWithWeights123AndUnit100000GivesThePublishedAmounts) {
  json result = compute(example_text("stockholm-2021-model"));
  expect_stockholm_table(result);
  EXPECT_EQ(result["findings"], json::array()) << result["findings"].dump();

  // 75 % of 25 400 000 by weighted areas, 25 % by population.
  const json& key = result["components"];
  ASSERT_EQ(key.size(), 2u);
  EXPECT_EQ(key[0]["share"], "75");
  EXPECT_EQ(key[0]["frame_ore"], kr(19'050'000));
  EXPECT_EQ(key[1]["share"], "25");
  EXPECT_EQ(key[1]["frame_ore"], kr(6'350'000));
  // Areas × 1/2/3: 6 + 4 + 4 + 4 + 1 + 3 = 22 weighted areas (in millionths).
  EXPECT_EQ(key[0]["basis_total"], "22000000000000");
  EXPECT_EQ(result["rounding"]["unit_ore"], kr(100'000));

  // Every district amount is a round hundred-thousand, each off its exact
  // quota by less than one unit.
  for (const auto& r : result["recipients"]) {
    SCOPED_TRACE(r["name"].get<std::string>());
    EXPECT_EQ(r["formula_ore"].get<std::int64_t>() % kr(100'000), 0);
    EXPECT_LT(std::abs(r["rounding_ore"].get<std::int64_t>()), kr(100'000));
    EXPECT_EQ(r["rounding_ore"].get<std::int64_t>(),
              r["formula_ore"].get<std::int64_t>() - r["exact_ore"].get<std::int64_t>());
  }
}

TEST(Linkoping2021, AFrameOf3000000SplitAsFixedAmountsIsExactWithNoFindings) {
  json result = compute(example_text("linkoping-2021"));
  ASSERT_TRUE(result["ok"].get<bool>());
  EXPECT_EQ(result["findings"], json::array()) << result["findings"].dump();
  EXPECT_EQ(formula(result, "Social- och omsorgsnämnden"), kr(1'000'000));
  EXPECT_EQ(formula(result, "Kultur- och fritidsnämnden"), kr(500'000));
  EXPECT_EQ(formula(result, "Kommunstyrelsen"), kr(1'500'000));
  for (const auto& r : result["recipients"]) EXPECT_EQ(r["rounding_ore"], 0);
  EXPECT_EQ(total(result, "formula_ore"), kr(3'000'000));
  EXPECT_EQ(total(result, "not_allocated_ore"), 0);
  EXPECT_EQ(total(result, "total_ore"), kr(3'000'000));
}

TEST(Linkoping2022, A5000000FrameWith4850000AllocatedWarnsOf150000NotAllocated) {
  json result = compute(example_text("linkoping-2022"));
  ASSERT_TRUE(result["ok"].get<bool>()) << "a gap in the frame is a warning, not an error";
  EXPECT_EQ(formula(result, "Områdesteam (Leanlink Råd och stöd)"), kr(1'750'000));  // 2,5 × 700 000
  EXPECT_EQ(formula(result, "Nära socialtjänst Skäggetorp"), kr(3'100'000));         // 3 × 700 000 + lokal
  EXPECT_EQ(total(result, "formula_ore"), kr(4'850'000));
  EXPECT_EQ(total(result, "not_allocated_ore"), kr(150'000));

  ASSERT_EQ(result["findings"].size(), 1u) << result["findings"].dump();
  const json& gap = result["findings"][0];
  EXPECT_EQ(gap["severity"], "warning");
  EXPECT_EQ(gap["code"], "frame.not_fully_allocated");
  EXPECT_EQ(gap["path"], "/key/0");
  const std::string sv = gap["message"]["sv"];
  EXPECT_NE(sv.find(sv_kr("150 000 kr")), std::string::npos) << sv;
  EXPECT_NE(sv.find(sv_kr("4 850 000 kr")), std::string::npos) << sv;
  EXPECT_NE(sv.find(sv_kr("5 000 000 kr")), std::string::npos) << sv;
  EXPECT_NE(gap["message"]["en"].get<std::string>().find("150,000 kr"), std::string::npos);
}

TEST(Socialstyrelsen2023, TheNetPotIs250000000Less6500000ForAdministration) {
  json result = compute(example_text("socialstyrelsen-2023"));
  ASSERT_TRUE(result["ok"].get<bool>()) << result["findings"].dump();
  EXPECT_EQ(total(result, "pot_ore"), kr(250'000'000));
  EXPECT_EQ(total(result, "deductions_ore"), kr(6'500'000));
  EXPECT_EQ(total(result, "net_ore"), kr(243'500'000));
  EXPECT_EQ(total(result, "formula_ore"), kr(243'500'000));
  EXPECT_EQ(total(result, "not_allocated_ore"), 0);
  std::int64_t sum = 0;
  for (const auto& r : result["recipients"]) sum += r["formula_ore"].get<std::int64_t>();
  EXPECT_EQ(sum, kr(243'500'000)) << "the municipalities' amounts add up to the net pot";
  // 43 weighted areas; Kommun A has 3×1 + 1×2 + 2×3 = 11 of them.
  EXPECT_EQ(recipient(result, "Kommun A")["exact"], "267850000000/43");
}

TEST(Socialstyrelsen2023, KommunHsUnrequisitionedMoneyIsRedistributedAmongTheOptedIn) {
  json result = compute(example_text("socialstyrelsen-2023"));
  ASSERT_TRUE(result["ok"].get<bool>()) << result["findings"].dump();

  // Kommun H (1 area of 43) did not requisition: its amount is the pool.
  const json& h = recipient(result, "Kommun H");
  EXPECT_FALSE(h["requisitioned"].get<bool>());
  const std::int64_t pool = h["formula_ore"];
  EXPECT_EQ(pool, kr(5'662'791));  // 243 500 000 / 43, to the krona
  EXPECT_EQ(h["final_ore"], 0);
  ASSERT_TRUE(result["redistribution"].is_object());
  EXPECT_EQ(result["redistribution"]["pool_ore"], pool);
  EXPECT_EQ(result["redistribution"]["recipients"], 4);
  EXPECT_EQ(result["redistribution"]["not_allocated_ore"], 0);

  json round = finding(result, "redistribution.round");
  ASSERT_FALSE(round.is_null());
  EXPECT_EQ(round["severity"], "info");
  EXPECT_NE(round["message"]["sv"].get<std::string>().find(sv_kr("5 662 791 kr")), std::string::npos);

  // The opted-in A, C, E and G (11, 8, 5 and 3 areas of 27) share it
  // exactly; the others keep their first-round amount.
  EXPECT_EQ(recipient(result, "Kommun A")["redistribution_ore"], kr(2'307'063));
  EXPECT_EQ(recipient(result, "Kommun C")["redistribution_ore"], kr(1'677'864));
  EXPECT_EQ(recipient(result, "Kommun E")["redistribution_ore"], kr(1'048'665));
  EXPECT_EQ(recipient(result, "Kommun G")["redistribution_ore"], kr(629'199));
  std::int64_t redistributed = 0;
  std::int64_t final_sum = 0;
  for (const auto& r : result["recipients"]) {
    SCOPED_TRACE(r["name"].get<std::string>());
    const std::int64_t extra = r["redistribution_ore"];
    redistributed += extra;
    final_sum += r["final_ore"].get<std::int64_t>();
    const std::string name = r["name"];
    if (name == "Kommun A" || name == "Kommun C" || name == "Kommun E" || name == "Kommun G") {
      EXPECT_GT(extra, 0);
    } else {
      EXPECT_EQ(extra, 0);
    }
    if (name != "Kommun H") {
      EXPECT_EQ(r["final_ore"].get<std::int64_t>(), r["total_ore"].get<std::int64_t>() + extra);
    }
  }
  EXPECT_EQ(redistributed, pool);
  EXPECT_EQ(total(result, "redistributed_ore"), pool);
  EXPECT_EQ(final_sum, kr(243'500'000));
  EXPECT_EQ(total(result, "final_ore"), kr(243'500'000));
}

TEST(Examples, EveryExampleNormalizesToADocumentWithTheIdenticalResult) {
  for (const char* name : kExamples) {
    SCOPED_TRACE(name);
    const std::string original = example_text(name);
    const std::string normalized = normalize_scenario_json(original);
    json doc = parse(normalized);
    EXPECT_EQ(doc.value("format", ""), "fordela-scenario") << normalized.substr(0, 300);
    EXPECT_EQ(compute_scenario_json(normalized), compute_scenario_json(original));
  }
}

TEST(Examples, NormalizationIsIdempotent) {
  for (const char* name : kExamples) {
    SCOPED_TRACE(name);
    const std::string once = normalize_scenario_json(example_text(name));
    EXPECT_EQ(normalize_scenario_json(once), once);
  }
}

TEST(Examples, EveryExampleValidatesWithoutErrors) {
  for (const char* name : kExamples) {
    SCOPED_TRACE(name);
    json validation = parse(validate_scenario_json(example_text(name)));
    EXPECT_TRUE(validation["ok"].get<bool>()) << validation.dump();
  }
}

}  // namespace
}  // namespace fordela::test
