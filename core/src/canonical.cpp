// The scenario in canonical form: defaults filled in, amounts as plain
// numbers, for links and files (normalize_scenario_json).
#include <nlohmann/json.hpp>

#include "fordela/scenario.hpp"
#include "outcome_json.hpp"
#include "scenario_model.hpp"

namespace fordela {
namespace {

using detail::Basis;
using detail::Scenario;
using ojson = nlohmann::ordered_json;

// Canonical forms: whole kronor and whole numbers as JSON integers, the
// rest as exact strings.
ojson amount_value(Ore ore) {
  if (ore % kOrePerKrona == 0) return ore / kOrePerKrona;
  return format_kr_plain(ore);
}
ojson decimal_value(Decimal d) {
  if (d.micro % Decimal::kScale == 0) return d.micro / Decimal::kScale;
  return format_decimal_plain(d);
}

ojson scenario_json(const Scenario& s, bool top = true) {
  ojson out;
  if (top) {
    out["format"] = "fordela-scenario";
    out["version"] = kScenarioVersion;
  }
  out["title"] = s.title;
  out["notes"] = s.notes;
  ojson deductions = ojson::array();
  for (const auto& d : s.deductions) deductions.push_back({{"name", d.name}, {"amount", amount_value(d.amount)}});
  ojson dates = ojson::object();
  auto date = [&](const char* key, const std::optional<detail::Date>& d) {
    if (d) dates[key] = detail::format_date(*d);
  };
  date("period_start", s.dates.period_start);
  date("period_end", s.dates.period_end);
  date("requisition_deadline", s.dates.requisition_deadline);
  date("report_deadline", s.dates.report_deadline);
  out["pot"] = {{"total", amount_value(s.total)}, {"deductions", std::move(deductions)}, {"dates", std::move(dates)}};
  if (!top && !s.total_given) out["pot"].erase("total");
  ojson indicators = ojson::array();
  for (const auto& ind : s.indicators) {
    indicators.push_back({{"id", ind.id}, {"label", ind.label}, {"kind", ind.is_amount ? "amount" : "count"}});
  }
  out["indicators"] = std::move(indicators);
  ojson recipients = ojson::array();
  for (const auto& r : s.recipients) {
    ojson values = ojson::object();
    for (std::size_t i = 0; i < s.indicators.size(); ++i) {
      if (r.values[i] == 0) continue;
      values[s.indicators[i].id] = s.indicators[i].is_amount ? amount_value(r.values[i]) : decimal_value(Decimal{r.values[i]});
    }
    ojson rec = {{"name", r.name}, {"values", std::move(values)}};
    if (!r.requisitioned) rec["requisitioned"] = false;
    if (r.opted_in) rec["opted_in"] = true;
    if (r.requisition_date) rec["requisition_date"] = detail::format_date(*r.requisition_date);
    if (r.cost) {
      ojson other = ojson::array();
      for (const auto& o : r.cost->other) other.push_back({{"name", o.name}, {"amount", amount_value(o.amount)}});
      rec["cost"] = {{"posts", decimal_value(r.cost->posts)},
                     {"cost_per_post", amount_value(r.cost->cost_per_post)},
                     {"months", decimal_value(r.cost->months)},
                     {"other", std::move(other)}};
      if (r.cost->pending) rec["cost"]["pending"] = true;
    }
    if (r.activity_from || r.activity_to) {
      ojson activity = ojson::object();
      if (r.activity_from) activity["from"] = detail::format_date(*r.activity_from);
      if (r.activity_to) activity["to"] = detail::format_date(*r.activity_to);
      rec["activity"] = std::move(activity);
    }
    if (r.used) rec["used"] = amount_value(*r.used);
    if (r.sub) rec["sub"] = scenario_json(*r.sub, false);
    recipients.push_back(std::move(rec));
  }
  out["recipients"] = std::move(recipients);
  ojson key = ojson::array();
  for (const auto& c : s.key) {
    ojson comp = {{"name", c.name}, {"share", decimal_value(c.share)}, {"basis", detail::basis_id(c.basis)}};
    if (c.basis == Basis::weighted) {
      ojson weights = ojson::object();
      for (const auto& [index, w] : c.weights) weights[s.indicators[index].id] = decimal_value(w);
      comp["weights"] = std::move(weights);
    } else if (c.basis == Basis::indicator || c.basis == Basis::fixed) {
      comp["indicator"] = s.indicators[c.indicator].id;
    }
    key.push_back(std::move(comp));
  }
  out["key"] = std::move(key);
  ojson earmarks = ojson::array();
  for (const auto& e : s.earmarks) {
    ojson em = {{"name", e.name}, {"indicator", s.indicators[e.indicator].id}};
    if (e.stated_total) em["stated_total"] = amount_value(*e.stated_total);
    earmarks.push_back(std::move(em));
  }
  out["earmarks"] = std::move(earmarks);
  ojson rounding = {{"unit", amount_value(s.rounding.unit)},
                    {"method", method_id(s.rounding.method)},
                    {"level", s.rounding.recipient_level ? "recipient" : "component"}};
  if (s.rounding.method == Method::sainte_lague) rounding["first_divisor"] = decimal_value(s.rounding.first_divisor);
  if (s.rounding.min_units > 0) rounding["min_units"] = s.rounding.min_units;
  out["rounding"] = std::move(rounding);
  return out;
}

}  // namespace

std::string normalize_scenario_json(std::string_view scenario_json_text, const ScenarioLimits& limits) {
  std::vector<Finding> findings;
  auto scenario = detail::read_scenario(scenario_json_text, limits, findings);
  if (!scenario) {
    ojson out;
    out["ok"] = false;
    out["findings"] = detail::findings_json(findings);
    return detail::dump_json(out);
  }
  return detail::dump_json(scenario_json(*scenario));
}

}  // namespace fordela
