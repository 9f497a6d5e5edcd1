// Reading recipient lists as Excel, Word and other tools export or paste them.
#include "fordela/csv.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace fordela {
namespace {

using Rows = std::vector<std::vector<std::string>>;

std::string_view name(CsvError e) {
  switch (e) {
    case CsvError::none: return "none";
    case CsvError::unterminated_quote: return "unterminated_quote";
    case CsvError::text_after_quote: return "text_after_quote";
    case CsvError::too_many_rows: return "too_many_rows";
    case CsvError::too_many_fields: return "too_many_fields";
    case CsvError::field_too_long: return "field_too_long";
  }
  return "?";
}

Rows rows_of(std::string_view text, char separator = ',') {
  CsvTable t = read_csv(text, separator);
  EXPECT_TRUE(t.ok()) << name(t.error) << " on line " << t.error_line;
  return t.rows;
}

// ---- what it reads ----

TEST(ReadCsv, ReadsACommaSeparatedRecipientList) {
  EXPECT_EQ(rows_of("namn,invånare\nAlby,48000\nBoda,12000\n"),
            (Rows{{"namn", "invånare"}, {"Alby", "48000"}, {"Boda", "12000"}}));
}

TEST(ReadCsv, ReadsSemicolonsAsSwedishExcelWritesThem) {
  EXPECT_EQ(rows_of("Förening;Belopp\r\nIK Alby;1 234,50\r\n", ';'),
            (Rows{{"Förening", "Belopp"}, {"IK Alby", "1 234,50"}}));
}

TEST(ReadCsv, ReadsTabsAsPastedFromExcel) {
  EXPECT_EQ(rows_of("Alby\t48 000\t0,5\nBoda\t12 000\t1\n", '\t'),
            (Rows{{"Alby", "48 000", "0,5"}, {"Boda", "12 000", "1"}}));
}

TEST(ReadCsv, AcceptsCrlfLfAndLoneCrLineEnds) {
  EXPECT_EQ(rows_of("a,b\r\nc,d\ne,f\rg,h"),
            (Rows{{"a", "b"}, {"c", "d"}, {"e", "f"}, {"g", "h"}}));
}

TEST(ReadCsv, SkipsALeadingByteOrderMark) {
  EXPECT_EQ(rows_of("\xEF\xBB\xBFnamn;belopp\nAlby;5\n", ';'),
            (Rows{{"namn", "belopp"}, {"Alby", "5"}}));
  EXPECT_EQ(rows_of("\xEF\xBB\xBF"), Rows{});
}

TEST(ReadCsv, KeepsAByteOrderMarkThatIsNotAtTheStart) {
  EXPECT_EQ(rows_of("a\n\xEF\xBB\xBF" "b"), (Rows{{"a"}, {"\xEF\xBB\xBF" "b"}}));
}

TEST(ReadCsv, AcceptsAMissingFinalLineEnd) {
  EXPECT_EQ(rows_of("a,b\nc,d"), (Rows{{"a", "b"}, {"c", "d"}}));
}

TEST(ReadCsv, SkipsLinesThatAreEntirelyEmpty) {
  EXPECT_EQ(rows_of("\n\na,b\n\r\n\nc,d\n\n"), (Rows{{"a", "b"}, {"c", "d"}}));
  EXPECT_EQ(rows_of(""), Rows{});
  EXPECT_EQ(rows_of("\r\n\r\n"), Rows{});
}

TEST(ReadCsv, KeepsLinesOfEmptyFieldsAndLinesOfSpaces) {
  // Only a line with nothing on it is skipped; ";;" is three empty cells.
  EXPECT_EQ(rows_of("a;b;c\n;;\n  \n", ';'), (Rows{{"a", "b", "c"}, {"", "", ""}, {"  "}}));
  EXPECT_EQ(rows_of("\"\"\n"), (Rows{{""}}));
}

TEST(ReadCsv, KeepsEmptyFieldsAtTheStartAndEndOfALine) {
  EXPECT_EQ(rows_of(",a,\n,\n"), (Rows{{"", "a", ""}, {"", ""}}));
  EXPECT_EQ(rows_of("a,"), (Rows{{"a", ""}}));
}

TEST(ReadCsv, KeepsSpacesInsideFields) {
  EXPECT_EQ(rows_of(" Alby , 48 000 \n"), (Rows{{" Alby ", " 48 000 "}}));
}

TEST(ReadCsv, ReadsQuotedFieldsWithSeparatorsAndDoubledQuotes) {
  EXPECT_EQ(rows_of("\"Alby, norra\",\"5 000\"\n\"Säg \"\"hej\"\"\",x\n"),
            (Rows{{"Alby, norra", "5 000"}, {"Säg \"hej\"", "x"}}));
  EXPECT_EQ(rows_of("\"1 234,50\";\"a;b\"", ';'), (Rows{{"1 234,50", "a;b"}}));
  EXPECT_EQ(rows_of("\"\"\"\""), (Rows{{"\""}}));
  EXPECT_EQ(rows_of("\"\",\"\""), (Rows{{"", ""}}));
}

TEST(ReadCsv, KeepsLineBreaksInsideQuotes) {
  EXPECT_EQ(rows_of("namn,not\nAlby,\"rad ett\nrad två\"\nBoda,\"a\r\nb\"\n"),
            (Rows{{"namn", "not"}, {"Alby", "rad ett\nrad två"}, {"Boda", "a\r\nb"}}));
}

TEST(ReadCsv, KeepsAQuoteInsideAnUnquotedFieldAsItStands) {
  EXPECT_EQ(rows_of("12\" skärm,5\n"), (Rows{{"12\" skärm", "5"}}));
}

TEST(ReadCsv, TreatsOtherSeparatorsAsText) {
  EXPECT_EQ(rows_of("a,b;c\td", ';'), (Rows{{"a,b", "c\td"}}));
}

// ---- errors, with the line to show the user ----

TEST(ReadCsv, ReportsAnUnterminatedQuoteOnTheLineWhereItOpened) {
  CsvTable t = read_csv("namn,not\nAlby,5\nBoda,\"aldrig stängd\nmer\nännu mer\n");
  EXPECT_EQ(name(t.error), "unterminated_quote");
  EXPECT_EQ(t.error_line, 3u);
  EXPECT_TRUE(t.rows.empty());
}

TEST(ReadCsv, ReportsTextAfterAClosingQuote) {
  CsvTable t = read_csv("a,b\n\"abc\"x,5\n");
  EXPECT_EQ(name(t.error), "text_after_quote");
  EXPECT_EQ(t.error_line, 2u);
  EXPECT_TRUE(t.rows.empty());

  CsvTable space = read_csv("\"abc\" ,5\n");
  EXPECT_EQ(name(space.error), "text_after_quote");
  EXPECT_EQ(space.error_line, 1u);
}

TEST(ReadCsv, CountsLinesInsideQuotedFieldsWhenReportingErrors) {
  CsvTable t = read_csv("a,\"x\r\ny\r\nz\"\r\n\"q\"r\r\n");
  EXPECT_EQ(name(t.error), "text_after_quote");
  EXPECT_EQ(t.error_line, 4u);
}

TEST(ReadCsv, CountsSkippedEmptyLinesWhenReportingErrors) {
  CsvTable t = read_csv("a\n\n\nb\"\n\"c");
  EXPECT_EQ(name(t.error), "unterminated_quote");
  EXPECT_EQ(t.error_line, 5u);
}

TEST(ReadCsv, StopsAtTheRowLimit) {
  CsvLimits limits;
  limits.max_rows = 3;
  EXPECT_TRUE(read_csv("a\nb\nc\n", ',', limits).ok());
  EXPECT_TRUE(read_csv("a\nb\n\n\nc\n\n", ',', limits).ok());

  CsvTable t = read_csv("a\nb\n\nc\nd\ne\n", ',', limits);
  EXPECT_EQ(name(t.error), "too_many_rows");
  EXPECT_EQ(t.error_line, 5u);
  EXPECT_TRUE(t.rows.empty());
}

TEST(ReadCsv, StopsAtTheFieldLimit) {
  CsvLimits limits;
  limits.max_fields_per_row = 3;
  EXPECT_TRUE(read_csv("a,b,c\n1,2,3", ',', limits).ok());
  EXPECT_TRUE(read_csv("a,b,", ',', limits).ok());

  CsvTable t = read_csv("a,b,c\n1,2,3\n1,2,3,4\n", ',', limits);
  EXPECT_EQ(name(t.error), "too_many_fields");
  EXPECT_EQ(t.error_line, 3u);

  CsvTable trailing = read_csv("a,b,c,", ',', limits);
  EXPECT_EQ(name(trailing.error), "too_many_fields");
  EXPECT_EQ(trailing.error_line, 1u);
}

TEST(ReadCsv, StopsAtTheFieldLengthLimit) {
  CsvLimits limits;
  limits.max_field_bytes = 5;
  EXPECT_TRUE(read_csv("12345,\"a\"\"bcd\"", ',', limits).ok());

  CsvTable plain = read_csv("a\nb\n123456\n", ',', limits);
  EXPECT_EQ(name(plain.error), "field_too_long");
  EXPECT_EQ(plain.error_line, 3u);

  CsvTable quoted = read_csv("a\n\"12\n34\n56\"\n", ',', limits);
  EXPECT_EQ(name(quoted.error), "field_too_long");
  EXPECT_EQ(quoted.error_line, 2u);
}

TEST(ReadCsv, UsesGenerousDefaultLimits) {
  std::string big(10'000, 'x');
  EXPECT_TRUE(read_csv(big).ok());
  EXPECT_EQ(name(read_csv(big + "x").error), "field_too_long");

  std::string wide(999, ',');
  EXPECT_TRUE(read_csv(wide).ok());
  EXPECT_EQ(name(read_csv(wide + ",").error), "too_many_fields");
}

// ---- guess_separator ----

// Issue 17: the CLI numbered its rows by reading the text again for each,
// quadratic in the rows; the reader now keeps each row's first line.
TEST(ReadCsv, KeepsTheLineEachRowBeginsOn) {
  CsvTable t = read_csv("name,weight\n\n\"Two\nlines\",1\r\nB,2\rC,3");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t.row_lines, (std::vector<std::size_t>{1, 3, 5, 6}));
}

TEST(WriteCsvCell, GuardsCellsThatASpreadsheetWouldRunAsAFormula) {
  for (std::string_view cell : {"=HYPERLINK(\"http://x\")", "+1+1", "@SUM(1)", "-2", "\tTab"}) {
    std::string out;
    append_csv_text_cell(out, cell, ',', true);
    const CsvTable back = read_csv(out, ',');
    ASSERT_TRUE(back.ok()) << out;
    EXPECT_EQ(back.rows[0][0], "'" + std::string(cell)) << out;
  }
  std::string plain;
  append_csv_text_cell(plain, "=1+1", ',', false);
  EXPECT_EQ(plain, "=1+1");
  std::string quoted;
  append_csv_text_cell(quoted, "Hässelby, Vällingby", ',', true);
  EXPECT_EQ(quoted, "\"Hässelby, Vällingby\"");
}

TEST(GuessSeparator, PrefersTabThenSemicolonThenComma) {
  EXPECT_EQ(guess_separator("namn\tbelopp;x,y\n"), '\t');
  EXPECT_EQ(guess_separator("namn;belopp,x\n"), ';');
  EXPECT_EQ(guess_separator("namn,belopp\n"), ',');
  EXPECT_EQ(guess_separator("namn\n"), ',');
  EXPECT_EQ(guess_separator(""), ',');
}

TEST(GuessSeparator, LooksOnlyAtTheFirstLine) {
  EXPECT_EQ(guess_separator("namn,belopp\na;b\tc\n"), ',');
  EXPECT_EQ(guess_separator("namn;belopp\r\na\tb\n"), ';');
  EXPECT_EQ(guess_separator("\xEF\xBB\xBFnamn;belopp\n"), ';');
}

TEST(GuessSeparator, IgnoresSeparatorsInsideQuotes) {
  EXPECT_EQ(guess_separator("\"Namn; ort\",Belopp\n"), ',');
  EXPECT_EQ(guess_separator("\"a\nb;c\",d\ne;f\n"), ',');
  EXPECT_EQ(guess_separator("\"a,b\";c\n"), ';');
}

}  // namespace
}  // namespace fordela
