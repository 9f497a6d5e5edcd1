// Computing a scenario: frames, exact quotas, rounding, earmarks and the
// redistribution round; and writing the result (JSON, CSV) and the
// scenario in canonical form.
#include "fordela/scenario.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <numeric>
#include <unordered_map>

#include "fordela/apportion.hpp"
#include "fordela/bignat.hpp"
#include "fordela/columns.hpp"
#include "fordela/findings.hpp"
#include "fordela/money.hpp"
#include "engine.hpp"
#include "input_errors.hpp"
#include "messages.hpp"
#include "outcome_json.hpp"
#include "scenario_model.hpp"
#include "user_text.hpp"

namespace fordela {
namespace {

using detail::Basis;
using detail::Computation;
using detail::Outcome;
using detail::Wide;
using detail::Component;
using detail::nat;
using detail::Recipient;
using detail::Scenario;
using ojson = nlohmann::ordered_json;

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
    out += detail::isolated(s.recipients[map ? (*map)[i] : i].name);
  }
  return out;
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
    out.exact_num.resize(n);
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
  std::optional<ApportionResult> split_checked(const std::vector<BigNat>& weights, std::int64_t units,
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
  void rounding_effects(const std::vector<BigNat>& weights, std::int64_t units, const ApportionOptions& opts,
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
    BigNat total;
    for (const auto& w : weights) total += w;
    if (total.is_zero()) return;
    const BigNat units_nat(static_cast<std::uint64_t>(units));
    std::vector<std::size_t> off;
    for (std::size_t i = 0; i < n; ++i) {
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
    std::unordered_map<std::string, std::size_t> seen;
    for (std::size_t r = 0; r < s_.recipients.size(); ++r) {
      // Unnamed rows (the columnar API has no names) and exact repeats (an
      // error of their own) are not look-alikes.
      if (s_.recipients[r].name.empty()) continue;
      const auto [first, fresh] = seen.emplace(detail::folded_name(s_.recipients[r].name), r);
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
      auto sub = std::make_shared<detail::SubResult>();
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
  static ApportionResult split(const std::vector<BigNat>& weights, std::int64_t units, const ApportionOptions& opts) {
    if (units == 0) {
      ApportionResult none;
      none.units.assign(weights.size(), 0);
      return none;
    }
    return apportion(weights, units, opts);
  }

  // Reports an apportionment error as a finding; true when it went well.
  bool check(const ApportionResult& result, const std::vector<BigNat>& weights, std::int64_t units,
             const std::string& path, const std::vector<std::size_t>* map = nullptr) {
    const std::size_t count = weights.size();
    if (!result.ok()) {
      Finding finding = detail::apportion_finding(result.error, {options(), units, count, s_.rounding.unit, path,
                                                         "/rounding/unit", "/rounding/min_units", "/rounding/first_divisor"});
      finding.path = prefix_ + finding.path;
      findings_.push_back(std::move(finding));
      return false;
    }
    if (result.one_each_to_largest) {
      // Told of the recipients the rule is about: those with a basis.
      const auto with_weight = static_cast<std::size_t>(std::count_if(
          weights.begin(), weights.end(), [](const BigNat& w) { return !w.is_zero(); }));
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
      for (std::size_t i : frames.tied) names += (names.empty() ? "" : ", ") + detail::isolated(s_.key[i].name);
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
        std::vector<BigNat> basis(n);
        BigNat total;
        for (std::size_t r = 0; r < n; ++r) {
          basis[r] = basis_value(s_, comp, s_.recipients[r]);
          total += basis[r];
        }
        if (total.is_zero()) {
          if (out.frames[c] > 0) {
            add("key.basis_zero", path, {{"name", comp.name}, {"frame_ore", std::to_string(out.frames[c])}});
            ok = false;
          }
          out.component_den[c] = BigNat(1);
          out.component_num[c].assign(n, BigNat());
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
        BigNat frame = nat(out.frames[c]);
        for (auto& b : basis) b *= frame;
        out.component_num[c] = std::move(basis);
      } else {
        const BigNat& den = given_denominator(comp);
        out.component_den[c] = den;
        Wide allocated = 0;
        auto& nums = out.component_num[c];
        auto& amounts = out.component_amount[c];
        nums.resize(n);
        amounts.resize(n);
        for (std::size_t r = 0; r < n; ++r) {
          nums[r] = given_numerator(comp, s_.recipients[r]);
          amounts[r] = detail::rounded_ore(nums[r], den);
          allocated += amounts[r];
        }
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
      const Ore cost = detail::rounded_ore(cost_numerator(*rec.cost), kCostDenominator);
      sv.push_back("”" + detail::isolated(rec.name) + "” (" + format_kr_sv(cost) + ")");
      en.push_back("“" + detail::isolated(rec.name) + "” (" + format_kr_en(cost) + ")");
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

    std::vector<BigNat> apportioned_weight(n);
    Ore apportioned_frames = 0;
    for (std::size_t c = 0; c < s_.key.size(); ++c) {
      if (s_.key[c].apportioned()) apportioned_frames += out.frames[c];
    }
    for (std::size_t c = 0; c < s_.key.size(); ++c) {
      const bool weighs = s_.key[c].apportioned() && s_.rounding.recipient_level;
      const bool unit_scale = scale[c] == BigNat(1);
      const auto& nums = out.component_num[c];
      for (std::size_t r = 0; r < n; ++r) {
        if (unit_scale) {
          out.exact_num[r] += nums[r];
          if (weighs) apportioned_weight[r] += nums[r];
        } else {
          BigNat part = nums[r] * scale[c];
          out.exact_num[r] += part;
          if (weighs) apportioned_weight[r] += part;
        }
      }
      for (std::size_t r = 0; r < out.component_amount[c].size(); ++r) out.formula[r] += out.component_amount[c][r];
    }
    if (s_.rounding.recipient_level && apportioned_frames > 0) {
      std::int64_t units = apportioned_frames / s_.rounding.unit;
      out.not_allocated_rounding = apportioned_frames % s_.rounding.unit;
      auto result = split_checked(apportioned_weight, units, options(), "/rounding");
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
        const std::string name = detail::isolated(s_.key[c].name);
        sv.push_back(detail::say(detail::Lang::sv, "phrase.part_left",
                                 {{"left", format_kr_sv(left)}, {"name", name}, {"frame", format_kr_sv(out.frames[c])}}));
        en.push_back(detail::say(detail::Lang::en, "phrase.part_left",
                                 {{"left", format_kr_en(left)}, {"name", name}, {"frame", format_kr_en(out.frames[c])}}));
      }
      add("rounding.not_allocated_parts", "/rounding/level",
          {{"amount_ore", std::to_string(out.not_allocated_rounding)}, {"unit_ore", std::to_string(s_.rounding.unit)},
           {"parts_sv", detail::join_list(sv, true)}, {"parts_en", detail::join_list(en, false)}});
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
    std::vector<BigNat> weights;
    weights.reserve(takers.size());
    bool any_weight = false;
    for (std::size_t r : takers) {
      weights.push_back(out.exact_num[r]);
      any_weight = any_weight || !out.exact_num[r].is_zero();
    }
    if (!any_weight) {
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

// Writes JSON text directly: a result for a large scenario is mostly
// numbers, and building a DOM first cost more than computing them.
class JsonText {
 public:
  JsonText& raw(std::string_view text) {
    out_ += text;
    return *this;
  }
  JsonText& key(std::string_view name) {
    comma();
    string(name);
    out_ += ':';
    fresh_ = true;
    return *this;
  }
  JsonText& value(std::int64_t v) {
    comma();
    out_ += std::to_string(v);
    return *this;
  }
  JsonText& value(std::string_view text) {
    comma();
    string(text);
    return *this;
  }
  // Without this, a string literal would pick the bool overload.
  JsonText& value(const char* text) { return value(std::string_view(text)); }
  JsonText& value(bool v) {
    comma();
    out_ += v ? "true" : "false";
    return *this;
  }
  JsonText& null() {
    comma();
    out_ += "null";
    return *this;
  }
  JsonText& json(const ojson& j) {
    comma();
    out_ += detail::dump_json(j);
    return *this;
  }
  JsonText& open(char bracket) {
    comma();
    out_ += bracket;
    fresh_ = true;
    return *this;
  }
  JsonText& close(char bracket) {
    out_ += bracket;
    fresh_ = false;
    return *this;
  }
  std::string take() { return std::move(out_); }

 private:
  void comma() {
    if (!fresh_) out_ += ',';
    fresh_ = false;
  }
  // Text from the scenario was read as valid UTF-8; only quotes,
  // backslashes and control characters need escaping.
  void string(std::string_view text) {
    out_ += '"';
    for (char ch : text) {
      auto c = static_cast<unsigned char>(ch);
      if (ch == '"' || ch == '\\') {
        out_ += '\\';
        out_ += ch;
      } else if (c < 0x20) {
        static constexpr char kHex[] = "0123456789abcdef";
        out_ += "\\u00";
        out_ += kHex[c >> 4];
        out_ += kHex[c & 15];
      } else {
        out_ += ch;
      }
    }
    out_ += '"';
  }
  std::string out_;
  bool fresh_ = true;
};

// The amounts of one level; a recipient's sub-scenario is written inside
// its entry, the same way.
void write_level(JsonText& j, const Scenario& s, const Computation& c) {
  const std::size_t n = s.recipients.size();
  j.key("rounding").open('{');
  j.key("unit_ore").value(s.rounding.unit).key("method").value(method_id(s.rounding.method));
  j.key("level").value(s.rounding.recipient_level ? "recipient" : "component").close('}');
  j.key("components").open('[');
  for (std::size_t k = 0; k < s.key.size(); ++k) {
    const auto& comp = s.key[k];
    j.open('{').key("name").value(comp.name).key("basis").value(detail::basis_id(comp.basis));
    j.key("share").value(format_decimal_plain(comp.share)).key("frame_ore").value(c.frames[k]);
    j.key("basis_total").value(c.basis_totals[k].to_string()).key("allocated_ore");
    if (c.component_amount[k].empty()) {
      j.null();
    } else {
      Ore sum = 0;
      for (Ore a : c.component_amount[k]) sum += a;
      j.value(sum);
    }
    j.close('}');
  }
  j.close(']');
  j.key("earmarks").open('[');
  Ore earmarks = 0;
  for (std::size_t e = 0; e < s.earmarks.size(); ++e) {
    Ore sum = 0;
    for (Ore a : c.earmarks[e]) sum += a;
    earmarks += sum;
    j.open('{').key("name").value(s.earmarks[e].name).key("total_ore").value(sum).close('}');
  }
  j.close(']');
  j.key("recipients").open('[');
  Ore formula = 0, total = 0, returned = 0, redistributed = 0, final = 0, used_total = 0, unused_total = 0;
  bool any_used = false;
  for (std::size_t r = 0; r < n; ++r) {
    j.open('{').key("name").value(s.recipients[r].name).key("components").open('[');
    for (std::size_t k = 0; k < s.key.size(); ++k) {
      const BigNat& num = c.component_num[k][r];
      const BigNat& den = c.component_den[k];
      j.open('{').key("exact").value(detail::fraction_text(num, den)).key("exact_ore").value(detail::rounded_ore(num, den));
      j.key("amount_ore");
      if (c.component_amount[k].empty()) {
        j.null();
      } else {
        j.value(c.component_amount[k][r]);
      }
      j.close('}');
    }
    j.close(']');
    Ore exact_ore = detail::rounded_ore(c.exact_num[r], c.exact_den);
    j.key("exact").value(detail::fraction_text(c.exact_num[r], c.exact_den)).key("exact_ore").value(exact_ore);
    j.key("formula_ore").value(c.formula[r]).key("rounding_ore").value(c.formula[r] - exact_ore);
    j.key("earmarks_ore").open('[');
    for (const auto& amounts : c.earmarks) j.value(amounts[r]);
    j.close(']');
    // What not requisitioning changed: a recipient that did not gives its
    // amount by the key to the redistribution round (its earmarks stay), a
    // signed amount like rounding_ore, so that row by row
    // total + unrequisitioned + redistribution = final.
    const Ore gives_back = s.recipients[r].requisitioned ? 0 : -c.formula[r];
    j.key("total_ore").value(c.total[r]).key("requisitioned").value(s.recipients[r].requisitioned);
    j.key("unrequisitioned_ore").value(gives_back);
    j.key("redistribution_ore").value(c.redistribution[r]).key("final_ore").value(c.final[r]);
    if (const auto& cost = s.recipients[r].cost) {
      // What the item costs, counted or not: shown beside its inputs.
      j.key("cost_ore").value(detail::rounded_ore(cost_numerator(*cost), kCostDenominator));
      if (cost->pending) j.key("pending").value(true);
    }
    if (const auto& used = s.recipients[r].used) {
      j.key("used_ore").value(*used).key("unused_ore").value(std::max<Ore>(0, c.final[r] - *used));
      used_total += *used;
      unused_total += std::max<Ore>(0, c.final[r] - *used);
      any_used = true;
    }
    if (!c.subs.empty() && c.subs[r]) {
      j.key("sub").open('{');
      write_level(j, c.subs[r]->scenario, c.subs[r]->computation);
      j.close('}');
    }
    j.close('}');
    formula += c.formula[r];
    total += c.total[r];
    returned += gives_back;
    redistributed += c.redistribution[r];
    final += c.final[r];
  }
  j.close(']');
  j.key("totals").open('{');
  j.key("pot_ore").value(s.total).key("deductions_ore").value(c.deductions).key("net_ore").value(c.net);
  j.key("formula_ore").value(formula).key("not_allocated_ore").value(c.net - formula);
  j.key("earmarks_ore").value(earmarks).key("total_ore").value(total);
  j.key("unrequisitioned_ore").value(returned).key("redistributed_ore").value(redistributed).key("final_ore").value(final);
  if (any_used) j.key("used_ore").value(used_total).key("unused_ore").value(unused_total);
  j.close('}');
  j.key("redistribution");
  if (c.has_redistribution) {
    j.open('{').key("pool_ore").value(c.pool).key("recipients").value(static_cast<std::int64_t>(c.takers));
    j.key("not_allocated_ore").value(c.redistribution_not_allocated).close('}');
  } else {
    j.null();
  }
}

std::string result_text(const Scenario& s, const Computation& c, const std::vector<Finding>& findings) {
  JsonText j;
  j.open('{');
  j.key("format").value("fordela-result").key("version").value(std::int64_t{kScenarioVersion});
  j.key("ok").value(!has_errors(findings)).key("findings").json(detail::findings_json(findings));
  write_level(j, s, c);
  j.close('}');
  return j.take();
}

ojson failure_json(const std::vector<Finding>& findings) {
  ojson out;
  out["format"] = "fordela-result";
  out["version"] = kScenarioVersion;
  out["ok"] = false;
  out["findings"] = detail::findings_json(findings);
  return out;
}

// Canonical forms: whole kronor and whole numbers as JSON integers, the
// rest as exact strings.
ojson amount_value(Ore ore) {
  if (ore % kOrePerKrona == 0) return ore / kOrePerKrona;
  return format_kr_plain(ore);
}
ojson decimal_value(Decimal d) {
  if (d.micro % Decimal::kScale == 0) return d.micro / Decimal::kScale;
  return format_decimal_plain(d);
}

ojson scenario_json(const Scenario& s, bool top = true) {
  ojson out;
  if (top) {
    out["format"] = "fordela-scenario";
    out["version"] = kScenarioVersion;
  }
  out["title"] = s.title;
  out["notes"] = s.notes;
  ojson deductions = ojson::array();
  for (const auto& d : s.deductions) deductions.push_back({{"name", d.name}, {"amount", amount_value(d.amount)}});
  ojson dates = ojson::object();
  auto date = [&](const char* key, const std::optional<detail::Date>& d) {
    if (d) dates[key] = detail::format_date(*d);
  };
  date("period_start", s.dates.period_start);
  date("period_end", s.dates.period_end);
  date("requisition_deadline", s.dates.requisition_deadline);
  date("report_deadline", s.dates.report_deadline);
  out["pot"] = {{"total", amount_value(s.total)}, {"deductions", std::move(deductions)}, {"dates", std::move(dates)}};
  if (!top && !s.total_given) out["pot"].erase("total");
  ojson indicators = ojson::array();
  for (const auto& ind : s.indicators) {
    indicators.push_back({{"id", ind.id}, {"label", ind.label}, {"kind", ind.is_amount ? "amount" : "count"}});
  }
  out["indicators"] = std::move(indicators);
  ojson recipients = ojson::array();
  for (const auto& r : s.recipients) {
    ojson values = ojson::object();
    for (std::size_t i = 0; i < s.indicators.size(); ++i) {
      if (r.values[i] == 0) continue;
      values[s.indicators[i].id] = s.indicators[i].is_amount ? amount_value(r.values[i]) : decimal_value(Decimal{r.values[i]});
    }
    ojson rec = {{"name", r.name}, {"values", std::move(values)}};
    if (!r.requisitioned) rec["requisitioned"] = false;
    if (r.opted_in) rec["opted_in"] = true;
    if (r.requisition_date) rec["requisition_date"] = detail::format_date(*r.requisition_date);
    if (r.cost) {
      ojson other = ojson::array();
      for (const auto& o : r.cost->other) other.push_back({{"name", o.name}, {"amount", amount_value(o.amount)}});
      rec["cost"] = {{"posts", decimal_value(r.cost->posts)},
                     {"cost_per_post", amount_value(r.cost->cost_per_post)},
                     {"months", decimal_value(r.cost->months)},
                     {"other", std::move(other)}};
      if (r.cost->pending) rec["cost"]["pending"] = true;
    }
    if (r.activity_from || r.activity_to) {
      ojson activity = ojson::object();
      if (r.activity_from) activity["from"] = detail::format_date(*r.activity_from);
      if (r.activity_to) activity["to"] = detail::format_date(*r.activity_to);
      rec["activity"] = std::move(activity);
    }
    if (r.used) rec["used"] = amount_value(*r.used);
    if (r.sub) rec["sub"] = scenario_json(*r.sub, false);
    recipients.push_back(std::move(rec));
  }
  out["recipients"] = std::move(recipients);
  ojson key = ojson::array();
  for (const auto& c : s.key) {
    ojson comp = {{"name", c.name}, {"share", decimal_value(c.share)}, {"basis", detail::basis_id(c.basis)}};
    if (c.basis == Basis::weighted) {
      ojson weights = ojson::object();
      for (const auto& [index, w] : c.weights) weights[s.indicators[index].id] = decimal_value(w);
      comp["weights"] = std::move(weights);
    } else if (c.basis == Basis::indicator || c.basis == Basis::fixed) {
      comp["indicator"] = s.indicators[c.indicator].id;
    }
    key.push_back(std::move(comp));
  }
  out["key"] = std::move(key);
  ojson earmarks = ojson::array();
  for (const auto& e : s.earmarks) {
    ojson em = {{"name", e.name}, {"indicator", s.indicators[e.indicator].id}};
    if (e.stated_total) em["stated_total"] = amount_value(*e.stated_total);
    earmarks.push_back(std::move(em));
  }
  out["earmarks"] = std::move(earmarks);
  ojson rounding = {{"unit", amount_value(s.rounding.unit)},
                    {"method", method_id(s.rounding.method)},
                    {"level", s.rounding.recipient_level ? "recipient" : "component"}};
  if (s.rounding.method == Method::sainte_lague) rounding["first_divisor"] = decimal_value(s.rounding.first_divisor);
  if (s.rounding.min_units > 0) rounding["min_units"] = s.rounding.min_units;
  out["rounding"] = std::move(rounding);
  return out;
}

}  // namespace

namespace detail {

Outcome evaluate(std::string_view text, const ScenarioLimits& limits) {
  Outcome o;
  o.scenario = detail::read_scenario(text, limits, o.findings);
  if (!o.scenario) return o;
  o.computation = Computer(*o.scenario, o.findings).run();
  if (o.computation && !totals_in_range(*o.computation)) {
    o.findings.push_back(make_finding("total.out_of_range", "/pot/total"));
    o.computation.reset();
  }
  return o;
}

}  // namespace detail

std::string compute_scenario_json(std::string_view scenario_json_text, const ScenarioLimits& limits) {
  Outcome o = detail::evaluate(scenario_json_text, limits);
  if (!o.computation) return detail::dump_json(failure_json(o.findings));
  return result_text(*o.scenario, *o.computation, o.findings);
}

std::string validate_scenario_json(std::string_view scenario_json_text, const ScenarioLimits& limits) {
  Outcome o = detail::evaluate(scenario_json_text, limits);
  ojson out;
  out["ok"] = !has_errors(o.findings);
  out["findings"] = detail::findings_json(o.findings);
  return detail::dump_json(out);
}

std::string normalize_scenario_json(std::string_view scenario_json_text, const ScenarioLimits& limits) {
  std::vector<Finding> findings;
  auto scenario = detail::read_scenario(scenario_json_text, limits, findings);
  if (!scenario) {
    ojson out;
    out["ok"] = false;
    out["findings"] = detail::findings_json(findings);
    return detail::dump_json(out);
  }
  return detail::dump_json(scenario_json(*scenario));
}

ColumnarResult compute_columns(const ColumnarScenario& columns) {
  ColumnarResult out;
  auto add = [&](std::string_view code, std::string path, const FindingArgs& args = {}) {
    out.findings.push_back(make_finding(code, std::move(path), args));
  };
  std::size_t n = columns.components.empty() ? 0 : columns.components[0].basis.size();
  if (n == 0) add("recipients.none", "/components");
  if (columns.components.empty()) add("key.none", "/components");
  auto check_length = [&](std::size_t size, const std::string& path) {
    if (size != n) {
      add("field.type", path,
          {{"field", path}, {"expected_phrase", "phrase.type.per_recipient"}});
    }
  };
  Wide shares = 0;
  for (std::size_t c = 0; c < columns.components.size(); ++c) {
    const auto& comp = columns.components[c];
    std::string path = "/components/" + std::to_string(c);
    check_length(comp.basis.size(), path + "/basis");
    shares += comp.share.micro;
    for (std::size_t r = 0; r < comp.basis.size(); ++r) {
      if (comp.basis[r] < 0 || comp.basis[r] > kMaxDecimalMicro) {
        add(comp.basis[r] < 0 ? "number.negative" : "number.out_of_range", path + "/basis/" + std::to_string(r),
            {{"input", std::to_string(comp.basis[r])}, {"max", std::to_string(kMaxDecimalMicro)}});
        break;
      }
    }
  }
  if (!columns.components.empty() && shares != 100 * Decimal::kScale) {
    add("key.shares_sum", "/components", {{"sum", "≠ 100"}});
  }
  for (std::size_t e = 0; e < columns.earmarks.size(); ++e) {
    check_length(columns.earmarks[e].size(), "/earmarks/" + std::to_string(e));
    for (Ore amount : columns.earmarks[e]) {
      if (amount < 0 || amount > kMaxAmountOre) {
        add(amount < 0 ? "amount.negative" : "amount.out_of_range", "/earmarks/" + std::to_string(e),
            {{"input", std::to_string(amount)}});
        break;
      }
    }
  }
  if (columns.pot < 0 || columns.pot > kMaxAmountOre || columns.deductions < 0 || columns.deductions > kMaxAmountOre) {
    add("amount.out_of_range", "/pot", {{"input", std::to_string(columns.pot)}});
  }
  if (columns.unit <= 0) add("rounding.unit_invalid", "/unit");
  if (!out.ok()) return out;

  // The same model a document is read into: one count column per component.
  Scenario s;
  s.total = columns.pot;
  if (columns.deductions > 0) s.deductions.push_back({"", columns.deductions});
  const std::size_t k = columns.components.size();
  for (std::size_t c = 0; c < k; ++c) {
    s.indicators.push_back({"c" + std::to_string(c), "", false});
    Component comp;
    comp.share = columns.components[c].share;
    comp.basis = Basis::indicator;
    comp.indicator = c;
    s.key.push_back(std::move(comp));
  }
  for (std::size_t e = 0; e < columns.earmarks.size(); ++e) {
    s.indicators.push_back({"e" + std::to_string(e), "", true});
    s.earmarks.push_back({"", k + e, std::nullopt});
  }
  s.recipients.resize(n);
  for (std::size_t r = 0; r < n; ++r) {
    auto& values = s.recipients[r].values;
    values.resize(s.indicators.size());
    for (std::size_t c = 0; c < k; ++c) values[c] = columns.components[c].basis[r];
    for (std::size_t e = 0; e < columns.earmarks.size(); ++e) values[k + e] = columns.earmarks[e][r];
  }
  s.rounding.unit = columns.unit;
  s.rounding.method = columns.method;
  s.rounding.recipient_level = columns.recipient_level;

  auto computation = Computer(s, out.findings).run();
  if (!computation) return out;
  Ore formula = 0;
  for (Ore f : computation->formula) formula += f;
  out.not_allocated = computation->net - formula;
  out.formula = std::move(computation->formula);
  out.total = std::move(computation->total);
  return out;
}

}  // namespace fordela
