// A columnar entry point: the same computation as a scenario document, fed
// from plain arrays with no JSON in between, for callers that hold their
// data as columns (a million recipients do not fit a JSON document).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "fordela/apportion.hpp"
#include "fordela/findings.hpp"
#include "fordela/money.hpp"

namespace fordela {

struct ColumnarComponent {
  Decimal share{};                  // per cent of the net pot
  std::vector<std::int64_t> basis;  // one non-negative integer per recipient
};

struct ColumnarScenario {
  Ore pot = 0;
  Ore deductions = 0;
  std::vector<ColumnarComponent> components;  // apportioned by their basis
  std::vector<std::vector<Ore>> earmarks;      // each: one amount per recipient, added on top
  Ore unit = kOrePerKrona;
  Method method = Method::largest_remainder;
  bool recipient_level = true;
};

struct ColumnarResult {
  std::vector<Finding> findings;
  std::vector<Ore> formula;  // per recipient: the amount by the key
  std::vector<Ore> total;    // per recipient: formula + earmarks
  Ore not_allocated = 0;
  bool ok() const { return !has_errors(findings); }
};

// Checks the columns (equal lengths, non-negative values, shares adding up
// to 100 %) and computes. Never throws.
ColumnarResult compute_columns(const ColumnarScenario& scenario);

// ---- The same from a caller's untyped values (the page's JS object) ------

// One value as a dynamically typed caller holds it, before the core has
// checked it: a number is a double (JavaScript's numbers are), anything
// else is known only by its text.
struct ColumnValue {
  bool given = false;      // false: left out, the default applies
  bool is_number = false;  // a number, as opposed to text or anything else
  double number = 0;       // when is_number
  std::string text;        // the value as text (JavaScript's String(value)), quoted in findings
};

// A list of numbers: its elements converted to doubles (NaN for one that
// is not a number), and the elements as given, asked for only when one is
// refused.
struct ColumnList {
  bool is_list = false;
  std::vector<double> numbers;
  std::function<ColumnValue(std::size_t)> element;
};

struct ColumnarInput {
  ColumnValue pot_ore, deductions_ore, unit_ore, method, level;
  struct Component {
    ColumnValue share;
    ColumnList basis;
  };
  std::vector<Component> components;
  std::vector<ColumnList> earmarks;
};

// Checks that every value is of its type (whole numbers exact below 2^53,
// a known method and level, shares as decimals), with findings at the
// input's own paths ("/pot_ore", "/components/0/basis/3"), then computes
// as above.
ColumnarResult compute_columns(const ColumnarInput& input);

}  // namespace fordela
