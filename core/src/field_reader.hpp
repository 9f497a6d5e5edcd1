// Reading one field of a scenario document: a value checked for its type,
// an amount, a decimal, a date, a text, each problem a finding at the
// field's JSON pointer (below the pointer of the (sub-)document read).
#pragma once

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fordela/findings.hpp"
#include "fordela/money.hpp"
#include "fordela/scenario.hpp"
#include "scenario_model.hpp"

namespace fordela::detail {

// "yyyy-mm-dd" from 1900 on, a real day of a real month; nullopt if not.
std::optional<Date> parse_date(std::string_view text);

// Each accessor returns nullopt (after a finding) when the value is
// unusable.
class FieldReader {
 public:
  using json = nlohmann::json;

  // prefix: the JSON pointer of the (sub-)document read; level: 1 for the
  // top, 2 for a recipient's sub-scenario, and so on.
  FieldReader(const ScenarioLimits& limits, std::vector<Finding>& findings, std::string prefix = "", int level = 1)
      : limits_(limits), findings_(findings), prefix_(std::move(prefix)), level_(level) {}

  void add(std::string_view code, std::string path, const FindingArgs& args = {});
  void add(Finding finding);
  FieldReader nested(const std::string& path) { return FieldReader(limits_, findings_, prefix_ + path, level_ + 1); }
  int level() const { return level_; }
  bool top() const { return level_ == 1; }
  bool failed() const { return has_errors(findings_); }
  const ScenarioLimits& limits() const { return limits_; }

  const json* member(const json& object, std::string_view key) const {
    auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
  }
  void reject_unknown(const json& object, const std::string& path, std::initializer_list<std::string_view> known);
  bool expect(const json& value, json::value_t type, const std::string& path, std::string_view field);
  // `hint`: the catalogue's key of the sentence saying what to write.
  const json* required(const json& object, std::string_view key, const std::string& path, std::string_view hint);
  // max_bytes 0: the limits' max_string_bytes.
  std::optional<std::string> text(const json& value, const std::string& path, std::string_view field,
                                  std::size_t max_bytes = 0);
  // Lists other than recipients are bounded too; past the bound, an error
  // rather than a silent cut.
  bool within(const json& list, std::size_t limit, const std::string& path);
  std::optional<bool> flag(const json& value, const std::string& path, std::string_view field);
  std::optional<Ore> amount(const json& value, const std::string& path, bool allow_negative = false);
  std::optional<Decimal> decimal(const json& value, const std::string& path,
                                 PercentSign percent = PercentSign::refused);
  std::optional<Date> date(const json& value, const std::string& path);

 private:
  const ScenarioLimits& limits_;
  std::vector<Finding>& findings_;
  std::string prefix_;
  int level_;
};

}  // namespace fordela::detail
