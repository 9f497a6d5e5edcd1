// One CSV document being written, cell by cell, in a dialect: for the
// result's CSV forms (result_csv.cpp, result_plain_csv.cpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fordela/csv.hpp"
#include "fordela/money.hpp"
#include "fordela/result_csv.hpp"

namespace fordela::detail {

class CsvWriter {
 public:
  explicit CsvWriter(const CsvDialect& dialect) : dialect_(dialect) {
    if (dialect.byte_order_mark) out_ = "\xEF\xBB\xBF";
  }

  void text(std::string_view cell) {
    next();
    append_csv_text_cell(out_, cell, dialect_.separator, dialect_.guard_formulas);
  }

  void amount(std::optional<Ore> ore) {
    if (!ore) return blank();
    decimal(format_kr_plain(*ore));
  }

  // A number written with '.' ("-12.5"), in the dialect's decimal mark and
  // never guarded: a spreadsheet is to read it as a number.
  void decimal(std::string number) {
    next();
    for (char& c : number) {
      if (c == '.') c = dialect_.decimal_mark;
    }
    append_csv_text_cell(out_, number, dialect_.separator, false);
  }

  void blank() { next(); }

  void end_row() {
    out_ += "\r\n";
    first_ = true;
  }

  // The text written so far, handed over: a long document can be passed on
  // row by row.
  std::string take() {
    std::string out = std::move(out_);
    out_.clear();
    return out;
  }
  std::size_t size() const { return out_.size(); }

 private:
  void next() {
    if (!first_) out_ += dialect_.separator;
    first_ = false;
  }

  CsvDialect dialect_;
  std::string out_;
  bool first_ = true;
};

// The head row of the CLI's CSV of a result (result_json_to_csv, and
// write_scenario_result_csv in result_plain_csv.cpp): the name, each
// component's exact amount, the amount by the key, each earmark, the
// total, and the redistribution round's columns when there was one.
void write_plain_result_head(CsvWriter& csv, const std::vector<std::string>& component_names, std::size_t earmarks,
                             bool redistribution);

}  // namespace fordela::detail
