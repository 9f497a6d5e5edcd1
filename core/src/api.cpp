// The JSON-string entry points that are not scenarios: apportionment on
// its own, and one pasted amount. See api.hpp.
#include "fordela/api.hpp"

#include <nlohmann/json.hpp>

#include "fordela/apportion.hpp"
#include "fordela/findings.hpp"
#include "fordela/money.hpp"
#include "json_input.hpp"
#include "outcome_json.hpp"

namespace fordela {
namespace {

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;


std::string failure(const std::vector<Finding>& findings) {
  ojson out;
  out["ok"] = false;
  out["findings"] = detail::findings_json(findings);
  return detail::dump_json(out);
}

std::string_view amount_code(ParseError e) {
  switch (e) {
    case ParseError::too_many_decimals: return "amount.too_precise";
    case ParseError::out_of_range: return "amount.out_of_range";
    default: return "amount.syntax";
  }
}

std::string display(std::string_view text) {
  std::string s(text.substr(0, 60));
  while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();
  if (!s.empty() && static_cast<unsigned char>(s.back()) >= 0xC0) s.pop_back();
  return text.size() > 60 ? s + "…" : s;
}

// A value that is a JSON string, integer, or a number kept as text.
std::optional<std::string> as_text(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_unsigned()) return std::to_string(v.get<std::uint64_t>());
  if (v.is_number_integer()) return std::to_string(v.get<std::int64_t>());
  return detail::number_text(v);
}

}  // namespace

std::string apportion_json(std::string_view request_json) {
  std::vector<Finding> findings;
  detail::JsonInput input = detail::read_json(request_json, 64 * 1024 * 1024, 8);
  if (input.error) return failure({*input.error});
  const json& req = input.document;
  if (!req.is_object()) return failure({make_finding("document.not_object", "")});

  ApportionOptions options;
  if (auto it = req.find("method"); it != req.end()) {
    auto method = it->is_string() ? method_from_id(it->get<std::string>()) : std::nullopt;
    if (!method) {
      return failure({make_finding("rounding.method_unknown", "/method", {{"input", display(it->dump())}})});
    }
    options.method = *method;
  }
  if (auto it = req.find("first_divisor"); it != req.end() && !it->is_null()) {
    auto text = as_text(*it);
    DecimalParse d = text ? parse_decimal(*text) : DecimalParse{{}, ParseError::syntax};
    if (!d.ok() || d.value.micro < Decimal::kScale || d.value.micro >= 3 * Decimal::kScale) {
      return failure({make_finding("rounding.first_divisor", "/first_divisor")});
    }
    options.first_divisor = d.value;
  }
  if (auto it = req.find("min_units"); it != req.end() && !it->is_null()) {
    if (!it->is_number_integer() || (!it->is_number_unsigned() && it->get<std::int64_t>() < 0) ||
        it->get<std::uint64_t>() > 1'000'000'000'000ULL) {
      return failure({make_finding("number.syntax", "/min_units", {{"input", display(it->dump())}})});
    }
    options.min_units = it->get<std::int64_t>();
  }

  // Units, or a total amount split in multiples of a unit.
  std::int64_t units = 0;
  Ore unit = 0;
  Ore not_allocated = 0;
  if (auto it = req.find("units"); it != req.end()) {
    if (!it->is_number_integer() || (!it->is_number_unsigned() && it->get<std::int64_t>() < 0) ||
        it->get<std::uint64_t>() > std::uint64_t(kMaxAmountOre)) {
      return failure({make_finding("number.syntax", "/units", {{"input", display(it->dump())}})});
    }
    units = it->get<std::int64_t>();
  } else {
    auto total_it = req.find("total");
    auto unit_it = req.find("unit");
    auto amount = [&](json::const_iterator it, const char* path) -> std::optional<Ore> {
      auto text = as_text(*it);
      AmountParse a = text ? parse_amount(*text) : AmountParse{0, ParseError::syntax};
      if (!a.ok()) {
        findings.push_back(make_finding(amount_code(a.error), path, {{"input", display(text.value_or(it->dump()))}}));
        return std::nullopt;
      }
      if (a.ore < 0) {
        findings.push_back(make_finding("amount.negative", path, {{"input", display(*text)}}));
        return std::nullopt;
      }
      return a.ore;
    };
    if (total_it == req.end()) {
      return failure({make_finding("field.missing", "/total", {{"field", "total"}, {"hint_sv", "Ange units eller total."},
                                                              {"hint_en", "Give units or total."}})});
    }
    auto total = amount(total_it, "/total");
    Ore u = kOrePerKrona;
    if (unit_it != req.end()) {
      if (auto parsed = amount(unit_it, "/unit")) u = *parsed;
    }
    if (!findings.empty()) return failure(findings);
    if (u <= 0) return failure({make_finding("rounding.unit_invalid", "/unit")});
    unit = u;
    units = *total / unit;
    not_allocated = *total % unit;
  }

  const json* weights_json = nullptr;
  if (auto it = req.find("weights"); it != req.end() && it->is_array()) weights_json = &*it;
  if (weights_json == nullptr) {
    return failure({make_finding("field.missing", "/weights", {{"field", "weights"}, {"hint_sv", ""}, {"hint_en", ""}})});
  }
  std::vector<BigNat> weights;
  weights.reserve(weights_json->size());
  for (std::size_t i = 0; i < weights_json->size(); ++i) {
    std::string path = "/weights/" + std::to_string(i);
    auto text = as_text((*weights_json)[i]);
    DecimalParse d = text ? parse_decimal(*text) : DecimalParse{{}, ParseError::syntax};
    if (!d.ok()) {
      std::string_view code = d.error == ParseError::too_many_decimals ? "number.too_precise"
                              : d.error == ParseError::out_of_range    ? "number.out_of_range"
                                                                       : "number.syntax";
      findings.push_back(make_finding(code, path,
                                      {{"input", display(text.value_or((*weights_json)[i].dump()))},
                                       {"max", "1 000 000 000 000"}}));
      continue;
    }
    if (d.value.micro < 0) {
      findings.push_back(make_finding("number.negative", path, {{"input", display(*text)}}));
      continue;
    }
    weights.emplace_back(static_cast<std::uint64_t>(d.value.micro));
  }
  if (!findings.empty()) return failure(findings);
  if (weights.empty()) return failure({make_finding("recipients.none", "/weights")});

  ApportionResult result = apportion(weights, units, options);
  switch (result.error) {
    case ApportionError::none: break;
    case ApportionError::all_weights_zero:
      return failure({make_finding("apportion.weights_zero", "/weights")});
    case ApportionError::min_not_feasible:
      return failure({make_finding("rounding.min_infeasible", "/min_units",
                                   {{"min", std::to_string(options.min_units)},
                                    {"count", std::to_string(weights.size())}, {"units", std::to_string(units)}})});
    default: return failure({make_finding("rounding.first_divisor", "/first_divisor")});
  }

  std::vector<std::string> names;
  if (auto it = req.find("names"); it != req.end() && it->is_array()) {
    for (const auto& n : *it) names.push_back(n.is_string() ? n.get<std::string>() : std::string());
  }
  auto name_of = [&](std::size_t i) { return i < names.size() && !names[i].empty() ? names[i] : "#" + std::to_string(i + 1); };
  if (result.one_each_to_largest) {
    findings.push_back(make_finding("rounding.too_few_units", "/units",
                                    {{"method", std::string(method_id(options.method))},
                                     {"count", std::to_string(weights.size())}, {"units", std::to_string(units)}}));
  }
  if (!result.tied.empty()) {
    std::string list;
    for (std::size_t i : result.tied) list += (list.empty() ? "" : ", ") + name_of(i);
    findings.push_back(make_finding("apportion.tie", "/weights", {{"names", list}}));
  }
  if (not_allocated > 0) {
    findings.push_back(make_finding("rounding.not_allocated", "/unit",
                                    {{"amount_ore", std::to_string(not_allocated)}, {"unit_ore", std::to_string(unit)}}));
  }
  ojson out;
  out["ok"] = true;
  ojson allocation = ojson::array();
  for (std::int64_t u : result.units) allocation.push_back(unit > 0 ? u * unit : u);
  out["allocation"] = std::move(allocation);
  out["unit_ore"] = unit > 0 ? ojson(unit) : ojson(nullptr);
  out["not_allocated_ore"] = not_allocated;
  out["tied"] = result.tied;
  out["findings"] = detail::findings_json(findings);
  return detail::dump_json(out);
}

std::string parse_amount_json(std::string_view text) {
  AmountParse a = parse_amount(text);
  if (!a.ok()) return failure({make_finding(amount_code(a.error), "", {{"input", display(text)}})});
  ojson out;
  out["ok"] = true;
  out["ore"] = a.ore;
  return detail::dump_json(out);
}

std::string_view core_version() { return "0.1.0"; }

}  // namespace fordela
