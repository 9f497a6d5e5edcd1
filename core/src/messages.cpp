// Looking up the core's words by key and filling in their placeholders.
#include "messages.hpp"

#include <algorithm>

namespace fordela::detail {

MessageTable messages(Lang lang) { return lang == Lang::sv ? swedish_messages() : english_messages(); }

std::string_view message(Lang lang, std::string_view key) {
  const MessageTable table = messages(lang);
  auto it = std::lower_bound(table.begin(), table.end(), key,
                             [](const Message& m, std::string_view k) { return m.key < k; });
  return it == table.end() || it->key != key ? std::string_view() : it->text;
}

std::string fill(std::string_view tmpl, const std::function<std::optional<std::string>(std::string_view)>& value) {
  std::string out;
  out.reserve(tmpl.size() + 32);
  std::size_t i = 0;
  while (i < tmpl.size()) {
    if (tmpl[i] == '{') {
      const auto close = tmpl.find('}', i);
      if (close != std::string_view::npos) {
        if (auto v = value(tmpl.substr(i + 1, close - i - 1))) {
          out += *v;
          i = close + 1;
          continue;
        }
      }
    }
    out += tmpl[i++];
  }
  return out;
}

std::string say(Lang lang, std::string_view key, const MessageArgs& args) {
  return fill(message(lang, key), [&](std::string_view name) -> std::optional<std::string> {
    auto arg = std::find_if(args.begin(), args.end(), [&](const auto& a) { return a.first == name; });
    if (arg == args.end()) return std::nullopt;
    return arg->second;
  });
}

std::vector<std::string> placeholders(std::string_view tmpl) {
  std::vector<std::string> names;
  fill(tmpl, [&](std::string_view name) -> std::optional<std::string> {
    names.emplace_back(name);
    return std::string();
  });
  return names;
}

}  // namespace fordela::detail
