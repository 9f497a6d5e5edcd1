// fordela: the command-line face of the core, for scripts and for checking
// the page's numbers. `compute` runs a scenario; `explain` tells how one
// recipient's amount was computed; `compare` sets two scenarios side by
// side; `apportion` splits seats or an amount among the weights of a CSV
// read on standard input.
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "fordela/apportion.hpp"
#include "fordela/bignat.hpp"
#include "fordela/compare.hpp"
#include "fordela/csv.hpp"
#include "fordela/explain.hpp"
#include "fordela/money.hpp"
#include "fordela/scenario.hpp"

namespace {

// Exit statuses, as the usage text states them.
constexpr int kDone = 0;
constexpr int kBadInput = 1;  // also: a scenario whose result has "ok": false
constexpr int kUsageError = 2;

constexpr fordela::Method kMethods[] = {
    fordela::Method::largest_remainder, fordela::Method::dhondt,
    fordela::Method::sainte_lague,      fordela::Method::huntington_hill,
    fordela::Method::adams,             fordela::Method::dean,
};

std::string method_list() {
  std::string out;
  for (fordela::Method method : kMethods) {
    if (!out.empty()) out += ", ";
    out += fordela::method_id(method);
  }
  return out;
}

void print_usage(std::FILE* to) {
  std::fprintf(to,
               "Usage: fordela <command> [options]\n"
               "\n"
               "Commands:\n"
               "  compute SCENARIO.json [--format json|csv]\n"
               "      Computes a scenario (docs/scenario-format.md) and prints the\n"
               "      result; \"-\" reads the scenario from standard input.\n"
               "  explain SCENARIO.json NAME [NAME ...] [--lang sv|en]\n"
               "      How the amount of the recipient NAME was computed, step by step\n"
               "      with the actual numbers, in Swedish (default) or English. More\n"
               "      names lead down nested levels: a recipient, then one in the\n"
               "      level that splits its amount, and so on.\n"
               "  compare A.json B.json\n"
               "      What each recipient finally receives in A and in B, the\n"
               "      differences, and the findings that appear or disappear (JSON).\n"
               "  apportion [--method M] (--seats N | --total T --unit U)\n"
               "            [--first-divisor D] [--min K]\n"
               "      Reads CSV \"name,weight\" with a header line on standard input\n"
               "      and writes CSV \"name,allocation\" in the same order: seats, or\n"
               "      kronor when --total is given (T and U as \"5 000 000\", \"5 mnkr\").\n"
               "      --first-divisor is Sainte-Lague's (1.2 in Sweden); --min gives\n"
               "      every recipient with weight at least K units.\n"
               "\n"
               "Methods: %s (default: largest-remainder)\n"
               "\n"
               "Exit status: 0 done, 1 bad input or a scenario with errors,\n"
               "2 usage error. Warnings go to standard error.\n",
               method_list().c_str());
}

int usage_error(const std::string& message) {
  std::fprintf(stderr, "fordela: %s\n(fordela --help shows the usage)\n", message.c_str());
  return kUsageError;
}

int bad_input(const std::string& message) {
  std::fprintf(stderr, "fordela: %s\n", message.c_str());
  return kBadInput;
}

void warn(const std::string& message) { std::fprintf(stderr, "warning: %s\n", message.c_str()); }

// --name value and --name=value; "-" alone is a positional argument.
struct Arguments {
  std::vector<std::string> positional;
  std::map<std::string, std::string, std::less<>> options;
  std::string error;  // empty when the arguments parsed
};

Arguments parse_arguments(const std::vector<std::string_view>& args,
                          const std::vector<std::string_view>& known_options) {
  Arguments parsed;
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string_view arg = args[i];
    if (arg.size() < 2 || arg[0] != '-') {
      parsed.positional.emplace_back(arg);
      continue;
    }
    std::string_view name = arg;
    std::optional<std::string_view> value;
    if (auto eq = arg.find('='); eq != std::string_view::npos) {
      name = arg.substr(0, eq);
      value = arg.substr(eq + 1);
    }
    bool known = false;
    for (std::string_view option : known_options) known = known || option == name;
    if (!known) {
      parsed.error = "unknown option '" + std::string(name) + "'";
      return parsed;
    }
    if (!value) {
      if (i + 1 >= args.size()) {
        parsed.error = "option " + std::string(name) + " needs a value";
        return parsed;
      }
      value = args[++i];
    }
    if (!parsed.options.emplace(std::string(name), std::string(*value)).second) {
      parsed.error = "option " + std::string(name) + " given twice";
      return parsed;
    }
  }
  return parsed;
}

// The whole of a file, or of standard input for "-"; nullopt (with the
// reason on stderr) when it cannot be read.
std::optional<std::string> read_input(const std::string& path) {
  std::FILE* file = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    std::fprintf(stderr, "fordela: cannot open %s: %s\n", path.c_str(), std::strerror(errno));
    return std::nullopt;
  }
  std::string text;
  char buffer[65536];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) text.append(buffer, n);
  const bool failed = std::ferror(file) != 0;
  const int read_errno = errno;
  if (file != stdin) std::fclose(file);
  if (failed) {
    std::fprintf(stderr, "fordela: cannot read %s: %s\n", path == "-" ? "standard input" : path.c_str(),
                 std::strerror(read_errno));
    return std::nullopt;
  }
  return text;
}

void write_out(std::string_view text) {
  std::fwrite(text.data(), 1, text.size(), stdout);
  if (!text.empty() && text.back() != '\n') std::fputc('\n', stdout);
}

// ---- compute ---------------------------------------------------------------

// For CSV output, which has no room for them: the findings on stderr.
void report_findings(const nlohmann::json& result, const char* language = "en") {
  const auto findings = result.find("findings");
  if (findings == result.end() || !findings->is_array()) return;
  for (const auto& finding : *findings) {
    if (!finding.is_object()) continue;
    const std::string severity = finding.value("severity", "error");
    std::string message = finding.value("code", "");
    if (auto text = finding.find("message"); text != finding.end() && text->is_object()) {
      message = text->value(language, message);
    }
    std::fprintf(stderr, "%s: %s (%s at %s)\n", severity.c_str(), message.c_str(),
                 finding.value("code", "").c_str(), finding.value("path", "").c_str());
  }
}

int run_compute(const std::vector<std::string_view>& args) {
  const Arguments parsed = parse_arguments(args, {"--format"});
  if (!parsed.error.empty()) return usage_error(parsed.error);
  if (parsed.positional.size() != 1) return usage_error("compute takes one scenario file (or - for standard input)");
  std::string format = "json";
  if (auto it = parsed.options.find("--format"); it != parsed.options.end()) format = it->second;
  if (format != "json" && format != "csv") return usage_error("--format is json or csv, not '" + format + "'");

  const std::optional<std::string> scenario = read_input(parsed.positional[0]);
  if (!scenario) return kUsageError;

  // Printed exactly as the core returned it, so that the page (through
  // WebAssembly) and the CLI can be compared byte for byte.
  const std::string result = fordela::compute_scenario_json(*scenario);
  const nlohmann::json parsed_result = nlohmann::json::parse(result, nullptr, false);
  if (parsed_result.is_discarded() || !parsed_result.is_object()) {
    write_out(result);
    return bad_input("internal error: the core returned a result that is not a JSON object");
  }
  const auto ok = parsed_result.find("ok");
  const bool result_ok = ok != parsed_result.end() && ok->is_boolean() && ok->get<bool>();

  if (format == "json") {
    write_out(result);
  } else {
    write_out(fordela::result_json_to_csv(result));
    report_findings(parsed_result);
  }
  return result_ok ? kDone : kBadInput;
}

// ---- explain and compare ----------------------------------------------------

int run_explain(const std::vector<std::string_view>& args) {
  const Arguments parsed = parse_arguments(args, {"--lang"});
  if (!parsed.error.empty()) return usage_error(parsed.error);
  if (parsed.positional.size() < 2) return usage_error("explain takes a scenario file and a recipient's name");
  std::string language = "sv";
  if (auto it = parsed.options.find("--lang"); it != parsed.options.end()) language = it->second;
  if (language != "sv" && language != "en") return usage_error("--lang is sv or en, not '" + language + "'");

  const std::optional<std::string> scenario = read_input(parsed.positional[0]);
  if (!scenario) return kUsageError;
  // More names lead down into nested levels: the recipient, then one of
  // the level that splits its amount, and so on.
  const std::vector<std::string> names(parsed.positional.begin() + 1, parsed.positional.end());
  const nlohmann::json answer = nlohmann::json::parse(fordela::explain_json(*scenario, names), nullptr, false);
  if (answer.is_discarded() || !answer.is_object()) {
    return bad_input("internal error: the core returned an explanation that is not a JSON object");
  }
  report_findings(answer, language.c_str());
  if (!answer.value("ok", false)) return kBadInput;
  const auto text = answer.find("text");
  if (text == answer.end() || !text->is_object()) return bad_input("internal error: the explanation has no text");
  write_out(text->value(language, ""));
  return kDone;
}

int run_compare(const std::vector<std::string_view>& args) {
  const Arguments parsed = parse_arguments(args, {});
  if (!parsed.error.empty()) return usage_error(parsed.error);
  if (parsed.positional.size() != 2) return usage_error("compare takes two scenario files");
  const std::optional<std::string> a = read_input(parsed.positional[0]);
  if (!a) return kUsageError;
  const std::optional<std::string> b = read_input(parsed.positional[1]);
  if (!b) return kUsageError;
  const std::string result = fordela::compare_json(*a, *b);
  write_out(result);
  const nlohmann::json parsed_result = nlohmann::json::parse(result, nullptr, false);
  return parsed_result.is_object() && parsed_result.value("ok", false) ? kDone : kBadInput;
}

// ---- apportion -------------------------------------------------------------

// A whole number of units: plain digits, nothing else.
std::optional<std::int64_t> parse_count(std::string_view text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  std::int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::string_view parse_error_text(fordela::ParseError error) {
  switch (error) {
    case fordela::ParseError::none: return "no error";
    case fordela::ParseError::empty: return "empty";
    case fordela::ParseError::syntax: return "not a number";
    case fordela::ParseError::too_many_decimals: return "too many decimals";
    case fordela::ParseError::out_of_range: return "out of range";
  }
  return "not a number";
}

std::string_view csv_error_text(fordela::CsvError error) {
  switch (error) {
    case fordela::CsvError::none: return "no error";
    case fordela::CsvError::unterminated_quote: return "a quoted field is never closed";
    case fordela::CsvError::text_after_quote: return "text after a closing quote";
    case fordela::CsvError::too_many_rows: return "too many rows";
    case fordela::CsvError::too_many_fields: return "too many fields on a line";
    case fordela::CsvError::field_too_long: return "a field is too long";
  }
  return "unreadable CSV";
}

std::string_view apportion_error_text(fordela::ApportionError error) {
  switch (error) {
    case fordela::ApportionError::none: return "no error";
    case fordela::ApportionError::no_recipients: return "there are no recipients (only a header line?)";
    case fordela::ApportionError::all_weights_zero: return "every weight is zero";
    case fordela::ApportionError::negative_units: return "the number of units is negative";
    case fordela::ApportionError::min_not_feasible:
      return "--min is not feasible: the recipients with weight need more units than there are";
    case fordela::ApportionError::bad_first_divisor: return "--first-divisor must lie in [1, 3)";
  }
  return "apportionment failed";
}

// The line a CSV record starts on (records can span lines inside quotes,
// and empty lines are skipped). read_csv keeps no line per record, but
// stopped just before record `index` it reports the line that record
// begins on.
std::size_t line_of_record(std::string_view text, std::size_t index) {
  fordela::CsvLimits limits;
  limits.max_rows = index;
  const fordela::CsvTable upto = fordela::read_csv(text, ',', limits);
  return upto.error == fordela::CsvError::too_many_rows ? upto.error_line : index + 1;
}

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

std::string quoted_names(const std::vector<std::string>& names, const std::vector<std::size_t>& indices) {
  std::string out;
  for (std::size_t k = 0; k < indices.size(); ++k) {
    if (k > 0) out += k + 1 == indices.size() ? " and " : ", ";
    out += '"' + names[indices[k]] + '"';
  }
  return out;
}

struct Recipients {
  std::vector<std::string> names;
  std::vector<fordela::BigNat> weights;
};

// Reads "name,weight" rows after a header line; nullopt after saying why.
std::optional<Recipients> read_recipients(std::string_view text) {
  const fordela::CsvTable table = fordela::read_csv(text, ',');
  if (!table.ok()) {
    bad_input("line " + std::to_string(table.error_line) + ": " + std::string(csv_error_text(table.error)));
    return std::nullopt;
  }
  if (table.rows.empty()) {
    bad_input("no CSV on standard input: expected a header line (name,weight) and one line per recipient");
    return std::nullopt;
  }
  // A first line that reads as data would otherwise be dropped silently.
  if (const auto& header = table.rows[0]; header.size() == 2 && fordela::parse_decimal(header[1]).ok()) {
    bad_input("line " + std::to_string(line_of_record(text, 0)) +
              ": expected a header line such as name,weight, found a weight");
    return std::nullopt;
  }
  Recipients recipients;
  for (std::size_t r = 1; r < table.rows.size(); ++r) {
    const auto& row = table.rows[r];
    const std::string where = "line " + std::to_string(line_of_record(text, r)) + ": ";
    if (row.size() != 2) {
      bad_input(where + "expected 2 fields (name,weight), found " + std::to_string(row.size()));
      return std::nullopt;
    }
    if (row[0].empty()) {
      bad_input(where + "the name is empty");
      return std::nullopt;
    }
    const fordela::DecimalParse weight = fordela::parse_decimal(row[1]);
    if (!weight.ok()) {
      bad_input(where + "bad weight '" + row[1] + "' (" + std::string(parse_error_text(weight.error)) + ")");
      return std::nullopt;
    }
    if (weight.value.micro < 0) {
      bad_input(where + "negative weight '" + row[1] + "'");
      return std::nullopt;
    }
    recipients.names.push_back(row[0]);
    // Weights in millionths: only their ratios matter.
    recipients.weights.emplace_back(static_cast<std::uint64_t>(weight.value.micro));
  }
  return recipients;
}

int run_apportion(const std::vector<std::string_view>& args) {
  const Arguments parsed =
      parse_arguments(args, {"--method", "--seats", "--total", "--unit", "--first-divisor", "--min"});
  if (!parsed.error.empty()) return usage_error(parsed.error);
  if (!parsed.positional.empty()) {
    return usage_error("apportion reads its CSV on standard input; unexpected '" + parsed.positional[0] + "'");
  }
  const auto option = [&](std::string_view name) -> const std::string* {
    auto it = parsed.options.find(name);
    return it == parsed.options.end() ? nullptr : &it->second;
  };
  const std::string* seats = option("--seats");
  const std::string* total = option("--total");
  const std::string* unit = option("--unit");
  if (seats != nullptr && (total != nullptr || unit != nullptr)) {
    return usage_error("give either --seats or --total with --unit, not both");
  }
  if (seats == nullptr && (total == nullptr || unit == nullptr)) {
    return usage_error("apportion needs --seats N, or --total T with --unit U");
  }

  fordela::ApportionOptions options;
  if (const std::string* method = option("--method")) {
    const auto found = fordela::method_from_id(*method);
    if (!found) return bad_input("unknown method '" + *method + "' (methods: " + method_list() + ")");
    options.method = *found;
  }
  if (const std::string* divisor = option("--first-divisor")) {
    const fordela::DecimalParse parsed_divisor = fordela::parse_decimal(*divisor);
    if (!parsed_divisor.ok()) return bad_input("--first-divisor: cannot read '" + *divisor + "' as a number");
    options.first_divisor = parsed_divisor.value;
    if (options.method != fordela::Method::sainte_lague) {
      warn("--first-divisor only affects sainte-lague; ignored for " + std::string(fordela::method_id(options.method)));
    }
  }
  if (const std::string* min = option("--min")) {
    const auto count = parse_count(*min);
    if (!count) return bad_input("--min: '" + *min + "' is not a whole number of units");
    options.min_units = *count;
  }

  std::int64_t units = 0;
  fordela::Ore unit_ore = 0;
  if (seats != nullptr) {
    const auto count = parse_count(*seats);
    if (!count) return bad_input("--seats: '" + *seats + "' is not a whole number");
    units = *count;
  } else {
    const fordela::AmountParse parsed_total = fordela::parse_amount(*total);
    const fordela::AmountParse parsed_unit = fordela::parse_amount(*unit);
    if (!parsed_total.ok() || parsed_total.ore < 0) {
      return bad_input("--total: cannot read '" + *total + "' as an amount of kronor");
    }
    if (!parsed_unit.ok() || parsed_unit.ore <= 0) {
      return bad_input("--unit: '" + *unit + "' is not a positive amount of kronor");
    }
    unit_ore = parsed_unit.ore;
    units = parsed_total.ore / unit_ore;
    if (const fordela::Ore rest = parsed_total.ore % unit_ore; rest != 0) {
      warn(fordela::format_kr_en(rest) + " not allocated: the total " + fordela::format_kr_en(parsed_total.ore) +
           " is not a multiple of the unit " + fordela::format_kr_en(unit_ore));
    }
  }

  const std::optional<std::string> text = read_input("-");
  if (!text) return kBadInput;
  const std::optional<Recipients> recipients = read_recipients(*text);
  if (!recipients) return kBadInput;

  const fordela::ApportionResult result = fordela::apportion(recipients->weights, units, options);
  if (!result.ok()) return bad_input(std::string(apportion_error_text(result.error)));
  if (!result.tied.empty()) {
    warn("tie: " + quoted_names(recipients->names, result.tied) + " had an equal claim to the last " +
         (seats != nullptr ? "seat" : "unit") + "; decided in favour of the one listed first");
  }

  std::string out = "name,allocation\n";
  for (std::size_t i = 0; i < recipients->names.size(); ++i) {
    const std::int64_t allocated = i < result.units.size() ? result.units[i] : 0;
    out += csv_field(recipients->names[i]) + ',' +
           (seats != nullptr ? std::to_string(allocated) : fordela::format_kr_plain(allocated * unit_ore)) + '\n';
  }
  write_out(out);
  return kDone;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string_view> args(argv + 1, argv + argc);
  if (args.empty()) {
    print_usage(stderr);
    return kUsageError;
  }
  for (std::string_view arg : args) {
    if (arg == "-h" || arg == "--help") {
      print_usage(stdout);
      return kDone;
    }
  }
  const std::vector<std::string_view> rest(args.begin() + 1, args.end());
  if (args[0] == "compute") return run_compute(rest);
  if (args[0] == "explain") return run_explain(rest);
  if (args[0] == "compare") return run_compare(rest);
  if (args[0] == "apportion") return run_apportion(rest);
  return usage_error("unknown command '" + std::string(args[0]) + "'");
}
