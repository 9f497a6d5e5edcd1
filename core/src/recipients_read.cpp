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
  r.reject_unknown(c, path, {"posts", "cost_per_post", "months", "other"});
  CostSpec cost;
  if (const json* v = r.member(c, "posts")) cost.posts = r.decimal(*v, path + "/posts").value_or(Decimal{});
  if (const json* v = r.member(c, "cost_per_post")) cost.cost_per_post = r.amount(*v, path + "/cost_per_post").value_or(0);
  if (const json* v = r.member(c, "months")) {
    cost.months = r.decimal(*v, path + "/months").value_or(Decimal{12 * Decimal::kScale});
  }
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

void read_recipients(FieldReader& r, const json& doc, Scenario& s,
                     const std::unordered_map<std::string, std::size_t>& indicator_index) {
  const json* list = r.required(doc, "recipients", "", "Lägg till mottagarna.", "Add the recipients.");
  if (list == nullptr || !r.expect(*list, json::value_t::array, "/recipients", "recipients")) return;
  if (list->empty()) {
    r.add("recipients.none", "/recipients");
    return;
  }
  if (list->size() > r.limits().max_recipients) {
    r.add("limit.recipients", "/recipients", {{"limit", std::to_string(r.limits().max_recipients)}});
    return;
  }
  std::unordered_map<std::string, std::size_t> names;
  names.reserve(list->size());
  s.recipients.reserve(list->size());
  for (std::size_t i = 0; i < list->size(); ++i) {
    std::string path = "/recipients/" + std::to_string(i);
    const json& item = (*list)[i];
    Recipient rec;
    rec.values.assign(s.indicators.size(), 0);
    if (!r.expect(item, json::value_t::object, path, "recipients")) {
      s.recipients.push_back(std::move(rec));
      continue;
    }
    r.reject_unknown(item, path,
                     {"name", "values", "requisitioned", "requisition_date", "opted_in", "cost", "activity", "used",
                      "sub"});
    bool name_read = true;
    if (const json* name = r.member(item, "name")) {
      auto text = r.text(*name, path + "/name", "name");
      name_read = text.has_value();
      rec.name = text.value_or("");
    }
    if (!name_read) {
      // Already reported as too long or not text.
    } else if (rec.name.find_first_not_of(" \t") == std::string::npos) {
      r.add("recipients.empty_name", path + "/name", {{"index", std::to_string(i + 1)}});
    } else if (!names.emplace(rec.name, i).second) {
      r.add("recipients.duplicate_name", path + "/name", {{"name", rec.name}});
    }
    if (const json* values = r.member(item, "values"); values != nullptr && !values->is_null()) {
      if (r.expect(*values, json::value_t::object, path + "/values", "values")) {
        for (auto it = values->begin(); it != values->end(); ++it) {
          std::string vpath = path + "/values/" + pointer_token(it.key());
          auto found = indicator_index.find(it.key());
          if (found == indicator_index.end()) {
            r.add("indicator.unknown", vpath, {{"id", it.key().substr(0, 60)}});
            continue;
          }
          const Indicator& ind = s.indicators[found->second];
          if (it.value().is_null()) continue;
          if (ind.is_amount) {
            rec.values[found->second] = r.amount(it.value(), vpath).value_or(0);
          } else {
            rec.values[found->second] = r.decimal(it.value(), vpath).value_or(Decimal{}).micro;
          }
        }
      }
    }
    if (const json* v = r.member(item, "requisitioned")) rec.requisitioned = r.flag(*v, path + "/requisitioned", "requisitioned").value_or(true);
    if (const json* v = r.member(item, "opted_in")) rec.opted_in = r.flag(*v, path + "/opted_in", "opted_in").value_or(false);
    if (const json* v = r.member(item, "requisition_date"); v != nullptr && !v->is_null()) {
      rec.requisition_date = r.date(*v, path + "/requisition_date");
    }
    if (const json* v = r.member(item, "cost"); v != nullptr && !v->is_null()) read_cost(r, *v, path + "/cost", rec);
    if (const json* v = r.member(item, "activity"); v != nullptr && !v->is_null()) {
      if (r.expect(*v, json::value_t::object, path + "/activity", "activity")) {
        r.reject_unknown(*v, path + "/activity", {"from", "to"});
        if (const json* d = r.member(*v, "from"); d != nullptr && !d->is_null()) rec.activity_from = r.date(*d, path + "/activity/from");
        if (const json* d = r.member(*v, "to"); d != nullptr && !d->is_null()) rec.activity_to = r.date(*d, path + "/activity/to");
        if (rec.activity_from && rec.activity_to && *rec.activity_from > *rec.activity_to) {
          r.add("dates.order", path + "/activity/to",
                {{"first", "Verksamhetens början"}, {"first_en", "The activity's start"},
                 {"first_date", format_date(*rec.activity_from)}, {"second", "dess slut"},
                 {"second_en", "its end"}, {"second_date", format_date(*rec.activity_to)}});
        }
      }
    }
    if (const json* v = r.member(item, "used"); v != nullptr && !v->is_null()) rec.used = r.amount(*v, path + "/used");
    if (const json* v = r.member(item, "sub"); v != nullptr && !v->is_null()) {
      if (r.level() >= kMaxLevels) {
        r.add("nested.too_deep", path + "/sub", {{"limit", std::to_string(kMaxLevels)}});
      } else if (r.expect(*v, json::value_t::object, path + "/sub", "sub")) {
        FieldReader sub_reader = r.nested(path + "/sub");
        if (auto sub = read_document(sub_reader, *v, &s.dates)) rec.sub = std::make_shared<const Scenario>(std::move(*sub));
      }
    }
    s.recipients.push_back(std::move(rec));
  }
}

}  // namespace fordela::detail
