// The engine's values written the way compute's result writes them
// (result_json.cpp): exact fractions, öre rounded from them, findings. For
// explanations and comparisons, whose numbers must read the same.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "fordela/bignat.hpp"
#include "fordela/findings.hpp"
#include "fordela/money.hpp"
#include "messages.hpp"

namespace fordela::detail {

using ojson = nlohmann::ordered_json;

// How much of a long answer (result_json.cpp, result_plain_csv.cpp) is
// gathered before it is handed on.
inline constexpr std::size_t kTextChunk = std::size_t{1} << 16;

// num/den to the nearest öre, halves up; past the result's bound it
// saturates at kMaxTotalOre + 1, as the result writer does.
inline Ore rounded_ore(const BigNat& num, const BigNat& den) {
  BigNat q = (num * BigNat(2) + den) / (den * BigNat(2));
  return q.fits_u64() && q.to_u64() <= std::uint64_t(kMaxTotalOre) ? static_cast<Ore>(q.to_u64())
                                                                    : kMaxTotalOre + 1;
}

// "numerator/denominator", reduced; "0/1" for zero.
inline std::string fraction_text(const BigNat& num, const BigNat& den) {
  if (num.is_zero()) return "0/1";
  BigNat g = BigNat::gcd(num, den);
  return (num / g).to_string() + "/" + (den / g).to_string();
}

inline ojson finding_json(const Finding& f) {
  return {{"severity", severity_id(f.severity)},
          {"code", f.code},
          {"path", f.path},
          {"message", {{"sv", f.message_sv}, {"en", f.message_en}}}};
}

inline ojson findings_json(const std::vector<Finding>& findings) {
  ojson list = ojson::array();
  for (const auto& f : findings) list.push_back(finding_json(f));
  return list;
}

// Invalid UTF-8 (from a caller's argument, never from a read scenario) is
// replaced, not thrown on.
// "a, b och c" / "a, b and c": a list in a sentence of the result's
// messages and of explanations.
inline std::string join_list(const std::vector<std::string>& items, bool sv) {
  if (items.size() < 2) return items.empty() ? std::string() : items[0];
  std::string list;
  for (std::size_t i = 0; i + 1 < items.size(); ++i) list += (i > 0 ? ", " : "") + items[i];
  return say(sv ? Lang::sv : Lang::en, "phrase.list_and", {{"list", list}, {"last", items.back()}});
}

inline std::string dump_json(const ojson& j) { return j.dump(-1, ' ', false, ojson::error_handler_t::replace); }

}  // namespace fordela::detail
