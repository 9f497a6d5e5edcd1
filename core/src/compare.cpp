// Comparing two scenarios recipient by recipient: what each finally
// receives in a and in b, the difference in öre and in per cent, and the
// findings that appear or disappear.
#include "fordela/compare.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "fordela/findings.hpp"
#include "fordela/money.hpp"
#include "engine.hpp"
#include "outcome_json.hpp"
#include "scenario_model.hpp"
#include "user_text.hpp"

namespace fordela {
namespace {

using detail::ojson;
__extension__ typedef __int128 Wide;

// What a comparison needs of one side, kept while the other is computed:
// the names and final amounts, not the whole computation.
struct Side {
  bool ok = false;
  std::vector<std::string> names;
  std::vector<Ore> final;
  std::vector<Finding> findings;
};

Side side(std::string_view text) {
  detail::Outcome outcome = detail::evaluate(text, ScenarioLimits{});
  Side out;
  out.ok = outcome.computation.has_value() && !has_errors(outcome.findings);
  if (out.ok) {
    out.names.reserve(outcome.scenario->recipients.size());
    for (auto& r : outcome.scenario->recipients) out.names.push_back(std::move(r.name));
    out.final = std::move(outcome.computation->final);
  }
  out.findings = std::move(outcome.findings);
  return out;
}

// 100 × (b − a) / a with one decimal, halves away from zero, in integers;
// null when a is 0.
ojson diff_percent(Ore a, Ore b) {
  if (a == 0) return nullptr;
  Wide num = Wide(b - a) * 1000;  // tenths of a per cent
  Wide den = a;
  if (den < 0) {
    num = -num;
    den = -den;
  }
  const bool negative = num < 0;
  const Wide magnitude = negative ? -num : num;
  const Wide tenths = (2 * magnitude + den) / (2 * den);
  std::string digits;
  for (Wide v = tenths / 10; digits.empty() || v > 0; v /= 10) digits.insert(digits.begin(), char('0' + int(v % 10)));
  std::string out = (negative && tenths != 0 ? "-" : "") + digits + "." + char('0' + int(tenths % 10));
  return out;
}

ojson row(Ore a, Ore b) {
  return {{"a_ore", a}, {"b_ore", b}, {"diff_ore", b - a}, {"diff_percent", diff_percent(a, b)}};
}

// The findings of `from` whose code and path `other` does not have.
ojson only_in(const std::vector<Finding>& from, const std::vector<Finding>& other) {
  ojson out = ojson::array();
  for (const Finding& f : from) {
    bool shared = false;
    for (const Finding& g : other) shared = shared || (f.code == g.code && f.path == g.path);
    if (!shared) out.push_back(detail::finding_json(f));
  }
  return out;
}

}  // namespace

std::string compare_json(std::string_view a_json, std::string_view b_json) {
  const Side a = side(a_json);
  const Side b = side(b_json);
  // The rows written as text one by one, not held as a DOM of a million
  // objects; the rest as JSON values, in the same order.
  std::string rows;
  ojson totals = nullptr;
  if (a.ok && b.ok) {
    const auto& ra = a.names;
    const auto& rb = b.names;
    const auto& fa = a.final;
    const auto& fb = b.final;
    // Recipients are matched by name as a reader sees it: "Årby" typed
    // decomposed in one scenario is the same recipient as in the other.
    // Each name is folded once; b's entries remember whether a has them.
    struct Entry {
      std::size_t index;
      bool in_a;
    };
    std::vector<std::string> folded_b(rb.size());
    std::unordered_map<std::string_view, Entry> in_b;
    in_b.reserve(rb.size());
    for (std::size_t i = 0; i < rb.size(); ++i) {
      folded_b[i] = detail::folded_name(rb[i]);
      in_b.emplace(folded_b[i], Entry{i, false});
    }
    Ore total_a = 0, total_b = 0;
    // A row as text, the bytes dump_json gives the object {name, a_ore,
    // b_ore, diff_ore, diff_percent, only_in}, without building it.
    auto add = [&](const std::string& name, Ore amount_a, Ore amount_b, const char* only) {
      if (!rows.empty()) rows += ',';
      rows += "{\"name\":";
      rows += detail::dump_json(ojson(name));
      rows += ",\"a_ore\":" + std::to_string(amount_a) + ",\"b_ore\":" + std::to_string(amount_b) +
              ",\"diff_ore\":" + std::to_string(amount_b - amount_a) + ",\"diff_percent\":";
      rows += detail::dump_json(diff_percent(amount_a, amount_b));
      rows += ",\"only_in\":";
      rows += only == nullptr ? std::string("null") : "\"" + std::string(only) + "\"";
      rows += '}';
      total_a += amount_a;
      total_b += amount_b;
    };
    for (std::size_t i = 0; i < ra.size(); ++i) {
      auto found = in_b.find(detail::folded_name(ra[i]));
      if (found == in_b.end()) {
        add(ra[i], fa[i], 0, "a");
      } else {
        found->second.in_a = true;
        add(ra[i], fa[i], fb[found->second.index], nullptr);
      }
    }
    for (std::size_t i = 0; i < rb.size(); ++i) {
      if (!in_b.at(folded_b[i]).in_a) add(rb[i], 0, fb[i], "b");
    }
    totals = row(total_a, total_b);
  }
  const auto flag = [](bool v) { return v ? "true" : "false"; };
  return std::string("{\"ok\":") + flag(a.ok && b.ok) + ",\"a_ok\":" + flag(a.ok) + ",\"b_ok\":" + flag(b.ok) +
         ",\"recipients\":[" + rows + "],\"totals\":" + detail::dump_json(totals) +
         ",\"findings_added\":" + detail::dump_json(only_in(b.findings, a.findings)) +
         ",\"findings_removed\":" + detail::dump_json(only_in(a.findings, b.findings)) + "}";
}

}  // namespace fordela
