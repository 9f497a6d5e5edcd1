// The steps of one recipient's explanation, each a sentence or a few in
// both languages with the values it used, read from the engine's
// Computation.
#pragma once

#include <cstddef>
#include <string_view>

#include "engine.hpp"
#include "outcome_json.hpp"
#include "scenario_model.hpp"

namespace fordela::detail {

// The steps explaining recipient `r` of `s`, as explain_json's "steps":
// [{"kind", "sv", "en", …the values}]. `above` names the recipient whose
// amount this level splits (empty at the top).
ojson explain_steps(const Scenario& s, const Computation& c, std::size_t r, std::string_view above = {});

}  // namespace fordela::detail
