// Comparisons: two scenarios, or one before and after an edit ("what if
// 60/40 instead of 75/25?"), recipient by recipient.
#pragma once

#include <string>
#include <string_view>

namespace fordela {

// Computes both scenarios and compares what each recipient finally
// receives (final_ore). Returns JSON text, never throws:
//   {"ok": bool,                       (both computed without errors)
//    "a_ok": bool, "b_ok": bool,
//    "recipients": [{"name", "a_ore", "b_ore", "diff_ore", "diff_percent",
//                    "only_in": null | "a" | "b"}],
//    "totals": {"a_ore", "b_ore", "diff_ore", "diff_percent"} | null,
//    "findings_added": [...], "findings_removed": [...]}
// Recipients are matched by name: a's order, then b's new ones. A
// recipient missing from one side counts as 0 öre there. diff_ore is
// b − a; diff_percent is 100 × (b − a) / a as a decimal string with one
// decimal ("-12.5"), rounded half away from zero, null when a is 0.
// Findings are matched by code and path: those only in b are added, those
// only in a removed. When either side has errors, recipients is empty and
// totals null; the findings are still compared.
std::string compare_json(std::string_view a_json, std::string_view b_json);

}  // namespace fordela
