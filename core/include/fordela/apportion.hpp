// Apportionment: split a whole number of units among recipients in
// proportion to their weights so that the parts add up exactly.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "fordela/bignat.hpp"
#include "fordela/money.hpp"

namespace fordela {

enum class Method {
  largest_remainder,  // Hamilton (the default)
  dhondt,             // Jefferson
  sainte_lague,       // Webster; first divisor configurable
  huntington_hill,
  adams,
  dean,
};

// "largest-remainder", "dhondt", "sainte-lague", "huntington-hill",
// "adams", "dean".
std::string_view method_id(Method method);
std::optional<Method> method_from_id(std::string_view id);

struct ApportionOptions {
  Method method = Method::largest_remainder;
  // Sainte-Laguë's first divisor on the 1, 3, 5, 7 … scale: 1 is plain
  // Webster, 1.2 Sweden's modified method (since 2018), 1.4 Norway's.
  // Must lie in [1, 3).
  Decimal first_divisor{Decimal::kScale};
  // Each recipient with a non-zero weight gets at least this many units.
  std::int64_t min_units = 0;
};

enum class ApportionError {
  none,
  no_recipients,
  all_weights_zero,
  negative_units,
  min_not_feasible,      // min_units × (recipients with weight) > units
  bad_first_divisor,     // outside [1, 3)
};

// What largest remainder did, step by step, so that an explanation can
// tell it from the split itself: those held at the minimum, the quotas of
// the others in the units left to them, each quota's whole units and
// remainder, and the order in which the remainders were served.
struct RemainderTrace {
  std::vector<char> pinned;             // per recipient: quota below the minimum, given the minimum
  std::int64_t units_left = 0;          // units the others share by quota
  BigNat weight_left;                   // the others' total weight
  std::vector<std::int64_t> whole;      // per recipient: whole units of its quota (0 when pinned)
  std::vector<BigNat> remainders;       // per recipient: quota's remainder, over weight_left
  std::int64_t leftover = 0;            // units left after the whole ones, one each to the largest remainders
  std::vector<std::size_t> served;      // the others, largest remainder first (equal ones: first listed first)
};

struct ApportionResult {
  ApportionError error = ApportionError::none;
  std::vector<std::int64_t> units;  // one per recipient, in input order;
                                    // empty when error is set
  // Recipients (indices, ascending) tied for the last unit(s) handed out:
  // those that got it and those that did not, with equal claim. The tie is
  // broken in favour of the recipient listed first. Empty when no tie
  // decided a unit.
  std::vector<std::size_t> tied;
  // Adams, Dean and Huntington-Hill give every recipient with weight one
  // unit first. With fewer units than such recipients, the units went one
  // each to the largest weights instead (tied as above when equal weights
  // meet at the cut), and this is set.
  bool one_each_to_largest = false;
  // Largest remainder's steps; only from apportion_traced.
  std::optional<RemainderTrace> trace;
  bool ok() const { return error == ApportionError::none; }
};

// Splits `units` among recipients with the given non-negative integer
// weights (only ratios matter: scale them as convenient). A zero weight
// gets zero. Never throws; exact for weights of any size.
ApportionResult apportion(const std::vector<BigNat>& weights, std::int64_t units,
                          const ApportionOptions& options = {});

// The same, with largest remainder's steps in `trace` (for explanations;
// it costs a sort of every remainder).
ApportionResult apportion_traced(const std::vector<BigNat>& weights, std::int64_t units,
                                 const ApportionOptions& options = {});

namespace detail {
// The same for weights held in 128-bit words, as the engine holds them
// when they fit: no BigNat per recipient. Still exact for any weights
// (BigNat inside when an intermediate could pass 128 bits).
ApportionResult apportion_words(const std::vector<BigNat::u128>& weights, std::int64_t units,
                                const ApportionOptions& options = {});

// The same computation with every step in BigNat, skipping the 128-bit
// fast path: lets tests check that the two agree.
ApportionResult apportion_bignat_only(const std::vector<BigNat>& weights, std::int64_t units,
                                      const ApportionOptions& options = {});
}  // namespace detail

}  // namespace fordela
