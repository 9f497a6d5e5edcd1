// Explaining one recipient's amount: each step of the computation told in
// Swedish and English with the numbers the engine used. Every amount is
// read from the engine's Computation; only the story around it (basis
// terms, remainders and their rank) is worked out here.
#include "fordela/explain.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "fordela/apportion.hpp"
#include "fordela/bignat.hpp"
#include "fordela/findings.hpp"
#include "fordela/money.hpp"
#include "engine.hpp"
#include "outcome_json.hpp"
#include "scenario_model.hpp"
#include "user_text.hpp"

namespace fordela {
namespace {

using detail::Basis;
using detail::Component;
using detail::Computation;
using detail::fraction_text;
using detail::isolated;
using detail::join_list;
using detail::nat;
using detail::ojson;
using detail::Recipient;
using detail::rounded_ore;
using detail::Scenario;

constexpr std::string_view kNoBreakSpace = "\xC2\xA0";
constexpr std::string_view kMinusSign = "\xE2\x88\x92";

// ---- numbers in sentences ----------------------------------------------------

// A sentence in both languages.
struct Words {
  std::string sv;
  std::string en;
  Words& operator+=(const Words& more) {
    sv += more.sv;
    en += more.en;
    return *this;
  }
};

BigNat pow10(unsigned digits) {
  BigNat p(1);
  for (unsigned i = 0; i < digits; ++i) p *= BigNat(10);
  return p;
}

// "-1234567.5" (format_decimal_plain's form) as people read it: groups of
// three and a decimal comma in Swedish, commas and a point in English.
std::string readable(std::string_view plain, bool sv) {
  std::string out;
  if (!plain.empty() && plain[0] == '-') {
    out += sv ? kMinusSign : "-";
    plain.remove_prefix(1);
  }
  const std::size_t point = plain.find('.');
  const std::string_view whole = plain.substr(0, point);
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) out += sv ? kNoBreakSpace : ",";
    out += whole[i];
  }
  if (point != std::string_view::npos) {
    out += sv ? ',' : '.';
    out += plain.substr(point + 1);
  }
  return out;
}

std::string decimal(Decimal d, bool sv) { return readable(format_decimal_plain(d), sv); }

// value / 10^digits, exactly, without trailing zeros (or with them, to
// show a rounded value's precision).
std::string scaled(const BigNat& value, unsigned digits, bool sv, bool keep_zeros = false) {
  std::string s = value.to_string();
  if (s.size() <= digits) s.insert(0, digits + 1 - s.size(), '0');
  std::string whole = s.substr(0, s.size() - digits);
  std::string fraction = s.substr(s.size() - digits);
  if (!keep_zeros) {
    while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  }
  return readable(fraction.empty() ? whole : whole + "." + fraction, sv);
}

// num/den with at most `digits` decimals: exact when it has no more, else
// rounded (halves up) and marked "≈".
std::string approx(const BigNat& num, const BigNat& den, unsigned digits, bool sv) {
  const BigNat shifted = num * pow10(digits);
  auto [quotient, remainder] = BigNat::divmod(shifted, den);
  if (remainder.is_zero()) return scaled(quotient, digits, sv);
  const BigNat rounded = (shifted * BigNat(2) + den) / (den * BigNat(2));
  return "≈ " + scaled(rounded, digits, sv, true);
}

std::string kr(Ore ore, bool sv) { return sv ? format_kr_sv(ore) : format_kr_en(ore); }

// "= 1 750 000 kr" when exact, "≈ 704 044,73 kr" when rounded to the öre.
std::string equals_kr(const BigNat& num, const BigNat& den, bool sv) {
  return ((num % den).is_zero() ? "= " : "≈ ") + kr(rounded_ore(num, den), sv);
}

// A change: "+500,72 kr", "−12 kr", "0 kr".
std::string signed_kr(Ore ore, bool sv) { return (ore > 0 ? "+" : "") + kr(ore, sv); }

std::string percent(Decimal share, bool sv) {
  return decimal(share, sv) + (sv ? std::string(kNoBreakSpace) + "%" : std::string("%"));
}

std::string count(std::int64_t n, bool sv) { return readable(std::to_string(n), sv); }

std::string units_words(std::int64_t n, bool sv) {
  return count(n, sv) + (sv ? (n == 1 ? " enhet" : " enheter") : (n == 1 ? " unit" : " units"));
}

// 1:a, 2:a, 3:e … / 1st, 2nd, 3rd, 4th …
std::string ordinal(std::size_t n, bool sv) {
  const std::size_t last = n % 10;
  const bool teen = n % 100 >= 11 && n % 100 <= 13;
  std::string out = std::to_string(n);
  if (sv) return out + ((last == 1 || last == 2) && !teen ? ":a" : ":e");
  if (!teen && last == 1) return out + "st";
  if (!teen && last == 2) return out + "nd";
  if (!teen && last == 3) return out + "rd";
  return out + "th";
}

// ”Befolkning” / “Befolkning”
std::string quoted(std::string_view text, bool sv) { return (sv ? "”" : "“") + isolated(text) + "”"; }

void merge(ojson& into, const ojson& values) {
  for (auto it = values.begin(); it != values.end(); ++it) into[it.key()] = it.value();
}

// A column's label as a sentence shows it.
std::string label_of(const Scenario& s, std::size_t indicator) {
  const auto& ind = s.indicators[indicator];
  return isolated(ind.label.empty() ? ind.id : ind.label);
}

// ---- the rounding methods in words -------------------------------------------

Words method_name(Method method) {
  switch (method) {
    case Method::largest_remainder: return {"största restmetoden", "the largest remainder method"};
    case Method::dhondt: return {"D'Hondts metod", "D'Hondt's method"};
    case Method::sainte_lague: return {"Sainte-Laguës metod", "the Sainte-Laguë method"};
    case Method::huntington_hill: return {"Huntington–Hills metod", "the Huntington–Hill method"};
    case Method::adams: return {"Adams metod", "Adams's method"};
    case Method::dean: return {"Deans metod", "Dean's method"};
  }
  return {"", ""};
}

// A divisor method's rule in one sentence.
Words method_rule(Method method, Decimal first_divisor) {
  switch (method) {
    case Method::dhondt:
      return {"Metoden delar ut enheterna en i taget till den som har högst jämförelsetal: underlaget delat med 1, 2, 3 … "
              "(antalet enheter mottagaren redan har plus ett). Den gynnar stora mottagare.",
              "It hands out the units one at a time to the recipient with the highest comparison number: its basis "
              "divided by 1, 2, 3 … (the units it already has plus one). It favours large recipients."};
    case Method::sainte_lague:
      return {"Metoden delar ut enheterna en i taget till den som har högst jämförelsetal: underlaget delat med " +
                  decimal(first_divisor, true) +
                  ", 3, 5, 7 … efter antalet enheter mottagaren redan har. Den behandlar stora och små mottagare lika.",
              "It hands out the units one at a time to the recipient with the highest comparison number: its basis "
              "divided by " +
                  decimal(first_divisor, false) +
                  ", 3, 5, 7 … by the units it already has. It treats large and small recipients alike."};
    case Method::huntington_hill:
      return {"Varje mottagare med underlag får först en enhet; sedan delas enheterna ut en i taget efter underlaget "
              "delat med √(n(n+1)), där n är antalet enheter mottagaren redan har.",
              "Every recipient with a basis first gets one unit; then the units are handed out one at a time by the "
              "basis divided by √(n(n+1)), where n is the units the recipient already has."};
    case Method::adams:
      return {"Varje mottagare med underlag får först en enhet; sedan delas enheterna ut en i taget efter underlaget "
              "delat med antalet enheter mottagaren redan har. Den gynnar små mottagare.",
              "Every recipient with a basis first gets one unit; then the units are handed out one at a time by the "
              "basis divided by the units the recipient already has. It favours small recipients."};
    case Method::dean:
      return {"Varje mottagare med underlag får först en enhet; sedan delas enheterna ut en i taget efter underlaget "
              "delat med 2n(n+1)/(2n+1), där n är antalet enheter mottagaren redan har.",
              "Every recipient with a basis first gets one unit; then the units are handed out one at a time by the "
              "basis divided by 2n(n+1)/(2n+1), where n is the units the recipient already has."};
    case Method::largest_remainder: break;
  }
  return {"", ""};
}

// ---- one apportionment seen from one recipient --------------------------------

struct Split {
  const std::vector<BigNat>& weights;    // as the engine apportioned them
  Ore money = 0;                         // the amount split (whole units and what is left of one)
  std::int64_t units = 0;                // whole units handed out
  ApportionOptions options;
  std::size_t who = 0;                   // index into weights
  std::int64_t received = 0;             // units the engine gave `who`
  Ore unit = 0;                          // öre per unit
  const std::vector<std::size_t>* map;   // weights index → recipient, or null
};

struct Story {
  Words words;
  ojson values = ojson::object();
};

std::string name_at(const Scenario& s, const Split& split, std::size_t i) {
  return s.recipients[split.map ? (*split.map)[i] : i].name;
}

// Largest remainder as the apportionment traced it, from `who`'s side:
// held at the minimum, or its whole units, its remainder's rank and where
// the line between the remainders that got a unit and those that did not
// fell. Every number is printed so that the next can be recomputed from it.
Words tell_remainders(const Split& split, const RemainderTrace& trace, const std::string& name, ojson& values) {
  const std::size_t who = split.who;
  const BigNat& weight = split.weights[who];
  const std::int64_t floor = std::max<std::int64_t>(0, split.options.min_units);
  Words w;
  if (trace.pinned[who]) {
    values["minimum_units"] = floor;
    return {"Den är under minimum, så " + name + " får minimum, " + units_words(floor, true) + ". ",
            "It is below the minimum, so " + name + " gets the minimum, " + units_words(floor, false) + ". "};
  }
  const std::size_t pinned_count = static_cast<std::size_t>(std::count(trace.pinned.begin(), trace.pinned.end(), 1));
  const BigNat& remainder = trace.remainders[who];
  const std::int64_t whole = trace.whole[who];
  const std::int64_t leftover = trace.leftover;
  const std::size_t ranked = trace.served.size();
  const std::size_t rank =
      static_cast<std::size_t>(std::find(trace.served.begin(), trace.served.end(), who) - trace.served.begin()) + 1;
  const bool extra = static_cast<std::int64_t>(rank) <= leftover;
  if (pinned_count > 0) {
    const std::string share_sv = approx(nat(trace.units_left) * weight, trace.weight_left, 4, true);
    const std::string share_en = approx(nat(trace.units_left) * weight, trace.weight_left, 4, false);
    w += {count(static_cast<std::int64_t>(pinned_count), true) + " mottagare med kvot under minimum fick minimum; de övriga " +
              units_words(trace.units_left, true) + " delades efter underlaget, vilket ger " + name + " " + share_sv +
              " enheter. ",
          count(static_cast<std::int64_t>(pinned_count), false) +
              " recipients with a quota below the minimum got the minimum; the other " +
              units_words(trace.units_left, false) + " were split by the basis, which gives " + name + " " + share_en +
              " units. "};
  }
  w += {"Det ger " + count(whole, true) + (whole == 1 ? " hel enhet" : " hela enheter") + " och en rest på " +
            approx(remainder, trace.weight_left, 4, true) + ". ",
        "That is " + count(whole, false) + (whole == 1 ? " whole unit" : " whole units") + " and a remainder of " +
            approx(remainder, trace.weight_left, 4, false) + ". "};
  const std::int64_t whole_sum = trace.units_left - leftover;
  w += {"Mottagarnas hela enheter är sammanlagt " + count(whole_sum, true) + " av " + count(trace.units_left, true) + ". ",
        "The recipients' whole units add up to " + count(whole_sum, false) + " of " + count(trace.units_left, false) +
            ". "};
  if (leftover <= 0) {
    w += {"Alla enheter gick åt som hela enheter; ingen rest gav någon extra enhet. ",
          "The whole units used up every unit; no remainder earned an extra unit. "};
  } else {
    const std::string rank_sv = rank == 1 ? "den största" : "den " + ordinal(rank, true) + " största";
    const std::string rank_en = rank == 1 ? "the largest" : "the " + ordinal(rank, false) + " largest";
    w += {"Sedan alla fått sina hela enheter återstod " + units_words(leftover, true) + ", som gick till " +
              (leftover == 1 ? std::string("den största resten") : "de " + count(leftover, true) + " största resterna") +
              ". Resten för " + name + " var " + rank_sv + " av " + count(std::int64_t(ranked), true) +
              (extra ? ", så " + name + " fick en enhet till. "
                     : (leftover == 1 ? std::string(", inte den största") : ", inte bland de " + count(leftover, true) + " största") +
                           ", så " + name + " fick ingen extra enhet. "),
          std::string(leftover == 1 ? "After every recipient had its whole units, 1 unit was left; it went to the largest remainder"
                                    : "After every recipient had its whole units, " + units_words(leftover, false) +
                                          " were left; they went to the " + count(leftover, false) + " largest remainders") +
              ". The remainder of " + name + " was " + rank_en + " of " + count(std::int64_t(ranked), false) +
              (extra ? ", so " + name + " received one more unit. "
                     : (leftover == 1 ? std::string(", not the largest") : ", not among the " + count(leftover, false) + " largest") +
                           ", so " + name + " received no extra unit. ")};
    if (static_cast<std::size_t>(leftover) < ranked) {
      const auto last_in = static_cast<std::size_t>(leftover) - 1;
      const BigNat& in = trace.remainders[trace.served[last_in]];
      const BigNat& out = trace.remainders[trace.served[last_in + 1]];
      w += {"Den minsta rest som fick en enhet var " + approx(in, trace.weight_left, 4, true) +
                ", den största som inte fick någon " + approx(out, trace.weight_left, 4, true) + ". ",
            "The smallest remainder that received a unit was " + approx(in, trace.weight_left, 4, false) +
                ", the largest that did not " + approx(out, trace.weight_left, 4, false) + ". "};
    }
  }
  values["whole_units"] = whole;
  values["whole_units_sum"] = whole_sum;
  values["remainder"] = fraction_text(remainder, trace.weight_left);
  values["leftover_units"] = leftover;
  values["rank"] = rank;
  values["ranked_among"] = ranked;
  values["extra_unit"] = extra;
  return w;
}

// A divisor method whose first divisor is zero, with fewer units than
// recipients with a basis: the units went one each to the largest.
Words tell_one_each(const Split& split, const std::string& name, ojson& values) {
  const BigNat& weight = split.weights[split.who];
  std::size_t with_weight = 0;
  std::size_t rank = 1;
  for (std::size_t i = 0; i < split.weights.size(); ++i) {
    if (split.weights[i].is_zero()) continue;
    ++with_weight;
    if (split.weights[i] > weight || (split.weights[i] == weight && i < split.who)) ++rank;
  }
  values["one_each_to_largest"] = true;
  values["basis_rank"] = rank;
  const bool got = split.received > 0;
  return {"Metoden ger först varje mottagare med underlag en enhet, men det finns bara " + units_words(split.units, true) +
              " till " + count(std::int64_t(with_weight), true) + " mottagare. Enheterna går därför en var till de " +
              count(split.units, true) + " med störst underlag. Underlaget för " + name + " är " +
              (rank == 1 ? std::string("det största") : "det " + ordinal(rank, true) + " största") +
              (got ? ", så " + name + " får en enhet. " : ", så " + name + " får ingen. "),
          "The method first gives every recipient with a basis one unit, but there are only " +
              units_words(split.units, false) + " for " + count(std::int64_t(with_weight), false) +
              " recipients. So the units go one each to the " + count(split.units, false) +
              " with the largest basis. The basis of " + name + " is " +
              (rank == 1 ? std::string("the largest") : "the " + ordinal(rank, false) + " largest") +
              (got ? ", so " + name + " receives a unit. " : ", so " + name + " receives none. ")};
}

// How `who` came to its units: its quota, stated so that it can be
// recomputed from the amounts printed before it, and then what the
// apportionment did (its trace, its ties), not a second telling of it.
Story tell_split(const Scenario& s, const Split& split) {
  Story out;
  const std::string name = isolated(name_at(s, split, split.who));
  BigNat total;
  for (const auto& w : split.weights) total += w;
  const BigNat& weight = split.weights[split.who];
  const std::int64_t floor = std::max<std::int64_t>(0, split.options.min_units);
  out.values["units_total"] = split.units;
  out.values["quota_units"] = total.is_zero() ? "0/1" : fraction_text(nat(split.units) * weight, total);
  out.values["units"] = split.received;
  out.values["tied"] = ojson::array();

  if (split.units == 0) {
    out.words = {"Det finns inga hela enheter att fördela, så " + name + " får 0 enheter.",
                 "There are no whole units to hand out, so " + name + " receives 0 units."};
    return out;
  }
  if (weight.is_zero()) {
    out.words = {name + " har inget underlag och får 0 enheter.", name + " has no basis and receives 0 units."};
    return out;
  }
  // The quota: its share of the whole units, from its exact amount and the
  // amount split (not the amount over the unit, which would count the part
  // of a unit that is not allocated).
  const BigNat quota_num = nat(split.units) * weight;
  const Ore exact_ore = rounded_ore(nat(split.money) * weight, total);
  auto quota = [&](bool sv) {
    return count(split.units, sv) + " × " + kr(exact_ore, sv) + " / " + kr(split.money, sv) + " " +
           (approx(quota_num, total, 4, sv).rfind("≈", 0) == 0 ? "" : "= ") + approx(quota_num, total, 4, sv);
  };
  const Words quota_words{"Kvoten för " + name + " är dess andel av de " + count(split.units, true) +
                              " hela enheterna: " + quota(true) + ". ",
                          "The quota of " + name + " is its share of the " + count(split.units, false) +
                              " whole units: " + quota(false) + ". "};
  out.words = quota_words;
  if (floor > 0) {
    out.words += {"Varje mottagare med underlag får minst " + units_words(floor, true) + ". ",
                  "Every recipient with a basis gets at least " + units_words(floor, false) + ". "};
  }

  const ApportionResult result = apportion_traced(split.weights, split.units, split.options);
  const bool agrees = result.ok() && result.units.size() == split.weights.size() &&
                      result.units[split.who] == split.received;
  if (!agrees) {
    // Never expected: the same call on the same weights disagrees with the
    // engine. Say only what the engine did.
    out.words = quota_words;
  } else if (result.trace) {
    out.words += tell_remainders(split, *result.trace, name, out.values);
  } else if (result.one_each_to_largest) {
    out.words += tell_one_each(split, name, out.values);
  } else {
    const Words rule = method_rule(split.options.method, split.options.first_divisor);
    out.words += {rule.sv + " ", rule.en + " "};
  }

  if (agrees && std::find(result.tied.begin(), result.tied.end(), split.who) != result.tied.end()) {
    std::vector<std::string> others;
    for (std::size_t i : result.tied) {
      const std::string other = name_at(s, split, i);
      out.values["tied"].push_back(other);
      if (i != split.who) others.push_back(isolated(other));
    }
    out.words += {name + " hade lika stort anspråk på den sista enheten som " + join_list(others, true) +
                      "; den som står först i listan fick den. ",
                  name + " had an equal claim to the last unit with " + join_list(others, false) +
                      "; the one listed first received it. "};
  }
  out.words += {name + " fick " + units_words(split.received, true) + ", det vill säga " +
                    kr(split.received * split.unit, true) + ". ",
                name + " received " + units_words(split.received, false) + ", that is " +
                    kr(split.received * split.unit, false) + ". "};
  return out;
}

// ---- the explanation ----------------------------------------------------------

class Explainer {
 public:
  // `above` names the recipient whose amount this level splits (empty at
  // the top). Names are kept isolated, as sentences show them.
  Explainer(const Scenario& s, const Computation& c, std::size_t r, std::string_view above = {})
      : s_(s), c_(c), r_(r), rec_(s.recipients[r]), name_(isolated(rec_.name)), above_(isolated(above)) {}

  ojson steps() {
    pot();
    for (std::size_t k = 0; k < s_.key.size(); ++k) {
      if (s_.key[k].apportioned()) {
        apportioned(k);
        if (!s_.rounding.recipient_level) component_rounding(k);
      } else {
        given(k);
      }
    }
    exact();
    if (s_.rounding.recipient_level && apportioned_frames() > 0) recipient_rounding();
    for (std::size_t e = 0; e < s_.earmarks.size(); ++e) earmark(e);
    if (c_.has_redistribution) redistribution();
    total();
    return std::move(steps_);
  }

 private:
  void add(std::string_view kind, const Words& words, ojson values = ojson::object()) {
    ojson step = {{"kind", std::string(kind)}, {"sv", trim(words.sv)}, {"en", trim(words.en)}};
    merge(step, values);
    steps_.push_back(std::move(step));
  }

  static std::string trim(std::string text) {
    while (!text.empty() && text.back() == ' ') text.pop_back();
    return text;
  }

  Ore apportioned_frames() const {
    Ore sum = 0;
    for (std::size_t k = 0; k < s_.key.size(); ++k) {
      if (s_.key[k].apportioned()) sum += c_.frames[k];
    }
    return sum;
  }

  // "1 000 kr is not allocated …" when a split's money is not whole units.
  Words units_of(Ore amount, std::int64_t units) const {
    const Ore unit = s_.rounding.unit;
    Words w{kr(amount, true) + " är " + units_words(units, true) + " om " + kr(unit, true),
            kr(amount, false) + " is " + units_words(units, false) + " of " + kr(unit, false)};
    if (const Ore rest = amount - units * unit; rest > 0) {
      w += {"; " + kr(rest, true) + " fördelas inte eftersom det inte är en hel enhet",
            "; " + kr(rest, false) + " is not allocated as it is not a whole unit"};
    }
    w += {". ", ". "};
    return w;
  }

  Words rounding_intro() const {
    const Words method = method_name(s_.rounding.method);
    return {"Beloppen avrundas till hela " + kr(s_.rounding.unit, true) + " med " + method.sv + ". ",
            "The amounts are rounded to whole units of " + kr(s_.rounding.unit, false) + " by " + method.en + ". "};
  }

  ApportionOptions options() const {
    return ApportionOptions{s_.rounding.method, s_.rounding.first_divisor, s_.rounding.min_units};
  }

  void pot() {
    Words w{"Potten är " + kr(s_.total, true) + ". ", "The pot is " + kr(s_.total, false) + ". "};
    if (!above_.empty() && !s_.total_given) {
      w = {"Potten är det som " + above_ + " får: " + kr(s_.total, true) + ". ",
           "The pot is what " + above_ + " receives: " + kr(s_.total, false) + ". "};
    }
    if (s_.deductions.empty()) {
      w += {"Hela potten fördelas enligt nyckeln.", "The whole pot is split by the key."};
    } else {
      std::vector<std::string> sv, en;
      for (const auto& d : s_.deductions) {
        sv.push_back((d.name.empty() ? std::string("avdrag") : isolated(d.name)) + " " + kr(d.amount, true));
        en.push_back((d.name.empty() ? std::string("deduction") : isolated(d.name)) + " " + kr(d.amount, false));
      }
      w += {"Avdrag: " + join_list(sv, true) + ". Kvar att fördela enligt nyckeln: " + kr(c_.net, true) + ".",
            "Deductions: " + join_list(en, false) + ". Left to split by the key: " + kr(c_.net, false) + "."};
    }
    add("pot", w, {{"pot_ore", s_.total}, {"deductions_ore", c_.deductions}, {"net_ore", c_.net}});
  }

  Words frame_words(std::size_t k) const {
    const Component& comp = s_.key[k];
    return {"Delen " + quoted(comp.name, true) + " får " + percent(comp.share, true) + " av " + kr(c_.net, true) +
                ", det vill säga " + kr(c_.frames[k], true),
            "The part " + quoted(comp.name, false) + " receives " + percent(comp.share, false) + " of " +
                kr(c_.net, false) + ", that is " + kr(c_.frames[k], false)};
  }

  // A basis value as people read it: counts and weights are millionths,
  // weighted sums millionths squared, amount columns öre.
  std::string basis_text(const BigNat& value, const Component& comp, bool sv) const {
    switch (comp.basis) {
      case Basis::weighted: return scaled(value, 12, sv);
      case Basis::indicator:
        return s_.indicators[comp.indicator].is_amount ? scaled(value, 2, sv) + " kr" : scaled(value, 6, sv);
      default: return scaled(value, 0, sv);
    }
  }

  void apportioned(std::size_t k) {
    const Component& comp = s_.key[k];
    const BigNat& num = c_.component_num[k][r_];
    const BigNat& den = c_.component_den[k];
    const BigNat& basis_total = c_.basis_totals[k];
    ojson values = {{"component", k}};
    Words w = frame_words(k);
    BigNat basis;
    if (basis_total.is_zero()) {
      w += {". Ingen mottagare har något underlag, så delen ger inget.",
            ". No recipient has a basis, so the part gives nothing."};
    } else {
      switch (comp.basis) {
        case Basis::weighted: {
          w += {", som fördelas efter en viktad summa. För " + name_ + ": ",
                ", split by a weighted sum. For " + name_ + ": "};
          std::vector<std::string> sv, en;
          // In the order of the columns, as the table shows them.
          auto weights = comp.weights;
          std::sort(weights.begin(), weights.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
          for (const auto& pair : weights) {
            // Named, not bound: clang 14 cannot capture structured bindings.
            const std::size_t index = pair.first;
            const Decimal weight = pair.second;
            const bool amount = s_.indicators[index].is_amount;
            const std::int64_t v = rec_.values[index];
            // As the engine weighs it: an amount column in millionths of a krona.
            const BigNat micro = amount ? nat(v) * BigNat(Decimal::kScale / kOrePerKrona) : nat(v);
            const BigNat product = micro * nat(weight.micro);
            basis += product;
            auto term = [&](bool in_sv) {
              const std::string value = amount ? kr(v, in_sv) : decimal(Decimal{v}, in_sv);
              return label_of(s_, index) + " " + value + " × " + decimal(weight, in_sv) + " = " +
                     scaled(product, 12, in_sv);
            };
            sv.push_back(term(true));
            en.push_back(term(false));
          }
          w += {join_list(sv, true) + ", sammanlagt " + basis_text(basis, comp, true) + " av totalt " +
                    basis_text(basis_total, comp, true) + ". ",
                join_list(en, false) + ", in all " + basis_text(basis, comp, false) + " of a total of " +
                    basis_text(basis_total, comp, false) + ". "};
          break;
        }
        case Basis::indicator: {
          basis = nat(rec_.values[comp.indicator]);
          const std::string label = label_of(s_, comp.indicator);
          w += {", som fördelas efter " + quoted(label, true) + ". " + name_ + " har " + basis_text(basis, comp, true) +
                    " av totalt " + basis_text(basis_total, comp, true) + ". ",
                ", split by " + quoted(label, false) + ". " + name_ + " has " + basis_text(basis, comp, false) +
                    " of a total of " + basis_text(basis_total, comp, false) + ". "};
          break;
        }
        default: {
          basis = BigNat(1);
          w += {", som delas lika mellan de " + scaled(basis_total, 0, true) + " mottagarna. ",
                ", split equally among the " + scaled(basis_total, 0, false) + " recipients. "};
          break;
        }
      }
      if (basis.is_zero()) {
        w += {name_ + " får därför inget ur delen.", "So " + name_ + " receives nothing from it."};
      } else {
        w += {"Det ger " + kr(c_.frames[k], true) + " × " + basis_text(basis, comp, true) + "/" +
                  basis_text(basis_total, comp, true) + " " + equals_kr(num, den, true) + ".",
              "That gives " + kr(c_.frames[k], false) + " × " + basis_text(basis, comp, false) + "/" +
                  basis_text(basis_total, comp, false) + " " + equals_kr(num, den, false) + "."};
      }
      values["basis"] = basis.to_string();
      values["basis_total"] = basis_total.to_string();
      values["share"] = fraction_text(basis, basis_total);
    }
    values["frame_ore"] = c_.frames[k];
    values["exact"] = fraction_text(num, den);
    values["exact_ore"] = rounded_ore(num, den);
    add("component", w, std::move(values));
  }

  void given(std::size_t k) {
    const Component& comp = s_.key[k];
    const BigNat& num = c_.component_num[k][r_];
    const BigNat& den = c_.component_den[k];
    const Ore amount = c_.component_amount[k][r_];
    Words w = frame_words(k);
    if (comp.basis == Basis::fixed) {
      const std::string label = label_of(s_, comp.indicator);
      w += {", och ger fasta belopp ur kolumnen " + quoted(label, true) + ": " + name_ + " får " + kr(amount, true) + ".",
            ", and gives fixed amounts from the column " + quoted(label, false) + ": " + name_ + " receives " +
                kr(amount, false) + "."};
    } else if (!rec_.cost) {
      w += {", och är kostnadsberäknad. " + name_ + " har ingen kostnadsberäkning och får 0 kr.",
            ", and is costed. " + name_ + " has no costing and receives 0 kr."};
    } else if (rec_.cost->pending) {
      w += {", och är kostnadsberäknad. Kostnaden för " + name_ + " är inte beslutad och räknas inte med: 0 kr.",
            ", and is costed. The cost of " + name_ + " is not decided and is not counted: 0 kr."};
    } else {
      const auto& cost = *rec_.cost;
      // posts (millionths) × cost (öre) × months (millionths) / 12 / 10^12
      const BigNat salary = nat(cost.posts.micro) * nat(cost.cost_per_post) * nat(cost.months.micro);
      const BigNat salary_den = BigNat(12) * pow10(12);
      auto line = [&](bool sv) {
        std::string out = decimal(cost.posts, sv) + (sv ? " årsarbetare × " : " posts × ") +
                          kr(cost.cost_per_post, sv) + " × " + decimal(cost.months, sv) + "/12" +
                          (sv ? " månader " : " months ") + equals_kr(salary, salary_den, sv);
        for (const auto& item : cost.other) {
          out += " + " + (item.name.empty() ? std::string(sv ? "övrigt" : "other") : isolated(item.name)) + " " + kr(item.amount, sv);
        }
        if (!cost.other.empty()) out += " " + equals_kr(num, den, sv);
        return out;
      };
      w += {", och är kostnadsberäknad. För " + name_ + ": " + line(true) + ".",
            ", and is costed. For " + name_ + ": " + line(false) + "."};
      if (!(num % den).is_zero()) {
        w += {" Beloppet avrundas till helt öre: " + kr(amount, true) + ".",
              " The amount is rounded to the öre: " + kr(amount, false) + "."};
      }
    }
    add("given", w,
        {{"component", k}, {"frame_ore", c_.frames[k]}, {"exact", fraction_text(num, den)},
         {"exact_ore", rounded_ore(num, den)}, {"amount_ore", amount}});
  }

  void exact() {
    const BigNat& num = c_.exact_num[r_];
    const BigNat& den = c_.exact_den;
    const Ore ore = rounded_ore(num, den);
    Words w;
    if ((num % den).is_zero()) {
      w = {"Sammanlagt ger nyckeln " + name_ + " exakt " + kr(ore, true) + ".",
           "In all, the key gives " + name_ + " exactly " + kr(ore, false) + "."};
    } else {
      // The exact fraction stays in the values ("exact"), out of prose
      // meant for a decision paper.
      w = {"Sammanlagt ger nyckeln " + name_ + " " + equals_kr(num, den, true) + " (avrundat till helt öre).",
           "In all, the key gives " + name_ + " " + equals_kr(num, den, false) + " (rounded to the öre)."};
    }
    add("exact", w, {{"exact", fraction_text(num, den)}, {"exact_ore", ore}});
  }

  // The combined quotas of the apportioned components, rounded together.
  void recipient_rounding() {
    const std::size_t n = s_.recipients.size();
    std::vector<BigNat> weights(n);
    for (std::size_t k = 0; k < s_.key.size(); ++k) {
      if (!s_.key[k].apportioned()) continue;
      const BigNat scale = c_.exact_den / c_.component_den[k];
      for (std::size_t i = 0; i < n; ++i) weights[i] += c_.component_num[k][i] * scale;
    }
    Ore given = 0;
    for (std::size_t k = 0; k < s_.key.size(); ++k) {
      if (!s_.key[k].apportioned()) given += c_.component_amount[k][r_];
    }
    const Ore unit = s_.rounding.unit;
    const Ore frames = apportioned_frames();
    const std::int64_t units = frames / unit;
    const Ore amount = c_.formula[r_] - given;
    Words w = rounding_intro();
    w += units_of(frames, units);
    Story story = tell_split(s_, {weights, frames, units, options(), r_, amount / unit, unit, nullptr});
    w += story.words;
    const Ore exact_ore = rounded_ore(c_.exact_num[r_], c_.exact_den);
    const Ore change = c_.formula[r_] - exact_ore;
    w += {"Avrundningen ändrade beloppet med " + signed_kr(change, true) + " jämfört med det exakta beloppet.",
          "Rounding changed the amount by " + signed_kr(change, false) + " from the exact amount."};
    ojson values = {{"level", "recipient"}, {"method", std::string(method_id(s_.rounding.method))}, {"unit_ore", unit}};
    merge(values, story.values);
    values["amount_ore"] = amount;
    values["formula_ore"] = c_.formula[r_];
    values["rounding_ore"] = change;
    add("rounding", w, std::move(values));
  }

  void component_rounding(std::size_t k) {
    const std::size_t n = s_.recipients.size();
    const Ore unit = s_.rounding.unit;
    const std::int64_t units = c_.frames[k] / unit;
    const Ore amount = c_.component_amount[k].empty() ? 0 : c_.component_amount[k][r_];
    std::vector<BigNat> weights(c_.component_num[k].begin(), c_.component_num[k].end());
    weights.resize(n);
    Words w{"Delen " + quoted(s_.key[k].name, true) + " avrundas för sig. ",
            "The part " + quoted(s_.key[k].name, false) + " is rounded on its own. "};
    w += rounding_intro();
    w += units_of(c_.frames[k], units);
    Story story = tell_split(s_, {weights, c_.frames[k], units, options(), r_, amount / unit, unit, nullptr});
    w += story.words;
    const Ore exact_ore = rounded_ore(c_.component_num[k][r_], c_.component_den[k]);
    w += {"Avrundningen ändrade andelen med " + signed_kr(amount - exact_ore, true) + " jämfört med den exakta andelen.",
          "Rounding changed the share by " + signed_kr(amount - exact_ore, false) + " from the exact share."};
    ojson values = {{"level", "component"}, {"component", k}, {"method", std::string(method_id(s_.rounding.method))}, {"unit_ore", unit}};
    merge(values, story.values);
    values["amount_ore"] = amount;
    values["exact_ore"] = exact_ore;
    values["rounding_ore"] = amount - exact_ore;
    add("rounding", w, std::move(values));
  }

  void earmark(std::size_t e) {
    const Ore amount = c_.earmarks[e][r_];
    const std::string& earmark = s_.earmarks[e].name;
    add("earmark",
        {"Utöver nyckeln får " + name_ + " öronmärkta medel för " + quoted(earmark, true) + ": " + kr(amount, true) + ".",
         "On top of the key, " + name_ + " receives earmarked money for " + quoted(earmark, false) + ": " +
             kr(amount, false) + "."},
        {{"earmark", e}, {"amount_ore", amount}});
  }

  void redistribution() {
    ojson values = {{"pool_ore", c_.pool}, {"requisitioned", rec_.requisitioned}, {"opted_in", rec_.opted_in}};
    const Ore amount = c_.redistribution[r_];
    Words w;
    if (!rec_.requisitioned) {
      w = {name_ + " har inte rekvirerat medlen. Beloppet enligt nyckeln, " + kr(c_.formula[r_], true) +
               ", går därför till omfördelningen.",
           name_ + " did not requisition the money. Its amount by the key, " + kr(c_.formula[r_], false) +
               ", goes to the redistribution."};
      if (!s_.earmarks.empty()) {
        w += {" " + name_ + " behåller sina öronmärkta medel.", " " + name_ + " keeps its earmarked money."};
      }
    } else if (!rec_.opted_in) {
      w = {kr(c_.pool, true) + " rekvirerades inte och fördelas om mellan dem som anmält intresse. " + name_ +
               " har inte anmält intresse och får inget ur omfördelningen.",
           kr(c_.pool, false) + " was not requisitioned and is redistributed among those that opted in. " + name_ +
               " did not opt in and receives nothing from it."};
    } else {
      std::vector<std::size_t> takers;
      for (std::size_t i = 0; i < s_.recipients.size(); ++i) {
        if (s_.recipients[i].requisitioned && s_.recipients[i].opted_in) takers.push_back(i);
      }
      std::vector<BigNat> weights;
      BigNat total;
      std::size_t who = 0;
      for (std::size_t i : takers) {
        if (i == r_) who = weights.size();
        weights.push_back(c_.exact_num[i]);
        total += c_.exact_num[i];
      }
      w = {kr(c_.pool, true) + " rekvirerades inte och fördelas om mellan de " + count(std::int64_t(takers.size()), true) +
               " mottagare som anmält intresse, efter deras exakta belopp enligt nyckeln. ",
           kr(c_.pool, false) + " was not requisitioned and is redistributed among the " +
               count(std::int64_t(takers.size()), false) + " recipients that opted in, by their exact amounts by the key. "};
      if (c_.pool > 0 && !total.is_zero()) {
        const BigNat exact_num = nat(c_.pool) * weights[who];
        // The share as amounts a reader can divide: its exact amount by the
        // key (to the öre) of theirs together.
        const Ore own = rounded_ore(weights[who], c_.exact_den);
        const Ore all = rounded_ore(total, c_.exact_den);
        w += {"Andelen för " + name_ + " är dess belopp enligt nyckeln av deras sammanlagda: " + kr(c_.pool, true) +
                  " × " + kr(own, true) + " / " + kr(all, true) + " " + equals_kr(exact_num, total, true) + ". ",
              "The share of " + name_ + " is its amount by the key of theirs together: " + kr(c_.pool, false) + " × " +
                  kr(own, false) + " / " + kr(all, false) + " " + equals_kr(exact_num, total, false) + ". "};
        w += rounding_intro();
        const std::int64_t units = c_.pool / s_.rounding.unit;
        w += units_of(c_.pool, units);
        ApportionOptions opts = options();
        opts.min_units = 0;  // the minimum is a rule of the first round
        Story story = tell_split(s_, {weights, c_.pool, units, opts, who, amount / s_.rounding.unit, s_.rounding.unit, &takers});
        w += story.words;
        values["share"] = fraction_text(weights[who], total);
        values["exact"] = fraction_text(exact_num, total);
        values["exact_ore"] = rounded_ore(exact_num, total);
        merge(values, story.values);
      } else if (c_.pool > 0) {
        w += {"Ingen av dem har något belopp enligt nyckeln, så beloppet fördelas inte.",
              "None of them has an amount by the key, so the amount is not allocated."};
      }
      w += {name_ + " får " + kr(amount, true) + " ur omfördelningen.",
            name_ + " receives " + kr(amount, false) + " from the redistribution."};
    }
    values["amount_ore"] = amount;
    add("redistribution", w, std::move(values));
  }

  void total() {
    Ore earmarks = 0;
    for (const auto& column : c_.earmarks) earmarks += column[r_];
    const Ore final = c_.final[r_];
    const Ore redistributed = c_.redistribution[r_];
    Words w;
    if (!rec_.requisitioned) {
      const bool earmarked = !s_.earmarks.empty();
      w = {"Sammanlagt får " + name_ + " " + kr(final, true) + (earmarked ? ", bara de öronmärkta medlen," : "") +
               " eftersom medlen enligt nyckeln inte rekvirerades.",
           "In all, " + name_ + " receives " + kr(final, false) + (earmarked ? ", only the earmarked money," : "") +
               " as the money by the key was not requisitioned."};
    } else {
      std::vector<std::string> sv{kr(c_.formula[r_], true) + " enligt nyckeln"};
      std::vector<std::string> en{kr(c_.formula[r_], false) + " by the key"};
      if (!s_.earmarks.empty()) {
        sv.push_back(kr(earmarks, true) + " i öronmärkta medel");
        en.push_back(kr(earmarks, false) + " in earmarked money");
      }
      if (c_.has_redistribution) {
        sv.push_back(kr(redistributed, true) + " ur omfördelningen");
        en.push_back(kr(redistributed, false) + " from the redistribution");
      }
      w = {"Sammanlagt får " + name_ + " " + kr(final, true) + (sv.size() > 1 ? ": " + join_list(sv, true) : "") + ".",
           "In all, " + name_ + " receives " + kr(final, false) + (en.size() > 1 ? ": " + join_list(en, false) : "") + "."};
    }
    ojson values = {{"formula_ore", c_.formula[r_]}, {"earmarks_ore", earmarks}, {"redistribution_ore", redistributed},
                    {"final_ore", final}, {"amount_ore", final}};
    // A sub-scenario splits the amount one level further down; its own
    // explanation belongs to that level.
    if (r_ < c_.subs.size() && c_.subs[r_]) {
      const Scenario& sub = c_.subs[r_]->scenario;
      std::vector<std::string> names;
      for (std::size_t i = 0; i < sub.recipients.size() && i < 10; ++i) names.push_back(isolated(sub.recipients[i].name));
      if (sub.recipients.size() > 10) names.push_back("…");
      w += {" " + name_ + " fördelar " + kr(sub.total, true) + " vidare i en underfördelning mellan " +
                count(std::int64_t(sub.recipients.size()), true) + " mottagare: " + join_list(names, true) + ".",
            " " + name_ + " splits " + kr(sub.total, false) + " further in a sub-scenario among " +
                count(std::int64_t(sub.recipients.size()), false) + " recipients: " + join_list(names, false) + "."};
      values["sub_pot_ore"] = sub.total;
      values["sub_recipients"] = sub.recipients.size();
    }
    add("total", w, std::move(values));
  }

  const Scenario& s_;
  const Computation& c_;
  std::size_t r_;
  const Recipient& rec_;
  const std::string name_;
  const std::string above_;
  ojson steps_ = ojson::array();
};

std::string failure(std::string_view name, const std::vector<Finding>& findings) {
  ojson out;
  out["ok"] = false;
  out["recipient"] = std::string(name);
  out["findings"] = detail::findings_json(findings);
  return detail::dump_json(out);
}

// The names of a level's recipients for a message: the first 20.
std::string names_of(const Scenario& s) {
  std::string names;
  for (std::size_t i = 0; i < s.recipients.size(); ++i) {
    if (i == 20) {
      names += " …";
      break;
    }
    names += (i > 0 ? ", " : "") + isolated(s.recipients[i].name);
  }
  return names;
}

// The recipient named `name`: written exactly so, or else the one recipient
// whose name folds alike (typed decomposed, or with an invisible character);
// the number of recipients when there is none, or no one such.
std::size_t find_recipient(const Scenario& s, const std::string& name) {
  const std::size_t none = s.recipients.size();
  for (std::size_t r = 0; r < none; ++r) {
    if (s.recipients[r].name == name) return r;
  }
  const std::string folded = detail::folded_name(name);
  std::size_t found = none;
  for (std::size_t r = 0; r < none; ++r) {
    if (detail::folded_name(s.recipients[r].name) != folded) continue;
    if (found != none) return none;
    found = r;
  }
  return found;
}

std::string joined_path(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : " / ") + name;
  return out;
}

}  // namespace

std::string explain_json(std::string_view scenario_json, std::string_view recipient_name) {
  return explain_json(scenario_json, std::vector<std::string>{std::string(recipient_name)});
}

std::string explain_json(std::string_view scenario_json, const std::vector<std::string>& names) {
  const std::string shown = joined_path(names);
  detail::Outcome o = detail::evaluate(scenario_json, ScenarioLimits{});
  if (!o.scenario) return failure(shown, o.findings);
  if (names.empty()) {
    o.findings.push_back(make_finding("explain.unknown_recipient", "/recipients",
                                      {{"name", std::string()}, {"names", names_of(*o.scenario)}}));
    return failure(shown, o.findings);
  }
  // Down the levels, one name at a time: the level, its computation (null
  // while the scenario has errors) and its pointer.
  const Scenario* s = &*o.scenario;
  const Computation* c = o.computation && !has_errors(o.findings) ? &*o.computation : nullptr;
  std::string level;
  std::string above;
  std::size_t r = 0;
  for (std::size_t depth = 0; depth < names.size(); ++depth) {
    r = find_recipient(*s, names[depth]);
    if (r == s->recipients.size()) {
      o.findings.push_back(make_finding("explain.unknown_recipient", level + "/recipients",
                                        {{"name", names[depth]}, {"names", names_of(*s)}}));
      return failure(shown, o.findings);
    }
    if (depth + 1 == names.size()) break;
    const std::string at = level + "/recipients/" + std::to_string(r);
    if (!s->recipients[r].sub) {
      o.findings.push_back(
          make_finding("explain.no_sub_level", at, {{"name", names[depth]}, {"next", names[depth + 1]}}));
      return failure(shown, o.findings);
    }
    above = names[depth];
    level = at + "/sub";
    if (c == nullptr) {
      s = s->recipients[r].sub.get();
      continue;
    }
    const detail::SubResult* sub = r < c->subs.size() ? c->subs[r].get() : nullptr;
    if (sub == nullptr) return failure(shown, o.findings);
    s = &sub->scenario;
    c = &sub->computation;
  }
  if (c == nullptr) return failure(shown, o.findings);

  ojson steps = Explainer(*s, *c, r, above).steps();
  const std::string& name = s->recipients[r].name;
  std::string sv = "Så beräknades beloppet till " + isolated(name);
  std::string en = "How the amount for " + isolated(name);
  if (!above.empty()) {
    sv += " (inom " + isolated(above) + ")";
    en += " (within " + isolated(above) + ")";
  }
  sv += "\n";
  en += " was computed\n";
  for (const auto& step : steps) {
    sv += "\n" + step["sv"].get<std::string>();
    en += "\n" + step["en"].get<std::string>();
  }
  ojson out;
  out["ok"] = true;
  out["recipient"] = name;
  if (names.size() > 1) out["path"] = names;
  out["steps"] = std::move(steps);
  out["text"] = {{"sv", sv}, {"en", en}};
  out["findings"] = detail::findings_json(o.findings);
  return detail::dump_json(out);
}

}  // namespace fordela
