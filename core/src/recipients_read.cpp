// Reading a scenario's recipients: each one's name, values, requisition,
// costs, activity, report back and sub-scenario, checked field by field.
#include <unordered_map>

#include "field_reader.hpp"
#include "json_input.hpp"
#include "scenario_model.hpp"
#include "scenario_read.hpp"

namespace fordela::detail {
namespace {

using json = nlohmann::json;

void read_cost(FieldReader& r, const json& c, const std::string& path, Recipient& rec) {
  if (!r.expect(c, json::value_t::object, path, "cost")) return;
  r.reject_unknown(c, path, {"posts", "cost_per_post", "months", "other", "pending"});
  CostSpec cost;
  if (const json* v = r.member(c, "posts")) cost.posts = r.decimal(*v, path + "/posts").value_or(Decimal{});
  if (const json* v = r.member(c, "cost_per_post")) cost.cost_per_post = r.amount(*v, path + "/cost_per_post").value_or(0);
  if (const json* v = r.member(c, "months")) {
    cost.months = r.decimal(*v, path + "/months").value_or(Decimal{12 * Decimal::kScale});
  }
  if (const json* v = r.member(c, "pending")) cost.pending = r.flag(*v, path + "/pending", "pending").value_or(false);
  if (const json* other = r.member(c, "other"); other != nullptr && !other->is_null()) {
    if (r.expect(*other, json::value_t::array, path + "/other", "other") &&
        r.within(*other, kMaxListItems, path + "/other")) {
      for (std::size_t i = 0; i < other->size(); ++i) {
        std::string p = path + "/other/" + std::to_string(i);
        const json& o = (*other)[i];
        if (!r.expect(o, json::value_t::object, p, "other")) continue;
        r.reject_unknown(o, p, {"name", "amount"});
        NamedAmount item;
        if (const json* n = r.member(o, "name")) item.name = r.text(*n, p + "/name", "name").value_or("");
        if (const json* a = r.member(o, "amount")) item.amount = r.amount(*a, p + "/amount").value_or(0);
        cost.other.push_back(std::move(item));
      }
    }
  }
  rec.cost = std::move(cost);
}

}  // namespace

RecipientReader::RecipientReader(FieldReader& r, Scenario& s, const IndicatorIndex& index, std::size_t expected)
    : r_(r), s_(s), index_(index) {
  names_.reserve(expected);
  s_.recipients.reserve(expected);
}

void RecipientReader::read(std::size_t i, const json& item) {
  std::string path = "/recipients/" + std::to_string(i);
  Recipient rec;
  rec.values.assign(s_.indicators.size(), 0);
  if (!r_.expect(item, json::value_t::object, path, "recipients")) {
    s_.recipients.push_back(std::move(rec));
    return;
  }
  r_.reject_unknown(item, path,
                    {"name", "values", "requisitioned", "requisition_date", "opted_in", "cost", "activity", "used",
                     "sub"});
  bool name_read = true;
  if (const json* name = r_.member(item, "name")) {
    auto text = r_.text(*name, path + "/name", "name");
    name_read = text.has_value();
    rec.name = text.value_or("");
  }
  if (!name_read) {
    // Already reported as too long or not text.
  } else if (rec.name.find_first_not_of(" \t") == std::string::npos) {
    r_.add("recipients.empty_name", path + "/name", {{"index", std::to_string(i + 1)}});
  } else if (!names_.emplace(rec.name, i).second) {
    r_.add("recipients.duplicate_name", path + "/name", {{"name", rec.name}});
  }
  if (const json* values = r_.member(item, "values"); values != nullptr && !values->is_null()) {
    if (r_.expect(*values, json::value_t::object, path + "/values", "values")) {
      for (auto it = values->begin(); it != values->end(); ++it) {
        std::string vpath = path + "/values/" + pointer_token(it.key());
        auto found = index_.find(it.key());
        if (found == index_.end()) {
          r_.add("indicator.unknown", vpath, {{"id", it.key().substr(0, 60)}});
          continue;
        }
        const Indicator& ind = s_.indicators[found->second];
        if (it.value().is_null()) continue;
        if (ind.is_amount) {
          rec.values[found->second] = r_.amount(it.value(), vpath).value_or(0);
        } else {
          // A column of shares or rates pasted from Excel: "12,5 %" is 12,5.
          rec.values[found->second] = r_.decimal(it.value(), vpath, PercentSign::allowed).value_or(Decimal{}).micro;
        }
      }
    }
  }
  if (const json* v = r_.member(item, "requisitioned")) rec.requisitioned = r_.flag(*v, path + "/requisitioned", "requisitioned").value_or(true);
  if (const json* v = r_.member(item, "opted_in")) rec.opted_in = r_.flag(*v, path + "/opted_in", "opted_in").value_or(false);
  if (const json* v = r_.member(item, "requisition_date"); v != nullptr && !v->is_null()) {
    rec.requisition_date = r_.date(*v, path + "/requisition_date");
  }
  if (const json* v = r_.member(item, "cost"); v != nullptr && !v->is_null()) read_cost(r_, *v, path + "/cost", rec);
  if (const json* v = r_.member(item, "activity"); v != nullptr && !v->is_null()) {
    if (r_.expect(*v, json::value_t::object, path + "/activity", "activity")) {
      r_.reject_unknown(*v, path + "/activity", {"from", "to"});
      if (const json* d = r_.member(*v, "from"); d != nullptr && !d->is_null()) rec.activity_from = r_.date(*d, path + "/activity/from");
      if (const json* d = r_.member(*v, "to"); d != nullptr && !d->is_null()) rec.activity_to = r_.date(*d, path + "/activity/to");
      if (rec.activity_from && rec.activity_to && *rec.activity_from > *rec.activity_to) {
        r_.add("dates.order", path + "/activity/to",
               {{"first_phrase", "phrase.date.activity_start"}, {"first_date", format_date(*rec.activity_from)},
                {"second_phrase", "phrase.date.activity_end"}, {"second_date", format_date(*rec.activity_to)}});
      }
    }
  }
  if (const json* v = r_.member(item, "used"); v != nullptr && !v->is_null()) rec.used = r_.amount(*v, path + "/used");
  if (const json* v = r_.member(item, "sub"); v != nullptr && !v->is_null()) {
    if (r_.level() >= kMaxLevels) {
      r_.add("nested.too_deep", path + "/sub", {{"limit", std::to_string(kMaxLevels)}});
    } else if (r_.expect(*v, json::value_t::object, path + "/sub", "sub")) {
      FieldReader sub_reader = r_.nested(path + "/sub");
      if (auto sub = read_document(sub_reader, *v, &s_.dates)) rec.sub = std::make_shared<const Scenario>(std::move(*sub));
    }
  }
  s_.recipients.push_back(std::move(rec));
}

void read_recipients(FieldReader& r, const json& doc, Scenario& s, const IndicatorIndex& indicator_index,
                     TakenRecipients* taken) {
  const json* list = r.required(doc, "recipients", "", "phrase.hint.recipients");
  if (list == nullptr || !r.expect(*list, json::value_t::array, "/recipients", "recipients")) return;
  if (list->empty()) {
    r.add("recipients.none", "/recipients");
    return;
  }
  if (list->size() > r.limits().max_recipients) {
    r.add("limit.recipients", "/recipients", {{"limit", std::to_string(r.limits().max_recipients)}});
    return;
  }
  if (taken != nullptr) {
    // Read as the JSON was parsed, against the same indicators.
    s.recipients = std::move(taken->context.recipients);
    for (Finding& f : taken->findings) r.add(std::move(f));
    return;
  }
  RecipientReader reader(r, s, indicator_index, list->size());
  for (std::size_t i = 0; i < list->size(); ++i) reader.read(i, (*list)[i]);
}
}  // namespace fordela::detail
