// The catalogue of findings: sorted, unique, every message written in
// Swedish and English, and every code reached by a real document, so that
// a new code cannot be added without a case that produces it.
#include "fordela/findings.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "fordela/explain.hpp"
#include "test_support.hpp"

namespace fordela::test {
namespace {

// ---------------------------------------------------------------------------
// Documents that produce each code.

// Two districts and one column; the cases below vary one thing each.
std::string districts(std::string_view pot, std::string_view extra = "") {
  return scenario(std::string(R"("pot": )") + std::string(pot) + R"(,
    "indicators": [{"id": "n", "label": "Områden", "kind": "count"}],
    "recipients": [{"name": "Norr", "values": {"n": 1}}, {"name": "Söder", "values": {"n": 3}}],
    "key": [{"name": "Områden", "share": 100, "basis": "indicator", "indicator": "n"}])" +
                  std::string(extra));
}

std::string two_equal(std::string_view pot, std::string_view recipients, std::string_view extra = "") {
  return scenario(std::string(R"("pot": )") + std::string(pot) + R"(, "recipients": )" + std::string(recipients) +
                  R"(, "key": [{"name": "Lika", "share": 100, "basis": "equal"}])" + std::string(extra));
}

std::string with_key(std::string_view indicators, std::string_view recipients, std::string_view key,
                     std::string_view pot = R"({"total": 1000})") {
  return scenario(std::string(R"("pot": )") + std::string(pot) + R"(, "indicators": )" + std::string(indicators) +
                  R"(, "recipients": )" + std::string(recipients) + R"(, "key": )" + std::string(key));
}

constexpr std::string_view kAmountColumn = R"([{"id": "b", "label": "Belopp", "kind": "amount"}])";
constexpr std::string_view kCountColumn = R"([{"id": "n", "label": "Områden", "kind": "count"}])";

// explain asks for the recipient "Väster", which no case here has.
enum class Entry { compute, apportion, parse_amount, explain, explain_below };

struct Trigger {
  std::string code;
  std::string severity;
  std::string path;
  std::string what;  // the situation, in the domain's words
  std::string input;
  Entry entry = Entry::compute;
  ScenarioLimits limits{};
};

ScenarioLimits limits_with(std::function<void(ScenarioLimits&)> change) {
  ScenarioLimits limits;
  change(limits);
  return limits;
}

std::vector<Trigger> triggers() {
  std::vector<Trigger> t;
  auto add = [&](std::string code, std::string severity, std::string path, std::string what, std::string input,
                 Entry entry = Entry::compute, ScenarioLimits limits = {}) {
    t.push_back({std::move(code), std::move(severity), std::move(path), std::move(what), std::move(input), entry,
                 limits});
  };

  add("activity.outside_period", "warning", "/recipients/0/activity", "an activity starting before the grant year",
      two_equal(R"({"total": 100, "dates": {"period_start": "2021-01-01", "period_end": "2021-12-31"}})",
                R"([{"name": "Norr", "activity": {"from": "2020-12-01", "to": "2021-06-30"}}, {"name": "Söder"}])"));
  add("amount.empty", "error", "/pot/total", "a pot field emptied", districts(R"({"total": " "})"));
  add("amount.negative", "error", "/pot/total", "a negative pot", districts(R"({"total": -5})"));
  add("amount.out_of_range", "error", "/pot/total", "a pot of 10^20 kr",
      districts(R"({"total": 99999999999999999999})"));
  add("amount.syntax", "error", "/pot/total", "a pot that is not an amount", districts(R"({"total": "abc"})"));
  add("amount.too_precise", "error", "/pot/total", "a pot in fractions of an öre",
      districts(R"({"total": "10,005"})"));
  add("apportion.tie", "warning", "/rounding", "3 kr between two equal recipients",
      two_equal(R"({"total": 3})", R"([{"name": "Norr"}, {"name": "Söder"}])"));
  add("date.invalid", "error", "/pot/dates/period_start", "the 30th of February",
      districts(R"({"total": 100, "dates": {"period_start": "2021-02-30"}})"));
  add("dates.order", "error", "/pot/dates/period_end", "a period ending before it starts",
      districts(R"({"total": 100, "dates": {"period_start": "2021-12-31", "period_end": "2021-01-01"}})"));
  add("document.format", "error", "/format", "a result document given as a scenario",
      R"({"format": "fordela-result", "version": 1})");
  add("document.not_object", "error", "", "a list instead of a document", "[1, 2]");
  add("document.too_deep", "error", "", "lists nested 100 deep", std::string(100, '[') + std::string(100, ']'));
  add("document.too_large", "error", "", "a document past the size limit", districts(R"({"total": 100})"),
      Entry::compute, limits_with([](ScenarioLimits& l) { l.max_document_bytes = 100; }));
  add("document.version_invalid", "error", "/version", "the version as text",
      R"({"format": "fordela-scenario", "version": "1"})");
  add("document.version_newer", "error", "/version", "a document from a newer Fördela",
      R"({"format": "fordela-scenario", "version": 2})");
  add("earmarks.total_mismatch", "warning", "/earmarks/0/stated_total", "earmarks of 80 kr stated as 100 kr",
      scenario(R"("pot": {"total": 100}, "indicators": [{"id": "e", "label": "Extra", "kind": "amount"}],
        "recipients": [{"name": "Norr", "values": {"e": 50}}, {"name": "Söder", "values": {"e": 30}}],
        "key": [{"name": "Lika", "share": 100, "basis": "equal"}],
        "earmarks": [{"name": "Extra", "indicator": "e", "stated_total": 100}])"));
  add("field.missing", "error", "/pot", "no pot",
      scenario(R"("recipients": [{"name": "Norr"}], "key": [{"name": "Lika", "share": 100, "basis": "equal"}])"));
  add("field.type", "error", "/key", "a key that is an object, not a list",
      scenario(R"("pot": {"total": 100}, "recipients": [{"name": "Norr"}], "key": {})"));
  add("field.unknown", "info", "/colour", "a field Fördela does not know",
      districts(R"({"total": 100})", R"(, "colour": "red")"));
  add("frame.not_fully_allocated", "warning", "/key/0", "fixed amounts of 80 kr in a 100 kr frame",
      with_key(kAmountColumn, R"([{"name": "Norr", "values": {"b": 50}}, {"name": "Söder", "values": {"b": 30}}])",
               R"([{"name": "Fast", "share": 100, "basis": "fixed", "indicator": "b"}])", R"({"total": 100})"));
  add("frame.over", "error", "/key/0", "fixed amounts of 110 kr in a 100 kr frame",
      with_key(kAmountColumn, R"([{"name": "Norr", "values": {"b": 80}}, {"name": "Söder", "values": {"b": 30}}])",
               R"([{"name": "Fast", "share": 100, "basis": "fixed", "indicator": "b"}])", R"({"total": 100})"));
  add("indicator.duplicate", "error", "/indicators/1/id", "two columns with one id",
      with_key(R"([{"id": "n", "kind": "count"}, {"id": "n", "kind": "count"}])", R"([{"name": "Norr"}])",
               R"([{"name": "Lika", "share": 100, "basis": "equal"}])"));
  add("indicator.kind", "error", "/key/0/indicator", "fixed amounts taken from a count column",
      with_key(kCountColumn, R"([{"name": "Norr", "values": {"n": 1}}])",
               R"([{"name": "Fast", "share": 100, "basis": "fixed", "indicator": "n"}])"));
  add("indicator.unknown", "error", "/recipients/0/values/zz", "a value in a column that does not exist",
      with_key(kCountColumn, R"([{"name": "Norr", "values": {"zz": 1}}])",
               R"([{"name": "Lika", "share": 100, "basis": "equal"}])"));
  add("json.duplicate_key", "error", "/pot/total", "a pot's total given twice",
      districts(R"({"total": 100, "total": 1000})"));
  add("json.string_invalid", "error", "/title", "half a character in the title",
      districts(R"({"total": 100})", R"(, "title": "Stadsdelar \ud800")"));
  add("json.syntax", "error", "", "a missing comma", "{\"format\": \"fordela-scenario\"\n \"version\": 1}");
  add("key.basis_unknown", "error", "/key/0/basis", "a basis Fördela does not know",
      with_key(kCountColumn, R"([{"name": "Norr"}])", R"([{"name": "Folk", "share": 100, "basis": "population"}])"));
  add("key.basis_zero", "error", "/key/0", "splitting by a column that is 0 everywhere",
      with_key(kCountColumn, R"([{"name": "Norr"}, {"name": "Söder"}])",
               R"([{"name": "Områden", "share": 100, "basis": "indicator", "indicator": "n"}])"));
  {
    std::string deductions;
    for (int i = 0; i < 1001; ++i) deductions += std::string(i ? "," : "") + R"({"name": "Avdrag", "amount": 0})";
    add("limit.list", "error", "/pot/deductions", "1 001 deductions, past the limit of 1 000",
        districts(R"({"total": 100, "deductions": [)" + deductions + "]}"));
  }
  {
    // Five levels: state, municipality, district, measure, and one too many.
    std::string sub = R"({"recipients": [{"name": "E"}], "key": [{"name": "Lika", "share": 100, "basis": "equal"}]})";
    for (const char* name : {"D", "C", "B"}) {
      sub = std::string(R"({"recipients": [{"name": ")") + name + R"(", "sub": )" + sub +
            R"(}], "key": [{"name": "Lika", "share": 100, "basis": "equal"}]})";
    }
    add("nested.too_deep", "error", "/recipients/0/sub/recipients/0/sub/recipients/0/sub/recipients/0/sub",
        "a tree of five levels, one more than state, municipality, district and measure",
        two_equal(R"({"total": 100})", std::string(R"([{"name": "A", "sub": )") + sub + "}]"));
  }
  add("nested.total_mismatch", "warning", "/recipients/0/sub/pot/total",
      "a district's own split of 70 kr when the district receives 50 kr",
      two_equal(R"({"total": 100})", R"([{"name": "Norr", "sub": {"pot": {"total": 70},
        "recipients": [{"name": "Fältarbete"}], "key": [{"name": "Lika", "share": 100, "basis": "equal"}]}},
        {"name": "Söder"}])"));
  add("report.overspent", "warning", "/recipients/0/used", "a committee reporting 60 kr used of the 50 kr it received",
      two_equal(R"({"total": 100})", R"([{"name": "Norr", "used": 60}, {"name": "Söder", "used": 20}])"));
  add("rounding.alabama", "warning", "/rounding",
      "weights 6, 6 and 2 sharing 10 units: with 11 units the smallest would lose one (Alabama paradox)",
      scenario(R"("pot": {"total": 1000}, "indicators": [{"id": "n", "label": "Områden", "kind": "count"}],
            "recipients": [{"name": "A", "values": {"n": 6}}, {"name": "B", "values": {"n": 6}}, {"name": "C", "values": {"n": 2}}],
            "key": [{"name": "Områden", "share": 100, "basis": "indicator", "indicator": "n"}],
            "rounding": {"unit": 100})"));
  add("rounding.quota_violation", "warning", "/rounding",
      "D'Hondt giving a party with 90 % of the votes all 10 seats, one more than its quota of 9",
      scenario(R"("pot": {"total": 1000}, "indicators": [{"id": "n", "label": "Röster", "kind": "count"}],
        "recipients": [{"name": "A", "values": {"n": 90}}, {"name": "B", "values": {"n": 2}}, {"name": "C", "values": {"n": 2}},
                       {"name": "D", "values": {"n": 2}}, {"name": "E", "values": {"n": 2}}, {"name": "F", "values": {"n": 2}}],
        "key": [{"name": "Röster", "share": 100, "basis": "indicator", "indicator": "n"}],
        "rounding": {"unit": 100, "method": "dhondt"})"));
  add("key.none", "error", "/key", "an empty key",
      scenario(R"("pot": {"total": 100}, "recipients": [{"name": "Norr"}], "key": [])"));
  add("key.shares_sum", "error", "/key", "shares of 60 % and 30 %",
      scenario(R"("pot": {"total": 100}, "recipients": [{"name": "Norr"}],
        "key": [{"name": "A", "share": 60, "basis": "equal"}, {"name": "B", "share": 30, "basis": "equal"}])"));
  add("key.too_many", "error", "/key", "three components past a limit of two",
      scenario(R"("pot": {"total": 100}, "recipients": [{"name": "Norr"}],
        "key": [{"name": "A", "share": 50, "basis": "equal"}, {"name": "B", "share": 25, "basis": "equal"},
                {"name": "C", "share": 25, "basis": "equal"}])"),
      Entry::compute, limits_with([](ScenarioLimits& l) { l.max_components = 2; }));
  add("key.weights_none", "error", "/key/0/weights", "a weighted component whose weights are all 0",
      with_key(kCountColumn, R"([{"name": "Norr", "values": {"n": 1}}])",
               R"([{"name": "Viktat", "share": 100, "basis": "weighted", "weights": {"n": 0}}])"));
  add("limit.indicators", "error", "/indicators", "two columns past a limit of one",
      with_key(R"([{"id": "n", "kind": "count"}, {"id": "m", "kind": "count"}])", R"([{"name": "Norr"}])",
               R"([{"name": "Lika", "share": 100, "basis": "equal"}])"),
      Entry::compute, limits_with([](ScenarioLimits& l) { l.max_indicators = 1; }));
  add("limit.recipients", "error", "/recipients", "two recipients past a limit of one",
      two_equal(R"({"total": 100})", R"([{"name": "Norr"}, {"name": "Söder"}])"), Entry::compute,
      limits_with([](ScenarioLimits& l) { l.max_recipients = 1; }));
  add("number.negative", "error", "/recipients/0/values/n", "a negative count",
      with_key(kCountColumn, R"([{"name": "Norr", "values": {"n": -1}}])",
               R"([{"name": "Lika", "share": 100, "basis": "equal"}])"));
  add("number.ambiguous", "error", "/recipients/0/values/n", "46,600 inhabitants from an English export",
      with_key(kCountColumn, R"([{"name": "Norr", "values": {"n": "46,600"}}])",
               R"([{"name": "Lika", "share": 100, "basis": "equal"}])"));
  add("number.out_of_range", "error", "/recipients/0/values/n", "a count above 10^12",
      with_key(kCountColumn, R"([{"name": "Norr", "values": {"n": 1000000000001}}])",
               R"([{"name": "Lika", "share": 100, "basis": "equal"}])"));
  add("number.syntax", "error", "/recipients/0/values/n", "a count that is not a number",
      with_key(kCountColumn, R"([{"name": "Norr", "values": {"n": "många"}}])",
               R"([{"name": "Lika", "share": 100, "basis": "equal"}])"));
  add("number.too_precise", "error", "/recipients/0/values/n", "a count with seven decimals",
      with_key(kCountColumn, R"([{"name": "Norr", "values": {"n": "0,1234567"}}])",
               R"([{"name": "Lika", "share": 100, "basis": "equal"}])"));
  add("pot.net_negative", "error", "/pot/deductions", "deductions of 1 500 kr from a pot of 1 000 kr",
      districts(R"({"total": 1000, "deductions": [{"name": "Administration", "amount": 1500}]})"));
  add("recipients.duplicate_name", "error", "/recipients/1/name", "two recipients named Norr",
      two_equal(R"({"total": 100})", R"([{"name": "Norr"}, {"name": "Norr"}])"));
  add("recipients.empty_name", "error", "/recipients/1/name", "a recipient with an empty name",
      two_equal(R"({"total": 100})", R"([{"name": "Norr"}, {"name": ""}])"));
  add("recipients.lookalike_names", "warning", "/recipients/1/name", "Årby written composed and decomposed",
      two_equal(R"({"total": 100})", R"([{"name": "\u00c5rby"}, {"name": "A\u030arby"}])"));
  add("recipients.none", "error", "/recipients", "no recipients", two_equal(R"({"total": 100})", "[]"));
  add("redistribution.no_takers", "warning", "/recipients", "money not requisitioned and nobody opted in",
      two_equal(R"({"total": 100})", R"([{"name": "Norr", "requisitioned": false}, {"name": "Söder"}])"));
  add("redistribution.round", "info", "/recipients", "money not requisitioned goes to the one that opted in",
      two_equal(R"({"total": 100})",
                R"([{"name": "Norr", "requisitioned": false}, {"name": "Söder", "opted_in": true}])"));
  add("requisition.after_deadline", "warning", "/recipients/0/requisition_date", "requisitioned a day late",
      two_equal(R"({"total": 100, "dates": {"requisition_deadline": "2021-05-17"}})",
                R"([{"name": "Norr", "requisition_date": "2021-05-18"}, {"name": "Söder"}])"));
  add("rounding.first_divisor", "error", "/rounding/first_divisor", "a first divisor of 0,5",
      districts(R"({"total": 100})", R"(, "rounding": {"method": "sainte-lague", "first_divisor": "0,5"})"));
  add("rounding.level_unknown", "error", "/rounding/level", "rounding per district group",
      districts(R"({"total": 100})", R"(, "rounding": {"level": "district"})"));
  add("rounding.method_unknown", "error", "/rounding/method", "a rounding method Fördela does not know",
      districts(R"({"total": 100})", R"(, "rounding": {"method": "bankers"})"));
  add("number.not_whole", "error", "/rounding/min_units", "half a unit as a minimum",
      districts(R"({"total": 100})", R"(, "rounding": {"min_units": "0,5"})"));
  add("rounding.min_infeasible", "error", "/rounding/min_units", "at least 60 kr each from 100 kr",
      districts(R"({"total": 100})", R"(, "rounding": {"min_units": 60})"));
  add("rounding.not_allocated", "warning", "/rounding/unit", "1 050 kr in units of 100 kr",
      districts(R"({"total": 1050})", R"(, "rounding": {"unit": 100})"));
  add("rounding.not_allocated_parts", "warning", "/rounding/level", "1 050 kr rounded part by part in units of 100 kr",
      districts(R"({"total": 1050})", R"(, "rounding": {"unit": 100, "level": "component"})"));
  add("rounding.too_few_units", "warning", "/rounding/unit", "Adams with one unit for two recipients",
      districts(R"({"total": 100})", R"(, "rounding": {"unit": 100, "method": "adams"})"));
  add("rounding.unit_invalid", "error", "/rounding/unit", "a rounding unit of 0 kr",
      districts(R"({"total": 100})", R"(, "rounding": {"unit": 0})"));
  add("string.too_long", "error", "/title", "a title of 2 000 bytes",
      districts(R"({"total": 100})", R"(, "title": ")" + std::string(2000, 'x') + "\""));
  {
    // Nine recipients each with 10^13 kr earmarked: 9 × 10^13 kr on top
    // of the pot is past what Fördela computes with.
    std::string recipients = "[";
    for (int i = 0; i < 9; ++i) {
      recipients += std::string(i ? ", " : "") + R"({"name": "R)" + std::to_string(i) +
                    R"(", "values": {"e": 10000000000000}})";
    }
    recipients += "]";
    add("total.out_of_range", "error", "/pot/total", "earmarks past 9 × 10^13 kr in all",
        scenario(R"("pot": {"total": 10000000000000}, "indicators": [{"id": "e", "kind": "amount"}],
          "recipients": )" + recipients + R"(, "key": [{"name": "Lika", "share": 100, "basis": "equal"}],
          "earmarks": [{"name": "Extra", "indicator": "e"}])"));
  }

  // The same codes from the other entry points.
  add("apportion.tie", "warning", "/weights", "one seat between two equal parties",
      R"({"weights": [1, 1], "units": 1, "names": ["Norr", "Söder"]})", Entry::apportion);
  add("rounding.not_allocated", "warning", "/unit", "1 050 kr in units of 100 kr",
      R"({"weights": [1, 1], "total": "1 050 kr", "unit": "100 kr"})", Entry::apportion);
  add("rounding.min_infeasible", "error", "/min_units", "at least one seat each, one seat for two",
      R"({"weights": [1, 1], "units": 1, "min_units": 1})", Entry::apportion);
  add("rounding.too_few_units", "warning", "/units", "Adams with one seat for two parties",
      R"({"weights": [1, 1], "units": 1, "method": "adams"})", Entry::apportion);
  add("apportion.weights_zero", "error", "/weights", "seats among parties with no votes",
      R"({"weights": [0, 0], "units": 3})", Entry::apportion);
  add("rounding.first_divisor", "error", "/first_divisor", "a first divisor of 5",
      R"({"weights": [1, 1], "units": 1, "first_divisor": 5})", Entry::apportion);
  add("number.too_precise", "error", "/weights/1", "a weight with seven decimals",
      R"({"weights": [1, "0,1234567"], "units": 1})", Entry::apportion);
  add("amount.syntax", "error", "", "a pasted word", "abc", Entry::parse_amount);
  add("amount.too_precise", "error", "", "a tenth of an öre", "1,001", Entry::parse_amount);
  add("amount.out_of_range", "error", "", "more than 10^13 kr", "10 000 000 000 001 kr", Entry::parse_amount);
  add("explain.unknown_recipient", "error", "/recipients", "explaining a district the scenario does not have",
      districts(R"({"total": 100})"), Entry::explain);
  add("explain.no_sub_level", "error", "/recipients/0", "asking for a district below one not split further",
      districts(R"({"total": 100})"), Entry::explain_below);
  return t;
}

json run(const Trigger& t) {
  switch (t.entry) {
    case Entry::compute: return compute(t.input, t.limits);
    case Entry::apportion: return parse(apportion_json(t.input));
    case Entry::parse_amount: return parse(parse_amount_json(t.input));
    case Entry::explain: return parse(explain_json(t.input, "Väster"));
    case Entry::explain_below: return parse(explain_json(t.input, std::vector<std::string>{"Norr", "Väster"}));
  }
  return json::object();
}

// ---------------------------------------------------------------------------

TEST(Catalogue, CodesAreSortedAndUnique) {
  auto all = all_finding_codes();
  ASSERT_FALSE(all.empty());
  for (std::size_t i = 1; i < all.size(); ++i) {
    EXPECT_LT(all[i - 1], all[i]) << "the catalogue must be sorted by code, without repeats";
  }
}

TEST(Catalogue, CodesAreStableDottedLowercaseNames) {
  for (std::string_view code : all_finding_codes()) {
    EXPECT_NE(code.find('.'), std::string_view::npos) << code;
    EXPECT_TRUE(std::all_of(code.begin(), code.end(),
                            [](char c) { return (c >= 'a' && c <= 'z') || c == '.' || c == '_'; }))
        << code;
  }
}

TEST(Catalogue, EveryCodeHasASwedishAndAnEnglishMessage) {
  for (std::string_view code : all_finding_codes()) {
    Finding f = make_finding(code, "/x");
    EXPECT_EQ(f.code, code);
    EXPECT_EQ(f.path, "/x");
    EXPECT_FALSE(f.message_sv.empty()) << code;
    EXPECT_FALSE(f.message_en.empty()) << code;
    EXPECT_NE(f.message_sv, f.message_en) << code << ": the two languages should differ";
  }
}

TEST(Catalogue, EveryCodeIsProducedByARealDocument) {
  const auto cases = triggers();
  for (std::string_view code : all_finding_codes()) {
    if (code == "internal.unknown_code") continue;  // a programming error; see below
    bool covered = std::any_of(cases.begin(), cases.end(), [&](const Trigger& t) { return t.code == code; });
    EXPECT_TRUE(covered) << "no test case produces " << code << ": add one to triggers()";
  }
}

TEST(Catalogue, EachTriggerProducesItsCodeWithSeverityAndPath) {
  const std::set<std::string_view> known = [] {
    auto all = all_finding_codes();
    return std::set<std::string_view>(all.begin(), all.end());
  }();
  for (const Trigger& t : triggers()) {
    SCOPED_TRACE(t.code + ": " + t.what);
    EXPECT_TRUE(known.count(t.code)) << "not in the catalogue";
    json result = run(t);
    ASSERT_TRUE(result.contains("findings") && result["findings"].is_array()) << result.dump();
    auto found = findings_with(result, t.code);
    ASSERT_FALSE(found.empty()) << "got " << result["findings"].dump();
    const bool severity_path_match = std::any_of(found.begin(), found.end(), [&](const json& f) {
      return f["severity"] == t.severity && f["path"] == t.path;
    });
    EXPECT_TRUE(severity_path_match) << "expected " << t.severity << " at \"" << t.path << "\", got "
                                     << json(found).dump();
    if (t.severity == "error") {
      EXPECT_FALSE(result["ok"].get<bool>());
    } else {
      EXPECT_EQ(result.value("ok", false), count_severity(result, "error") == 0);
    }
  }
}

TEST(Catalogue, MessagesFromTheEngineAreFilledInInBothLanguages) {
  for (const Trigger& t : triggers()) {
    SCOPED_TRACE(t.code + ": " + t.what);
    json result = run(t);
    for (const auto& f : result["findings"]) {
      const std::string sv = f["message"]["sv"];
      const std::string en = f["message"]["en"];
      EXPECT_FALSE(sv.empty()) << f.dump();
      EXPECT_FALSE(en.empty()) << f.dump();
      EXPECT_FALSE(has_placeholder(sv)) << sv;
      EXPECT_FALSE(has_placeholder(en)) << en;
    }
  }
}

TEST(Catalogue, AnUnknownCodeIsAnInternalErrorNamingIt) {
  Finding f = make_finding("no.such_code", "/key/0", {{"name", "x"}});
  EXPECT_EQ(f.code, "internal.unknown_code");
  EXPECT_EQ(f.severity, Severity::error);
  EXPECT_EQ(f.path, "/key/0");
  EXPECT_NE(f.message_sv.find("no.such_code"), std::string::npos) << f.message_sv;
  EXPECT_NE(f.message_en.find("no.such_code"), std::string::npos) << f.message_en;
  EXPECT_TRUE(has_errors({f}));
}

TEST(Messages, AmountsAreWrittenTheSwedishWayInSwedishAndWithCommasInEnglish) {
  Finding f = make_finding("frame.not_fully_allocated", "/key/0",
                           {{"name", "Kostnadsberäknade insatser"},
                            {"allocated_ore", std::to_string(kr(4'850'000))},
                            {"frame_ore", std::to_string(kr(5'000'000))},
                            {"gap_ore", std::to_string(kr(150'000))},
                            {"pending_sv", ""},
                            {"pending_en", ""}});
  EXPECT_EQ(f.severity, Severity::warning);
  EXPECT_EQ(f.message_sv, "Kostnadsberäknade insatser: " + sv_kr("4 850 000 kr") + " av ramen " +
                              sv_kr("5 000 000 kr") + " är fördelat. " + sv_kr("150 000 kr") + " är inte fördelat.");
  EXPECT_EQ(f.message_en,
            "Kostnadsberäknade insatser: 4,850,000 kr of the frame 5,000,000 kr is allocated. 150,000 kr is not "
            "allocated.");
}

TEST(Messages, OreAreShownOnlyWhenThereAreAny) {
  Finding f = make_finding("rounding.not_allocated", "/rounding/unit",
                           {{"amount_ore", "5"}, {"unit_ore", "100"}});
  EXPECT_NE(f.message_sv.find("0,05" + sv_kr(" kr")), std::string::npos) << f.message_sv;
  EXPECT_NE(f.message_sv.find("1" + sv_kr(" kr")), std::string::npos) << f.message_sv;
  EXPECT_NE(f.message_en.find("0.05 kr"), std::string::npos) << f.message_en;
}

TEST(Messages, AMissingOptionalHintLeavesNoTrailingSpace) {
  Finding f = make_finding("field.missing", "/pot", {{"field", "pot"}, {"hint_sv", ""}, {"hint_en", ""}});
  EXPECT_EQ(f.message_sv, "Fältet ”pot” saknas.");
  EXPECT_EQ(f.message_en, "The field “pot” is missing.");
}

TEST(Messages, AJsonSyntaxErrorQuotesLineColumnAndToken) {
  json result = compute(std::string_view("{\"format\": \"fordela-scenario\"\n \"version\": 1}"));
  json f = finding(result, "json.syntax");
  ASSERT_FALSE(f.is_null()) << result.dump();
  EXPECT_NE(f["message"]["sv"].get<std::string>().find("rad 2"), std::string::npos) << f.dump();
  EXPECT_NE(f["message"]["en"].get<std::string>().find("line 2"), std::string::npos) << f.dump();
  EXPECT_NE(f["message"]["en"].get<std::string>().find("version"), std::string::npos) << f.dump();
}

TEST(Messages, AnAmbiguousCountQuotesItAndSaysHowToWriteEachReading) {
  json result = compute(with_key(kCountColumn, R"([{"name": "Norr", "values": {"n": "46,600"}}])",
                                 R"([{"name": "Lika", "share": 100, "basis": "equal"}])"));
  json f = finding(result, "number.ambiguous");
  ASSERT_FALSE(f.is_null()) << result.dump();
  EXPECT_EQ(f["message"]["sv"], "”46,600” kan läsas på två sätt: som 46\u00A0600 eller som 46,6. Skriv 46\u00A0600 "
                                "om det är ett heltal, eller 46,6 om det är ett decimaltal.");
  EXPECT_EQ(f["message"]["en"], "“46,600” can be read two ways: as 46\u00A0600 or as 46.6. Write 46\u00A0600 for a "
                                "whole number, or 46.6 for a decimal number.");
}

TEST(Messages, AJsonNumberWithThreeDecimalsIsNoThousandsGroup) {
  json result = compute(with_key(kCountColumn, R"([{"name": "Norr", "values": {"n": 46.600}}])",
                                 R"([{"name": "Lika", "share": 100, "basis": "equal"}])"));
  EXPECT_TRUE(result["ok"].get<bool>()) << result.dump();
}

TEST(Messages, AKeyGivenTwiceIsNamedWithTheObjectItIsIn) {
  json result = compute(districts(R"({"total": 100, "total": 1000})"));
  json f = finding(result, "json.duplicate_key");
  ASSERT_FALSE(f.is_null()) << result.dump();
  EXPECT_EQ(f["message"]["en"], "The field “total” occurs twice in the same object (/pot). Remove one: otherwise it is "
                                "unclear which one counts.");
}

TEST(Messages, HalfACharacterInANameNamesTheFieldAndSaysWhatIsWrong) {
  json result = compute(two_equal(R"({"total": 100})", R"([{"name": "Norr"}, {"name": "S\udc00der"}])"));
  json f = finding(result, "json.string_invalid");
  ASSERT_FALSE(f.is_null()) << result.dump();
  EXPECT_EQ(f["path"], "/recipients/1/name");
  EXPECT_NE(f["message"]["en"].get<std::string>().find("lone surrogate"), std::string::npos) << f.dump();
  EXPECT_NE(f["message"]["sv"].get<std::string>().find("ensamt surrogat"), std::string::npos) << f.dump();
}

// Issue 14: one vocabulary for input errors, whichever entry point.
TEST(Messages, AnEmptiedAmountIsAmountEmptyFromEveryEntryPoint) {
  EXPECT_FALSE(finding(parse(parse_amount_json("")), "amount.empty").is_null());
  EXPECT_FALSE(finding(parse(parse_amount_json(" \u00A0")), "amount.empty").is_null());
  EXPECT_FALSE(finding(parse(apportion_json(R"({"weights": [1], "total": " "})")), "amount.empty").is_null());
}

// Apportioning seats (units, not money) must not speak of öre.
TEST(Messages, ApportioningUnitsSpeaksOfUnitsNotOfOre) {
  json result = parse(apportion_json(R"({"weights": [0, 0], "units": 3})"));
  json f = finding(result, "apportion.weights_zero");
  ASSERT_FALSE(f.is_null()) << result.dump();
  EXPECT_EQ(f["message"]["en"].get<std::string>().find("0.03 kr"), std::string::npos)
      << "3 seats are not 0.03 kr: " << f["message"]["en"];
  result = parse(apportion_json(R"({"weights": [1, 1], "units": 1, "min_units": 1})"));
  f = finding(result, "rounding.min_infeasible");
  ASSERT_FALSE(f.is_null()) << result.dump();
  EXPECT_EQ(f["message"]["en"].get<std::string>().find("0.01 kr"), std::string::npos)
      << "a seat is not 0.01 kr: " << f["message"]["en"];
}

TEST(Severity, IdsAreTheWordsTheResultUses) {
  EXPECT_EQ(severity_id(Severity::error), "error");
  EXPECT_EQ(severity_id(Severity::warning), "warning");
  EXPECT_EQ(severity_id(Severity::info), "info");
}

TEST(Severity, OnlyErrorsCount) {
  EXPECT_FALSE(has_errors({}));
  EXPECT_FALSE(has_errors({make_finding("field.unknown", "/x", {{"field", "x"}}),
                           make_finding("apportion.tie", "/rounding", {{"names", "Norr, Söder"}})}));
  EXPECT_TRUE(has_errors({make_finding("field.unknown", "/x", {{"field", "x"}}), make_finding("key.none", "/key")}));
}

}  // namespace
}  // namespace fordela::test
