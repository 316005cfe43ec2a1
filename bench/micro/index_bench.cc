// Micro-benchmarks for the persistent template index (src/index/) on a
// deterministic synthetic workspace of 2,000 generators / 25,000 templates,
// written once into a temp folder (removed at exit):
//   IndexLoad/parse          read + check the index file (no validation)
//   IndexLoad/generators     load + validate what `list` needs (warm)
//   IndexLoad/full           load + validate every template by stat (warm)
//   IndexEnsureAction        one action validated for a generation (warm)
//   IndexRebuild/generators  rebuild for `list` with no index
//   IndexRebuild/full        rebuild everything (reads every template)
// Set HYPERGEN_BENCH_WORKSPACE to reuse a folder between runs.
#include <benchmark/benchmark.h>

#include <stdlib.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "index/index.h"
#include "util/fs.h"

namespace hypergen::index {
namespace {

constexpr int kGenerators = 2000;
constexpr int kTemplates = 25000;

struct Workspace {
  std::string dir;
  std::vector<std::string> roots;
  bool owned = false;

  Workspace() {
    if (const char* env = std::getenv("HYPERGEN_BENCH_WORKSPACE")) {
      dir = env;
    } else {
      char tmpl[] = "/tmp/hypergen-index-bench-XXXXXX";
      if (::mkdtemp(tmpl) == nullptr) std::abort();
      dir = tmpl;
      owned = true;
    }
    roots = {dir + "/_templates"};
    auto fs = make_real_file_system();
    if (fs->stat(roots[0])->exists()) return;
    // 2,000 generators × (new: 6 templates, add: 6 or 7) = 25,000 templates.
    int written = 0;
    for (int g = 0; g < kGenerators; ++g) {
      std::string gen = roots[0] + "/gen-" + std::to_string(g);
      for (const char* action : {"new", "add"}) {
        int count = std::string(action) == "new" ? 6 : (g % 2 == 0 ? 7 : 6);
        std::string adir = gen + "/" + action;
        (void)fs->make_dirs(adir + "/sub");
        for (int t = 0; t < count; ++t, ++written) {
          std::string name = (t % 3 == 2 ? "/sub/file-" : "/file-") + std::to_string(t) + ".ts.t";
          std::string body = "---\nto: src/<%= name %>/file-" + std::to_string(t) +
                             ".ts\nunless_exists: true\n---\nexport const v" + std::to_string(t) +
                             " = '<%= name %>';\n// generator " + std::to_string(g) + "\n";
          (void)fs->write_file(adir + name, body, false);
        }
      }
      if (g % 10 == 0) (void)fs->write_file(gen + "/template.yml", "name: gen\n", false);
    }
    if (written != kTemplates) std::abort();
  }
  ~Workspace() {
    if (owned) std::filesystem::remove_all(dir);
  }
};

Workspace& workspace() {
  static Workspace w;
  return w;
}

Options options(Depth depth) {
  Options o;
  o.depth = depth;
  return o;
}

void ensure_full_index(FileSystem& fs) {
  auto& w = workspace();
  (void)load_or_build(fs, w.dir, w.roots, options(Depth::kFull), nullptr);
}

void BM_IndexLoadParse(benchmark::State& state) {
  auto fs = make_real_file_system();
  ensure_full_index(*fs);
  std::string path = index_path(workspace().dir);
  for (auto _ : state) {
    auto bytes = fs->read_file(path);
    auto index = Index::from_bytes(std::move(*bytes));
    benchmark::DoNotOptimize(index->generator_count());
  }
  state.counters["bytes"] = static_cast<double>(fs->stat(path)->size);
}
BENCHMARK(BM_IndexLoadParse)->Name("IndexLoad/parse")->Unit(benchmark::kMillisecond);

void BM_IndexLoad(benchmark::State& state, Depth depth) {
  auto fs = make_real_file_system();
  ensure_full_index(*fs);
  auto& w = workspace();
  Freshness freshness = Freshness::kRebuilt;
  for (auto _ : state) {
    auto r = load_or_build(*fs, w.dir, w.roots, options(depth), nullptr);
    freshness = r->report.freshness;
    benchmark::DoNotOptimize(r->index.generator_count());
  }
  if (freshness != Freshness::kFresh) state.SkipWithError("index was not fresh");
}
BENCHMARK_CAPTURE(BM_IndexLoad, generators, Depth::kGenerators)
    ->Name("IndexLoad/generators")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_IndexLoad, full, Depth::kFull)
    ->Name("IndexLoad/full")
    ->Unit(benchmark::kMillisecond);

void BM_IndexEnsureAction(benchmark::State& state) {
  auto fs = make_real_file_system();
  ensure_full_index(*fs);
  auto& w = workspace();
  auto r = load_or_build(*fs, w.dir, w.roots, options(Depth::kGenerators), nullptr);
  auto action = r->index.find_action("gen-1234", "add");
  for (auto _ : state) {
    auto a =
        ensure_action(*fs, w.dir, r->index, action->index, options(Depth::kGenerators), nullptr);
    benchmark::DoNotOptimize(a->template_count);
  }
}
BENCHMARK(BM_IndexEnsureAction)->Name("IndexEnsureAction")->Unit(benchmark::kMicrosecond);

void BM_IndexRebuild(benchmark::State& state, Depth depth) {
  auto fs = make_real_file_system();
  auto& w = workspace();
  for (auto _ : state) {
    state.PauseTiming();
    (void)index_clear(*fs, w.dir);
    state.ResumeTiming();
    auto r = load_or_build(*fs, w.dir, w.roots, options(depth), nullptr);
    benchmark::DoNotOptimize(r->index.template_count());
  }
  ensure_full_index(*fs);
}
BENCHMARK_CAPTURE(BM_IndexRebuild, generators, Depth::kGenerators)
    ->Name("IndexRebuild/generators")
    ->Unit(benchmark::kMillisecond)
    ->Iterations(10);
BENCHMARK_CAPTURE(BM_IndexRebuild, full, Depth::kFull)
    ->Name("IndexRebuild/full")
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);

}  // namespace
}  // namespace hypergen::index
