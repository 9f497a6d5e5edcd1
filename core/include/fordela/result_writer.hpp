// The result of a scenario written piece by piece to a sink instead of
// returned as one string: a million recipients' result is 400 MB of text,
// which the CLI passes straight on to its output.
#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "fordela/findings.hpp"
#include "fordela/scenario.hpp"

namespace fordela {

// Receives a long answer piece by piece, in order.
using TextSink = std::function<void(std::string_view)>;

// compute_scenario_json's result, the same bytes, handed to `write` in
// pieces as it is written. Returns the findings, which say whether it is
// "ok".
std::vector<Finding> write_scenario_result(std::string_view scenario_json, const TextSink& write,
                                           const ScenarioLimits& limits = {});

// The result as result_json_to_csv writes it, made from the computation
// itself rather than from the result's JSON, handed to `write` row by
// row; nothing when the scenario cannot be computed. Returns the findings
// (the CSV has no room for them).
std::vector<Finding> write_scenario_result_csv(std::string_view scenario_json, const TextSink& write,
                                               const ScenarioLimits& limits = {});

}  // namespace fordela
