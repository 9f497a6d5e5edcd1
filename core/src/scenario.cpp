// Computing a scenario: frames, exact quotas, rounding, earmarks and the
// redistribution round; and writing the result (JSON, CSV) and the
// scenario in canonical form.
#include "fordela/scenario.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <numeric>

#include "fordela/apportion.hpp"
#include "fordela/bignat.hpp"
#include "fordela/findings.hpp"
#include "fordela/money.hpp"
#include "scenario_model.hpp"

namespace fordela {
namespace {

using detail::Basis;
using detail::Component;
using detail::Recipient;
using detail::Scenario;
using ojson = nlohmann::ordered_json;

constexpr std::int64_t kOreToMicroKr = Decimal::kScale / kOrePerKrona;  // 10^4
// Cost items: posts (millionths) × cost (öre) × months (millionths) / 12.
const BigNat kCostDenominator = BigNat(12) * BigNat(std::uint64_t(Decimal::kScale)) * BigNat(std::uint64_t(Decimal::kScale));

BigNat nat(std::int64_t v) { return BigNat(static_cast<std::uint64_t>(v < 0 ? 0 : v)); }

// Rounds num/den to the nearest integer, halves up.
std::int64_t round_half_up(const BigNat& num, const BigNat& den) {
  BigNat q = (num * BigNat(2) + den) / (den * BigNat(2));
  // Past the result's bound it saturates, so that callers refuse it as out of range rather than wrap.
  return q.fits_u64() && q.to_u64() <= std::uint64_t(kMaxTotalOre) ? static_cast<std::int64_t>(q.to_u64())
                                                                    : kMaxTotalOre + 1;
}

std::string fraction_text(const BigNat& num, const BigNat& den) {
  if (num.is_zero()) return "0/1";
  BigNat g = BigNat::gcd(num, den);
  return (num / g).to_string() + "/" + (den / g).to_string();
}

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

// A given (not apportioned) component's exact amount for one recipient:
// numerator over kCostDenominator for cost, over 1 for fixed.
BigNat given_numerator(const Component& c, const Recipient& r) {
  if (c.basis == Basis::fixed) return nat(r.values[c.indicator]);
  if (!r.cost) return BigNat();
  const auto& cost = *r.cost;
  BigNat num = nat(cost.posts.micro) * nat(cost.cost_per_post) * nat(cost.months.micro);
  Ore other = 0;
  for (const auto& item : cost.other) other += item.amount;
  return num + nat(other) * kCostDenominator;
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
    out += s.recipients[map ? (*map)[i] : i].name;
  }
  return out;
}

struct RecipientResult {
  std::vector<BigNat> component_num;       // exact, over component_den
  std::vector<std::optional<Ore>> component_amount;
  BigNat exact_num;                        // formula, over Computation::exact_den
  Ore formula = 0;
  std::vector<Ore> earmarks;
  Ore total = 0;
  Ore redistribution = 0;
  Ore final = 0;
};

struct Computation {
  std::vector<Ore> frames;
  std::vector<BigNat> basis_totals;
  std::vector<BigNat> component_den;
  BigNat exact_den{1};
  std::vector<RecipientResult> recipients;
  Ore deductions = 0;
  Ore net = 0;
  Ore not_allocated_rounding = 0;
  bool has_redistribution = false;
  Ore pool = 0;
  std::size_t takers = 0;
  Ore redistribution_not_allocated = 0;
  bool out_of_range = false;  // a sum past kMaxTotalOre
};

class Computer {
 public:
  Computer(const Scenario& s, std::vector<Finding>& findings) : s_(s), findings_(findings) {}

  std::optional<Computation> run() {
    Computation out;
    const std::size_t n = s_.recipients.size();
    const std::size_t k = s_.key.size();
    out.recipients.resize(n);
    for (auto& r : out.recipients) {
      r.component_num.resize(k);
      r.component_amount.resize(k);
    }

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
    return out;
  }

 private:
  void add(std::string_view code, std::string path, const FindingArgs& args = {}) {
    findings_.push_back(make_finding(code, std::move(path), args));
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
  bool check(const ApportionResult& result, std::int64_t units, std::size_t count, const std::string& path,
             const std::vector<std::size_t>* map = nullptr) {
    switch (result.error) {
      case ApportionError::none: break;
      case ApportionError::min_not_feasible:
        add("rounding.min_infeasible", "/rounding/min_units",
            {{"min", std::to_string(s_.rounding.min_units)}, {"unit_ore", std::to_string(s_.rounding.unit)},
             {"count", std::to_string(count)}, {"units", std::to_string(units)}});
        return false;
      case ApportionError::too_few_units:
        add("rounding.too_few_units", "/rounding/unit",
            {{"method", std::string(method_id(s_.rounding.method))}, {"unit_ore", std::to_string(s_.rounding.unit)},
             {"count", std::to_string(count)}, {"units", std::to_string(units)}});
        return false;
      case ApportionError::bad_first_divisor:
        add("rounding.first_divisor", "/rounding/first_divisor");
        return false;
      default:
        add("apportion.weights_zero", path);
        return false;
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
      for (std::size_t i : frames.tied) names += (names.empty() ? "" : ", ") + s_.key[i].name;
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
          continue;
        }
        // quota = frame × basis / total, kept as numerator over total.
        BigNat frame = nat(out.frames[c]);
        for (std::size_t r = 0; r < n; ++r) out.recipients[r].component_num[c] = frame * basis[r];
        out.basis_totals[c] = total;
        out.component_den[c] = total;
        if (!s_.rounding.recipient_level) {
          std::int64_t units = out.frames[c] / s_.rounding.unit;
          out.not_allocated_rounding += out.frames[c] % s_.rounding.unit;
          ApportionResult result = split(basis, units, options());
          if (!check(result, units, n, path)) {
            ok = false;
            continue;
          }
          for (std::size_t r = 0; r < n; ++r) {
            out.recipients[r].component_amount[c] = result.units[r] * s_.rounding.unit;
          }
        }
      } else {
        const BigNat& den = given_denominator(comp);
        out.component_den[c] = den;
        __int128 allocated = 0;
        for (std::size_t r = 0; r < n; ++r) {
          BigNat num = given_numerator(comp, s_.recipients[r]);
          Ore amount = round_half_up(num, den);
          out.recipients[r].component_num[c] = std::move(num);
          out.recipients[r].component_amount[c] = amount;
          allocated += amount;
        }
        out.basis_totals[c] = nat(static_cast<std::int64_t>(std::min<__int128>(allocated, kMaxTotalOre)));
        if (allocated > kMaxTotalOre) {
          add("total.out_of_range", path);
          ok = false;
          continue;
        }
        Ore frame = out.frames[c];
        Ore sum = static_cast<Ore>(allocated);
        if (sum < frame) {
          add("frame.not_fully_allocated", path,
              {{"name", comp.name}, {"allocated_ore", std::to_string(sum)}, {"frame_ore", std::to_string(frame)},
               {"gap_ore", std::to_string(frame - sum)}});
        } else if (sum > frame) {
          add("frame.over", path,
              {{"name", comp.name}, {"allocated_ore", std::to_string(sum)}, {"frame_ore", std::to_string(frame)},
               {"excess_ore", std::to_string(sum - frame)}});
        }
      }
    }
    return ok;
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
    for (std::size_t r = 0; r < n; ++r) {
      auto& rr = out.recipients[r];
      BigNat exact;
      Ore formula = 0;
      for (std::size_t c = 0; c < s_.key.size(); ++c) {
        BigNat part = rr.component_num[c] * scale[c];
        if (s_.key[c].apportioned() && s_.rounding.recipient_level) apportioned_weight[r] += part;
        exact += part;
        if (rr.component_amount[c]) formula += *rr.component_amount[c];
      }
      rr.exact_num = std::move(exact);
      rr.formula = formula;
    }
    if (s_.rounding.recipient_level && apportioned_frames > 0) {
      std::int64_t units = apportioned_frames / s_.rounding.unit;
      out.not_allocated_rounding = apportioned_frames % s_.rounding.unit;
      ApportionResult result = split(apportioned_weight, units, options());
      if (!check(result, units, n, "/rounding")) return false;
      for (std::size_t r = 0; r < n; ++r) out.recipients[r].formula += result.units[r] * s_.rounding.unit;
    }
    if (out.not_allocated_rounding > 0) {
      add("rounding.not_allocated", "/rounding/unit",
          {{"amount_ore", std::to_string(out.not_allocated_rounding)}, {"unit_ore", std::to_string(s_.rounding.unit)}});
    }
    return true;
  }

  void add_earmarks(Computation& out) {
    for (std::size_t e = 0; e < s_.earmarks.size(); ++e) {
      const auto& earmark = s_.earmarks[e];
      __int128 sum = 0;  // 10^6 recipients × 10^15 öre needs more than 64 bits
      for (std::size_t r = 0; r < s_.recipients.size(); ++r) {
        Ore amount = s_.recipients[r].values.empty() ? 0 : s_.recipients[r].values[earmark.indicator];
        out.recipients[r].earmarks.push_back(amount);
        sum += amount;
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
    for (auto& rr : out.recipients) {
      __int128 total = rr.formula;
      for (Ore e : rr.earmarks) total += e;
      if (total > kMaxTotalOre) {
        out.out_of_range = true;
        return;
      }
      rr.total = static_cast<Ore>(total);
    }
  }

  void redistribute(Computation& out) {
    const std::size_t n = s_.recipients.size();
    std::vector<std::size_t> takers;
    for (std::size_t r = 0; r < n; ++r) {
      const Recipient& rec = s_.recipients[r];
      if (!rec.requisitioned) {
        out.has_redistribution = true;
        out.pool += out.recipients[r].formula;
      } else if (rec.opted_in) {
        takers.push_back(r);
      }
    }
    for (std::size_t r = 0; r < n; ++r) {
      auto& rr = out.recipients[r];
      Ore earmarks = rr.total - rr.formula;
      rr.final = s_.recipients[r].requisitioned ? rr.total : earmarks;
    }
    if (!out.has_redistribution || out.pool == 0) return;
    std::vector<BigNat> weights;
    weights.reserve(takers.size());
    bool any_weight = false;
    for (std::size_t r : takers) {
      weights.push_back(out.recipients[r].exact_num);
      any_weight = any_weight || !out.recipients[r].exact_num.is_zero();
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
    ApportionResult result = split(weights, units, opts);
    if (!check(result, units, takers.size(), "/recipients", &takers)) {
      out.redistribution_not_allocated = out.pool;
      return;
    }
    add("redistribution.round", "/recipients",
        {{"pool_ore", std::to_string(out.pool)}, {"count", std::to_string(takers.size())}});
    for (std::size_t i = 0; i < takers.size(); ++i) {
      auto& rr = out.recipients[takers[i]];
      rr.redistribution = result.units[i] * s_.rounding.unit;
      rr.final += rr.redistribution;
    }
  }

  const Scenario& s_;
  std::vector<Finding>& findings_;
};

ojson findings_json(const std::vector<Finding>& findings) {
  ojson list = ojson::array();
  for (const auto& f : findings) {
    list.push_back({{"severity", severity_id(f.severity)},
                    {"code", f.code},
                    {"path", f.path},
                    {"message", {{"sv", f.message_sv}, {"en", f.message_en}}}});
  }
  return list;
}

// Keeps the result below the bound JavaScript reads exactly.
bool totals_in_range(const Computation& c) {
  __int128 total = 0, final = 0;
  for (const auto& r : c.recipients) {
    total += r.total < 0 ? -__int128(r.total) : __int128(r.total);
    final += r.final < 0 ? -__int128(r.final) : __int128(r.final);
  }
  return total <= kMaxTotalOre && final <= kMaxTotalOre;
}

ojson result_json(const Scenario& s, const Computation& c, const std::vector<Finding>& findings) {
  ojson out;
  out["format"] = "fordela-result";
  out["version"] = kScenarioVersion;
  out["ok"] = !has_errors(findings);
  out["findings"] = findings_json(findings);
  out["rounding"] = {{"unit_ore", s.rounding.unit},
                     {"method", method_id(s.rounding.method)},
                     {"level", s.rounding.recipient_level ? "recipient" : "component"}};
  ojson components = ojson::array();
  for (std::size_t i = 0; i < s.key.size(); ++i) {
    const auto& comp = s.key[i];
    components.push_back({{"name", comp.name},
                          {"basis", detail::basis_id(comp.basis)},
                          {"share", format_decimal_plain(comp.share)},
                          {"frame_ore", c.frames[i]},
                          {"basis_total", c.basis_totals[i].to_string()}});
  }
  out["components"] = std::move(components);
  ojson recipients = ojson::array();
  Ore formula = 0, earmarks = 0, total = 0, redistributed = 0, final = 0;
  for (std::size_t r = 0; r < s.recipients.size(); ++r) {
    const auto& rr = c.recipients[r];
    ojson parts = ojson::array();
    for (std::size_t k = 0; k < s.key.size(); ++k) {
      const BigNat& den = c.component_den[k];
      ojson part = {{"exact", fraction_text(rr.component_num[k], den)},
                    {"exact_ore", round_half_up(rr.component_num[k], den)}};
      part["amount_ore"] = rr.component_amount[k] ? ojson(*rr.component_amount[k]) : ojson(nullptr);
      parts.push_back(std::move(part));
    }
    Ore exact_ore = round_half_up(rr.exact_num, c.exact_den);
    Ore earmark_sum = rr.total - rr.formula;
    recipients.push_back({{"name", s.recipients[r].name},
                          {"components", std::move(parts)},
                          {"exact", fraction_text(rr.exact_num, c.exact_den)},
                          {"exact_ore", exact_ore},
                          {"formula_ore", rr.formula},
                          {"rounding_ore", rr.formula - exact_ore},
                          {"earmarks_ore", rr.earmarks},
                          {"total_ore", rr.total},
                          {"requisitioned", s.recipients[r].requisitioned},
                          {"redistribution_ore", rr.redistribution},
                          {"final_ore", rr.final}});
    formula += rr.formula;
    earmarks += earmark_sum;
    total += rr.total;
    redistributed += rr.redistribution;
    final += rr.final;
  }
  out["recipients"] = std::move(recipients);
  out["totals"] = {{"pot_ore", s.total},
                   {"deductions_ore", c.deductions},
                   {"net_ore", c.net},
                   {"formula_ore", formula},
                   {"not_allocated_ore", c.net - formula},
                   {"earmarks_ore", earmarks},
                   {"total_ore", total},
                   {"redistributed_ore", redistributed},
                   {"final_ore", final}};
  if (c.has_redistribution) {
    out["redistribution"] = {{"pool_ore", c.pool},
                             {"recipients", c.takers},
                             {"not_allocated_ore", c.redistribution_not_allocated}};
  } else {
    out["redistribution"] = nullptr;
  }
  return out;
}

ojson failure_json(const std::vector<Finding>& findings) {
  ojson out;
  out["format"] = "fordela-result";
  out["version"] = kScenarioVersion;
  out["ok"] = false;
  out["findings"] = findings_json(findings);
  return out;
}

std::string dump(const ojson& j) { return j.dump(-1, ' ', false, ojson::error_handler_t::replace); }

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

ojson scenario_json(const Scenario& s) {
  ojson out;
  out["format"] = "fordela-scenario";
  out["version"] = kScenarioVersion;
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
    }
    if (r.activity_from || r.activity_to) {
      ojson activity = ojson::object();
      if (r.activity_from) activity["from"] = detail::format_date(*r.activity_from);
      if (r.activity_to) activity["to"] = detail::format_date(*r.activity_to);
      rec["activity"] = std::move(activity);
    }
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

struct Outcome {
  std::optional<Scenario> scenario;
  std::optional<Computation> computation;
  std::vector<Finding> findings;
};

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

}  // namespace

std::string compute_scenario_json(std::string_view scenario_json_text, const ScenarioLimits& limits) {
  Outcome o = evaluate(scenario_json_text, limits);
  if (!o.computation) return dump(failure_json(o.findings));
  return dump(result_json(*o.scenario, *o.computation, o.findings));
}

std::string validate_scenario_json(std::string_view scenario_json_text, const ScenarioLimits& limits) {
  Outcome o = evaluate(scenario_json_text, limits);
  ojson out;
  out["ok"] = !has_errors(o.findings);
  out["findings"] = findings_json(o.findings);
  return dump(out);
}

std::string normalize_scenario_json(std::string_view scenario_json_text, const ScenarioLimits& limits) {
  std::vector<Finding> findings;
  auto scenario = detail::read_scenario(scenario_json_text, limits, findings);
  if (!scenario) {
    ojson out;
    out["ok"] = false;
    out["findings"] = findings_json(findings);
    return dump(out);
  }
  return dump(scenario_json(*scenario));
}

}  // namespace fordela
