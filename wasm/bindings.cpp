// The JavaScript face of the core: each function takes and returns JSON
// text (see fordela-core.d.ts). Nothing here computes.
#include <string>
#include <string_view>

#include <emscripten/bind.h>

#include "fordela/api.hpp"
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
std::string version() { return std::string(core_version()); }
std::string examples() { return std::string(examples_json()); }
std::string read_csv_rows(const std::string& text) { return read_csv_json(text); }
std::string result_csv(const std::string& result, const std::string& scenario, const std::string& language) {
  return result_json_to_table_csv(result, kSwedishExcelCsv, language == "en" ? CsvLanguage::english : CsvLanguage::swedish, scenario);
}

}  // namespace
}  // namespace fordela::wasm

EMSCRIPTEN_BINDINGS(fordela_core) {
  emscripten::function("compute", &fordela::wasm::compute);
  emscripten::function("validate", &fordela::wasm::validate);
  emscripten::function("normalize", &fordela::wasm::normalize);
  emscripten::function("apportion", &fordela::wasm::apportion);
  emscripten::function("parseAmount", &fordela::wasm::parse_amount);
  emscripten::function("version", &fordela::wasm::version);
  emscripten::function("examples", &fordela::wasm::examples);
  emscripten::function("readCsv", &fordela::wasm::read_csv_rows);
  emscripten::function("resultCsv", &fordela::wasm::result_csv);
}
