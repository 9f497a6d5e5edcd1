// Bounded JSON reading for untrusted documents: a SAX-built DOM that
// stops at the nesting limit, reports syntax errors with line and column,
// and keeps the source text of non-integer numbers (as strings) so that
// decimals stay exact.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "fordela/findings.hpp"

namespace fordela::detail {

struct JsonInput {
  nlohmann::json document;
  std::optional<Finding> error;  // set when the text could not be read
};

JsonInput read_json(std::string_view text, std::size_t max_bytes, std::size_t max_depth);

// Escapes one JSON-pointer reference token ("~" → "~0", "/" → "~1").
std::string pointer_token(std::string_view key);

}  // namespace fordela::detail
