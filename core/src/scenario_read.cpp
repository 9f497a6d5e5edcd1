// Reading a scenario document: every field checked, every problem a
// finding with the JSON pointer of the field it concerns.
#include <algorithm>
#include <array>
#include <set>
#include <unordered_map>

#include "field_reader.hpp"
#include "input_errors.hpp"
#include "json_input.hpp"
#include "scenario_model.hpp"
#include "scenario_read.hpp"

namespace fordela::detail {
namespace {

using json = nlohmann::json;

// Notes may be ten times as long as a name.
constexpr std::size_t kNotesBytesPerStringLimit = 10;
void read_dates(FieldReader& r, const json& pot, Scenario& s) {
  const json* dates = r.member(pot, "dates");
  if (dates == nullptr || dates->is_null()) return;
  if (!r.expect(*dates, json::value_t::object, "/pot/dates", "dates")) return;
  r.reject_unknown(*dates, "/pot/dates", {"period_start", "period_end", "requisition_deadline", "report_deadline"});
  auto one = [&](std::string_view key, std::optional<Date>& out) {
    if (const json* v = r.member(*dates, key); v != nullptr && !v->is_null()) {
      out = r.date(*v, "/pot/dates/" + std::string(key));
    }
  };
  one("period_start", s.dates.period_start);
  one("period_end", s.dates.period_end);
  one("requisition_deadline", s.dates.requisition_deadline);
  one("report_deadline", s.dates.report_deadline);

  struct Pair {
    const std::optional<Date>& first;
    const std::optional<Date>& second;
    std::string_view first_name, second_name, path;  // phrase keys
  };
  const std::array<Pair, 3> pairs{{
      {s.dates.period_start, s.dates.period_end, "phrase.date.period_start", "phrase.date.period_end",
       "/pot/dates/period_end"},
      {s.dates.period_start, s.dates.report_deadline, "phrase.date.period_start", "phrase.date.report_deadline",
       "/pot/dates/report_deadline"},
      {s.dates.requisition_deadline, s.dates.report_deadline, "phrase.date.requisition_deadline",
       "phrase.date.report_deadline", "/pot/dates/report_deadline"},
  }};
  for (const auto& p : pairs) {
    if (p.first && p.second && *p.first > *p.second) {
      r.add("dates.order", std::string(p.path),
            {{"first_phrase", std::string(p.first_name)},
             {"first_date", format_date(*p.first)},
             {"second_phrase", std::string(p.second_name)},
             {"second_date", format_date(*p.second)}});
    }
  }
}

// Returns whether the pot's total was given (a sub-scenario may leave it
// out and take its parent's amount).
bool read_pot(FieldReader& r, const json& doc, Scenario& s) {
  const json* pot = r.top() ? r.required(doc, "pot", "", "phrase.hint.pot")
                            : r.member(doc, "pot");
  if (pot == nullptr || !r.expect(*pot, json::value_t::object, "/pot", "pot")) return false;
  r.reject_unknown(*pot, "/pot", {"total", "deductions", "dates"});
  bool total_given = false;
  const json* total = r.top() ? r.required(*pot, "total", "/pot", "phrase.hint.total")
                              : r.member(*pot, "total");
  if (total != nullptr && (!total->is_null() || r.top())) {
    total_given = true;
    if (auto ore = r.amount(*total, "/pot/total")) s.total = *ore;
  }
  if (const json* deductions = r.member(*pot, "deductions"); deductions != nullptr && !deductions->is_null()) {
    if (r.expect(*deductions, json::value_t::array, "/pot/deductions", "deductions") &&
        r.within(*deductions, kMaxListItems, "/pot/deductions")) {
      for (std::size_t i = 0; i < deductions->size(); ++i) {
        std::string path = "/pot/deductions/" + std::to_string(i);
        const json& d = (*deductions)[i];
        if (!r.expect(d, json::value_t::object, path, "deductions")) continue;
        r.reject_unknown(d, path, {"name", "amount"});
        NamedAmount item;
        if (const json* name = r.member(d, "name")) item.name = r.text(*name, path + "/name", "name").value_or("");
        if (const json* a = r.required(d, "amount", path, "phrase.hint.deduction_amount")) {
          if (auto ore = r.amount(*a, path + "/amount")) item.amount = *ore;
        }
        s.deductions.push_back(std::move(item));
      }
    }
  }
  read_dates(r, *pot, s);
  return total_given;
}

void read_indicators(FieldReader& r, const json& doc, Scenario& s, IndicatorIndex& index) {
  const json* list = r.member(doc, "indicators");
  if (list == nullptr || list->is_null()) return;
  if (!r.expect(*list, json::value_t::array, "/indicators", "indicators")) return;
  if (list->size() > r.limits().max_indicators) {
    r.add("limit.indicators", "/indicators", {{"limit", std::to_string(r.limits().max_indicators)}});
    return;
  }
  for (std::size_t i = 0; i < list->size(); ++i) {
    std::string path = "/indicators/" + std::to_string(i);
    const json& item = (*list)[i];
    if (!r.expect(item, json::value_t::object, path, "indicators")) continue;
    r.reject_unknown(item, path, {"id", "label", "kind"});
    Indicator ind;
    if (const json* id = r.required(item, "id", path, "phrase.hint.column_id")) {
      ind.id = r.text(*id, path + "/id", "id").value_or("");
    }
    if (const json* label = r.member(item, "label")) ind.label = r.text(*label, path + "/label", "label").value_or("");
    if (const json* kind = r.member(item, "kind")) {
      auto k = r.text(*kind, path + "/kind", "kind");
      if (k && *k != "count" && *k != "amount") {
        r.add("field.type", path + "/kind",
              {{"field", "kind"}, {"expected_phrase", "phrase.type.kind"}});
      }
      ind.is_amount = k && *k == "amount";
    }
    if (ind.id.empty() && r.member(item, "id") != nullptr && r.member(item, "id")->is_string()) {
      r.add("field.missing", path + "/id", {{"field", "id"}, {"hint_phrase", "phrase.hint.column_id"}});
    }
    if (ind.label.empty()) ind.label = ind.id;
    if (!ind.id.empty() && !index.emplace(ind.id, s.indicators.size()).second) {
      r.add("indicator.duplicate", path + "/id", {{"id", ind.id}});
    }
    s.indicators.push_back(std::move(ind));
  }
}

std::optional<std::size_t> indicator_ref(FieldReader& r, const json& item, const std::string& path,
                                         const IndicatorIndex& index) {
  const json* ref = r.required(item, "indicator", path, "phrase.hint.indicator");
  if (ref == nullptr) return std::nullopt;
  auto id = r.text(*ref, path + "/indicator", "indicator");
  if (!id) return std::nullopt;
  auto found = index.find(*id);
  if (found == index.end()) {
    r.add("indicator.unknown", path + "/indicator", {{"id", *id}});
    return std::nullopt;
  }
  return found->second;
}

void read_key(FieldReader& r, const json& doc, Scenario& s, const IndicatorIndex& index) {
  const json* list = r.required(doc, "key", "", "phrase.hint.key");
  if (list == nullptr || !r.expect(*list, json::value_t::array, "/key", "key")) return;
  if (list->empty()) {
    r.add("key.none", "/key");
    return;
  }
  if (list->size() > r.limits().max_components) {
    r.add("key.too_many", "/key", {{"limit", std::to_string(r.limits().max_components)}});
    return;
  }
  Wide share_sum = 0;  // 20 shares of up to 10^18 millionths
  bool shares_known = true;
  for (std::size_t i = 0; i < list->size(); ++i) {
    std::string path = "/key/" + std::to_string(i);
    const json& item = (*list)[i];
    if (!r.expect(item, json::value_t::object, path, "key")) {
      shares_known = false;
      continue;
    }
    r.reject_unknown(item, path, {"name", "share", "basis", "weights", "indicator"});
    Component c;
    if (const json* name = r.member(item, "name")) c.name = r.text(*name, path + "/name", "name").value_or("");
    if (c.name.empty()) c.name = "Komponent " + std::to_string(i + 1);
    if (const json* share = r.required(item, "share", path, "phrase.hint.share")) {
      if (auto d = r.decimal(*share, path + "/share", PercentSign::allowed)) {
        c.share = *d;
        share_sum += d->micro;
      } else {
        shares_known = false;
      }
    } else {
      shares_known = false;
    }
    const json* basis = r.required(item, "basis", path, "phrase.hint.basis");
    auto basis_text = basis ? r.text(*basis, path + "/basis", "basis") : std::nullopt;
    if (basis_text) {
      static constexpr std::array<std::pair<std::string_view, Basis>, 5> kBases{{{"weighted", Basis::weighted},
                                                                                   {"indicator", Basis::indicator},
                                                                                   {"equal", Basis::equal},
                                                                                   {"fixed", Basis::fixed},
                                                                                   {"cost", Basis::cost}}};
      auto found = std::find_if(kBases.begin(), kBases.end(), [&](const auto& b) { return b.first == *basis_text; });
      if (found == kBases.end()) {
        r.add("key.basis_unknown", path + "/basis", {{"input", basis_text->substr(0, 60)}});
      } else {
        c.basis = found->second;
      }
    }
    if (c.basis == Basis::weighted) {
      const json* weights = r.required(item, "weights", path, "phrase.hint.weights");
      if (weights != nullptr && r.expect(*weights, json::value_t::object, path + "/weights", "weights")) {
        for (auto it = weights->begin(); it != weights->end(); ++it) {
          std::string wpath = path + "/weights/" + pointer_token(it.key());
          auto found = index.find(it.key());
          if (found == index.end()) {
            r.add("indicator.unknown", wpath, {{"id", it.key().substr(0, 60)}});
            continue;
          }
          if (auto w = r.decimal(it.value(), wpath); w && w->micro != 0) c.weights.emplace_back(found->second, *w);
        }
        if (c.weights.empty() && !r.failed()) r.add("key.weights_none", path + "/weights", {{"name", c.name}});
      }
    } else if (c.basis == Basis::indicator || c.basis == Basis::fixed) {
      if (auto ind = indicator_ref(r, item, path, index)) {
        c.indicator = *ind;
        if (c.basis == Basis::fixed && !s.indicators[*ind].is_amount) {
          r.add("indicator.kind", path + "/indicator", {{"name", c.name}, {"id", s.indicators[*ind].id}});
        }
      }
    }
    s.key.push_back(std::move(c));
  }
  if (shares_known && share_sum != 100 * Decimal::kScale) {
    std::string sum = share_sum > kMaxDecimalMicro ? "> 1 000 000 000 000"
                                                   : format_decimal_plain(Decimal{static_cast<std::int64_t>(share_sum)});
    r.add("key.shares_sum", "/key", {{"sum", sum}});
  }
}

void read_earmarks(FieldReader& r, const json& doc, Scenario& s, const IndicatorIndex& index) {
  const json* list = r.member(doc, "earmarks");
  if (list == nullptr || list->is_null()) return;
  if (!r.expect(*list, json::value_t::array, "/earmarks", "earmarks")) return;
  if (!r.within(*list, r.limits().max_components, "/earmarks")) return;
  for (std::size_t i = 0; i < list->size(); ++i) {
    std::string path = "/earmarks/" + std::to_string(i);
    const json& item = (*list)[i];
    if (!r.expect(item, json::value_t::object, path, "earmarks")) continue;
    r.reject_unknown(item, path, {"name", "indicator", "stated_total"});
    Earmark e;
    if (const json* name = r.member(item, "name")) e.name = r.text(*name, path + "/name", "name").value_or("");
    if (auto ind = indicator_ref(r, item, path, index)) {
      e.indicator = *ind;
      if (!s.indicators[*ind].is_amount) {
        r.add("indicator.kind", path + "/indicator", {{"name", e.name}, {"id", s.indicators[*ind].id}});
      }
    }
    if (e.name.empty()) e.name = s.indicators.empty() ? "Öronmärkt" : s.indicators[e.indicator].label;
    if (const json* stated = r.member(item, "stated_total"); stated != nullptr && !stated->is_null()) {
      e.stated_total = r.amount(*stated, path + "/stated_total");
    }
    s.earmarks.push_back(std::move(e));
  }
}

void read_rounding(FieldReader& r, const json& doc, Scenario& s) {
  const json* rounding = r.member(doc, "rounding");
  if (rounding == nullptr || rounding->is_null()) return;
  if (!r.expect(*rounding, json::value_t::object, "/rounding", "rounding")) return;
  r.reject_unknown(*rounding, "/rounding", {"unit", "method", "first_divisor", "level", "min_units"});
  if (const json* unit = r.member(*rounding, "unit")) {
    if (auto ore = r.amount(*unit, "/rounding/unit")) {
      if (*ore <= 0) {
        r.add("rounding.unit_invalid", "/rounding/unit");
      } else {
        s.rounding.unit = *ore;
      }
    }
  }
  if (const json* method = r.member(*rounding, "method")) {
    if (auto id = r.text(*method, "/rounding/method", "method")) {
      if (auto m = method_from_id(*id)) {
        s.rounding.method = *m;
      } else {
        r.add("rounding.method_unknown", "/rounding/method", {{"input", id->substr(0, 60)}});
      }
    }
  }
  if (const json* divisor = r.member(*rounding, "first_divisor"); divisor != nullptr && !divisor->is_null()) {
    if (auto d = r.decimal(*divisor, "/rounding/first_divisor")) {
      if (d->micro < Decimal::kScale || d->micro >= 3 * Decimal::kScale) {
        r.add("rounding.first_divisor", "/rounding/first_divisor");
      } else {
        s.rounding.first_divisor = *d;
      }
    }
  }
  if (const json* level = r.member(*rounding, "level")) {
    if (auto id = r.text(*level, "/rounding/level", "level")) {
      if (*id == "recipient" || *id == "component") {
        s.rounding.recipient_level = *id == "recipient";
      } else {
        r.add("rounding.level_unknown", "/rounding/level", {{"input", id->substr(0, 60)}});
      }
    }
  }
  // A number of units: written as a number, or as text the way it is typed
  // ("5", "1 000"); negative, too large or not whole is an error.
  if (const json* min = r.member(*rounding, "min_units"); min != nullptr && !min->is_null()) {
    if (auto d = r.decimal(*min, "/rounding/min_units")) {
      if (d->micro % Decimal::kScale != 0) {
        r.add("number.not_whole", "/rounding/min_units", {{"input", quoted_value(*min)}});
      } else {
        s.rounding.min_units = d->micro / Decimal::kScale;
      }
    }
  }
}

}  // namespace

std::string_view basis_id(Basis basis) {
  switch (basis) {
    case Basis::weighted: return "weighted";
    case Basis::indicator: return "indicator";
    case Basis::equal: return "equal";
    case Basis::fixed: return "fixed";
    case Basis::cost: return "cost";
  }
  return "equal";
}

std::optional<Scenario> read_scenario(std::string_view text, const ScenarioLimits& limits,
                                      std::vector<Finding>& findings) {
  // The recipients are read as the parser reaches each one, when the pot
  // and the indicators they refer to came first (as in the canonical form
  // and every file Fördela writes); otherwise from the whole DOM.
  std::optional<TakenRecipients> taken;
  std::optional<FieldReader> taking_reader;
  std::optional<RecipientReader> recipient_reader;
  std::size_t seen = 0;
  const ListTaker taker{
      "recipients",
      [&](const json& so_far) {
        if (!so_far.contains("pot") || !so_far.contains("indicators")) return false;
        taken.emplace();
        // Read again, with their findings, when the document is read.
        std::vector<Finding> early;
        FieldReader early_reader(limits, early);
        read_pot(early_reader, so_far, taken->context);
        read_indicators(early_reader, so_far, taken->context, taken->index);
        taking_reader.emplace(limits, taken->findings);
        recipient_reader.emplace(*taking_reader, taken->context, taken->index, 0);
        return true;
      },
      [&](json& element) {
        // Past the limit the list is refused whole: nothing more to read.
        if (seen++ < limits.max_recipients) recipient_reader->read(seen - 1, element);
      }};
  JsonInput input = read_json(text, limits.max_document_bytes, limits.max_depth, &taker);
  if (input.error) {
    findings.push_back(std::move(*input.error));
    return std::nullopt;
  }
  const json& doc = input.document;
  FieldReader r(limits, findings);
  if (!doc.is_object()) {
    r.add("document.not_object", "");
    return std::nullopt;
  }
  const json* format = r.member(doc, "format");
  if (format == nullptr || !format->is_string() || format->get_ref<const std::string&>() != "fordela-scenario") {
    r.add("document.format", "/format");
    return std::nullopt;
  }
  const json* version = r.member(doc, "version");
  if (version == nullptr || !version->is_number_integer() ||
      (version->is_number_unsigned() ? version->get<std::uint64_t>() < 1 : version->get<std::int64_t>() < 1)) {
    r.add("document.version_invalid", "/version");
    return std::nullopt;
  }
  if (version->is_number_unsigned() ? version->get<std::uint64_t>() > kScenarioVersion
                                    : version->get<std::int64_t>() > kScenarioVersion) {
    r.add("document.version_newer", "/version",
          {{"version", version->dump()}, {"supported", std::to_string(kScenarioVersion)}});
    return std::nullopt;
  }
  return read_document(r, doc, nullptr, taken ? &*taken : nullptr);
}

std::optional<Scenario> read_document(FieldReader& r, const json& doc, const Dates* inherited_dates,
                                      TakenRecipients* taken) {
  const ScenarioLimits& limits = r.limits();
  r.reject_unknown(doc, "",
                   {"format", "version", "title", "notes", "pot", "indicators", "recipients", "key", "earmarks",
                    "rounding"});
  Scenario s;
  if (const json* title = r.member(doc, "title")) s.title = r.text(*title, "/title", "title").value_or("");
  if (const json* notes = r.member(doc, "notes"); notes != nullptr && !notes->is_null()) {
    s.notes = r.text(*notes, "/notes", "notes", kNotesBytesPerStringLimit * limits.max_string_bytes).value_or("");
  }
  s.total_given = read_pot(r, doc, s);
  if (inherited_dates != nullptr && !s.dates.period_start && !s.dates.period_end && !s.dates.requisition_deadline &&
      !s.dates.report_deadline) {
    s.dates = *inherited_dates;
  }
  IndicatorIndex indicator_index;
  read_indicators(r, doc, s, indicator_index);
  read_recipients(r, doc, s, indicator_index, taken);
  read_key(r, doc, s, indicator_index);
  read_earmarks(r, doc, s, indicator_index);
  read_rounding(r, doc, s);

  // Checks across fields that need the whole scenario.
  const Dates& d = s.dates;
  for (std::size_t i = 0; i < s.recipients.size(); ++i) {
    const Recipient& rec = s.recipients[i];
    std::string path = "/recipients/" + std::to_string(i);
    if (rec.requisition_date && d.requisition_deadline && *rec.requisition_date > *d.requisition_deadline) {
      r.add("requisition.after_deadline", path + "/requisition_date",
            {{"name", rec.name}, {"date", format_date(*rec.requisition_date)},
             {"deadline", format_date(*d.requisition_deadline)}});
    }
    if (d.period_start && d.period_end && (rec.activity_from || rec.activity_to)) {
      Date from = rec.activity_from.value_or(*d.period_start);
      Date to = rec.activity_to.value_or(*d.period_end);
      if (from < *d.period_start || to > *d.period_end) {
        r.add("activity.outside_period", path + "/activity",
              {{"name", rec.name}, {"from", format_date(from)}, {"to", format_date(to)},
               {"start", format_date(*d.period_start)}, {"end", format_date(*d.period_end)}});
      }
    }
  }
  if (r.failed()) return std::nullopt;
  return s;
}

}  // namespace fordela::detail
