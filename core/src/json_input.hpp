// Bounded JSON reading for untrusted documents: a SAX-built DOM that
// stops at the nesting limit, reports syntax errors with line and column,
// and keeps the source text of non-integer numbers (as binary values, see
// number_text) so that decimals stay exact.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "fordela/findings.hpp"

namespace fordela::detail {

struct JsonInput {
  nlohmann::json document;
  std::optional<Finding> error;  // set when the text could not be read
};

// Takes over the elements of one list in the top-level object as each is
// read, so that a long list need not be held as a DOM all at once (a
// million recipients are a gigabyte of it). When the list opens, `start`
// sees the document read so far and says whether to take the list; if so,
// `take` gets each element in order, whole, and null is left in its place.
struct ListTaker {
  std::string_view key;
  std::function<bool(const nlohmann::json& document)> start;
  std::function<void(nlohmann::json& element)> take;
};

JsonInput read_json(std::string_view text, std::size_t max_bytes, std::size_t max_depth,
                    const ListTaker* taker = nullptr);

// The source text of a JSON number that is not an integer ("0.5",
// "1e3"), or nullopt for any other value.
std::optional<std::string> number_text(const nlohmann::json& value);

// Escapes one JSON-pointer reference token ("~" → "~0", "/" → "~1").
std::string pointer_token(std::string_view key);

}  // namespace fordela::detail
