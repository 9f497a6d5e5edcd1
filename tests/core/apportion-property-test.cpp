// Apportionment properties over thousands of random keys (fixed seeds):
// exact sums, quota bounds, order independence, agreement with the
// unit-by-unit definition, and agreement of the 128-bit and BigNat paths.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <numeric>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "fordela/apportion.hpp"

namespace fordela {
namespace {

// The test's own exact arithmetic for small keys.
__extension__ typedef __int128 i128;
constexpr int kCases = 3'000;

constexpr Method kMethods[] = {Method::largest_remainder, Method::dhondt, Method::sainte_lague,
                               Method::huntington_hill,   Method::adams,  Method::dean};

bool first_divisor_is_zero(Method method) {
  return method == Method::adams || method == Method::dean || method == Method::huntington_hill;
}

// A random small key: a dozen recipients at most, some with zero weight,
// weights from a narrow range now and then so that ties are common.
struct Case {
  std::vector<std::uint64_t> weights;
  std::int64_t units = 0;
  ApportionOptions options;

  std::vector<BigNat> big_weights() const { return {weights.begin(), weights.end()}; }
  std::int64_t floor_units() const {
    const std::int64_t floor = std::max<std::int64_t>(0, options.min_units);
    return first_divisor_is_zero(options.method) ? std::max<std::int64_t>(1, floor) : floor;
  }
  std::string describe() const {
    std::string text = std::string(method_id(options.method)) + " units=" + std::to_string(units) +
                       " min=" + std::to_string(options.min_units) +
                       " first=" + std::to_string(options.first_divisor.micro) + " weights=";
    for (const std::uint64_t weight : weights) text += std::to_string(weight) + ",";
    return text;
  }
};

Case random_case(std::mt19937_64& engine, Method method, bool with_minimum) {
  auto uniform = [&](std::int64_t low, std::int64_t high) {
    return std::uniform_int_distribution<std::int64_t>(low, high)(engine);
  };
  Case c;
  c.options.method = method;
  const std::int64_t count = uniform(1, 12);
  const std::int64_t max_weight = std::array<std::int64_t, 4>{3, 10, 1'000, 1'000'000}[uniform(0, 3)];
  for (std::int64_t i = 0; i < count; ++i) {
    c.weights.push_back(uniform(0, 4) == 0 ? 0 : static_cast<std::uint64_t>(uniform(1, max_weight)));
  }
  c.units = uniform(0, 150);
  if (method == Method::sainte_lague && uniform(0, 1) == 0) {
    c.options.first_divisor = Decimal{uniform(Decimal::kScale, 3 * Decimal::kScale - 1)};
  }
  if (with_minimum && uniform(0, 2) == 0) c.options.min_units = uniform(1, 4);
  return c;
}

// What the inputs allow, by the documented rules.
ApportionError expected_error(const Case& c) {
  const auto with_weight =
      std::count_if(c.weights.begin(), c.weights.end(), [](std::uint64_t w) { return w != 0; });
  if (with_weight == 0) return c.units > 0 ? ApportionError::all_weights_zero : ApportionError::none;
  if (c.options.min_units * with_weight > c.units) return ApportionError::min_not_feasible;
  return ApportionError::none;
}

// --- The definitions, written the slow and obvious way --------------------

// A recipient's claim to its (k+1)-th unit, weight / d(k), as a fraction;
// for Huntington-Hill the square. Sainte-Laguë's divisors are scaled by
// 2·10^6 so that d(0) = first_divisor / 2 is an integer. In __int128 for
// the small keys, in BigNat for the large ones.
template <class Int>
struct Claim {
  Int num;
  Int den;
};

template <class Int>
Claim<Int> claim_of(const Case& c, std::uint64_t weight, std::int64_t k) {
  const auto u = static_cast<std::uint64_t>(k);
  const Int w{weight};
  switch (c.options.method) {
    case Method::dhondt: return {w, Int{u + 1}};
    case Method::sainte_lague:
      return {w, k == 0 ? Int{static_cast<std::uint64_t>(c.options.first_divisor.micro)}
                        : Int{2 * u + 1} * Int{1'000'000u}};
    case Method::adams: return {w, Int{u}};
    case Method::dean: return {w * Int{2 * u + 1}, Int{2 * u} * Int{u + 1}};
    case Method::huntington_hill: return {w * w, Int{u} * Int{u + 1}};
    case Method::largest_remainder: break;
  }
  return {w, Int{1u}};
}

template <class Int>
std::strong_ordering compare(const Claim<Int>& a, const Claim<Int>& b) {
  return a.num * b.den <=> b.num * a.den;
}

// Divisor methods: the floor first, then one unit at a time to the
// strongest claim, the recipient listed first winning a tie.
std::vector<std::int64_t> one_unit_at_a_time(const Case& c) {
  std::vector<std::int64_t> units(c.weights.size(), 0);
  std::int64_t left = c.units;
  for (std::size_t r = 0; r < c.weights.size(); ++r) {
    if (c.weights[r] != 0) {
      units[r] = c.floor_units();
      left -= units[r];
    }
  }
  for (; left > 0; --left) {
    std::size_t best = c.weights.size();
    for (std::size_t r = 0; r < c.weights.size(); ++r) {
      if (c.weights[r] == 0) continue;
      if (best == c.weights.size() || compare(claim_of<i128>(c, c.weights[r], units[r]),
                                              claim_of<i128>(c, c.weights[best], units[best])) > 0) {
        best = r;
      }
    }
    ++units[best];
  }
  return units;
}

// Recipients at the boundary when the weakest claim that won a unit equals
// the strongest that did not.
std::vector<std::size_t> divisor_tie(const Case& c, const std::vector<std::int64_t>& units) {
  std::optional<Claim<i128>> weakest_in;
  std::optional<Claim<i128>> strongest_out;
  for (std::size_t r = 0; r < c.weights.size(); ++r) {
    if (c.weights[r] == 0) continue;
    if (units[r] > c.floor_units()) {
      const Claim<i128> last = claim_of<i128>(c, c.weights[r], units[r] - 1);
      if (!weakest_in || compare(last, *weakest_in) < 0) weakest_in = last;
    }
    const Claim<i128> next = claim_of<i128>(c, c.weights[r], units[r]);
    if (!strongest_out || compare(next, *strongest_out) > 0) strongest_out = next;
  }
  std::vector<std::size_t> tied;
  if (!weakest_in || !strongest_out || compare(*weakest_in, *strongest_out) != 0) return tied;
  for (std::size_t r = 0; r < c.weights.size(); ++r) {
    if (c.weights[r] == 0) continue;
    const bool last_at = units[r] > c.floor_units() &&
                         compare(claim_of<i128>(c, c.weights[r], units[r] - 1), *weakest_in) == 0;
    if (last_at || compare(claim_of<i128>(c, c.weights[r], units[r]), *weakest_in) == 0) {
      tied.push_back(r);
    }
  }
  return tied;
}

struct Reference {
  std::vector<std::int64_t> units;
  std::vector<std::size_t> tied;
};

// Largest remainder: pin below the minimum until stable, then floors and
// the leftover to the largest remainders, ties to the first listed.
Reference largest_remainder_reference(const Case& c) {
  const std::size_t n = c.weights.size();
  const std::int64_t min_units = std::max<std::int64_t>(0, c.options.min_units);
  std::vector<bool> pinned(n, false);
  i128 units_left = c.units;
  i128 weight_left = 0;
  for (const std::uint64_t w : c.weights) weight_left += w;
  for (bool changed = true; changed;) {
    changed = false;
    std::vector<std::size_t> newly;
    for (std::size_t r = 0; r < n; ++r) {
      if (c.weights[r] != 0 && !pinned[r] && units_left * c.weights[r] < min_units * weight_left) {
        newly.push_back(r);
      }
    }
    for (const std::size_t r : newly) {
      pinned[r] = true;
      units_left -= min_units;
      weight_left -= c.weights[r];
      changed = true;
    }
  }
  Reference ref;
  ref.units.assign(n, 0);
  std::vector<std::pair<i128, std::size_t>> remainders;  // (−remainder, index)
  i128 handed_out = 0;
  for (std::size_t r = 0; r < n; ++r) {
    if (c.weights[r] == 0) continue;
    if (pinned[r]) {
      ref.units[r] = min_units;
      continue;
    }
    const i128 product = units_left * c.weights[r];
    ref.units[r] = static_cast<std::int64_t>(product / weight_left);
    handed_out += product / weight_left;
    remainders.push_back({-(product % weight_left), r});
  }
  std::sort(remainders.begin(), remainders.end());
  const auto leftover = static_cast<std::size_t>(units_left - handed_out);
  for (std::size_t i = 0; i < leftover; ++i) ++ref.units[remainders[i].second];
  if (leftover > 0 && leftover < remainders.size() &&
      remainders[leftover - 1].first == remainders[leftover].first) {
    for (const auto& [remainder, r] : remainders) {
      if (remainder == remainders[leftover].first) ref.tied.push_back(r);
    }
    std::sort(ref.tied.begin(), ref.tied.end());
  }
  return ref;
}

// Adams, Dean, Huntington-Hill with fewer units than recipients with
// weight: one unit at a time to the largest weight not yet served, the first
// listed winning; a tie when the last served weighs as much as the next.
Reference one_each_to_the_largest_reference(const Case& c) {
  Reference ref;
  ref.units.assign(c.weights.size(), 0);
  std::uint64_t last = 0;
  for (std::int64_t unit = 0; unit < c.units; ++unit) {
    std::size_t best = c.weights.size();
    for (std::size_t r = 0; r < c.weights.size(); ++r) {
      if (c.weights[r] != 0 && ref.units[r] == 0 && (best == c.weights.size() || c.weights[r] > c.weights[best])) best = r;
    }
    ref.units[best] = 1;
    last = c.weights[best];
  }
  bool contested = false;
  for (std::size_t r = 0; r < c.weights.size(); ++r) contested = contested || (ref.units[r] == 0 && c.weights[r] != 0 && c.weights[r] == last);
  for (std::size_t r = 0; contested && r < c.weights.size(); ++r) {
    if (c.weights[r] == last) ref.tied.push_back(r);
  }
  return ref;
}

Reference reference(const Case& c) {
  if (c.options.method == Method::largest_remainder) return largest_remainder_reference(c);
  const auto with_weight = std::count_if(c.weights.begin(), c.weights.end(), [](std::uint64_t w) { return w != 0; });
  if (first_divisor_is_zero(c.options.method) && with_weight > c.units) return one_each_to_the_largest_reference(c);
  Reference ref;
  ref.units = one_unit_at_a_time(c);
  ref.tied = divisor_tie(c, ref.units);
  return ref;
}

// Exact quota units·w/W as floor and "is it whole".
struct Quota {
  std::int64_t floor;
  bool whole;
};

Quota quota(const Case& c, std::size_t r) {
  i128 total = 0;
  for (const std::uint64_t w : c.weights) total += w;
  if (total == 0) return {0, true};
  const i128 product = static_cast<i128>(c.units) * c.weights[r];
  return {static_cast<std::int64_t>(product / total), product % total == 0};
}

// Runs `check` on kCases random valid cases per method.
template <class Check>
void for_random_cases(std::uint64_t seed, bool with_minimum, Check check) {
  std::mt19937_64 engine(seed);
  for (const Method method : kMethods) {
    int valid = 0;
    while (valid < kCases) {
      const Case c = random_case(engine, method, with_minimum);
      const ApportionResult result = apportion(c.big_weights(), c.units, c.options);
      ASSERT_EQ(result.error, expected_error(c)) << c.describe();
      if (!result.ok()) continue;
      ++valid;
      check(c, result);
      if (::testing::Test::HasFatalFailure()) return;
    }
  }
}

// --- Properties ----------------------------------------------------------

TEST(ApportionProperties, EveryMethodMatchesTheUnitByUnitDefinition) {
  for_random_cases(1, /*with_minimum=*/true, [](const Case& c, const ApportionResult& result) {
    const Reference ref = reference(c);
    ASSERT_EQ(result.units, ref.units) << c.describe();
    ASSERT_EQ(result.tied, ref.tied) << c.describe();
  });
}

TEST(ApportionProperties, PartsAddUpExactlyNoneNegativeZeroWeightGetsZeroMinimumHolds) {
  for_random_cases(2, /*with_minimum=*/true, [](const Case& c, const ApportionResult& result) {
    ASSERT_EQ(result.units.size(), c.weights.size());
    ASSERT_EQ(std::accumulate(result.units.begin(), result.units.end(), std::int64_t{0}), c.units)
        << c.describe();
    for (std::size_t r = 0; r < c.weights.size(); ++r) {
      ASSERT_GE(result.units[r], 0) << c.describe();
      if (c.weights[r] == 0) {
        ASSERT_EQ(result.units[r], 0) << c.describe();
      } else {
        ASSERT_GE(result.units[r], c.options.min_units) << c.describe();
      }
    }
    ASSERT_TRUE(std::is_sorted(result.tied.begin(), result.tied.end())) << c.describe();
    ASSERT_TRUE(result.tied.empty() || result.tied.size() >= 2) << c.describe();
  });
}

TEST(ApportionProperties, LargestRemainderStaysWithinOneUnitOfTheQuota) {
  for_random_cases(3, /*with_minimum=*/false, [](const Case& c, const ApportionResult& result) {
    if (c.options.method != Method::largest_remainder) return;
    for (std::size_t r = 0; r < c.weights.size(); ++r) {
      const Quota q = quota(c, r);
      ASSERT_GE(result.units[r], q.floor) << c.describe();
      ASSERT_LE(result.units[r], q.floor + (q.whole ? 0 : 1)) << c.describe();
    }
  });
}

TEST(ApportionProperties, DHondtNeverGivesLessThanTheQuotaFloorAdamsNeverMoreThanItsCeiling) {
  for_random_cases(4, /*with_minimum=*/false, [](const Case& c, const ApportionResult& result) {
    for (std::size_t r = 0; r < c.weights.size(); ++r) {
      const Quota q = quota(c, r);
      if (c.options.method == Method::dhondt) ASSERT_GE(result.units[r], q.floor) << c.describe();
      if (c.options.method == Method::adams) {
        ASSERT_LE(result.units[r], q.floor + (q.whole ? 0 : 1)) << c.describe();
      }
    }
  });
}

TEST(ApportionProperties, PermutingRecipientsChangesNothingButTiedUnits) {
  std::mt19937_64 shuffler(5);
  for_random_cases(5, /*with_minimum=*/true, [&](const Case& c, const ApportionResult& result) {
    std::vector<std::size_t> order(c.weights.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::shuffle(order.begin(), order.end(), shuffler);
    Case permuted = c;
    for (std::size_t i = 0; i < order.size(); ++i) permuted.weights[i] = c.weights[order[i]];
    const ApportionResult other = apportion(permuted.big_weights(), permuted.units, permuted.options);
    ASSERT_TRUE(other.ok());
    std::vector<std::size_t> tied_back;
    for (const std::size_t i : other.tied) tied_back.push_back(order[i]);
    std::sort(tied_back.begin(), tied_back.end());
    ASSERT_EQ(tied_back, result.tied) << c.describe();
    if (!result.tied.empty()) return;
    for (std::size_t i = 0; i < order.size(); ++i) {
      ASSERT_EQ(other.units[i], result.units[order[i]]) << c.describe();
    }
  });
}

TEST(ApportionProperties, ReversingTheOrderChangesTheSplitExactlyWhenATieIsReported) {
  for_random_cases(6, /*with_minimum=*/true, [](const Case& c, const ApportionResult& result) {
    Case reversed = c;
    std::reverse(reversed.weights.begin(), reversed.weights.end());
    ApportionResult other = apportion(reversed.big_weights(), reversed.units, reversed.options);
    ASSERT_TRUE(other.ok());
    std::reverse(other.units.begin(), other.units.end());
    ASSERT_EQ(other.units != result.units, !result.tied.empty()) << c.describe();
  });
}

TEST(ApportionProperties, SplittingARecipientInTwoKeepsItsShareWithinOneUnit) {
  std::mt19937_64 picker(7);
  for_random_cases(7, /*with_minimum=*/false, [&](const Case& c, const ApportionResult& result) {
    if (c.options.method != Method::largest_remainder) return;
    // Double every weight, then replace recipient r's 2w by w and w.
    const std::size_t r = picker() % c.weights.size();
    Case split = c;
    for (std::uint64_t& w : split.weights) w *= 2;
    split.weights[r] = c.weights[r];
    split.weights.push_back(c.weights[r]);
    const ApportionResult other = apportion(split.big_weights(), split.units, split.options);
    ASSERT_TRUE(other.ok());
    const std::int64_t together = other.units[r] + other.units.back();
    ASSERT_LE(std::abs(together - result.units[r]), 1) << c.describe() << " split " << r;
  });
}

TEST(ApportionProperties, FastPathAgreesWithBigNatPath) {
  for_random_cases(8, /*with_minimum=*/true, [](const Case& c, const ApportionResult& result) {
    const ApportionResult slow = detail::apportion_bignat_only(c.big_weights(), c.units, c.options);
    ASSERT_EQ(slow.units, result.units) << c.describe();
    ASSERT_EQ(slow.tied, result.tied) << c.describe();
  });
}

TEST(ApportionProperties, ScalingWeightsBeyond128BitsChangesNothing) {
  BigNat scale{1};
  for (int i = 0; i < 5; ++i) scale *= BigNat{(std::uint64_t{1} << 61) - 1};  // about 2^305
  std::mt19937_64 engine(9);
  for (const Method method : kMethods) {
    for (int i = 0; i < 300; ++i) {
      const Case c = random_case(engine, method, /*with_minimum=*/true);
      std::vector<BigNat> huge;
      for (const std::uint64_t w : c.weights) huge.push_back(BigNat{w} * scale);
      const ApportionResult small = apportion(c.big_weights(), c.units, c.options);
      const ApportionResult big = apportion(huge, c.units, c.options);
      ASSERT_EQ(big.error, small.error) << c.describe();
      ASSERT_EQ(big.units, small.units) << c.describe();
      ASSERT_EQ(big.tied, small.tied) << c.describe();
    }
  }
}

// Large keys, too large to hand out unit by unit: the divisor methods'
// defining condition (every unit given has at least the claim of every unit
// not given) and the fast path against BigNat.
TEST(ApportionProperties, LargeKeysKeepTheDivisorConditionAndAgreeAcrossPaths) {
  std::mt19937_64 engine(10);
  auto uniform = [&](std::int64_t low, std::int64_t high) {
    return std::uniform_int_distribution<std::int64_t>(low, high)(engine);
  };
  for (const Method method : kMethods) {
    for (int i = 0; i < 200; ++i) {
      Case c;
      c.options.method = method;
      const std::int64_t count = uniform(1, 60);
      const std::int64_t bits = uniform(1, 62);
      for (std::int64_t j = 0; j < count; ++j) {
        c.weights.push_back(uniform(0, 9) == 0 ? 0 : static_cast<std::uint64_t>(uniform(1, (std::int64_t{1} << bits) - 1)));
      }
      c.weights[0] = std::max<std::uint64_t>(c.weights[0], 1);
      c.units = uniform(count, 10'000'000'000'000LL);
      if (uniform(0, 3) == 0) c.options.min_units = uniform(0, c.units / count);
      if (method == Method::sainte_lague) {
        c.options.first_divisor = Decimal{uniform(Decimal::kScale, 3 * Decimal::kScale - 1)};
      }
      const ApportionResult result = apportion(c.big_weights(), c.units, c.options);
      ASSERT_TRUE(result.ok()) << c.describe();
      ASSERT_EQ(std::accumulate(result.units.begin(), result.units.end(), std::int64_t{0}), c.units);
      const ApportionResult slow = detail::apportion_bignat_only(c.big_weights(), c.units, c.options);
      ASSERT_EQ(slow.units, result.units) << c.describe();
      ASSERT_EQ(slow.tied, result.tied) << c.describe();
      if (method == Method::largest_remainder) continue;
      std::optional<Claim<BigNat>> weakest_in;
      std::optional<Claim<BigNat>> strongest_out;
      for (std::size_t r = 0; r < c.weights.size(); ++r) {
        if (c.weights[r] == 0) {
          ASSERT_EQ(result.units[r], 0);
          continue;
        }
        ASSERT_GE(result.units[r], c.floor_units());
        if (result.units[r] > c.floor_units()) {
          const Claim<BigNat> last = claim_of<BigNat>(c, c.weights[r], result.units[r] - 1);
          if (!weakest_in || compare(last, *weakest_in) < 0) weakest_in = last;
        }
        const Claim<BigNat> next = claim_of<BigNat>(c, c.weights[r], result.units[r]);
        if (!strongest_out || compare(next, *strongest_out) > 0) strongest_out = next;
      }
      if (weakest_in) ASSERT_TRUE(compare(*weakest_in, *strongest_out) >= 0) << c.describe();
    }
  }
}

}  // namespace
}  // namespace fordela
