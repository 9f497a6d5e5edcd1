// Apportionment by largest remainder and the divisor methods, exact for
// weights of any size. One algorithm, written once over an integer back-end:
// unsigned __int128 when a bound shows every intermediate fits, else BigNat.
#include "fordela/apportion.hpp"

#include "word_arith.hpp"

#include <algorithm>
#include <bit>
#include <compare>
#include <cstddef>
#include <numeric>
#include <optional>
#include <utility>

namespace fordela {

namespace {

using u128 = BigNat::u128;
__extension__ typedef __int128 i128;

// Beyond this many units the starting divisor is not shifted for rounding
// bias, so that no starting part can exceed the units (and int64).
constexpr std::int64_t kMaxUnitsForBias = std::int64_t{1} << 62;

// ---------------------------------------------------------------------------
// Integer back-ends. Each offers the type, conversions, division with
// remainder and the comparison of two products a·b <=> c·d, which is all the
// cross-multiplication the methods need; the products themselves may exceed
// the type.

struct WideArith {
  using Int = u128;
  static Int from(u128 value) { return value; }
  static std::int64_t to_i64(const Int& value) { return static_cast<std::int64_t>(value); }
  static BigNat to_big(const Int& value) { return BigNat::from_u128(value); }
  static void divmod(const Int& a, const Int& b, Int& quotient, Int& remainder) {
    quotient = a / b;
    remainder = a - quotient * b;  // one 128-bit division, not two
  }
  // floor(a·b / d) and its remainder, for a < 2^62, b <= d < 2^114,
  // where a·b may pass 128 bits, in integers only. The quotient is below
  // a < 2^62. With d and a·b shifted right by s bits, so that d' = d >> s
  // is below 2^63, q' = (a·b >> s) / (d' + 1) is at most the quotient and
  // at most three below it (the error is under (a·b >> s) / (d'·(d' + 1))
  // + 2 < 2^62 / d' + 2 <= 3). The remainder a·b - q'·d is then below 4d
  // < 2^128, so forming it modulo 2^128 is exact, and at most three steps
  // of d bring it under d.
  static void scaled_divmod(const Int& a, const Int& b, const Int& d, Int& quotient, Int& remainder) {
    const auto a64 = static_cast<std::uint64_t>(a);
    if ((b >> 64) == 0 && (d >> 64) == 0) {
      // a·b < 2^128, d < 2^64: one division.
      divmod(detail::multiply_64(a64, static_cast<std::uint64_t>(b)), d, quotient, remainder);
      return;
    }
    // Here d >= b >= 2^64 or d >= 2^64, so s >= 2; and a·b < d·2^62 keeps
    // the shifted product below 2^126.
    const int s = bit_length(d) - 63;
    const auto [high, low] = multiply_wide(a, b);
    const u128 shifted = (high << (128 - s)) | (low >> s);
    u128 q = shifted / ((d >> s) + 1);
    u128 r = detail::multiply_mod(a64, b) - detail::multiply_mod(static_cast<std::uint64_t>(q), d);
    while (r >= d) {
      r -= d;
      ++q;
    }
    quotient = q;
    remainder = r;
  }
  static int bit_length(u128 x) {
    const auto high = static_cast<std::uint64_t>(x >> 64);
    return high != 0 ? 128 - std::countl_zero(high) : 64 - std::countl_zero(static_cast<std::uint64_t>(x));
  }
  static std::strong_ordering compare_products(const Int& a, const Int& b, const Int& c,
                                               const Int& d) {
    if (((a | b | c | d) >> 64) == 0) return a * b <=> c * d;
    const auto [high_ab, low_ab] = multiply_wide(a, b);
    const auto [high_cd, low_cd] = multiply_wide(c, d);
    if (high_ab != high_cd) return high_ab <=> high_cd;
    return low_ab <=> low_cd;
  }
  // The 256-bit product as (high, low) halves.
  static std::pair<u128, u128> multiply_wide(u128 a, u128 b) {
    const u128 a0 = static_cast<std::uint64_t>(a);
    const u128 a1 = a >> 64;
    const u128 b0 = static_cast<std::uint64_t>(b);
    const u128 b1 = b >> 64;
    const u128 p00 = a0 * b0;
    const u128 p01 = a0 * b1;
    const u128 p10 = a1 * b0;
    const u128 p11 = a1 * b1;
    const u128 middle = (p00 >> 64) + static_cast<std::uint64_t>(p01) + static_cast<std::uint64_t>(p10);
    const u128 low = (middle << 64) | static_cast<std::uint64_t>(p00);
    const u128 high = p11 + (p01 >> 64) + (p10 >> 64) + (middle >> 64);
    return {high, low};
  }
};

struct BigArith {
  using Int = BigNat;
  static Int from(u128 value) { return BigNat::from_u128(value); }
  static std::int64_t to_i64(const Int& value) { return static_cast<std::int64_t>(value.to_u64()); }
  static BigNat to_big(const Int& value) { return value; }
  static void divmod(const Int& a, const Int& b, Int& quotient, Int& remainder) {
    auto result = BigNat::divmod(a, b);
    quotient = std::move(result.quotient);
    remainder = std::move(result.remainder);
  }
  static void scaled_divmod(const Int& a, const Int& b, const Int& d, Int& quotient, Int& remainder) {
    divmod(a * b, d, quotient, remainder);
  }
  static std::strong_ordering compare_products(const Int& a, const Int& b, const Int& c,
                                               const Int& d) {
    return a * b <=> c * d;
  }
};

// ---------------------------------------------------------------------------
// The validated problem, the same for both back-ends.

struct Problem {
  Method method = Method::largest_remainder;
  std::int64_t units = 0;
  // Units every recipient with weight gets unconditionally: min_units, or 1
  // for the methods whose first divisor is zero.
  std::int64_t floor_units = 0;
  // Sainte-Laguë's first divisor as a reduced fraction of the 1, 3, 5 scale.
  std::uint64_t first_num = 1;
  std::uint64_t first_den = 1;
  std::vector<std::size_t> active;  // recipients with weight, ascending
  // A method whose first divisor is zero, with fewer units than
  // recipients with weight: see one_each_to_the_largest.
  bool too_few_units = false;
  bool trace = false;  // fill ApportionResult::trace (largest remainder)
};

unsigned bit_width_u128(u128 value) {
  const auto high = static_cast<std::uint64_t>(value >> 64);
  if (high != 0) return 64 + static_cast<unsigned>(std::bit_width(high));
  return static_cast<unsigned>(std::bit_width(static_cast<std::uint64_t>(value)));
}

bool first_divisor_is_zero(Method method) {
  return method == Method::adams || method == Method::dean || method == Method::huntington_hill;
}

// Recipients whose exact quota, among those not yet pinned, is below the
// floor get exactly the floor; the others share what is left. Pinning lowers
// the others' quotas, so repeat until stable. Quotas are monotone in the
// weight, so the pinned set is always a run of the smallest weights.
template <class A>
struct Pinning {
  std::vector<char> pinned;            // by recipient
  std::int64_t units_left = 0;         // units for the unpinned
  typename A::Int weight_left{};       // their total weight
  std::int64_t open_count = 0;         // how many they are
};

template <class A>
Pinning<A> pin_below_floor(const std::vector<typename A::Int>& weights, const Problem& problem,
                           const typename A::Int& total_weight) {
  using Int = typename A::Int;
  Pinning<A> result;
  result.pinned.assign(weights.size(), 0);
  result.units_left = problem.units;
  result.weight_left = total_weight;
  result.open_count = static_cast<std::int64_t>(problem.active.size());
  const std::int64_t floor = problem.floor_units;
  if (floor == 0) return result;

  const Int floor_int = A::from(static_cast<u128>(floor));
  auto below_floor = [&](std::size_t r) {
    return A::compare_products(A::from(static_cast<u128>(result.units_left)), weights[r], floor_int,
                               result.weight_left) < 0;
  };
  std::vector<std::size_t> open = problem.active;
  // Whole rounds are cheap and nearly always settle in one or two; a
  // pathological key falls back to walking the weights in ascending order.
  constexpr int kMaxRounds = 8;
  for (int round = 0; round < kMaxRounds; ++round) {
    std::vector<std::size_t> still_open;
    still_open.reserve(open.size());
    Int pinned_weight{};
    std::int64_t pinned_count = 0;
    for (const std::size_t r : open) {
      if (below_floor(r)) {
        result.pinned[r] = 1;
        pinned_weight += weights[r];
        ++pinned_count;
      } else {
        still_open.push_back(r);
      }
    }
    if (pinned_count == 0) return result;
    result.units_left -= floor * pinned_count;
    result.weight_left -= pinned_weight;
    result.open_count -= pinned_count;
    open = std::move(still_open);
  }
  std::sort(open.begin(), open.end(),
            [&](std::size_t a, std::size_t b) { return weights[a] < weights[b]; });
  // The floor is feasible, so the heaviest recipient is never pinned and
  // weight_left stays positive.
  for (const std::size_t r : open) {
    if (!below_floor(r)) break;
    result.pinned[r] = 1;
    result.units_left -= floor;
    result.weight_left -= weights[r];
    --result.open_count;
  }
  return result;
}

// ---------------------------------------------------------------------------
// Largest remainder (Hamilton).

template <class A>
void largest_remainder(const std::vector<typename A::Int>& weights, const Problem& problem,
                       const typename A::Int& total_weight, ApportionResult& out) {
  using Int = typename A::Int;
  const Pinning<A> pins = pin_below_floor<A>(weights, problem, total_weight);
  std::vector<std::size_t> open;
  open.reserve(problem.active.size());
  for (const std::size_t r : problem.active) {
    if (pins.pinned[r] != 0) {
      out.units[r] = problem.floor_units;
    } else {
      open.push_back(r);
    }
  }
  const Int units_left = A::from(static_cast<u128>(pins.units_left));
  std::vector<Int> remainders(open.size());
  std::int64_t handed_out = 0;
  Int quotient{};
  for (std::size_t i = 0; i < open.size(); ++i) {
    A::scaled_divmod(units_left, weights[open[i]], pins.weight_left, quotient, remainders[i]);
    out.units[open[i]] = A::to_i64(quotient);
    handed_out += out.units[open[i]];
  }
  // Fewer than open.size(): the remainders sum to leftover × weight_left.
  const std::int64_t leftover = pins.units_left - handed_out;

  // Larger remainder first; the recipient listed first wins a tie.
  auto ahead = [&](std::size_t a, std::size_t b) {
    if (remainders[a] != remainders[b]) return remainders[b] < remainders[a];
    return open[a] < open[b];
  };
  std::vector<std::size_t> order(open.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  if (problem.trace) {
    // The whole order, for the explanation's ranks; taken before the
    // leftover units are added below.
    std::sort(order.begin(), order.end(), ahead);
    RemainderTrace& trace = out.trace.emplace();
    trace.pinned = pins.pinned;
    trace.units_left = pins.units_left;
    trace.weight_left = A::to_big(pins.weight_left);
    trace.whole.assign(weights.size(), 0);
    trace.remainders.assign(weights.size(), BigNat());
    for (std::size_t i = 0; i < open.size(); ++i) {
      trace.whole[open[i]] = out.units[open[i]];
      trace.remainders[open[i]] = A::to_big(remainders[i]);
    }
    trace.leftover = leftover;
    for (const std::size_t i : order) trace.served.push_back(open[i]);
  }
  if (leftover <= 0 || static_cast<std::size_t>(leftover) >= open.size()) return;

  const auto cut = order.begin() + leftover;
  if (!problem.trace) std::nth_element(order.begin(), cut, order.end(), ahead);
  for (auto it = order.begin(); it != cut; ++it) ++out.units[open[*it]];

  const std::size_t last_in = *std::max_element(order.begin(), cut, ahead);
  const std::size_t first_out = *cut;
  if (remainders[last_in] != remainders[first_out]) return;
  const Int& boundary = remainders[first_out];
  for (std::size_t i = 0; i < open.size(); ++i) {
    if (remainders[i] == boundary) out.tied.push_back(open[i]);
  }
}

// ---------------------------------------------------------------------------
// Divisor methods. The claim of recipient r to its (k+1)-th unit is
// weight / d(k), held as a fraction num/den of integers (for
// Huntington-Hill, its square) and compared by cross-multiplication.

template <class A>
struct Claim {
  typename A::Int num;
  typename A::Int den;
};

template <class A>
std::strong_ordering compare_claims(const Claim<A>& a, const Claim<A>& b) {
  return A::compare_products(a.num, b.den, b.num, a.den);
}

template <class A>
class DivisorRule {
 public:
  using Int = typename A::Int;

  DivisorRule(const std::vector<Int>& weights, const Problem& problem)
      : weights_(weights), problem_(problem) {
    if (problem.method == Method::huntington_hill) {
      squares_.resize(weights.size());
      for (const std::size_t r : problem.active) squares_[r] = weights[r] * weights[r];
    }
  }

  // The claim to unit index k (k >= 1 when the first divisor is zero).
  Claim<A> claim(std::size_t r, std::int64_t k) const {
    // k < 2^63, so k + 1 and 2k + 1 fit in 128 bits; their products are
    // formed in Int.
    const u128 k128 = static_cast<u128>(k);
    switch (problem_.method) {
      case Method::dhondt:
        return {weights_[r], A::from(k128 + 1)};
      case Method::sainte_lague:
        if (k == 0) return {weights_[r], A::from(problem_.first_num)};
        return {weights_[r], A::from(2 * k128 + 1) * A::from(problem_.first_den)};
      case Method::adams:
        return {weights_[r], A::from(k128)};
      case Method::dean:
        return {weights_[r] * A::from(2 * k128 + 1), A::from(2 * k128) * A::from(k128 + 1)};
      case Method::huntington_hill:
        return {squares_[r], A::from(k128) * A::from(k128 + 1)};
      case Method::largest_remainder:
        break;
    }
    return {weights_[r], A::from(1)};
  }

  // Units at a common divisor that gives quota x = numerator / denominator,
  // from x's floor and remainder: #{k : d(k) <= x}, or #{k : d(k) < x} for
  // Adams. Either way one side of the divisor is strict, so the start is
  // exactly the units whose claims beat the divisor: no tie hides in it.
  std::int64_t natural_units(const Int& numerator, const Int& denominator, const Int& quotient,
                             const Int& remainder) const {
    const std::int64_t q = A::to_i64(quotient);
    const u128 q128 = static_cast<u128>(q);
    switch (problem_.method) {
      case Method::dhondt:
        return q;
      case Method::adams:
        return remainder == Int{} ? q : q + 1;
      case Method::sainte_lague: {
        // d(0) = first/2 <= x  <=>  first_num·den <= 2·first_den·num
        if (A::compare_products(A::from(problem_.first_num), denominator,
                                A::from(u128{2} * problem_.first_den), numerator) > 0) {
          return 0;
        }
        // then d(k) = k + 1/2 for k >= 1: floor(x − 1/2) more units
        const bool upper_half = !(remainder + remainder < denominator);
        return 1 + std::max<std::int64_t>(0, upper_half ? q : q - 1);
      }
      case Method::dean: {
        // d(q) = 2q(q+1)/(2q+1) <= x  <=>  q·den <= rem·(2q+1)
        const bool reached = !(remainder * A::from(2 * q128 + 1) < A::from(q128) * denominator);
        return q + (reached ? 1 : 0);
      }
      case Method::huntington_hill: {
        // d(q)² = q(q+1) <= x²  <=>  q·den·(den − 2rem) <= rem²
        if (!(remainder + remainder < denominator)) return q + 1;
        const Int left = A::from(q128) * (denominator - remainder - remainder);
        return q + (A::compare_products(left, denominator, remainder, remainder) <= 0 ? 1 : 0);
      }
      case Method::largest_remainder:
        break;
    }
    return q;
  }

 private:
  const std::vector<Int>& weights_;
  const Problem& problem_;
  std::vector<Int> squares_;
};

template <class A>
void divisor_method(const std::vector<typename A::Int>& weights, const Problem& problem,
                    const typename A::Int& total_weight, ApportionResult& out) {
  using Int = typename A::Int;
  const DivisorRule<A> rule(weights, problem);
  const std::int64_t floor = problem.floor_units;
  std::vector<std::int64_t>& units = out.units;

  // Start from the method's own rounding of every quota at one common
  // divisor, raised to the floor: any common divisor gives a start from
  // which handing out (or taking back) units in claim order is exact. Aim
  // it well, so that few units remain to move: the standard divisor of the
  // unpinned recipients, shifted by the method's average rounding bias
  // (D'Hondt's floors lose half a unit each, Adams' ceilings gain half).
  // Quotas are x_r = scaled · w_r / (2 · weight_left).
  const Pinning<A> pins = pin_below_floor<A>(weights, problem, total_weight);
  const Int denominator = pins.weight_left + pins.weight_left;
  auto round_at = [&](u128 scaled) {
    i128 sum = 0;  // int64 could overflow for units near 2^63
    Int quotient{};
    Int remainder{};
    const Int scale = A::from(scaled);
    for (const std::size_t r : problem.active) {
      const Int numerator = scale * weights[r];
      A::divmod(numerator, denominator, quotient, remainder);
      units[r] = std::max(floor, rule.natural_units(numerator, denominator, quotient, remainder));
      sum += units[r];
    }
    return sum;
  };
  const u128 open_count = static_cast<u128>(pins.open_count);
  u128 scaled = static_cast<u128>(pins.units_left) * 2;
  if (problem.units <= kMaxUnitsForBias) {
    if (problem.method == Method::dhondt) scaled += open_count;
    // Adams' floor is at least 1, so units_left >= open_count.
    if (problem.method == Method::adams) scaled -= open_count;
  }
  i128 handed_out = round_at(scaled);
  if (problem.units <= kMaxUnitsForBias) {
    // Small quotas have other biases (Dean and Huntington-Hill round 1.3
    // up): re-aim by the gap a few times. Keep scaled within
    // 2 · (units_left + open_count), the bound the fast path assumes.
    const i128 tolerance = static_cast<i128>(open_count / 256) + 8;
    const i128 highest = 2 * (static_cast<i128>(pins.units_left) + static_cast<i128>(open_count));
    for (int pass = 0; pass < 3; ++pass) {
      const i128 gap = problem.units - handed_out;
      if (gap <= tolerance && -gap <= tolerance) break;
      const i128 next = std::min(highest, static_cast<i128>(scaled) + 2 * gap);
      if (next <= 0 || next == static_cast<i128>(scaled)) break;
      scaled = static_cast<u128>(next);
      handed_out = round_at(scaled);
    }
  }

  // Units are handed out in one order: stronger claim first, and of equal
  // claims the recipient listed first.
  struct Entry {
    Claim<A> claim;
    std::size_t recipient;
  };
  auto served_first = [](const Entry& a, const Entry& b) {
    const auto order = compare_claims(a.claim, b.claim);
    if (order != 0) return order > 0;
    return a.recipient < b.recipient;
  };
  const bool adding = handed_out < problem.units;
  const auto steps = static_cast<std::int64_t>(adding ? problem.units - handed_out
                                                     : handed_out - problem.units);
  if (steps > 0) {
    // Short: hand out the next units in that order. Over: take back the
    // last units in that order (the recipient listed first keeps its unit).
    // Only recipients whose claim in play is among the first `steps`
    // (adding) or the last `steps` (taking back) can be touched.
    auto claim_in_play = [&](std::size_t r) {
      return Entry{rule.claim(r, adding ? units[r] : units[r] - 1), r};
    };
    std::vector<std::size_t> candidates;
    candidates.reserve(problem.active.size());
    for (const std::size_t r : problem.active) {
      if (adding || units[r] > floor) candidates.push_back(r);
    }
    auto next_to_move = [&](std::size_t a, std::size_t b) {
      return adding ? served_first(claim_in_play(a), claim_in_play(b))
                    : served_first(claim_in_play(b), claim_in_play(a));
    };
    if (static_cast<std::size_t>(steps) < candidates.size()) {
      std::nth_element(candidates.begin(), candidates.begin() + steps, candidates.end(), next_to_move);
      candidates.resize(static_cast<std::size_t>(steps));
    }
    std::vector<Entry> heap;
    heap.reserve(candidates.size());
    for (const std::size_t r : candidates) heap.push_back(claim_in_play(r));
    // std heaps keep the "largest" on top: the entry to move next.
    auto moves_later = [&](const Entry& a, const Entry& b) {
      return adding ? served_first(b, a) : served_first(a, b);
    };
    std::make_heap(heap.begin(), heap.end(), moves_later);
    for (std::int64_t step = 0; step < steps && !heap.empty(); ++step) {
      std::pop_heap(heap.begin(), heap.end(), moves_later);
      const std::size_t r = heap.back().recipient;
      units[r] += adding ? 1 : -1;
      if (adding || units[r] > floor) {
        heap.back() = claim_in_play(r);
        std::push_heap(heap.begin(), heap.end(), moves_later);
      } else {
        heap.pop_back();
      }
    }
  }

  // Tie report: the weakest claim that won a unit against the strongest
  // that did not. Units up to the floor were never contested.
  std::optional<Claim<A>> weakest_in;
  std::optional<Claim<A>> strongest_out;
  for (const std::size_t r : problem.active) {
    if (units[r] > floor) {
      Claim<A> last = rule.claim(r, units[r] - 1);
      if (!weakest_in || compare_claims(last, *weakest_in) < 0) weakest_in = std::move(last);
    }
    Claim<A> next = rule.claim(r, units[r]);
    if (!strongest_out || compare_claims(next, *strongest_out) > 0) strongest_out = std::move(next);
  }
  if (!weakest_in || !strongest_out || compare_claims(*weakest_in, *strongest_out) != 0) return;
  for (const std::size_t r : problem.active) {
    const bool last_at_boundary =
        units[r] > floor && compare_claims(rule.claim(r, units[r] - 1), *weakest_in) == 0;
    if (last_at_boundary || compare_claims(rule.claim(r, units[r]), *weakest_in) == 0) {
      out.tied.push_back(r);
    }
  }
}

// Adams, Dean and Huntington-Hill give every recipient with weight a unit
// before anything else (the claim to a first unit is infinite). With fewer
// units than such recipients, the units go one each to the largest weights,
// as elsewhere (martinlackner/apportionment); equal weights at the cut are
// a tie, broken for the recipient listed first.
template <class A>
void one_each_to_the_largest(const std::vector<typename A::Int>& weights, const Problem& problem,
                             ApportionResult& out) {
  out.one_each_to_largest = problem.units > 0;
  std::vector<std::size_t> order = problem.active;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return weights[b] < weights[a]; });
  const auto cut = static_cast<std::size_t>(problem.units);  // < order.size()
  for (std::size_t i = 0; i < cut; ++i) out.units[order[i]] = 1;
  if (cut == 0 || weights[order[cut - 1]] != weights[order[cut]]) return;
  for (const std::size_t r : problem.active) {
    if (weights[r] == weights[order[cut]]) out.tied.push_back(r);
  }
}

template <class A>
void run(const std::vector<typename A::Int>& weights, const Problem& problem,
         const typename A::Int& total_weight, ApportionResult& out) {
  if (problem.too_few_units) {
    one_each_to_the_largest<A>(weights, problem, out);
  } else if (problem.method == Method::largest_remainder) {
    largest_remainder<A>(weights, problem, total_weight, out);
  } else {
    divisor_method<A>(weights, problem, total_weight, out);
  }
}

// ---------------------------------------------------------------------------

ApportionResult fail(ApportionError error) {
  ApportionResult result;
  result.error = error;
  return result;
}

// Checks the inputs and fills `problem`; an error, or none.
bool is_zero(const BigNat& weight) { return weight.is_zero(); }
bool is_zero(u128 weight) { return weight == 0; }

template <class Weight>
ApportionError prepare(const std::vector<Weight>& weights, std::int64_t units,
                       const ApportionOptions& options, Problem& problem) {
  if (weights.empty()) return ApportionError::no_recipients;
  if (units < 0) return ApportionError::negative_units;
  if (options.method == Method::sainte_lague) {
    const std::int64_t first = options.first_divisor.micro;
    if (first < Decimal::kScale || first >= 3 * Decimal::kScale) {
      return ApportionError::bad_first_divisor;
    }
    const std::uint64_t common = std::gcd(static_cast<std::uint64_t>(first),
                                          static_cast<std::uint64_t>(Decimal::kScale));
    problem.first_num = static_cast<std::uint64_t>(first) / common;
    problem.first_den = static_cast<std::uint64_t>(Decimal::kScale) / common;
  }
  problem.method = options.method;
  problem.units = units;
  for (std::size_t r = 0; r < weights.size(); ++r) {
    if (!is_zero(weights[r])) problem.active.push_back(r);
  }
  if (problem.active.empty()) {
    return units > 0 ? ApportionError::all_weights_zero : ApportionError::none;
  }
  // A negative minimum holds for any split.
  const std::int64_t min_units = std::max<std::int64_t>(0, options.min_units);
  // min_units × count may pass 2^63; both factors are non-negative.
  const auto with_weight = static_cast<u128>(problem.active.size());
  if (static_cast<u128>(min_units) * with_weight > static_cast<u128>(units)) {
    return ApportionError::min_not_feasible;
  }
  problem.floor_units = min_units;
  if (first_divisor_is_zero(options.method)) {
    // min_units is 0 here when the units are too few: it was feasible.
    problem.too_few_units = with_weight > static_cast<u128>(units);
    if (!problem.too_few_units) problem.floor_units = std::max<std::int64_t>(1, min_units);
  }
  return ApportionError::none;
}

// Checks the inputs and fills `problem`: an error result, or all zeros
// for the method to fill.
template <class Weight>
ApportionResult begin(const std::vector<Weight>& weights, std::int64_t units, const ApportionOptions& options,
                      Problem& problem) {
  if (const ApportionError error = prepare(weights, units, options, problem); error != ApportionError::none) {
    return fail(error);
  }
  ApportionResult out;
  out.units.assign(weights.size(), 0);
  return out;
}

// The fast path's bound: unit counts stay below 2^62; the divisor methods'
// intermediates are at most a few times (units + recipients) × total
// weight, and Huntington-Hill squares single weights. Products beyond 128
// bits are only ever compared, in 256 bits. The total has at most the bits
// of the largest weight plus those of the count, so summing cannot
// overflow once this holds.
bool words_suffice(unsigned max_weight_bits, std::size_t active, std::size_t count, std::int64_t units,
                   Method method) {
  const unsigned count_bits = static_cast<unsigned>(std::bit_width(active));
  const unsigned total_bits = max_weight_bits + count_bits;  // at least the total's
  const unsigned span_bits = bit_width_u128(static_cast<u128>(units) + static_cast<u128>(count));
  if (span_bits > 62) return false;
  // Largest remainder forms units × weight only to divide it by the total
  // (WideArith::scaled_divmod), which needs the total below 2^114.
  if (method == Method::largest_remainder) return total_bits <= 114;
  const bool squares_fit = method != Method::huntington_hill || max_weight_bits <= 64;
  return squares_fit && total_bits <= 127 && span_bits + total_bits <= 124;
}

ApportionResult apportion_impl(const std::vector<BigNat>& weights, std::int64_t units,
                               const ApportionOptions& options, bool allow_fast, bool trace = false) {
  Problem problem;
  problem.trace = trace;
  ApportionResult out = begin(weights, units, options, problem);
  if (!out.ok() || problem.active.empty()) return out;

  if (allow_fast) {
    unsigned max_weight_bits = 0;
    for (const std::size_t r : problem.active) {
      max_weight_bits = std::max(max_weight_bits, weights[r].bit_width());
    }
    if (words_suffice(max_weight_bits, problem.active.size(), weights.size(), units, options.method)) {
      std::vector<u128> narrow(weights.size(), 0);
      u128 total = 0;
      for (const std::size_t r : problem.active) {
        narrow[r] = weights[r].to_u128();
        total += narrow[r];
      }
      run<WideArith>(narrow, problem, total, out);
      return out;
    }
  }
  BigNat total;
  for (const std::size_t r : problem.active) total += weights[r];
  run<BigArith>(weights, problem, total, out);
  return out;
}

ApportionResult apportion_words_impl(const std::vector<u128>& weights, std::int64_t units,
                                     const ApportionOptions& options, bool trace) {
  Problem problem;
  problem.trace = trace;
  ApportionResult out = begin(weights, units, options, problem);
  if (!out.ok() || problem.active.empty()) return out;
  u128 largest = 0;
  for (const std::size_t r : problem.active) largest = std::max(largest, weights[r]);
  if (words_suffice(bit_width_u128(largest), problem.active.size(), weights.size(), units, options.method)) {
    u128 total = 0;
    for (const std::size_t r : problem.active) total += weights[r];
    run<WideArith>(weights, problem, total, out);
    return out;
  }
  std::vector<BigNat> wide;
  wide.reserve(weights.size());
  for (const u128 weight : weights) wide.push_back(BigNat::from_u128(weight));
  return apportion_impl(wide, units, options, /*allow_fast=*/false, trace);
}

}  // namespace

std::string_view method_id(Method method) {
  switch (method) {
    case Method::largest_remainder: return "largest-remainder";
    case Method::dhondt: return "dhondt";
    case Method::sainte_lague: return "sainte-lague";
    case Method::huntington_hill: return "huntington-hill";
    case Method::adams: return "adams";
    case Method::dean: return "dean";
  }
  return "largest-remainder";
}

std::optional<Method> method_from_id(std::string_view id) {
  for (const Method method : {Method::largest_remainder, Method::dhondt, Method::sainte_lague,
                              Method::huntington_hill, Method::adams, Method::dean}) {
    if (method_id(method) == id) return method;
  }
  return std::nullopt;
}

ApportionResult apportion(const std::vector<BigNat>& weights, std::int64_t units,
                          const ApportionOptions& options) {
  return apportion_impl(weights, units, options, /*allow_fast=*/true);
}

ApportionResult apportion_traced(const std::vector<BigNat>& weights, std::int64_t units,
                                 const ApportionOptions& options) {
  return apportion_impl(weights, units, options, /*allow_fast=*/true, /*trace=*/true);
}

namespace detail {
ApportionResult apportion_words(const std::vector<BigNat::u128>& weights, std::int64_t units,
                                const ApportionOptions& options) {
  return apportion_words_impl(weights, units, options, /*trace=*/false);
}

ApportionResult apportion_bignat_only(const std::vector<BigNat>& weights, std::int64_t units,
                                      const ApportionOptions& options) {
  return apportion_impl(weights, units, options, /*allow_fast=*/false);
}
}  // namespace detail

}  // namespace fordela
