// A scenario document of any bytes through validation, computation and
// normalisation: never a crash, always a well-formed answer, the sums of
// a result add up, and a normalised document computes the same result as
// the one it came from (so links and files, which carry the normalised
// form, change nothing). What the page does with a result runs too: the
// explanation of a recipient, the comparison, the CSV tables.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fordela/compare.hpp"
#include "fordela/explain.hpp"
#include "fordela/result_csv.hpp"
#include "fordela/scenario.hpp"
#include "fuzz_support.hpp"

using namespace fordela;
using fordela::fuzz::json;
using fordela::fuzz::must_parse;

namespace {

constexpr std::int64_t kSafeInteger = (std::int64_t{1} << 53) - 1;

bool has_error_finding(const json& findings) {
  for (const auto& f : findings) {
    if (f.value("severity", "") == "error") return true;
  }
  return false;
}

void check_findings(const json& findings) {
  FUZZ_CHECK(findings.is_array(), "findings are a list");
  for (const auto& f : findings) {
    FUZZ_CHECK(f.is_object() && f["severity"].is_string() && f["code"].is_string() && f["path"].is_string(),
               "a finding has severity, code and path");
    FUZZ_CHECK(f["message"]["sv"].is_string() && f["message"]["en"].is_string(), "a finding has both messages");
    FUZZ_CHECK(f["code"].get<std::string>() != "internal.unknown_code", "every code is in the catalogue");
  }
}

std::int64_t amount(const json& v) {
  FUZZ_CHECK(v.is_number_integer(), "an amount is an integer of öre");
  const auto a = v.get<std::int64_t>();
  FUZZ_CHECK(a >= -kSafeInteger && a <= kSafeInteger, "an amount JavaScript reads exactly");
  return a;
}

json check_result(const std::string& text) {
  json result = must_parse(text, "compute_scenario_json");
  FUZZ_CHECK(result.is_object() && result["format"] == "fordela-result", "a result document");
  FUZZ_CHECK(result["ok"].is_boolean(), "ok is a boolean");
  check_findings(result["findings"]);
  const bool ok = result["ok"].get<bool>();
  FUZZ_CHECK(ok == !has_error_finding(result["findings"]), "ok exactly when there is no error finding");
  if (!ok) return result;

  const json& totals = result["totals"];
  std::int64_t formula = 0, total = 0, final_sum = 0, earmarks = 0;
  for (const auto& r : result["recipients"]) {
    formula += amount(r["formula_ore"]);
    total += amount(r["total_ore"]);
    final_sum += amount(r["final_ore"]);
    amount(r["exact_ore"]);
    amount(r["redistribution_ore"]);
    std::int64_t own_earmarks = 0;
    for (const auto& e : r["earmarks_ore"]) own_earmarks += amount(e);
    earmarks += own_earmarks;
    FUZZ_CHECK(amount(r["rounding_ore"]) == amount(r["formula_ore"]) - amount(r["exact_ore"]),
               "rounding = formula - exact");
    FUZZ_CHECK(amount(r["total_ore"]) == amount(r["formula_ore"]) + own_earmarks, "total = formula + earmarks");
  }
  FUZZ_CHECK(formula == amount(totals["formula_ore"]), "the formula amounts add up to the total");
  FUZZ_CHECK(earmarks == amount(totals["earmarks_ore"]), "the earmarks add up to the total");
  FUZZ_CHECK(total == amount(totals["total_ore"]), "the totals add up");
  FUZZ_CHECK(final_sum == amount(totals["final_ore"]), "the final amounts add up");
  FUZZ_CHECK(amount(totals["net_ore"]) == amount(totals["pot_ore"]) - amount(totals["deductions_ore"]),
             "net = pot - deductions");
  return result;
}

// What a result says about the money, without the findings' wording.
json money_of(const json& result) {
  json m = json::object();
  for (const char* key : {"ok", "rounding", "components", "recipients", "totals", "redistribution"}) {
    if (result.contains(key)) m[key] = result[key];
  }
  return m;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  const std::string result_text = compute_scenario_json(text);
  const json result = check_result(result_text);
  if (result["ok"].get<bool>()) {
    const auto& recipients = result["recipients"];
    const std::string name = recipients.empty() ? "" : recipients[0].value("name", "");
    const json explained = must_parse(explain_json(text, name), "explain_json");
    FUZZ_CHECK(explained["ok"].is_boolean(), "explain answers ok");
    // Down into the first recipient's sub-level, when there is one.
    if (!recipients.empty() && recipients[0].contains("sub") && recipients[0]["sub"].is_object()) {
      const auto& below = recipients[0]["sub"]["recipients"];
      const std::string inner = below.empty() ? "" : below[0].value("name", "");
      const json deeper = must_parse(explain_json(text, std::vector<std::string>{name, inner}), "explain_json down");
      FUZZ_CHECK(deeper["ok"] == true || below.empty(), "a recipient of a computed sub-level is explained");
    }
    const std::string comparison = compare_json(text, text);
    must_parse(comparison, "compare_json");
    compare_json_to_table_csv(comparison, kSwedishExcelCsv, CsvLanguage::swedish, name, name);
    result_json_to_csv(result_text);
    result_json_to_table_csv(result_text, kSwedishExcelCsv, CsvLanguage::swedish, text);
    result_json_to_table_csv(result_text, kPlainCsv, CsvLanguage::english);
  }

  const json validation = must_parse(validate_scenario_json(text), "validate_scenario_json");
  FUZZ_CHECK(validation["ok"].is_boolean(), "validation answers ok");
  check_findings(validation["findings"]);
  FUZZ_CHECK(validation["ok"].get<bool>() == result["ok"].get<bool>(), "validation agrees with computation");

  const std::string normalized = normalize_scenario_json(text);
  const json doc = must_parse(normalized, "normalize_scenario_json");
  FUZZ_CHECK(doc.is_object(), "normalize answers an object");
  if (doc.contains("ok")) {
    FUZZ_CHECK(doc["ok"] == false && !result["ok"].get<bool>(), "normalize refuses only what compute refuses");
    check_findings(doc["findings"]);
    return 0;
  }
  FUZZ_CHECK(doc["format"] == "fordela-scenario", "a normalised scenario");
  FUZZ_CHECK(normalize_scenario_json(normalized) == normalized, "normalising twice changes nothing");
  const json again = check_result(compute_scenario_json(normalized));
  FUZZ_CHECK(money_of(again) == money_of(result), "the normalised document computes the same result");
  return 0;
}
