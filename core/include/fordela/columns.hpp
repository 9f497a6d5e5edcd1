// A columnar entry point: the same computation as a scenario document, fed
// from plain arrays with no JSON in between, for callers that hold their
// data as columns (a million recipients do not fit a JSON document).
#pragma once

#include <cstdint>
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

}  // namespace fordela
