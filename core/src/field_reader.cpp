// Reading one field of a scenario document: see field_reader.hpp.
#include "field_reader.hpp"

#include <algorithm>
#include <array>

#include "input_errors.hpp"
#include "json_input.hpp"

namespace fordela::detail {
namespace {

using json = nlohmann::json;

// The text of a string, or the source text of a non-integer number.
std::optional<std::string> source_text(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  return number_text(value);
}

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

}  // namespace

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

namespace {

std::string quoted_field(std::string_view key) {
  std::string s(key.substr(0, 60));
  return s;
}

// The catalogue's phrase for what a field must be.
std::string type_phrase(json::value_t type) {
  switch (type) {
    case json::value_t::string: return "phrase.type.text";
    case json::value_t::boolean: return "phrase.type.boolean";
    case json::value_t::object: return "phrase.type.object";
    case json::value_t::array: return "phrase.type.list";
    case json::value_t::number_integer: return "phrase.type.whole_number";
    default: return "phrase.type.value";
  }
}

}  // namespace

void FieldReader::add(std::string_view code, std::string path, const FindingArgs& args) {
  findings_.push_back(make_finding(code, prefix_ + path, args));
}

void FieldReader::add(Finding finding) {
  finding.path = prefix_ + finding.path;
  findings_.push_back(std::move(finding));
}

void FieldReader::reject_unknown(const json& object, const std::string& path, std::initializer_list<std::string_view> known) {
  for (auto it = object.begin(); it != object.end(); ++it) {
    if (std::find(known.begin(), known.end(), it.key()) == known.end()) {
      add("field.unknown", path + "/" + pointer_token(it.key()), {{"field", quoted_field(it.key())}});
    }
  }
}

bool FieldReader::expect(const json& value, json::value_t type, const std::string& path, std::string_view field) {
  bool ok = value.type() == type || (type == json::value_t::number_integer && value.is_number_integer());
  if (!ok) {
    add("field.type", path, {{"field", quoted_field(field)}, {"expected_phrase", type_phrase(type)}});
  }
  return ok;
}

const FieldReader::json* FieldReader::required(const json& object, std::string_view key, const std::string& path,
                                               std::string_view hint) {
  const json* value = member(object, key);
  if (value == nullptr) {
    add("field.missing", path + "/" + pointer_token(key),
        {{"field", std::string(key)}, {"hint_phrase", std::string(hint)}});
  }
  return value;
}

std::optional<std::string> FieldReader::text(const json& value, const std::string& path, std::string_view field,
                                std::size_t max_bytes) {
  if (!expect(value, json::value_t::string, path, field)) return std::nullopt;
  const auto& s = value.get_ref<const std::string&>();
  std::size_t limit = max_bytes > 0 ? max_bytes : limits_.max_string_bytes;
  if (s.size() > limit) {
    add("string.too_long", path, {{"limit", std::to_string(limit)}});
    return std::nullopt;
  }
  return s;
}

bool FieldReader::within(const json& list, std::size_t limit, const std::string& path) {
  if (list.size() <= limit) return true;
  add("limit.list", path, {{"limit", std::to_string(limit)}});
  return false;
}

std::optional<bool> FieldReader::flag(const json& value, const std::string& path, std::string_view field) {
  if (!expect(value, json::value_t::boolean, path, field)) return std::nullopt;
  return value.get<bool>();
}

std::optional<Ore> FieldReader::amount(const json& value, const std::string& path, bool allow_negative) {
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

std::optional<Decimal> FieldReader::decimal(const json& value, const std::string& path, PercentSign percent) {
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
    DecimalParse parsed = parse_decimal(*text, value.is_string() ? Notation::written : Notation::json_number, percent);
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

std::optional<Date> FieldReader::date(const json& value, const std::string& path) {
  if (value.is_string()) {
    if (auto d = parse_date(value.get_ref<const std::string&>())) return d;
  }
  add("date.invalid", path, {{"input", quoted_value(value)}});
  return std::nullopt;
}

}  // namespace fordela::detail
