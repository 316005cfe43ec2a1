// Micro-benchmarks for the Liquid engine: parse, and render of an already
// parsed template, for small (~200 B), typical (~2 KB) and large (~200 KB)
// code-like templates from bench/data/ (see its README for how "large" is
// built). Throughput is template source bytes per second, the same measure
// bench/liquidjs_bench.mjs reports for LiquidJS, so bench/compare-liquidjs
// can divide one by the other.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "liquid/json.h"
#include "liquid/liquid.h"

namespace hypergen::liquid {
namespace {

constexpr std::size_t kLargeMinBytes = 200 * 1024;

struct Corpus {
  std::vector<std::pair<std::string, std::string>> templates;  // size name → source
  Value data;
};

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buf;
  buf << in.rdbuf();
  out = buf.str();
  return true;
}

bool load_corpus(const std::string& dir, Corpus& corpus) {
  std::string small;
  std::string typical;
  std::string json;
  if (!read_file(dir + "/small.liquid", small) || !read_file(dir + "/typical.liquid", typical) ||
      !read_file(dir + "/data.json", json)) {
    std::fprintf(stderr, "liquid_bench: cannot read templates from %s\n", dir.c_str());
    return false;
  }
  auto data = parse_json(json, "data.json");
  if (!data) {
    std::fprintf(stderr, "liquid_bench: %s\n", data.error().message.c_str());
    return false;
  }
  std::string large;
  while (large.size() < kLargeMinBytes) large += typical;
  corpus.templates = {
      {"small", std::move(small)}, {"typical", std::move(typical)}, {"large", std::move(large)}};
  corpus.data = std::move(*data);
  return true;
}

void bm_parse(benchmark::State& state, const Engine& engine, const std::string& source) {
  for (auto _ : state) {
    auto tpl = engine.parse(source, "bench.liquid");
    if (!tpl) {
      state.SkipWithError(tpl.error().message.c_str());
      return;
    }
    benchmark::DoNotOptimize(tpl->get());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(source.size()));
}

void bm_render(benchmark::State& state, const Engine& engine, const std::string& source,
               const Value& data) {
  auto tpl = engine.parse(source, "bench.liquid");
  if (!tpl) {
    state.SkipWithError(tpl.error().message.c_str());
    return;
  }
  std::string out;
  for (auto _ : state) {
    out.clear();
    auto status = engine.render_to(**tpl, data, out);
    if (!status) {
      state.SkipWithError(status.error().message.c_str());
      return;
    }
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(source.size()));
  state.counters["output_bytes"] = static_cast<double>(out.size());
}

}  // namespace
}  // namespace hypergen::liquid

int main(int argc, char** argv) {
  using hypergen::liquid::Corpus;
  using hypergen::liquid::Engine;
  const char* dir_env = std::getenv("HYPERGEN_BENCH_DATA_DIR");
  const std::string dir = dir_env != nullptr ? dir_env : HYPERGEN_BENCH_DATA_DIR;
  Corpus corpus;
  if (!hypergen::liquid::load_corpus(dir, corpus)) return 1;
  const Engine engine;

  for (const auto& [size, source] : corpus.templates) {
    benchmark::RegisterBenchmark(("liquid_parse/" + size).c_str(),
                                 [&engine, &source = source](benchmark::State& st) {
                                   hypergen::liquid::bm_parse(st, engine, source);
                                 });
  }
  for (const auto& [size, source] : corpus.templates) {
    benchmark::RegisterBenchmark(("liquid_render/" + size).c_str(),
                                 [&engine, &source = source, &corpus](benchmark::State& st) {
                                   hypergen::liquid::bm_render(st, engine, source, corpus.data);
                                 });
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
