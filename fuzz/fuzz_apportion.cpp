// Apportionment on any input, two ways. The bytes as a request to
// apportion_json (what the page sends): always a well-formed answer. And
// the bytes decoded into a method, a number of units and weights for
// apportion(): the parts add up, zero weights get nothing, the largest
// remainder stays within its quota, and the 128-bit fast path agrees with
// the all-BigNat computation to the unit.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "fordela/api.hpp"
#include "fordela/apportion.hpp"
#include "fordela/bignat.hpp"
#include "fuzz_support.hpp"

using namespace fordela;
using fordela::fuzz::must_parse;

namespace {

// Reads the bytes front to back; past the end it reads zeros.
struct Bytes {
  const std::uint8_t* data;
  std::size_t size;
  std::size_t pos = 0;
  bool done() const { return pos >= size; }
  std::uint8_t byte() { return pos < size ? data[pos++] : 0; }
  BigNat::u128 number(std::size_t length) {
    BigNat::u128 value = 0;
    for (std::size_t i = 0; i < length; ++i) value = (value << 8) | byte();
    return value;
  }
};

void check_json_request(std::string_view text) {
  const auto answer = must_parse(apportion_json(text), "apportion_json");
  FUZZ_CHECK(answer.is_object() && answer.contains("ok") && answer["ok"].is_boolean(), "{ok, ...}");
  FUZZ_CHECK(answer.contains("findings") && answer["findings"].is_array(), "findings listed");
  if (answer["ok"].get<bool>()) FUZZ_CHECK(answer["allocation"].is_array(), "an allocation");
}

void check_decoded(Bytes in) {
  ApportionOptions options;
  options.method = static_cast<Method>(in.byte() % 6);
  static constexpr std::int64_t kFirstDivisors[] = {1'000'000, 1'200'000, 1'400'000, 2'999'999};
  const std::uint8_t divisor = in.byte();
  options.first_divisor.micro = divisor < 4 ? kFirstDivisors[divisor] : 1'000'000 + divisor * 7'919;
  options.min_units = in.byte() % 4;
  // Up to 2^40 units: öre of a large pot in whole kronor and more.
  const auto units = static_cast<std::int64_t>(in.number(5));

  std::vector<BigNat> weights;
  while (!in.done() && weights.size() < 300) {
    // A length byte, then that many bytes of weight (at most 16: 128 bits,
    // and 17 to 32 as a product, to exceed the fast path).
    const std::size_t length = in.byte() % 33;
    BigNat w = BigNat::from_u128(in.number(length < 16 ? length : 16));
    if (length > 16) w *= BigNat::from_u128(in.number(length - 16));
    weights.push_back(w);
  }

  const ApportionResult result = apportion(weights, units, options);
  const ApportionResult exact = detail::apportion_bignat_only(weights, units, options);
  FUZZ_CHECK(result.error == exact.error, "the fast path and BigNat agree on errors");
  FUZZ_CHECK(result.units == exact.units, "the fast path and BigNat agree to the unit");
  FUZZ_CHECK(result.tied == exact.tied, "the fast path and BigNat agree on ties");
  if (!result.ok()) {
    FUZZ_CHECK(result.units.empty(), "no allocation on an error");
    return;
  }
  FUZZ_CHECK(result.units.size() == weights.size(), "one allocation per recipient");
  BigNat weight_total;
  std::int64_t sum = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    FUZZ_CHECK(result.units[i] >= 0, "no negative allocation");
    if (weights[i].is_zero()) FUZZ_CHECK(result.units[i] == 0, "a zero weight gets nothing");
    else FUZZ_CHECK(result.units[i] >= options.min_units, "the minimum is kept");
    sum += result.units[i];
    weight_total += weights[i];
  }
  FUZZ_CHECK(sum == units, "the parts add up to the whole");
  for (std::size_t i = 1; i < result.tied.size(); ++i) {
    FUZZ_CHECK(result.tied[i - 1] < result.tied[i] && result.tied[i] < weights.size(), "ties ascending");
  }
  // Largest remainder without a minimum: floor(quota) <= a <= ceil(quota).
  if (options.method == Method::largest_remainder && options.min_units == 0) {
    for (std::size_t i = 0; i < weights.size(); ++i) {
      const BigNat product = weights[i] * BigNat(static_cast<std::uint64_t>(units));
      const auto dm = BigNat::divmod(product, weight_total);
      const BigNat a(static_cast<std::uint64_t>(result.units[i]));
      FUZZ_CHECK(dm.quotient <= a, "at least the quota rounded down");
      FUZZ_CHECK(a <= dm.quotient + BigNat(dm.remainder.is_zero() ? 0 : 1), "at most the quota rounded up");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  check_json_request(std::string_view(reinterpret_cast<const char*>(data), size));
  check_decoded(Bytes{data, size});
  return 0;
}
