// The result document (docs/scenario-format.md, "Result"): the engine's
// figures written as JSON text, with the totals of each level added up as
// the rows are written.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "engine.hpp"
#include "fordela/result_writer.hpp"
#include "fordela/scenario.hpp"
#include "outcome_json.hpp"
#include "scenario_model.hpp"

namespace fordela {
namespace {

using detail::Computation;
using detail::Outcome;
using detail::Scenario;
using ojson = nlohmann::ordered_json;

// Writes JSON text directly: a result for a large scenario is mostly
// numbers, and building a DOM first cost more than computing them.
class JsonText {
 public:
  // Hands the text to `write` in chunks as it grows.
  explicit JsonText(const TextSink& write) : write_(write) {}
  JsonText& raw(std::string_view text) {
    out_ += text;
    return *this;
  }
  JsonText& key(std::string_view name) {
    comma();
    string(name);
    out_ += ':';
    fresh_ = true;
    return *this;
  }
  JsonText& value(std::int64_t v) {
    comma();
    out_ += std::to_string(v);
    return *this;
  }
  JsonText& value(std::string_view text) {
    comma();
    string(text);
    return *this;
  }
  // Without this, a string literal would pick the bool overload.
  JsonText& value(const char* text) { return value(std::string_view(text)); }
  JsonText& value(bool v) {
    comma();
    out_ += v ? "true" : "false";
    return *this;
  }
  JsonText& null() {
    comma();
    out_ += "null";
    return *this;
  }
  JsonText& json(const ojson& j) {
    comma();
    out_ += detail::dump_json(j);
    return *this;
  }
  JsonText& open(char bracket) {
    comma();
    out_ += bracket;
    fresh_ = true;
    return *this;
  }
  JsonText& close(char bracket) {
    out_ += bracket;
    fresh_ = false;
    if (out_.size() >= detail::kTextChunk) flush();
    return *this;
  }
  void flush() {
    write_(out_);
    out_.clear();
  }

 private:
  void comma() {
    if (!fresh_) out_ += ',';
    fresh_ = false;
  }
  // Text from the scenario was read as valid UTF-8; only quotes,
  // backslashes and control characters need escaping.
  void string(std::string_view text) {
    out_ += '"';
    for (char ch : text) {
      auto c = static_cast<unsigned char>(ch);
      if (ch == '"' || ch == '\\') {
        out_ += '\\';
        out_ += ch;
      } else if (c < 0x20) {
        static constexpr char kHex[] = "0123456789abcdef";
        out_ += "\\u00";
        out_ += kHex[c >> 4];
        out_ += kHex[c & 15];
      } else {
        out_ += ch;
      }
    }
    out_ += '"';
  }
  const TextSink& write_;
  std::string out_;
  bool fresh_ = true;
};

// The amounts of one level; a recipient's sub-scenario is written inside
// its entry, the same way.
void write_level(JsonText& j, const Scenario& s, const Computation& c) {
  const std::size_t n = s.recipients.size();
  j.key("rounding").open('{');
  j.key("unit_ore").value(s.rounding.unit).key("method").value(method_id(s.rounding.method));
  j.key("level").value(s.rounding.recipient_level ? "recipient" : "component").close('}');
  j.key("components").open('[');
  for (std::size_t k = 0; k < s.key.size(); ++k) {
    const auto& comp = s.key[k];
    j.open('{').key("name").value(comp.name).key("basis").value(detail::basis_id(comp.basis));
    j.key("share").value(format_decimal_plain(comp.share)).key("frame_ore").value(c.frames[k]);
    j.key("basis_total").value(c.basis_totals[k].to_string()).key("allocated_ore");
    if (c.component_amount[k].empty()) {
      j.null();
    } else {
      Ore sum = 0;
      for (Ore a : c.component_amount[k]) sum += a;
      j.value(sum);
    }
    j.close('}');
  }
  j.close(']');
  j.key("earmarks").open('[');
  Ore earmarks = 0;
  for (std::size_t e = 0; e < s.earmarks.size(); ++e) {
    Ore sum = 0;
    for (Ore a : c.earmarks[e]) sum += a;
    earmarks += sum;
    j.open('{').key("name").value(s.earmarks[e].name).key("total_ore").value(sum).close('}');
  }
  j.close(']');
  j.key("recipients").open('[');
  Ore formula = 0, total = 0, returned = 0, redistributed = 0, final = 0, used_total = 0, unused_total = 0;
  bool any_used = false;
  for (std::size_t r = 0; r < n; ++r) {
    j.open('{').key("name").value(s.recipients[r].name).key("components").open('[');
    for (std::size_t k = 0; k < s.key.size(); ++k) {
      const BigNat& num = c.component_num[k][r];
      const BigNat& den = c.component_den[k];
      j.open('{').key("exact").value(detail::fraction_text(num, den)).key("exact_ore").value(detail::rounded_ore(num, den));
      j.key("amount_ore");
      if (c.component_amount[k].empty()) {
        j.null();
      } else {
        j.value(c.component_amount[k][r]);
      }
      j.close('}');
    }
    j.close(']');
    Ore exact_ore = detail::rounded_ore(c.exact_num[r], c.exact_den);
    j.key("exact").value(detail::fraction_text(c.exact_num[r], c.exact_den)).key("exact_ore").value(exact_ore);
    j.key("formula_ore").value(c.formula[r]).key("rounding_ore").value(c.formula[r] - exact_ore);
    j.key("earmarks_ore").open('[');
    for (const auto& amounts : c.earmarks) j.value(amounts[r]);
    j.close(']');
    // What not requisitioning changed: a recipient that did not gives its
    // amount by the key to the redistribution round (its earmarks stay), a
    // signed amount like rounding_ore, so that row by row
    // total + unrequisitioned + redistribution = final.
    const Ore gives_back = s.recipients[r].requisitioned ? 0 : -c.formula[r];
    j.key("total_ore").value(c.total[r]).key("requisitioned").value(s.recipients[r].requisitioned);
    j.key("unrequisitioned_ore").value(gives_back);
    j.key("redistribution_ore").value(c.redistribution[r]).key("final_ore").value(c.final[r]);
    if (const auto& cost = s.recipients[r].cost) {
      // What the item costs, counted or not: shown beside its inputs.
      j.key("cost_ore").value(item_cost_ore(*cost));
      if (cost->pending) j.key("pending").value(true);
    }
    if (const auto& used = s.recipients[r].used) {
      j.key("used_ore").value(*used).key("unused_ore").value(std::max<Ore>(0, c.final[r] - *used));
      used_total += *used;
      unused_total += std::max<Ore>(0, c.final[r] - *used);
      any_used = true;
    }
    if (!c.subs.empty() && c.subs[r]) {
      j.key("sub").open('{');
      write_level(j, c.subs[r]->scenario, c.subs[r]->computation);
      j.close('}');
    }
    j.close('}');
    formula += c.formula[r];
    total += c.total[r];
    returned += gives_back;
    redistributed += c.redistribution[r];
    final += c.final[r];
  }
  j.close(']');
  j.key("totals").open('{');
  j.key("pot_ore").value(s.total).key("deductions_ore").value(c.deductions).key("net_ore").value(c.net);
  j.key("formula_ore").value(formula).key("not_allocated_ore").value(c.net - formula);
  j.key("earmarks_ore").value(earmarks).key("total_ore").value(total);
  j.key("unrequisitioned_ore").value(returned).key("redistributed_ore").value(redistributed).key("final_ore").value(final);
  if (any_used) j.key("used_ore").value(used_total).key("unused_ore").value(unused_total);
  j.close('}');
  j.key("redistribution");
  if (c.has_redistribution) {
    j.open('{').key("pool_ore").value(c.pool).key("recipients").value(static_cast<std::int64_t>(c.takers));
    j.key("not_allocated_ore").value(c.redistribution_not_allocated).close('}');
  } else {
    j.null();
  }
}

void write_result(const Scenario& s, const Computation& c, const std::vector<Finding>& findings, const TextSink& write) {
  JsonText j(write);
  j.open('{');
  j.key("format").value("fordela-result").key("version").value(std::int64_t{kScenarioVersion});
  j.key("ok").value(!has_errors(findings)).key("findings").json(detail::findings_json(findings));
  write_level(j, s, c);
  j.close('}');
  j.flush();
}

ojson failure_json(const std::vector<Finding>& findings) {
  ojson out;
  out["format"] = "fordela-result";
  out["version"] = kScenarioVersion;
  out["ok"] = false;
  out["findings"] = detail::findings_json(findings);
  return out;
}

}  // namespace

std::vector<Finding> write_scenario_result(std::string_view scenario_json_text, const TextSink& write,
                                           const ScenarioLimits& limits) {
  Outcome o = detail::evaluate(scenario_json_text, limits);
  if (o.computation) {
    write_result(*o.scenario, *o.computation, o.findings, write);
  } else {
    write(detail::dump_json(failure_json(o.findings)));
  }
  return std::move(o.findings);
}

std::string compute_scenario_json(std::string_view scenario_json_text, const ScenarioLimits& limits) {
  std::string out;
  write_scenario_result(scenario_json_text, [&](std::string_view text) { out += text; }, limits);
  return out;
}

std::string validate_scenario_json(std::string_view scenario_json_text, const ScenarioLimits& limits) {
  Outcome o = detail::evaluate(scenario_json_text, limits);
  ojson out;
  out["ok"] = !has_errors(o.findings);
  out["findings"] = detail::findings_json(o.findings);
  return detail::dump_json(out);
}

}  // namespace fordela
