// A CSV reader (RFC 4180 quoting) for recipients and weights pasted or
// imported by the user, and the one writer of a CSV text cell. Separator
// configurable (',' for the CLI, ';' for Swedish Excel, '\t' for rows
// pasted from Excel or Word).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace fordela {

struct CsvLimits {
  std::size_t max_rows = 1'000'000;
  std::size_t max_fields_per_row = 1'000;
  std::size_t max_field_bytes = 10'000;
};

enum class CsvError {
  none,
  unterminated_quote,   // a quoted field never closed
  text_after_quote,     // "abc"x
  too_many_rows,
  too_many_fields,
  field_too_long,
};

struct CsvTable {
  std::vector<std::vector<std::string>> rows;  // header row included
  // The line each row begins on (rows can span lines inside quotes, and
  // empty lines are skipped), for messages that point at a row.
  std::vector<std::size_t> row_lines;
  CsvError error = CsvError::none;
  std::size_t error_line = 0;  // 1-based line where the error was found
  bool ok() const { return error == CsvError::none; }
};

// Reads the whole text. Accepts CRLF or LF line ends, a leading UTF-8 BOM,
// and a missing final line end; skips lines that are entirely empty.
CsvTable read_csv(std::string_view text, char separator = ',', const CsvLimits& limits = {});

// Appends one text cell to `out`: quoted (RFC 4180) when it holds the
// separator, a quote or a line end. With guard_formulas, a cell starting
// with = + - @ tab CR or NUL gets a leading ' first, so that a spreadsheet
// shows it as text instead of running it as a formula. Numbers are not
// text cells: write them unguarded.
void append_csv_text_cell(std::string& out, std::string_view cell, char separator, bool guard_formulas);

// Picks the separator of pasted text: tab if the first line has one, else
// ';' if it has one, else ','.
char guess_separator(std::string_view text);

}  // namespace fordela
