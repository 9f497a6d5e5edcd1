// The core's JSON-string entry points: what the WebAssembly binding
// exposes one to one, and what the CLI calls. Each takes and returns JSON
// text and never throws; problems come back as findings.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fordela/findings.hpp"
#include "fordela/money.hpp"
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

// A number as it came: text as written, or a JSON number's source text.
struct NumberInput {
  std::string text;
  Notation notation = Notation::written;
};

// apportion_json's request once read, for callers that hold the fields
// already (the CLI: options and CSV rows). Absent fields take the
// defaults of apportion_json; units, or total with unit, must be given.
struct ApportionRequest {
  std::vector<NumberInput> weights;
  std::vector<std::string> names;  // optional, for the tie's message
  std::optional<std::string> method;
  std::optional<NumberInput> first_divisor;
  std::optional<NumberInput> min_units;
  std::optional<NumberInput> units;
  std::optional<std::string> total;  // amounts as written: "5 mnkr"
  std::optional<std::string> unit;
};

// apportion_json's response as values. Findings carry the JSON pointer of
// the request's field ("/weights/3", "/units", "/total", ...).
struct ApportionAnswer {
  bool ok = false;
  std::vector<std::int64_t> allocation;  // units, or öre when unit_ore > 0
  Ore unit_ore = 0;
  Ore not_allocated_ore = 0;
  std::vector<std::size_t> tied;
  std::vector<Finding> findings;
};
ApportionAnswer apportion_request(const ApportionRequest& request);

// One amount as people paste it: {"ok": true, "ore": 590000000} or
// {"ok": false, "findings": [...]} with a message quoting the input.
std::string parse_amount_json(std::string_view text);

std::string_view core_version();

}  // namespace fordela
