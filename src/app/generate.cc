#include "app/generate.h"

#include <chrono>
#include <thread>

#include "app/execute.h"
#include "app/partials.h"
#include "app/shell.h"
#include "app/v8.h"
#include "app/workspace.h"
#include "apply/apply.h"
#include "apply/diff.h"
#include "apply/paths.h"
#include "args/args.h"
#include "config/config.h"
#include "discover/discover.h"
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
  Metrics* metrics = ctx.metrics;

  // A V8 generator (template.yml) under the same roots runs its own way.
  if (!parsed.positionals.empty() && parsed.positionals[0].is_string()) {
    std::optional<std::string> second;
    if (parsed.positionals.size() > 1 && parsed.positionals[1].is_string()) {
      second = parsed.positionals[1].as_string();
    }
    bool used_action = false;
    if (auto v8 =
            v8_for_words(ctx, *cfg, parsed.positionals[0].as_string(), second, &used_action)) {
      // The words after the generator (and action) words, flags kept in place.
      std::vector<std::string> rest;
      std::size_t skip = used_action ? 2 : 1;
      for (const std::string& w : raw_args) {
        if (skip > 0 && !w.starts_with("-")) {
          --skip;
          continue;
        }
        rest.push_back(w);
      }
      return run_v8(ctx, *cfg, *v8, rest);
    }
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
  std::string hook = discover::find_hook_file(ctx.fs, res->action_dir);
  if (!hook.empty()) {
    ctx.console.err("hypergen: warning: ignoring the hook file " +
                    render::display_path(ctx.cwd, hook) +
                    " (JavaScript hooks and prompts are not supported yet; pass the values as "
                    "--flags)\n");
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
  in.cwd = ctx.cwd;
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

  FolderPartialLoader partials(ctx.fs, {res->action_dir, res->templates_root});
  liquid::Engine engine({}, &partials);
  render::RenderOptions ropts;
  ropts.cwd = ctx.cwd;
  ropts.jobs = jobs;
  ScopedTimer render_timer(metrics, Stage::kRender);
  auto rendered = render::render_templates(ctx.fs, engine, *files, *locals, ropts);
  render_timer.stop();
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
  report::RunInfo info;
  info.dry = dry;
  info.templates = render::display_path(ctx.cwd, res->templates_root);
  info.generator = res->generator;
  info.action = res->action;
  info.action_dir = res->action_dir;
  return execute_rendered(ctx, *cfg, *rendered, eopts, info);
}

}  // namespace hypergen::app
