// The parts of reading a scenario document that call each other across
// files: a recipient's sub-scenario is a document body of its own.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "field_reader.hpp"
#include "scenario_model.hpp"

namespace fordela::detail {

// Deductions, other costs and earmarks per list.
inline constexpr std::size_t kMaxListItems = 1000;

using IndicatorIndex = std::unordered_map<std::string, std::size_t>;

// Recipients read while the JSON was still being parsed (read_scenario),
// so that they never stood as a DOM all at once: read against the
// indicators and dates of `context`, with their findings, to be put in
// place when the document's reading reaches them.
struct TakenRecipients {
  Scenario context;
  IndicatorIndex index;
  std::vector<Finding> findings;
};

// The body of a scenario document, at the top or as a recipient's
// sub-scenario (which may leave out the pot and inherits the dates);
// scenario_read.cpp.
std::optional<Scenario> read_document(FieldReader& r, const nlohmann::json& doc, const Dates* inherited_dates,
                                      TakenRecipients* taken = nullptr);

// Reads recipients one by one, in order, into the scenario's list; the
// scenario's indicators and dates must be read already (recipients_read.cpp).
class RecipientReader {
 public:
  RecipientReader(FieldReader& r, Scenario& s, const IndicatorIndex& index, std::size_t expected);
  // i: the recipient's place in the list.
  void read(std::size_t i, const nlohmann::json& item);

 private:
  FieldReader& r_;
  Scenario& s_;
  const IndicatorIndex& index_;
  std::unordered_map<std::string, std::size_t> names_;  // for repeated names
};

// The document's "recipients": read here, or taken over from `taken`.
void read_recipients(FieldReader& r, const nlohmann::json& doc, Scenario& s, const IndicatorIndex& indicator_index,
                     TakenRecipients* taken);

}  // namespace fordela::detail
