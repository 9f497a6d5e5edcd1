// The JavaScript face of the core: each function takes and returns JSON
// text, except computeColumns, which takes and returns typed arrays (see
// fordela-core.d.ts). Nothing here computes.
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
std::string limits() { return scenario_limits_json(); }
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
// JS values become the core's plain values (columns.hpp), which the core
// checks; the result's öre come back as Float64Arrays (every result amount
// is below 2^53).

using emscripten::val;

// String(value): safe for undefined and null too.
std::string text_of(const val& value) { return val::global("String")(value).as<std::string>(); }

ColumnValue value_of(const val& value) {
  const bool is_number = value.isNumber();
  return {!value.isUndefined(), is_number, is_number ? value.as<double>() : 0.0, text_of(value)};
}

// A Float64Array (or any array) copied in one go; its elements as given
// only when the core asks for a refused one.
ColumnList list_of(const val& array) {
  ColumnList list;
  list.is_list = !array.isUndefined() && !array.isNull() && array["length"].isNumber();
  if (!list.is_list) return list;
  list.numbers = emscripten::convertJSArrayToNumberVector<double>(array);
  list.element = [array](std::size_t i) { return value_of(array[i]); };
  return list;
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
  ColumnarInput in;
  in.pot_ore = value_of(input["pot_ore"]);
  in.deductions_ore = value_of(input["deductions_ore"]);
  in.unit_ore = value_of(input["unit_ore"]);
  in.method = value_of(input["method"]);
  in.level = value_of(input["level"]);
  const val components = input["components"];
  const std::size_t k = components.isArray() ? components["length"].as<std::size_t>() : 0;
  for (std::size_t c = 0; c < k; ++c) {
    in.components.push_back({value_of(components[c]["share"]), list_of(components[c]["basis"])});
  }
  const val earmarks = input["earmarks"];
  const std::size_t e_count = earmarks.isArray() ? earmarks["length"].as<std::size_t>() : 0;
  for (std::size_t e = 0; e < e_count; ++e) in.earmarks.push_back(list_of(earmarks[e]));

  const ColumnarResult result = compute_columns(in);
  val out = val::object();
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
  emscripten::function("limits", &fordela::wasm::limits);
  emscripten::function("examples", &fordela::wasm::examples);
  emscripten::function("readCsv", &fordela::wasm::read_csv_rows);
  emscripten::function("resultCsv", &fordela::wasm::result_csv);
  emscripten::function("compareCsv", &fordela::wasm::compare_csv);
  emscripten::function("computeColumns", &fordela::wasm::compute_columns_js);
}
