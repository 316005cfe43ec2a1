#include "app/generate.h"

#include <algorithm>
#include "app/cache_command.h"

#include <chrono>
#include <thread>

#include "app/hooks.h"
#include "app/partials.h"
#include "app/shell.h"
#include "app/workspace.h"
#include "apply/apply.h"
#include "apply/diff.h"
#include "apply/paths.h"
#include "args/args.h"
#include "config/config.h"
#include "discover/discover.h"
#include "js/runtime.h"
#include "liquid/liquid.h"
#include "plan/plan.h"
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

class DiskEnvironment final : public plan::PlanEnvironment {
 public:
  DiskEnvironment(FileSystem& fs, std::string project_root, std::string cwd, bool allow_outside,
                  std::string templates)
      : fs_(fs),
        paths_(fs, std::move(project_root), std::move(cwd), allow_outside),
        templates_(std::move(templates)) {}

  Result<std::optional<std::string>> read_target(const std::string& path) override {
    auto st = fs_.stat(path);
    if (!st) return tl::unexpected(st.error());
    if (!st->exists()) return std::optional<std::string>();
    if (st->is_directory()) {
      return make_error(ErrorKind::kIo, path + " is a directory, not a file");
    }
    auto text = fs_.read_file(path);
    if (!text) return tl::unexpected(text.error());
    return std::optional<std::string>(std::move(*text));
  }

  Result<std::string> resolve(std::string_view to) override { return paths_.resolve(to); }

  Result<std::string> read_from(const std::string& from) override {
    std::string path = from.starts_with("/") ? from : templates_ + "/" + from;
    auto text = fs_.read_file(path);
    if (!text) {
      Error e = text.error();
      e.message = "'from:' file " + path + ": " + e.message;
      return tl::unexpected(e);
    }
    return text;
  }

 private:
  FileSystem& fs_;
  apply::OutputPathResolver paths_;
  std::string templates_;
};

class ConsoleDecider final : public plan::OverwriteDecider {
 public:
  ConsoleDecider(Console& console, bool interactive, bool color)
      : console_(console), interactive_(interactive), color_(color) {}

  bool overwrite(const std::string& to, const std::string& before,
                 const std::string& after) override {
    if (all_) return true;
    if (!interactive_) return false;
    while (true) {
      console_.out("     exists: " + to + ". Overwrite? (y/N/a/d): ");
      auto line = console_.read_line();
      if (!line) {
        console_.out("\n");
        return false;
      }
      char c = line->empty()
                   ? 'n'
                   : static_cast<char>(std::tolower(static_cast<unsigned char>((*line)[0])));
      if (c == 'y') return true;
      if (c == 'a') {
        all_ = true;
        return true;
      }
      if (c == 'd') {
        console_.out(apply::unified_diff(to, before, after, color_, false));
        continue;
      }
      return false;
    }
  }

 private:
  Console& console_;
  bool interactive_;
  bool color_;
  bool all_ = false;
};

std::string to_display(const plan::Op& op, bool absolute) {
  return absolute ? op.path : op.to;
}

std::string skip_detail(const plan::Op& op, bool interactive) {
  switch (op.reason) {
    case plan::SkipReason::kUnlessExists:
      return "";
    case plan::SkipReason::kSkipIf:
      return op.inject ? "skip_if matched, already injected" : "skip_if";
    case plan::SkipReason::kDeclined:
      return interactive ? "" : "exists; pass --force or set HYPERGEN_OVERWRITE=1 to overwrite";
    case plan::SkipReason::kIdentical:
      return "";
    case plan::SkipReason::kNoLocation:
      return "nothing matched the injection point, nothing inserted";
    case plan::SkipReason::kNoTo:
      return "'to' is empty";
    default:
      return "";
  }
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
  auto env_lookup = [&](std::string_view name) { return ctx.env.get(name); };
  auto cfg = config::load_config(ctx.fs, env_lookup, ctx.cwd);
  if (!cfg) return tl::unexpected(cfg.error());
  // Without --jobs, `perf.jobs` from the project file (`hypergen perf optimize`
  // records the fastest value it measured there).
  if (jobs == 0 && cfg->perf.jobs > 0) {
    int cores = static_cast<int>(std::thread::hardware_concurrency());
    jobs = cores > 0 ? std::min(cfg->perf.jobs, cores) : cfg->perf.jobs;
  }
  Metrics* metrics = ctx.metrics;

  // The run's JavaScript realm, started only if .hygen.js, an embedded hook
  // or an EJS template with tags needs it.
  HookAsker asker(ctx);
  js::RuntimeOptions jsopts;
  jsopts.cwd = ctx.cwd;
  jsopts.out = [&](std::string_view text) { ctx.console.out(text); };
  jsopts.err = [&](std::string_view text) { ctx.console.err(text); };
  jsopts.getenv = [&](std::string_view name) { return ctx.env.get(name); };
  jsopts.ask = [&](const liquid::Value& specs, const js::ValidateFn& validate) {
    return asker.ask(specs, validate);
  };
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
      cfg->templates = {{config::absolute_path(ctx.cwd, *hygen_js.templates), ".hygen.js"}};
      js_roots.push_back(cfg->templates.front().path);
    }
    if (hygen_js.cwd) run_cwd = config::absolute_path(ctx.cwd, *hygen_js.cwd);
  }

  // Finish or undo a crashed earlier run before looking at any target.
  std::string recovery;
  if (!dry) {
    ScopedTimer timer(metrics, Stage::kApply);
    auto rec = apply::recover(ctx.fs, cfg->project_root, apply::kDefaultLockTimeout, allow_outside);
    if (!rec) return tl::unexpected(rec.error());
    if (rec->had_journal) {
      recovery = rec->summary;
      if (!json) ctx.console.err("hypergen: " + rec->summary + "\n");
    }
  }

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
  // The hook runs before the action folder is checked (spec §1, §6).
  liquid::Value hook_result;
  if (std::string hook = discover::find_hook_file(ctx.fs, res->action_dir); !hook.empty()) {
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
  // Compiled templates live in the in-process level only: parsing a Liquid
  // template costs less than reading a cached copy from disk would.
  auto copts = cache_options(*cfg);
  if (!copts) return tl::unexpected(copts.error());
  copts->local_dir.clear();
  copts->shared_dir.clear();
  cache::Cache own_cache(*copts, nullptr, nullptr, metrics);
  cache::Cache& compiled = ctx.template_cache ? *ctx.template_cache : own_cache;
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
  ropts.cache = &compiled;
  ropts.js = &js_runtime;
  // A shared cache counts into the metrics it was made with: count this
  // run's lookups into this run's metrics from its counters.
  const cache::Stats shared_before = ctx.template_cache ? compiled.stats() : cache::Stats{};
  ScopedTimer render_timer(metrics, Stage::kRender);
  auto rendered = render::render_templates(ctx.fs, engine, *files, *locals, ropts);
  render_timer.stop();
  if (ctx.template_cache) {
    const cache::Stats after = compiled.stats();
    count(metrics, Counter::kCacheHits, after.hits - shared_before.hits);
    count(metrics, Counter::kCacheMisses, after.misses - shared_before.misses);
  }
  if (!rendered) return tl::unexpected(rendered.error());
  count(metrics, Counter::kTemplatesRendered, rendered->size());

  std::string templates_var = res->templates_root;
  if (const liquid::Value* t = locals->as_object().find("templates"); t && t->is_string()) {
    templates_var = t->as_string();
  }
  DiskEnvironment disk(ctx.fs, cfg->project_root, run_cwd, allow_outside, templates_var);
  bool interactive = !json && ctx.console.stdin_is_tty() && ctx.console.stdout_is_tty();
  ConsoleDecider decider(ctx.console, interactive, ctx.color);
  plan::PlanOptions popts;
  popts.force_all = force || cfg->overwrite;
  ScopedTimer plan_timer(metrics, Stage::kPlan);
  auto planned = plan::make_plan(*rendered, disk, decider, popts);
  plan_timer.stop();
  if (!planned) return tl::unexpected(planned.error());
  count(metrics, Counter::kFilesPlanned, planned->changes.size());

  report::Summary summary;
  summary.recovery = recovery;
  summary.messages = planned->messages;
  if (!dry && !planned->changes.empty()) {
    apply::ApplyOptions aopts;
    aopts.project_root = cfg->project_root;
    aopts.allow_outside = allow_outside;
    aopts.jobs = jobs;
    // The commit is atomic against a crashing process without any fsync
    // (staged files + journal + rename; the page cache survives the
    // process). HYPERGEN_FSYNC=1 adds durability against power loss at the
    // cost of ~16 fsyncs (tens of ms), which is why it is not the default.
    auto fsync = ctx.env.get("HYPERGEN_FSYNC");
    aopts.durable = fsync && !fsync->empty() && *fsync != "0";
    ScopedTimer apply_timer(metrics, Stage::kApply);
    auto applied = apply::apply_changes(ctx.fs, aopts, planned->changes);
    apply_timer.stop();
    if (!applied) return tl::unexpected(applied.error());
    count(metrics, Counter::kFilesWritten, planned->changes.size());
  }
  summary.applied = !dry;

  auto sink = [&](std::string_view text) { ctx.console.out(text); };
  auto reporter =
      json ? report::make_json_reporter(sink) : report::make_human_reporter(sink, ctx.color);
  report::RunInfo info;
  info.dry = dry;
  info.templates = render::display_path(run_cwd, res->templates_root);
  info.generator = res->generator;
  info.action = res->action;
  info.action_dir = res->action_dir;
  reporter->begin(info);
  bool absolute = ctx.env.get("HYGEN_OUTPUT_ABS_PATH").value_or("") != "";
  for (const plan::Op& op : planned->ops) {
    report::Event e;
    e.template_file = op.template_display;
    e.to = to_display(op, absolute);
    e.path = op.path;
    switch (op.kind) {
      case plan::Op::Kind::kCreate:
        e.kind = op.forced ? report::Event::Kind::kForced : report::Event::Kind::kAdded;
        summary.created++;
        if (dry) e.diff = apply::unified_diff(op.to, "", op.after, ctx.color && !json, true);
        break;
      case plan::Op::Kind::kOverwrite:
        e.kind = op.forced ? report::Event::Kind::kForced : report::Event::Kind::kOverwritten;
        summary.overwritten++;
        if (dry)
          e.diff = apply::unified_diff(op.to, op.before, op.after, ctx.color && !json, false);
        break;
      case plan::Op::Kind::kInject:
        e.kind = report::Event::Kind::kInjected;
        e.line = op.inject_line;
        summary.injected++;
        if (dry)
          e.diff = apply::unified_diff(op.to, op.before, op.after, ctx.color && !json, false);
        break;
      case plan::Op::Kind::kSkip:
        if (op.reason == plan::SkipReason::kMissingTarget) {
          e.kind = report::Event::Kind::kCannotInject;
        } else {
          e.kind = report::Event::Kind::kSkipped;
          e.reason = plan::skip_reason_name(op.reason);
          e.detail = skip_detail(op, interactive);
          // Hygen prints nothing for these; keep human output quiet.
          if (!json && (op.reason == plan::SkipReason::kNoTo ||
                        (op.reason == plan::SkipReason::kSkipIf && !op.inject))) {
            summary.skipped++;
            continue;
          }
        }
        summary.skipped++;
        break;
      case plan::Op::Kind::kEcho:
        e.kind = report::Event::Kind::kEcho;
        e.text = op.text;
        break;
      case plan::Op::Kind::kShell: {
        e.kind = report::Event::Kind::kShell;
        e.command = op.sh;  // Hygen prints the command as written, runs it mangled
        summary.shells++;
        if (!dry && hygen_js.exec) {
          // .hygen.js exec(command, body) replaces the shell (spec §4.2).
          auto ran = js_runtime.config_exec(op.command, op.stdin_body);
          if (!ran && !op.ignore_exit) {
            reporter->event(e);
            return tl::unexpected(ran.error());
          }
        } else if (!dry) {
          auto ran = run_shell(op.command, op.stdin_body, ctx.cwd);
          if (!ran) return tl::unexpected(ran.error());
          e.exit_status = ran->exit_status;
          if (ran->exit_status != 0 && !op.ignore_exit) {
            reporter->event(e);
            if (!ran->err.empty()) ctx.console.err(ran->err);
            return make_error(ErrorKind::kFailure,
                              "shell command failed with exit status " +
                                  std::to_string(ran->exit_status) + ": " + op.command + " (from " +
                                  op.template_display + "; set 'sh_ignore_exit: true' to go on)");
          }
        }
        break;
      }
    }
    reporter->event(e);
  }
  reporter->finish(summary);
  return {};
}

}  // namespace hypergen::app
