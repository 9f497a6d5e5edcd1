// The amount and decimal parsers on any text: never a crash, and what
// they accept reads back the same after formatting (plain, Swedish and
// English forms), so the page and the core always agree on a number.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fordela/api.hpp"
#include "fordela/money.hpp"
#include "fuzz_support.hpp"

using namespace fordela;
using fordela::fuzz::must_parse;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  const AmountParse amount = parse_amount(text);
  if (amount.ok()) {
    FUZZ_CHECK(amount.ore >= -kMaxAmountOre && amount.ore <= kMaxAmountOre, "amount within ±10^13 kr");
    for (const std::string& written : {format_kr_plain(amount.ore), format_kr_sv(amount.ore)}) {
      const AmountParse again = parse_amount(written);
      FUZZ_CHECK(again.ok() && again.ore == amount.ore, "a formatted amount reads back the same");
    }
  }

  const DecimalParse decimal = parse_decimal(text);
  if (decimal.ok()) {
    FUZZ_CHECK(decimal.value.micro >= -kMaxDecimalMicro && decimal.value.micro <= kMaxDecimalMicro,
               "decimal within ±10^12");
    const DecimalParse again = parse_decimal(format_decimal_plain(decimal.value));
    FUZZ_CHECK(again.ok() && again.value == decimal.value, "a formatted decimal reads back the same");
  }

  // A JSON number's '.' is always its decimal mark: what written text
  // reads, a JSON number reads the same, and what is ambiguous as written
  // ("46,600") is only ever so for want of that rule.
  const DecimalParse as_json = parse_decimal(text, Notation::json_number);
  if (decimal.ok()) FUZZ_CHECK(as_json.ok() && as_json.value == decimal.value, "a JSON number reads as written text");
  if (decimal.error == ParseError::ambiguous) FUZZ_CHECK(as_json.ok(), "ambiguous only as written text");

  // The JSON face the page calls for each amount typed.
  const auto answer = must_parse(parse_amount_json(text), "parse_amount_json");
  FUZZ_CHECK(answer.is_object() && answer.contains("ok"), "parse_amount_json answers {ok, ...}");
  FUZZ_CHECK(answer["ok"].get<bool>() == amount.ok(), "parse_amount_json agrees with parse_amount");
  if (amount.ok()) FUZZ_CHECK(answer["ore"].get<std::int64_t>() == amount.ore, "the same öre");
  return 0;
}
