// Explanations: every number in them is the computation's own (checked for
// every example and every recipient), and the sentences read as a
// controller would check them by hand.
#include "fordela/explain.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "fordela/money.hpp"
#include "test_support.hpp"

namespace fordela::test {
namespace {

// Every file in examples/, so that a new example is covered too.
std::vector<std::string> example_names() {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(FORDELA_SOURCE_DIR) + "/examples")) {
    if (entry.path().extension() == ".json") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// Swedish text as the core writes it: a no-break space inside numbers
// ("5 900 000"), before "kr" and before "%"; ordinary spaces elsewhere.
std::string sv_text(std::string_view plain) {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  std::string out;
  for (std::size_t i = 0; i < plain.size(); ++i) {
    const std::string_view next = plain.substr(i + 1);
    const bool in_number = i > 0 && digit(plain[i - 1]) &&
                           (next.rfind("kr", 0) == 0 || next.rfind("%", 0) == 0 || (!next.empty() && digit(next[0])));
    if (plain[i] == ' ' && in_number) {
      out += "\xC2\xA0";
    } else {
      out += plain[i];
    }
  }
  return out;
}

json explain(std::string_view scenario_text, std::string_view name) {
  return parse(explain_json(scenario_text, name));
}

std::vector<json> steps_of(const json& explanation, std::string_view kind) {
  std::vector<json> out;
  for (const auto& step : explanation["steps"]) {
    if (step["kind"] == kind) out.push_back(step);
  }
  return out;
}

json step_of(const json& explanation, std::string_view kind) {
  auto all = steps_of(explanation, kind);
  EXPECT_EQ(all.size(), 1u) << "one " << kind << " step expected";
  return all.empty() ? json::object() : all.front();
}

bool contains(const json& text, std::string_view part) {
  return text.is_string() && text.get<std::string>().find(part) != std::string::npos;
}

// Every value an explanation states is the result's value for that
// recipient: component quotas, given amounts, the exact amount, the
// rounding, earmarks, the redistribution and the final amount.
// `level` is the result (or a sub-level of it, below the recipients named
// by `above`), whose recipients are explained and checked in turn, and
// those of every level below them.
void expect_level_matches(const std::string& scenario_text, const json& result, const json& level,
                          const std::vector<std::string>& above) {
  for (const json& r : level["recipients"]) {
    const std::string name = r["name"];
    SCOPED_TRACE(name);
    std::vector<std::string> names = above;
    names.push_back(name);
    const json e = parse(explain_json(scenario_text, names));
    ASSERT_EQ(e["ok"], result["ok"]) << e.dump();
    if (!e["ok"].get<bool>()) continue;
    EXPECT_EQ(e["recipient"], name);
    if (!above.empty()) EXPECT_EQ(e["path"], json(names));
    EXPECT_EQ(e["findings"], result["findings"]);
    for (const json& step : e["steps"]) {
      EXPECT_FALSE(step["sv"].get<std::string>().empty()) << step.dump();
      EXPECT_FALSE(step["en"].get<std::string>().empty()) << step.dump();
      EXPECT_FALSE(has_placeholder(step["sv"].get<std::string>())) << step.dump();
    }

    const json& components = r["components"];
    std::size_t seen = 0;
    for (const json& step : e["steps"]) {
      if (step["kind"] != "component" && step["kind"] != "given") continue;
      const std::size_t k = step["component"];
      ASSERT_LT(k, components.size());
      EXPECT_EQ(step["exact"], components[k]["exact"]) << step.dump();
      EXPECT_EQ(step["exact_ore"], components[k]["exact_ore"]) << step.dump();
      EXPECT_EQ(step["frame_ore"], level["components"][k]["frame_ore"]);
      if (step["kind"] == "given") EXPECT_EQ(step["amount_ore"], components[k]["amount_ore"]);
      ++seen;
    }
    EXPECT_EQ(seen, components.size()) << "one step per component of the key";

    const json exact = step_of(e, "exact");
    EXPECT_EQ(exact["exact"], r["exact"]);
    EXPECT_EQ(exact["exact_ore"], r["exact_ore"]);

    for (const json& step : steps_of(e, "rounding")) {
      if (step["level"] == "recipient") {
        EXPECT_EQ(step["formula_ore"], r["formula_ore"]);
        EXPECT_EQ(step["rounding_ore"], r["rounding_ore"]);
      } else {
        const std::size_t k = step["component"];
        EXPECT_EQ(step["amount_ore"], components[k]["amount_ore"]);
        EXPECT_EQ(step["exact_ore"], components[k]["exact_ore"]);
      }
      EXPECT_EQ(step["amount_ore"].get<std::int64_t>(),
                step["units"].get<std::int64_t>() * level["rounding"]["unit_ore"].get<std::int64_t>());
    }

    const auto earmarks = steps_of(e, "earmark");
    ASSERT_EQ(earmarks.size(), r["earmarks_ore"].size());
    for (std::size_t i = 0; i < earmarks.size(); ++i) EXPECT_EQ(earmarks[i]["amount_ore"], r["earmarks_ore"][i]);

    const auto redistribution = steps_of(e, "redistribution");
    EXPECT_EQ(redistribution.size(), level["redistribution"].is_null() ? 0u : 1u);
    for (const json& step : redistribution) EXPECT_EQ(step["amount_ore"], r["redistribution_ore"]);

    const json total = step_of(e, "total");
    EXPECT_EQ(total["final_ore"], r["final_ore"]);
    EXPECT_EQ(total["amount_ore"], r["final_ore"]);
    EXPECT_EQ(total["formula_ore"], r["formula_ore"]);
    EXPECT_EQ(e["steps"].back()["kind"], "total") << "the final amount closes the explanation";

    const std::int64_t final_ore = r["final_ore"];
    EXPECT_TRUE(contains(e["text"]["sv"], format_kr_sv(final_ore))) << e["text"]["sv"];
    EXPECT_TRUE(contains(e["text"]["en"], format_kr_en(final_ore))) << e["text"]["en"];
    const std::string within_sv = above.empty() ? "" : " (inom " + above.back() + ")";
    const std::string within_en = above.empty() ? "" : " (within " + above.back() + ")";
    EXPECT_TRUE(contains(e["text"]["sv"], "Så beräknades beloppet till " + name + within_sv + "\n"));
    EXPECT_TRUE(contains(e["text"]["en"], "How the amount for " + name + within_en + " was computed"));
    if (r.contains("sub") && r["sub"].is_object()) expect_level_matches(scenario_text, result, r["sub"], names);
  }
}

void expect_matches_result(const std::string& scenario_text) {
  const json result = compute(scenario_text);
  ASSERT_TRUE(result.contains("recipients")) << result.dump();
  expect_level_matches(scenario_text, result, result, {});
}

TEST(Explain, EveryRecipientOfEveryExampleIsExplainedWithTheComputationsOwnNumbers) {
  const auto examples = example_names();
  EXPECT_GE(examples.size(), 5u);
  for (const std::string& example : examples) {
    SCOPED_TRACE(example);
    expect_matches_result(example_text(example));
  }
}

// The Stockholm model under every rounding method, per recipient and per
// component, with a minimum and a redistribution round: the explanation
// still states the engine's numbers.
TEST(Explain, EveryMethodAndLevelIsExplainedWithTheComputationsOwnNumbers) {
  const json model = json::parse(example_text("stockholm-2021-model"));
  for (const char* method : {"largest-remainder", "dhondt", "sainte-lague", "huntington-hill", "adams", "dean"}) {
    for (const char* level : {"recipient", "component"}) {
      for (int min_units : {0, 10}) {
        SCOPED_TRACE(std::string(method) + ", " + level + ", min " + std::to_string(min_units));
        json s = model;
        s["rounding"] = {{"unit", 100000}, {"method", method}, {"level", level}, {"min_units", min_units}};
        if (std::string(method) == "sainte-lague") s["rounding"]["first_divisor"] = "1,2";
        s["recipients"][1]["requisitioned"] = false;
        s["recipients"][0]["opted_in"] = true;
        s["recipients"][4]["opted_in"] = true;
        expect_matches_result(s.dump());
      }
    }
  }
}

// ---- every number of a rounding step, recomputed from the text ------------

// Swedish text with its no-break spaces and minus signs made plain.
std::string plain_sv(std::string text) {
  for (const auto& [from, to] : {std::pair<std::string, std::string>{"\xC2\xA0", " "}, {"\xE2\x88\x92", "-"}}) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at)) text.replace(at, from.size(), to);
  }
  return text;
}

// "1 605 567,43" → 160556743 with two decimals; digits past `decimals`
// are not expected.
std::int64_t scaled_number(std::string text, int decimals) {
  std::string digits;
  int after = -1;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      digits += c;
      if (after >= 0) ++after;
    } else if (c == ',') {
      after = 0;
    }
  }
  for (int i = std::max(after, 0); i < decimals; ++i) digits += '0';
  EXPECT_LE(after, decimals) << text;
  return std::stoll(digits);
}

const std::string kNumber = "(\\d[\\d ]*(?:,\\d+)?)";

// A controller with the explanation and a calculator: the quota is the
// whole units times the exact amount over the amount split (both printed
// before it), its whole part and remainder follow from it, the units left
// over from the sum of the whole units, and the extra unit from where the
// line between the remainders fell.
void expect_rounding_recomputable(const std::string& before, const std::string& step_sv, const std::string& method) {
  SCOPED_TRACE(step_sv);
  const std::string text = plain_sv(step_sv);
  const std::string earlier = plain_sv(before);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(text, m, std::regex(kNumber + " kr är " + kNumber + " enhete?r? om " + kNumber + " kr")));
  const std::int64_t money = scaled_number(m[1], 2);
  const std::int64_t units = scaled_number(m[2], 0);
  const std::int64_t unit = scaled_number(m[3], 2);
  EXPECT_EQ(units, money / unit) << "the whole units in the amount split";
  if (units == 0) return;
  const std::regex quota_re("dess andel av de " + kNumber + " hela enheterna: " + kNumber + " × " + kNumber + " kr / " +
                            kNumber + " kr (≈|=) " + kNumber + "\\.");
  if (!std::regex_search(text, m, quota_re)) {
    EXPECT_NE(text.find("har inget underlag"), std::string::npos) << "no quota stated";
    return;
  }
  EXPECT_EQ(scaled_number(m[1], 0), units);
  EXPECT_EQ(scaled_number(m[2], 0), units);
  const std::int64_t amount = scaled_number(m[3], 2);
  EXPECT_EQ(scaled_number(m[4], 2), money) << "the amount split, as stated before";
  EXPECT_NE(earlier.find(std::string(m[3]) + " kr"), std::string::npos) << m[3] << " kr is not printed before";
  const std::int64_t quota = scaled_number(m[6], 4);  // ten-thousandths of a unit
  // units × amount / money, with the amount rounded to the öre: within
  // half an öre's worth and half the last decimal.
  __extension__ typedef __int128 Wide;
  const Wide exact = Wide(units) * amount * 10'000;
  const Wide stated = Wide(quota) * money;
  const Wide off = exact > stated ? exact - stated : stated - exact;
  EXPECT_LE(2 * off, Wide(units) * 10'000 + money) << "the quota does not follow from the amounts before it";
  if (m[5] == "=") EXPECT_EQ(off, 0);

  const std::regex received_re("fick " + kNumber + " enhete?r?, det vill säga " + kNumber + " kr\\.");
  ASSERT_TRUE(std::regex_search(text, m, received_re));
  const std::int64_t received = scaled_number(m[1], 0);
  EXPECT_EQ(scaled_number(m[2], 2), received * unit);
  if (method != "largest-remainder" || text.find("under minimum") != std::string::npos) return;

  ASSERT_TRUE(std::regex_search(text, m, std::regex("Det ger " + kNumber + " hel[a]? enhete?r? och en rest på (≈ )?" + kNumber + "\\.")));
  const std::int64_t whole = scaled_number(m[1], 0);
  const std::int64_t remainder = scaled_number(m[3], 4);
  EXPECT_EQ(whole, quota / 10'000) << "the whole units of the quota";
  EXPECT_EQ(remainder, quota % 10'000) << "the remainder is the quota less its whole units";
  ASSERT_TRUE(std::regex_search(text, m, std::regex("hela enheter är sammanlagt " + kNumber + " av " + kNumber + "\\.")));
  const std::int64_t whole_sum = scaled_number(m[1], 0);
  EXPECT_EQ(scaled_number(m[2], 0), units);
  const std::int64_t leftover = units - whole_sum;
  if (leftover == 0) {
    EXPECT_EQ(received, whole);
    return;
  }
  ASSERT_TRUE(std::regex_search(text, m, std::regex("återstod " + kNumber + " enhete?r?")));
  EXPECT_EQ(scaled_number(m[1], 0), leftover) << "the units left over are those the whole units leave";
  const bool extra = received == whole + 1;
  EXPECT_TRUE(extra || received == whole);
  if (std::regex_search(text, m, std::regex("Den minsta rest som fick en enhet var (≈ )?" + kNumber +
                                            ", den största som inte fick någon (≈ )?" + kNumber + "\\."))) {
    const std::int64_t last_in = scaled_number(m[2], 4);
    const std::int64_t first_out = scaled_number(m[4], 4);
    EXPECT_GE(last_in, first_out);
    if (extra) EXPECT_GE(remainder, last_in) << "an extra unit for a remainder below the line";
    if (!extra) EXPECT_LE(remainder, first_out) << "no extra unit for a remainder above the line";
  }
}

void expect_level_recomputable(const std::string& scenario_text, const json& level, const std::vector<std::string>& above) {
  for (const json& r : level["recipients"]) {
    std::vector<std::string> names = above;
    names.push_back(r["name"]);
    SCOPED_TRACE(r["name"].get<std::string>());
    const json e = parse(explain_json(scenario_text, names));
    if (!e["ok"].get<bool>()) continue;
    std::string before;
    for (const json& step : e["steps"]) {
      if (step["kind"] == "rounding") expect_rounding_recomputable(before, step["sv"], step["method"]);
      before += step["sv"].get<std::string>() + "\n";
    }
    if (r.contains("sub") && r["sub"].is_object()) expect_level_recomputable(scenario_text, r["sub"], names);
  }
}

TEST(Explain, EveryNumberOfARoundingStepCanBeRecomputedFromTheNumbersPrintedBeforeIt) {
  for (const std::string& example : example_names()) {
    SCOPED_TRACE(example);
    const std::string text = example_text(example);
    const json result = compute(text);
    if (!result.contains("recipients")) continue;
    expect_level_recomputable(text, result, {});
  }
  // And under every method, rounded per recipient and per part.
  const json model = json::parse(example_text("stockholm-2021-model"));
  for (const char* method : {"largest-remainder", "dhondt", "sainte-lague", "huntington-hill", "adams", "dean"}) {
    for (const char* level : {"recipient", "component"}) {
      SCOPED_TRACE(std::string(method) + ", " + level);
      json s = model;
      s["rounding"] = {{"unit", 100000}, {"method", method}, {"level", level}};
      s["pot"]["total"] = "25 437 000";  // not a whole number of units
      const std::string text = s.dump();
      expect_level_recomputable(text, compute(text), {});
    }
  }
}

// Issue 14: a pot of 12 152 000 kr in units of 10 000 kr is 1 215 whole
// units; a quota is a share of those, not the amount over 10 000 (which
// would count 1 215,2 units). The text says so with the numbers it uses.
TEST(Explain, TheQuotaIsTheShareOfTheWholeUnitsAndSaysSo) {
  json s = json::parse(example_text("stockholm-2021-model"));
  s["pot"]["total"] = 12152000;
  s["rounding"] = {{"unit", 10000}};
  const json e = explain(s.dump(), "Rinkeby-Kista");
  const json rounding = step_of(e, "rounding");
  const std::string sv = plain_sv(rounding["sv"]);
  EXPECT_TRUE(contains(sv, "12 152 000 kr är 1 215 enheter om 10 000 kr; 2 000 kr fördelas inte")) << sv;
  EXPECT_TRUE(contains(sv, "dess andel av de 1 215 hela enheterna: 1 215 × ")) << sv;
  EXPECT_TRUE(contains(sv, " kr / 12 152 000 kr ≈ ")) << sv;
  // No exact fraction in the prose; it stays in the values.
  for (const auto& step : e["steps"]) {
    EXPECT_FALSE(std::regex_search(step["sv"].get<std::string>(), std::regex("\\d/\\d{4,}"))) << step["sv"];
  }
  EXPECT_TRUE(step_of(e, "exact")["exact"].get<std::string>().find('/') != std::string::npos);
}

TEST(Explain, RinkebyKistaInTheStockholmModelReadsAsTheHandCalculation) {
  const json e = explain(example_text("stockholm-2021-model"), "Rinkeby-Kista");
  ASSERT_TRUE(e["ok"].get<bool>()) << e.dump();
  const std::string sv = e["text"]["sv"];
  const std::string en = e["text"]["en"];

  // 75 % by areas weighted 1/2/3: two particularly vulnerable areas.
  const json areas = steps_of(e, "component")[0];
  EXPECT_EQ(areas["frame_ore"], kr(19'050'000));
  EXPECT_EQ(areas["basis"], "6000000000000");
  EXPECT_EQ(areas["basis_total"], "22000000000000");
  EXPECT_EQ(areas["share"], "3/11");
  EXPECT_EQ(areas["exact_ore"], 519545455);
  EXPECT_TRUE(contains(areas["sv"], "Utsatta områden 0 × 1 = 0, Riskområden 0 × 2 = 0 och Särskilt utsatta områden 2 × 3 = 6"))
      << areas["sv"];
  EXPECT_TRUE(contains(areas["sv"], "sammanlagt 6 av totalt 22")) << areas["sv"];
  EXPECT_TRUE(contains(areas["sv"], sv_text("19 050 000 kr × 6/22 ≈ 5 195 454,55 kr"))) << areas["sv"];
  EXPECT_TRUE(contains(areas["en"], "19,050,000 kr × 6/22 ≈ 5,195,454.55 kr")) << areas["en"];
  EXPECT_TRUE(contains(areas["sv"], sv_text("75 % av 25 400 000 kr"))) << areas["sv"];

  // 25 % by population: 46 600 of 420 300.
  const json population = steps_of(e, "component")[1];
  EXPECT_EQ(population["share"], "466/4203");
  EXPECT_TRUE(contains(population["sv"], sv_text("6 350 000 kr × 46 600/420 300 ≈ 704 044,73 kr"))) << population["sv"];

  // 5 195 454,545… + 704 044,729… = 5 899 499,275… kr.
  const json exact = step_of(e, "exact");
  EXPECT_EQ(exact["exact_ore"], 589949928);
  EXPECT_TRUE(contains(exact["sv"], sv_text("nyckeln Rinkeby-Kista ≈ 5 899 499,28 kr (avrundat till helt öre)"))) << exact["sv"];
  EXPECT_EQ(exact["exact"], "27275155000000/46233") << "the exact fraction (öre) stays in the values";

  // 254 units of 100 000 kr: quota 58,9950, remainder 0,9950, the largest
  // of the six remainders, so one of the 5 units left over: 59 units.
  const json rounding = step_of(e, "rounding");
  EXPECT_EQ(rounding["method"], "largest-remainder");
  EXPECT_EQ(rounding["unit_ore"], kr(100'000));
  EXPECT_EQ(rounding["units_total"], 254);
  EXPECT_EQ(rounding["quota_units"], "5455031/92466");
  EXPECT_EQ(rounding["whole_units"], 58);
  EXPECT_EQ(rounding["remainder"], "92003/92466");
  EXPECT_EQ(rounding["leftover_units"], 5);
  EXPECT_EQ(rounding["rank"], 1);
  EXPECT_EQ(rounding["ranked_among"], 6);
  EXPECT_EQ(rounding["extra_unit"], true);
  EXPECT_EQ(rounding["units"], 59);
  EXPECT_EQ(rounding["amount_ore"], kr(5'900'000));
  EXPECT_EQ(rounding["rounding_ore"], 50072);
  EXPECT_EQ(rounding["tied"], json::array());
  for (const char* part : {"Beloppen avrundas till hela 100 000 kr med största restmetoden.",
                           "25 400 000 kr är 254 enheter om 100 000 kr.",
                           "dess andel av de 254 hela enheterna: 254 × 5 899 499,28 kr / 25 400 000 kr ≈ 58,9950.",
                           "Mottagarnas hela enheter är sammanlagt 249 av 254.",
                           "Det ger 58 hela enheter och en rest på ≈ 0,9950.", "återstod 5 enheter",
                           "Resten för Rinkeby-Kista var den största av 6, så Rinkeby-Kista fick en enhet till.",
                           "Rinkeby-Kista fick 59 enheter, det vill säga 5 900 000 kr.",
                           "Avrundningen ändrade beloppet med +500,72 kr"}) {
    EXPECT_TRUE(contains(rounding["sv"], sv_text(part))) << part << "\n" << rounding["sv"];
  }
  EXPECT_TRUE(contains(rounding["en"], "The remainder of Rinkeby-Kista was the largest of 6")) << rounding["en"];
  EXPECT_TRUE(contains(rounding["en"], "Rounding changed the amount by +500.72 kr")) << rounding["en"];

  EXPECT_TRUE(contains(step_of(e, "earmark")["sv"], sv_text("”Extra medel skolsociala team”: 1 054 200 kr")));
  EXPECT_TRUE(contains(step_of(e, "total")["sv"],
                       sv_text("Sammanlagt får Rinkeby-Kista 6 954 200 kr: 5 900 000 kr enligt nyckeln och 1 054 200 kr "
                             "i öronmärkta medel.")));

  // Printable: a heading, then one step a line, in the order computed.
  EXPECT_EQ(sv.rfind("Så beräknades beloppet till Rinkeby-Kista\n\nPotten är ", 0), 0u) << sv;
  EXPECT_EQ(en.rfind("How the amount for Rinkeby-Kista was computed\n\nThe pot is ", 0), 0u) << en;
  std::vector<std::string> kinds;
  for (const auto& step : e["steps"]) kinds.push_back(step["kind"]);
  EXPECT_EQ(kinds, (std::vector<std::string>{"pot", "component", "component", "exact", "rounding", "earmark", "total"}));
}

TEST(Explain, ARemainderOutsideTheLargestGetsNoExtraUnit) {
  // Hässelby-Vällingby: quota 43,0819, the smallest remainder of six.
  const json e = explain(example_text("stockholm-2021-model"), "Hässelby-Vällingby");
  const json rounding = step_of(e, "rounding");
  EXPECT_EQ(rounding["whole_units"], 43);
  EXPECT_EQ(rounding["rank"], 6);
  EXPECT_EQ(rounding["extra_unit"], false);
  EXPECT_EQ(rounding["units"], 43);
  EXPECT_TRUE(contains(rounding["sv"], "var den 6:e största av 6, inte bland de 5 största")) << rounding["sv"];
  EXPECT_TRUE(contains(rounding["en"], "was the 6th largest of 6, not among the 5 largest")) << rounding["en"];
}

TEST(Explain, ACostItemShowsPostsTimesCostTimesMonths) {
  const json e = explain(example_text("linkoping-2022"), "Områdesteam (Leanlink Råd och stöd)");
  ASSERT_TRUE(e["ok"].get<bool>()) << e.dump();
  const json given = step_of(e, "given");
  EXPECT_EQ(given["amount_ore"], kr(1'750'000));
  EXPECT_EQ(given["exact"], "175000000/1");
  EXPECT_TRUE(contains(given["sv"], sv_text("2,5 årsarbetare × 700 000 kr × 12/12 månader = 1 750 000 kr.")))
      << given["sv"];
  EXPECT_TRUE(contains(given["en"], "2.5 posts × 700,000 kr × 12/12 months = 1,750,000 kr.")) << given["en"];
  EXPECT_TRUE(steps_of(e, "rounding").empty()) << "given amounts are not rounded to units";
  // The frame's gap is the scenario's warning, carried along.
  EXPECT_TRUE(has_finding(e, "frame.not_fully_allocated"));

  const json other = explain(example_text("linkoping-2022"), "Nära socialtjänst Skäggetorp");
  EXPECT_TRUE(contains(step_of(other, "given")["sv"],
                       sv_text("3 årsarbetare × 700 000 kr × 12/12 månader = 2 100 000 kr + Lokal 1 000 000 kr = 3 100 000 kr.")))
      << step_of(other, "given")["sv"];
}

TEST(Explain, APendingItemIsSaidToBeNotDecidedAndReceivesNothing) {
  const std::string doc = R"({"format": "fordela-scenario", "version": 1, "pot": {"total": 900000},
    "recipients": [{"name": "Läxhjälp", "cost": {"posts": 1, "cost_per_post": 400000, "pending": true}}],
    "key": [{"name": "Insatser", "share": 100, "basis": "cost"}]})";
  const json e = explain(doc, "Läxhjälp");
  ASSERT_TRUE(e["ok"].get<bool>()) << e.dump();
  const json given = step_of(e, "given");
  EXPECT_EQ(given["amount_ore"], 0);
  EXPECT_TRUE(contains(given["sv"], "Kostnaden för Läxhjälp är inte beslutad och räknas inte med: 0 kr.")) << given["sv"];
  EXPECT_TRUE(contains(given["en"], "The cost of Läxhjälp is not decided and is not counted: 0 kr.")) << given["en"];
}

TEST(Explain, PartOfAYearAndAnAmountInFractionsOfAnOreAreShownAsRounded) {
  const std::string s = scenario(R"("pot": {"total": 1000000}, "recipients": [
      {"name": "Fältteam", "cost": {"posts": "0,333333", "cost_per_post": 700000, "months": 7}}],
    "key": [{"name": "Kostnader", "share": 100, "basis": "cost"}])");
  const json e = explain(s, "Fältteam");
  ASSERT_TRUE(e["ok"].get<bool>()) << e.dump();
  // 0,333333 × 700 000 × 7/12 = 136 110,975 kr, to the öre halves up
  const json given = step_of(e, "given");
  EXPECT_EQ(given["amount_ore"], 13611098);
  EXPECT_EQ(given["exact"], "27222195/2");
  EXPECT_TRUE(contains(given["sv"], sv_text("0,333333 årsarbetare × 700 000 kr × 7/12 månader ≈ 136 110,98 kr.")))
      << given["sv"];
  EXPECT_TRUE(contains(given["sv"], sv_text("avrundas till helt öre: 136 110,98 kr"))) << given["sv"];
}

TEST(Explain, ATieForTheLastUnitNamesTheOthers) {
  const std::string s = scenario(R"("pot": {"total": 3}, "recipients": [{"name": "Norr"}, {"name": "Söder"}],
    "key": [{"name": "Lika", "share": 100, "basis": "equal"}])");
  const json norr = explain(s, "Norr");
  const json rounding = step_of(norr, "rounding");
  EXPECT_EQ(rounding["tied"], json::array({"Norr", "Söder"}));
  EXPECT_EQ(rounding["extra_unit"], true);
  EXPECT_TRUE(contains(rounding["sv"], "Norr hade lika stort anspråk på den sista enheten som Söder")) << rounding["sv"];
  EXPECT_TRUE(contains(rounding["en"], "Norr had an equal claim to the last unit with Söder")) << rounding["en"];
  const json soder = step_of(explain(s, "Söder"), "rounding");
  EXPECT_EQ(soder["extra_unit"], false);
  EXPECT_EQ(soder["rank"], 2);
  EXPECT_TRUE(contains(soder["sv"], "som Norr;")) << soder["sv"];
}

TEST(Explain, ADivisorMethodIsStatedAsItsRule) {
  json s = json::parse(example_text("stockholm-2021-model"));
  s["rounding"]["method"] = "dhondt";
  const json e = explain(s.dump(), "Skärholmen");
  const json rounding = step_of(e, "rounding");
  EXPECT_EQ(rounding["method"], "dhondt");
  EXPECT_FALSE(rounding.contains("rank")) << "ranks belong to largest remainder";
  EXPECT_TRUE(contains(rounding["sv"], "med D'Hondts metod")) << rounding["sv"];
  EXPECT_TRUE(contains(rounding["sv"], "underlaget delat med 1, 2, 3")) << rounding["sv"];
  EXPECT_TRUE(contains(rounding["en"], "It favours large recipients.")) << rounding["en"];

  s["rounding"] = {{"unit", 100000}, {"method", "sainte-lague"}, {"first_divisor", "1,2"}};
  const json sl = step_of(explain(s.dump(), "Skärholmen"), "rounding");
  EXPECT_TRUE(contains(sl["sv"], "delat med 1,2, 3, 5, 7")) << sl["sv"];
  EXPECT_TRUE(contains(sl["en"], "divided by 1.2, 3, 5, 7")) << sl["en"];
}

TEST(Explain, FewerUnitsThanRecipientsUnderAdamsDeanAndHuntingtonHillSayWhyTheLargestGetThem) {
  // 3 units of 100 kr among 6: 900 and 700 get one each; 500, 500 and 500
  // tie for the third, which the first listed (Norr) gets.
  for (const char* method : {"adams", "dean", "huntington-hill"}) {
    SCOPED_TRACE(method);
    const std::string s = scenario(R"("pot": {"total": 300},
      "indicators": [{"id": "n", "label": "Invånare", "kind": "count"}],
      "recipients": [{"name": "Norr", "values": {"n": 500}}, {"name": "Öst", "values": {"n": 900}},
                     {"name": "Söder", "values": {"n": 500}}, {"name": "Väst", "values": {"n": 100}},
                     {"name": "Mitt", "values": {"n": 700}}, {"name": "Syd", "values": {"n": 500}}],
      "key": [{"name": "Invånare", "share": 100, "basis": "indicator", "indicator": "n"}],
      "rounding": {"unit": 100, "method": ")" + std::string(method) + R"("})");
    const json norr = step_of(explain(s, "Norr"), "rounding");
    EXPECT_EQ(norr["units"], 1);
    EXPECT_EQ(norr["one_each_to_largest"], true);
    EXPECT_EQ(norr["tied"], json::array({"Norr", "Söder", "Syd"}));
    EXPECT_TRUE(contains(norr["sv"], "det finns bara 3 enheter till 6 mottagare. Enheterna går därför en var till de 3 med "
                                     "störst underlag. Underlaget för Norr är det 3:e största, så Norr får en enhet."))
        << norr["sv"];
    EXPECT_TRUE(contains(norr["sv"], "Norr hade lika stort anspråk på den sista enheten som Söder och Syd")) << norr["sv"];
    EXPECT_TRUE(contains(norr["en"], "So the units go one each to the 3 with the largest basis.")) << norr["en"];
    const json vast = step_of(explain(s, "Väst"), "rounding");
    EXPECT_EQ(vast["units"], 0);
    EXPECT_TRUE(contains(vast["sv"], "Underlaget för Väst är det 6:e största, så Väst får ingen.")) << vast["sv"];
  }
}

TEST(Explain, ComponentLevelRoundingIsExplainedPerComponent) {
  json s = json::parse(example_text("stockholm-2021-model"));
  s["rounding"]["level"] = "component";
  const json e = explain(s.dump(), "Rinkeby-Kista");
  ASSERT_TRUE(e["ok"].get<bool>()) << e.dump();
  const auto rounding = steps_of(e, "rounding");
  ASSERT_EQ(rounding.size(), 2u);
  EXPECT_EQ(rounding[0]["component"], 0);
  EXPECT_EQ(rounding[0]["units_total"], 190);  // 19 050 000 kr: 190 units, 50 000 kr over
  EXPECT_TRUE(contains(rounding[0]["sv"], sv_text("50 000 kr fördelas inte"))) << rounding[0]["sv"];
  EXPECT_EQ(rounding[1]["component"], 1);
  EXPECT_TRUE(contains(rounding[1]["sv"], "Delen ”Befolkning” avrundas för sig.")) << rounding[1]["sv"];
}

TEST(Explain, AMinimumIsGivenToThoseBelowIt) {
  const std::string s = scenario(R"("pot": {"total": 1000}, "indicators": [{"id": "n", "label": "Invånare", "kind": "count"}],
    "recipients": [{"name": "Stor", "values": {"n": 97}}, {"name": "Liten", "values": {"n": 3}}],
    "key": [{"name": "Invånare", "share": 100, "basis": "indicator", "indicator": "n"}],
    "rounding": {"unit": 100, "min_units": 2})");
  const json small = step_of(explain(s, "Liten"), "rounding");
  EXPECT_EQ(small["minimum_units"], 2);
  EXPECT_EQ(small["units"], 2);
  EXPECT_TRUE(contains(small["sv"], "Den är under minimum, så Liten får minimum, 2 enheter.")) << small["sv"];
  const json large = step_of(explain(s, "Stor"), "rounding");
  EXPECT_EQ(large["units"], 8);
  EXPECT_TRUE(contains(large["sv"], "1 mottagare med kvot under minimum fick minimum")) << large["sv"];
}

TEST(Explain, TheRedistributionRoundShowsThePoolAndTheShare) {
  const std::string s = example_text("socialstyrelsen-2023");
  const json a = explain(s, "Kommun A");
  const json step = step_of(a, "redistribution");
  EXPECT_EQ(step["pool_ore"], 566279100);  // Kommun H's 5 662 791 kr
  EXPECT_EQ(step["share"], "11/27");       // 11 of the 27 weighted areas of the four that opted in
  EXPECT_EQ(step["amount_ore"], 230706300);
  // The share as amounts a reader can divide, not as a fraction.
  EXPECT_TRUE(contains(step["sv"], sv_text("5 662 791 kr × 62 290 697,67 kr / 152 895 348,84 kr = 2 307 063 kr")))
      << step["sv"];

  const json h = explain(s, "Kommun H");
  EXPECT_TRUE(contains(step_of(h, "redistribution")["sv"], "Kommun H har inte rekvirerat medlen.")) << h.dump();
  EXPECT_EQ(step_of(h, "total")["final_ore"], 0);
  const json b = explain(s, "Kommun B");
  EXPECT_TRUE(contains(step_of(b, "redistribution")["en"], "did not opt in")) << b.dump();
}

TEST(Explain, APoolNoTakerHasAnAmountForIsSaidInSentencesOfTheirOwn) {
  const std::string s = scenario(R"("pot": {"total": 1000}, "indicators": [{"id": "n", "label": "Invånare", "kind": "count"}],
    "recipients": [{"name": "Norr", "values": {"n": 10}, "requisitioned": false},
                   {"name": "Söder", "values": {"n": 0}, "opted_in": true}],
    "key": [{"name": "Invånare", "share": 100, "basis": "indicator", "indicator": "n"}])");
  const json step = step_of(explain(s, "Söder"), "redistribution");
  EXPECT_TRUE(contains(step["sv"], sv_text("så beloppet fördelas inte. Söder får 0 kr ur omfördelningen."))) << step["sv"];
  EXPECT_TRUE(contains(step["en"], "so the amount is not allocated. Söder receives 0 kr from the redistribution."))
      << step["en"];
}

TEST(Explain, ASubScenarioIsNamedWhereTheAmountGoesFurther) {
  const std::string tree = example_text("linkoping-2022-tree");
  const json result = compute(tree);
  const json& first = result["recipients"][0];
  const json e = explain(tree, first["name"].get<std::string>());
  ASSERT_TRUE(e["ok"].get<bool>()) << e.dump();
  const json total = step_of(e, "total");
  EXPECT_EQ(total["sub_pot_ore"], first["final_ore"]) << "the level below splits what this one receives";
  EXPECT_EQ(total["sub_recipients"], first["sub"]["recipients"].size());
  EXPECT_TRUE(contains(total["sv"], "vidare i en underfördelning mellan 3 mottagare: Fältarbetare")) << total["sv"];
}

TEST(Explain, ARecipientInsideASubLevelIsExplainedFromWhatItsParentReceives) {
  const std::string tree = example_text("linkoping-2022-tree");
  const json result = compute(tree);
  const json& parent = result["recipients"][0];
  ASSERT_TRUE(parent.contains("sub")) << "the example's first recipient is split further";
  const json& row = parent["sub"]["recipients"][0];
  const json e = parse(explain_json(tree, std::vector<std::string>{parent["name"], row["name"]}));
  ASSERT_TRUE(e["ok"].get<bool>()) << e.dump();
  const json pot = step_of(e, "pot");
  EXPECT_EQ(pot["pot_ore"], parent["final_ore"]) << "the level splits what its recipient receives";
  EXPECT_TRUE(contains(pot["sv"], "Potten är det som " + parent["name"].get<std::string>() + " får: ")) << pot["sv"];
  EXPECT_TRUE(contains(pot["en"], "The pot is what " + parent["name"].get<std::string>() + " receives: ")) << pot["en"];
  EXPECT_EQ(step_of(e, "total")["final_ore"], row["final_ore"]);
  // One unit left over, and this remainder not the largest: said as such.
  const json rounding = step_of(e, "rounding");
  EXPECT_TRUE(contains(rounding["sv"], "återstod 1 enhet, som gick till den största resten")) << rounding["sv"];
  EXPECT_TRUE(contains(rounding["sv"], "var den 3:e största av 3, inte den största, så ")) << rounding["sv"];
  EXPECT_TRUE(contains(rounding["en"], "was the 3rd largest of 3, not the largest, so ")) << rounding["en"];
}

TEST(Explain, AWayDownThatIsNotThereNamesTheLevelWhereItEnds) {
  const std::string tree = example_text("linkoping-2022-tree");
  const json result = compute(tree);
  const std::string parent = result["recipients"][0]["name"];
  const json unknown = parse(explain_json(tree, std::vector<std::string>{parent, "Farsta"}));
  EXPECT_FALSE(unknown["ok"].get<bool>());
  EXPECT_EQ(unknown["recipient"], parent + " / Farsta");
  const json f = finding(unknown, "explain.unknown_recipient");
  EXPECT_EQ(f["path"], "/recipients/0/sub/recipients") << unknown.dump();
  EXPECT_TRUE(contains(f["message"]["en"], result["recipients"][0]["sub"]["recipients"][0]["name"].get<std::string>()));

  const std::string flat = result["recipients"][1]["name"];
  ASSERT_FALSE(result["recipients"][1].contains("sub"));
  const json below = parse(explain_json(tree, std::vector<std::string>{flat, "Farsta"}));
  const json g = finding(below, "explain.no_sub_level");
  EXPECT_EQ(g["path"], "/recipients/1") << below.dump();
  EXPECT_TRUE(contains(g["message"]["sv"], "”" + flat + "” delas inte vidare")) << g;

  EXPECT_TRUE(has_finding(parse(explain_json(tree, std::vector<std::string>{})), "explain.unknown_recipient"));
}

TEST(Explain, DeductionsAreNamedInThePotStep) {
  const json e = explain(example_text("socialstyrelsen-2023"), "Kommun A");
  const json pot = step_of(e, "pot");
  EXPECT_EQ(pot["deductions_ore"], kr(6'500'000));
  EXPECT_EQ(pot["net_ore"], kr(243'500'000));
  EXPECT_TRUE(contains(pot["sv"], sv_text("Avdrag: Socialstyrelsens administration 6 500 000 kr. Kvar att fördela enligt "
                                       "nyckeln: 243 500 000 kr.")))
      << pot["sv"];
}

TEST(Explain, AnUnknownNameIsAnErrorListingTheRecipients) {
  const json e = explain(example_text("stockholm-2021-model"), "Farsta");
  EXPECT_FALSE(e["ok"].get<bool>());
  EXPECT_EQ(e["recipient"], "Farsta");
  EXPECT_FALSE(e.contains("steps"));
  const json f = finding(e, "explain.unknown_recipient");
  ASSERT_FALSE(f.is_null()) << e.dump();
  EXPECT_EQ(f["severity"], "error");
  EXPECT_EQ(f["path"], "/recipients");
  EXPECT_TRUE(contains(f["message"]["sv"], "”Farsta”")) << f;
  EXPECT_TRUE(contains(f["message"]["en"], "Rinkeby-Kista, Spånga-Tensta, Hässelby-Vällingby")) << f;
}

TEST(Explain, AScenarioWithErrorsIsNotExplained) {
  const json e = explain(scenario(R"("pot": {"total": 100}, "recipients": [{"name": "Norr"}],
    "key": [{"name": "A", "share": 60, "basis": "equal"}])"), "Norr");
  EXPECT_FALSE(e["ok"].get<bool>());
  EXPECT_TRUE(has_finding(e, "key.shares_sum")) << e.dump();
  EXPECT_FALSE(has_finding(e, "explain.unknown_recipient"));

  const json broken = explain("{ not json", "Norr");
  EXPECT_FALSE(broken["ok"].get<bool>());
  EXPECT_TRUE(has_finding(broken, "json.syntax")) << broken.dump();
}

// A right-to-left override in a name would turn the sentence after it
// around ("≈ 5 195 454,55 kr" read as "rk 55,454 591 5 ≈"): wherever a
// name, a part's or a column's name enters a sentence it is isolated, FSI
// before and PDI after, in the steps and in the text to copy.
TEST(Explain, NamesWithARightToLeftOverrideAreIsolatedInEverySentence) {
  const std::string rlo = "\xE2\x80\xAE";
  const std::string fsi = "\xE2\x81\xA8";
  const std::string pdi = "\xE2\x81\xA9";
  json s = json::parse(example_text("stockholm-2021-model"));
  const std::string name = "Rinkeby" + rlo + "-Kista";
  const std::string part = "Befolkning" + rlo + " 25";
  const std::string column = "Utsatta" + rlo + " områden";
  for (auto& r : s["recipients"]) {
    if (r["name"] == "Rinkeby-Kista") r["name"] = name;
  }
  s["key"][1]["name"] = part;
  s["indicators"][0]["label"] = column;
  s["earmarks"][0]["name"] = "Extra" + rlo + " medel";
  const json e = explain(s.dump(), name);
  ASSERT_TRUE(e["ok"].get<bool>()) << e.dump();
  std::vector<std::string> texts;
  for (const auto& step : e["steps"]) {
    texts.push_back(step["sv"]);
    texts.push_back(step["en"]);
  }
  texts.push_back(e["text"]["sv"]);
  texts.push_back(e["text"]["en"]);
  for (std::string text : texts) {
    // Take out each isolated value: no override may be left outside one.
    for (const std::string& value : {name, part, column, "Extra" + rlo + " medel"}) {
      for (auto at = text.find(fsi + value + pdi); at != std::string::npos; at = text.find(fsi + value + pdi)) {
        text.erase(at, value.size() + 6);
      }
    }
    EXPECT_EQ(text.find(rlo), std::string::npos) << "an override outside FSI … PDI in: " << text;
  }
  EXPECT_TRUE(contains(e["text"]["sv"], "Så beräknades beloppet till " + fsi + name + pdi + "\n"));
  EXPECT_TRUE(contains(step_of(e, "exact")["sv"], "Sammanlagt ger nyckeln " + fsi + name + pdi + " ≈ "));
  // A name without such controls reads as it did.
  const json plain = explain(example_text("stockholm-2021-model"), "Skärholmen");
  EXPECT_EQ(plain.dump().find(fsi), std::string::npos);
}

TEST(Explain, ANameTypedDecomposedFindsTheRecipient) {
  // "Årby" with A + U+030A (as macOS may type it) is the recipient "Årby".
  const std::string s = scenario(R"("pot": {"total": 3}, "recipients": [{"name": "\u00c5rby"}, {"name": "Norr"}],
    "key": [{"name": "Lika", "share": 100, "basis": "equal"}])");
  const json e = explain(s, "A\xCC\x8Arby");
  ASSERT_TRUE(e["ok"].get<bool>()) << e.dump();
  EXPECT_EQ(e["recipient"], "\xC3\x85rby");
}

TEST(Explain, ANameThatIsNotUtf8IsAnsweredWithValidJson) {
  const json e = explain(example_text("stockholm-2021-model"), "\xff\xfe");
  EXPECT_FALSE(e["ok"].get<bool>());
  EXPECT_TRUE(has_finding(e, "explain.unknown_recipient"));
}

}  // namespace
}  // namespace fordela::test
