// The vocabulary of input errors, owned here once for the API, the
// scenario reader, the engine and the CLI: which finding a parse error
// is, how a user's input is quoted in its message, the ok:false answer,
// and what an apportionment error tells the user.
#pragma once

#include <cstdint>
#include <optional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "fordela/api.hpp"
#include "fordela/apportion.hpp"
#include "fordela/findings.hpp"
#include "fordela/money.hpp"

namespace fordela::detail {

// Input as a message quotes it: at most 60 bytes, cut on a character
// boundary, with "…" when cut.
std::string quoted_input(std::string_view text);
// The same for a JSON value: a string's text, a number's source text,
// anything else as compact JSON.
std::string quoted_value(const nlohmann::json& value);

// The text of a JSON string, integer, or non-integer number (its source
// text), and how it was written; nullopt for other values.
std::optional<NumberInput> number_input(const nlohmann::json& value);

// The finding for an amount or a decimal the parser refused, quoting it.
Finding amount_finding(ParseError error, std::string path, std::string_view input);
Finding number_finding(ParseError error, std::string path, std::string_view input);

// A whole number of units (seats, a minimum), written ("10", "1 000") or
// as a JSON number, from 0 to 10^12. Adds the finding that says why not
// (not a number, negative, not whole, too large) and returns nullopt.
std::optional<std::int64_t> read_count(const NumberInput& input, const std::string& path,
                                       std::vector<Finding>& findings);

// {"ok": false, "findings": [...]}
std::string failure_json(const std::vector<Finding>& findings);

// Where the fields behind an apportionment live, and what was asked.
struct ApportionContext {
  const ApportionOptions& options;
  std::int64_t units = 0;
  std::size_t count = 0;         // recipients
  Ore unit_ore = 0;              // 0 when the units are not amounts
  std::string weights_path;
  std::string units_path;
  std::string min_units_path;
  std::string first_divisor_path;
};
Finding apportion_finding(ApportionError error, const ApportionContext& context);

}  // namespace fordela::detail
