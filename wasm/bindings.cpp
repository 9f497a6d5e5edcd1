// The JavaScript face of the core: each function takes and returns JSON
// text, except computeColumns, which takes and returns typed arrays (see
// fordela-core.d.ts). Nothing here computes.
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <emscripten/bind.h>
#include <emscripten/val.h>
#include <nlohmann/json.hpp>

#include "fordela/api.hpp"
#include "fordela/apportion.hpp"
#include "fordela/columns.hpp"
#include "fordela/compare.hpp"
#include "fordela/explain.hpp"
#include "fordela/findings.hpp"
#include "fordela/money.hpp"
#include "fordela/result_csv.hpp"
#include "fordela/scenario.hpp"

namespace fordela::wasm {

// examples/*.json as one JSON array, generated at build time (examples.cmake).
std::string_view examples_json();

namespace {

// Embind passes JS strings as std::string; the core takes string_view
// and the default limits.
std::string compute(const std::string& scenario) { return compute_scenario_json(scenario); }
std::string validate(const std::string& scenario) { return validate_scenario_json(scenario); }
std::string normalize(const std::string& scenario) { return normalize_scenario_json(scenario); }
std::string apportion(const std::string& request) { return apportion_json(request); }
std::string parse_amount(const std::string& text) { return parse_amount_json(text); }
std::string explain(const std::string& scenario, const std::string& name) { return explain_json(scenario, name); }
// names_json: a JSON array of names leading down nested levels; anything
// else is an empty way down (explain.unknown_recipient).
std::string explain_in(const std::string& scenario, const std::string& names_json) {
  const nlohmann::json parsed = nlohmann::json::parse(names_json, nullptr, false);
  std::vector<std::string> names;
  if (parsed.is_array()) {
    for (const auto& name : parsed) {
      if (!name.is_string()) return explain_json(scenario, std::vector<std::string>{});
      names.push_back(name.get<std::string>());
    }
  }
  return explain_json(scenario, names);
}
std::string compare(const std::string& a, const std::string& b) { return compare_json(a, b); }
std::string version() { return std::string(core_version()); }
std::string examples() { return std::string(examples_json()); }
std::string read_csv_rows(const std::string& text, const std::string& separator) { return read_csv_json(text, separator.empty() ? '\0' : separator[0]); }
std::string result_csv(const std::string& result, const std::string& scenario, const std::string& language) {
  return result_json_to_table_csv(result, kSwedishExcelCsv, language == "en" ? CsvLanguage::english : CsvLanguage::swedish, scenario);
}
std::string compare_csv(const std::string& comparison, const std::string& a_label, const std::string& b_label,
                        const std::string& language) {
  return compare_json_to_table_csv(comparison, kSwedishExcelCsv,
                                   language == "en" ? CsvLanguage::english : CsvLanguage::swedish, a_label, b_label);
}

// ---- computeColumns: typed arrays in and out, no JSON ---------------------
// Adapters only: JS numbers become the core's integers (checked, not
// coerced: JS numbers are whole and exact up to 2^53), the result's öre
// come back as Float64Arrays (every result amount is below 2^53).

using emscripten::val;

constexpr double kMaxExactInteger = 9007199254740992.0;  // 2^53

// String(value): safe for undefined and null too.
std::string text_of(const val& value) { return val::global("String")(value).as<std::string>(); }

bool is_integer(double x) { return std::fabs(x) <= kMaxExactInteger && x == std::trunc(x); }

// Öre finer than one öre, or a basis that is not a whole number.
void not_a_whole_number(const val& value, std::string path, std::vector<Finding>& findings) {
  const bool fraction = value.isNumber() && std::isfinite(value.as<double>());
  const bool ore = path.find("_ore") != std::string::npos || path.rfind("/earmarks/", 0) == 0;
  findings.push_back(make_finding(fraction && ore ? "amount.too_precise" : "number.syntax", std::move(path),
                                  {{"input", text_of(value)}}));
}

std::int64_t to_integer(const val& value, const std::string& path, std::vector<Finding>& findings) {
  const double x = value.isNumber() ? value.as<double>() : NAN;
  if (is_integer(x)) return static_cast<std::int64_t>(x);
  not_a_whole_number(value, path, findings);
  return 0;
}

// A Float64Array (or any array of numbers) to integers, copied in one go.
std::vector<std::int64_t> to_integers(const val& array, const std::string& path, std::vector<Finding>& findings) {
  if (array.isUndefined() || array.isNull() || !array["length"].isNumber()) {
    findings.push_back(make_finding("field.type", path, {{"field", path}, {"expected_phrase", "phrase.type.numbers"}}));
    return {};
  }
  const std::vector<double> numbers = emscripten::convertJSArrayToNumberVector<double>(array);
  std::vector<std::int64_t> out(numbers.size());
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    if (!is_integer(numbers[i])) {
      not_a_whole_number(array[i], path + "/" + std::to_string(i), findings);
      return out;
    }
    out[i] = static_cast<std::int64_t>(numbers[i]);
  }
  return out;
}

val to_float64_array(const std::vector<Ore>& amounts) {
  const std::vector<double> numbers(amounts.begin(), amounts.end());
  val array = val::global("Float64Array").new_(numbers.size());
  array.call<void>("set", val(emscripten::typed_memory_view(numbers.size(), numbers.data())));
  return array;
}

val to_js(const std::vector<Finding>& findings) {
  val out = val::array();
  for (const Finding& f : findings) {
    val message = val::object();
    message.set("sv", f.message_sv);
    message.set("en", f.message_en);
    val finding = val::object();
    finding.set("severity", std::string(severity_id(f.severity)));
    finding.set("code", f.code);
    finding.set("path", f.path);
    finding.set("message", message);
    out.call<void>("push", finding);
  }
  return out;
}

val compute_columns_js(const val& input) {
  std::vector<Finding> findings;
  ColumnarScenario s;
  s.pot = to_integer(input["pot_ore"], "/pot_ore", findings);
  if (!input["deductions_ore"].isUndefined()) s.deductions = to_integer(input["deductions_ore"], "/deductions_ore", findings);
  if (!input["unit_ore"].isUndefined()) s.unit = to_integer(input["unit_ore"], "/unit_ore", findings);
  if (!input["method"].isUndefined()) {
    const std::string id = text_of(input["method"]);
    if (auto method = method_from_id(id)) s.method = *method;
    else findings.push_back(make_finding("rounding.method_unknown", "/method", {{"input", id}}));
  }
  if (!input["level"].isUndefined()) {
    const std::string level = text_of(input["level"]);
    if (level == "recipient" || level == "component") s.recipient_level = level == "recipient";
    else findings.push_back(make_finding("rounding.level_unknown", "/level", {{"input", level}}));
  }
  const val components = input["components"];
  const std::size_t k = components.isArray() ? components["length"].as<std::size_t>() : 0;
  for (std::size_t c = 0; c < k; ++c) {
    const std::string path = "/components/" + std::to_string(c);
    const std::string share = text_of(components[c]["share"]);
    // A JS number's '.' is its decimal mark; typed text may be ambiguous.
    const DecimalParse parsed =
        parse_decimal(share, components[c]["share"].isNumber() ? Notation::json_number : Notation::written);
    if (!parsed.ok()) findings.push_back(make_finding("number.syntax", path + "/share", {{"input", share}}));
    s.components.push_back({parsed.value, to_integers(components[c]["basis"], path + "/basis", findings)});
  }
  const val earmarks = input["earmarks"];
  const std::size_t e_count = earmarks.isArray() ? earmarks["length"].as<std::size_t>() : 0;
  for (std::size_t e = 0; e < e_count; ++e) {
    s.earmarks.push_back(to_integers(earmarks[e], "/earmarks/" + std::to_string(e), findings));
  }

  val out = val::object();
  if (has_errors(findings)) {
    out.set("ok", false);
    out.set("findings", to_js(findings));
    return out;
  }
  const ColumnarResult result = compute_columns(s);
  out.set("ok", result.ok());
  out.set("findings", to_js(result.findings));
  if (result.ok()) {
    out.set("formula_ore", to_float64_array(result.formula));
    out.set("total_ore", to_float64_array(result.total));
    out.set("not_allocated_ore", static_cast<double>(result.not_allocated));
  }
  return out;
}

}  // namespace
}  // namespace fordela::wasm

EMSCRIPTEN_BINDINGS(fordela_core) {
  emscripten::function("compute", &fordela::wasm::compute);
  emscripten::function("validate", &fordela::wasm::validate);
  emscripten::function("normalize", &fordela::wasm::normalize);
  emscripten::function("apportion", &fordela::wasm::apportion);
  emscripten::function("parseAmount", &fordela::wasm::parse_amount);
  emscripten::function("explain", &fordela::wasm::explain);
  emscripten::function("explainIn", &fordela::wasm::explain_in);
  emscripten::function("compare", &fordela::wasm::compare);
  emscripten::function("version", &fordela::wasm::version);
  emscripten::function("examples", &fordela::wasm::examples);
  emscripten::function("readCsv", &fordela::wasm::read_csv_rows);
  emscripten::function("resultCsv", &fordela::wasm::result_csv);
  emscripten::function("compareCsv", &fordela::wasm::compare_csv);
  emscripten::function("computeColumns", &fordela::wasm::compute_columns_js);
}
