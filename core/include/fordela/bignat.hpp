// Arbitrary-precision natural numbers for exact quotas: products of
// amounts, weights and basis totals outgrow 128 bits when a key has
// several components.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fordela {

class BigNat {
 public:
  // unsigned __int128 (a GCC/Clang extension), named once so that
  // -Wpedantic builds accept it.
  __extension__ typedef unsigned __int128 u128;

  BigNat() = default;
  BigNat(std::uint64_t value);  // NOLINT: implicit on purpose, like an integer
  static BigNat from_u128(u128 value);
  // Plain decimal digits ("12345"), no sign, spaces or separators;
  // nullopt for anything else, including the empty string.
  static std::optional<BigNat> from_decimal(std::string_view digits);

  bool is_zero() const { return limbs_.empty(); }
  // Number of significant bits (0 for zero).
  unsigned bit_width() const;
  // True when the value fits in 64 / 128 bits.
  bool fits_u64() const { return limbs_.size() <= 2; }
  bool fits_u128() const { return limbs_.size() <= 4; }
  std::uint64_t to_u64() const;           // precondition: fits_u64()
  u128 to_u128() const;                   // precondition: fits_u128()

  BigNat& operator+=(const BigNat& other);
  // Precondition: *this >= other (otherwise the result is zero, not UB).
  BigNat& operator-=(const BigNat& other);
  BigNat& operator*=(const BigNat& other);
  friend BigNat operator+(BigNat a, const BigNat& b) { return a += b; }
  friend BigNat operator-(BigNat a, const BigNat& b) { return a -= b; }
  friend BigNat operator*(BigNat a, const BigNat& b) { return a *= b; }

  struct DivMod;
  // Quotient and remainder; precondition: divisor is not zero (a zero
  // divisor gives quotient zero and the dividend as remainder, not UB).
  static DivMod divmod(const BigNat& dividend, const BigNat& divisor);
  friend BigNat operator/(const BigNat& a, const BigNat& b);
  friend BigNat operator%(const BigNat& a, const BigNat& b);

  static BigNat gcd(BigNat a, BigNat b);

  friend std::strong_ordering operator<=>(const BigNat& a, const BigNat& b);
  friend bool operator==(const BigNat& a, const BigNat& b) = default;

  std::string to_string() const;  // decimal digits

 private:
  std::vector<std::uint32_t> limbs_;  // little-endian, no leading zeros
  void trim();
};

struct BigNat::DivMod {
  BigNat quotient;
  BigNat remainder;
};

}  // namespace fordela
