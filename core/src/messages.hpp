// The core's words: every sentence and phrase it writes, one table per
// language (messages_sv.cpp, messages_en.cpp), looked up by key, with
// named placeholders ({name}) filled in by the caller's values.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fordela::detail {

enum class Lang { sv, en };

// One entry of a language's table: keys sorted (checked by a test).
// Key families: "finding.<code>" (a finding's message), "explain.*" (the
// explanation's sentences), "csv.*" (the table's heads), "phrase.*" (words
// put into a finding: a hint, an expected type, a date's name).
struct Message {
  std::string_view key;
  std::string_view text;
};

struct MessageTable {
  const Message* entries;
  std::size_t size;
  const Message* begin() const { return entries; }
  const Message* end() const { return entries + size; }
};

MessageTable swedish_messages();  // messages_sv.cpp
MessageTable english_messages();  // messages_en.cpp
MessageTable messages(Lang lang);

// The text of `key` in `lang`; empty when there is none (a test checks
// that every key the core asks for is in both tables).
std::string_view message(Lang lang, std::string_view key);

// `tmpl` with each {name} replaced by value(name); a placeholder with no
// value stays as written.
std::string fill(std::string_view tmpl, const std::function<std::optional<std::string>(std::string_view)>& value);

// The key's text in `lang` with its placeholders filled from `args`
// (values already in that language, user text already isolated).
using MessageArgs = std::vector<std::pair<std::string_view, std::string>>;
std::string say(Lang lang, std::string_view key, const MessageArgs& args = {});

// The names of a template's placeholders, in order of appearance.
std::vector<std::string> placeholders(std::string_view tmpl);

}  // namespace fordela::detail
