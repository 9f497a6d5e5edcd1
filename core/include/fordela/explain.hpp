// Explanations: how one recipient's amount was computed, step by step and
// with the actual numbers, in Swedish and English sentences that can be
// printed or pasted into a decision paper.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fordela {

// Explains the amount of the recipient named `recipient_name` (exactly as
// written in the scenario). Returns JSON text, never throws:
//   {"ok": true, "recipient": "Rinkeby-Kista",
//    "steps": [{"kind": "pot" | "component" | "given" | "exact" | "rounding"
//                       | "earmark" | "redistribution" | "total",
//               "sv": "…", "en": "…", …the values the step used}],
//    "text": {"sv": "…", "en": "…"},   (a heading and the steps, one a line)
//    "findings": [...]}                (the scenario's findings)
// Amounts are integer öre (…_ore), exact values "numerator/denominator" in
// öre, as in compute's result, and equal to it. On a scenario with errors,
// or a name that is not a recipient (finding explain.unknown_recipient),
// {"ok": false, "recipient": "…", "findings": [...]}.
std::string explain_json(std::string_view scenario_json, std::string_view recipient_name);

// The same for a recipient inside nested levels: `names` leads down from
// the top, one recipient's name per level ({"Linköping", "Skäggetorp"}
// explains Skäggetorp in the level that splits Linköping's amount). The
// answer then also holds "path": the names. A name that is not there is
// explain.unknown_recipient at that level's "/recipients"; a name followed
// by another but not split further is explain.no_sub_level.
std::string explain_json(std::string_view scenario_json, const std::vector<std::string>& names);

}  // namespace fordela
