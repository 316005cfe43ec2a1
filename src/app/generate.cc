#include "app/generate.h"

#include <algorithm>
#include "app/cache_command.h"

#include <chrono>
#include <thread>

#include "app/execute.h"
#include "app/hooks.h"
#include "app/partials.h"
#include "app/trust.h"
#include "app/v8.h"
#include "app/workspace.h"
#include "args/args.h"
#include "config/config.h"
#include "discover/discover.h"
#include "js/runtime.h"
#include "liquid/liquid.h"
#include "manifest/values.h"
#include "render/render.h"
#include "report/report.h"
#include "resolve/resolve.h"
#include "util/spellcheck.h"

namespace hypergen::app {

namespace {

bool flag(const args::ParsedArgs& parsed, std::string_view key) {
  const liquid::Value* v = parsed.option(key);
  return v && args::js_truthy(*v);
}

}  // namespace

Status generate_command(Context& ctx, std::span<const std::string> raw_args,
                        std::span<const std::string> extra_names) {
  args::ParsedArgs parsed = args::parse_argv(raw_args);
  bool dry = flag(parsed, "dry");
  bool json = flag(parsed, "json");
  bool force = flag(parsed, "force");
  bool allow_outside = flag(parsed, "allow-outside") || flag(parsed, "allowOutside");
  int jobs = 0;
  if (const liquid::Value* j = parsed.option("jobs")) {
    if (!j->is_int() || j->as_int() < 1 || j->as_int() > 1024) {
      return make_error(ErrorKind::kUsage,
                        "--jobs needs a whole number from 1 to 1024, got '" + j->to_output() + "'");
    }
    jobs = static_cast<int>(j->as_int());
    // More threads than cores only adds switching (and oneTBB warns about
    // arenas larger than its worker limit); the output is the same anyway.
    int cores = static_cast<int>(std::thread::hardware_concurrency());
    if (cores > 0 && jobs > cores) jobs = cores;
  }
  auto cfg = load_project_config(ctx);
  if (!cfg) return tl::unexpected(cfg.error());
  // --trust: code from every source may run, for this run (docs/packages.md).
  if (flag(parsed, "trust")) config::trust_all(*cfg, "--trust");
  // Without --jobs, `perf.jobs` from the project file (`hypergen perf optimize`
  // records the fastest value it measured there).
  if (jobs == 0 && cfg->perf.jobs > 0) {
    int cores = static_cast<int>(std::thread::hardware_concurrency());
    jobs = cores > 0 ? std::min(cfg->perf.jobs, cores) : cfg->perf.jobs;
  }
  Metrics* metrics = ctx.metrics;

  // A V8 generator (template.yml) under the same roots runs its own way
  // (before .hygen.js, a Hygen file, as `hypergen action NAME` does).
  if (!parsed.positionals.empty() && parsed.positionals[0].is_string()) {
    std::optional<std::string> second;
    if (parsed.positionals.size() > 1 && parsed.positionals[1].is_string()) {
      second = parsed.positionals[1].as_string();
    }
    bool used_action = false;
    if (auto v8 =
            v8_for_words(ctx, *cfg, parsed.positionals[0].as_string(), second, &used_action)) {
      // Every word but the generator (and action) word, flags and their
      // values kept in place: the parser said which words those are, so a
      // flag before the generator word (`--style scss card`) keeps its value.
      std::vector<std::string> rest(raw_args.begin(), raw_args.end());
      auto drop = [&](const std::string& word, std::size_t from) -> std::size_t {
        for (std::size_t i = from; i < rest.size(); ++i) {
          if (rest[i] == "--") break;
          if (rest[i] == word) {
            rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(i));
            return i;
          }
        }
        return rest.size();
      };
      std::size_t at = drop(parsed.positionals[0].as_string(), 0);
      if (used_action && second) drop(*second, at);
      return run_v8(ctx, *cfg, *v8, rest);
    }
  }

  // The run's JavaScript realm, started only if .hygen.js, an embedded hook
  // or an EJS template with tags needs it.
  HookAsker asker(ctx, nullptr, !json);
  js::RuntimeOptions jsopts;
  jsopts.cwd = ctx.cwd;
  jsopts.out = [&](std::string_view text) { ctx.console.out(text); };
  jsopts.err = [&](std::string_view text) { ctx.console.err(text); };
  jsopts.getenv = [&](std::string_view name) { return ctx.env.get(name); };
  jsopts.ask = [&](const liquid::Value& specs, const js::ValidateFn& validate) {
    return asker.ask(specs, validate);
  };
  jsopts.max_render_time = std::chrono::milliseconds(cfg->limits.render_time_ms);
  jsopts.max_output_bytes = cfg->limits.output_bytes;
  js::Runtime js_runtime(std::move(jsopts));

  // .hygen.js (spec §4.2): found walking up from the cwd, loaded even when
  // the command is going to fail.
  std::string run_cwd = ctx.cwd;
  js::ConfigSummary hygen_js;
  std::vector<std::string> js_roots{cfg->project_root, ctx.cwd};
  for (const auto& root : cfg->templates) js_roots.push_back(root.path);
  if (std::string file = find_hygen_js(ctx.fs, ctx.cwd); !file.empty()) {
    js_roots.push_back(file.substr(0, file.rfind('/')));
    liquid::Object base;
    base.set("templates", liquid::Value(cfg->templates.empty() ? ctx.cwd + "/_templates"
                                                               : cfg->templates.front().path));
    base.set("cwd", liquid::Value(ctx.cwd));
    auto loaded = load_hygen_js(ctx, js_runtime, file, liquid::Value(std::move(base)), js_roots);
    if (!loaded) return tl::unexpected(loaded.error());
    hygen_js = std::move(*loaded);
    if (hygen_js.templates) {
      // It replaces the project's roots; declared packages stay after it.
      std::vector<config::TemplateRoot> roots{
          {config::absolute_path(ctx.cwd, *hygen_js.templates), ".hygen.js"}};
      for (auto& r : cfg->templates) {
        if (!r.package.empty()) roots.push_back(std::move(r));
      }
      cfg->templates = std::move(roots);
      js_roots.push_back(cfg->templates.front().path);
    }
    if (hygen_js.cwd) run_cwd = config::absolute_path(ctx.cwd, *hygen_js.cwd);
  }

  // Finish or undo a crashed earlier run before looking at any target.
  auto recovered = recover_first(ctx, *cfg, dry, json, allow_outside);
  if (!recovered) return tl::unexpected(recovered.error());
  std::string recovery = std::move(*recovered);

  ScopedTimer resolve_timer(metrics, Stage::kResolve);
  auto res = resolve::resolve_action(ctx.fs, *cfg, parsed.positionals);
  resolve_timer.stop();
  if (!res) {
    Error e = res.error();
    if (e.kind == ErrorKind::kNotFound && e.message.find("did you mean") == std::string::npos &&
        !parsed.positionals.empty() && parsed.positionals[0].is_string()) {
      if (auto hint = suggest(parsed.positionals[0].as_string(), extra_names)) {
        e.message += " (did you mean '" + *hint + "'? it is a command)";
      }
    }
    return tl::unexpected(e);
  }
  std::string rerun = "hypergen";
  for (const std::string& w : raw_args) rerun += " " + manifest::shell_quote(w);
  // The hook runs before the action folder is checked (spec §1, §6). One
  // from an untrusted source is code that needs trust: refused (listing
  // it), or in a dry run not run and listed in the report.
  liquid::Value hook_result;
  std::vector<report::NeedsTrust> needs_trust;
  std::string hook = discover::find_hook_file(ctx.fs, res->action_dir);
  if (!hook.empty()) {
    if (auto n = untrusted_code(ctx, *cfg, hook, "hook", "")) {
      if (!dry) return tl::unexpected(untrusted_error(*cfg, {&*n, 1}, rerun));
      n->note = "not run in this dry run: the templates rendered without its answers";
      needs_trust.push_back(std::move(*n));
      hook.clear();
    }
  }
  if (!hook.empty()) {
    liquid::Object hook_args;
    if (res->name_positional && args::js_truthy(*res->name_positional)) {
      hook_args.set("name", *res->name_positional);
    }
    for (const auto& [key, value] : parsed.options.as_object()) hook_args.set(key, value);
    ScopedTimer hook_timer(metrics, Stage::kParams);
    auto ran =
        run_hook_file(ctx, js_runtime, asker, hook, liquid::Value(std::move(hook_args)), js_roots);
    hook_timer.stop();
    if (!ran) return tl::unexpected(ran.error());
    if (ran->stopped) {
      ctx.console.err(unanswered_message(asker.unanswered()));
      return {};
    }
    hook_result = std::move(ran->result);
  }
  auto st = ctx.fs.stat(res->action_dir);
  if (!st) return tl::unexpected(st.error());
  if (!st->is_directory()) {
    return make_error(ErrorKind::kNotFound, "I can't find action '" + res->main_action +
                                                "' for generator '" + res->generator +
                                                "': " + res->action_dir + " is not a folder");
  }
  // A generation lists its one action folder directly: that costs a few
  // syscalls whatever the size of the workspace, while reading the index
  // means reading every generator's records (until the index keeps each
  // action's records in a file of its own). `list` and `help` use the index.
  ScopedTimer discover_timer(metrics, Stage::kDiscover);
  auto listed = discover::list_templates(ctx.fs, res->action_dir);
  discover_timer.stop();
  if (!listed) return tl::unexpected(listed.error());
  ScopedTimer order_timer(metrics, Stage::kResolve);
  auto files = resolve::order_templates(std::move(*listed), res->subaction);
  order_timer.stop();
  if (!files) return tl::unexpected(files.error());

  args::LocalsInput in;
  in.templates = res->templates_root;
  in.actionfolder = res->action_dir;
  in.generator = res->generator;
  in.action = res->action;
  in.subaction = res->subaction;
  in.args = &parsed;
  in.name_positional = res->name_positional;
  in.cwd = run_cwd;
  in.locals_defaults = hygen_js.locals_defaults.is_object() ? &hygen_js.locals_defaults : nullptr;
  in.hook_result = hook_result.is_object() ? &hook_result : nullptr;
  if (auto ts = ctx.env.get("HYPERGEN_TS"); ts) {
    in.ts = liquid::Value(*ts);
  } else if (auto hts = ctx.env.get("HYGEN_TS"); hts) {
    in.ts = liquid::Value(*hts);
  } else {
    in.ts = liquid::Value(
        static_cast<std::int64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                      std::chrono::system_clock::now().time_since_epoch())
                                      .count()));
  }
  ScopedTimer params_timer(metrics, Stage::kParams);
  auto locals = args::build_locals(in);
  params_timer.stop();
  if (!locals) return tl::unexpected(locals.error());
  if (hygen_js.helpers_function)
    HG_RETURN_IF_ERROR(js_runtime.set_helper_args(args::build_run_args(in)));
  // A hook may set `dry` (its result is over the flags).
  if (const liquid::Value* d = locals->as_object().find("dry")) dry = args::js_truthy(*d);

  FolderPartialLoader partials(ctx.fs, {res->action_dir, res->templates_root});
  liquid::Engine engine(liquid_options(cfg->limits), &partials);
  // Compiled templates are cached in-process only, and only when the
  // process renders again (ctx.template_cache: the perf lab's loop): a
  // one-shot generation compiles each template once, so a cache of its own
  // would cost inserts and frees and never hit. (The settings are still
  // checked, so a bad `cache:` block is reported the same everywhere.)
  auto copts = cache_options(*cfg);
  if (!copts) return tl::unexpected(copts.error());
  render::RenderOptions ropts;
  ropts.cwd = ctx.cwd;
  ropts.metrics = metrics;
  auto ejs_mode = render::parse_ejs_mode(ctx.env.get("HYPERGEN_EJS").value_or(""));
  if (!ejs_mode) {
    return make_error(ErrorKind::kUsage, "HYPERGEN_EJS must be auto, engine or native");
  }
  // A realm that already ran `.hygen.js` or a hook may hold what templates
  // read (config helpers merged into `h`, globals, functions a hook
  // returned): then EJS stays in that realm.
  if (*ejs_mode == render::EjsMode::kAuto && js_runtime.started()) {
    *ejs_mode = render::EjsMode::kEngine;
  }
  ropts.ejs_mode = *ejs_mode;
  ropts.jobs = jobs;
  ropts.cache = ctx.template_cache;
  ropts.js = &js_runtime;
  // A shared cache counts into the metrics it was made with: count this
  // run's lookups into this run's metrics from its counters.
  const cache::Stats shared_before =
      ctx.template_cache ? ctx.template_cache->stats() : cache::Stats{};
  ScopedTimer render_timer(metrics, Stage::kRender);
  auto rendered = render::render_templates(ctx.fs, engine, *files, *locals, ropts);
  render_timer.stop();
  if (ctx.template_cache) {
    const cache::Stats after = ctx.template_cache->stats();
    count(metrics, Counter::kCacheHits, after.hits - shared_before.hits);
    count(metrics, Counter::kCacheMisses, after.misses - shared_before.misses);
  }
  if (!rendered) return tl::unexpected(rendered.error());
  count(metrics, Counter::kTemplatesRendered, rendered->size());

  std::string templates_var = res->templates_root;
  if (const liquid::Value* t = locals->as_object().find("templates"); t && t->is_string()) {
    templates_var = t->as_string();
  }
  ExecuteOptions eopts;
  eopts.dry = dry;
  eopts.json = json;
  eopts.force = force;
  eopts.allow_outside = allow_outside;
  eopts.templates_var = templates_var;
  eopts.recovery = recovery;
  eopts.jobs = jobs;
  eopts.run_cwd = run_cwd;
  if (hygen_js.exec) eopts.config_exec = &js_runtime;
  eopts.needs_trust = std::move(needs_trust);
  eopts.rerun = rerun;
  report::RunInfo info;
  info.dry = dry;
  info.templates = render::display_path(run_cwd, res->templates_root);
  info.generator = res->generator;
  info.action = res->action;
  info.action_dir = res->action_dir;
  return execute_rendered(ctx, *cfg, *rendered, eopts, info);
}

}  // namespace hypergen::app
