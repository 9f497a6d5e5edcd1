// CSV in and out of the JSON API: the result as CSV for the CLI and for
// Swedish Excel, and CSV text read into JSON rows for the page. Reads the
// result defensively (find and type checks, never at() or value()): the
// core is built without exceptions, where a JSON type error would abort.
#include "fordela/result_csv.hpp"

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "fordela/csv.hpp"
#include "fordela/money.hpp"
#include "csv_writer.hpp"
#include "fordela/scenario.hpp"
#include "messages.hpp"
#include "user_text.hpp"

namespace fordela {
namespace {

using detail::CsvWriter;
using json = nlohmann::json;

const json* member(const json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

const json& array_or_empty(const json* value) {
  static const json empty = json::array();
  return value != nullptr && value->is_array() ? *value : empty;
}

std::string text_of(const json* value) { return value != nullptr && value->is_string() ? value->get<std::string>() : ""; }

std::optional<Ore> ore_of(const json* value) {
  if (value == nullptr) return std::nullopt;
  if (value->is_number_unsigned()) {
    auto u = value->get<std::uint64_t>();
    if (u > static_cast<std::uint64_t>(std::numeric_limits<Ore>::max())) return std::nullopt;
    return static_cast<Ore>(u);
  }
  if (value->is_number_integer()) return value->get<std::int64_t>();
  return std::nullopt;
}

// ---- the page's table ------------------------------------------------------

// The heads are the page's words (web/i18n.js: result.*), from the
// catalogue's "csv.*", so that the file reads as the table on screen and
// as the table copied for Word and Excel.
using detail::say;

bool is_apportioned(const json& component) {
  std::string basis = text_of(member(component, "basis"));
  return basis == "weighted" || basis == "indicator" || basis == "equal";
}

// A column of amounts: the value in each recipient's row, and the total.
struct AmountColumn {
  std::string header;
  std::vector<std::optional<Ore>> values;
  std::optional<Ore> total;
};

// The exact sum of a column, or nothing when a cell is empty or it overflows.
std::optional<Ore> column_sum(const std::vector<std::optional<Ore>>& values) {
  Ore sum = 0;
  for (const auto& v : values) {
    if (!v || __builtin_add_overflow(sum, *v, &sum)) return std::nullopt;
  }
  return sum;
}

// A column's head: a component's or earmark's name (isolated, so that a
// right-to-left override in it cannot turn the words after it around) and
// what the column holds.
std::string header_of(detail::Lang lang, const std::string& name, std::string_view note_key = {}) {
  if (note_key.empty()) return say(lang, "csv.head", {{"name", detail::isolated(name)}});
  return say(lang, "csv.head_noted", {{"name", detail::isolated(name)}, {"note", say(lang, note_key)}});
}

// ---- the summary after the table -------------------------------------------

// After the table, a blank line and one "label;amount" line per figure of
// the page's summary, so that the sheet adds up on its own: Pott − Avdrag =
// Att fördela = Fördelat enligt nyckeln + Ej fördelat; Totalt = Fördelat
// enligt nyckeln + Öronmärkt. The seven lines are always there, zeros
// included, so that a program finds them in place (docs/csv-format.md);
// a redistribution round adds its four.
void write_summary(CsvWriter& csv, const json& result, CsvLanguage language) {
  const detail::Lang lang = language == CsvLanguage::swedish ? detail::Lang::sv : detail::Lang::en;
  const json* totals = member(result, "totals");
  const json* round = member(result, "redistribution");
  auto line = [&](std::string_view word, const json* object, const char* key) {
    csv.text(say(lang, "csv.summary." + std::string(word)));
    csv.amount(object != nullptr ? ore_of(member(*object, key)) : std::nullopt);
    csv.end_row();
  };
  csv.end_row();
  line("pot", totals, "pot_ore");
  line("deductions", totals, "deductions_ore");
  line("net", totals, "net_ore");
  line("formula", totals, "formula_ore");
  line("not_allocated", totals, "not_allocated_ore");
  line("earmarks", totals, "earmarks_ore");
  line("total", totals, "total_ore");
  if (round != nullptr && round->is_object()) {
    line("pool", round, "pool_ore");
    line("redistributed", totals, "redistributed_ore");
    line("pool_left", round, "not_allocated_ore");
    line("final_amount", totals, "final_ore");
  }
}

}  // namespace

std::string result_json_to_csv(std::string_view result_text) {
  const json result = json::parse(result_text, nullptr, false);
  const json* recipients = member(result, "recipients");
  if (result.is_discarded() || recipients == nullptr || !recipients->is_array() || member(result, "components") == nullptr) {
    return "";
  }
  const json& components = array_or_empty(member(result, "components"));
  const std::size_t earmark_count =
      recipients->empty() ? 0 : array_or_empty(member((*recipients)[0], "earmarks_ore")).size();
  const json* redistribution_round = member(result, "redistribution");
  const bool redistribution = redistribution_round != nullptr && !redistribution_round->is_null();

  CsvWriter csv(kPlainCsv);
  std::vector<std::string> names;
  for (const auto& component : components) names.push_back(text_of(member(component, "name")));
  detail::write_plain_result_head(csv, names, earmark_count, redistribution);
  for (const auto& r : *recipients) {
    csv.text(text_of(member(r, "name")));
    for (const auto& part : array_or_empty(member(r, "components"))) csv.amount(ore_of(member(part, "exact_ore")));
    csv.amount(ore_of(member(r, "formula_ore")));
    for (const auto& e : array_or_empty(member(r, "earmarks_ore"))) csv.amount(ore_of(&e));
    csv.amount(ore_of(member(r, "total_ore")));
    if (redistribution) {
      csv.amount(ore_of(member(r, "unrequisitioned_ore")));
      csv.amount(ore_of(member(r, "redistribution_ore")));
      csv.amount(ore_of(member(r, "final_ore")));
    }
    csv.end_row();
  }
  const json totals = member(result, "totals") != nullptr ? *member(result, "totals") : json::object();
  csv.text("TOTAL");
  for (std::size_t i = 0; i < components.size(); ++i) csv.blank();
  csv.amount(ore_of(member(totals, "formula_ore")));
  for (std::size_t e = 0; e < earmark_count; ++e) csv.blank();
  csv.amount(ore_of(member(totals, "total_ore")));
  if (redistribution) {
    csv.amount(ore_of(member(totals, "unrequisitioned_ore")));
    csv.amount(ore_of(member(totals, "redistributed_ore")));
    csv.amount(ore_of(member(totals, "final_ore")));
  }
  csv.end_row();
  return csv.take();
}

std::string result_json_to_table_csv(std::string_view result_text, const CsvDialect& dialect, CsvLanguage language,
                                     std::string_view scenario_text) {
  const json result = json::parse(result_text, nullptr, false);
  const json* recipients_json = member(result, "recipients");
  if (result.is_discarded() || recipients_json == nullptr || !recipients_json->is_array()) return "";
  const json& rows = *recipients_json;
  const json& components = array_or_empty(member(result, "components"));
  const json* totals_json = member(result, "totals");
  const json totals = totals_json != nullptr && totals_json->is_object() ? *totals_json : json::object();
  const detail::Lang lang = language == CsvLanguage::swedish ? detail::Lang::sv : detail::Lang::en;

  json scenario = json::object();
  if (!scenario_text.empty()) {
    scenario = json::parse(scenario_text, nullptr, false);
    if (scenario.is_discarded()) scenario = json::object();
  }
  const json& earmark_specs = array_or_empty(member(scenario, "earmarks"));

  auto per_row = [&](auto&& cell) {
    std::vector<std::optional<Ore>> values;
    values.reserve(rows.size());
    for (const auto& r : rows) values.push_back(cell(r));
    return values;
  };

  std::vector<AmountColumn> columns;
  bool any_apportioned = false;
  for (const auto& c : components) any_apportioned = any_apportioned || is_apportioned(c);
  if (components.size() > 1 || any_apportioned) {
    for (std::size_t i = 0; i < components.size(); ++i) {
      const json& component = components[i];
      // Rounded for the recipient as a whole: each component is exact.
      bool exact = !rows.empty();
      for (const auto& r : rows) {
        const json& parts = array_or_empty(member(r, "components"));
        exact = exact && i < parts.size() && member(parts[i], "amount_ore") != nullptr &&
                member(parts[i], "amount_ore")->is_null();
      }
      std::string name = text_of(member(component, "name"));
      if (name.empty()) name = say(lang, "csv.component_n", {{"n", std::to_string(i + 1)}});
      AmountColumn column{header_of(lang, name, exact ? "csv.exact" : ""), per_row([&](const json& r) {
                            const json& parts = array_or_empty(member(r, "components"));
                            if (i >= parts.size()) return std::optional<Ore>();
                            auto amount = ore_of(member(parts[i], "amount_ore"));
                            return amount ? amount : ore_of(member(parts[i], "exact_ore"));
                          }),
                          std::nullopt};
      column.total = exact ? ore_of(member(component, "frame_ore")) : column_sum(column.values);
      columns.push_back(std::move(column));
    }
  }
  if (any_apportioned) {
    columns.push_back({header_of(lang, say(lang, "csv.rounding")),
                       per_row([&](const json& r) { return ore_of(member(r, "rounding_ore")); }), std::nullopt});
  }
  columns.push_back({header_of(lang, say(lang, "csv.formula")),
                     per_row([&](const json& r) { return ore_of(member(r, "formula_ore")); }),
                     ore_of(member(totals, "formula_ore"))});
  const std::size_t earmark_count = rows.empty() ? 0 : array_or_empty(member(rows[0], "earmarks_ore")).size();
  for (std::size_t e = 0; e < earmark_count; ++e) {
    std::string name = e < earmark_specs.size() ? text_of(member(earmark_specs[e], "name")) : "";
    if (name.empty()) name = say(lang, "csv.earmark_n", {{"n", std::to_string(e + 1)}});
    AmountColumn column{header_of(lang, name, "csv.earmarked"), per_row([&](const json& r) {
                          const json& list = array_or_empty(member(r, "earmarks_ore"));
                          return e < list.size() ? ore_of(&list[e]) : std::optional<Ore>();
                        }),
                        std::nullopt};
    column.total = column_sum(column.values);
    columns.push_back(std::move(column));
  }
  if (earmark_count > 0) {
    columns.push_back({header_of(lang, say(lang, "csv.total")),
                       per_row([&](const json& r) { return ore_of(member(r, "total_ore")); }),
                       ore_of(member(totals, "total_ore"))});
  }
  const json* round = member(result, "redistribution");
  if (round != nullptr && !round->is_null()) {
    // Given back, a negative amount: each row then adds up, Total + Not
    // requisitioned + Redistribution = Paid out, and so do the sums.
    columns.push_back({header_of(lang, say(lang, "csv.returned")),
                       per_row([&](const json& r) { return ore_of(member(r, "unrequisitioned_ore")); }),
                       ore_of(member(totals, "unrequisitioned_ore"))});
    columns.push_back({header_of(lang, say(lang, "csv.redistribution")),
                       per_row([&](const json& r) { return ore_of(member(r, "redistribution_ore")); }),
                       ore_of(member(totals, "redistributed_ore"))});
    columns.push_back({header_of(lang, say(lang, "csv.final")),
                       per_row([&](const json& r) { return ore_of(member(r, "final_ore")); }),
                       ore_of(member(totals, "final_ore"))});
  }

  CsvWriter csv(dialect);
  csv.text(say(lang, "csv.recipient"));
  for (const auto& column : columns) csv.text(column.header);
  csv.end_row();
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::string name = text_of(member(rows[r], "name"));
    csv.text(name.empty() ? say(lang, "csv.recipient_n", {{"n", std::to_string(r + 1)}}) : name);
    for (const auto& column : columns) csv.amount(column.values[r]);
    csv.end_row();
  }
  csv.text(say(lang, "csv.totals"));
  for (const auto& column : columns) csv.amount(column.total);
  csv.end_row();
  write_summary(csv, result, language);
  return csv.take();
}

namespace {

// compare_json's per cent ("-12.5"), or nothing when it is anything else:
// the cell is written unguarded, so only a number may go in.
std::optional<std::string> percent_of(const json* value) {
  if (value == nullptr || !value->is_string()) return std::nullopt;
  const std::string text = value->get<std::string>();
  std::size_t i = text.starts_with('-') ? 1 : 0;
  const std::size_t digits_from = i;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
  if (i == digits_from || i + 2 != text.size() || text[i] != '.' || text[i + 1] < '0' || text[i + 1] > '9') {
    return std::nullopt;
  }
  return text;
}

}  // namespace

std::string compare_json_to_table_csv(std::string_view compare_text, const CsvDialect& dialect, CsvLanguage language,
                                      std::string_view a_label, std::string_view b_label) {
  const json comparison = json::parse(compare_text, nullptr, false);
  const json* rows = member(comparison, "recipients");
  if (comparison.is_discarded() || rows == nullptr || !rows->is_array()) return "";
  const detail::Lang lang = language == CsvLanguage::swedish ? detail::Lang::sv : detail::Lang::en;
  CsvWriter csv(dialect);
  auto amounts = [&](const json* row, bool has_a, bool has_b) {
    csv.amount(has_a ? ore_of(member(*row, "a_ore")) : std::nullopt);
    csv.amount(has_b ? ore_of(member(*row, "b_ore")) : std::nullopt);
    csv.amount(ore_of(member(*row, "diff_ore")));
    if (auto percent = percent_of(member(*row, "diff_percent"))) csv.decimal(*percent);
    else csv.blank();
    csv.end_row();
  };
  csv.text(say(lang, "csv.recipient"));
  csv.text("A: " + detail::isolated(a_label) + " (kr)");
  csv.text("B: " + detail::isolated(b_label) + " (kr)");
  csv.text(say(lang, "csv.compare.diff"));
  csv.text(say(lang, "csv.compare.diff_percent"));
  csv.end_row();
  for (const auto& row : *rows) {
    // A recipient on one side only has no amount on the other: an empty
    // cell, as the page's "–", which a sum in the sheet counts as 0.
    const std::string only = text_of(member(row, "only_in"));
    csv.text(text_of(member(row, "name")));
    amounts(&row, only != "b", only != "a");
  }
  static const json no_totals = json::object();
  const json* totals = member(comparison, "totals");
  csv.text(say(lang, "csv.totals"));
  amounts(totals != nullptr && totals->is_object() ? totals : &no_totals, true, true);
  return csv.take();
}

std::string read_csv_json(std::string_view text, char separator) {
  if (separator == '\0') separator = guess_separator(text);
  const CsvTable table = read_csv(text, separator);
  nlohmann::ordered_json out;
  out["ok"] = table.ok();
  if (!table.ok()) {
    const char* error = "";
    switch (table.error) {
      case CsvError::none: break;
      case CsvError::unterminated_quote: error = "unterminated_quote"; break;
      case CsvError::text_after_quote: error = "text_after_quote"; break;
      case CsvError::too_many_rows: error = "too_many_rows"; break;
      case CsvError::too_many_fields: error = "too_many_fields"; break;
      case CsvError::field_too_long: error = "field_too_long"; break;
    }
    out["error"] = error;
    out["line"] = table.error_line;
  } else {
    out["separator"] = std::string(1, separator);
    out["rows"] = table.rows;
  }
  return out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace fordela
