// A CSV reader (RFC 4180 quoting) for recipients and weights pasted or
// imported by the user. Separator configurable (',' for the CLI, ';' for
// Swedish Excel, '\t' for rows pasted from Excel or Word).
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
  CsvError error = CsvError::none;
  std::size_t error_line = 0;  // 1-based line where the error was found
  bool ok() const { return error == CsvError::none; }
};

// Reads the whole text. Accepts CRLF or LF line ends, a leading UTF-8 BOM,
// and a missing final line end; skips lines that are entirely empty.
CsvTable read_csv(std::string_view text, char separator = ',', const CsvLimits& limits = {});

// Picks the separator of pasted text: tab if the first line has one, else
// ';' if it has one, else ','.
char guess_separator(std::string_view text);

}  // namespace fordela
