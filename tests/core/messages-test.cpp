// The message catalogue: Swedish and English hold the same keys with the
// same placeholders, and every key the core asks for by a name it builds
// (findings' codes, the rounding methods) is there.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "fordela/apportion.hpp"
#include "fordela/findings.hpp"
#include "messages.hpp"

namespace {

using fordela::detail::Lang;
using fordela::detail::MessageTable;

std::vector<std::string> keys_of(const MessageTable& table) {
  std::vector<std::string> keys;
  for (const auto& m : table) keys.emplace_back(m.key);
  return keys;
}

std::multiset<std::string> placeholders_of(Lang lang, std::string_view key) {
  auto names = fordela::detail::placeholders(fordela::detail::message(lang, key));
  return {names.begin(), names.end()};
}

TEST(Messages, EachTableIsSortedByKeyWithEveryKeyOnce) {
  for (const MessageTable& table : {fordela::detail::swedish_messages(), fordela::detail::english_messages()}) {
    const auto keys = keys_of(table);
    ASSERT_FALSE(keys.empty());
    EXPECT_TRUE(std::is_sorted(keys.begin(), keys.end()));
    EXPECT_EQ(std::adjacent_find(keys.begin(), keys.end()), keys.end());
  }
}

TEST(Messages, SwedishAndEnglishHaveExactlyTheSameKeys) {
  EXPECT_EQ(keys_of(fordela::detail::swedish_messages()), keys_of(fordela::detail::english_messages()));
}

TEST(Messages, EachKeyHasTheSamePlaceholdersInBothLanguages) {
  for (const auto& m : fordela::detail::swedish_messages()) {
    EXPECT_EQ(placeholders_of(Lang::sv, m.key), placeholders_of(Lang::en, m.key)) << m.key;
  }
}

TEST(Messages, NoTextIsEmpty) {
  for (Lang lang : {Lang::sv, Lang::en}) {
    for (const auto& m : fordela::detail::messages(lang)) EXPECT_FALSE(m.text.empty()) << m.key;
  }
}

TEST(Messages, EveryFindingCodeHasItsMessage) {
  for (std::string_view code : fordela::all_finding_codes()) {
    const std::string key = "finding." + std::string(code);
    EXPECT_FALSE(fordela::detail::message(Lang::sv, key).empty()) << key;
    EXPECT_FALSE(fordela::detail::message(Lang::en, key).empty()) << key;
  }
}

TEST(Messages, EveryFindingMessageBelongsToACode) {
  const auto codes = fordela::all_finding_codes();
  for (const auto& m : fordela::detail::swedish_messages()) {
    if (m.key.substr(0, 8) != "finding.") continue;
    EXPECT_NE(std::find(codes.begin(), codes.end(), m.key.substr(8)), codes.end()) << m.key;
  }
}

TEST(Messages, EveryRoundingMethodHasANameAndEachDivisorMethodItsRule) {
  using fordela::Method;
  for (Method method : {Method::largest_remainder, Method::dhondt, Method::sainte_lague, Method::huntington_hill,
                        Method::adams, Method::dean}) {
    const std::string id(fordela::method_id(method));
    EXPECT_FALSE(fordela::detail::message(Lang::sv, "explain.method." + id).empty()) << id;
    if (method != Method::largest_remainder) {
      EXPECT_FALSE(fordela::detail::message(Lang::sv, "explain.rule." + id).empty()) << id;
    }
  }
}

TEST(Messages, PlaceholdersAreFilledByNameAndAnUnknownOneStaysAsWritten) {
  EXPECT_EQ(fordela::detail::say(Lang::sv, "explain.units.other", {{"n", "3"}}), "3 enheter");
  EXPECT_EQ(fordela::detail::say(Lang::en, "explain.units.other", {{"n", "3"}}), "3 units");
  EXPECT_EQ(fordela::detail::say(Lang::en, "explain.units.other"), "{n} units");
  EXPECT_EQ(fordela::detail::message(Lang::sv, "no.such.key"), "");
}

TEST(Messages, APlaceholderIsANameInBraces) {
  EXPECT_EQ(fordela::detail::placeholders("{a} och {b}, {a}"), (std::vector<std::string>{"a", "b", "a"}));
  EXPECT_TRUE(fordela::detail::placeholders("inga").empty());
}

}  // namespace
