// The engine: a read scenario computed level by level: frames, exact
// quotas, rounding, earmarks, the redistribution round and sub-scenarios,
// with a finding for each problem met on the way.
#include "engine.hpp"

#include <algorithm>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

#include "fordela/apportion.hpp"
#include "fordela/bignat.hpp"
#include "fordela/findings.hpp"
#include "fordela/money.hpp"
#include "input_errors.hpp"
#include "messages.hpp"
#include "outcome_json.hpp"
#include "scenario_model.hpp"
#include "user_text.hpp"
#include "word_arith.hpp"

namespace fordela::detail {
namespace {

constexpr std::int64_t kOreToMicroKr = Decimal::kScale / kOrePerKrona;  // 10^4
// Cost items: posts (millionths) × cost (öre) × months (millionths) / 12.
const BigNat kCostDenominator = BigNat(12) * BigNat(std::uint64_t(Decimal::kScale)) * BigNat(std::uint64_t(Decimal::kScale));

// The basis value of one recipient for an apportioned component, on a
// common scale within the component.
BigNat basis_value(const Scenario& s, const Component& c, const Recipient& r) {
  switch (c.basis) {
    case Basis::equal: return BigNat(1);
    case Basis::indicator: return nat(r.values[c.indicator]);
    case Basis::weighted: {
      BigNat sum;
      for (const auto& [index, weight] : c.weights) {
        std::int64_t v = r.values[index];
        BigNat micro = s.indicators[index].is_amount ? nat(v) * BigNat(kOreToMicroKr) : nat(v);
        sum += micro * nat(weight.micro);
      }
      return sum;
    }
    default: return BigNat();
  }
}

// An amount or count as a word; a negative one (never in a computed
// scenario) as 0, as nat() does.
u128 word(std::int64_t v) { return static_cast<u128>(v < 0 ? 0 : v); }

// basis_value in a word; nullopt when it could pass 128 bits.
std::optional<u128> basis_word(const Scenario& s, const Component& c, const Recipient& r) {
  switch (c.basis) {
    case Basis::equal: return u128{1};
    case Basis::indicator: return word(r.values[c.indicator]);
    case Basis::weighted: {
      u128 sum = 0;
      for (const auto& [index, weight] : c.weights) {
        const u128 micro = word(r.values[index]) * (s.indicators[index].is_amount ? kOreToMicroKr : 1);  // < 2^78
        u128 term = 0;
        if (!multiply_checked(micro, word(weight.micro), term) || __builtin_add_overflow(sum, term, &sum)) {
          return std::nullopt;
        }
      }
      return sum;
    }
    default: return u128{0};
  }
}

// Every recipient's basis value for an apportioned component: in words,
// in BigNat when one does not fit.
ExactColumn basis_column(const Scenario& s, const Component& c) {
  const std::size_t n = s.recipients.size();
  std::vector<u128> words(n);
  for (std::size_t r = 0; r < n; ++r) {
    const auto value = basis_word(s, c, s.recipients[r]);
    if (!value) {
      std::vector<BigNat> nats(n);
      for (std::size_t i = 0; i < n; ++i) nats[i] = basis_value(s, c, s.recipients[i]);
      return ExactColumn(std::move(nats));
    }
    words[r] = *value;
  }
  return ExactColumn(std::move(words));
}

// What an item costs, decided or not, over kCostDenominator.
BigNat cost_numerator(const detail::CostSpec& cost) {
  BigNat num = nat(cost.posts.micro) * nat(cost.cost_per_post) * nat(cost.months.micro);
  Ore other = 0;
  for (const auto& item : cost.other) other += item.amount;
  return num + nat(other) * kCostDenominator;
}

// A given (not apportioned) component's exact amount for one recipient:
// numerator over kCostDenominator for cost, over 1 for fixed.
// An item not decided yet (pending) is kept out of the sum: 0.
BigNat given_numerator(const Component& c, const Recipient& r) {
  if (c.basis == Basis::fixed) return nat(r.values[c.indicator]);
  if (!r.cost || r.cost->pending) return BigNat();
  return cost_numerator(*r.cost);
}

const BigNat& given_denominator(const Component& c) {
  static const BigNat one(1);
  return c.basis == Basis::cost ? kCostDenominator : one;
}

std::string join_names(const Scenario& s, const std::vector<std::size_t>& indices,
                       const std::vector<std::size_t>* map = nullptr) {
  std::string out;
  std::size_t shown = 0;
  for (std::size_t i : indices) {
    if (shown == 10) {
      out += " …";
      break;
    }
    if (shown++ > 0) out += ", ";
    out += isolated(s.recipients[map ? (*map)[i] : i].name);
  }
  return out;
}

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

class Computer {
 public:
  // prefix: the JSON pointer of a sub-scenario ("" at the top); level: 1
  // at the top.
  Computer(const Scenario& s, std::vector<Finding>& findings, std::string prefix = "", int level = 1)
      : s_(s), findings_(findings), prefix_(std::move(prefix)), level_(level) {}

  std::optional<Computation> run() {
    Computation out;
    const std::size_t n = s_.recipients.size();
    const std::size_t k = s_.key.size();
    out.component_num.resize(k);
    out.component_amount.resize(k);
    out.exact_num = ExactColumn::zeros(n);
    out.formula.assign(n, 0);
    out.total.assign(n, 0);
    out.redistribution.assign(n, 0);
    out.final.assign(n, 0);
    warn_of_lookalike_names();

    for (const auto& d : s_.deductions) out.deductions += d.amount;
    out.net = s_.total - out.deductions;
    if (out.net < 0) {
      add("pot.net_negative", "/pot/deductions",
          {{"deductions_ore", std::to_string(out.deductions)}, {"total_ore", std::to_string(s_.total)}});
      return std::nullopt;
    }

    if (!compute_frames(out)) return std::nullopt;
    if (!compute_components(out)) return std::nullopt;
    if (!round_formula(out)) return std::nullopt;
    add_earmarks(out);
    if (out.out_of_range) return std::nullopt;
    redistribute(out);
    check_report_back(out);
    if (!compute_subs(out)) return std::nullopt;
    return out;
  }

 private:
  void add(std::string_view code, std::string path, const FindingArgs& args = {}) {
    findings_.push_back(make_finding(code, prefix_ + path, args));
  }

  // Splits, reports errors, ties and rounding effects; nullopt on error.
  std::optional<ApportionResult> split_checked(const ExactColumn& weights, std::int64_t units,
                                               const ApportionOptions& opts, const std::string& path,
                                               const std::vector<std::size_t>* map = nullptr) {
    ApportionResult result = split(weights, units, opts);
    if (!check(result, weights, units, path, map)) return std::nullopt;
    rounding_effects(weights, units, opts, result, path, map);
    return result;
  }

  // Warns where a method moves someone more than one unit from the exact
  // quota, and where largest remainder would take a unit from someone if
  // the pot grew by one unit (the Alabama paradox).
  void rounding_effects(const ExactColumn& weights, std::int64_t units, const ApportionOptions& opts,
                        const ApportionResult& result, const std::string& path, const std::vector<std::size_t>* map) {
    if (units == 0) return;
    const std::size_t n = weights.size();
    const std::string unit = std::to_string(s_.rounding.unit);
    if (opts.method == Method::largest_remainder) {
      ApportionResult more = apportion(weights, units + 1, opts);
      if (more.ok()) {
        std::vector<std::size_t> losers;
        for (std::size_t i = 0; i < n; ++i) {
          if (more.units[i] < result.units[i]) losers.push_back(i);
        }
        if (!losers.empty()) add("rounding.alabama", path, {{"names", join_names(s_, losers, map)}, {"unit_ore", unit}});
      }
      // Without a minimum, largest remainder keeps every part within one
      // unit of its quota.
      if (opts.min_units == 0) return;
    }
    const BigNat total = weights.sum();
    if (total.is_zero()) return;
    const BigNat units_nat(static_cast<std::uint64_t>(units));
    const bool in_words = weights.narrow() && total.fits_u128();
    std::vector<std::size_t> off;
    for (std::size_t i = 0; i < n; ++i) {
      u128 product = 0;
      if (in_words && multiply_checked(static_cast<u128>(units), weights.words()[i], product)) {
        const u128 low = product / total.to_u128();
        const u128 high = low * total.to_u128() == product ? low : low + 1;
        const auto got = static_cast<u128>(result.units[i]);
        if (got < low || got > high) off.push_back(i);
        continue;
      }
      auto [low, rest] = BigNat::divmod(units_nat * weights[i], total);
      BigNat high = rest.is_zero() ? low : low + BigNat(1);
      BigNat got(static_cast<std::uint64_t>(result.units[i]));
      if (got < low || got > high) off.push_back(i);
    }
    if (!off.empty()) {
      add("rounding.quota_violation", path,
          {{"names", join_names(s_, off, map)}, {"method", std::string(method_id(opts.method))}});
    }
  }

  // Names that differ only in invisible characters or in composed and
  // decomposed letters look like one recipient but are two. They are kept
  // apart (merging would move money silently) and named in a warning.
  void warn_of_lookalike_names() {
    const std::size_t n = s_.recipients.size();
    // Folding changes only what is not ASCII, so two names that differ
    // but fold alike are never both ASCII: only names whose folded form is
    // that of a non-ASCII name can be look-alikes. Those are few; the
    // others are passed over with one look-up in a small set.
    std::vector<std::string> folded(n);
    std::unordered_set<std::string_view> candidates;
    for (std::size_t r = 0; r < n; ++r) {
      const std::string& name = s_.recipients[r].name;
      if (!is_ascii(name)) candidates.insert(folded[r] = folded_name(name));
    }
    if (candidates.empty()) return;
    std::unordered_map<std::string_view, std::size_t> seen;
    for (std::size_t r = 0; r < n; ++r) {
      // Unnamed rows (the columnar API has no names) and exact repeats (an
      // error of their own) are not look-alikes.
      const std::string& name = s_.recipients[r].name;
      if (name.empty()) continue;
      const std::string_view key = is_ascii(name) ? std::string_view(name) : std::string_view(folded[r]);
      if (!candidates.contains(key)) continue;
      const auto [first, fresh] = seen.emplace(key, r);
      if (fresh) continue;
      const std::size_t f = first->second;
      if (s_.recipients[f].name == s_.recipients[r].name) continue;
      add("recipients.lookalike_names", "/recipients/" + std::to_string(r) + "/name",
          {{"first", s_.recipients[f].name}, {"first_index", std::to_string(f + 1)},
           {"second", s_.recipients[r].name}, {"second_index", std::to_string(r + 1)}});
    }
  }

  void check_report_back(Computation& out) {
    for (std::size_t r = 0; r < s_.recipients.size(); ++r) {
      const auto& used = s_.recipients[r].used;
      if (used && *used > out.final[r]) {
        add("report.overspent", "/recipients/" + std::to_string(r) + "/used",
            {{"name", s_.recipients[r].name}, {"used_ore", std::to_string(*used)},
             {"final_ore", std::to_string(out.final[r])}, {"excess_ore", std::to_string(*used - out.final[r])}});
      }
    }
  }

  // Each recipient's sub-scenario splits what the recipient receives.
  bool compute_subs(Computation& out) {
    bool ok = true;
    for (std::size_t r = 0; r < s_.recipients.size(); ++r) {
      const Recipient& rec = s_.recipients[r];
      if (!rec.sub) continue;
      if (out.subs.empty()) out.subs.resize(s_.recipients.size());
      const std::string path = "/recipients/" + std::to_string(r) + "/sub";
      auto sub = std::make_shared<SubResult>();
      sub->scenario = *rec.sub;
      if (!rec.sub->total_given) {
        sub->scenario.total = out.final[r];
      } else if (sub->scenario.total != out.final[r]) {
        add("nested.total_mismatch", path + "/pot/total",
            {{"name", rec.name}, {"sub_ore", std::to_string(sub->scenario.total)},
             {"parent_ore", std::to_string(out.final[r])},
             {"diff_ore", std::to_string(sub->scenario.total - out.final[r])}});
      }
      auto computed = Computer(sub->scenario, findings_, prefix_ + path, level_ + 1).run();
      if (!computed) {
        ok = false;
        continue;
      }
      sub->computation = std::move(*computed);
      out.subs[r] = std::move(sub);
    }
    return ok;
  }

  ApportionOptions options() const {
    return ApportionOptions{s_.rounding.method, s_.rounding.first_divisor, s_.rounding.min_units};
  }

  // With no units to hand out every recipient gets zero, whatever the
  // method: Adams and its kin would otherwise demand one unit each.
  static ApportionResult split(const ExactColumn& weights, std::int64_t units, const ApportionOptions& opts) {
    if (units == 0) {
      ApportionResult none;
      none.units.assign(weights.size(), 0);
      return none;
    }
    return apportion(weights, units, opts);
  }

  // Reports an apportionment error as a finding; true when it went well.
  bool check(const ApportionResult& result, const ExactColumn& weights, std::int64_t units,
             const std::string& path, const std::vector<std::size_t>* map = nullptr) {
    const std::size_t count = weights.size();
    if (!result.ok()) {
      Finding finding = apportion_finding(result.error, {options(), units, count, s_.rounding.unit, path,
                                                         "/rounding/unit", "/rounding/min_units", "/rounding/first_divisor"});
      finding.path = prefix_ + finding.path;
      findings_.push_back(std::move(finding));
      return false;
    }
    if (result.one_each_to_largest) {
      // Told of the recipients the rule is about: those with a basis.
      const std::size_t with_weight = weights.count_nonzero();
      add("rounding.too_few_units", "/rounding/unit",
          {{"method", std::string(method_id(s_.rounding.method))}, {"count", std::to_string(with_weight)},
           {"units", std::to_string(units)}});
    }
    if (!result.tied.empty()) add("apportion.tie", path, {{"names", join_names(s_, result.tied, map)}});
    return true;
  }

  bool compute_frames(Computation& out) {
    std::vector<BigNat> shares;
    shares.reserve(s_.key.size());
    for (const auto& c : s_.key) shares.push_back(nat(c.share.micro));
    ApportionResult frames = apportion(shares, out.net, {});
    if (!frames.ok()) {
      // Shares were checked to add up to 100 %, so only a zero net pot
      // with all-zero shares can land here.
      out.frames.assign(s_.key.size(), 0);
      return true;
    }
    out.frames = frames.units;
    if (!frames.tied.empty()) {
      std::string names;
      for (std::size_t i : frames.tied) names += (names.empty() ? "" : ", ") + isolated(s_.key[i].name);
      add("apportion.tie", "/key", {{"names", names}});
    }
    return true;
  }

  bool compute_components(Computation& out) {
    const std::size_t n = s_.recipients.size();
    out.basis_totals.resize(s_.key.size());
    out.component_den.resize(s_.key.size());
    bool ok = true;
    for (std::size_t c = 0; c < s_.key.size(); ++c) {
      const Component& comp = s_.key[c];
      const std::string path = "/key/" + std::to_string(c);
      if (comp.apportioned()) {
        ExactColumn basis = basis_column(s_, comp);
        const BigNat total = basis.sum();
        if (total.is_zero()) {
          if (out.frames[c] > 0) {
            add("key.basis_zero", path, {{"name", comp.name}, {"frame_ore", std::to_string(out.frames[c])}});
            ok = false;
          }
          out.component_den[c] = BigNat(1);
          out.component_num[c] = ExactColumn::zeros(n);
          continue;
        }
        out.basis_totals[c] = total;
        out.component_den[c] = total;
        if (!s_.rounding.recipient_level) {
          std::int64_t units = out.frames[c] / s_.rounding.unit;
          out.not_allocated_rounding += out.frames[c] % s_.rounding.unit;
          auto result = split_checked(basis, units, options(), path);
          if (!result) {
            ok = false;
            continue;
          }
          auto& amounts = out.component_amount[c];
          amounts.resize(n);
          for (std::size_t r = 0; r < n; ++r) amounts[r] = result->units[r] * s_.rounding.unit;
        }
        // quota = frame × basis / total, kept as numerator over total.
        basis.scale(nat(out.frames[c]));
        out.component_num[c] = std::move(basis);
      } else {
        const BigNat& den = given_denominator(comp);
        out.component_den[c] = den;
        Wide allocated = 0;
        std::vector<BigNat> nums(n);
        auto& amounts = out.component_amount[c];
        amounts.resize(n);
        for (std::size_t r = 0; r < n; ++r) {
          nums[r] = given_numerator(comp, s_.recipients[r]);
          amounts[r] = rounded_ore(nums[r], den);
          allocated += amounts[r];
        }
        out.component_num[c] = ExactColumn(std::move(nums));
        out.basis_totals[c] = nat(static_cast<std::int64_t>(std::min<Wide>(allocated, kMaxTotalOre)));
        if (allocated > kMaxTotalOre) {
          add("total.out_of_range", path);
          ok = false;
          continue;
        }
        Ore frame = out.frames[c];
        Ore sum = static_cast<Ore>(allocated);
        if (sum < frame) {
          auto [pending_sv, pending_en] = pending_items(comp);
          add("frame.not_fully_allocated", path,
              {{"name", comp.name}, {"allocated_ore", std::to_string(sum)}, {"frame_ore", std::to_string(frame)},
               {"gap_ore", std::to_string(frame - sum)}, {"pending_sv", pending_sv}, {"pending_en", pending_en}});
        } else if (sum > frame) {
          // Money that is not in the pot cannot be paid: no result, rather
          // than one with a negative amount "not allocated".
          add("frame.over", path,
              {{"name", comp.name}, {"allocated_ore", std::to_string(sum)}, {"frame_ore", std::to_string(frame)},
               {"excess_ore", std::to_string(sum - frame)}});
          ok = false;
        }
      }
    }
    return ok;
  }

  // The items of a cost component not decided yet, with what they would
  // cost, as a sentence for the frame's left-over warning ("" when none).
  std::pair<std::string, std::string> pending_items(const Component& comp) const {
    std::vector<std::string> sv, en;
    for (const auto& rec : s_.recipients) {
      if (comp.basis != Basis::cost || !rec.cost || !rec.cost->pending) continue;
      const Ore cost = item_cost_ore(*rec.cost);
      const std::string name = isolated(rec.name);
      sv.push_back(detail::say(detail::Lang::sv, "phrase.pending_item", {{"name", name}, {"cost", format_kr_sv(cost)}}));
      en.push_back(detail::say(detail::Lang::en, "phrase.pending_item", {{"name", name}, {"cost", format_kr_en(cost)}}));
    }
    if (sv.empty()) return {};
    return {detail::say(detail::Lang::sv, "phrase.pending_items", {{"list", detail::join_list(sv, true)}}),
            detail::say(detail::Lang::en, "phrase.pending_items", {{"list", detail::join_list(en, false)}})};
  }

  bool round_formula(Computation& out) {
    const std::size_t n = s_.recipients.size();
    // One common denominator for every recipient's exact formula amount.
    BigNat den(1);
    for (std::size_t c = 0; c < s_.key.size(); ++c) {
      const BigNat& d = out.component_den[c];
      den = den / BigNat::gcd(den, d) * d;
    }
    out.exact_den = den;
    std::vector<BigNat> scale(s_.key.size());
    for (std::size_t c = 0; c < s_.key.size(); ++c) scale[c] = den / out.component_den[c];

    Ore apportioned_frames = 0;
    for (std::size_t c = 0; c < s_.key.size(); ++c) {
      if (s_.key[c].apportioned()) apportioned_frames += out.frames[c];
    }
    // When every component is apportioned and rounded together, the
    // rounding weights are the exact amounts themselves, not summed twice.
    const bool all_weigh = s_.rounding.recipient_level &&
                           std::all_of(s_.key.begin(), s_.key.end(), [](const Component& c) { return c.apportioned(); });
    ExactColumn apportioned_weight = all_weigh ? ExactColumn() : ExactColumn::zeros(n);
    for (std::size_t c = 0; c < s_.key.size(); ++c) {
      const bool weighs = s_.key[c].apportioned() && s_.rounding.recipient_level;
      out.exact_num.add_scaled(out.component_num[c], scale[c]);
      if (weighs && !all_weigh) apportioned_weight.add_scaled(out.component_num[c], scale[c]);
      for (std::size_t r = 0; r < out.component_amount[c].size(); ++r) out.formula[r] += out.component_amount[c][r];
    }
    if (s_.rounding.recipient_level && apportioned_frames > 0) {
      std::int64_t units = apportioned_frames / s_.rounding.unit;
      out.not_allocated_rounding = apportioned_frames % s_.rounding.unit;
      auto result = split_checked(all_weigh ? out.exact_num : apportioned_weight, units, options(), "/rounding");
      if (!result) return false;
      for (std::size_t r = 0; r < n; ++r) out.formula[r] += result->units[r] * s_.rounding.unit;
    }
    if (out.not_allocated_rounding > 0 && !s_.rounding.recipient_level) {
      // Rounded part by part: what is left over is each part's, not the
      // pot's (the parts apportioned above, whose frames leave a remainder).
      std::vector<std::string> sv, en;
      for (std::size_t c = 0; c < s_.key.size(); ++c) {
        const Ore left = out.frames[c] % s_.rounding.unit;
        if (!s_.key[c].apportioned() || out.basis_totals[c].is_zero() || left == 0) continue;
        const std::string name = isolated(s_.key[c].name);
        sv.push_back(detail::say(detail::Lang::sv, "phrase.part_left",
                                 {{"left", format_kr_sv(left)}, {"name", name}, {"frame", format_kr_sv(out.frames[c])}}));
        en.push_back(detail::say(detail::Lang::en, "phrase.part_left",
                                 {{"left", format_kr_en(left)}, {"name", name}, {"frame", format_kr_en(out.frames[c])}}));
      }
      add("rounding.not_allocated_parts", "/rounding/level",
          {{"amount_ore", std::to_string(out.not_allocated_rounding)}, {"unit_ore", std::to_string(s_.rounding.unit)},
           {"parts_sv", join_list(sv, true)}, {"parts_en", join_list(en, false)}});
    } else if (out.not_allocated_rounding > 0) {
      add("rounding.not_allocated", "/rounding/unit",
          {{"amount_ore", std::to_string(out.not_allocated_rounding)}, {"unit_ore", std::to_string(s_.rounding.unit)}});
    }
    return true;
  }

  void add_earmarks(Computation& out) {
    for (std::size_t e = 0; e < s_.earmarks.size(); ++e) {
      const auto& earmark = s_.earmarks[e];
      Wide sum = 0;  // 10^6 recipients × 10^15 öre needs more than 64 bits
      auto& amounts = out.earmarks.emplace_back(s_.recipients.size(), 0);
      for (std::size_t r = 0; r < s_.recipients.size(); ++r) {
        amounts[r] = s_.recipients[r].values[earmark.indicator];
        sum += amounts[r];
      }
      if (sum > kMaxTotalOre) {
        add("total.out_of_range", "/earmarks/" + std::to_string(e));
        out.out_of_range = true;
        continue;
      }
      if (earmark.stated_total && *earmark.stated_total != sum) {
        add("earmarks.total_mismatch", "/earmarks/" + std::to_string(e) + "/stated_total",
            {{"name", earmark.name}, {"sum_ore", std::to_string(static_cast<Ore>(sum))},
             {"stated_ore", std::to_string(*earmark.stated_total)},
             {"diff_ore", std::to_string(static_cast<Ore>(sum) - *earmark.stated_total)}});
      }
    }
    if (out.out_of_range) return;
    for (std::size_t r = 0; r < s_.recipients.size(); ++r) {
      Wide total = out.formula[r];
      for (const auto& amounts : out.earmarks) total += amounts[r];
      if (total > kMaxTotalOre) {
        out.out_of_range = true;
        return;
      }
      out.total[r] = static_cast<Ore>(total);
    }
  }

  void redistribute(Computation& out) {
    const std::size_t n = s_.recipients.size();
    std::vector<std::size_t> takers;
    for (std::size_t r = 0; r < n; ++r) {
      const Recipient& rec = s_.recipients[r];
      if (!rec.requisitioned) {
        out.has_redistribution = true;
        out.pool += out.formula[r];
      } else if (rec.opted_in) {
        takers.push_back(r);
      }
    }
    for (std::size_t r = 0; r < n; ++r) {
      Ore earmarks = out.total[r] - out.formula[r];
      out.final[r] = s_.recipients[r].requisitioned ? out.total[r] : earmarks;
    }
    if (!out.has_redistribution || out.pool == 0) return;
    const ExactColumn weights = out.exact_num.pick(takers);
    if (weights.count_nonzero() == 0) {
      out.redistribution_not_allocated = out.pool;
      add("redistribution.no_takers", "/recipients", {{"pool_ore", std::to_string(out.pool)}});
      return;
    }
    out.takers = takers.size();
    std::int64_t units = out.pool / s_.rounding.unit;
    out.redistribution_not_allocated = out.pool % s_.rounding.unit;
    ApportionOptions opts = options();
    opts.min_units = 0;  // the minimum is a rule of the first round
    auto result = split_checked(weights, units, opts, "/recipients", &takers);
    if (!result) {
      out.redistribution_not_allocated = out.pool;
      return;
    }
    add("redistribution.round", "/recipients",
        {{"pool_ore", std::to_string(out.pool)}, {"count", std::to_string(takers.size())}});
    for (std::size_t i = 0; i < takers.size(); ++i) {
      out.redistribution[takers[i]] = result->units[i] * s_.rounding.unit;
      out.final[takers[i]] += out.redistribution[takers[i]];
    }
  }

  const Scenario& s_;
  std::vector<Finding>& findings_;
  std::string prefix_;
  int level_;
};


// Keeps the result below the bound JavaScript reads exactly.
bool totals_in_range(const Computation& c) {
  Wide total = 0, final = 0;
  for (std::size_t r = 0; r < c.total.size(); ++r) {
    total += c.total[r] < 0 ? -Wide(c.total[r]) : Wide(c.total[r]);
    final += c.final[r] < 0 ? -Wide(c.final[r]) : Wide(c.final[r]);
  }
  return total <= kMaxTotalOre && final <= kMaxTotalOre;
}

}  // namespace

std::optional<Computation> compute(const Scenario& scenario, std::vector<Finding>& findings) {
  return Computer(scenario, findings).run();
}

Ore item_cost_ore(const CostSpec& cost) { return rounded_ore(cost_numerator(cost), kCostDenominator); }

Outcome evaluate(std::string_view text, const ScenarioLimits& limits) {
  Outcome o;
  o.scenario = read_scenario(text, limits, o.findings);
  if (!o.scenario) return o;
  o.computation = compute(*o.scenario, o.findings);
  if (o.computation && !totals_in_range(*o.computation)) {
    o.findings.push_back(make_finding("total.out_of_range", "/pot/total"));
    o.computation.reset();
  }
  return o;
}

}  // namespace fordela::detail
