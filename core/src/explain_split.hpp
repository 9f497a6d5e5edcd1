// One apportionment seen from one recipient: its quota, then what the
// apportionment's trace says it did (remainders and their rank, minimums,
// one unit each to the largest, ties), in both languages.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "fordela/apportion.hpp"
#include "fordela/bignat.hpp"
#include "fordela/money.hpp"
#include "explain_words.hpp"
#include "outcome_json.hpp"
#include "scenario_model.hpp"

namespace fordela::detail {

struct Split {
  const std::vector<BigNat>& weights;    // as the engine apportioned them
  Ore money = 0;                         // the amount split (whole units and what is left of one)
  std::int64_t units = 0;                // whole units handed out
  ApportionOptions options;
  std::size_t who = 0;                   // index into weights
  std::int64_t received = 0;             // units the engine gave `who`
  Ore unit = 0;                          // öre per unit
  const std::vector<std::size_t>* map;   // weights index → recipient, or null
};

struct Story {
  Words words;
  ojson values = ojson::object();
};

// How `who` came to its units: its quota, stated so that it can be
// recomputed from the amounts printed before it, and then what the
// apportionment did.
Story tell_split(const Scenario& s, const Split& split);

// "största restmetoden" / "the largest remainder method".
Words method_name(Method method);

}  // namespace fordela::detail
