// The parts of reading a scenario document that call each other across
// files: a recipient's sub-scenario is a document body of its own.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>

#include "field_reader.hpp"
#include "scenario_model.hpp"

namespace fordela::detail {

// Deductions, other costs and earmarks per list.
inline constexpr std::size_t kMaxListItems = 1000;

// The body of a scenario document, at the top or as a recipient's
// sub-scenario (which may leave out the pot and inherits the dates);
// scenario_read.cpp.
std::optional<Scenario> read_document(FieldReader& r, const nlohmann::json& doc, const Dates* inherited_dates);

// The document's "recipients", read with the indicators known by id;
// recipients_read.cpp.
void read_recipients(FieldReader& r, const nlohmann::json& doc, Scenario& s,
                     const std::unordered_map<std::string, std::size_t>& indicator_index);

}  // namespace fordela::detail
