// Shared by the fuzz targets: a check that stops the run with a message
// (libFuzzer then saves the input as a crash), and JSON parsing of what
// the core answered.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace fordela::fuzz {

using json = nlohmann::json;

// Not assert(): it must hold in every build type.
#define FUZZ_CHECK(condition, what)                                                   \
  do {                                                                                \
    if (!(condition)) {                                                               \
      std::fprintf(stderr, "fuzz check failed: %s (%s:%d)\n", what, __FILE__, __LINE__); \
      std::abort();                                                                   \
    }                                                                                 \
  } while (0)

// Every answer of the core must be well-formed JSON: the page parses it.
inline json must_parse(std::string_view text, const char* what) {
  json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded()) {
    std::fprintf(stderr, "%s returned invalid JSON: %.300s\n", what, std::string(text).c_str());
    std::abort();
  }
  return doc;
}

}  // namespace fordela::fuzz
