// The result as CSV, for the CLI and for export.
#include <nlohmann/json.hpp>

#include "fordela/money.hpp"
#include "fordela/scenario.hpp"

namespace fordela {
namespace {

// CSV cell quoting (RFC 4180).
std::string csv_cell(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char ch : text) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + "\"";
}

}  // namespace

std::string result_json_to_csv(std::string_view result_text) {
  auto result = nlohmann::json::parse(result_text, nullptr, false);
  if (result.is_discarded() || !result.is_object() || !result.contains("recipients") ||
      !result["recipients"].is_array() || !result.contains("components")) {
    return "";
  }
  std::string out = "name";
  for (const auto& comp : result["components"]) {
    out += "," + csv_cell(comp.value("name", "") + " (exact)");
  }
  out += ",formula";
  const auto& recipients = result["recipients"];
  std::size_t earmark_count = recipients.empty() ? 0 : recipients[0].value("earmarks_ore", nlohmann::json::array()).size();
  for (std::size_t e = 0; e < earmark_count; ++e) out += ",earmark " + std::to_string(e + 1);
  out += ",total";
  bool redistribution = result.contains("redistribution") && !result["redistribution"].is_null();
  if (redistribution) out += ",redistribution,final";
  out += "\r\n";
  auto kr = [](const nlohmann::json& v) { return v.is_number_integer() ? format_kr_plain(v.get<Ore>()) : std::string(); };
  for (const auto& r : recipients) {
    out += csv_cell(r.value("name", ""));
    for (const auto& part : r["components"]) out += "," + kr(part["exact_ore"]);
    out += "," + kr(r["formula_ore"]);
    for (const auto& e : r["earmarks_ore"]) out += "," + kr(e);
    out += "," + kr(r["total_ore"]);
    if (redistribution) out += "," + kr(r["redistribution_ore"]) + "," + kr(r["final_ore"]);
    out += "\r\n";
  }
  const auto& t = result["totals"];
  out += "TOTAL";
  for (std::size_t i = 0; i < result["components"].size(); ++i) out += ",";
  out += "," + kr(t["formula_ore"]);
  for (std::size_t e = 0; e < earmark_count; ++e) out += ",";
  out += "," + kr(t["total_ore"]);
  if (redistribution) out += "," + kr(t["redistributed_ore"]) + "," + kr(t["final_ore"]);
  out += "\r\n";
  return out;
}

}  // namespace fordela
