// One exact quantity per recipient (quota numerators, rounding weights):
// in 128-bit words when every value fits, as it does for any real pot, and
// in BigNat only when one does not. Every step is overflow-checked, so the
// words are never assumed to be enough.
#pragma once

#include <cstddef>
#include <vector>

#include "fordela/apportion.hpp"
#include "fordela/bignat.hpp"

namespace fordela::detail {

class ExactColumn {
 public:
  using u128 = BigNat::u128;

  ExactColumn() = default;
  explicit ExactColumn(std::vector<u128> words) : words_(std::move(words)) {}
  // Narrowed to words when every value fits.
  explicit ExactColumn(std::vector<BigNat> nats);
  static ExactColumn zeros(std::size_t n) { return ExactColumn(std::vector<u128>(n, 0)); }

  bool narrow() const { return !wide_; }
  std::size_t size() const { return wide_ ? nats_.size() : words_.size(); }
  BigNat operator[](std::size_t i) const { return wide_ ? nats_[i] : BigNat::from_u128(words_[i]); }
  bool is_zero(std::size_t i) const { return wide_ ? nats_[i].is_zero() : words_[i] == 0; }
  const std::vector<u128>& words() const { return words_; }  // when narrow()
  const std::vector<BigNat>& nats() const { return nats_; }   // when !narrow()
  std::vector<BigNat> to_nats() const;

  BigNat sum() const;
  std::size_t count_nonzero() const;
  // The values at the given indices, in that order.
  ExactColumn pick(const std::vector<std::size_t>& indices) const;
  // Every value times factor.
  void scale(const BigNat& factor);
  // Every value plus other's value times factor (other of the same size).
  void add_scaled(const ExactColumn& other, const BigNat& factor);

 private:
  void widen();  // to BigNat from here on

  std::vector<u128> words_;
  std::vector<BigNat> nats_;
  bool wide_ = false;
};

// apportion() over a column, in words when it is narrow.
ApportionResult apportion(const ExactColumn& weights, std::int64_t units, const ApportionOptions& options);

}  // namespace fordela::detail
