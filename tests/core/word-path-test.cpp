// The machine-word paths against BigNat on the same inputs: the engine's
// columns (exact_column.hpp) and the apportionment from 128-bit weights,
// including values at the edge of what the words hold.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "exact_column.hpp"
#include "fordela/apportion.hpp"

namespace fordela {
namespace {

using detail::ExactColumn;
using u128 = BigNat::u128;

constexpr Method kMethods[] = {Method::largest_remainder, Method::dhondt, Method::sainte_lague,
                               Method::huntington_hill,   Method::adams,  Method::dean};

u128 pow2(unsigned bits) { return u128{1} << bits; }

std::vector<BigNat> nats(const std::vector<u128>& words) {
  std::vector<BigNat> out;
  for (const u128 w : words) out.push_back(BigNat::from_u128(w));
  return out;
}

std::string describe(Method method, std::int64_t units, const std::vector<u128>& weights) {
  std::string text = std::string(method_id(method)) + " units=" + std::to_string(units) + " weights=";
  for (const u128 w : weights) text += BigNat::from_u128(w).to_string() + ",";
  return text;
}

void expect_same_split(const std::vector<u128>& weights, std::int64_t units, const ApportionOptions& options) {
  const ApportionResult words = detail::apportion_words(weights, units, options);
  const ApportionResult big = detail::apportion_bignat_only(nats(weights), units, options);
  ASSERT_EQ(words.error, big.error) << describe(options.method, units, weights);
  ASSERT_EQ(words.units, big.units) << describe(options.method, units, weights);
  ASSERT_EQ(words.tied, big.tied) << describe(options.method, units, weights);
  ASSERT_EQ(words.one_each_to_largest, big.one_each_to_largest);
}

// Weights of a given size, many of them equal or close, so that ties and
// near-ties of remainders are common.
std::vector<u128> random_weights(std::mt19937_64& engine, std::size_t count, unsigned bits) {
  std::vector<u128> weights(count);
  const u128 base = pow2(bits - 1) + engine() % 1000;
  for (auto& w : weights) {
    switch (engine() % 4) {
      case 0: w = base; break;
      case 1: w = base + engine() % 3; break;
      case 2: w = 0; break;
      default: w = (static_cast<u128>(engine()) << 64 | engine()) % pow2(bits); break;
    }
  }
  weights[0] = base;
  return weights;
}

TEST(WordPath, ApportionFromWordsAgreesWithBigNatAcrossSizes) {
  std::mt19937_64 engine(15);
  for (const Method method : kMethods) {
    // Weights from small to past the word bounds (a total of 2^114 for
    // largest remainder, 2^124 with the units for the divisor methods).
    for (const unsigned bits : {3u, 40u, 64u, 65u, 90u, 100u, 104u, 108u, 110u, 111u, 112u, 120u, 126u}) {
      for (int i = 0; i < 40; ++i) {
        const std::size_t count = 1 + engine() % 40;
        const std::vector<u128> weights = random_weights(engine, count, bits);
        const std::int64_t units = static_cast<std::int64_t>(engine() % (i % 2 == 0 ? 1000 : (std::uint64_t{1} << 61)));
        ApportionOptions options;
        options.method = method;
        if (i % 5 == 0) options.min_units = units / static_cast<std::int64_t>(4 * count);
        expect_same_split(weights, units, options);
      }
    }
  }
}

TEST(WordPath, LargestRemainderAtTheWordBoundaryOfItsTotal) {
  // Totals of 2^113 to 2^115 and units near 2^62: the quotient estimated in
  // shifted integers, corrected exactly, or the BigNat path past the bound.
  for (const unsigned total_bits : {113u, 114u, 115u}) {
    const u128 total = pow2(total_bits) - 1;
    for (const std::int64_t units : {std::int64_t{1}, std::int64_t{7}, (std::int64_t{1} << 61) + 12345,
                                     (std::int64_t{1} << 62) - 1 - 3}) {
      std::vector<u128> weights = {total / 3, total / 3, total / 3 + total % 3};
      expect_same_split(weights, units, {});
      weights = {total - 5, 1, 1, 1, 1, 1};
      expect_same_split(weights, units, {});
      weights = {total / 2 + 1, total / 2};
      expect_same_split(weights, units, {});
    }
  }
}

TEST(WordPath, ColumnArithmeticMatchesBigNatUpToAndPastTheWord) {
  const u128 max = ~u128{0};
  const std::vector<u128> values = {0, 1, pow2(64) - 1, pow2(64), pow2(127) - 1, pow2(127), max / 3, max};
  for (const u128 factor : {u128{0}, u128{1}, u128{2}, u128{3}, pow2(64), max}) {
    const BigNat f = BigNat::from_u128(factor);
    ExactColumn scaled{std::vector<u128>(values)};
    scaled.scale(f);
    ExactColumn summed{std::vector<u128>(values)};
    summed.add_scaled(ExactColumn{std::vector<u128>(values)}, f);
    BigNat total;
    for (std::size_t i = 0; i < values.size(); ++i) {
      const BigNat v = BigNat::from_u128(values[i]);
      EXPECT_EQ(scaled[i], v * f) << i;
      EXPECT_EQ(summed[i], v + v * f) << i;
      total += v + v * f;
    }
    EXPECT_EQ(summed.sum(), total);
  }
}

TEST(WordPath, AColumnNarrowsWhenEveryValueFitsAndSumsPastTheWord) {
  const u128 max = ~u128{0};
  const ExactColumn narrow{std::vector<BigNat>{BigNat::from_u128(max), BigNat(5)}};
  EXPECT_TRUE(narrow.narrow());
  EXPECT_EQ(narrow.sum(), BigNat::from_u128(max) + BigNat(5));
  EXPECT_EQ(narrow.count_nonzero(), 2u);
  const ExactColumn wide{std::vector<BigNat>{BigNat::from_u128(max) + BigNat(1), BigNat(0)}};
  EXPECT_FALSE(wide.narrow());
  EXPECT_EQ(wide.count_nonzero(), 1u);
  EXPECT_EQ(wide.pick({1, 0})[1], BigNat::from_u128(max) + BigNat(1));
  // The same split from either form of the same weights.
  const std::vector<u128> weights = {3, 5, 0, 7};
  const ApportionResult from_words = detail::apportion(ExactColumn{std::vector<u128>(weights)}, 10, {});
  const ApportionResult from_nats = apportion(nats(weights), 10, {});
  EXPECT_EQ(from_words.units, from_nats.units);
  EXPECT_EQ(from_words.tied, from_nats.tied);
}

}  // namespace
}  // namespace fordela
