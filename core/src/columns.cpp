// The columnar entry point (columns.hpp): a caller's plain values checked
// and converted to columns, the columns checked, and the columns read
// into the scenario model the engine computes.
#include "fordela/columns.hpp"

#include <cmath>
#include <limits>

#include "engine.hpp"
#include "scenario_model.hpp"

namespace fordela {
namespace {

using detail::Basis;
using detail::Component;
using detail::Scenario;
using detail::Wide;

// Every integer up to 2^53 is exact as a double; past it, not every one.
constexpr double kMaxExactInteger = 9007199254740992.0;

bool is_integer(double x) { return std::fabs(x) <= kMaxExactInteger && x == std::trunc(x); }

// Öre finer than one öre, or a basis that is not a whole number.
void not_a_whole_number(const ColumnValue& value, std::string path, std::vector<Finding>& findings) {
  const bool fraction = value.is_number && std::isfinite(value.number);
  const bool ore = path.find("_ore") != std::string::npos || path.rfind("/earmarks/", 0) == 0;
  findings.push_back(make_finding(fraction && ore ? "amount.too_precise" : "number.syntax", std::move(path),
                                  {{"input", value.text}}));
}

std::int64_t to_integer(const ColumnValue& value, const std::string& path, std::vector<Finding>& findings) {
  const double x = value.is_number ? value.number : std::numeric_limits<double>::quiet_NaN();
  if (is_integer(x)) return static_cast<std::int64_t>(x);
  not_a_whole_number(value, path, findings);
  return 0;
}

std::vector<std::int64_t> to_integers(const ColumnList& list, const std::string& path, std::vector<Finding>& findings) {
  if (!list.is_list) {
    findings.push_back(make_finding("field.type", path, {{"field", path}, {"expected_phrase", "phrase.type.numbers"}}));
    return {};
  }
  std::vector<std::int64_t> out(list.numbers.size());
  for (std::size_t i = 0; i < list.numbers.size(); ++i) {
    if (!is_integer(list.numbers[i])) {
      const ColumnValue element = list.element ? list.element(i) : ColumnValue{true, true, list.numbers[i], ""};
      not_a_whole_number(element, path + "/" + std::to_string(i), findings);
      return out;
    }
    out[i] = static_cast<std::int64_t>(list.numbers[i]);
  }
  return out;
}

}  // namespace

ColumnarResult compute_columns(const ColumnarInput& input) {
  std::vector<Finding> findings;
  ColumnarScenario s;
  s.pot = to_integer(input.pot_ore, "/pot_ore", findings);
  if (input.deductions_ore.given) s.deductions = to_integer(input.deductions_ore, "/deductions_ore", findings);
  if (input.unit_ore.given) s.unit = to_integer(input.unit_ore, "/unit_ore", findings);
  if (input.method.given) {
    if (auto method = method_from_id(input.method.text)) s.method = *method;
    else findings.push_back(make_finding("rounding.method_unknown", "/method", {{"input", input.method.text}}));
  }
  if (input.level.given) {
    const std::string& level = input.level.text;
    if (level == "recipient" || level == "component") s.recipient_level = level == "recipient";
    else findings.push_back(make_finding("rounding.level_unknown", "/level", {{"input", level}}));
  }
  for (std::size_t c = 0; c < input.components.size(); ++c) {
    const std::string path = "/components/" + std::to_string(c);
    const ColumnValue& share = input.components[c].share;
    // A number's '.' is its decimal mark; typed text may be ambiguous.
    const DecimalParse parsed = parse_decimal(share.text, share.is_number ? Notation::json_number : Notation::written);
    if (!parsed.ok()) findings.push_back(make_finding("number.syntax", path + "/share", {{"input", share.text}}));
    s.components.push_back({parsed.value, to_integers(input.components[c].basis, path + "/basis", findings)});
  }
  for (std::size_t e = 0; e < input.earmarks.size(); ++e) {
    s.earmarks.push_back(to_integers(input.earmarks[e], "/earmarks/" + std::to_string(e), findings));
  }
  if (has_errors(findings)) {
    ColumnarResult refused;
    refused.findings = std::move(findings);
    return refused;
  }
  return compute_columns(s);
}

ColumnarResult compute_columns(const ColumnarScenario& columns) {
  ColumnarResult out;
  auto add = [&](std::string_view code, std::string path, const FindingArgs& args = {}) {
    out.findings.push_back(make_finding(code, std::move(path), args));
  };
  std::size_t n = columns.components.empty() ? 0 : columns.components[0].basis.size();
  if (n == 0) add("recipients.none", "/components");
  if (columns.components.empty()) add("key.none", "/components");
  auto check_length = [&](std::size_t size, const std::string& path) {
    if (size != n) {
      add("field.type", path,
          {{"field", path}, {"expected_phrase", "phrase.type.per_recipient"}});
    }
  };
  Wide shares = 0;
  for (std::size_t c = 0; c < columns.components.size(); ++c) {
    const auto& comp = columns.components[c];
    std::string path = "/components/" + std::to_string(c);
    check_length(comp.basis.size(), path + "/basis");
    shares += comp.share.micro;
    for (std::size_t r = 0; r < comp.basis.size(); ++r) {
      if (comp.basis[r] < 0 || comp.basis[r] > kMaxDecimalMicro) {
        add(comp.basis[r] < 0 ? "number.negative" : "number.out_of_range", path + "/basis/" + std::to_string(r),
            {{"input", std::to_string(comp.basis[r])}, {"max", std::to_string(kMaxDecimalMicro)}});
        break;
      }
    }
  }
  if (!columns.components.empty() && shares != 100 * Decimal::kScale) {
    add("key.shares_sum", "/components", {{"sum", "≠ 100"}});
  }
  for (std::size_t e = 0; e < columns.earmarks.size(); ++e) {
    check_length(columns.earmarks[e].size(), "/earmarks/" + std::to_string(e));
    for (Ore amount : columns.earmarks[e]) {
      if (amount < 0 || amount > kMaxAmountOre) {
        add(amount < 0 ? "amount.negative" : "amount.out_of_range", "/earmarks/" + std::to_string(e),
            {{"input", std::to_string(amount)}});
        break;
      }
    }
  }
  if (columns.pot < 0 || columns.pot > kMaxAmountOre || columns.deductions < 0 || columns.deductions > kMaxAmountOre) {
    add("amount.out_of_range", "/pot", {{"input", std::to_string(columns.pot)}});
  }
  if (columns.unit <= 0) add("rounding.unit_invalid", "/unit");
  if (!out.ok()) return out;

  // The same model a document is read into: one count column per component.
  Scenario s;
  s.total = columns.pot;
  if (columns.deductions > 0) s.deductions.push_back({"", columns.deductions});
  const std::size_t k = columns.components.size();
  for (std::size_t c = 0; c < k; ++c) {
    s.indicators.push_back({"c" + std::to_string(c), "", false});
    Component comp;
    comp.share = columns.components[c].share;
    comp.basis = Basis::indicator;
    comp.indicator = c;
    s.key.push_back(std::move(comp));
  }
  for (std::size_t e = 0; e < columns.earmarks.size(); ++e) {
    s.indicators.push_back({"e" + std::to_string(e), "", true});
    s.earmarks.push_back({"", k + e, std::nullopt});
  }
  s.recipients.resize(n);
  for (std::size_t r = 0; r < n; ++r) {
    auto& values = s.recipients[r].values;
    values.resize(s.indicators.size());
    for (std::size_t c = 0; c < k; ++c) values[c] = columns.components[c].basis[r];
    for (std::size_t e = 0; e < columns.earmarks.size(); ++e) values[k + e] = columns.earmarks[e][r];
  }
  s.rounding.unit = columns.unit;
  s.rounding.method = columns.method;
  s.rounding.recipient_level = columns.recipient_level;

  auto computation = detail::compute(s, out.findings);
  if (!computation) return out;
  Ore formula = 0;
  for (Ore f : computation->formula) formula += f;
  out.not_allocated = computation->net - formula;
  out.formula = std::move(computation->formula);
  out.total = std::move(computation->total);
  return out;
}

}  // namespace fordela
