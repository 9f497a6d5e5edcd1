// The engine behind compute_scenario_json, for other parts of the core
// that need its exact intermediate values (explanations, comparisons):
// what was read, what was computed, and the findings.
#pragma once

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "fordela/bignat.hpp"
#include "fordela/findings.hpp"
#include "exact_column.hpp"
#include "fordela/money.hpp"
#include "scenario_model.hpp"

namespace fordela::detail {

struct SubResult;

// An amount or count in BigNat; a negative one (never in a computed
// scenario) as 0.
inline BigNat nat(std::int64_t v) { return BigNat(static_cast<std::uint64_t>(v < 0 ? 0 : v)); }

// Column by column: one vector per quantity, one entry per recipient.
struct Computation {
  std::vector<Ore> frames;
  std::vector<BigNat> basis_totals;
  std::vector<BigNat> component_den;
  std::vector<ExactColumn> component_num;  // [component][recipient], exact over component_den
  // [component][recipient]; empty for a component rounded only as part of
  // the recipient's combined amount.
  std::vector<std::vector<Ore>> component_amount;
  BigNat exact_den{1};
  ExactColumn exact_num;  // formula, over exact_den
  std::vector<Ore> formula;
  std::vector<std::vector<Ore>> earmarks;  // [earmark][recipient]
  std::vector<Ore> total;
  std::vector<Ore> redistribution;
  std::vector<Ore> final;
  Ore deductions = 0;
  Ore net = 0;
  Ore not_allocated_rounding = 0;
  bool has_redistribution = false;
  Ore pool = 0;
  std::size_t takers = 0;
  Ore redistribution_not_allocated = 0;
  bool out_of_range = false;  // a sum past kMaxTotalOre
  // Per recipient, its sub-scenario as computed (null when it has none);
  // empty when no recipient has one.
  std::vector<std::shared_ptr<const SubResult>> subs;
};

// A recipient's amount split one level further down.
struct SubResult {
  Scenario scenario;  // with its pot set to what the level above gives
  Computation computation;
};

struct Outcome {
  std::optional<Scenario> scenario;       // set when the document could be read
  std::optional<Computation> computation;  // set when it could also be computed
  std::vector<Finding> findings;
};

// Computes a scenario that was read without errors (engine.cpp); nullopt,
// with findings saying why, when it cannot be computed.
std::optional<Computation> compute(const Scenario& scenario, std::vector<Finding>& findings);

// What a cost-built item costs, decided or not, to the öre (engine.cpp).
Ore item_cost_ore(const CostSpec& cost);

// Reads, validates and computes a scenario document.
Outcome evaluate(std::string_view text, const ScenarioLimits& limits);

}  // namespace fordela::detail
