// The native row of scripts/bench: times fordela::compute_columns on the
// generated inputs of bench/inputs.md (the same as bench/lib/inputs.js
// makes for the JS and wasm rows) and prints one JSON line per size.
// Times are CPU time of the process (wall time beside them): the machine's
// 2 cores are often shared with other work.
// Usage: fordela-bench [--runs R] N...
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "fordela/columns.hpp"
#include "fordela/scenario.hpp"

namespace {

using fordela::Ore;

// bench/inputs.md: xorshift32, the same sequence as bench/lib/inputs.js.
struct Xorshift32 {
  std::uint32_t state;
  std::uint32_t next() {
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    return state;
  }
};

constexpr std::uint32_t kSeed = 20210525;
constexpr Ore kUnitOre = 1000 * 100;  // 1 000 kr

struct Inputs {
  Ore pot = 0;
  std::vector<std::int64_t> weighted;  // 1·utsatt + 2·risk + 3·särskilt
  std::vector<std::int64_t> population;
  std::vector<Ore> earmark;
};

Inputs generate(std::size_t n) {
  Inputs in;
  in.pot = static_cast<Ore>(n) * 100'000 * 100 + 777 * 100;
  in.weighted.resize(n);
  in.population.resize(n);
  in.earmark.resize(n);
  Xorshift32 rng{kSeed};
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t utsatt = rng.next() % 3;
    const std::uint32_t risk = rng.next() % 2;
    const std::uint32_t sarskilt = rng.next() % 2;
    in.weighted[i] = utsatt + 2 * risk + 3 * sarskilt;
    in.population[i] = 2000 + rng.next() % 198'001;
    in.earmark[i] = static_cast<Ore>(rng.next() % 2001) * 100 * 100;
  }
  return in;
}

fordela::ColumnarScenario scenario_of(const Inputs& in) {
  fordela::ColumnarScenario s;
  s.pot = in.pot;
  s.components.push_back({fordela::Decimal{75 * fordela::Decimal::kScale}, in.weighted});
  s.components.push_back({fordela::Decimal{25 * fordela::Decimal::kScale}, in.population});
  s.earmarks.push_back(in.earmark);
  s.unit = kUnitOre;
  s.method = fordela::Method::largest_remainder;
  s.recipient_level = true;
  return s;
}

// bench/inputs.md: FNV-1a over the low and high 32 bits of each amount,
// the same in bench/lib/inputs.js, so that rows compare without shipping
// a million numbers between processes.
std::uint32_t fingerprint(const std::vector<Ore>& amounts) {
  std::uint32_t h = 2166136261u;
  for (Ore v : amounts) {
    const auto u = static_cast<std::uint64_t>(v);
    h = (h ^ static_cast<std::uint32_t>(u)) * 16777619u;
    h = (h ^ static_cast<std::uint32_t>(u >> 32)) * 16777619u;
  }
  return h;
}

// The same scenario as a document, through compute_scenario_json: checks
// that the columnar entry computes what the page computes.
std::vector<Ore> totals_via_json(const Inputs& in) {
  nlohmann::json doc = {
      {"format", "fordela-scenario"},
      {"version", 1},
      {"pot", {{"total", in.pot / 100}}},
      {"indicators",
       {{{"id", "w"}, {"label", "Viktat antal"}, {"kind", "count"}},
        {{"id", "pop"}, {"label", "Befolkning"}, {"kind", "count"}},
        {{"id", "em"}, {"label", "Öronmärkt"}, {"kind", "amount"}}}},
      {"key",
       {{{"name", "Utsatthet"}, {"share", 75}, {"basis", "indicator"}, {"indicator", "w"}},
        {{"name", "Befolkning"}, {"share", 25}, {"basis", "indicator"}, {"indicator", "pop"}}}},
      {"earmarks", {{{"name", "Öronmärkt"}, {"indicator", "em"}}}},
      {"rounding", {{"unit", kUnitOre / 100}, {"method", "largest-remainder"}, {"level", "recipient"}}},
  };
  auto& recipients = doc["recipients"] = nlohmann::json::array();
  for (std::size_t i = 0; i < in.weighted.size(); ++i) {
    recipients.push_back({{"name", "R" + std::to_string(i)},
                          {"values", {{"w", in.weighted[i]}, {"pop", in.population[i]}, {"em", in.earmark[i] / 100}}}});
  }
  const auto result = nlohmann::json::parse(fordela::compute_scenario_json(doc.dump()), nullptr, false);
  std::vector<Ore> totals;
  if (result.is_discarded() || !result.value("ok", false)) return totals;
  for (const auto& r : result["recipients"]) totals.push_back(r["total_ore"].get<Ore>());
  return totals;
}

// CPU time of this process (single-threaded), in ns: other work on the
// shared cores does not count, as it would in wall time.
double cpu_now() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e9 + static_cast<double>(ts.tv_nsec);
}

constexpr double kMinSampleNs = 20e6;

double median_of(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

int usage() {
  std::fputs("usage: fordela-bench [--runs R] N...\n", stderr);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 5;
  std::vector<std::size_t> sizes;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--runs" && i + 1 < argc) {
      runs = std::atoi(argv[++i]);
    } else if (!arg.empty() && arg.find_first_not_of("0123456789") == std::string_view::npos) {
      sizes.push_back(std::strtoull(argv[i], nullptr, 10));
    } else {
      return usage();
    }
  }
  if (sizes.empty() || runs < 1) return usage();

  for (const std::size_t n : sizes) {
    const Inputs in = generate(n);
    const fordela::ColumnarScenario scenario = scenario_of(in);
    // Warm-up, the answer, and how many calls make one sample of at least
    // kMinSampleNs (small n: one call is too short to time alone).
    const double once = cpu_now();
    fordela::ColumnarResult result = fordela::compute_columns(scenario);
    const int calls = std::max(1, static_cast<int>(kMinSampleNs / std::max(1.0, cpu_now() - once)));
    bool stable = true;  // every run gives the same answer
    std::vector<double> cpu_ns;
    std::vector<double> wall_ns;
    for (int r = 0; r < runs; ++r) {
      const double cpu_start = cpu_now();
      const auto start = std::chrono::steady_clock::now();
      for (int c = 0; c < calls; ++c) {
        fordela::ColumnarResult again = fordela::compute_columns(scenario);
        stable = stable && again.total == result.total;
      }
      const auto stop = std::chrono::steady_clock::now();
      cpu_ns.push_back((cpu_now() - cpu_start) / calls);
      wall_ns.push_back(std::chrono::duration<double, std::nano>(stop - start).count() / calls);
    }
    const double median = median_of(cpu_ns);
    const double wall = median_of(wall_ns);

    nlohmann::json line = {
        {"impl", "native"},
        {"n", n},
        {"runs", runs},
        {"ok", result.ok() && stable && result.total.size() == n},
        {"calls_per_run", calls},
        {"median_ms", median / 1e6},
        {"ns_per_recipient", median / static_cast<double>(n)},
        {"wall_ns_per_recipient", wall / static_cast<double>(n)},
        {"fingerprint", fingerprint(result.total)},
        {"not_allocated_ore", result.not_allocated},
    };
    std::vector<std::string> codes;
    for (const auto& f : result.findings) codes.push_back(f.code);
    line["findings"] = codes;
    // A JSON document of a million recipients is past the 64 MiB limit.
    if (n <= 100'000) line["same_as_document"] = totals_via_json(in) == result.total;
    std::printf("%s\n", line.dump().c_str());
    std::fflush(stdout);
  }
  return 0;
}
