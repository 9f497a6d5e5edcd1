// The core's JSON-string entry points: what the WebAssembly binding
// exposes one to one, and what the CLI calls. Each takes and returns JSON
// text and never throws; problems come back as findings.
#pragma once

#include <string>
#include <string_view>

#include "fordela/scenario.hpp"

namespace fordela {

// compute_scenario_json, validate_scenario_json, normalize_scenario_json
// are declared in scenario.hpp.

// Apportionment on its own. Request:
//   {"weights": ["1.5", 2, ...], "names": ["A", ...] (optional),
//    "method": "largest-remainder", "first_divisor": "1.2", "min_units": 0,
//    and either "units": 10 or "total": "5 000 000 kr", "unit": "1 000 kr"}
// Response: {"ok": true, "allocation": [..] (units, or öre for total),
//   "unit_ore": .., "not_allocated_ore": .., "tied": [indices],
//   "findings": [...]}
std::string apportion_json(std::string_view request_json);

// One amount as people paste it: {"ok": true, "ore": 590000000} or
// {"ok": false, "findings": [...]} with a message quoting the input.
std::string parse_amount_json(std::string_view text);

std::string_view core_version();

}  // namespace fordela
