// The CSV reader on any bytes, with the default limits and with tiny ones
// (so the limit paths run too): never a crash, and a table it reads,
// written back with every field quoted, reads back the same. The page's
// JSON entry point (read_csv_json) answers well-formed JSON.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fordela/csv.hpp"
#include "fordela/result_csv.hpp"
#include "fuzz_support.hpp"

using namespace fordela;

namespace {

std::string write_quoted(const CsvTable& table, char separator) {
  std::string out;
  for (const auto& row : table.rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out += separator;
      out += '"';
      for (char c : row[i]) {
        if (c == '"') out += '"';
        out += c;
      }
      out += '"';
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  // The first byte picks the separator (or lets the reader guess) and
  // the limits; the rest is the text.
  const std::uint8_t mode = data[0];
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  const char separators[] = {0, ',', ';', '\t'};
  char separator = separators[mode & 3];
  if (separator == 0) separator = guess_separator(text);
  FUZZ_CHECK(separator == ',' || separator == ';' || separator == '\t', "a known separator");

  // The page's entry point: the same rows, as JSON.
  const auto answer = fordela::fuzz::must_parse(read_csv_json(text, separators[mode & 3]), "read_csv_json");
  FUZZ_CHECK(answer["ok"].is_boolean(), "read_csv_json answers ok");

  CsvLimits limits;
  if (mode & 4) limits = CsvLimits{4, 4, 16};
  const CsvTable table = read_csv(text, separator, limits);
  if (!table.ok()) {
    FUZZ_CHECK(table.rows.empty(), "no rows on an error");
    FUZZ_CHECK(table.error_line >= 1, "an error names its line");
    return 0;
  }
  FUZZ_CHECK(table.rows.size() <= limits.max_rows, "rows within the limit");
  for (const auto& row : table.rows) {
    FUZZ_CHECK(!row.empty() && row.size() <= limits.max_fields_per_row, "fields within the limit");
    for (const auto& field : row) FUZZ_CHECK(field.size() <= limits.max_field_bytes, "field within the limit");
  }

  FUZZ_CHECK(table.row_lines.size() == table.rows.size(), "a line for every row");
  for (std::size_t r = 1; r < table.row_lines.size(); ++r) {
    FUZZ_CHECK(table.row_lines[r - 1] < table.row_lines[r], "rows begin on later and later lines");
  }

  // Written back as the CLI and the page write names: guarded cells start
  // with ' and read back as written, the guard included.
  for (const auto& row : table.rows) {
    for (const auto& field : row) {
      // After a first cell, so that a BOM starting the field is not
      // taken for the text's own.
      std::string line = std::string("x") + separator;
      append_csv_text_cell(line, field, separator, true);
      const CsvTable one = read_csv(line + "\n", separator, CsvLimits{});
      FUZZ_CHECK(one.ok() && one.rows.size() == 1 && one.rows[0].size() == 2, "one guarded cell reads as one");
      const std::string& back = one.rows[0][1];
      const char first = back.empty() ? '\0' : back[0];
      FUZZ_CHECK(first != '=' && first != '+' && first != '-' && first != '@', "no cell starts a formula");
      FUZZ_CHECK(back == field || back == "'" + field, "a cell reads back, guarded or as it was");
    }
  }

  const CsvTable again = read_csv(write_quoted(table, separator), separator, CsvLimits{});
  FUZZ_CHECK(again.ok(), "the table written back reads");
  FUZZ_CHECK(again.rows == table.rows, "the table written back reads the same");
  return 0;
}
