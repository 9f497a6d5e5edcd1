// Helpers shared by the scenario tests: writing a scenario document,
// computing it, and reading the result in the domain's terms (kronor,
// recipients by name, findings by code).
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "fordela/api.hpp"
#include "fordela/scenario.hpp"

namespace fordela::test {

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;  // keeps a document in the order it is written

// Amounts in results are öre: kr(5'900'000) reads as "5 900 000 kr".
constexpr std::int64_t kr(std::int64_t kronor) { return kronor * 100; }

// "150 000 kr" as the Swedish messages write it, with U+00A0 between the
// groups and before "kr", and U+2212 for a minus sign.
inline std::string sv_kr(std::string_view plain) {
  std::string out;
  for (char c : plain) {
    if (c == ' ') {
      out += "\xC2\xA0";
    } else if (c == '-') {
      out += "\xE2\x88\x92";
    } else {
      out += c;
    }
  }
  return out;
}

// A scenario document from its body: the "format" and "version" header
// is added, so a test shows only what it is about.
inline std::string scenario(std::string_view body) {
  return std::string(R"({"format": "fordela-scenario", "version": 1, )") + std::string(body) + "}";
}

inline std::string example_text(std::string_view name) {
  std::ifstream in(std::string(FORDELA_SOURCE_DIR) + "/examples/" + std::string(name) + ".json",
                   std::ios::binary);
  EXPECT_TRUE(in.good()) << "example " << name << " not found";
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Parses a result the core wrote; every answer must be well-formed JSON.
inline json parse(std::string_view text) {
  json result = json::parse(text, nullptr, false);
  EXPECT_FALSE(result.is_discarded()) << "not JSON: " << text.substr(0, 300);
  if (result.is_discarded()) return json::object();
  return result;
}

inline json compute(std::string_view text, const ScenarioLimits& limits = {}) {
  return parse(compute_scenario_json(text, limits));
}
inline json compute_document(const ojson& document, const ScenarioLimits& limits = {}) {
  return compute(std::string_view(document.dump()), limits);
}

inline std::vector<json> findings_with(const json& result, std::string_view code) {
  std::vector<json> out;
  if (!result.contains("findings")) return out;
  for (const auto& f : result["findings"]) {
    if (f.value("code", "") == code) out.push_back(f);
  }
  return out;
}

// The first finding with the code, or null.
inline json finding(const json& result, std::string_view code) {
  auto all = findings_with(result, code);
  return all.empty() ? json(nullptr) : all.front();
}

inline bool has_finding(const json& result, std::string_view code) { return !finding(result, code).is_null(); }

inline std::vector<std::string> codes(const json& result) {
  std::vector<std::string> out;
  if (!result.contains("findings")) return out;
  for (const auto& f : result["findings"]) out.push_back(f.value("code", ""));
  return out;
}

inline std::size_t count_severity(const json& result, std::string_view severity) {
  std::size_t n = 0;
  if (!result.contains("findings")) return n;
  for (const auto& f : result["findings"]) n += f.value("severity", "") == severity ? 1 : 0;
  return n;
}

inline json first_error(const json& result) {
  if (result.contains("findings")) {
    for (const auto& f : result["findings"]) {
      if (f.value("severity", "") == "error") return f;
    }
  }
  return json(nullptr);
}

inline const json& recipient(const json& result, std::string_view name) {
  static const json none = json::object();
  if (result.contains("recipients")) {
    for (const auto& r : result["recipients"]) {
      if (r.value("name", "") == name) return r;
    }
  }
  ADD_FAILURE() << "no recipient named " << name;
  return none;
}

// The recipient's amount from the key, in öre.
inline std::int64_t formula(const json& result, std::string_view name) {
  const json& r = recipient(result, name);
  return r.contains("formula_ore") ? r["formula_ore"].get<std::int64_t>() : -1;
}

// Every recipient's formula amount in kronor, in the order listed.
inline std::vector<std::int64_t> formula_kr(const json& result) {
  std::vector<std::int64_t> out;
  if (!result.contains("recipients")) return out;
  for (const auto& r : result["recipients"]) out.push_back(r["formula_ore"].get<std::int64_t>() / 100);
  return out;
}

inline std::int64_t total(const json& result, std::string_view field) {
  if (!result.contains("totals") || !result["totals"].contains(field)) {
    ADD_FAILURE() << "no totals." << field;
    return -1;
  }
  return result["totals"][std::string(field)].get<std::int64_t>();
}

// A message still holding a template placeholder such as "{name}". The
// braces of "{…}" (a JSON object in prose) are not one.
inline bool has_placeholder(std::string_view message) {
  for (std::size_t open = message.find('{'); open != std::string_view::npos; open = message.find('{', open + 1)) {
    std::size_t i = open + 1;
    while (i < message.size() && ((message[i] >= 'a' && message[i] <= 'z') || message[i] == '_')) ++i;
    if (i > open + 1 && i < message.size() && message[i] == '}') return true;
  }
  return false;
}

}  // namespace fordela::test
