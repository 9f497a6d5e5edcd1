// 128-bit products built from 64-bit multiplications. Natively the
// compiler's own 64×64→128 instruction; WebAssembly has none, and its
// 128-bit multiply is a call to a helper (__multi3) that the engine's
// inner loops spent ~5 % of their time in: there, four 32×32→64 products.
#pragma once

#include <cstdint>

#include "fordela/bignat.hpp"

namespace fordela::detail {

using u128 = BigNat::u128;

// a × b, exactly.
inline u128 multiply_64(std::uint64_t a, std::uint64_t b) {
#if defined(__wasm__)
  const std::uint64_t a0 = static_cast<std::uint32_t>(a), a1 = a >> 32;
  const std::uint64_t b0 = static_cast<std::uint32_t>(b), b1 = b >> 32;
  const std::uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  const std::uint64_t middle = (p00 >> 32) + static_cast<std::uint32_t>(p01) + static_cast<std::uint32_t>(p10);
  const std::uint64_t low = (middle << 32) | static_cast<std::uint32_t>(p00);
  const std::uint64_t high = p11 + (p01 >> 32) + (p10 >> 32) + (middle >> 32);
  return static_cast<u128>(high) << 64 | low;
#else
  return static_cast<u128>(a) * b;
#endif
}

// a × b modulo 2^128, for a below 2^64.
inline u128 multiply_mod(std::uint64_t a, u128 b) {
  const auto high = static_cast<u128>(a * static_cast<std::uint64_t>(b >> 64));
  return multiply_64(a, static_cast<std::uint64_t>(b)) + (high << 64);
}

// a × b into `product`; false (product unset) when it passes 128 bits.
inline bool multiply_checked(u128 a, u128 b, u128& product) {
  const auto a_high = static_cast<std::uint64_t>(a >> 64);
  const auto b_high = static_cast<std::uint64_t>(b >> 64);
  if (a_high != 0 && b_high != 0) return false;
  if (a_high == 0 && b_high == 0) {
    product = multiply_64(static_cast<std::uint64_t>(a), static_cast<std::uint64_t>(b));
    return true;
  }
  // One factor below 2^64: small × (high·2^64 + low).
  const auto small = static_cast<std::uint64_t>(a_high == 0 ? a : b);
  const u128 big = a_high == 0 ? b : a;
  const u128 upper = multiply_64(small, static_cast<std::uint64_t>(big >> 64));
  if ((upper >> 64) != 0) return false;
  const u128 lower = multiply_64(small, static_cast<std::uint64_t>(big));
  return !__builtin_add_overflow(lower, upper << 64, &product);
}

}  // namespace fordela::detail
