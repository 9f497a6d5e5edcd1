// The catalogue of findings: every code, its severity and its message in
// Swedish and English. Messages tell the user what to do. Arguments whose
// name ends in "_ore" are amounts and are formatted per language.
#include "fordela/findings.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>

#include "fordela/money.hpp"
#include "user_text.hpp"

namespace fordela {
namespace {

struct Entry {
  std::string_view code;
  Severity severity;
  std::string_view sv;
  std::string_view en;
};

constexpr Severity E = Severity::error;
constexpr Severity W = Severity::warning;
constexpr Severity I = Severity::info;

// Sorted by code (checked by a test); looked up by binary search.
constexpr std::array kCatalogue{
    Entry{"activity.outside_period", W,
          "Verksamheten för {name} ({from} – {to}) ligger utanför bidragsperioden {start} – {end}. Medel får bara användas inom perioden.",
          "The activity of {name} ({from} – {to}) lies outside the grant period {start} – {end}. The money may only be used within the period."},
    Entry{"amount.empty", E, "Fältet är tomt. Skriv ett belopp, till exempel 25 400 000, 25,4 mnkr eller 750 tkr.",
          "The field is empty. Write an amount, for example 25 400 000, 25,4 mnkr or 750 tkr."},
    Entry{"amount.negative", E, "Beloppet får inte vara negativt: ”{input}”. Ange ett belopp som är 0 eller större.",
          "The amount must not be negative: “{input}”. Enter an amount of 0 or more."},
    Entry{"amount.out_of_range", E, "Beloppet ”{input}” är för stort. Högsta belopp är 10 000 000 000 000 kr.",
          "The amount “{input}” is too large. The largest amount is 10,000,000,000,000 kr."},
    Entry{"amount.syntax", E,
          "”{input}” är inte ett belopp. Skriv till exempel 25 400 000, 25 400 000 kr, 25,4 mnkr eller 750 tkr.",
          "“{input}” is not an amount. Write for example 25 400 000, 25 400 000 kr, 25,4 mnkr or 750 tkr."},
    Entry{"amount.too_precise", E, "Beloppet ”{input}” är angivet på bråkdelar av ett öre. Ange högst två decimaler i kronor.",
          "The amount “{input}” is given in fractions of an öre. Give at most two decimals in kronor."},
    Entry{"apportion.tie", W,
          "Lika anspråk på den sista enheten mellan {names}. Den som står först i listan fick den. Överväg en annan avrundning eller ändra ordningen medvetet.",
          "Equal claims to the last unit between {names}. The one listed first received it. Consider another rounding or set the order deliberately."},
    Entry{"apportion.weights_zero", E, "Alla vikter är 0. Ge minst en mottagare en vikt större än 0.",
          "Every weight is 0. Give at least one recipient a weight above 0."},
    Entry{"date.invalid", E, "”{input}” är inte ett datum. Skriv datum som ÅÅÅÅ-MM-DD, till exempel 2023-05-12.",
          "“{input}” is not a date. Write dates as YYYY-MM-DD, for example 2023-05-12."},
    Entry{"dates.order", E, "{first} ({first_date}) ligger efter {second} ({second_date}). Kontrollera datumen.",
          "{first_en} ({first_date}) is after {second_en} ({second_date}). Check the dates."},
    Entry{"document.format", E, "Dokumentet är inte ett Fördela-scenario (fältet ”format” ska vara ”fordela-scenario”).",
          "The document is not a Fördela scenario (the field “format” must be “fordela-scenario”)."},
    Entry{"document.not_object", E, "Dokumentet ska vara ett JSON-objekt {…}.", "The document must be a JSON object {…}."},
    Entry{"document.too_deep", E, "Dokumentet är nästlat djupare än {limit} nivåer. Det är inte ett giltigt scenario.",
          "The document is nested deeper than {limit} levels. It is not a valid scenario."},
    Entry{"document.too_large", E, "Dokumentet är större än {limit} byte. Dela upp scenariot.",
          "The document is larger than {limit} bytes. Split the scenario."},
    Entry{"document.version_invalid", E, "Fältet ”version” ska vara ett heltal, till exempel 1.",
          "The field “version” must be a whole number, for example 1."},
    Entry{"document.version_newer", E,
          "Scenariot är sparat i version {version} av formatet, som är nyare än den här versionen av Fördela (version {supported}). Öppna det i en nyare Fördela.",
          "The scenario is saved in version {version} of the format, newer than this version of Fördela supports ({supported}). Open it in a newer Fördela."},
    Entry{"earmarks.total_mismatch", W,
          "De öronmärkta beloppen ”{name}” summerar till {sum_ore}, men den angivna summan är {stated_ore} (skillnad {diff_ore}). Kontrollera beloppen.",
          "The earmarked amounts “{name}” add up to {sum_ore}, but the stated total is {stated_ore} (difference {diff_ore}). Check the amounts."},
    Entry{"explain.no_sub_level", E, "”{name}” delas inte vidare i en underfördelning, så ”{next}” finns inte under den.",
          "“{name}” is not split further in a sub-level, so there is no “{next}” below it."},
    Entry{"explain.unknown_recipient", E, "Det finns ingen mottagare som heter ”{name}”. Mottagarna är: {names}.",
          "There is no recipient named “{name}”. The recipients are: {names}."},
    Entry{"field.missing", E, "Fältet ”{field}” saknas. {hint_sv}", "The field “{field}” is missing. {hint_en}"},
    Entry{"field.type", E, "Fältet ”{field}” ska vara {expected_sv}.", "The field “{field}” must be {expected_en}."},
    Entry{"field.unknown", I, "Fältet ”{field}” känns inte igen och används inte.", "The field “{field}” is not recognised and is not used."},
    Entry{"frame.not_fully_allocated", W,
          "{name}: {allocated_ore} av ramen {frame_ore} är fördelat. {gap_ore} är inte fördelat.{pending_sv}",
          "{name}: {allocated_ore} of the frame {frame_ore} is allocated. {gap_ore} is not allocated.{pending_en}"},
    Entry{"frame.over", E,
          "{name}: beloppen summerar till {allocated_ore}, men ramen är {frame_ore}. Det är {excess_ore} för mycket: pengar som inte finns i potten kan inte betalas ut. Minska beloppen eller öka delens andel.",
          "{name}: the amounts add up to {allocated_ore}, but the frame is {frame_ore}. That is {excess_ore} too much: money that is not in the pot cannot be paid. Reduce the amounts or raise the part's share."},
    Entry{"indicator.duplicate", E, "Kolumnen ”{id}” finns redan. Ge varje kolumn ett eget id.",
          "The column “{id}” exists already. Give every column its own id."},
    Entry{"indicator.kind", E, "{name} använder kolumnen ”{id}” som belopp, men kolumnen är inte av typen belopp.",
          "{name} uses the column “{id}” as amounts, but the column is not of the amount kind."},
    Entry{"indicator.unknown", E, "Kolumnen ”{id}” finns inte. Lägg till den eller välj en annan.",
          "The column “{id}” does not exist. Add it or choose another."},
    Entry{"internal.unknown_code", E, "Internt fel: okänd kod {code}.", "Internal error: unknown code {code}."},
    Entry{"json.duplicate_key", E,
          "Fältet ”{key}” finns två gånger i samma objekt ({object}). Ta bort det ena: annars är det oklart vilket som gäller.",
          "The field “{key}” occurs twice in the same object ({object}). Remove one: otherwise it is unclear which one counts."},
    Entry{"json.string_invalid", E, "Texten på rad {line}, kolumn {column} går inte att läsa: {reason_sv}.",
          "The text at line {line}, column {column} cannot be read: {reason_en}."},
    Entry{"json.syntax", E, "Dokumentet är inte giltig JSON: fel på rad {line}, kolumn {column}, vid ”{token}”. Kontrollera kommatecken, citattecken och klamrar.",
          "The document is not valid JSON: error at line {line}, column {column}, at “{token}”. Check commas, quotes and brackets."},
    Entry{"key.basis_unknown", E,
          "Okänd grund ”{input}”. Välj weighted (viktad summa), indicator (en kolumn), equal (lika delar), fixed (fasta belopp) eller cost (kostnadsberäknat).",
          "Unknown basis “{input}”. Choose weighted, indicator, equal, fixed or cost."},
    Entry{"key.basis_zero", E,
          "{name} ska fördela {frame_ore}, men alla mottagares underlag är 0. Fyll i värden eller sätt andelen till 0 %.",
          "{name} is to split {frame_ore}, but every recipient's basis is 0. Fill in values or set the share to 0 %."},
    Entry{"key.none", E, "Fördelningsnyckeln saknar komponenter. Lägg till minst en.",
          "The distribution key has no components. Add at least one."},
    Entry{"key.shares_sum", E, "Andelarna i fördelningsnyckeln summerar till {sum} %, inte 100 %. Justera andelarna.",
          "The shares of the distribution key add up to {sum} %, not 100 %. Adjust the shares."},
    Entry{"key.too_many", E, "Fördelningsnyckeln har fler än {limit} komponenter.",
          "The distribution key has more than {limit} components."},
    Entry{"key.weights_none", E, "{name} har inga vikter. Ange minst en kolumn med vikt.",
          "{name} has no weights. Give at least one column a weight."},
    Entry{"limit.indicators", E, "Scenariot har fler än {limit} kolumner.", "The scenario has more than {limit} columns."},
    Entry{"limit.list", E, "Listan har fler än {limit} rader.", "The list has more than {limit} rows."},
    Entry{"limit.recipients", E, "Scenariot har fler än {limit} mottagare.", "The scenario has more than {limit} recipients."},
    Entry{"nested.too_deep", E,
          "Underfördelningar kan nästlas högst {limit} nivåer (till exempel stat → kommun → stadsdel → insats).",
          "Sub-scenarios can be nested at most {limit} levels deep (for example state → municipality → district → measure)."},
    Entry{"nested.total_mismatch", W,
          "Underfördelningen för {name} fördelar {sub_ore}, men {name} får {parent_ore} (skillnad {diff_ore}). Nivåerna går inte ihop: ta bort underfördelningens egen pott eller rätta den.",
          "The sub-scenario of {name} splits {sub_ore}, but {name} receives {parent_ore} (difference {diff_ore}). The levels do not reconcile: remove the sub-scenario's own pot or correct it."},
    Entry{"number.ambiguous", E,
          "”{input}” kan läsas på två sätt: som {whole} eller som {decimal_sv}. Skriv {whole} om det är ett heltal, eller {decimal_sv} om det är ett decimaltal.",
          "“{input}” can be read two ways: as {whole} or as {decimal_en}. Write {whole} for a whole number, or {decimal_en} for a decimal number."},
    Entry{"number.negative", E, "Värdet får inte vara negativt: ”{input}”.", "The value must not be negative: “{input}”."},
    Entry{"number.not_whole", E, "”{input}” är inte ett heltal. Skriv till exempel 0, 1 eller 2.",
          "“{input}” is not a whole number. Write, for example, 0, 1 or 2."},
    Entry{"number.out_of_range", E, "Talet ”{input}” är för stort (högst {max}).", "The number “{input}” is too large (at most {max})."},
    Entry{"number.syntax", E, "”{input}” är inte ett tal. Skriv till exempel 48 000, 0,5 eller 2.",
          "“{input}” is not a number. Write for example 48 000, 0,5 or 2."},
    Entry{"number.too_precise", E, "Talet ”{input}” har fler än sex decimaler.", "The number “{input}” has more than six decimals."},
    Entry{"pot.net_negative", E, "Avdragen ({deductions_ore}) är större än potten ({total_ore}). Minska avdragen.",
          "The deductions ({deductions_ore}) exceed the pot ({total_ore}). Reduce the deductions."},
    Entry{"recipients.duplicate_name", E, "Namnet ”{name}” förekommer mer än en gång. Ge varje mottagare ett eget namn.",
          "The name “{name}” occurs more than once. Give every recipient a name of its own."},
    Entry{"recipients.empty_name", E, "Mottagare nummer {index} saknar namn.", "Recipient number {index} has no name."},
    Entry{"recipients.lookalike_names", W,
          "Mottagare {first_index}, ”{first}”, och mottagare {second_index}, ”{second}”, ser likadana ut men skiljer sig i osynliga tecken eller i hur bokstäverna är kodade. De räknas som två olika mottagare. Skriv om det ena namnet, eller slå ihop dem om de är samma mottagare.",
          "Recipient {first_index}, “{first}”, and recipient {second_index}, “{second}”, look the same but differ in invisible characters or in how their letters are encoded. They count as two different recipients. Retype one of the names, or merge them if they are the same recipient."},
    Entry{"recipients.none", E, "Det finns inga mottagare. Lägg till minst en.", "There are no recipients. Add at least one."},
    Entry{"redistribution.no_takers", W,
          "{pool_ore} har inte rekvirerats, men ingen mottagare har anmält att den vill ha del av omfördelningen. Beloppet fördelas inte.",
          "{pool_ore} was not requisitioned, but no recipient opted in for the redistribution. The amount is not allocated."},
    Entry{"redistribution.round", I, "{pool_ore} som inte rekvirerats fördelas om mellan {count} mottagare som anmält intresse.",
          "{pool_ore} not requisitioned is redistributed among {count} recipients that opted in."},
    Entry{"report.overspent", W,
          "{name} har redovisat {used_ore} använt men fick {final_ore}: {excess_ore} mer än beviljat. Kontrollera redovisningen.",
          "{name} reports {used_ore} used but received {final_ore}: {excess_ore} more than granted. Check the report."},
    Entry{"requisition.after_deadline", W,
          "{name} rekvirerade {date}, efter sista dag {deadline}. Medel som inte rekvirerats i tid kan fördelas om.",
          "{name} requisitioned on {date}, after the deadline {deadline}. Money not requisitioned in time may be redistributed."},
    Entry{"rounding.alabama", W,
          "Om potten ökade med en enhet ({unit_ore}) skulle {names} förlora en enhet med största rest-metoden (Alabamaparadoxen). Överväg en divisormetod, till exempel Sainte-Laguë, om det är oacceptabelt.",
          "If the pot grew by one unit ({unit_ore}), {names} would lose a unit under largest remainder (the Alabama paradox). Consider a divisor method, such as Sainte-Laguë, if that is unacceptable."},
    Entry{"rounding.first_divisor", E, "Första divisorn ska vara minst 1 och mindre än 3 (1,2 i Sverige, 1,4 i Norge).",
          "The first divisor must be at least 1 and below 3 (1.2 in Sweden, 1.4 in Norway)."},
    Entry{"rounding.level_unknown", E, "Okänd avrundningsnivå ”{input}”. Välj recipient eller component.",
          "Unknown rounding level “{input}”. Choose recipient or component."},
    Entry{"rounding.method_unknown", E,
          "Okänd avrundningsmetod ”{input}”. Välj largest-remainder, dhondt, sainte-lague, huntington-hill, adams eller dean.",
          "Unknown rounding method “{input}”. Choose largest-remainder, dhondt, sainte-lague, huntington-hill, adams or dean."},
    Entry{"rounding.min_infeasible", E,
          "Minst {min} enheter till var och en av {count} mottagare kräver mer än de {units} enheter som finns. Sänk minimum eller avrundningsenheten.",
          "At least {min} units for each of {count} recipients needs more than the {units} units there are. Lower the minimum or the rounding unit."},
    Entry{"rounding.not_allocated", W,
          "{amount_ore} fördelas inte eftersom beloppet inte är en jämn multipel av avrundningsenheten {unit_ore}.",
          "{amount_ore} is not allocated because the amount is not a whole multiple of the rounding unit {unit_ore}."},
    Entry{"rounding.not_allocated_parts", W,
          "{amount_ore} fördelas inte: varje del av nyckeln avrundas för sig, och då blir {parts_sv} över. "
          "Avrunda per mottagare, eller ändra så att delarnas ramar är jämna multipler av {unit_ore}.",
          "{amount_ore} is not allocated: each part of the key is rounded on its own, which leaves {parts_en}. "
          "Round per recipient, or change the parts so that their frames are whole multiples of {unit_ore}."},
    Entry{"rounding.quota_violation", W,
          "Metoden {method} ger {names} mer än en enhet från den exakta kvoten. Största rest håller varje mottagare inom en enhet.",
          "The method {method} moves {names} more than one unit from the exact quota. Largest remainder keeps every recipient within one unit."},
    Entry{"rounding.too_few_units", W,
          "Metoden {method} ger först varje mottagare med underlag en enhet, men det finns bara {units} enheter till {count} mottagare. Enheterna gick en var till dem med störst underlag; de övriga fick ingen. Välj en mindre avrundningsenhet eller en annan metod om alla ska få något.",
          "The method {method} first gives every recipient with a basis one unit, but there are only {units} units for {count} recipients. The units went one each to those with the largest basis; the others received none. Choose a smaller rounding unit or another method if everyone should receive something."},
    Entry{"rounding.unit_invalid", E, "Avrundningsenheten ska vara större än 0, till exempel 1 kr, 1 000 kr eller 100 000 kr.",
          "The rounding unit must be greater than 0, for example 1 kr, 1 000 kr or 100 000 kr."},
    Entry{"string.too_long", E, "Texten är längre än {limit} byte. Korta den.", "The text is longer than {limit} bytes. Shorten it."},
    Entry{"total.out_of_range", E, "Summan blir större än 90 000 000 000 000 kr, vilket Fördela inte räknar med.",
          "The total exceeds 90,000,000,000,000 kr, more than Fördela computes with."},
};

const Entry* find_entry(std::string_view code) {
  auto it = std::lower_bound(kCatalogue.begin(), kCatalogue.end(), code,
                             [](const Entry& e, std::string_view c) { return e.code < c; });
  if (it == kCatalogue.end() || it->code != code) return nullptr;
  return &*it;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string render(std::string_view tmpl, const FindingArgs& args, bool swedish) {
  std::string out;
  out.reserve(tmpl.size() + 32);
  std::size_t i = 0;
  while (i < tmpl.size()) {
    if (tmpl[i] == '{') {
      auto close = tmpl.find('}', i);
      if (close != std::string_view::npos) {
        std::string_view name = tmpl.substr(i + 1, close - i - 1);
        auto arg = std::find_if(args.begin(), args.end(), [&](const auto& a) { return a.first == name; });
        if (arg != args.end()) {
          if (ends_with(name, "_ore")) {
            std::int64_t ore = 0;
            const auto& v = arg->second;
            auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), ore);
            out += (ec == std::errc{} && ptr == v.data() + v.size())
                       ? (swedish ? format_kr_sv(ore) : format_kr_en(ore))
                       : v;
          } else {
            // A value with a bidirectional control cannot turn the message around.
            out += detail::isolated(arg->second);
          }
          i = close + 1;
          continue;
        }
      }
    }
    out += tmpl[i++];
  }
  // A missing optional hint leaves a trailing space: trim it.
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

std::string_view severity_id(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "info";
  }
  return "error";
}

Finding make_finding(std::string_view code, std::string path, const FindingArgs& args) {
  const Entry* entry = find_entry(code);
  if (entry == nullptr) {
    return make_finding("internal.unknown_code", std::move(path), {{"code", std::string(code)}});
  }
  return Finding{entry->severity, std::string(entry->code), std::move(path), render(entry->sv, args, true),
                 render(entry->en, args, false)};
}

std::vector<std::string_view> all_finding_codes() {
  std::vector<std::string_view> codes;
  codes.reserve(kCatalogue.size());
  for (const auto& e : kCatalogue) codes.push_back(e.code);
  return codes;
}

bool has_errors(const std::vector<Finding>& findings) {
  return std::any_of(findings.begin(), findings.end(), [](const Finding& f) { return f.severity == Severity::error; });
}

}  // namespace fordela
