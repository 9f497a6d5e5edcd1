// The vocabulary of input errors: see input_errors.hpp.
#include "input_errors.hpp"

#include "json_input.hpp"
#include "outcome_json.hpp"

namespace fordela::detail {
namespace {

using json = nlohmann::json;

constexpr std::size_t kQuotedBytes = 60;
constexpr std::string_view kNoBreakSpace = "\xC2\xA0";
constexpr std::string_view kLargestDecimal = "1 000 000 000 000";

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view number_code(ParseError error) {
  switch (error) {
    case ParseError::too_many_decimals: return "number.too_precise";
    case ParseError::out_of_range: return "number.out_of_range";
    case ParseError::ambiguous: return "number.ambiguous";
    default: return "number.syntax";
  }
}

std::string_view amount_code(ParseError error) {
  switch (error) {
    case ParseError::too_many_decimals: return "amount.too_precise";
    case ParseError::out_of_range: return "amount.out_of_range";
    // An emptied field (blank in the parser's own sense: spaces of every
    // kind), not a word that is no amount.
    case ParseError::empty: return "amount.empty";
    default: return "amount.syntax";
  }
}

// The two readings of an ambiguous "46,600": the whole number grouped as
// Swedish writes it ("46 600"), and the decimal written so that it cannot
// be taken for a group ("46,6"; "2,125" needs a fourth decimal: "2,1250").
FindingArgs ambiguous_readings(std::string_view text) {
  const std::size_t mark = text.find_first_of(",.");
  if (mark == std::string_view::npos || mark + 4 > text.size()) return {};
  std::size_t begin = mark;
  while (begin > 0 && is_digit(text[begin - 1])) --begin;
  std::size_t sign = begin;
  while (sign > 0 && text[sign - 1] != ' ' && text[sign - 1] != '\t') --sign;
  const std::string sign_text(text.substr(sign, begin - sign));
  const std::string integer(text.substr(begin, mark - begin));
  std::string fraction(text.substr(mark + 1, 3));
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  if (fraction.size() == 3) fraction += '0';
  const std::string whole = sign_text + integer + std::string(kNoBreakSpace) + std::string(text.substr(mark + 1, 3));
  const std::string decimal = sign_text + integer;
  return {{"whole", whole},
          {"decimal_sv", fraction.empty() ? decimal : decimal + ',' + fraction},
          {"decimal_en", fraction.empty() ? decimal : decimal + '.' + fraction}};
}

}  // namespace

std::string quoted_input(std::string_view text) {
  if (text.size() <= kQuotedBytes) return std::string(text);
  std::string cut(text.substr(0, kQuotedBytes));
  // Drop a UTF-8 sequence the cut split: its continuation bytes, then its lead.
  while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80) cut.pop_back();
  if (!cut.empty() && static_cast<unsigned char>(cut.back()) >= 0xC0) cut.pop_back();
  return cut + "…";
}

std::string quoted_value(const json& value) {
  if (value.is_string()) return quoted_input(value.get_ref<const std::string&>());
  if (auto text = number_text(value)) return quoted_input(*text);
  return quoted_input(value.dump(-1, ' ', false, json::error_handler_t::replace));
}

std::optional<NumberInput> number_input(const json& value) {
  if (value.is_string()) return NumberInput{value.get<std::string>(), Notation::written};
  if (value.is_number_unsigned()) return NumberInput{std::to_string(value.get<std::uint64_t>()), Notation::json_number};
  if (value.is_number_integer()) return NumberInput{std::to_string(value.get<std::int64_t>()), Notation::json_number};
  if (auto text = number_text(value)) return NumberInput{*text, Notation::json_number};
  return std::nullopt;
}

Finding amount_finding(ParseError error, std::string path, std::string_view input) {
  return make_finding(amount_code(error), std::move(path), {{"input", quoted_input(input)}});
}

Finding number_finding(ParseError error, std::string path, std::string_view input) {
  FindingArgs args{{"input", quoted_input(input)}, {"max", std::string(kLargestDecimal)}};
  if (error == ParseError::ambiguous) {
    for (auto& reading : ambiguous_readings(input)) args.push_back(std::move(reading));
  }
  return make_finding(number_code(error), std::move(path), args);
}

std::optional<std::int64_t> read_count(const NumberInput& input, const std::string& path,
                                       std::vector<Finding>& findings) {
  const DecimalParse parsed = parse_decimal(input.text, input.notation);
  if (!parsed.ok()) {
    findings.push_back(number_finding(parsed.error, path, input.text));
    return std::nullopt;
  }
  if (parsed.value.micro < 0) {
    findings.push_back(make_finding("number.negative", path, {{"input", quoted_input(input.text)}}));
    return std::nullopt;
  }
  if (parsed.value.micro % Decimal::kScale != 0) {
    findings.push_back(make_finding("number.not_whole", path, {{"input", quoted_input(input.text)}}));
    return std::nullopt;
  }
  return parsed.value.micro / Decimal::kScale;
}

std::string failure_json(const std::vector<Finding>& findings) {
  nlohmann::ordered_json out;
  out["ok"] = false;
  out["findings"] = findings_json(findings);
  return dump_json(out);
}

Finding apportion_finding(ApportionError error, const ApportionContext& context) {
  FindingArgs sizes{{"count", std::to_string(context.count)}, {"units", std::to_string(context.units)}};
  if (context.unit_ore > 0) sizes.push_back({"unit_ore", std::to_string(context.unit_ore)});
  switch (error) {
    case ApportionError::min_not_feasible:
      sizes.push_back({"min", std::to_string(context.options.min_units)});
      return make_finding("rounding.min_infeasible", context.min_units_path, sizes);
    case ApportionError::bad_first_divisor: return make_finding("rounding.first_divisor", context.first_divisor_path);
    case ApportionError::no_recipients: return make_finding("recipients.none", context.weights_path);
    case ApportionError::negative_units:
      return make_finding("number.negative", context.units_path, {{"input", std::to_string(context.units)}});
    case ApportionError::none:
    case ApportionError::all_weights_zero: break;
  }
  return make_finding("apportion.weights_zero", context.weights_path);
}

}  // namespace fordela::detail
