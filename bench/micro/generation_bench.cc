// Micro-benchmarks for the hot paths of a generation that do not touch the
// disk (in-memory file system), each next to the way it was done before so
// the ratio is measured in one run:
//   MergeGenerators/N            resolve::merge_generators over N generators
//                                (the name → position map)
//   MergeGeneratorsQuadratic/N   the same merge done with a linear search per
//                                generator (the algorithm it replaced)
//   ResolveOutputPaths/one_by_one  resolve_output_path for 500 targets, each
//                                  checking every ancestor with lstat
//   ResolveOutputPaths/memoised    one OutputPathResolver for the 500
//   RenderFiles/fresh            render_one × 50 without a cache
//   RenderFiles/cached           the same with compiled files from the cache
//   ParseHeader/yaml_cpp         a typical template header (to, inject,
//                                after, skip_if, force) through yaml-cpp
//                                + the js-yaml rules (parse_yaml_full)
//   ParseHeader/fast_path        the same header through parse_yaml, which
//                                takes the fast path for simple headers
#include <benchmark/benchmark.h>

#include <algorithm>
#include <string>
#include <vector>

#include "apply/paths.h"
#include "cache/cache.h"
#include "discover/discover.h"
#include "frontmatter/frontmatter.h"
#include "liquid/liquid.h"
#include "render/render.h"
#include "resolve/resolve.h"
#include "util/fs_memory.h"

namespace hypergen {
namespace {

std::vector<discover::GeneratorInfo> make_generators(int n) {
  std::vector<discover::GeneratorInfo> all;
  for (int i = 0; i < n; ++i) {
    discover::GeneratorInfo g;
    g.name = "gen" + std::to_string((i * 7919) % n);  // not in order
    discover::ActionInfo a;
    a.name = "new";
    g.actions.push_back(a);
    all.push_back(std::move(g));
  }
  return all;
}

void MergeGenerators(benchmark::State& state) {
  auto all = make_generators(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto merged = resolve::merge_generators(all);
    benchmark::DoNotOptimize(merged.data());
  }
}
BENCHMARK(MergeGenerators)->Arg(10)->Arg(500)->Arg(2000);

void MergeGeneratorsQuadratic(benchmark::State& state) {
  auto all = make_generators(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    std::vector<discover::GeneratorInfo> merged;
    for (const auto& g : all) {
      auto it = std::find_if(merged.begin(), merged.end(),
                             [&](const auto& m) { return m.name == g.name; });
      if (it == merged.end()) merged.push_back(g);
    }
    std::sort(merged.begin(), merged.end(),
              [](const auto& x, const auto& y) { return x.name < y.name; });
    benchmark::DoNotOptimize(merged.data());
  }
}
BENCHMARK(MergeGeneratorsQuadratic)->Arg(10)->Arg(500)->Arg(2000);

struct PathsFixture {
  MemoryFileSystem fs;
  std::vector<std::string> tos;
  PathsFixture() {
    fs.add_dir("/home/user/projects/app/src/components");
    for (int i = 0; i < 500; ++i) {
      tos.push_back("src/components/widget/f" + std::to_string(i) + ".tsx");
    }
  }
};

void ResolveOutputPaths(benchmark::State& state) {
  PathsFixture f;
  const std::string root = "/home/user/projects/app";
  for (auto _ : state) {
    if (state.range(0) == 0) {
      for (const auto& to : f.tos) {
        benchmark::DoNotOptimize(apply::resolve_output_path(f.fs, root, root, to, false));
      }
    } else {
      apply::OutputPathResolver resolver(f.fs, root, root, false);
      for (const auto& to : f.tos) benchmark::DoNotOptimize(resolver.resolve(to));
    }
  }
}
BENCHMARK(ResolveOutputPaths)->ArgName("memoised")->Arg(0)->Arg(1);

void RenderFiles(benchmark::State& state) {
  liquid::Engine engine;
  liquid::Object o;
  o.set("name", liquid::Value("widget"));
  o.set("Name", liquid::Value("Widget"));
  liquid::Value locals(std::move(o));
  std::vector<std::string> texts;
  for (int i = 0; i < 50; ++i) {
    texts.push_back("---\nto: src/{{ name }}/f" + std::to_string(i) +
                    ".jsx\n---\nexport const {{ Name }}" + std::to_string(i) +
                    " = () => <div className=\"{{ name | kebab_case }}\">{{ Name }}</div>;\n");
  }
  cache::Cache cache({}, nullptr);
  cache::Cache* use = state.range(0) ? &cache : nullptr;
  for (auto _ : state) {
    for (std::size_t i = 0; i < texts.size(); ++i) {
      benchmark::DoNotOptimize(render::render_one(engine, "/t/f" + std::to_string(i) + ".liquid.t",
                                                  "f.liquid.t", texts[i], locals, use));
    }
  }
}
BENCHMARK(RenderFiles)->ArgName("cached")->Arg(0)->Arg(1);

void ParseHeader(benchmark::State& state) {
  const std::string yaml =
      "to: src/{{ name }}/index.ts\ninject: true\nafter: \"export const routes\"\n"
      "skip_if: '{{ name }}Route'\nforce: false";
  const bool fast = state.range(0) == 1;
  for (auto _ : state) {
    auto attrs = fast ? frontmatter::parse_yaml(yaml, "t.liquid.t", 2)
                      : frontmatter::parse_yaml_full(yaml, "t.liquid.t", 2);
    if (!attrs) state.SkipWithError("parse failed");
    benchmark::DoNotOptimize(attrs);
  }
}
BENCHMARK(ParseHeader)->ArgName("fast_path")->Arg(0)->Arg(1);

}  // namespace
}  // namespace hypergen
