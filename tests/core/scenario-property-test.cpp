// Properties of the scenario engine over thousands of random scenarios
// (fixed seed): the sums are exact, no amount is negative, rounding stays
// within one unit, the order of recipients matters only through reported
// ties, and compute, validate and normalize agree with each other.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "fordela/money.hpp"
#include "test_support.hpp"

namespace fordela::test {
namespace {

constexpr std::uint64_t kSeed = 20210525;  // the day Stockholm decided
constexpr int kScenarios = 3000;

// Errors a well-formed random scenario may legitimately meet: a column
// that is 0 everywhere, a minimum the pot cannot cover, or fixed amounts
// or costs beyond their part's frame.
const std::set<std::string> kLegitimateErrors = {"key.basis_zero", "rounding.min_infeasible", "frame.over"};

// A JSON number with a fraction, written as the text it is (12.5, not a
// double's 12.499999999999998): held in the document as a marked string
// until document_text() writes it out.
const std::string kNumberMark = "#number#";

std::string document_text(const ojson& doc) {
  std::string text = doc.dump();
  const std::string quoted_mark = "\"" + kNumberMark;
  for (auto at = text.find(quoted_mark); at != std::string::npos; at = text.find(quoted_mark, at)) {
    auto end = text.find('"', at + quoted_mark.size());
    text = text.substr(0, at) + text.substr(at + quoted_mark.size(), end - at - quoted_mark.size()) + text.substr(end + 1);
  }
  return text;
}

bool apportioned_basis(const std::string& basis) {
  return basis == "weighted" || basis == "indicator" || basis == "equal";
}

// What was generated, so that each property knows whether it applies.
struct Generated {
  ojson doc;
  std::int64_t unit_ore = 100;
  std::string method = "largest-remainder";
  bool recipient_level = true;
  std::int64_t min_units = 0;
  bool all_apportioned = true;  // no fixed or cost component
  bool splittable = true;       // only indicator and weighted components on count columns
};

class Generator {
 public:
  explicit Generator(std::uint64_t seed) : rng_(seed) {}

  Generated next() {
    Generated g;
    ojson& d = g.doc;
    d["format"] = "fordela-scenario";
    d["version"] = 1;
    d["title"] = "Slumpat scenario " + std::to_string(++count_);

    const int counts = uniform(1, 3);
    const int earmarks = uniform(0, 2);
    const int n = pick_recipient_count();

    // The pot, sometimes with deductions that leave something to split.
    Ore total = pick_total();
    ojson deductions = ojson::array();
    Ore left = total;
    for (int i = 0, k = uniform(0, 2); i < k && left > 0; ++i) {
      Ore amount = uniform64(0, left / 2);
      if (chance(0.5)) amount -= amount % 100;
      deductions.push_back({{"name", "Avdrag " + std::to_string(i + 1)}, {"amount", amount_value(amount)}});
      left -= amount;
    }
    d["pot"] = {{"total", amount_value(total)}, {"deductions", deductions}};

    ojson indicators = ojson::array();
    for (int i = 0; i < counts; ++i) {
      indicators.push_back({{"id", "c" + std::to_string(i)}, {"label", "Antal " + std::to_string(i)}, {"kind", "count"}});
    }
    for (int i = 0; i < earmarks; ++i) {
      indicators.push_back({{"id", "e" + std::to_string(i)}, {"label", "Extra " + std::to_string(i)}, {"kind", "amount"}});
    }
    indicators.push_back({{"id", "fast"}, {"label", "Fast belopp"}, {"kind", "amount"}});
    d["indicators"] = indicators;

    // The key: 1-3 components whose shares add up to exactly 100.
    const int components = uniform(1, 3);
    std::vector<ojson> shares = pick_shares(components);
    ojson key = ojson::array();
    bool any_cost = false;
    for (int c = 0; c < components; ++c) {
      ojson comp = {{"name", "Komponent " + std::to_string(c + 1)}, {"share", shares[c]}};
      const int kind = uniform(0, 99);
      if (kind < 38) {
        comp["basis"] = "weighted";
        ojson weights = ojson::object();
        const int first = uniform(0, counts - 1);
        for (int i = 0; i < counts; ++i) {
          if (i == first || chance(0.5)) weights["c" + std::to_string(i)] = decimal_value(pick_weight());
        }
        comp["weights"] = weights;
      } else if (kind < 76) {
        comp["basis"] = "indicator";
        comp["indicator"] = "c" + std::to_string(uniform(0, counts - 1));
      } else if (kind < 92) {
        comp["basis"] = "equal";
        g.splittable = false;
      } else if (kind < 96) {
        comp["basis"] = "fixed";
        comp["indicator"] = "fast";
        g.all_apportioned = g.splittable = false;
      } else {
        comp["basis"] = "cost";
        any_cost = true;
        g.all_apportioned = g.splittable = false;
      }
      key.push_back(comp);
    }
    d["key"] = key;

    ojson recipients = ojson::array();
    std::vector<Ore> earmark_sums(earmarks, 0);
    for (int r = 0; r < n; ++r) {
      ojson values = ojson::object();
      for (int i = 0; i < counts; ++i) {
        if (chance(0.1)) continue;  // a missing value is 0
        values["c" + std::to_string(i)] = decimal_value(pick_value());
      }
      for (int i = 0; i < earmarks; ++i) {
        Ore amount = chance(0.3) ? 0 : uniform64(0, 1'000'000'000);
        earmark_sums[i] += amount;
        values["e" + std::to_string(i)] = amount_value(amount);
      }
      values["fast"] = amount_value(uniform64(0, std::max<Ore>(left / n, 1)));
      ojson rec = {{"name", "Mottagare " + std::to_string(r + 1)}, {"values", values}};
      if (chance(0.06)) rec["requisitioned"] = false;
      if (chance(0.3)) rec["opted_in"] = true;
      if (any_cost) {
        rec["cost"] = {{"posts", decimal_value(uniform64(0, 5'000'000))},
                       {"cost_per_post", amount_value(uniform64(0, 80'000'000))},
                       {"months", decimal_value(uniform64(1, 12) * Decimal::kScale / (chance(0.8) ? 1 : 2))}};
        if (chance(0.3)) rec["cost"]["other"] = ojson::array({{{"name", "Lokal"}, {"amount", amount_value(uniform64(0, 100'000'000))}}});
      }
      recipients.push_back(rec);
    }
    d["recipients"] = recipients;

    ojson earmark_list = ojson::array();
    for (int i = 0; i < earmarks; ++i) {
      ojson e = {{"name", "Extra " + std::to_string(i)}, {"indicator", "e" + std::to_string(i)}};
      if (chance(0.5)) e["stated_total"] = amount_value(earmark_sums[i] + (chance(0.7) ? 0 : uniform64(-100, 100) * 100 + 100'00));
      earmark_list.push_back(e);
    }
    d["earmarks"] = earmark_list;

    static const std::vector<std::string> kMethods = {"largest-remainder", "dhondt", "sainte-lague",
                                                      "huntington-hill", "adams", "dean"};
    g.method = chance(0.4) ? "largest-remainder" : kMethods[uniform(0, 5)];
    g.recipient_level = chance(0.7);
    g.unit_ore = pick_unit();
    g.min_units = chance(0.85) ? 0 : uniform(1, 3);
    ojson rounding = {{"unit", amount_value(g.unit_ore)},
                      {"method", g.method},
                      {"level", g.recipient_level ? "recipient" : "component"}};
    if (g.method == "sainte-lague" && chance(0.7)) {
      static const std::vector<std::int64_t> kDivisors = {1'000'000, 1'200'000, 1'400'000, 2'500'000};
      rounding["first_divisor"] = decimal_value(kDivisors[uniform(0, 3)]);
    }
    if (g.min_units > 0) rounding["min_units"] = g.min_units;
    d["rounding"] = rounding;
    return g;
  }

  // A decimal as people might write it: an integer, a JSON number, or a
  // string with a decimal comma or point and grouped thousands.
  ojson decimal_value(std::int64_t micro) {
    if (micro % Decimal::kScale == 0 && chance(0.6)) return micro / Decimal::kScale;
    std::string plain = format_decimal_plain(Decimal{micro});
    switch (uniform(0, 3)) {
      case 0: return kNumberMark + plain;  // a JSON number like 12.5, see document_text()
      case 1: return plain;
      case 2: std::replace(plain.begin(), plain.end(), '.', ','); return plain;
      default: {
        std::string whole = plain.substr(0, plain.find('.'));
        std::string rest = plain.find('.') == std::string::npos ? "" : "," + plain.substr(plain.find('.') + 1);
        std::string grouped;
        for (std::size_t i = 0; i < whole.size(); ++i) {
          if (i > 0 && (whole.size() - i) % 3 == 0) grouped += ' ';
          grouped += whole[i];
        }
        return grouped + rest;
      }
    }
  }

  // An amount as people paste it: whole kronor as an integer, "6214587.50",
  // "6 214 587,50 kr" with no-break spaces, or thousands of kronor.
  ojson amount_value(Ore ore) {
    switch (uniform(0, 3)) {
      case 0:
        if (ore % kOrePerKrona == 0) return ore / kOrePerKrona;
        return format_kr_plain(ore);
      case 1: return format_kr_plain(ore);
      case 2: return format_kr_sv(ore);
      default: {
        std::string fraction = std::to_string(ore % 100'000);
        fraction = std::string(5 - fraction.size(), '0') + fraction;
        while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
        return std::to_string(ore / 100'000) + (fraction.empty() ? "" : "," + fraction) + " tkr";
      }
    }
  }

  bool chance(double p) { return std::uniform_real_distribution<double>(0, 1)(rng_) < p; }
  int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  std::int64_t uniform64(std::int64_t lo, std::int64_t hi) {
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng_);
  }

 private:
  int pick_recipient_count() {
    if (chance(0.15)) return uniform(1, 3);
    if (chance(0.7)) return uniform(2, 15);
    return uniform(16, 60);
  }

  Ore pick_total() {
    switch (uniform(0, 4)) {
      case 0: return uniform64(0, 100) * kOrePerKrona;                       // a few kronor
      case 1: return uniform64(0, 10'000'000) * kOrePerKrona;                // up to 10 mnkr
      case 2: return uniform64(0, 1'000'000'000'000);                        // öre too, up to 10 mdkr
      case 3: return uniform64(1, 5000) * 100'000 * kOrePerKrona;            // round hundred-thousands
      default: return uniform64(0, 100'000'000) * kOrePerKrona + uniform(0, 99);
    }
  }

  Ore pick_unit() {
    static const std::vector<Ore> kUnits = {1, 5, 100, 1'000, 10'000, 100'000, 10'000'000, 100'000'000};
    if (chance(0.8)) return kUnits[uniform(0, static_cast<int>(kUnits.size()) - 1)];
    return uniform64(1, 100'000'000);
  }

  std::vector<ojson> pick_shares(int components) {
    std::vector<std::int64_t> micro;
    if (chance(0.5)) {
      // Whole per cent.
      std::vector<std::int64_t> cuts = {0, 100};
      for (int i = 1; i < components; ++i) cuts.push_back(uniform(0, 100));
      std::sort(cuts.begin(), cuts.end());
      for (int i = 0; i < components; ++i) micro.push_back((cuts[i + 1] - cuts[i]) * Decimal::kScale);
    } else {
      std::vector<std::int64_t> cuts = {0, 100 * Decimal::kScale};
      for (int i = 1; i < components; ++i) cuts.push_back(uniform64(0, 100 * Decimal::kScale));
      std::sort(cuts.begin(), cuts.end());
      for (int i = 0; i < components; ++i) micro.push_back(cuts[i + 1] - cuts[i]);
    }
    std::vector<ojson> out;
    for (std::int64_t m : micro) out.push_back(decimal_value(m));
    return out;
  }

  std::int64_t pick_weight() {
    static const std::vector<std::int64_t> kWeights = {500'000, 1'000'000, 2'000'000, 3'000'000, 1'250'000};
    if (chance(0.7)) return kWeights[uniform(0, 4)];
    return uniform64(1, 10'000'000);
  }

  std::int64_t pick_value() {
    switch (uniform(0, 5)) {
      case 0: return 0;
      case 1: return uniform64(0, 10) * Decimal::kScale;                           // a few areas
      case 2: return uniform64(0, 20) * Decimal::kScale / 2;                       // halves
      case 3: return uniform64(1'000, 200'000) * Decimal::kScale;                  // a population
      case 4: return uniform64(0, 100'000'000);                                    // six decimals
      default: return uniform64(0, 1'000'000) * Decimal::kScale;
    }
  }

  std::mt19937_64 rng_;
  int count_ = 0;
};

// ---------------------------------------------------------------------------

struct Computed {
  Generated g;
  std::string text;
  std::string result_text;
  json result;
};

// The random scenarios, generated and computed once per test process.
const std::vector<Computed>& scenarios() {
  static const std::vector<Computed> all = [] {
    Generator gen(kSeed);
    std::vector<Computed> out;
    out.reserve(kScenarios);
    for (int i = 0; i < kScenarios; ++i) {
      Computed c;
      c.g = gen.next();
      c.text = document_text(c.g.doc);
      c.result_text = compute_scenario_json(c.text);
      c.result = parse(c.result_text);
      out.push_back(std::move(c));
    }
    return out;
  }();
  return all;
}

std::vector<const Computed*> ok_cases(const std::vector<Computed>& all) {
  std::vector<const Computed*> out;
  for (const auto& c : all) {
    if (c.result.value("ok", false)) out.push_back(&c);
  }
  return out;
}

std::int64_t ore(const json& v) { return v.get<std::int64_t>(); }

// A tie among recipients (ties among the key's components at "/key" do
// not depend on the order of recipients).
bool recipient_tie(const json& result) {
  for (const auto& f : findings_with(result, "apportion.tie")) {
    if (f["path"] != "/key") return true;
  }
  return false;
}

void every_result_is_well_formed_and_ok_or_refused_only_for_legitimate_reasons(const std::vector<Computed>& all) {
  std::size_t ok = 0;
  for (const auto& c : all) {
    SCOPED_TRACE(c.text.substr(0, 2000));
    ASSERT_TRUE(c.result.contains("ok")) << c.result_text.substr(0, 500);
    EXPECT_EQ(c.result["format"], "fordela-result");
    if (c.result["ok"].get<bool>()) {
      ++ok;
      EXPECT_EQ(count_severity(c.result, "error"), 0u);
      EXPECT_EQ(c.result["recipients"].size(), c.g.doc["recipients"].size());
      continue;
    }
    for (const auto& f : c.result["findings"]) {
      if (f["severity"] != "error") continue;
      EXPECT_TRUE(kLegitimateErrors.count(f["code"].get<std::string>())) << f.dump();
    }
  }
  EXPECT_GE(ok, all.size() * 6 / 10) << "most random scenarios should compute";
}

void formula_amounts_add_up_to_the_net_pot_less_what_is_not_allocated(const std::vector<Computed>& all) {
  for (const Computed* c : ok_cases(all)) {
    SCOPED_TRACE(c->text.substr(0, 2000));
    const json& r = c->result;
    const std::int64_t net = total(r, "net_ore");
    EXPECT_EQ(net, total(r, "pot_ore") - total(r, "deductions_ore"));
    std::int64_t formula_sum = 0;
    for (const auto& rec : r["recipients"]) formula_sum += ore(rec["formula_ore"]);
    EXPECT_EQ(formula_sum, total(r, "formula_ore"));
    EXPECT_EQ(formula_sum, net - total(r, "not_allocated_ore"));

    // What is not allocated is exactly the rounding remainder plus the gap
    // (or excess) of the given components, nothing else.
    const std::int64_t unit = c->g.unit_ore;
    std::int64_t frames = 0, apportioned_frames = 0, rounding_remainder = 0, given_gap = 0;
    for (std::size_t k = 0; k < r["components"].size(); ++k) {
      const json& comp = r["components"][k];
      const std::int64_t frame = ore(comp["frame_ore"]);
      frames += frame;
      if (apportioned_basis(comp["basis"])) {
        apportioned_frames += frame;
        if (!c->g.recipient_level) rounding_remainder += frame % unit;
      } else {
        std::int64_t given = 0;
        for (const auto& rec : r["recipients"]) given += ore(rec["components"][k]["amount_ore"]);
        given_gap += frame - given;
      }
    }
    if (c->g.recipient_level) rounding_remainder = apportioned_frames % unit;
    EXPECT_EQ(frames, net) << "the frames add up to the net pot";
    EXPECT_EQ(total(r, "not_allocated_ore"), rounding_remainder + given_gap);
    EXPECT_GE(total(r, "not_allocated_ore"), 0) << "nothing is paid beyond the pot";
    EXPECT_EQ(has_finding(r, "rounding.not_allocated") || has_finding(r, "rounding.not_allocated_parts"), rounding_remainder > 0);
  }
}

void no_amount_is_negative(const std::vector<Computed>& all) {
  for (const Computed* c : ok_cases(all)) {
    SCOPED_TRACE(c->text.substr(0, 2000));
    for (const auto& rec : c->result["recipients"]) {
      EXPECT_GE(ore(rec["formula_ore"]), 0);
      EXPECT_GE(ore(rec["exact_ore"]), 0);
      EXPECT_GE(ore(rec["total_ore"]), 0);
      EXPECT_GE(ore(rec["redistribution_ore"]), 0);
      EXPECT_GE(ore(rec["final_ore"]), 0);
      for (const auto& e : rec["earmarks_ore"]) EXPECT_GE(ore(e), 0);
      for (const auto& part : rec["components"]) {
        EXPECT_GE(ore(part["exact_ore"]), 0);
        if (!part["amount_ore"].is_null()) {
          EXPECT_GE(ore(part["amount_ore"]), 0);
        }
      }
    }
    for (const auto& comp : c->result["components"]) EXPECT_GE(ore(comp["frame_ore"]), 0);
  }
}

void every_apportioned_amount_is_a_multiple_of_the_unit(const std::vector<Computed>& all) {
  for (const Computed* c : ok_cases(all)) {
    SCOPED_TRACE(c->text.substr(0, 2000));
    const json& r = c->result;
    const std::int64_t unit = c->g.unit_ore;
    EXPECT_EQ(r["rounding"]["unit_ore"], unit);
    for (const auto& rec : r["recipients"]) {
      std::int64_t apportioned = ore(rec["formula_ore"]);
      for (std::size_t k = 0; k < r["components"].size(); ++k) {
        const json& amount = rec["components"][k]["amount_ore"];
        if (apportioned_basis(r["components"][k]["basis"])) {
          EXPECT_EQ(amount.is_null(), c->g.recipient_level);
          if (!amount.is_null()) {
            EXPECT_EQ(ore(amount) % unit, 0) << rec.dump();
          }
        } else {
          ASSERT_FALSE(amount.is_null());
          apportioned -= ore(amount);
        }
      }
      EXPECT_EQ(apportioned % unit, 0) << rec.dump();
      EXPECT_EQ(ore(rec["redistribution_ore"]) % unit, 0) << rec.dump();
    }
  }
}

void totals_are_formula_plus_earmarks_and_final_is_what_remains_after_the_round(const std::vector<Computed>& all) {
  for (const Computed* c : ok_cases(all)) {
    SCOPED_TRACE(c->text.substr(0, 2000));
    const json& r = c->result;
    std::int64_t earmarks = 0, totals = 0, finals = 0, redistributed = 0, pool = 0, returned = 0;
    for (const auto& rec : r["recipients"]) {
      std::int64_t own = 0;
      for (const auto& e : rec["earmarks_ore"]) own += ore(e);
      EXPECT_EQ(rec["earmarks_ore"].size(), c->g.doc["earmarks"].size());
      EXPECT_EQ(ore(rec["total_ore"]), ore(rec["formula_ore"]) + own);
      EXPECT_EQ(ore(rec["rounding_ore"]), ore(rec["formula_ore"]) - ore(rec["exact_ore"]));
      if (rec["requisitioned"].get<bool>()) {
        EXPECT_EQ(ore(rec["final_ore"]), ore(rec["total_ore"]) + ore(rec["redistribution_ore"]));
        EXPECT_EQ(ore(rec["unrequisitioned_ore"]), 0);
      } else {
        pool += ore(rec["formula_ore"]);
        EXPECT_EQ(ore(rec["redistribution_ore"]), 0);
        EXPECT_EQ(ore(rec["unrequisitioned_ore"]), -ore(rec["formula_ore"]));
      }
      // Row by row: what it was given, less what it gave back, plus what the round gave it.
      EXPECT_EQ(ore(rec["final_ore"]),
                ore(rec["total_ore"]) + ore(rec["unrequisitioned_ore"]) + ore(rec["redistribution_ore"]));
      returned += ore(rec["unrequisitioned_ore"]);
      earmarks += own;
      totals += ore(rec["total_ore"]);
      finals += ore(rec["final_ore"]);
      redistributed += ore(rec["redistribution_ore"]);
    }
    EXPECT_EQ(total(r, "earmarks_ore"), earmarks);
    EXPECT_EQ(total(r, "total_ore"), total(r, "formula_ore") + earmarks);
    EXPECT_EQ(total(r, "total_ore"), totals);
    EXPECT_EQ(total(r, "redistributed_ore"), redistributed);
    EXPECT_EQ(total(r, "unrequisitioned_ore"), returned);
    EXPECT_EQ(-returned, pool) << "what is given back is the round's pool";
    EXPECT_EQ(total(r, "final_ore"), finals);
    if (r["redistribution"].is_null()) {
      EXPECT_EQ(pool, 0);
      EXPECT_EQ(finals, totals);
    } else {
      EXPECT_EQ(ore(r["redistribution"]["pool_ore"]), pool);
      EXPECT_EQ(redistributed + ore(r["redistribution"]["not_allocated_ore"]), pool);
    }
  }
}

void largest_remainder_per_recipient_stays_within_one_unit_of_the_quota(const std::vector<Computed>& all) {
  std::size_t checked = 0;
  for (const Computed* c : ok_cases(all)) {
    if (c->g.method != "largest-remainder" || !c->g.recipient_level || c->g.min_units != 0 || !c->g.all_apportioned) {
      continue;
    }
    SCOPED_TRACE(c->text.substr(0, 2000));
    const json& r = c->result;
    // The quota scaled to what can be allocated in whole units.
    const __int128 frames = total(r, "net_ore");
    const __int128 allocatable = total(r, "formula_ore");
    if (frames == 0) continue;
    ++checked;
    const __int128 unit = c->g.unit_ore;
    for (const auto& rec : r["recipients"]) {
      const __int128 off = __int128(ore(rec["formula_ore"])) * frames - __int128(ore(rec["exact_ore"])) * allocatable;
      EXPECT_LT(off < 0 ? -off : off, (unit + 1) * frames) << rec.dump();
    }
  }
  EXPECT_GE(checked, 100u);
}

ojson reversed(const ojson& doc) {
  ojson out = doc;
  std::reverse(out["recipients"].begin(), out["recipients"].end());
  return out;
}

void reversing_the_order_of_recipients_changes_no_amount_unless_a_tie_was_reported(const std::vector<Computed>& all) {
  std::size_t compared = 0, ties = 0;
  for (const auto& c : all) {
    SCOPED_TRACE(c.text.substr(0, 2000));
    json back = compute(document_text(reversed(c.g.doc)));
    ASSERT_EQ(back["ok"], c.result["ok"]) << back["findings"].dump();
    if (!c.result["ok"].get<bool>()) continue;
    if (recipient_tie(c.result) || recipient_tie(back)) {
      ++ties;
      continue;
    }
    ++compared;
    std::map<std::string, json> by_name;
    for (const auto& rec : back["recipients"]) by_name[rec["name"]] = rec;
    for (const auto& rec : c.result["recipients"]) {
      const json& other = by_name[rec["name"]];
      EXPECT_EQ(rec["exact"], other["exact"]);
      EXPECT_EQ(rec["formula_ore"], other["formula_ore"]) << rec["name"];
      EXPECT_EQ(rec["components"], other["components"]) << rec["name"];
      EXPECT_EQ(rec["redistribution_ore"], other["redistribution_ore"]) << rec["name"];
      EXPECT_EQ(rec["final_ore"], other["final_ore"]) << rec["name"];
    }
    EXPECT_EQ(back["totals"], c.result["totals"]);
  }
  EXPECT_GE(compared, 300u) << ties << " skipped for ties";
}

// Half of a decimal value as a string, or nothing when it has no exact
// half in six decimals.
std::optional<std::string> half_of(const ojson& value) {
  std::string text = value.is_string() ? value.get<std::string>() : value.dump();
  if (text.rfind(kNumberMark, 0) == 0) text = text.substr(kNumberMark.size());
  DecimalParse d = parse_decimal(text);
  if (!d.ok() || d.value.micro % 2 != 0) return std::nullopt;
  return format_decimal_plain(Decimal{d.value.micro / 2});
}

void splitting_a_recipient_in_two_halves_keeps_its_amount_within_one_unit(const std::vector<Computed>& all) {
  std::size_t checked = 0;
  Generator pick(kSeed + 1);
  for (const Computed* c : ok_cases(all)) {
    if (c->g.method != "largest-remainder" || !c->g.recipient_level || c->g.min_units != 0 || !c->g.splittable ||
        recipient_tie(c->result)) {
      continue;
    }
    const ojson& recipients = c->g.doc["recipients"];
    const std::size_t who = static_cast<std::size_t>(pick.uniform(0, static_cast<int>(recipients.size()) - 1));
    const ojson& whole = recipients[who];
    ojson first = whole, second = whole;
    first["name"] = whole["name"].get<std::string>() + " (del 1)";
    second["name"] = whole["name"].get<std::string>() + " (del 2)";
    bool halvable = true;
    for (auto it = whole["values"].begin(); it != whole["values"].end(); ++it) {
      if (it.key()[0] != 'c') {
        second["values"][it.key()] = 0;  // earmarks and fixed amounts stay with the first half
        continue;
      }
      auto half = half_of(it.value());
      if (!half) {
        halvable = false;
        break;
      }
      first["values"][it.key()] = *half;
      second["values"][it.key()] = *half;
    }
    if (!halvable) continue;
    ojson split = c->g.doc;
    split["recipients"] = ojson::array();
    for (std::size_t i = 0; i < recipients.size(); ++i) {
      if (i == who) {
        split["recipients"].push_back(first);
        split["recipients"].push_back(second);
      } else {
        split["recipients"].push_back(recipients[i]);
      }
    }
    json result = compute(document_text(split));
    SCOPED_TRACE(document_text(split).substr(0, 2000));
    ASSERT_TRUE(result["ok"].get<bool>()) << result["findings"].dump();
    if (recipient_tie(result)) continue;
    ++checked;
    const std::string name = whole["name"];
    const std::int64_t together = formula(result, name + " (del 1)") + formula(result, name + " (del 2)");
    EXPECT_LE(std::abs(together - formula(c->result, name)), c->g.unit_ore)
        << name << ": " << formula(c->result, name) << " whole, " << together << " in two halves";
  }
  EXPECT_GE(checked, 100u);
}

void compute_is_deterministic(const std::vector<Computed>& all) {
  for (const auto& c : all) {
    EXPECT_EQ(compute_scenario_json(c.text), c.result_text) << c.text.substr(0, 2000);
  }
}

void validate_agrees_with_compute(const std::vector<Computed>& all) {
  for (const auto& c : all) {
    SCOPED_TRACE(c.text.substr(0, 2000));
    json validation = parse(validate_scenario_json(c.text));
    EXPECT_EQ(validation["ok"], c.result["ok"]);
    EXPECT_EQ(validation["findings"], c.result["findings"]);
  }
}

void normalize_round_trips_to_the_same_result_and_is_idempotent(const std::vector<Computed>& all) {
  for (const auto& c : all) {
    SCOPED_TRACE(c.text.substr(0, 2000));
    const std::string normalized = normalize_scenario_json(c.text);
    ASSERT_EQ(parse(normalized).value("format", ""), "fordela-scenario") << normalized.substr(0, 500);
    EXPECT_EQ(compute_scenario_json(normalized), c.result_text);
    EXPECT_EQ(normalize_scenario_json(normalized), normalized);
  }
}

TEST(RandomScenarios, AmountsAddUpExactlyAreNeverNegativeAndStayWithinOneUnit) {
  const auto& all = scenarios();
  {
    SCOPED_TRACE("every_result_is_well_formed_and_ok_or_refused_only_for_legitimate_reasons");
    every_result_is_well_formed_and_ok_or_refused_only_for_legitimate_reasons(all);
  }
  {
    SCOPED_TRACE("formula_amounts_add_up_to_the_net_pot_less_what_is_not_allocated");
    formula_amounts_add_up_to_the_net_pot_less_what_is_not_allocated(all);
  }
  {
    SCOPED_TRACE("no_amount_is_negative");
    no_amount_is_negative(all);
  }
  {
    SCOPED_TRACE("every_apportioned_amount_is_a_multiple_of_the_unit");
    every_apportioned_amount_is_a_multiple_of_the_unit(all);
  }
  {
    SCOPED_TRACE("totals_are_formula_plus_earmarks_and_final_is_what_remains_after_the_round");
    totals_are_formula_plus_earmarks_and_final_is_what_remains_after_the_round(all);
  }
  {
    SCOPED_TRACE("largest_remainder_per_recipient_stays_within_one_unit_of_the_quota");
    largest_remainder_per_recipient_stays_within_one_unit_of_the_quota(all);
  }
}

TEST(RandomScenarios, TheOrderOfRecipientsMattersOnlyThroughReportedTies) {
  const auto& all = scenarios();
  {
    SCOPED_TRACE("reversing_the_order_of_recipients_changes_no_amount_unless_a_tie_was_reported");
    reversing_the_order_of_recipients_changes_no_amount_unless_a_tie_was_reported(all);
  }
  {
    SCOPED_TRACE("splitting_a_recipient_in_two_halves_keeps_its_amount_within_one_unit");
    splitting_a_recipient_in_two_halves_keeps_its_amount_within_one_unit(all);
  }
}

TEST(RandomScenarios, ComputeValidateAndNormalizeAgree) {
  const auto& all = scenarios();
  {
    SCOPED_TRACE("compute_is_deterministic");
    compute_is_deterministic(all);
  }
  {
    SCOPED_TRACE("validate_agrees_with_compute");
    validate_agrees_with_compute(all);
  }
  {
    SCOPED_TRACE("normalize_round_trips_to_the_same_result_and_is_idempotent");
    normalize_round_trips_to_the_same_result_and_is_idempotent(all);
  }
}

}  // namespace
}  // namespace fordela::test
