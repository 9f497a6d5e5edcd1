// Arbitrary-precision natural numbers for exact quotas: products of
// amounts, weights and basis totals outgrow 128 bits when a key has
// several components.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

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
  // The limbs, stored inline up to 256 bits: quotas in practice are that
  // small, and a heap allocation per number dominated the engine's time.
  class LimbStore {
   public:
    using value_type = std::uint32_t;
    // User-provided (not "= default"), so that a const BigNat can be
    // default-constructed while inline_ stays unzeroed.
    LimbStore() {}  // NOLINT(modernize-use-equals-default)
    explicit LimbStore(std::size_t count, value_type value = 0) { resize(count, value); }
    LimbStore(const LimbStore& other) { copy_from(other); }
    LimbStore(LimbStore&& other) noexcept { take_from(other); }
    LimbStore& operator=(const LimbStore& other) {
      if (this != &other) {
        size_ = 0;
        copy_from(other);
      }
      return *this;
    }
    LimbStore& operator=(LimbStore&& other) noexcept {
      if (this != &other) {
        release();
        take_from(other);
      }
      return *this;
    }
    ~LimbStore() { release(); }

    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    value_type* data() { return heap_ != nullptr ? heap_ : inline_; }
    const value_type* data() const { return heap_ != nullptr ? heap_ : inline_; }
    value_type* begin() { return data(); }
    value_type* end() { return data() + size_; }
    const value_type* begin() const { return data(); }
    const value_type* end() const { return data() + size_; }
    value_type& operator[](std::size_t i) { return data()[i]; }
    value_type operator[](std::size_t i) const { return data()[i]; }
    value_type& back() { return data()[size_ - 1]; }
    value_type back() const { return data()[size_ - 1]; }
    void push_back(value_type value) {
      reserve(size_ + 1);
      data()[size_++] = value;
    }
    void pop_back() { --size_; }
    void clear() { size_ = 0; }
    void resize(std::size_t count, value_type value = 0) {
      reserve(count);
      for (std::size_t i = size_; i < count; ++i) data()[i] = value;
      size_ = count;
    }
    void assign(std::size_t count, value_type value) {
      size_ = 0;
      resize(count, value);
    }
    friend bool operator==(const LimbStore& a, const LimbStore& b) {
      if (a.size_ != b.size_) return false;
      for (std::size_t i = 0; i < a.size_; ++i) {
        if (a[i] != b[i]) return false;
      }
      return true;
    }

   private:
    static constexpr std::size_t kInline = 8;
    void reserve(std::size_t count) {
      if (count <= capacity_) return;
      std::size_t capacity = count > 2 * capacity_ ? count : 2 * capacity_;
      auto* grown = new value_type[capacity];
      for (std::size_t i = 0; i < size_; ++i) grown[i] = data()[i];
      release();
      heap_ = grown;
      capacity_ = capacity;
    }
    void release() {
      delete[] heap_;
      heap_ = nullptr;
      capacity_ = kInline;
    }
    void copy_from(const LimbStore& other) {
      reserve(other.size_);
      for (std::size_t i = 0; i < other.size_; ++i) data()[i] = other[i];
      size_ = other.size_;
    }
    void take_from(LimbStore& other) {
      if (other.heap_ != nullptr) {
        heap_ = other.heap_;
        capacity_ = other.capacity_;
        other.heap_ = nullptr;
        other.capacity_ = kInline;
      } else {
        for (std::size_t i = 0; i < other.size_; ++i) inline_[i] = other.inline_[i];
      }
      size_ = other.size_;
      other.size_ = 0;
    }
    // Not zeroed: only [0, size_) is ever read, and zeroing the 32 bytes on
    // every construction was a memset call per BigNat in WebAssembly.
    value_type inline_[kInline];
    value_type* heap_ = nullptr;
    std::size_t size_ = 0;
    std::size_t capacity_ = kInline;
  };

  LimbStore limbs_;  // little-endian, no leading zeros

 public:
  using Limbs = LimbStore;  // for the arithmetic helpers in bignat.cpp

 private:
  void trim();
};

struct BigNat::DivMod {
  BigNat quotient;
  BigNat remainder;
};

}  // namespace fordela
