// Reading a scenario document: every field checked, every problem a
// finding with the JSON pointer of the field it concerns.
#include <algorithm>
#include <array>
#include <set>
#include <unordered_map>

#include "input_errors.hpp"
#include "json_input.hpp"
#include "scenario_model.hpp"

namespace fordela::detail {
namespace {

using json = nlohmann::json;

// Notes may be ten times as long as a name.
constexpr std::size_t kNotesBytesPerStringLimit = 10;
// Deductions, other costs and earmarks per list.
constexpr std::size_t kMaxListItems = 1000;

// The text of a string, or the source text of a non-integer number.
std::optional<std::string> source_text(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  return number_text(value);
}

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

std::optional<Date> parse_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const std::array<std::pair<int, int>, 3> spans{{{0, 4}, {5, 2}, {8, 2}}};
  for (int p = 0; p < 3; ++p) {
    for (int i = 0; i < spans[p].second; ++i) {
      char c = s[spans[p].first + i];
      if (c < '0' || c > '9') return std::nullopt;
      parts[p] = parts[p] * 10 + (c - '0');
    }
  }
  int year = parts[0], month = parts[1], day = parts[2];
  static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1900 || month < 1 || month > 12 || day < 1) return std::nullopt;
  int days = kDays[month - 1] + ((month == 2 && is_leap(year)) ? 1 : 0);
  if (day > days) return std::nullopt;
  return year * 10000 + month * 100 + day;
}

// Walks the document, collecting findings. Each accessor returns nullopt
// (after a finding) when the value is unusable.
class Reader {
 public:
  // prefix: the JSON pointer of the (sub-)document read; level: 1 for the
  // top, 2 for a recipient's sub-scenario, and so on.
  Reader(const ScenarioLimits& limits, std::vector<Finding>& findings, std::string prefix = "", int level = 1)
      : limits_(limits), findings_(findings), prefix_(std::move(prefix)), level_(level) {}

  void add(std::string_view code, std::string path, const FindingArgs& args = {}) {
    findings_.push_back(make_finding(code, prefix_ + path, args));
  }
  void add(Finding finding) {
    finding.path = prefix_ + finding.path;
    findings_.push_back(std::move(finding));
  }
  Reader nested(const std::string& path) { return Reader(limits_, findings_, prefix_ + path, level_ + 1); }
  int level() const { return level_; }
  bool top() const { return level_ == 1; }
  bool failed() const { return has_errors(findings_); }

  const json* member(const json& object, std::string_view key) const {
    auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
  }

  void reject_unknown(const json& object, const std::string& path, std::initializer_list<std::string_view> known) {
    for (auto it = object.begin(); it != object.end(); ++it) {
      if (std::find(known.begin(), known.end(), it.key()) == known.end()) {
        add("field.unknown", path + "/" + pointer_token(it.key()), {{"field", quoted_field(it.key())}});
      }
    }
  }

  bool expect(const json& value, json::value_t type, const std::string& path, std::string_view field) {
    bool ok = value.type() == type || (type == json::value_t::number_integer && value.is_number_integer());
    if (!ok) {
      add("field.type", path, {{"field", quoted_field(field)}, {"expected_phrase", type_phrase(type)}});
    }
    return ok;
  }

  const json* required(const json& object, std::string_view key, const std::string& path, std::string_view hint) {
    const json* value = member(object, key);
    if (value == nullptr) {
      add("field.missing", path + "/" + pointer_token(key),
          {{"field", std::string(key)}, {"hint_phrase", std::string(hint)}});
    }
    return value;
  }

  std::optional<std::string> text(const json& value, const std::string& path, std::string_view field,
                                  std::size_t max_bytes = 0) {
    if (!expect(value, json::value_t::string, path, field)) return std::nullopt;
    const auto& s = value.get_ref<const std::string&>();
    std::size_t limit = max_bytes > 0 ? max_bytes : limits_.max_string_bytes;
    if (s.size() > limit) {
      add("string.too_long", path, {{"limit", std::to_string(limit)}});
      return std::nullopt;
    }
    return s;
  }

  // Lists other than recipients are bounded too; past the bound, an error
  // rather than a silent cut.
  bool within(const json& list, std::size_t limit, const std::string& path) {
    if (list.size() <= limit) return true;
    add("limit.list", path, {{"limit", std::to_string(limit)}});
    return false;
  }

  std::optional<bool> flag(const json& value, const std::string& path, std::string_view field) {
    if (!expect(value, json::value_t::boolean, path, field)) return std::nullopt;
    return value.get<bool>();
  }

  std::optional<Ore> amount(const json& value, const std::string& path, bool allow_negative = false) {
    Ore ore = 0;
    if (value.is_number_integer()) {
      // Whole kronor as a JSON integer.
      bool negative = value.is_number_integer() && !value.is_number_unsigned() && value.get<std::int64_t>() < 0;
      if (value.is_number_unsigned() ? value.get<std::uint64_t>() > std::uint64_t(kMaxAmountOre / kOrePerKrona)
                                      : (value.get<std::int64_t>() > kMaxAmountOre / kOrePerKrona ||
                                         value.get<std::int64_t>() < -kMaxAmountOre / kOrePerKrona)) {
        add("amount.out_of_range", path, {{"input", quoted_value(value)}});
        return std::nullopt;
      }
      ore = (negative ? value.get<std::int64_t>() : std::int64_t(value.get<std::uint64_t>())) * kOrePerKrona;
    } else if (auto text = source_text(value)) {
      AmountParse parsed = parse_amount(*text);
      if (!parsed.ok()) {
        add(amount_finding(parsed.error, path, *text));
        return std::nullopt;
      }
      ore = parsed.ore;
    } else {
      add("amount.syntax", path, {{"input", quoted_value(value)}});
      return std::nullopt;
    }
    if (ore < 0 && !allow_negative) {
      add("amount.negative", path, {{"input", quoted_value(value)}});
      return std::nullopt;
    }
    return ore;
  }

  std::optional<Decimal> decimal(const json& value, const std::string& path) {
    Decimal d{};
    if (value.is_number_integer()) {
      constexpr std::int64_t kMaxWhole = kMaxDecimalMicro / Decimal::kScale;
      bool in_range = value.is_number_unsigned() ? value.get<std::uint64_t>() <= std::uint64_t(kMaxWhole)
                                                 : value.get<std::int64_t>() >= -kMaxWhole && value.get<std::int64_t>() <= kMaxWhole;
      if (!in_range) {
        add("number.out_of_range", path, {{"input", quoted_value(value)}, {"max", "1 000 000 000 000"}});
        return std::nullopt;
      }
      d.micro = value.get<std::int64_t>() * Decimal::kScale;
    } else if (auto text = source_text(value)) {
      // A JSON number's '.' is its decimal mark: only text is ambiguous.
      DecimalParse parsed = parse_decimal(*text, value.is_string() ? Notation::written : Notation::json_number);
      if (!parsed.ok()) {
        add(number_finding(parsed.error, path, *text));
        return std::nullopt;
      }
      d = parsed.value;
    } else {
      add("number.syntax", path, {{"input", quoted_value(value)}});
      return std::nullopt;
    }
    if (d.micro < 0) {
      add("number.negative", path, {{"input", quoted_value(value)}});
      return std::nullopt;
    }
    return d;
  }

  std::optional<Date> date(const json& value, const std::string& path) {
    if (value.is_string()) {
      if (auto d = parse_date(value.get_ref<const std::string&>())) return d;
    }
    add("date.invalid", path, {{"input", quoted_value(value)}});
    return std::nullopt;
  }

  const ScenarioLimits& limits() const { return limits_; }

 private:
  static std::string quoted_field(std::string_view key) {
    std::string s(key.substr(0, 60));
    return s;
  }
  static std::string type_phrase(json::value_t type) {
    switch (type) {
      case json::value_t::string: return "phrase.type.text";
      case json::value_t::boolean: return "phrase.type.boolean";
      case json::value_t::object: return "phrase.type.object";
      case json::value_t::array: return "phrase.type.list";
      case json::value_t::number_integer: return "phrase.type.whole_number";
      default: return "phrase.type.value";
    }
  }
  const ScenarioLimits& limits_;
  std::vector<Finding>& findings_;
  std::string prefix_;
  int level_;
};

std::optional<Scenario> read_document(Reader& r, const json& doc, const Dates* inherited_dates);

void read_dates(Reader& r, const json& pot, Scenario& s) {
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
bool read_pot(Reader& r, const json& doc, Scenario& s) {
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

void read_indicators(Reader& r, const json& doc, Scenario& s, std::unordered_map<std::string, std::size_t>& index) {
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

void read_cost(Reader& r, const json& c, const std::string& path, Recipient& rec) {
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

void read_recipients(Reader& r, const json& doc, Scenario& s,
                     const std::unordered_map<std::string, std::size_t>& indicator_index) {
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
                {{"first_phrase", "phrase.date.activity_start"}, {"first_date", format_date(*rec.activity_from)},
                 {"second_phrase", "phrase.date.activity_end"}, {"second_date", format_date(*rec.activity_to)}});
        }
      }
    }
    if (const json* v = r.member(item, "used"); v != nullptr && !v->is_null()) rec.used = r.amount(*v, path + "/used");
    if (const json* v = r.member(item, "sub"); v != nullptr && !v->is_null()) {
      if (r.level() >= kMaxLevels) {
        r.add("nested.too_deep", path + "/sub", {{"limit", std::to_string(kMaxLevels)}});
      } else if (r.expect(*v, json::value_t::object, path + "/sub", "sub")) {
        Reader sub_reader = r.nested(path + "/sub");
        if (auto sub = read_document(sub_reader, *v, &s.dates)) rec.sub = std::make_shared<const Scenario>(std::move(*sub));
      }
    }
    s.recipients.push_back(std::move(rec));
  }
}

std::optional<std::size_t> indicator_ref(Reader& r, const json& item, const std::string& path,
                                         const std::unordered_map<std::string, std::size_t>& index) {
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

void read_key(Reader& r, const json& doc, Scenario& s, const std::unordered_map<std::string, std::size_t>& index) {
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
      if (auto d = r.decimal(*share, path + "/share")) {
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

void read_earmarks(Reader& r, const json& doc, Scenario& s, const std::unordered_map<std::string, std::size_t>& index) {
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

void read_rounding(Reader& r, const json& doc, Scenario& s) {
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

std::string format_date(Date date) {
  char buf[11];
  int y = date / 10000, m = (date / 100) % 100, d = date % 100;
  buf[0] = char('0' + y / 1000 % 10);
  buf[1] = char('0' + y / 100 % 10);
  buf[2] = char('0' + y / 10 % 10);
  buf[3] = char('0' + y % 10);
  buf[4] = '-';
  buf[5] = char('0' + m / 10);
  buf[6] = char('0' + m % 10);
  buf[7] = '-';
  buf[8] = char('0' + d / 10);
  buf[9] = char('0' + d % 10);
  buf[10] = 0;
  return buf;
}

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
  JsonInput input = read_json(text, limits.max_document_bytes, limits.max_depth);
  if (input.error) {
    findings.push_back(std::move(*input.error));
    return std::nullopt;
  }
  const json& doc = input.document;
  Reader r(limits, findings);
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
  return read_document(r, doc, nullptr);
}

namespace {

// The body of a scenario document, at the top or as a recipient's
// sub-scenario (which may leave out the pot and inherits the dates).
std::optional<Scenario> read_document(Reader& r, const json& doc, const Dates* inherited_dates) {
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
  std::unordered_map<std::string, std::size_t> indicator_index;
  read_indicators(r, doc, s, indicator_index);
  read_recipients(r, doc, s, indicator_index);
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

}  // namespace
}  // namespace fordela::detail
