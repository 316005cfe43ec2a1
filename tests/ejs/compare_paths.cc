// compare-paths SOURCE_DIR
// Renders every EJS text of the repository's test templates through both
// EJS paths — the native evaluator (ejs/native.h) and SpiderMonkey
// (js/runtime.h) — with the same locals, and fails on any difference in
// output or in the error (message, line, excerpt). Texts outside the native
// subset are counted, not compared. Also checks that the subset's list of
// engine globals covers the engine's global object.
//
// Templates: tests/e2e/*/_templates/** and tests/compat/*/_templates/** (the
// Hygen compatibility suite; each top-level string attribute with
// tags and the body, with the case's `cmd` flags as extra locals),
// tests/ejs/compile/*.ejs and tests/ejs/native/*.ejs (whole files).
// Exit: 0 all agree, 1 a difference, 125 SpiderMonkey cannot be loaded.

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "ejs/compile.h"
#include "ejs/js_subset.h"
#include "ejs/native.h"
#include "frontmatter/frontmatter.h"
#include "js/runtime.h"
#include "render/render.h"

namespace fs = std::filesystem;
using namespace hypergen;

namespace {

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Hygen-like locals of a generation `g new <name>`, the case's flags, and a
// few values the corpus uses.
liquid::Value make_locals(const std::vector<std::string>& cmd) {
  liquid::Object o;
  std::string name = "card thing";
  std::vector<std::pair<std::string, liquid::Value>> flags;
  std::size_t positional = 0;
  for (std::size_t i = 0; i < cmd.size(); ++i) {
    const std::string& a = cmd[i];
    if (a.starts_with("--") && a.size() > 2) {
      std::string key = a.substr(2);
      if (auto eq = key.find('='); eq != std::string::npos) {
        flags.emplace_back(key.substr(0, eq), liquid::Value(key.substr(eq + 1)));
      } else if (i + 1 < cmd.size() && !cmd[i + 1].starts_with("--")) {
        flags.emplace_back(key, liquid::Value(cmd[++i]));
      } else {
        flags.emplace_back(key, liquid::Value(true));
      }
    } else if (positional++ == 2) {
      name = a;
    }
  }
  o.set("name", liquid::Value(name));
  o.set("templates", liquid::Value("/work/_templates"));
  o.set("actionfolder", liquid::Value("/work/_templates/g/new"));
  o.set("generator", liquid::Value("g"));
  o.set("action", liquid::Value("new"));
  o.set("_", liquid::Value(liquid::Array{liquid::Value("g"), liquid::Value("new")}));
  o.set("ts", liquid::Value(std::int64_t{1700000000000}));
  o.set("items", liquid::Value(liquid::Array{liquid::Value("alpha"), liquid::Value("beta"),
                                             liquid::Value("gamma")}));
  o.set("count", liquid::Value(3));
  o.set("ratio", liquid::Value(0.1));
  o.set("negzero", liquid::Value(-0.0));
  o.set("flag", liquid::Value(true));
  o.set("empty", liquid::Value(""));
  o.set("nothing", liquid::Value(nullptr));
  o.set("html", liquid::Value("Tom & Jerry <\"x\"> 'y'"));
  o.set("unicode", liquid::Value("Ünïcödé wörd 😀"));
  liquid::Object nested;
  nested.set("a", liquid::Value(1));
  nested.set("b", liquid::Value("x"));
  nested.set("list", liquid::Value(liquid::Array{liquid::Value(1), liquid::Value(nullptr),
                                                 liquid::Value("b")}));
  o.set("obj", liquid::Value(std::move(nested)));
  for (const char* letter : {"a", "b", "c", "d", "x", "y", "z"}) {
    o.set(letter, liquid::Value(std::string("<") + letter + ">"));
  }
  for (auto& [k, v] : flags) o.set(k, std::move(v));
  o.set("cwd", liquid::Value("/work"));
  o.set("Name",
        liquid::Value(std::string(1, static_cast<char>(std::toupper(name[0]))) + name.substr(1)));
  o.set("names", liquid::Value(name + "s"));
  o.set("Names", liquid::Value(std::string(1, static_cast<char>(std::toupper(name[0]))) +
                               name.substr(1) + "s"));
  return liquid::Value(std::move(o));
}

struct Stats {
  int compared = 0, agreed_errors = 0, engine_only = 0, bailed = 0, failed = 0;
  std::map<std::string, int> reasons;
};

std::string describe(const Error& e) {
  return "line " + std::to_string(e.where.line) + ": " + e.message + "\n" + e.context;
}

void compare(const std::string& label, const std::string& text, const liquid::Value& locals,
             const liquid::Value* attributes, Stats& st) {
  auto analysis = ejs::analyze(text);
  bool verbose = std::getenv("COMPARE_VERBOSE") != nullptr;
  if (!analysis->native()) {
    ++st.engine_only;
    ++st.reasons[analysis->unsupported];
    if (verbose) std::cout << "engine only: " << label << ": " << analysis->unsupported << "\n";
    return;
  }
  for (const std::string& name : analysis->program.assigned_free) {
    if (!locals.as_object().find(name) && name != "h" && name != "subaction" &&
        !(attributes && name == "attributes")) {
      ++st.engine_only;
      ++st.reasons["assigns a global"];
      return;
    }
  }
  js::RuntimeOptions options;
  options.cwd = "/work";
  js::Runtime runtime(std::move(options));
  auto engine = runtime.render_ejs(text, locals, render::ejs_locals_source(locals, attributes));
  ejs::NativeRenderer renderer("/work");
  auto native_locals = render::ejs_native_locals(locals, attributes);
  ejs::NativeOutcome native = renderer.render(*analysis, text, native_locals);
  if (native.kind == ejs::NativeOutcome::Kind::kBail) {
    ++st.bailed;
    ++st.reasons["bail: " + native.bail];
    if (verbose) std::cout << "bailed: " << label << ": " << native.bail << "\n";
    return;
  }
  ++st.compared;
  bool same;
  std::string what;
  if (native.kind == ejs::NativeOutcome::Kind::kOk && engine) {
    same = native.output == *engine;
    what = "engine: [" + *engine + "]\nnative: [" + native.output + "]";
  } else if (native.kind == ejs::NativeOutcome::Kind::kError && !engine) {
    same = native.error.message == engine.error().message &&
           native.error.where.line == engine.error().where.line &&
           native.error.context == engine.error().context;
    if (same) ++st.agreed_errors;
    what = "engine: " + describe(engine.error()) + "\nnative: " + describe(native.error);
  } else {
    same = false;
    what = "engine: " + (engine ? "[" + *engine + "]" : describe(engine.error())) + "\nnative: " +
           (native.kind == ejs::NativeOutcome::Kind::kOk ? "[" + native.output + "]"
                                                         : describe(native.error));
  }
  if (verbose) {
    std::cout << (same ? "same: " : "DIFFERENT: ") << label << "\n" << what << "\n\n";
  }
  if (!same) {
    ++st.failed;
    std::cout << "DIFFERENT: " << label << "\n" << what << "\n\n";
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: compare-paths SOURCE_DIR\n";
    return 2;
  }
  fs::path root = argv[1];
  {
    js::RuntimeOptions probe_options;
    probe_options.cwd = "/work";
    js::Runtime probe(std::move(probe_options));
    auto globals = probe.eval("Object.getOwnPropertyNames(globalThis).join(',')", "probe.js");
    if (!globals) {
      std::cout << "SKIP: the JavaScript engine cannot be loaded: " << globals.error().message
                << "\n";
      return 125;
    }
    int missing = 0;
    std::stringstream names(*globals);
    for (std::string name; std::getline(names, name, ',');) {
      if (!ejs::subset::is_engine_global(name) && !name.starts_with("__")) {
        std::cout << "engine global missing from js_subset.cc kEngineGlobals: " << name << "\n";
        ++missing;
      }
    }
    if (missing) return 1;
  }

  Stats st;
  int files = 0;
  std::vector<fs::path> e2e_cases;
  for (const char* suite : {"tests/e2e", "tests/compat"}) {
    if (!fs::is_directory(root / suite)) continue;
    for (const auto& entry : fs::directory_iterator(root / suite)) {
      if (fs::is_directory(entry.path() / "_templates")) e2e_cases.push_back(entry.path());
    }
  }
  std::sort(e2e_cases.begin(), e2e_cases.end());
  for (const fs::path& dir : e2e_cases) {
    std::vector<std::string> cmd;
    {
      std::ifstream in(dir / "cmd");
      for (std::string line; std::getline(in, line);) {
        if (!line.empty()) cmd.push_back(line);
      }
    }
    liquid::Value locals = make_locals(cmd);
    std::vector<fs::path> templates;
    for (const auto& entry : fs::recursive_directory_iterator(dir / "_templates")) {
      std::string file = entry.path().filename().string();
      if (!entry.is_regular_file()) continue;
      if (render::engine_for(file).kind != render::EngineKind::kEjs) continue;
      templates.push_back(entry.path());
    }
    std::sort(templates.begin(), templates.end());
    for (const fs::path& p : templates) {
      std::string text = read(p);
      auto split = frontmatter::split(text);
      std::string label = fs::relative(p, root).string();
      if (!split.has_frontmatter) continue;  // inert or not a template
      ++files;
      auto attrs = frontmatter::parse_yaml(split.yaml, label, split.yaml_line);
      if (!attrs) continue;
      liquid::Value rendered = attrs->values;
      for (const auto& [key, value] : attrs->values.as_object()) {
        if (!value.is_string() || attrs->regexps.count(key)) continue;
        if (ejs::is_plain_text(value.as_string())) continue;
        compare(label + " (" + key + ")", value.as_string(), locals, nullptr, st);
      }
      if (!ejs::is_plain_text(split.body)) compare(label, split.body, locals, &rendered, st);
    }
  }
  for (const char* sub : {"tests/ejs/compile", "tests/ejs/native"}) {
    std::vector<fs::path> list;
    if (!fs::is_directory(root / sub)) continue;
    for (const auto& entry : fs::directory_iterator(root / sub)) {
      if (entry.path().extension() == ".ejs") list.push_back(entry.path());
    }
    std::sort(list.begin(), list.end());
    liquid::Value locals = make_locals({});
    for (const fs::path& p : list) {
      ++files;
      compare(fs::relative(p, root).string(), read(p), locals, nullptr, st);
    }
  }
  std::cout << files << " template files; " << st.compared
            << " EJS texts rendered through both paths (" << st.agreed_errors
            << " of them errors), " << st.failed << " different; " << st.engine_only
            << " outside the native subset, " << st.bailed << " bailed to the engine\n";
  for (const auto& [why, n] : st.reasons) std::cout << "  " << n << " x " << why << "\n";
  return st.failed ? 1 : 0;
}
