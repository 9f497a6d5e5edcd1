// BigNat: hand-checked values, decimal round trips, and identities over
// random numbers cross-checked against unsigned __int128 where they fit.
#include "fordela/bignat.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <ostream>
#include <random>
#include <string>

namespace fordela {

// Lets GoogleTest print values in failure messages.
void PrintTo(const BigNat& value, std::ostream* out) { *out << value.to_string(); }

namespace {

using u128 = BigNat::u128;

BigNat from_decimal(const char* digits) {
  const std::optional<BigNat> value = BigNat::from_decimal(digits);
  EXPECT_TRUE(value.has_value()) << digits;
  return value.value_or(BigNat{});
}

BigNat factorial(unsigned n) {
  BigNat result{1};
  for (unsigned i = 2; i <= n; ++i) result *= BigNat{i};
  return result;
}

BigNat power(std::uint64_t base, unsigned exponent) {
  BigNat result{1};
  for (unsigned i = 0; i < exponent; ++i) result *= BigNat{base};
  return result;
}

std::string u128_to_string(u128 value) {
  if (value == 0) return "0";
  std::string digits;
  while (value != 0) {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(value % 10)));
    value /= 10;
  }
  return digits;
}

// Random value of a random width up to `max_bits`, with runs of all-ones
// and all-zeros limbs now and then: the shapes that trip carries and
// Knuth's correction steps.
class RandomBigNat {
 public:
  explicit RandomBigNat(std::uint64_t seed) : engine_(seed) {}

  BigNat operator()(unsigned max_limbs) {
    const auto limbs = std::uniform_int_distribution<unsigned>(1, max_limbs)(engine_);
    BigNat value;
    for (unsigned i = 0; i < limbs; ++i) {
      value = value * BigNat{std::uint64_t{1} << 32} + BigNat{limb()};
    }
    return value;
  }

  u128 u128_of_bits(unsigned bits) {
    const u128 raw = (static_cast<u128>(engine_()) << 64) | engine_();
    return bits >= 128 ? raw : raw & ((static_cast<u128>(1) << bits) - 1);
  }

  std::mt19937_64& engine() { return engine_; }

 private:
  std::uint32_t limb() {
    switch (engine_() % 6) {
      case 0: return 0;
      case 1: return 0xffff'ffffu;
      case 2: return 0x8000'0000u;
      default: return static_cast<std::uint32_t>(engine_());
    }
  }
  std::mt19937_64 engine_;
};

TEST(BigNat, ZeroIsEmptyAndPrintsAsZero) {
  const BigNat zero;
  EXPECT_TRUE(zero.is_zero());
  EXPECT_EQ(zero.bit_width(), 0u);
  EXPECT_EQ(zero.to_string(), "0");
  EXPECT_EQ(zero, BigNat{0});
  EXPECT_EQ(zero, BigNat::from_u128(0));
}

TEST(BigNat, SmallValuesRoundTripThroughU64AndU128) {
  for (const std::uint64_t value : {std::uint64_t{1}, std::uint64_t{4294967295u},
                                    std::uint64_t{4294967296u}, UINT64_MAX}) {
    const BigNat big{value};
    EXPECT_TRUE(big.fits_u64());
    EXPECT_EQ(big.to_u64(), value);
    EXPECT_EQ(big.to_u128(), value);
    EXPECT_EQ(big.to_string(), std::to_string(value));
  }
  const u128 top = ~u128{0};
  const BigNat big = BigNat::from_u128(top);
  EXPECT_FALSE(big.fits_u64());
  EXPECT_TRUE(big.fits_u128());
  EXPECT_EQ(big.to_u128(), top);
  EXPECT_EQ(big.bit_width(), 128u);
  EXPECT_FALSE((big + BigNat{1}).fits_u128());
}

TEST(BigNat, BitWidthCountsSignificantBits) {
  EXPECT_EQ(BigNat{1}.bit_width(), 1u);
  EXPECT_EQ(BigNat{255}.bit_width(), 8u);
  EXPECT_EQ(BigNat{std::uint64_t{1} << 32}.bit_width(), 33u);
  EXPECT_EQ(power(2, 200).bit_width(), 201u);
}

TEST(BigNat, ParsesPlainDecimalDigitsOnly) {
  EXPECT_EQ(from_decimal("0"), BigNat{});
  EXPECT_EQ(from_decimal("000123"), BigNat{123});
  EXPECT_EQ(from_decimal("18446744073709551616"), BigNat{UINT64_MAX} + BigNat{1});
  for (const char* bad : {"", "-1", " 1", "1 000", "12a", "1.5", "+3"}) {
    EXPECT_FALSE(BigNat::from_decimal(bad).has_value()) << '"' << bad << '"';
  }
}

TEST(BigNat, AdditionCarriesAcrossLimbs) {
  EXPECT_EQ((BigNat{UINT64_MAX} + BigNat{1}).to_string(), "18446744073709551616");
  EXPECT_EQ((BigNat::from_u128(~u128{0}) + BigNat{1}).to_string(),
            "340282366920938463463374607431768211456");
}

TEST(BigNat, SubtractionBorrowsAcrossLimbs) {
  EXPECT_EQ((power(2, 100) - BigNat{1}).to_string(), "1267650600228229401496703205375");
  EXPECT_EQ(power(2, 100) - power(2, 100), BigNat{});
}

TEST(BigNat, SubtractingALargerValueGivesZeroRatherThanWrapping) {
  EXPECT_EQ(BigNat{3} - BigNat{5}, BigNat{});
}

TEST(BigNat, MultipliesHandCheckedValues) {
  EXPECT_EQ((BigNat{UINT64_MAX} * BigNat{UINT64_MAX}).to_string(),
            "340282366920938463426481119284349108225");
  EXPECT_EQ(power(2, 128).to_string(), "340282366920938463463374607431768211456");
  EXPECT_EQ(power(2, 200).to_string(),
            "1606938044258990275541962092341162602522202993782792835301376");
  EXPECT_EQ(power(3, 150).to_string(),
            "369988485035126972924700782451696644186473100389722973815184405301748249");
  EXPECT_EQ(BigNat{12345} * BigNat{}, BigNat{});
}

TEST(BigNat, FactorialsAsDecimalStrings) {
  EXPECT_EQ(factorial(30).to_string(), "265252859812191058636308480000000");
  EXPECT_EQ(factorial(50).to_string(),
            "30414093201713378043612608166064768844377641568960512000000000000");
  EXPECT_EQ(factorial(100).to_string(),
            "93326215443944152681699238856266700490715968264381621468592963895217599993229915608941"
            "463976156518286253697920827223758251185210916864000000000000000000000000");
}

TEST(BigNat, DividesHandCheckedValues) {
  const BigNat::DivMod result = BigNat::divmod(power(2, 200) + BigNat{12345}, power(2, 100) + BigNat{7});
  EXPECT_EQ(result.quotient.to_string(), "1267650600228229401496703205369");
  EXPECT_EQ(result.remainder, BigNat{12394});
  EXPECT_EQ(factorial(100) / factorial(98), BigNat{9900});
  EXPECT_EQ(factorial(100) % BigNat{97}, BigNat{});
  EXPECT_EQ((factorial(100) / factorial(60)).to_string(),
            "11215762526664624508781016841049139209146570250671219642011054243840000000000");
  EXPECT_EQ(power(2, 100) % BigNat{1'000'000'007}, BigNat{976371285});
}

TEST(BigNat, DivisionWhereTheTrialQuotientOvershootsAndIsAddedBack) {
  // Operands found by simulating Knuth's algorithm D on 32-bit limbs:
  // each needs the rare "add back" correction.
  const BigNat::DivMod first =
      BigNat::divmod(from_decimal("6277101733925179126164604138320727607456267458120110833664"),
                     from_decimal("198070406285660843975269941250"));
  EXPECT_EQ(first.quotient.to_string(), "31691264998327037407590162104");
  EXPECT_EQ(first.remainder.to_string(), "174301957533964086874054443664");
  const BigNat::DivMod second = BigNat::divmod(
      from_decimal("13479973330436769029640167162272485359175458173917254239575787700223"),
      from_decimal("170141183381241069245093082232904482815"));
  EXPECT_EQ(second.quotient.to_string(), "79228162532711081662958534655");
  EXPECT_EQ(second.remainder.to_string(), "237684487588909872962758246398");
}

TEST(BigNat, DividingBySomethingLargerGivesZeroAndTheDividend) {
  const BigNat::DivMod result = BigNat::divmod(BigNat{5}, power(10, 30));
  EXPECT_EQ(result.quotient, BigNat{});
  EXPECT_EQ(result.remainder, BigNat{5});
}

TEST(BigNat, DividingByZeroIsDefinedNotACrash) {
  const BigNat::DivMod result = BigNat::divmod(BigNat{5}, BigNat{});
  EXPECT_EQ(result.quotient, BigNat{});
  EXPECT_EQ(result.remainder, BigNat{5});
}

TEST(BigNat, GreatestCommonDivisor) {
  EXPECT_EQ(BigNat::gcd(BigNat{12}, BigNat{18}), BigNat{6});
  EXPECT_EQ(BigNat::gcd(BigNat{}, BigNat{7}), BigNat{7});
  EXPECT_EQ(BigNat::gcd(BigNat{7}, BigNat{}), BigNat{7});
  EXPECT_EQ(BigNat::gcd(factorial(100), power(2, 200) + power(3, 150)), BigNat{125});
  EXPECT_EQ(BigNat::gcd(factorial(40), power(3, 150)), BigNat{387'420'489});  // 3^18
}

TEST(BigNat, OrdersByValueNotByLimbCount) {
  EXPECT_LT(BigNat{UINT64_MAX}, power(2, 64));
  EXPECT_GT(power(2, 64) + BigNat{1}, power(2, 64));
  EXPECT_EQ(power(2, 64) <=> power(2, 64), std::strong_ordering::equal);
  EXPECT_LT(BigNat{}, BigNat{1});
}

TEST(BigNatRandom, AgreesWithUnsigned128WhereItFits) {
  RandomBigNat random(20240501);
  for (int i = 0; i < 20'000; ++i) {
    const unsigned bits_a = static_cast<unsigned>(random.engine()() % 128) + 1;
    const unsigned bits_b = static_cast<unsigned>(random.engine()() % 128) + 1;
    const u128 a = random.u128_of_bits(bits_a);
    const u128 b = random.u128_of_bits(bits_b);
    const BigNat big_a = BigNat::from_u128(a);
    const BigNat big_b = BigNat::from_u128(b);
    ASSERT_EQ(big_a.to_string(), u128_to_string(a));
    ASSERT_EQ(big_a <=> big_b, a <=> b);
    if (a + b >= a) ASSERT_EQ((big_a + big_b).to_u128(), a + b);
    if (a >= b) ASSERT_EQ((big_a - big_b).to_u128(), a - b);
    if (bits_a + bits_b <= 128) ASSERT_EQ((big_a * big_b).to_u128(), a * b);
    if (b != 0) {
      const BigNat::DivMod result = BigNat::divmod(big_a, big_b);
      ASSERT_EQ(result.quotient.to_u128(), a / b);
      ASSERT_EQ(result.remainder.to_u128(), a % b);
    }
    const u128 small_a = a >> 64;
    const u128 small_b = b >> 64;
    ASSERT_EQ((BigNat::from_u128(small_a) * BigNat::from_u128(small_b)).to_u128(), small_a * small_b);
  }
}

TEST(BigNatRandom, DivisionIdentityHoldsForLargeOperands) {
  RandomBigNat random(7);
  for (int i = 0; i < 5'000; ++i) {
    const BigNat a = random(24);
    BigNat b = random(12);
    if (b.is_zero()) b = BigNat{1};
    const BigNat::DivMod result = BigNat::divmod(a, b);
    ASSERT_LT(result.remainder, b);
    ASSERT_EQ(result.quotient * b + result.remainder, a) << a.to_string() << " / " << b.to_string();
    ASSERT_EQ(a / b, result.quotient);
    ASSERT_EQ(a % b, result.remainder);
  }
}

TEST(BigNatRandom, RingIdentities) {
  RandomBigNat random(99);
  for (int i = 0; i < 3'000; ++i) {
    const BigNat a = random(10);
    const BigNat b = random(10);
    const BigNat c = random(6);
    ASSERT_EQ(a + b, b + a);
    ASSERT_EQ(a * b, b * a);
    ASSERT_EQ((a + b) - b, a);
    ASSERT_EQ((a * b) * c, a * (b * c));
    ASSERT_EQ(a * (b + c), a * b + a * c);
    if (!b.is_zero()) ASSERT_EQ((a * b) / b, a);
    if (!b.is_zero()) ASSERT_EQ((a * b + c) % b, c % b);
  }
}

TEST(BigNatRandom, GcdDividesBothAndScalesWithACommonFactor) {
  RandomBigNat random(1234);
  for (int i = 0; i < 1'000; ++i) {
    const BigNat a = random(8);
    const BigNat b = random(8);
    BigNat c = random(3);
    if (c.is_zero()) c = BigNat{1};
    const BigNat g = BigNat::gcd(a, b);
    if (g.is_zero()) {
      ASSERT_TRUE(a.is_zero() && b.is_zero());
      continue;
    }
    ASSERT_EQ(a % g, BigNat{});
    ASSERT_EQ(b % g, BigNat{});
    ASSERT_EQ(BigNat::gcd(a / g, b / g), BigNat{1});
    ASSERT_EQ(BigNat::gcd(a * c, b * c), g * c);
  }
}

TEST(BigNatRandom, DecimalRoundTrip) {
  RandomBigNat random(555);
  for (int i = 0; i < 2'000; ++i) {
    const BigNat value = random(20);
    ASSERT_EQ(BigNat::from_decimal(value.to_string()), value);
  }
}

}  // namespace
}  // namespace fordela
