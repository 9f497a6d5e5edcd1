// User text (names, labels, titles) inside the core's own sentences: kept
// from turning them around, and compared the way a reader sees it.
#pragma once

#include <string>
#include <string_view>

namespace fordela::detail {

// A value holding a bidirectional control (a right-to-left override in a
// recipient's name, say) would reorder the rest of a sentence around it.
// Such a value is set between FIRST STRONG ISOLATE (U+2068) and POP
// DIRECTIONAL ISOLATE (U+2069), which end whatever the value opened; any
// other value is returned as it is. Every place where user text meets the
// core's sentences (findings, explanations, CSV heads) goes through here.
std::string isolated(std::string_view value);

// The form two names share when they look the same on screen: invisible
// format characters (zero-width spaces and joiners, the word joiner, the
// byte order mark, soft hyphens, bidirectional controls) removed, and Latin
// letters with the common accents written decomposed (å as a + U+030A), so
// that "Vivalla" with a zero-width space, or "Årby" typed composed and
// decomposed, fold alike. Not full Unicode normalisation.
std::string folded_name(std::string_view name);

}  // namespace fordela::detail
