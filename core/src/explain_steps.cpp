// The steps of an explanation: the pot, each part of the key, the exact
// amount, the rounding, earmarks, the redistribution round and the total,
// each told with the numbers the engine used. The words are the
// catalogue's; only the basis terms are worked out here.
#include "explain_steps.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "explain_split.hpp"
#include "explain_words.hpp"
#include "user_text.hpp"

namespace fordela::detail {
namespace {

void merge(ojson& into, const ojson& values) {
  for (auto it = values.begin(); it != values.end(); ++it) into[it.key()] = it.value();
}

class Explainer {
 public:
  // Names are kept isolated, as sentences show them.
  Explainer(const Scenario& s, const Computation& c, std::size_t r, std::string_view above)
      : s_(s), c_(c), r_(r), rec_(s.recipients[r]), name_(same(isolated(rec_.name))), above_(isolated(above)) {}

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
    ojson step = {{"kind", std::string(kind)}, {"sv", words.sv}, {"en", words.en}};
    merge(step, values);
    steps_.push_back(std::move(step));
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
    const Ore rest = amount - units * unit;
    return say(rest > 0 ? "explain.units_of.rest" : "explain.units_of",
               {{"amount", kr(amount)}, {"units", units_words(units)}, {"unit", kr(unit)}, {"rest", kr(rest)}});
  }

  Words rounding_intro() const {
    return say("explain.rounding.intro", {{"unit", kr(s_.rounding.unit)}, {"method", method_name(s_.rounding.method)}});
  }

  ApportionOptions options() const {
    return ApportionOptions{s_.rounding.method, s_.rounding.first_divisor, s_.rounding.min_units};
  }

  // A column's label as a sentence shows it.
  Words label_of(std::size_t indicator) const {
    const auto& ind = s_.indicators[indicator];
    return same(isolated(ind.label.empty() ? ind.id : ind.label));
  }

  void pot() {
    Words w = !above_.empty() && !s_.total_given
                  ? say("explain.pot.sub", {{"above", same(above_)}, {"pot", kr(s_.total)}})
                  : say("explain.pot", {{"pot", kr(s_.total)}});
    if (s_.deductions.empty()) {
      w.then(say("explain.pot.whole"));
    } else {
      std::vector<Words> list;
      for (const auto& d : s_.deductions) {
        Words item = d.name.empty() ? say("explain.pot.deduction") : same(isolated(d.name));
        item += same(" ");
        list.push_back(item += kr(d.amount));
      }
      w.then(say("explain.pot.deductions", {{"list", join(list)}, {"net", kr(c_.net)}}));
    }
    add("pot", w, {{"pot_ore", s_.total}, {"deductions_ore", c_.deductions}, {"net_ore", c_.net}});
  }

  // The part's frame, for the sentences that open a component's step.
  WordArgs frame_args(std::size_t k) const {
    const Component& comp = s_.key[k];
    return {{"part", in_quotes(comp.name)}, {"share", percent(comp.share)}, {"net", kr(c_.net)}, {"frame", kr(c_.frames[k])},
            {"name", name_}};
  }

  // A basis value as people read it: counts and weights are millionths,
  // weighted sums millionths squared, amount columns öre.
  Words basis_text(const BigNat& value, const Component& comp) const {
    switch (comp.basis) {
      case Basis::weighted: return scaled(value, 12);
      case Basis::indicator:
        if (s_.indicators[comp.indicator].is_amount) return scaled(value, 2) += same(" kr");
        return scaled(value, 6);
      default: return scaled(value, 0);
    }
  }

  // The weighted sum's terms for this recipient ("Befolkning 12 × 0,5 =
  // 6"), in the order of the columns as the table shows them, and their sum.
  std::pair<Words, BigNat> weighted_terms(const Component& comp) const {
    std::vector<Words> terms;
    BigNat basis;
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
      Words term = label_of(index);
      term += same(" ");
      term += amount ? kr(v) : decimal(Decimal{v});
      term += same(" × ");
      term += decimal(weight);
      term += same(" = ");
      terms.push_back(term += scaled(product, 12));
    }
    return {join(terms), basis};
  }

  void apportioned(std::size_t k) {
    const Component& comp = s_.key[k];
    const BigNat& num = c_.component_num[k][r_];
    const BigNat& den = c_.component_den[k];
    const BigNat& basis_total = c_.basis_totals[k];
    ojson values = {{"component", k}};
    WordArgs args = frame_args(k);
    Words w;
    if (basis_total.is_zero()) {
      w = say("explain.part.no_basis", args);
    } else {
      BigNat basis;
      args.emplace_back("total", basis_text(basis_total, comp));
      switch (comp.basis) {
        case Basis::weighted: {
          auto [terms, sum] = weighted_terms(comp);
          basis = std::move(sum);
          args.emplace_back("terms", std::move(terms));
          args.emplace_back("basis", basis_text(basis, comp));
          w = say("explain.part.weighted", args);
          break;
        }
        case Basis::indicator:
          basis = nat(rec_.values[comp.indicator]);
          args.emplace_back("label", in_quotes(label_of(comp.indicator).sv));
          args.emplace_back("basis", basis_text(basis, comp));
          w = say("explain.part.indicator", args);
          break;
        default:
          basis = BigNat(1);
          args.emplace_back("count", scaled(basis_total, 0));
          w = say("explain.part.equal", args);
          break;
      }
      if (basis.is_zero()) {
        w.then(say("explain.part.nothing", {{"name", name_}}));
      } else {
        w.then(say("explain.part.gives", {{"frame", kr(c_.frames[k])},
                                          {"basis", basis_text(basis, comp)},
                                          {"total", basis_text(basis_total, comp)},
                                          {"equals", equals_kr(num, den)}}));
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

  // A costing: posts (millionths) × cost (öre) × months (millionths) / 12
  // / 10^12, then the other costs.
  Words cost_line(const CostSpec& cost, const BigNat& num, const BigNat& den) const {
    const BigNat salary = nat(cost.posts.micro) * nat(cost.cost_per_post) * nat(cost.months.micro);
    Words line = say("explain.cost.salary", {{"posts", decimal(cost.posts)},
                                             {"cost", kr(cost.cost_per_post)},
                                             {"months", decimal(cost.months)},
                                             {"equals", equals_kr(salary, BigNat(12) * pow10(12))}});
    for (const auto& item : cost.other) {
      line += same(" + ");
      line += item.name.empty() ? say("explain.cost.other") : same(isolated(item.name));
      line += same(" ");
      line += kr(item.amount);
    }
    if (!cost.other.empty()) {
      line += same(" ");
      line += equals_kr(num, den);
    }
    return line;
  }

  void given(std::size_t k) {
    const Component& comp = s_.key[k];
    const BigNat& num = c_.component_num[k][r_];
    const BigNat& den = c_.component_den[k];
    const Ore amount = c_.component_amount[k][r_];
    WordArgs args = frame_args(k);
    args.emplace_back("amount", kr(amount));
    Words w;
    if (comp.basis == Basis::fixed) {
      args.emplace_back("label", in_quotes(label_of(comp.indicator).sv));
      w = say("explain.part.fixed", args);
    } else if (!rec_.cost) {
      w = say("explain.part.no_costing", args);
    } else if (rec_.cost->pending) {
      w = say("explain.part.pending", args);
    } else {
      args.emplace_back("line", cost_line(*rec_.cost, num, den));
      w = say("explain.part.costed", args);
      if (!(num % den).is_zero()) w.then(say("explain.part.rounded_to_ore", {{"amount", kr(amount)}}));
    }
    add("given", w,
        {{"component", k}, {"frame_ore", c_.frames[k]}, {"exact", fraction_text(num, den)},
         {"exact_ore", rounded_ore(num, den)}, {"amount_ore", amount}});
  }

  void exact() {
    const BigNat& num = c_.exact_num[r_];
    const BigNat& den = c_.exact_den;
    const Ore ore = rounded_ore(num, den);
    // The exact fraction stays in the values ("exact"), out of prose meant
    // for a decision paper.
    const Words w = (num % den).is_zero()
                        ? say("explain.exact.whole", {{"name", name_}, {"amount", kr(ore)}})
                        : say("explain.exact.rounded", {{"name", name_}, {"equals", equals_kr(num, den)}});
    add("exact", w, {{"exact", fraction_text(num, den)}, {"exact_ore", ore}});
  }

  // The rounding step: the method, the units split and `who`'s story.
  Story rounding(Words& w, const Split& split) const {
    w.then(rounding_intro());
    w.then(units_of(split.money, split.units));
    Story story = tell_split(s_, split);
    w.then(story.words);
    return story;
  }

  // The combined quotas of the apportioned components, rounded together.
  void recipient_rounding() {
    const std::size_t n = s_.recipients.size();
    std::vector<BigNat> weights(n);
    Ore given = 0;
    for (std::size_t k = 0; k < s_.key.size(); ++k) {
      if (!s_.key[k].apportioned()) {
        given += c_.component_amount[k][r_];
        continue;
      }
      const BigNat scale = c_.exact_den / c_.component_den[k];
      for (std::size_t i = 0; i < n; ++i) weights[i] += c_.component_num[k][i] * scale;
    }
    const Ore unit = s_.rounding.unit;
    const Ore frames = apportioned_frames();
    const Ore amount = c_.formula[r_] - given;
    Words w;
    Story story = rounding(w, {weights, frames, frames / unit, options(), r_, amount / unit, unit, nullptr});
    const Ore change = c_.formula[r_] - rounded_ore(c_.exact_num[r_], c_.exact_den);
    w.then(say("explain.rounding.amount_changed", {{"change", signed_kr(change)}}));
    ojson values = {{"level", "recipient"}, {"method", std::string(method_id(s_.rounding.method))}, {"unit_ore", unit}};
    merge(values, story.values);
    values["amount_ore"] = amount;
    values["formula_ore"] = c_.formula[r_];
    values["rounding_ore"] = change;
    add("rounding", w, std::move(values));
  }

  void component_rounding(std::size_t k) {
    const Ore unit = s_.rounding.unit;
    const Ore amount = c_.component_amount[k].empty() ? 0 : c_.component_amount[k][r_];
    std::vector<BigNat> weights = c_.component_num[k].to_nats();
    weights.resize(s_.recipients.size());
    Words w = say("explain.rounding.part", {{"part", in_quotes(s_.key[k].name)}});
    Story story = rounding(w, {weights, c_.frames[k], c_.frames[k] / unit, options(), r_, amount / unit, unit, nullptr});
    const Ore exact_ore = rounded_ore(c_.component_num[k][r_], c_.component_den[k]);
    w.then(say("explain.rounding.share_changed", {{"change", signed_kr(amount - exact_ore)}}));
    ojson values = {{"level", "component"}, {"component", k}, {"method", std::string(method_id(s_.rounding.method))}, {"unit_ore", unit}};
    merge(values, story.values);
    values["amount_ore"] = amount;
    values["exact_ore"] = exact_ore;
    values["rounding_ore"] = amount - exact_ore;
    add("rounding", w, std::move(values));
  }

  void earmark(std::size_t e) {
    const Ore amount = c_.earmarks[e][r_];
    add("earmark",
        say("explain.earmark", {{"name", name_}, {"earmark", in_quotes(s_.earmarks[e].name)}, {"amount", kr(amount)}}),
        {{"earmark", e}, {"amount_ore", amount}});
  }

  // The pool split among those that opted in, by their exact amounts by
  // the key: `who`'s share and its rounding.
  Words shared_pool(const std::vector<std::size_t>& takers, ojson& values) const {
    std::vector<BigNat> weights;
    BigNat total;
    std::size_t who = 0;
    for (std::size_t i : takers) {
      if (i == r_) who = weights.size();
      weights.push_back(c_.exact_num[i]);
      total += c_.exact_num[i];
    }
    if (c_.pool <= 0) return {};
    if (total.is_zero()) return say("explain.redistribution.nothing_to_share");
    const BigNat exact_num = nat(c_.pool) * weights[who];
    // The share as amounts a reader can divide: its exact amount by the key
    // (to the öre) of theirs together.
    Words w = say("explain.redistribution.share", {{"name", name_},
                                                   {"pool", kr(c_.pool)},
                                                   {"own", kr(rounded_ore(weights[who], c_.exact_den))},
                                                   {"all", kr(rounded_ore(total, c_.exact_den))},
                                                   {"equals", equals_kr(exact_num, total)}});
    ApportionOptions opts = options();
    opts.min_units = 0;  // the minimum is a rule of the first round
    const Ore unit = s_.rounding.unit;
    Story story = rounding(w, {weights, c_.pool, c_.pool / unit, opts, who, c_.redistribution[r_] / unit, unit, &takers});
    values["share"] = fraction_text(weights[who], total);
    values["exact"] = fraction_text(exact_num, total);
    values["exact_ore"] = rounded_ore(exact_num, total);
    merge(values, story.values);
    return w;
  }

  void redistribution() {
    ojson values = {{"pool_ore", c_.pool}, {"requisitioned", rec_.requisitioned}, {"opted_in", rec_.opted_in}};
    const Ore amount = c_.redistribution[r_];
    Words w;
    if (!rec_.requisitioned) {
      w = say("explain.redistribution.not_requisitioned", {{"name", name_}, {"amount", kr(c_.formula[r_])}});
      if (!s_.earmarks.empty()) w.then(say("explain.redistribution.keeps_earmarks", {{"name", name_}}));
    } else if (!rec_.opted_in) {
      w = say("explain.redistribution.not_opted_in", {{"name", name_}, {"pool", kr(c_.pool)}});
    } else {
      std::vector<std::size_t> takers;
      for (std::size_t i = 0; i < s_.recipients.size(); ++i) {
        if (s_.recipients[i].requisitioned && s_.recipients[i].opted_in) takers.push_back(i);
      }
      w = say("explain.redistribution.takers",
              {{"pool", kr(c_.pool)}, {"count", count(static_cast<std::int64_t>(takers.size()))}});
      w.then(shared_pool(takers, values));
      w.then(say("explain.redistribution.receives", {{"name", name_}, {"amount", kr(amount)}}));
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
      w = say(s_.earmarks.empty() ? "explain.total.not_requisitioned" : "explain.total.only_earmarks",
              {{"name", name_}, {"final", kr(final)}});
    } else {
      std::vector<Words> parts{say("explain.total.by_key", {{"amount", kr(c_.formula[r_])}})};
      if (!s_.earmarks.empty()) parts.push_back(say("explain.total.earmarks", {{"amount", kr(earmarks)}}));
      if (c_.has_redistribution) parts.push_back(say("explain.total.redistribution", {{"amount", kr(redistributed)}}));
      w = say(parts.size() > 1 ? "explain.total.parts" : "explain.total",
              {{"name", name_}, {"final", kr(final)}, {"parts", join(parts)}});
    }
    ojson values = {{"formula_ore", c_.formula[r_]}, {"earmarks_ore", earmarks}, {"redistribution_ore", redistributed},
                    {"final_ore", final}, {"amount_ore", final}};
    // A sub-scenario splits the amount one level further down; its own
    // explanation belongs to that level.
    if (r_ < c_.subs.size() && c_.subs[r_]) {
      const Scenario& sub = c_.subs[r_]->scenario;
      std::vector<Words> names;
      for (std::size_t i = 0; i < sub.recipients.size() && i < 10; ++i) names.push_back(same(isolated(sub.recipients[i].name)));
      if (sub.recipients.size() > 10) names.push_back(same("…"));
      w.then(say("explain.total.sub", {{"name", name_},
                                      {"pot", kr(sub.total)},
                                      {"count", count(static_cast<std::int64_t>(sub.recipients.size()))},
                                      {"names", join(names)}}));
      values["sub_pot_ore"] = sub.total;
      values["sub_recipients"] = sub.recipients.size();
    }
    add("total", w, std::move(values));
  }

  const Scenario& s_;
  const Computation& c_;
  std::size_t r_;
  const Recipient& rec_;
  const Words name_;
  const std::string above_;
  ojson steps_ = ojson::array();
};

}  // namespace

ojson explain_steps(const Scenario& s, const Computation& c, std::size_t r, std::string_view above) {
  return Explainer(s, c, r, above).steps();
}

}  // namespace fordela::detail
