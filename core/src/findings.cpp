// The catalogue of findings: every code and its severity; its message in
// Swedish and English is the message catalogue's "finding.<code>".
// Messages tell the user what to do. Arguments whose name ends in "_ore"
// are amounts and are formatted per language.
#include "fordela/findings.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <optional>

#include "fordela/money.hpp"
#include "messages.hpp"
#include "user_text.hpp"

namespace fordela {
namespace {

using detail::Lang;

struct Entry {
  std::string_view code;
  Severity severity;
};

constexpr Severity E = Severity::error;
constexpr Severity W = Severity::warning;
constexpr Severity I = Severity::info;

// Sorted by code (checked by a test); looked up by binary search. The
// messages are the catalogue's "finding.<code>" (messages_sv.cpp,
// messages_en.cpp).
constexpr std::array kCatalogue{
    Entry{"activity.outside_period", W},
    Entry{"amount.empty", E},
    Entry{"amount.negative", E},
    Entry{"amount.out_of_range", E},
    Entry{"amount.syntax", E},
    Entry{"amount.too_precise", E},
    Entry{"apportion.tie", W},
    Entry{"apportion.weights_zero", E},
    Entry{"date.invalid", E},
    Entry{"dates.order", E},
    Entry{"document.format", E},
    Entry{"document.not_object", E},
    Entry{"document.too_deep", E},
    Entry{"document.too_large", E},
    Entry{"document.version_invalid", E},
    Entry{"document.version_newer", E},
    Entry{"earmarks.total_mismatch", W},
    Entry{"explain.no_sub_level", E},
    Entry{"explain.unknown_recipient", E},
    Entry{"field.missing", E},
    Entry{"field.type", E},
    Entry{"field.unknown", I},
    Entry{"frame.not_fully_allocated", W},
    Entry{"frame.over", E},
    Entry{"indicator.duplicate", E},
    Entry{"indicator.kind", E},
    Entry{"indicator.unknown", E},
    Entry{"internal.unknown_code", E},
    Entry{"json.duplicate_key", E},
    Entry{"json.string_invalid", E},
    Entry{"json.syntax", E},
    Entry{"key.basis_unknown", E},
    Entry{"key.basis_zero", E},
    Entry{"key.none", E},
    Entry{"key.shares_sum", E},
    Entry{"key.too_many", E},
    Entry{"key.weights_none", E},
    Entry{"limit.indicators", E},
    Entry{"limit.list", E},
    Entry{"limit.recipients", E},
    Entry{"nested.too_deep", E},
    Entry{"nested.total_mismatch", W},
    Entry{"number.ambiguous", E},
    Entry{"number.negative", E},
    Entry{"number.not_whole", E},
    Entry{"number.out_of_range", E},
    Entry{"number.syntax", E},
    Entry{"number.too_precise", E},
    Entry{"pot.net_negative", E},
    Entry{"recipients.duplicate_name", E},
    Entry{"recipients.empty_name", E},
    Entry{"recipients.lookalike_names", W},
    Entry{"recipients.none", E},
    Entry{"redistribution.no_takers", W},
    Entry{"redistribution.round", I},
    Entry{"report.overspent", W},
    Entry{"requisition.after_deadline", W},
    Entry{"rounding.alabama", W},
    Entry{"rounding.first_divisor", E},
    Entry{"rounding.level_unknown", E},
    Entry{"rounding.method_unknown", E},
    Entry{"rounding.min_infeasible", E},
    Entry{"rounding.not_allocated", W},
    Entry{"rounding.not_allocated_parts", W},
    Entry{"rounding.quota_violation", W},
    Entry{"rounding.too_few_units", W},
    Entry{"rounding.unit_invalid", E},
    Entry{"string.too_long", E},
    Entry{"total.out_of_range", E},
};

const Entry* find_entry(std::string_view code) {
  auto it = std::lower_bound(kCatalogue.begin(), kCatalogue.end(), code,
                             [](const Entry& e, std::string_view c) { return e.code < c; });
  if (it == kCatalogue.end() || it->code != code) return nullptr;
  return &*it;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

const std::string* arg_named(const FindingArgs& args, std::string_view name) {
  auto arg = std::find_if(args.begin(), args.end(), [&](const auto& a) { return a.first == name; });
  return arg == args.end() ? nullptr : &arg->second;
}

// The value of {name} in `lang`: the catalogue's phrase when the argument
// "name_phrase" holds its key; the argument "name_sv" or "name_en" when
// the caller wrote the value per language; else the argument "name". An
// amount in öre (a name ending in "_ore") is formatted per language, any
// other value isolated so that a bidirectional control in it cannot turn
// the message around.
std::optional<std::string> value_of(const FindingArgs& args, std::string_view name, Lang lang) {
  const std::string key(name);
  if (const std::string* phrase = arg_named(args, key + "_phrase")) return std::string(detail::message(lang, *phrase));
  const std::string* v = arg_named(args, key + (lang == Lang::sv ? "_sv" : "_en"));
  if (v == nullptr) v = arg_named(args, key);
  if (v == nullptr) return std::nullopt;
  if (ends_with(name, "_ore")) {
    std::int64_t ore = 0;
    auto [ptr, ec] = std::from_chars(v->data(), v->data() + v->size(), ore);
    if (ec == std::errc{} && ptr == v->data() + v->size()) return lang == Lang::sv ? format_kr_sv(ore) : format_kr_en(ore);
    return *v;
  }
  return detail::isolated(*v);
}

std::string render(std::string_view code, const FindingArgs& args, Lang lang) {
  std::string out = detail::fill(detail::message(lang, "finding." + std::string(code)),
                                 [&](std::string_view name) { return value_of(args, name, lang); });
  // A missing optional hint leaves a trailing space: trim it.
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

std::string_view severity_id(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "info";
  }
  return "error";
}

Finding make_finding(std::string_view code, std::string path, const FindingArgs& args) {
  const Entry* entry = find_entry(code);
  if (entry == nullptr) {
    return make_finding("internal.unknown_code", std::move(path), {{"code", std::string(code)}});
  }
  return Finding{entry->severity, std::string(entry->code), std::move(path), render(code, args, Lang::sv),
                 render(code, args, Lang::en)};
}

std::vector<std::string_view> all_finding_codes() {
  std::vector<std::string_view> codes;
  codes.reserve(kCatalogue.size());
  for (const auto& e : kCatalogue) codes.push_back(e.code);
  return codes;
}

bool has_errors(const std::vector<Finding>& findings) {
  return std::any_of(findings.begin(), findings.end(), [](const Finding& f) { return f.severity == Severity::error; });
}

}  // namespace fordela
