// ExactColumn (exact_column.hpp): 128-bit words with overflow-checked
// steps, falling back to BigNat from the first value that would not fit.
#include "exact_column.hpp"

#include "word_arith.hpp"

namespace fordela::detail {

ExactColumn::ExactColumn(std::vector<BigNat> nats) {
  for (const BigNat& value : nats) {
    if (!value.fits_u128()) {
      nats_ = std::move(nats);
      wide_ = true;
      return;
    }
  }
  words_.reserve(nats.size());
  for (const BigNat& value : nats) words_.push_back(value.to_u128());
}

std::vector<BigNat> ExactColumn::to_nats() const {
  if (wide_) return nats_;
  std::vector<BigNat> out;
  out.reserve(words_.size());
  for (const u128 value : words_) out.push_back(BigNat::from_u128(value));
  return out;
}

void ExactColumn::widen() {
  if (wide_) return;
  nats_ = to_nats();
  words_ = {};
  wide_ = true;
}

BigNat ExactColumn::sum() const {
  BigNat total;
  if (wide_) {
    for (const BigNat& value : nats_) total += value;
    return total;
  }
  u128 partial = 0;
  for (const u128 value : words_) {
    u128 next = 0;
    if (__builtin_add_overflow(partial, value, &next)) {
      total += BigNat::from_u128(partial);
      next = value;
    }
    partial = next;
  }
  return total + BigNat::from_u128(partial);
}

std::size_t ExactColumn::count_nonzero() const {
  std::size_t count = 0;
  for (std::size_t i = 0; i < size(); ++i) count += is_zero(i) ? 0 : 1;
  return count;
}

ExactColumn ExactColumn::pick(const std::vector<std::size_t>& indices) const {
  if (wide_) {
    std::vector<BigNat> picked;
    picked.reserve(indices.size());
    for (const std::size_t i : indices) picked.push_back(nats_[i]);
    return ExactColumn(std::move(picked));
  }
  std::vector<u128> picked;
  picked.reserve(indices.size());
  for (const std::size_t i : indices) picked.push_back(words_[i]);
  return ExactColumn(std::move(picked));
}

void ExactColumn::scale(const BigNat& factor) {
  if (!wide_ && factor.fits_u128()) {
    const u128 f = factor.to_u128();
    std::size_t i = 0;
    for (; i < words_.size(); ++i) {
      u128 product = 0;
      if (!multiply_checked(words_[i], f, product)) break;
      words_[i] = product;
    }
    if (i == words_.size()) return;
    widen();  // nats_[i] is still the value before scaling
    for (; i < nats_.size(); ++i) nats_[i] *= factor;
    return;
  }
  widen();
  for (BigNat& value : nats_) value *= factor;
}

void ExactColumn::add_scaled(const ExactColumn& other, const BigNat& factor) {
  const std::size_t n = size();
  std::size_t i = 0;
  if (!wide_ && !other.wide_ && factor.fits_u128()) {
    const u128 f = factor.to_u128();
    for (; i < n; ++i) {
      u128 part = 0;
      u128 next = 0;
      if (!multiply_checked(other.words_[i], f, part) || __builtin_add_overflow(words_[i], part, &next)) {
        break;
      }
      words_[i] = next;
    }
    if (i == n) return;
  }
  widen();  // from i on in BigNat; the values before i are done
  for (; i < n; ++i) nats_[i] += other[i] * factor;
}

ApportionResult apportion(const ExactColumn& weights, std::int64_t units, const ApportionOptions& options) {
  if (weights.narrow()) return apportion_words(weights.words(), units, options);
  return fordela::apportion(weights.nats(), units, options);
}

}  // namespace fordela::detail
