// Apportionment worked by hand: textbook cases for every method, ties,
// zero weights, minimum units, errors, and weights beyond 128 bits.
#include "fordela/apportion.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <initializer_list>
#include <vector>

namespace fordela {
namespace {

using Units = std::vector<std::int64_t>;
using Indices = std::vector<std::size_t>;

std::vector<BigNat> weights(std::initializer_list<std::uint64_t> values) {
  return {values.begin(), values.end()};
}

ApportionOptions by(Method method, std::int64_t min_units = 0) {
  ApportionOptions options;
  options.method = method;
  options.min_units = min_units;
  return options;
}

ApportionOptions sainte_lague_with_first_divisor(std::int64_t micro) {
  ApportionOptions options = by(Method::sainte_lague);
  options.first_divisor = Decimal{micro};
  return options;
}

// The classic six-party example: 100 000 votes, 10 seats.
const std::vector<BigNat> kSixParties = weights({47'000, 16'000, 15'800, 12'000, 6'100, 3'100});

// Four states sharing eleven seats, small enough to work by hand, on which
// all five divisor methods disagree. Standard divisor 11 800 / 11; quotas
// 5.22, 4.01, 1.58, 0.19.
const std::vector<BigNat> kFourStates = weights({5'600, 4'300, 1'700, 200});

TEST(MethodId, RoundTripsEveryMethod) {
  for (const Method method : {Method::largest_remainder, Method::dhondt, Method::sainte_lague,
                              Method::huntington_hill, Method::adams, Method::dean}) {
    EXPECT_EQ(method_from_id(method_id(method)), method);
  }
  EXPECT_EQ(method_id(Method::largest_remainder), "largest-remainder");
  EXPECT_EQ(method_id(Method::sainte_lague), "sainte-lague");
  EXPECT_EQ(method_id(Method::huntington_hill), "huntington-hill");
}

TEST(MethodId, UnknownIdIsRejected) {
  EXPECT_EQ(method_from_id("hamilton"), std::nullopt);
  EXPECT_EQ(method_from_id(""), std::nullopt);
  EXPECT_EQ(method_from_id("Dhondt"), std::nullopt);
}

// --- Largest remainder -----------------------------------------------------

TEST(LargestRemainder, IsTheDefaultMethod) {
  EXPECT_EQ(ApportionOptions{}.method, Method::largest_remainder);
}

TEST(LargestRemainder, SplitsTenSeatsAmongSixPartiesByHamilton) {
  // Quotas 4.7, 1.6, 1.58, 1.2, 0.61, 0.31: floors give 7, and the three
  // left go to the remainders .7, .61 and .6.
  const ApportionResult result = apportion(kSixParties, 10);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.units, (Units{5, 2, 1, 1, 1, 0}));
  EXPECT_TRUE(result.tied.empty());
}

TEST(LargestRemainder, SplitsTwentyFiveMillionAmongThreeToTheKrona) {
  // Quotas 8 333 333.3 three times: the krona left over goes to the first.
  const ApportionResult result = apportion(weights({1, 1, 1}), 25'000'000);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.units, (Units{8'333'334, 8'333'333, 8'333'333}));
  EXPECT_EQ(result.tied, (Indices{0, 1, 2}));
}

TEST(LargestRemainder, ExactQuotasAreNoTie) {
  const ApportionResult result = apportion(weights({10, 5, 15}), 30);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.units, (Units{10, 5, 15}));
  EXPECT_TRUE(result.tied.empty());
}

TEST(LargestRemainder, OnlyRatiosMatter) {
  EXPECT_EQ(apportion(weights({6, 6, 2}), 10).units, apportion(weights({3, 3, 1}), 10).units);
}

TEST(LargestRemainder, AlabamaParadoxOneMoreUnitCostsTheSmallestOne) {
  // 10 units: quotas 4.29, 4.29, 1.43, the leftover unit goes to .43.
  // 11 units: quotas 4.71, 4.71, 1.57, the two leftover go to the .71s.
  EXPECT_EQ(apportion(weights({6, 6, 2}), 10).units, (Units{4, 4, 2}));
  EXPECT_EQ(apportion(weights({6, 6, 2}), 11).units, (Units{5, 5, 1}));
}

TEST(LargestRemainder, TwoEqualWeightsForOneUnitGoToTheFirstListedAndAreReportedTied) {
  const ApportionResult result = apportion(weights({1, 1}), 1);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.units, (Units{1, 0}));
  EXPECT_EQ(result.tied, (Indices{0, 1}));
}

TEST(LargestRemainder, EqualRemaindersThatBothWinAreNoTie) {
  // Quotas .75, .75, 1.5: both .75 get one of the two leftover units.
  const ApportionResult result = apportion(weights({1, 1, 2}), 3);
  EXPECT_EQ(result.units, (Units{1, 1, 1}));
  EXPECT_TRUE(result.tied.empty());
}

TEST(LargestRemainder, TieReportNamesOnlyThoseAtTheBoundary) {
  // Quotas 0.8, 0.4, 0.4, 2.4: .8 takes the first leftover unit, the
  // second is a tie between the three .4s, won by the first listed.
  const ApportionResult result = apportion(weights({2, 1, 1, 6}), 4);
  EXPECT_EQ(result.units, (Units{1, 1, 0, 2}));
  EXPECT_EQ(result.tied, (Indices{1, 2, 3}));
}

TEST(LargestRemainder, ZeroWeightGetsNothing) {
  const ApportionResult result = apportion(weights({0, 1, 0, 1}), 3);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.units, (Units{0, 2, 0, 1}));
  EXPECT_EQ(result.tied, (Indices{1, 3}));
}

TEST(LargestRemainder, MinimumPinsTheSmallAndSharesTheRestByQuota) {
  // Without a minimum: 10, 3, 1, 1. With 2 each: the last two are fixed
  // at 2, and 11 units go to 100 and 30 (quotas 8.46, 2.54).
  EXPECT_EQ(apportion(weights({100, 30, 12, 8}), 15).units, (Units{10, 3, 1, 1}));
  const ApportionResult result =
      apportion(weights({100, 30, 12, 8}), 15, by(Method::largest_remainder, 2));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.units, (Units{8, 3, 2, 2}));
}

TEST(LargestRemainder, MinimumPinsAgainWhenPinningPushesAnotherBelowIt) {
  // 9 units, at least 3: quotas 4.95, 3.38, 0.68 pin the third; then 6
  // units over 37 give the second 2.43, below 3, so it is pinned too.
  const ApportionResult result =
      apportion(weights({22, 15, 3}), 9, by(Method::largest_remainder, 3));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.units, (Units{3, 3, 3}));
}

TEST(LargestRemainder, MinimumSkipsZeroWeights) {
  const ApportionResult result =
      apportion(weights({5, 0, 1}), 4, by(Method::largest_remainder, 2));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.units, (Units{2, 0, 2}));
}

// --- D'Hondt ---------------------------------------------------------------

TEST(DHondt, FavoursTheLargestPartyOnTheClassicExample) {
  // Divisors 1, 2, 3 …: the tenth seat's quotient is 47 000 / 5 = 9 400,
  // ahead of 16 000 / 2 = 8 000 and 7 900, 6 100 does not reach it.
  const ApportionResult result = apportion(kSixParties, 10, by(Method::dhondt));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.units, (Units{5, 2, 2, 1, 0, 0}));
  EXPECT_TRUE(result.tied.empty());
}

TEST(DHondt, MinimumOfOneSeatLeavesTheRestToTheLargest) {
  // With a divisor between 8 000 and 9 400 everyone but 47 000 has one.
  const ApportionResult result = apportion(kSixParties, 10, by(Method::dhondt, 1));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.units, (Units{5, 1, 1, 1, 1, 1}));
}

TEST(DHondt, SecondUnitOfTheLargerTiesWithTheFirstOfTheSmaller) {
  // Quotients 2/1, 1/1, 2/2: the second unit is a tie between 2/2 and
  // 1/1, won by the recipient listed first.
  const ApportionResult result = apportion(weights({2, 1}), 2, by(Method::dhondt));
  EXPECT_EQ(result.units, (Units{2, 0}));
  EXPECT_EQ(result.tied, (Indices{0, 1}));
  const ApportionResult swapped = apportion(weights({1, 2}), 2, by(Method::dhondt));
  EXPECT_EQ(swapped.units, (Units{1, 1}));
  EXPECT_EQ(swapped.tied, (Indices{0, 1}));
}

TEST(DHondt, ExactQuotasAreNoTie) {
  const ApportionResult result = apportion(weights({10, 5, 15}), 30, by(Method::dhondt));
  EXPECT_EQ(result.units, (Units{10, 5, 15}));
  EXPECT_TRUE(result.tied.empty());
}

TEST(DHondt, ZeroUnitsGiveZeros) {
  const ApportionResult result = apportion(weights({3, 1}), 0, by(Method::dhondt));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.units, (Units{0, 0}));
}

// --- Sainte-Laguë ------------------------------------------------------------

TEST(SainteLague, DiffersFromDHondtOnTheClassicExample) {
  // Divisors 1, 3, 5 …: 47 000 / 9 = 5 222 is beaten by 6 100 / 1 for the
  // tenth seat.
  const ApportionResult result = apportion(kSixParties, 10, by(Method::sainte_lague));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.units, (Units{4, 2, 2, 1, 1, 0}));
}

TEST(SainteLague, FirstDivisorOnePointFourHoldsBackTheSmallParty) {
  // Norway's 1.4: 6 100 / 1.4 = 4 357 now loses to 47 000 / 9 = 5 222.
  const ApportionResult norway = apportion(kSixParties, 10, sainte_lague_with_first_divisor(1'400'000));
  ASSERT_TRUE(norway.ok());
  EXPECT_EQ(norway.units, (Units{5, 2, 2, 1, 0, 0}));
  // Sweden's 1.2: 6 100 / 1.2 = 5 083, still short of 5 222.
  const ApportionResult sweden = apportion(kSixParties, 10, sainte_lague_with_first_divisor(1'200'000));
  EXPECT_EQ(sweden.units, (Units{5, 2, 2, 1, 0, 0}));
}

TEST(SainteLague, FirstDivisorDecidesBetweenAFirstAndASecondSeat) {
  // 100 against 260 for 2 seats: 260/3 = 86.7. With first divisor 1.1,
  // 100/1.1 = 90.9 wins the second seat; with 1.2, 100/1.2 = 83.3 loses it.
  EXPECT_EQ(apportion(weights({100, 260}), 2, sainte_lague_with_first_divisor(1'100'000)).units,
            (Units{1, 1}));
  EXPECT_EQ(apportion(weights({100, 260}), 2, sainte_lague_with_first_divisor(1'200'000)).units,
            (Units{0, 2}));
}

TEST(SainteLague, FirstDivisorOutsideOneToThreeIsRejected) {
  for (const std::int64_t micro : {999'999LL, 3'000'000LL, 0LL, -1'000'000LL}) {
    EXPECT_EQ(apportion(kSixParties, 10, sainte_lague_with_first_divisor(micro)).error,
              ApportionError::bad_first_divisor)
        << micro;
  }
  EXPECT_TRUE(apportion(kSixParties, 10, sainte_lague_with_first_divisor(2'999'999)).ok());
  EXPECT_TRUE(apportion(kSixParties, 10, sainte_lague_with_first_divisor(1'000'000)).ok());
}

TEST(SainteLague, MinimumOfTwoOnTheFourStates) {
  const ApportionResult result = apportion(kFourStates, 11, by(Method::sainte_lague, 2));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.units, (Units{4, 3, 2, 2}));
}

// --- Adams, Dean, Huntington-Hill on four states -----------------------------

TEST(FourStates, DHondtRoundsQuotasDown) {
  // Floors 5, 4, 1, 0; the missing seat: 5 600/6 = 933 beats 4 300/5 = 860.
  EXPECT_EQ(apportion(kFourStates, 11, by(Method::dhondt)).units, (Units{6, 4, 1, 0}));
}

TEST(FourStates, SainteLagueRoundsQuotasToNearest) {
  EXPECT_EQ(apportion(kFourStates, 11, by(Method::sainte_lague)).units, (Units{5, 4, 2, 0}));
}

TEST(FourStates, AdamsRoundsUpAndTakesBackTheWeakestSeats) {
  // Ceilings 6, 5, 2, 1 are 3 too many. Claims of the last seats:
  // 5 600/5 = 1 120, 4 300/4 = 1 075, 1 700/1: take 4 300's, then
  // 5 600's (1 120, then 5 600/4 = 1 400 < 4 300/3 = 1 433).
  const ApportionResult result = apportion(kFourStates, 11, by(Method::adams));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.units, (Units{4, 4, 2, 1}));
}

TEST(FourStates, DeanUsesHarmonicMeanThresholds) {
  // Thresholds 2q(q+1)/(2q+1): 5.45, 4.44, 1.33 give 5, 4, 2, 1, one too
  // many. Last-seat claims 5 600/4.44 = 1 260, 4 300/3.43 = 1 254,
  // 1 700/1.33 = 1 275: 4 300 gives one back.
  const ApportionResult result = apportion(kFourStates, 11, by(Method::dean));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.units, (Units{5, 3, 2, 1}));
}

TEST(FourStates, HuntingtonHillUsesGeometricMeanThresholds) {
  // Thresholds √(q(q+1)): 5.48, 4.47, 1.41 give 5, 4, 2, 1, one too many.
  // Last-seat claims 5 600/√20 = 1 252, 4 300/√12 = 1 241, 1 700/√2 =
  // 1 202: 1 700 gives one back.
  const ApportionResult result = apportion(kFourStates, 11, by(Method::huntington_hill));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.units, (Units{5, 4, 1, 1}));
}

TEST(FourStates, AdamsWithMinimumTwoHandsOutOnlyTheRest) {
  // 8 seats are fixed; 5 600/2, 4 300/2 and 5 600/3 take the other three.
  EXPECT_EQ(apportion(kFourStates, 11, by(Method::adams, 2)).units, (Units{4, 3, 2, 2}));
}

TEST(ZeroFirstDivisor, EveryRecipientWithWeightGetsOneFirst) {
  for (const Method method : {Method::adams, Method::dean, Method::huntington_hill}) {
    const ApportionResult result = apportion(weights({1'000'000, 0, 1}), 2, by(method));
    ASSERT_TRUE(result.ok()) << method_id(method);
    EXPECT_EQ(result.units, (Units{1, 0, 1})) << method_id(method);
    EXPECT_TRUE(result.tied.empty()) << method_id(method);
  }
}

// Issue 14: 3 units among 6 recipients used to be refused ("too few
// units"). As elsewhere (martinlackner/apportionment), the units go one each
// to the largest weights; equal weights at the cut are a tie, won by the
// first listed.
TEST(ZeroFirstDivisor, FewerUnitsThanRecipientsGoOneEachToTheLargestWeights) {
  for (const Method method : {Method::adams, Method::dean, Method::huntington_hill}) {
    SCOPED_TRACE(std::string(method_id(method)));
    const ApportionResult result = apportion(weights({5, 9, 1, 0, 7, 3}), 3, by(method));
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result.units, (Units{1, 1, 0, 0, 1, 0}));
    EXPECT_TRUE(result.tied.empty());
    EXPECT_TRUE(result.one_each_to_largest);
    // 9 and 7 get one; 5, 5 and 5 tie for the third, on both paths.
    for (const ApportionResult& tie : {apportion(weights({5, 9, 5, 1, 7, 5}), 3, by(method)),
                                       detail::apportion_bignat_only(weights({5, 9, 5, 1, 7, 5}), 3, by(method))}) {
      EXPECT_EQ(tie.units, (Units{1, 1, 0, 0, 1, 0}));
      EXPECT_EQ(tie.tied, (Indices{0, 2, 5}));
    }
  }
  EXPECT_FALSE(apportion(weights({5, 3, 1}), 2, by(Method::dhondt)).one_each_to_largest);
  EXPECT_FALSE(apportion(weights({5, 3, 1}), 3, by(Method::adams)).one_each_to_largest);
}

TEST(ZeroFirstDivisor, TieForTheThirdUnitIgnoresTheForcedOnes) {
  // Both have their forced unit; the third is 1/√2 against 1/√2.
  const ApportionResult result = apportion(weights({1, 1}), 3, by(Method::huntington_hill));
  EXPECT_EQ(result.units, (Units{2, 1}));
  EXPECT_EQ(result.tied, (Indices{0, 1}));
  // Only forced units: nothing was contested.
  EXPECT_TRUE(apportion(weights({1, 1}), 2, by(Method::huntington_hill)).tied.empty());
}

// --- Errors ------------------------------------------------------------------

TEST(ApportionError, NoRecipients) {
  const ApportionResult result = apportion({}, 10);
  EXPECT_EQ(result.error, ApportionError::no_recipients);
  EXPECT_FALSE(result.ok());
  EXPECT_TRUE(result.units.empty());
}

TEST(ApportionError, AllWeightsZeroWithUnitsToHandOut) {
  EXPECT_EQ(apportion(weights({0, 0}), 5).error, ApportionError::all_weights_zero);
}

TEST(ApportionError, AllWeightsZeroAndNoUnitsIsAnEmptySplit) {
  for (const Method method : {Method::largest_remainder, Method::adams}) {
    const ApportionResult result = apportion(weights({0, 0}), 0, by(method));
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result.units, (Units{0, 0}));
  }
}

TEST(ApportionError, NegativeUnits) {
  EXPECT_EQ(apportion(weights({1}), -1).error, ApportionError::negative_units);
}

TEST(ApportionError, MinimumNotFeasible) {
  // Three recipients at two each need six units.
  EXPECT_EQ(apportion(weights({1, 1, 1}), 5, by(Method::largest_remainder, 2)).error,
            ApportionError::min_not_feasible);
  EXPECT_EQ(apportion(weights({1, 1, 1}), 5, by(Method::dhondt, 2)).error,
            ApportionError::min_not_feasible);
  EXPECT_TRUE(apportion(weights({1, 0, 1}), 5, by(Method::dhondt, 2)).ok());
  // A minimum so large that minimum × count overflows 64 bits.
  EXPECT_EQ(apportion(weights({1, 1, 1}), 5, by(Method::dhondt, INT64_MAX)).error,
            ApportionError::min_not_feasible);
}


// --- Exactness beyond 128 bits -----------------------------------------------

BigNat ten_to_the(int exponent) {
  BigNat result{1};
  for (int i = 0; i < exponent; ++i) result *= BigNat{10};
  return result;
}

TEST(HugeWeights, TenToTheFortyScaleGivesTheSameSplitAsTheSmallRatios) {
  const BigNat scale = ten_to_the(40);
  std::vector<BigNat> huge;
  for (const BigNat& weight : kSixParties) huge.push_back(weight * scale);
  for (const Method method : {Method::largest_remainder, Method::dhondt, Method::sainte_lague,
                              Method::huntington_hill, Method::adams, Method::dean}) {
    for (const std::int64_t units : {6LL, 10LL, 37LL, 1'000'003LL}) {
      const ApportionResult small = apportion(kSixParties, units, by(method));
      const ApportionResult big = apportion(huge, units, by(method));
      ASSERT_TRUE(big.ok());
      EXPECT_EQ(big.units, small.units) << method_id(method) << " " << units;
      EXPECT_EQ(big.tied, small.tied) << method_id(method) << " " << units;
    }
  }
}

TEST(HugeWeights, ADifferenceOfOneInTenToTheFortyDecidesTheUnit) {
  const BigNat base = ten_to_the(40);
  for (const Method method : {Method::largest_remainder, Method::dhondt, Method::sainte_lague}) {
    const ApportionResult result = apportion({base, base + BigNat{1}}, 1, by(method));
    EXPECT_EQ(result.units, (Units{0, 1})) << method_id(method);
    EXPECT_TRUE(result.tied.empty()) << method_id(method);
  }
  const ApportionResult hill = apportion({base, base + BigNat{1}}, 3, by(Method::huntington_hill));
  EXPECT_EQ(hill.units, (Units{1, 2}));
}

TEST(HugeWeights, UnitsInTheTrillionsAreNotHandedOutOneByOne) {
  // 10^13 öre among weights 1, 2, 3, 4: every quota is exact.
  const std::int64_t units = 10'000'000'000'000LL;
  for (const Method method : {Method::largest_remainder, Method::dhondt, Method::sainte_lague,
                              Method::huntington_hill, Method::adams, Method::dean}) {
    const ApportionResult result = apportion(weights({1, 2, 3, 4}), units, by(method));
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result.units, (Units{1'000'000'000'000LL, 2'000'000'000'000LL,
                                   3'000'000'000'000LL, 4'000'000'000'000LL}))
        << method_id(method);
  }
  // Sevenths: quotas …571.43, …142.86, …285.71; the .86 and .71 win.
  EXPECT_EQ(apportion(weights({1, 2, 4}), units).units,
            (Units{1'428'571'428'571LL, 2'857'142'857'143LL, 5'714'285'714'286LL}));
}

}  // namespace
}  // namespace fordela
