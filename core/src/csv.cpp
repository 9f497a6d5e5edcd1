// A CSV reader (RFC 4180 quoting) for recipients and weights that users
// paste or import, with limits so that a stray huge file fails early.
#include "fordela/csv.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fordela {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

std::string_view without_bom(std::string_view text) {
  if (text.starts_with(kByteOrderMark)) text.remove_prefix(kByteOrderMark.size());
  return text;
}

// Reads records one character at a time. A line end is LF, CRLF or a lone
// CR (Excel for Mac still writes those); inside quotes it is kept as it
// stands and belongs to the field.
class Reader {
 public:
  Reader(std::string_view text, char separator, const CsvLimits& limits)
      : text_(text), separator_(separator), limits_(limits) {}

  CsvTable read() {
    while (pos_ < text_.size()) {
      if (fields_.empty()) record_line_ = line_;
      field_line_ = line_;
      if (!(text_[pos_] == '"' ? read_quoted() : read_unquoted())) break;
      if (pos_ < text_.size() && text_[pos_] == separator_) {
        // The next field starts here even if the line ends: "a;" has two.
        ++pos_;
        if (!end_field()) break;
        if (pos_ < text_.size()) continue;
      }
      if (!end_line()) break;
    }
    if (!table_.ok()) {
      table_.rows.clear();
      table_.row_lines.clear();
    }
    return std::move(table_);
  }

 private:
  bool line_is_empty() const { return fields_.empty() && field_.empty() && !field_quoted_; }

  void fail(CsvError error, std::size_t line) {
    table_.error = error;
    table_.error_line = line;
  }

  // Length of the line end at pos, or 0.
  std::size_t line_end_at(std::size_t pos) const {
    if (pos >= text_.size()) return 0;
    if (text_[pos] == '\n') return 1;
    if (text_[pos] == '\r') return pos + 1 < text_.size() && text_[pos + 1] == '\n' ? 2 : 1;
    return 0;
  }

  bool append(char c) {
    if (field_.size() >= limits_.max_field_bytes) {
      fail(CsvError::field_too_long, field_line_);
      return false;
    }
    field_ += c;
    return true;
  }

  bool read_unquoted() {
    // A quote inside an unquoted field is kept as it stands, as Excel does.
    while (pos_ < text_.size() && text_[pos_] != separator_ && line_end_at(pos_) == 0) {
      if (!append(text_[pos_++])) return false;
    }
    return true;
  }

  // Reads "...", with "" for a quote, and checks what follows it.
  bool read_quoted() {
    field_quoted_ = true;
    const std::size_t opened_on = line_;
    ++pos_;
    for (;;) {
      if (pos_ >= text_.size()) {
        fail(CsvError::unterminated_quote, opened_on);
        return false;
      }
      char c = text_[pos_];
      if (c == '"') {
        if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
          if (!append('"')) return false;
          pos_ += 2;
          continue;
        }
        ++pos_;
        break;
      }
      if (std::size_t n = line_end_at(pos_)) {
        for (std::size_t k = 0; k < n; ++k) {
          if (!append(text_[pos_ + k])) return false;
        }
        pos_ += n;
        ++line_;
        continue;
      }
      if (!append(c)) return false;
      ++pos_;
    }
    if (pos_ < text_.size() && text_[pos_] != separator_ && line_end_at(pos_) == 0) {
      fail(CsvError::text_after_quote, line_);
      return false;
    }
    return true;
  }

  bool end_field() {
    if (fields_.size() >= limits_.max_fields_per_row) {
      fail(CsvError::too_many_fields, line_);
      return false;
    }
    fields_.push_back(std::move(field_));
    field_.clear();
    field_quoted_ = false;
    return true;
  }

  // Ends the record at a line end or at the end of the text. A line with
  // nothing on it is no record at all.
  bool end_line() {
    if (!line_is_empty()) {
      if (!end_field()) return false;
      if (table_.rows.size() >= limits_.max_rows) {
        fail(CsvError::too_many_rows, record_line_);
        return false;
      }
      table_.rows.push_back(std::move(fields_));
      table_.row_lines.push_back(record_line_);
      fields_.clear();
    }
    if (std::size_t n = line_end_at(pos_)) {
      pos_ += n;
      ++line_;
    }
    return true;
  }

  std::string_view text_;
  char separator_;
  CsvLimits limits_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;         // line of the character at pos_
  std::size_t record_line_ = 1;  // line where the current record began
  std::size_t field_line_ = 1;   // line where the current field began
  std::vector<std::string> fields_;
  std::string field_;
  bool field_quoted_ = false;
  CsvTable table_;
};

}  // namespace

CsvTable read_csv(std::string_view text, char separator, const CsvLimits& limits) {
  return Reader(without_bom(text), separator, limits).read();
}

void append_csv_text_cell(std::string& out, std::string_view cell, char separator, bool guard_formulas) {
  bool formula = false;
  if (guard_formulas && !cell.empty()) {
    switch (cell.front()) {
      case '=': case '+': case '-': case '@': case '\t': case '\r': case '\0': formula = true; break;
      default: break;
    }
  }
  bool needs_quotes = false;
  for (char c : cell) {
    if (c == separator || c == '"' || c == '\r' || c == '\n') needs_quotes = true;
  }
  if (needs_quotes) out += '"';
  if (formula) out += '\'';
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  if (needs_quotes) out += '"';
}

char guess_separator(std::string_view text) {
  // Only the first record counts, and only outside quotes: a header such
  // as "Namn; ort",Belopp is comma-separated.
  text = without_bom(text);
  bool quoted = false;
  bool semicolon = false;
  for (char c : text) {
    if (c == '"') {
      quoted = !quoted;
    } else if (!quoted) {
      if (c == '\n' || c == '\r') break;
      if (c == '\t') return '\t';
      if (c == ';') semicolon = true;
    }
  }
  return semicolon ? ';' : ',';
}

}  // namespace fordela
