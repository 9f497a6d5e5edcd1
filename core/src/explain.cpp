// Explaining one recipient's amount: finding the recipient, down the
// levels of a nested scenario, and putting its steps (explain_steps.cpp)
// together with a heading into the answer and its plain-text copy.
#include "fordela/explain.hpp"

#include <string>
#include <utility>
#include <vector>

#include "fordela/findings.hpp"
#include "engine.hpp"
#include "explain_steps.hpp"
#include "explain_words.hpp"
#include "outcome_json.hpp"
#include "scenario_model.hpp"
#include "user_text.hpp"

namespace fordela {
namespace {

using detail::Computation;
using detail::isolated;
using detail::ojson;
using detail::Scenario;

std::string failure(std::string_view name, const std::vector<Finding>& findings) {
  ojson out;
  out["ok"] = false;
  out["recipient"] = std::string(name);
  out["findings"] = detail::findings_json(findings);
  return detail::dump_json(out);
}

// The names of a level's recipients for a message: the first 20.
std::string names_of(const Scenario& s) {
  std::string names;
  for (std::size_t i = 0; i < s.recipients.size(); ++i) {
    if (i == 20) {
      names += " …";
      break;
    }
    names += (i > 0 ? ", " : "") + isolated(s.recipients[i].name);
  }
  return names;
}

// The recipient named `name`: written exactly so, or else the one recipient
// whose name folds alike (typed decomposed, or with an invisible character);
// the number of recipients when there is none, or no one such.
std::size_t find_recipient(const Scenario& s, const std::string& name) {
  const std::size_t none = s.recipients.size();
  for (std::size_t r = 0; r < none; ++r) {
    if (s.recipients[r].name == name) return r;
  }
  const std::string folded = detail::folded_name(name);
  std::size_t found = none;
  for (std::size_t r = 0; r < none; ++r) {
    if (detail::folded_name(s.recipients[r].name) != folded) continue;
    if (found != none) return none;
    found = r;
  }
  return found;
}

std::string joined_path(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : " / ") + name;
  return out;
}

}  // namespace

std::string explain_json(std::string_view scenario_json, std::string_view recipient_name) {
  return explain_json(scenario_json, std::vector<std::string>{std::string(recipient_name)});
}

std::string explain_json(std::string_view scenario_json, const std::vector<std::string>& names) {
  const std::string shown = joined_path(names);
  detail::Outcome o = detail::evaluate(scenario_json, ScenarioLimits{});
  if (!o.scenario) return failure(shown, o.findings);
  if (names.empty()) {
    o.findings.push_back(make_finding("explain.unknown_recipient", "/recipients",
                                      {{"name", std::string()}, {"names", names_of(*o.scenario)}}));
    return failure(shown, o.findings);
  }
  // Down the levels, one name at a time: the level, its computation (null
  // while the scenario has errors) and its pointer.
  const Scenario* s = &*o.scenario;
  const Computation* c = o.computation && !has_errors(o.findings) ? &*o.computation : nullptr;
  std::string level;
  std::string above;
  std::size_t r = 0;
  for (std::size_t depth = 0; depth < names.size(); ++depth) {
    r = find_recipient(*s, names[depth]);
    if (r == s->recipients.size()) {
      o.findings.push_back(make_finding("explain.unknown_recipient", level + "/recipients",
                                        {{"name", names[depth]}, {"names", names_of(*s)}}));
      return failure(shown, o.findings);
    }
    if (depth + 1 == names.size()) break;
    const std::string at = level + "/recipients/" + std::to_string(r);
    if (!s->recipients[r].sub) {
      o.findings.push_back(
          make_finding("explain.no_sub_level", at, {{"name", names[depth]}, {"next", names[depth + 1]}}));
      return failure(shown, o.findings);
    }
    above = names[depth];
    level = at + "/sub";
    if (c == nullptr) {
      s = s->recipients[r].sub.get();
      continue;
    }
    const detail::SubResult* sub = r < c->subs.size() ? c->subs[r].get() : nullptr;
    if (sub == nullptr) return failure(shown, o.findings);
    s = &sub->scenario;
    c = &sub->computation;
  }
  if (c == nullptr) return failure(shown, o.findings);

  ojson steps = detail::explain_steps(*s, *c, r, above);
  const std::string& name = s->recipients[r].name;
  // The plain-text copy: the heading, then the steps, one a line.
  detail::Words text = above.empty() ? detail::say("explain.heading", {{"name", detail::same(isolated(name))}})
                                     : detail::say("explain.heading.within", {{"name", detail::same(isolated(name))},
                                                                              {"above", detail::same(isolated(above))}});
  std::string sv = text.sv + "\n";
  std::string en = text.en + "\n";
  for (const auto& step : steps) {
    sv += "\n" + step["sv"].get<std::string>();
    en += "\n" + step["en"].get<std::string>();
  }
  ojson out;
  out["ok"] = true;
  out["recipient"] = name;
  if (names.size() > 1) out["path"] = names;
  out["steps"] = std::move(steps);
  out["text"] = {{"sv", sv}, {"en", en}};
  out["findings"] = detail::findings_json(o.findings);
  return detail::dump_json(out);
}

}  // namespace fordela
