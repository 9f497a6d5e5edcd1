// Arbitrary-precision natural numbers: schoolbook arithmetic on 32-bit limbs
// (64-bit intermediates are native everywhere we ship, WebAssembly included),
// with shortcuts through u128 for the common small values.
#include "fordela/bignat.hpp"

#include <algorithm>
#include <bit>
#include <cstddef>
#include <vector>

namespace fordela {

namespace {

using u128 = BigNat::u128;
using Limb = std::uint32_t;
using Limbs = BigNat::Limbs;
using Wide = std::uint64_t;
constexpr unsigned kLimbBits = 32;

// Knuth's algorithm D (TAOCP vol. 2, 4.3.1) as in Hacker's Delight's
// divmnu: u has at least as many limbs as v, v has at least two limbs and
// no leading zero limb.
void divide_knuth(const Limbs& u, const Limbs& v,
                  Limbs& quotient, Limbs& remainder) {
  const std::size_t n = v.size();
  const std::size_t m = u.size() - n;
  // Normalise so that the divisor's top limb has its high bit set; this
  // keeps the trial quotient at most two too large.
  const unsigned shift = static_cast<unsigned>(std::countl_zero(v.back()));
  Limbs vn(n);
  Limbs un(u.size() + 1);
  for (std::size_t i = n - 1; i > 0; --i) {
    vn[i] = static_cast<Limb>((Wide{v[i]} << shift) | (Wide{v[i - 1]} >> (kLimbBits - shift)));
  }
  vn[0] = static_cast<Limb>(Wide{v[0]} << shift);
  un[u.size()] = static_cast<Limb>(Wide{u.back()} >> (kLimbBits - shift));
  for (std::size_t i = u.size() - 1; i > 0; --i) {
    un[i] = static_cast<Limb>((Wide{u[i]} << shift) | (Wide{u[i - 1]} >> (kLimbBits - shift)));
  }
  un[0] = static_cast<Limb>(Wide{u[0]} << shift);

  constexpr Wide kBase = Wide{1} << kLimbBits;
  quotient.assign(m + 1, 0);
  for (std::size_t j = m + 1; j-- > 0;) {
    const Wide top = (Wide{un[j + n]} << kLimbBits) | un[j + n - 1];
    Wide qhat = top / vn[n - 1];
    Wide rhat = top % vn[n - 1];
    while (qhat >= kBase || qhat * vn[n - 2] > ((rhat << kLimbBits) | un[j + n - 2])) {
      --qhat;
      rhat += vn[n - 1];
      if (rhat >= kBase) break;
    }
    // un[j .. j+n] -= qhat * vn
    Wide carry = 0;
    Wide borrow = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const Wide product = qhat * vn[i] + carry;
      carry = product >> kLimbBits;
      const Wide diff = Wide{un[i + j]} - (product & 0xffff'ffffu) - borrow;
      un[i + j] = static_cast<Limb>(diff);
      borrow = diff >> 63;
    }
    const Wide diff = Wide{un[j + n]} - carry - borrow;
    un[j + n] = static_cast<Limb>(diff);
    if ((diff >> 63) != 0) {
      // qhat was one too large (rare): add the divisor back.
      --qhat;
      Wide sum_carry = 0;
      for (std::size_t i = 0; i < n; ++i) {
        const Wide sum = Wide{un[i + j]} + vn[i] + sum_carry;
        un[i + j] = static_cast<Limb>(sum);
        sum_carry = sum >> kLimbBits;
      }
      un[j + n] = static_cast<Limb>(un[j + n] + sum_carry);
    }
    quotient[j] = static_cast<Limb>(qhat);
  }
  remainder.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    remainder[i] = static_cast<Limb>((Wide{un[i]} >> shift) | (Wide{un[i + 1]} << (kLimbBits - shift)));
  }
}

// Divides in place by a single limb and returns the remainder.
Limb divide_small(Limbs& limbs, Limb divisor) {
  Wide rest = 0;
  for (std::size_t i = limbs.size(); i-- > 0;) {
    const Wide current = (rest << kLimbBits) | limbs[i];
    limbs[i] = static_cast<Limb>(current / divisor);
    rest = current % divisor;
  }
  return static_cast<Limb>(rest);
}

// limbs = limbs * factor + addend
void multiply_add_small(Limbs& limbs, Limb factor, Limb addend) {
  Wide carry = addend;
  for (Limb& limb : limbs) {
    const Wide product = Wide{limb} * factor + carry;
    limb = static_cast<Limb>(product);
    carry = product >> kLimbBits;
  }
  if (carry != 0) limbs.push_back(static_cast<Limb>(carry));
}

u128 gcd_u128(u128 a, u128 b) {
  while (b != 0) {
    const u128 rest = a % b;
    a = b;
    b = rest;
  }
  return a;
}

}  // namespace

BigNat::BigNat(std::uint64_t value) {
  while (value != 0) {
    limbs_.push_back(static_cast<Limb>(value));
    value >>= kLimbBits;
  }
}

BigNat BigNat::from_u128(u128 value) {
  BigNat result;
  while (value != 0) {
    result.limbs_.push_back(static_cast<Limb>(value));
    value >>= kLimbBits;
  }
  return result;
}

std::optional<BigNat> BigNat::from_decimal(std::string_view digits) {
  if (digits.empty()) return std::nullopt;
  BigNat result;
  // Nine digits at a time: 10^9 < 2^32.
  std::size_t pos = 0;
  while (pos < digits.size()) {
    const std::size_t chunk = std::min<std::size_t>(9, digits.size() - pos);
    Limb value = 0;
    Limb scale = 1;
    for (std::size_t i = 0; i < chunk; ++i) {
      const char c = digits[pos + i];
      if (c < '0' || c > '9') return std::nullopt;
      value = value * 10 + static_cast<Limb>(c - '0');
      scale *= 10;
    }
    multiply_add_small(result.limbs_, scale, value);
    pos += chunk;
  }
  result.trim();
  return result;
}

void BigNat::trim() {
  while (!limbs_.empty() && limbs_.back() == 0) limbs_.pop_back();
}

unsigned BigNat::bit_width() const {
  if (limbs_.empty()) return 0;
  return static_cast<unsigned>((limbs_.size() - 1) * kLimbBits) +
         static_cast<unsigned>(std::bit_width(limbs_.back()));
}

std::uint64_t BigNat::to_u64() const {
  std::uint64_t value = 0;
  for (std::size_t i = std::min<std::size_t>(limbs_.size(), 2); i-- > 0;) {
    value = (value << kLimbBits) | limbs_[i];
  }
  return value;
}

u128 BigNat::to_u128() const {
  u128 value = 0;
  for (std::size_t i = std::min<std::size_t>(limbs_.size(), 4); i-- > 0;) {
    value = (value << kLimbBits) | limbs_[i];
  }
  return value;
}

BigNat& BigNat::operator+=(const BigNat& other) {
  if (limbs_.size() < other.limbs_.size()) limbs_.resize(other.limbs_.size(), 0);
  Wide carry = 0;
  for (std::size_t i = 0; i < limbs_.size(); ++i) {
    if (i >= other.limbs_.size() && carry == 0) break;
    const Wide sum = Wide{limbs_[i]} + (i < other.limbs_.size() ? other.limbs_[i] : 0) + carry;
    limbs_[i] = static_cast<Limb>(sum);
    carry = sum >> kLimbBits;
  }
  if (carry != 0) limbs_.push_back(static_cast<Limb>(carry));
  return *this;
}

BigNat& BigNat::operator-=(const BigNat& other) {
  if (*this < other) {
    limbs_.clear();
    return *this;
  }
  Wide borrow = 0;
  for (std::size_t i = 0; i < limbs_.size(); ++i) {
    if (i >= other.limbs_.size() && borrow == 0) break;
    const Wide diff = Wide{limbs_[i]} - (i < other.limbs_.size() ? other.limbs_[i] : 0) - borrow;
    limbs_[i] = static_cast<Limb>(diff);
    borrow = diff >> 63;
  }
  trim();
  return *this;
}

BigNat& BigNat::operator*=(const BigNat& other) {
  if (limbs_.empty() || other.limbs_.empty()) {
    limbs_.clear();
    return *this;
  }
  if (fits_u64() && other.fits_u64()) {
    *this = from_u128(static_cast<u128>(to_u64()) * other.to_u64());
    return *this;
  }
  Limbs product(limbs_.size() + other.limbs_.size(), 0);
  for (std::size_t i = 0; i < limbs_.size(); ++i) {
    Wide carry = 0;
    const Wide factor = limbs_[i];
    for (std::size_t j = 0; j < other.limbs_.size(); ++j) {
      const Wide sum = factor * other.limbs_[j] + product[i + j] + carry;
      product[i + j] = static_cast<Limb>(sum);
      carry = sum >> kLimbBits;
    }
    product[i + other.limbs_.size()] = static_cast<Limb>(carry);
  }
  limbs_ = std::move(product);
  trim();
  return *this;
}

BigNat::DivMod BigNat::divmod(const BigNat& dividend, const BigNat& divisor) {
  if (divisor.is_zero() || dividend < divisor) return {BigNat{}, dividend};
  if (dividend.fits_u128()) {
    const u128 a = dividend.to_u128();
    const u128 b = divisor.to_u128();
    return {from_u128(a / b), from_u128(a % b)};
  }
  DivMod result;
  if (divisor.limbs_.size() == 1) {
    result.quotient = dividend;
    const Limb rest = divide_small(result.quotient.limbs_, divisor.limbs_[0]);
    result.quotient.trim();
    result.remainder = BigNat{rest};
    return result;
  }
  divide_knuth(dividend.limbs_, divisor.limbs_, result.quotient.limbs_, result.remainder.limbs_);
  result.quotient.trim();
  result.remainder.trim();
  return result;
}

BigNat operator/(const BigNat& a, const BigNat& b) { return BigNat::divmod(a, b).quotient; }

BigNat operator%(const BigNat& a, const BigNat& b) { return BigNat::divmod(a, b).remainder; }

BigNat BigNat::gcd(BigNat a, BigNat b) {
  while (!b.is_zero()) {
    if (a.fits_u128() && b.fits_u128()) return from_u128(gcd_u128(a.to_u128(), b.to_u128()));
    BigNat rest = a % b;
    a = std::move(b);
    b = std::move(rest);
  }
  return a;
}

std::strong_ordering operator<=>(const BigNat& a, const BigNat& b) {
  if (a.limbs_.size() != b.limbs_.size()) return a.limbs_.size() <=> b.limbs_.size();
  for (std::size_t i = a.limbs_.size(); i-- > 0;) {
    if (a.limbs_[i] != b.limbs_[i]) return a.limbs_[i] <=> b.limbs_[i];
  }
  return std::strong_ordering::equal;
}

std::string BigNat::to_string() const {
  if (limbs_.empty()) return "0";
  // Peel off nine decimal digits at a time, least significant first.
  Limbs rest = limbs_;
  std::vector<Limb> chunks;
  while (!rest.empty()) {
    chunks.push_back(divide_small(rest, 1'000'000'000u));
    while (!rest.empty() && rest.back() == 0) rest.pop_back();
  }
  std::string text = std::to_string(chunks.back());
  for (std::size_t i = chunks.size() - 1; i-- > 0;) {
    const std::string part = std::to_string(chunks[i]);
    text.append(9 - part.size(), '0');
    text += part;
  }
  return text;
}

}  // namespace fordela
