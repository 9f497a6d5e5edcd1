// Findings: every problem the core notices, with a stable code, the path
// of the field it concerns and a message in Swedish and English. The
// messages are written once, in the core's message catalogue
// (core/src/messages_sv.cpp and messages_en.cpp, "finding.<code>").
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fordela {

enum class Severity { error, warning, info };
std::string_view severity_id(Severity severity);  // "error", "warning", "info"

struct Finding {
  Severity severity = Severity::error;
  std::string code;     // stable, e.g. "key.shares_sum"
  std::string path;     // JSON pointer of the field, e.g. "/recipients/2/name"
  std::string message_sv;
  std::string message_en;
};

// Named values substituted into a message template: {name} → value. A
// value written per language is given as "name_sv" and "name_en"; one of
// the catalogue's own phrases as "name_phrase" holding its key
// ("phrase.hint.key"), which each language fills in with its words.
using FindingArgs = std::vector<std::pair<std::string, std::string>>;

// Builds a finding from the catalogue. An unknown code is a programming
// error: it yields an error finding with code "internal.unknown_code".
Finding make_finding(std::string_view code, std::string path, const FindingArgs& args = {});

// Every code in the catalogue, for tests and documentation.
std::vector<std::string_view> all_finding_codes();

bool has_errors(const std::vector<Finding>& findings);

}  // namespace fordela
