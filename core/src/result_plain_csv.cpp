// The result as the CLI's CSV (result_json_to_csv's form), written from
// the engine's figures row by row, so that a million recipients' result
// never stands whole as text or as a DOM.
#include "fordela/result_writer.hpp"

#include "csv_writer.hpp"
#include "engine.hpp"
#include "outcome_json.hpp"
#include "scenario_model.hpp"
#include "user_text.hpp"

namespace fordela {

void detail::write_plain_result_head(CsvWriter& csv, const std::vector<std::string>& component_names,
                                     std::size_t earmarks, bool redistribution) {
  csv.text("name");
  for (const auto& name : component_names) csv.text(isolated(name) + " (exact)");
  csv.text("formula");
  for (std::size_t e = 0; e < earmarks; ++e) csv.text("earmark " + std::to_string(e + 1));
  csv.text("total");
  if (redistribution) {
    csv.text("unrequisitioned");
    csv.text("redistribution");
    csv.text("final");
  }
  csv.end_row();
}

std::vector<Finding> write_scenario_result_csv(std::string_view scenario_json, const TextSink& write,
                                               const ScenarioLimits& limits) {
  const detail::Outcome o = detail::evaluate(scenario_json, limits);
  if (!o.computation) return o.findings;
  const detail::Scenario& s = *o.scenario;
  const detail::Computation& c = *o.computation;
  const bool redistribution = c.has_redistribution;

  detail::CsvWriter csv(kPlainCsv);
  std::vector<std::string> names;
  for (const auto& component : s.key) names.push_back(component.name);
  detail::write_plain_result_head(csv, names, s.earmarks.size(), redistribution);
  Ore formula = 0, total = 0, returned = 0, redistributed = 0, final = 0;
  for (std::size_t r = 0; r < s.recipients.size(); ++r) {
    csv.text(s.recipients[r].name);
    for (std::size_t k = 0; k < s.key.size(); ++k) {
      csv.amount(detail::rounded_ore(c.component_num[k][r], c.component_den[k]));
    }
    csv.amount(c.formula[r]);
    for (const auto& amounts : c.earmarks) csv.amount(amounts[r]);
    csv.amount(c.total[r]);
    // As the result document's unrequisitioned_ore: what not requisitioning
    // gave back to the redistribution round.
    const Ore gives_back = s.recipients[r].requisitioned ? 0 : -c.formula[r];
    if (redistribution) {
      csv.amount(gives_back);
      csv.amount(c.redistribution[r]);
      csv.amount(c.final[r]);
    }
    csv.end_row();
    formula += c.formula[r];
    total += c.total[r];
    returned += gives_back;
    redistributed += c.redistribution[r];
    final += c.final[r];
    if (csv.size() >= detail::kTextChunk) write(csv.take());
  }
  csv.text("TOTAL");
  for (std::size_t k = 0; k < s.key.size(); ++k) csv.blank();
  csv.amount(formula);
  for (std::size_t e = 0; e < s.earmarks.size(); ++e) csv.blank();
  csv.amount(total);
  if (redistribution) {
    csv.amount(returned);
    csv.amount(redistributed);
    csv.amount(final);
  }
  csv.end_row();
  write(csv.take());
  return o.findings;
}

}  // namespace fordela
