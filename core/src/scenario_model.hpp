// The scenario as the core holds it after reading: typed, validated, with
// every amount in öre and every decimal in millionths.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "fordela/apportion.hpp"
#include "fordela/findings.hpp"
#include "fordela/money.hpp"
#include "fordela/scenario.hpp"

namespace fordela::detail {

// Sums of amounts that may pass 64 bits before they are checked.
__extension__ typedef __int128 Wide;

// A calendar date as yyyymmdd, so that dates compare as integers.
using Date = std::int32_t;
std::string format_date(Date date);

struct Indicator {
  std::string id;
  std::string label;
  bool is_amount = false;  // kind "amount": values in öre; else millionths
};

struct NamedAmount {
  std::string name;
  Ore amount = 0;
};

struct CostSpec {
  Decimal posts{};
  Ore cost_per_post = 0;
  Decimal months{12 * Decimal::kScale};
  std::vector<NamedAmount> other;
  bool pending = false;  // not decided yet (ej beslutat): shown, but kept out of the sum
};

struct Scenario;

// How many levels a scenario tree may have: state grant → municipality →
// districts → measures.
inline constexpr int kMaxLevels = 4;

struct Recipient {
  std::string name;
  std::vector<std::int64_t> values;  // one per indicator; öre or millionths by kind
  bool requisitioned = true;
  bool opted_in = false;
  std::optional<Date> requisition_date;
  std::optional<CostSpec> cost;
  std::optional<Date> activity_from;
  std::optional<Date> activity_to;
  std::optional<Ore> used;  // reported as used, for the report back (återrapportering)
  // The recipient's amount split further: its sub-scenario, whose pot is
  // the recipient's final amount unless the sub-scenario states its own.
  std::shared_ptr<const Scenario> sub;
};

enum class Basis { weighted, indicator, equal, fixed, cost };
std::string_view basis_id(Basis basis);

struct Component {
  std::string name;
  Decimal share{};  // per cent
  Basis basis = Basis::equal;
  std::vector<std::pair<std::size_t, Decimal>> weights;  // indicator index, weight
  std::size_t indicator = 0;                             // for indicator and fixed
  bool apportioned() const { return basis == Basis::weighted || basis == Basis::indicator || basis == Basis::equal; }
};

struct Earmark {
  std::string name;
  std::size_t indicator = 0;
  std::optional<Ore> stated_total;
};

struct Rounding {
  Ore unit = kOrePerKrona;
  Method method = Method::largest_remainder;
  Decimal first_divisor{Decimal::kScale};
  bool recipient_level = true;
  std::int64_t min_units = 0;
};

struct Dates {
  std::optional<Date> period_start;
  std::optional<Date> period_end;
  std::optional<Date> requisition_deadline;
  std::optional<Date> report_deadline;
};

struct Scenario {
  std::string title;
  std::string notes;
  Ore total = 0;
  bool total_given = true;  // false for a sub-scenario that takes its parent's amount
  std::vector<NamedAmount> deductions;
  Dates dates;
  std::vector<Indicator> indicators;
  std::vector<Recipient> recipients;
  std::vector<Component> key;
  std::vector<Earmark> earmarks;
  Rounding rounding;
};

// Reads and validates a document. Returns the scenario when it has no
// errors; findings (errors, warnings, info) are appended either way.
std::optional<Scenario> read_scenario(std::string_view text, const ScenarioLimits& limits,
                                      std::vector<Finding>& findings);

}  // namespace fordela::detail
