// Writing a Unicode code point as UTF-8: the core's folding of names and
// the CLI's decoding of UTF-16 and Windows-1252 input share it.
#pragma once

#include <string>

namespace fordela {

// Appends `code` (at most U+10FFFF) to `out` in UTF-8.
void append_utf8(std::string& out, char32_t code);

}  // namespace fordela
