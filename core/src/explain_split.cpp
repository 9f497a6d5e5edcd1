// The rounding step's story: a recipient's quota and what the
// apportionment's trace says happened to it. Every number is printed so
// that the next can be recomputed from it.
#include "explain_split.hpp"

#include <algorithm>
#include <string>

#include "engine.hpp"
#include "user_text.hpp"

namespace fordela::detail {
namespace {

std::string name_at(const Scenario& s, const Split& split, std::size_t i) {
  return s.recipients[split.map ? (*split.map)[i] : i].name;
}

// A divisor method's rule in one sentence.
Words method_rule(Method method, Decimal first_divisor) {
  return say("explain.rule." + std::string(method_id(method)), {{"first_divisor", decimal(first_divisor)}});
}

// Largest remainder as the apportionment traced it, from `who`'s side:
// held at the minimum, or its whole units, its remainder's rank and where
// the line between the remainders that got a unit and those that did not
// fell.
Words tell_remainders(const Split& split, const RemainderTrace& trace, const Words& name, ojson& values) {
  const std::size_t who = split.who;
  const BigNat& weight = split.weights[who];
  const std::int64_t floor = std::max<std::int64_t>(0, split.options.min_units);
  if (trace.pinned[who]) {
    values["minimum_units"] = floor;
    return say("explain.split.pinned", {{"name", name}, {"units", units_words(floor)}});
  }
  const auto pinned_count = static_cast<std::int64_t>(std::count(trace.pinned.begin(), trace.pinned.end(), 1));
  const BigNat& remainder = trace.remainders[who];
  const std::int64_t whole = trace.whole[who];
  const std::int64_t leftover = trace.leftover;
  const std::size_t ranked = trace.served.size();
  const std::size_t rank =
      static_cast<std::size_t>(std::find(trace.served.begin(), trace.served.end(), who) - trace.served.begin()) + 1;
  const bool extra = static_cast<std::int64_t>(rank) <= leftover;
  Words w;
  if (pinned_count > 0) {
    w.then(say("explain.split.pinned_others", {{"pinned", count(pinned_count)},
                                               {"units", units_words(trace.units_left)},
                                               {"name", name},
                                               {"share", approx(nat(trace.units_left) * weight, trace.weight_left, 4)}}));
  }
  w.then(say(whole == 1 ? "explain.split.whole.one" : "explain.split.whole.other",
             {{"whole", count(whole)}, {"remainder", approx(remainder, trace.weight_left, 4)}}));
  const std::int64_t whole_sum = trace.units_left - leftover;
  w.then(say("explain.split.whole_sum", {{"sum", count(whole_sum)}, {"total", count(trace.units_left)}}));
  if (leftover <= 0) {
    w.then(say("explain.split.no_leftover"));
  } else {
    w.then(say(leftover == 1 ? "explain.split.leftover.one" : "explain.split.leftover.other",
               {{"units", units_words(leftover)}, {"count", count(leftover)}}));
    const Words rank_words =
        rank == 1 ? say("explain.rank.first") : say("explain.rank.nth", {{"ordinal", ordinal(rank)}});
    const char* outcome = extra              ? "explain.split.rank.extra"
                          : leftover == 1    ? "explain.split.rank.not_largest"
                                             : "explain.split.rank.not_among";
    w.then(say(outcome, {{"name", name},
                         {"rank", rank_words},
                         {"ranked", count(static_cast<std::int64_t>(ranked))},
                         {"count", count(leftover)}}));
    if (static_cast<std::size_t>(leftover) < ranked) {
      const auto last_in = static_cast<std::size_t>(leftover) - 1;
      const BigNat& in = trace.remainders[trace.served[last_in]];
      const BigNat& out = trace.remainders[trace.served[last_in + 1]];
      w.then(say("explain.split.cutoff",
                 {{"in", approx(in, trace.weight_left, 4)}, {"out", approx(out, trace.weight_left, 4)}}));
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
Words tell_one_each(const Split& split, const Words& name, ojson& values) {
  const BigNat& weight = split.weights[split.who];
  std::int64_t with_weight = 0;
  std::size_t rank = 1;
  for (std::size_t i = 0; i < split.weights.size(); ++i) {
    if (split.weights[i].is_zero()) continue;
    ++with_weight;
    if (split.weights[i] > weight || (split.weights[i] == weight && i < split.who)) ++rank;
  }
  values["one_each_to_largest"] = true;
  values["basis_rank"] = rank;
  Words w = say("explain.one_each.intro",
                {{"units", units_words(split.units)}, {"count", count(with_weight)}, {"n", count(split.units)}});
  const Words rank_words =
      rank == 1 ? say("explain.basis_rank.first") : say("explain.basis_rank.nth", {{"ordinal", ordinal(rank)}});
  return w.then(say(split.received > 0 ? "explain.one_each.got" : "explain.one_each.none",
                    {{"name", name}, {"rank", rank_words}}));
}

}  // namespace

Words method_name(Method method) { return say("explain.method." + std::string(method_id(method))); }

Story tell_split(const Scenario& s, const Split& split) {
  Story out;
  const Words name = same(isolated(name_at(s, split, split.who)));
  BigNat total;
  for (const auto& w : split.weights) total += w;
  const BigNat& weight = split.weights[split.who];
  const std::int64_t floor = std::max<std::int64_t>(0, split.options.min_units);
  out.values["units_total"] = split.units;
  out.values["quota_units"] = total.is_zero() ? "0/1" : fraction_text(nat(split.units) * weight, total);
  out.values["units"] = split.received;
  out.values["tied"] = ojson::array();

  if (split.units == 0) {
    out.words = say("explain.split.no_units", {{"name", name}});
    return out;
  }
  if (weight.is_zero()) {
    out.words = say("explain.split.no_basis", {{"name", name}});
    return out;
  }
  // The quota: its share of the whole units, from its exact amount and the
  // amount split (not the amount over the unit, which would count the part
  // of a unit that is not allocated).
  const Words quota_value = approx(nat(split.units) * weight, total, 4);
  Words quota = count(split.units);
  quota += same(" × ");
  quota += kr(rounded_ore(nat(split.money) * weight, total));
  quota += same(" / ");
  quota += kr(split.money);
  quota += same(quota_value.sv.rfind("≈", 0) == 0 ? " " : " = ");
  quota += quota_value;
  const Words quota_words = say("explain.split.quota", {{"name", name}, {"units", count(split.units)}, {"quota", quota}});
  out.words = quota_words;
  if (floor > 0) out.words.then(say("explain.split.minimum", {{"units", units_words(floor)}}));

  const ApportionResult result = apportion_traced(split.weights, split.units, split.options);
  const bool agrees = result.ok() && result.units.size() == split.weights.size() &&
                      result.units[split.who] == split.received;
  if (!agrees) {
    // Never expected: the same call on the same weights disagrees with the
    // engine. Say only what the engine did.
    out.words = quota_words;
  } else if (result.trace) {
    out.words.then(tell_remainders(split, *result.trace, name, out.values));
  } else if (result.one_each_to_largest) {
    out.words.then(tell_one_each(split, name, out.values));
  } else {
    out.words.then(method_rule(split.options.method, split.options.first_divisor));
  }

  if (agrees && std::find(result.tied.begin(), result.tied.end(), split.who) != result.tied.end()) {
    std::vector<Words> others;
    for (std::size_t i : result.tied) {
      const std::string other = name_at(s, split, i);
      out.values["tied"].push_back(other);
      if (i != split.who) others.push_back(same(isolated(other)));
    }
    out.words.then(say("explain.split.tie", {{"name", name}, {"others", join(others)}}));
  }
  out.words.then(say("explain.split.received",
                     {{"name", name}, {"units", units_words(split.received)}, {"amount", kr(split.received * split.unit)}}));
  return out;
}

}  // namespace fordela::detail
