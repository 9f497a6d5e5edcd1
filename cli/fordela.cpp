// fordela: the command-line face of the core, for scripts and for checking
// the page's numbers. `compute` runs a scenario; `explain` tells how one
// recipient's amount was computed; `compare` sets two scenarios side by
// side; `apportion` splits seats or an amount among the weights of a CSV
// read on standard input.
#include <algorithm>
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

#include "fordela/api.hpp"
#include "fordela/apportion.hpp"
#include "fordela/bignat.hpp"
#include "fordela/compare.hpp"
#include "fordela/csv.hpp"
#include "fordela/explain.hpp"
#include "fordela/findings.hpp"
#include "fordela/money.hpp"
#include "fordela/result_writer.hpp"
#include "fordela/scenario.hpp"
#include "fordela/utf8.hpp"

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

// ---- reading input -----------------------------------------------------------

// The largest input read, the core's largest document. Reading stops one
// byte past it, so that /dev/zero or an endless pipe ends with a message
// instead of filling the memory.
constexpr std::size_t kMaxInputBytes = fordela::ScenarioLimits{}.max_document_bytes;

struct Input {
  std::string bytes;
  bool too_large = false;  // more than kMaxInputBytes; bytes holds one more
};

std::string input_name(const std::string& path) { return path == "-" ? "standard input" : path; }

// A file, or standard input for "-", up to the limit; nullopt (with the
// reason on stderr) when it cannot be read.
std::optional<Input> read_input(const std::string& path) {
  std::FILE* file = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    std::fprintf(stderr, "fordela: cannot open %s: %s\n", path.c_str(), std::strerror(errno));
    return std::nullopt;
  }
  Input input;
  char buffer[65536];
  while (input.bytes.size() <= kMaxInputBytes) {
    const std::size_t wanted = std::min(sizeof buffer, kMaxInputBytes + 1 - input.bytes.size());
    const std::size_t n = std::fread(buffer, 1, wanted, file);
    if (n == 0) break;
    input.bytes.append(buffer, n);
  }
  input.too_large = input.bytes.size() > kMaxInputBytes;
  const bool failed = std::ferror(file) != 0;
  const int read_errno = errno;
  if (file != stdin) std::fclose(file);
  if (failed) {
    std::fprintf(stderr, "fordela: cannot read %s: %s\n", input_name(path).c_str(), std::strerror(read_errno));
    return std::nullopt;
  }
  return input;
}

// Well-formed UTF-8: no overlong forms, no surrogates, nothing past U+10FFFF.
bool is_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char c = byte(i);
    std::size_t length = 0;
    std::uint32_t code = 0;
    std::uint32_t least = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      length = 2, code = c & 0x1F, least = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      length = 3, code = c & 0x0F, least = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      length = 4, code = c & 0x07, least = 0x10000;
    } else {
      return false;
    }
    if (i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      if ((byte(i + k) & 0xC0) != 0x80) return false;
      code = (code << 6) | (byte(i + k) & 0x3F);
    }
    if (code < least || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return false;
    i += length;
  }
  return true;
}

// Windows-1252's 0x80-0x9F; the five it leaves undefined map to the C1
// controls of the same number, as the page's TextDecoder does.
constexpr std::uint16_t kWindows1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

struct Decoded {
  std::string text;          // UTF-8
  std::string_view encoding;  // what was read when it was not UTF-8
  std::string error;          // why it is no text, if it is not
};

Decoded from_utf16(std::string_view bytes, bool little_endian) {
  Decoded out;
  out.encoding = little_endian ? "UTF-16LE" : "UTF-16BE";
  out.text.reserve(bytes.size());
  const std::size_t units = bytes.size() / 2;
  const auto unit = [&](std::size_t k) {
    const auto a = static_cast<unsigned char>(bytes[2 * k]);
    const auto b = static_cast<unsigned char>(bytes[2 * k + 1]);
    return static_cast<std::uint32_t>(little_endian ? a | (b << 8) : (a << 8) | b);
  };
  for (std::size_t k = 0; k < units; ++k) {
    std::uint32_t code = unit(k);
    if (code >= 0xD800 && code <= 0xDBFF && k + 1 < units && unit(k + 1) >= 0xDC00 && unit(k + 1) <= 0xDFFF) {
      code = 0x10000 + ((code - 0xD800) << 10) + (unit(k + 1) - 0xDC00);
      ++k;
    } else if (code >= 0xD800 && code <= 0xDFFF) {
      out.error = "it is UTF-16 text with half a character (a lone surrogate) at character " + std::to_string(k + 1);
      return out;
    }
    fordela::append_utf8(out.text, code);
  }
  if (bytes.size() % 2 != 0) out.error = "it is UTF-16 text with an odd number of bytes (cut short?)";
  return out;
}

// Text as the page reads a file (web/files.js): UTF-8 with or without a
// BOM, else Windows-1252, what Swedish Excel writes as "CSV
// (semikolonavgränsad)"; and before those, UTF-16 with a BOM, Excel's
// "Unicode text". A NUL byte in the first 4 KiB is no text at all.
Decoded decode_text(std::string bytes) {
  constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
  std::string_view view = bytes;
  if (view.starts_with("\xFF\xFE")) return from_utf16(view.substr(2), true);
  if (view.starts_with("\xFE\xFF")) return from_utf16(view.substr(2), false);
  Decoded out;
  if (view.starts_with(kUtf8Bom)) bytes.erase(0, kUtf8Bom.size());
  if (std::string_view(bytes).substr(0, 4096).find('\0') != std::string_view::npos) {
    out.error = "it is not a text file (it holds NUL bytes)";
    return out;
  }
  if (is_utf8(bytes)) {
    out.text = std::move(bytes);
    return out;
  }
  out.encoding = "Windows-1252";
  out.text.reserve(bytes.size() + bytes.size() / 8);
  for (char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    fordela::append_utf8(out.text, b >= 0x80 && b < 0xA0 ? kWindows1252High[b - 0x80] : b);
  }
  return out;
}

// The input as UTF-8 text, saying on stderr which encoding it was read
// in when not UTF-8; nullopt after saying why it cannot be used. Input
// past the limit is passed on as it is when `pass_too_large`, for the
// core to report (document.too_large) in its own answer.
std::optional<std::string> read_text(const std::string& path, bool pass_too_large = true) {
  std::optional<Input> input = read_input(path);
  if (!input) return std::nullopt;
  if (input->too_large) {
    if (pass_too_large) return std::move(input->bytes);
    const fordela::Finding too_large =
        fordela::make_finding("document.too_large", "", {{"limit", std::to_string(kMaxInputBytes)}});
    std::fprintf(stderr, "fordela: %s: %s (%s)\n", input_name(path).c_str(), too_large.message_en.c_str(),
                 too_large.code.c_str());
    return std::nullopt;
  }
  Decoded decoded = decode_text(std::move(input->bytes));
  if (!decoded.error.empty()) {
    std::fprintf(stderr, "fordela: cannot read %s: %s\n", input_name(path).c_str(), decoded.error.c_str());
    return std::nullopt;
  }
  if (!decoded.encoding.empty()) {
    std::fprintf(stderr, "note: read %s as %.*s\n", input_name(path).c_str(), static_cast<int>(decoded.encoding.size()),
                 decoded.encoding.data());
  }
  return std::move(decoded.text);
}

void write_out(std::string_view text) {
  std::fwrite(text.data(), 1, text.size(), stdout);
  if (!text.empty() && text.back() != '\n') std::fputc('\n', stdout);
}

// ---- reading the core's answers ----------------------------------------------

// "ok" and "findings" of an answer of the core, the rest skipped unbuilt:
// a million recipients' result is 400 MB of text and gigabytes as a DOM.
// Discarded JSON when the answer is not JSON.
nlohmann::json ok_and_findings(std::string_view answer) {
  const auto wanted = [](int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
    return depth != 1 || event != nlohmann::json::parse_event_t::key || parsed == "ok" || parsed == "findings";
  };
  return nlohmann::json::parse(answer, wanted, false);
}

// ---- compute ---------------------------------------------------------------

// For CSV output, which has no room for them: the findings on stderr.
void report_finding(const std::string& severity, const std::string& message, const std::string& code,
                    const std::string& path) {
  std::fprintf(stderr, "%s: %s (%s at %s)\n", severity.c_str(), message.c_str(), code.c_str(), path.c_str());
}

void report_findings(const nlohmann::json& result, const char* language = "en") {
  const auto findings = result.find("findings");
  if (findings == result.end() || !findings->is_array()) return;
  for (const auto& finding : *findings) {
    if (!finding.is_object()) continue;
    std::string message = finding.value("code", "");
    if (auto text = finding.find("message"); text != finding.end() && text->is_object()) {
      message = text->value(language, message);
    }
    report_finding(finding.value("severity", "error"), message, finding.value("code", ""), finding.value("path", ""));
  }
}

int run_compute(const std::vector<std::string_view>& args) {
  const Arguments parsed = parse_arguments(args, {"--format"});
  if (!parsed.error.empty()) return usage_error(parsed.error);
  if (parsed.positional.size() != 1) return usage_error("compute takes one scenario file (or - for standard input)");
  std::string format = "json";
  if (auto it = parsed.options.find("--format"); it != parsed.options.end()) format = it->second;
  if (format != "json" && format != "csv") return usage_error("--format is json or csv, not '" + format + "'");

  const std::optional<std::string> scenario = read_text(parsed.positional[0]);
  if (!scenario) return kUsageError;

  // Printed exactly as the core writes it, so that the page (through
  // WebAssembly) and the CLI can be compared byte for byte; straight to
  // the output as it is written, never whole in memory.
  char last = '\n';
  const fordela::TextSink write = [&](std::string_view text) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    if (!text.empty()) last = text.back();
  };
  const std::vector<fordela::Finding> findings = format == "json"
                                                     ? fordela::write_scenario_result(*scenario, write)
                                                     : fordela::write_scenario_result_csv(*scenario, write);
  if (last != '\n') std::fputc('\n', stdout);
  if (format == "csv") {
    for (const auto& f : findings) report_finding(std::string(fordela::severity_id(f.severity)), f.message_en, f.code, f.path);
  }
  return fordela::has_errors(findings) ? kBadInput : kDone;
}

// ---- explain and compare ----------------------------------------------------

int run_explain(const std::vector<std::string_view>& args) {
  const Arguments parsed = parse_arguments(args, {"--lang"});
  if (!parsed.error.empty()) return usage_error(parsed.error);
  if (parsed.positional.size() < 2) return usage_error("explain takes a scenario file and a recipient's name");
  std::string language = "sv";
  if (auto it = parsed.options.find("--lang"); it != parsed.options.end()) language = it->second;
  if (language != "sv" && language != "en") return usage_error("--lang is sv or en, not '" + language + "'");

  const std::optional<std::string> scenario = read_text(parsed.positional[0]);
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
  const std::optional<std::string> a = read_text(parsed.positional[0]);
  if (!a) return kUsageError;
  const std::optional<std::string> b = read_text(parsed.positional[1]);
  if (!b) return kUsageError;
  const std::string result = fordela::compare_json(*a, *b);
  write_out(result);
  const nlohmann::json parsed_result = ok_and_findings(result);
  return parsed_result.is_object() && parsed_result.value("ok", false) ? kDone : kBadInput;
}

// ---- apportion -------------------------------------------------------------

std::string_view csv_error_text(fordela::CsvError error) {
  switch (error) {
    case fordela::CsvError::none: return "no error";
    case fordela::CsvError::unterminated_quote: return "a quoted field is never closed";
    case fordela::CsvError::text_after_quote: return "text after a closing quote";
    case fordela::CsvError::too_many_rows: return "more than 1 000 000 recipients";
    case fordela::CsvError::too_many_fields: return "too many fields on a line";
    case fordela::CsvError::field_too_long: return "a field is too long";
  }
  return "unreadable CSV";
}

// The options behind the request's fields, for messages.
constexpr std::pair<std::string_view, std::string_view> kOptionOfField[] = {
    {"/method", "--method"}, {"/first_divisor", "--first-divisor"}, {"/min_units", "--min"},
    {"/units", "--seats"},   {"/total", "--total"},                 {"/unit", "--unit"},
};

// "line 7: " for a weight, "--seats: " for an option, "" for the whole.
std::string where(const std::string& path, const std::vector<std::size_t>& weight_lines) {
  constexpr std::string_view kWeight = "/weights/";
  if (path.starts_with(kWeight)) {
    const std::size_t index = std::stoul(path.substr(kWeight.size()));
    return index < weight_lines.size() ? "line " + std::to_string(weight_lines[index]) + ": " : "";
  }
  for (const auto& [field, option] : kOptionOfField) {
    if (path == field) return std::string(option) + ": ";
  }
  return "";
}

// The answer's findings on stderr, in English, errors first; true when
// there was an error. A list of a million bad weights is cut short.
bool report(const std::vector<fordela::Finding>& findings, const std::vector<std::size_t>& weight_lines) {
  constexpr std::size_t kShown = 20;
  std::size_t errors = 0;
  for (const fordela::Finding& f : findings) {
    if (f.severity != fordela::Severity::error) continue;
    if (++errors <= kShown) bad_input(where(f.path, weight_lines) + f.message_en + " (" + f.code + ")");
  }
  if (errors > kShown) bad_input("and " + std::to_string(errors - kShown) + " more errors");
  if (errors > 0) return true;
  for (const fordela::Finding& f : findings) warn(f.message_en + " (" + f.code + ")");
  return false;
}

// Reads "name,weight" rows after a header line into the request; false
// after saying why not. Tab- and semicolon-separated text (Excel's
// "Unicode text", Swedish Excel's CSV) is read by its separator.
bool read_recipients(std::string_view text, fordela::ApportionRequest& request, std::vector<std::size_t>& lines) {
  fordela::CsvLimits limits;
  limits.max_rows += 1;  // the header line is no recipient
  fordela::CsvTable table = fordela::read_csv(text, fordela::guess_separator(text), limits);
  if (!table.ok()) {
    bad_input("line " + std::to_string(table.error_line) + ": " + std::string(csv_error_text(table.error)));
    return false;
  }
  if (table.rows.empty()) {
    bad_input("no CSV on standard input: expected a header line (name,weight) and one line per recipient");
    return false;
  }
  // A first line that reads as data would otherwise be dropped silently.
  if (const auto& header = table.rows[0]; header.size() == 2 && fordela::parse_decimal(header[1]).ok()) {
    bad_input("line " + std::to_string(table.row_lines[0]) + ": expected a header line such as name,weight, found a weight");
    return false;
  }
  const std::size_t count = table.rows.size() - 1;
  request.names.reserve(count);
  request.weights.reserve(count);
  lines.reserve(count);
  for (std::size_t r = 1; r < table.rows.size(); ++r) {
    auto& row = table.rows[r];
    const std::string at = "line " + std::to_string(table.row_lines[r]) + ": ";
    if (row.size() != 2) {
      bad_input(at + "expected 2 fields (name,weight), found " + std::to_string(row.size()));
      return false;
    }
    if (row[0].empty()) {
      const fordela::Finding empty = fordela::make_finding("recipients.empty_name", "", {{"index", std::to_string(r)}});
      bad_input(at + empty.message_en + " (" + empty.code + ")");
      return false;
    }
    request.names.push_back(std::move(row[0]));
    request.weights.push_back({std::move(row[1]), fordela::Notation::written});
    lines.push_back(table.row_lines[r]);
    row = {};  // the rows' memory goes as the request's grows
  }
  return true;
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

  // The same request as apportion_json's, so that the CLI and the page
  // read and refuse alike.
  fordela::ApportionRequest request;
  if (const std::string* method = option("--method")) request.method = *method;
  if (const std::string* divisor = option("--first-divisor")) request.first_divisor = fordela::NumberInput{*divisor};
  if (const std::string* min = option("--min")) request.min_units = fordela::NumberInput{*min};
  if (seats != nullptr) request.units = fordela::NumberInput{*seats};
  if (total != nullptr) request.total = *total;
  if (unit != nullptr) request.unit = *unit;

  // The options are checked before standard input is read, so that a
  // mistyped option does not wait for input: with one weight of 1, any
  // error is the options'.
  {
    fordela::ApportionRequest options_only = request;
    options_only.weights = {{"1"}};
    const fordela::ApportionAnswer answer = fordela::apportion_request(options_only);
    std::vector<fordela::Finding> option_errors;
    for (const auto& f : answer.findings) {
      // What the apportionment itself found depends on the weights.
      const bool about_weights = f.code == "rounding.min_infeasible" || f.code == "rounding.too_few_units" ||
                                 f.code == "apportion.weights_zero" || f.code == "recipients.none";
      if (f.severity == fordela::Severity::error && !about_weights) option_errors.push_back(f);
    }
    if (report(option_errors, {})) return kBadInput;
  }
  if (request.first_divisor && request.method.value_or("") != "sainte-lague") {
    warn("--first-divisor only affects sainte-lague; ignored for " + request.method.value_or("largest-remainder"));
  }

  std::optional<std::string> text = read_text("-", false);
  if (!text) return kBadInput;
  std::vector<std::size_t> lines;
  if (!read_recipients(*text, request, lines)) return kBadInput;
  text.reset();

  const fordela::ApportionAnswer answer = fordela::apportion_request(request);
  if (report(answer.findings, lines) || !answer.ok) return kBadInput;

  std::string out = "name,allocation\n";
  for (std::size_t i = 0; i < request.names.size(); ++i) {
    fordela::append_csv_text_cell(out, request.names[i], ',', true);
    out += ',';
    out += answer.unit_ore > 0 ? fordela::format_kr_plain(answer.allocation[i]) : std::to_string(answer.allocation[i]);
    out += '\n';
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
