// CSV in and out of the JSON API: the result document written as CSV (the
// CLI's plain form, or Swedish Excel's), and CSV text read into JSON rows
// for the page's import of recipients.
#pragma once

#include <string>
#include <string_view>

namespace fordela {

// How a CSV file is written.
struct CsvDialect {
  char separator = ',';
  char decimal_mark = '.';
  // A UTF-8 byte order mark first: without it Excel reads UTF-8 as ANSI.
  bool byte_order_mark = false;
  // Text cells starting with = + - @ tab CR or NUL get a leading ' so that
  // a spreadsheet shows them as text instead of running them as a formula
  // (append_csv_text_cell in csv.hpp).
  bool guard_formulas = false;
};

// The CLI's CSV: ',' and '.', no BOM (result_json_to_csv in scenario.hpp);
// names guarded as in every CSV Fördela writes, since its files end up in
// spreadsheets too.
inline constexpr CsvDialect kPlainCsv{',', '.', false, true};
// What Excel in Sweden opens with a double click: ';' between cells, ','
// as the decimal mark, UTF-8 with a BOM, no "sep=" line.
inline constexpr CsvDialect kSwedishExcelCsv{';', ',', true, true};

enum class CsvLanguage { swedish, english };

// The result document (compute_scenario_json) as the page's result table:
// the recipient, one column per component of the key (when there is more
// than one, or one that is apportioned), the rounding, the amount by the
// key, the earmarks and their total, the redistribution round; then a
// "Summa"/"Total" row. After the table, an empty line and the summary as
// "label;amount" lines: Pott, Avdrag, Att fördela, Fördelat enligt nyckeln,
// Ej fördelat, Öronmärkt, Totalt (always, zeros included), and with a
// redistribution round "Ej rekvirerat, till omfördelning", Omfördelat, Kvar
// efter omfördelning, Utbetalas (docs/csv-format.md). Amounts are kronor as
// plain numbers ("5900000", "6214587,50"), never grouped and without "kr".
// The headers and labels are in `language`; earmark columns take their
// names from scenario_json when it is given (the result does not carry
// them). Returns "" when result_json is not a result with recipients.
std::string result_json_to_table_csv(std::string_view result_json, const CsvDialect& dialect,
                                     CsvLanguage language, std::string_view scenario_json = {});

// The comparison document (compare_json in compare.hpp) as the page's
// comparison table: the recipient, A and B headed "A: <a_label> (kr)" and
// "B: <b_label> (kr)" (the labels isolated: they may hold a user's title),
// the difference B − A in kronor and in per cent ("-12,5" with the
// dialect's decimal mark, empty when A is 0); then a "Summa"/"Total" row.
// A recipient on one side only has an empty cell on the other. Returns ""
// when compare_json is not a comparison with recipients.
std::string compare_json_to_table_csv(std::string_view compare_json, const CsvDialect& dialect,
                                      CsvLanguage language, std::string_view a_label, std::string_view b_label);

// Reads CSV text, or rows pasted from Excel, with the given separator or,
// when it is '\0', the one guess_separator finds (tab, ';' or ','). Rows
// pasted from Excel are tab-separated even when they hold one column, so
// the page passes '\t' for them. Returns JSON text:
//   {"ok": true, "separator": ";", "rows": [["Namn", "Befolkning"], ...]}
//   {"ok": false, "error": "unterminated_quote", "line": 3}
// with the error names of CsvError. Cells are kept as written: numbers
// stay text, for the scenario reader to parse and report on.
std::string read_csv_json(std::string_view text, char separator = '\0');

}  // namespace fordela
