// Scenarios: the JSON document a user edits, and its computation. The
// document format is described in docs/scenario-format.md.
#pragma once

#include <string>
#include <string_view>

namespace fordela {

inline constexpr int kScenarioVersion = 1;

// Limits that bound memory and time for any document, hostile or not.
struct ScenarioLimits {
  std::size_t max_document_bytes = 64 * 1024 * 1024;
  std::size_t max_recipients = 1'000'000;
  std::size_t max_indicators = 100;
  std::size_t max_components = 20;
  std::size_t max_string_bytes = 1'000;
  std::size_t max_depth = 24;  // four levels of sub-scenarios
};

// Validates and computes a scenario. Input: the scenario as JSON text.
// Output: the result document as JSON text (docs/scenario-format.md,
// "Result"), always well-formed, never throws: malformed input yields a
// result with "ok": false and findings saying why.
std::string compute_scenario_json(std::string_view scenario_json, const ScenarioLimits& limits = {});

// Validation only (no amounts): {"ok": bool, "findings": [...]}.
std::string validate_scenario_json(std::string_view scenario_json, const ScenarioLimits& limits = {});

// The scenario in canonical form (defaults filled in, amounts as plain
// numbers), for links and files; on errors, {"ok": false, "findings": [...]}.
std::string normalize_scenario_json(std::string_view scenario_json, const ScenarioLimits& limits = {});

// The limits a scenario is read with, for a caller that states them (the
// page): {"max_recipients", "max_indicators", "max_components",
// "max_string_bytes", "max_document_bytes", "max_depth" (JSON nesting),
// "max_levels" (the scenario and its sub-scenarios)}.
std::string scenario_limits_json(const ScenarioLimits& limits = {});

// The result as CSV (one row per recipient plus a totals row), for the CLI.
std::string result_json_to_csv(std::string_view result_json);

}  // namespace fordela
