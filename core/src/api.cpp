// The JSON-string entry points that are not scenarios: apportionment on
// its own, and one pasted amount. See api.hpp.
#include "fordela/api.hpp"

#include <nlohmann/json.hpp>

#include "fordela/apportion.hpp"
#include "fordela/findings.hpp"
#include "fordela/money.hpp"
#include "input_errors.hpp"
#include "json_input.hpp"
#include "outcome_json.hpp"
#include "scenario_model.hpp"

namespace fordela {
namespace {

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;
using detail::quoted_input;
using detail::quoted_value;

// The request's fields as apportion_request takes them; a field of the
// wrong JSON type is a finding here.
std::optional<ApportionRequest> read_request(const json& req, std::vector<Finding>& findings) {
  ApportionRequest request;
  auto number = [&](const char* key, std::optional<NumberInput>& out) {
    auto it = req.find(key);
    if (it == req.end() || it->is_null()) return;
    out = detail::number_input(*it);
    if (!out) findings.push_back(detail::number_finding(ParseError::syntax, std::string("/") + key, quoted_value(*it)));
  };
  auto text = [&](const char* key, std::optional<std::string>& out, bool amount) {
    auto it = req.find(key);
    if (it == req.end()) return;
    if (auto n = detail::number_input(*it); n && (amount || it->is_string())) {
      out = n->text;
    } else {
      findings.push_back(amount ? detail::amount_finding(ParseError::syntax, std::string("/") + key, quoted_value(*it))
                                : make_finding("rounding.method_unknown", "/method", {{"input", quoted_value(*it)}}));
    }
  };
  text("method", request.method, false);
  number("first_divisor", request.first_divisor);
  number("min_units", request.min_units);
  number("units", request.units);
  text("total", request.total, true);
  text("unit", request.unit, true);
  auto weights = req.find("weights");
  if (weights == req.end() || !weights->is_array()) {
    findings.push_back(make_finding("field.missing", "/weights", {{"field", "weights"}, {"hint_sv", ""}, {"hint_en", ""}}));
    return std::nullopt;
  }
  request.weights.reserve(weights->size());
  for (std::size_t i = 0; i < weights->size(); ++i) {
    auto n = detail::number_input((*weights)[i]);
    if (!n) {
      findings.push_back(detail::number_finding(ParseError::syntax, "/weights/" + std::to_string(i),
                                                quoted_value((*weights)[i])));
      n = NumberInput{};
    }
    request.weights.push_back(std::move(*n));
  }
  if (auto it = req.find("names"); it != req.end() && it->is_array()) {
    for (const auto& n : *it) request.names.push_back(n.is_string() ? n.get<std::string>() : std::string());
  }
  if (!findings.empty()) return std::nullopt;
  return request;
}

}  // namespace

ApportionAnswer apportion_request(const ApportionRequest& request) {
  ApportionAnswer answer;
  std::vector<Finding>& findings = answer.findings;
  auto failed = [&]() { return has_errors(findings); };

  ApportionOptions options;
  if (request.method) {
    if (auto method = method_from_id(*request.method)) {
      options.method = *method;
    } else {
      findings.push_back(make_finding("rounding.method_unknown", "/method", {{"input", quoted_input(*request.method)}}));
    }
  }
  if (request.first_divisor) {
    DecimalParse d = parse_decimal(request.first_divisor->text, request.first_divisor->notation);
    if (!d.ok()) {
      findings.push_back(detail::number_finding(d.error, "/first_divisor", request.first_divisor->text));
    } else if (d.value.micro < Decimal::kScale || d.value.micro >= 3 * Decimal::kScale) {
      findings.push_back(make_finding("rounding.first_divisor", "/first_divisor"));
    } else {
      options.first_divisor = d.value;
    }
  }
  if (request.min_units) {
    if (auto min = detail::read_count(*request.min_units, "/min_units", findings)) options.min_units = *min;
  }

  // Units, or a total amount split in multiples of a unit.
  std::int64_t units = 0;
  if (request.units) {
    if (auto count = detail::read_count(*request.units, "/units", findings)) units = *count;
  } else if (!request.total) {
    findings.push_back(
        make_finding("field.missing", "/total", {{"field", "total"}, {"hint_phrase", "phrase.hint.units_or_total"}}));
  } else {
    auto amount = [&](const std::string& text, const char* path) -> std::optional<Ore> {
      AmountParse a = parse_amount(text);
      if (!a.ok()) {
        findings.push_back(detail::amount_finding(a.error, path, text));
        return std::nullopt;
      }
      if (a.ore < 0) {
        findings.push_back(make_finding("amount.negative", path, {{"input", quoted_input(text)}}));
        return std::nullopt;
      }
      return a.ore;
    };
    auto total = amount(*request.total, "/total");
    Ore unit = kOrePerKrona;
    if (request.unit) {
      if (auto parsed = amount(*request.unit, "/unit")) unit = *parsed;
    }
    if (total && unit <= 0) findings.push_back(make_finding("rounding.unit_invalid", "/unit"));
    if (total && unit > 0) {
      answer.unit_ore = unit;
      units = *total / unit;
      answer.not_allocated_ore = *total % unit;
    }
  }

  std::vector<BigNat> weights;
  weights.reserve(request.weights.size());
  for (std::size_t i = 0; i < request.weights.size(); ++i) {
    const NumberInput& weight = request.weights[i];
    std::string path = "/weights/" + std::to_string(i);
    DecimalParse d = parse_decimal(weight.text, weight.notation, PercentSign::allowed);
    if (!d.ok()) {
      findings.push_back(detail::number_finding(d.error, std::move(path), weight.text));
    } else if (d.value.micro < 0) {
      findings.push_back(make_finding("number.negative", std::move(path), {{"input", quoted_input(weight.text)}}));
    } else {
      weights.emplace_back(static_cast<std::uint64_t>(d.value.micro));
    }
  }
  if (failed()) return answer;
  if (weights.empty()) {
    findings.push_back(make_finding("recipients.none", "/weights"));
    return answer;
  }

  ApportionResult result = apportion(weights, units, options);
  if (!result.ok()) {
    findings.push_back(detail::apportion_finding(
        result.error, {options, units, weights.size(), answer.unit_ore, "/weights",
                       answer.unit_ore > 0 ? "/unit" : "/units", "/min_units", "/first_divisor"}));
    return answer;
  }

  auto name_of = [&](std::size_t i) {
    return i < request.names.size() && !request.names[i].empty() ? request.names[i] : "#" + std::to_string(i + 1);
  };
  if (result.one_each_to_largest) {
    findings.push_back(make_finding("rounding.too_few_units", answer.unit_ore > 0 ? "/unit" : "/units",
                                    {{"method", std::string(method_id(options.method))},
                                     {"count", std::to_string(weights.size())}, {"units", std::to_string(units)}}));
  }
  if (!result.tied.empty()) {
    std::string list;
    for (std::size_t i : result.tied) list += (list.empty() ? "" : ", ") + name_of(i);
    findings.push_back(make_finding("apportion.tie", "/weights", {{"names", list}}));
  }
  if (answer.not_allocated_ore > 0) {
    findings.push_back(make_finding("rounding.not_allocated", "/unit",
                                    {{"amount_ore", std::to_string(answer.not_allocated_ore)},
                                     {"unit_ore", std::to_string(answer.unit_ore)}}));
  }
  answer.ok = true;
  answer.allocation = std::move(result.units);
  if (answer.unit_ore > 0) {
    for (std::int64_t& u : answer.allocation) u *= answer.unit_ore;
  }
  answer.tied = std::move(result.tied);
  return answer;
}

std::string apportion_json(std::string_view request_json) {
  detail::JsonInput input = detail::read_json(request_json, 64 * 1024 * 1024, 8);
  if (input.error) return detail::failure_json({*input.error});
  const json& req = input.document;
  if (!req.is_object()) return detail::failure_json({make_finding("document.not_object", "")});
  std::vector<Finding> findings;
  std::optional<ApportionRequest> request = read_request(req, findings);
  if (!request) return detail::failure_json(findings);

  ApportionAnswer answer = apportion_request(*request);
  if (!answer.ok) return detail::failure_json(answer.findings);
  ojson out;
  out["ok"] = true;
  out["allocation"] = answer.allocation;
  out["unit_ore"] = answer.unit_ore > 0 ? ojson(answer.unit_ore) : ojson(nullptr);
  out["not_allocated_ore"] = answer.not_allocated_ore;
  out["tied"] = answer.tied;
  out["findings"] = detail::findings_json(answer.findings);
  return detail::dump_json(out);
}

std::string parse_amount_json(std::string_view text) {
  AmountParse a = parse_amount(text);
  if (!a.ok()) return detail::failure_json({detail::amount_finding(a.error, "", text)});
  ojson out;
  out["ok"] = true;
  out["ore"] = a.ore;
  return detail::dump_json(out);
}

std::string_view core_version() { return "0.1.0"; }

std::string scenario_limits_json(const ScenarioLimits& limits) {
  ojson out;
  out["max_recipients"] = limits.max_recipients;
  out["max_indicators"] = limits.max_indicators;
  out["max_components"] = limits.max_components;
  out["max_string_bytes"] = limits.max_string_bytes;
  out["max_document_bytes"] = limits.max_document_bytes;
  out["max_depth"] = limits.max_depth;
  out["max_levels"] = detail::kMaxLevels;
  return out.dump();
}

}  // namespace fordela
