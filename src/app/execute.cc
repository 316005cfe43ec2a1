#include "app/execute.h"

#include "app/shell.h"
#include "app/trust.h"
#include "apply/apply.h"
#include "apply/diff.h"
#include "apply/paths.h"
#include "plan/plan.h"

namespace hypergen::app {

namespace {

class DiskEnvironment final : public plan::PlanEnvironment {
 public:
  DiskEnvironment(FileSystem& fs, std::string project_root, std::string cwd, bool allow_outside,
                  std::string templates)
      : fs_(fs),
        paths_(fs, std::move(project_root), std::move(cwd), allow_outside),
        templates_(std::move(templates)) {}

  Result<std::optional<std::string>> read_target(const std::string& path) override {
    // A target in a folder that resolve() found missing does not exist
    // either (apply checks again before writing anything).
    if (paths_.in_missing_folder(path)) return std::optional<std::string>();
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

Result<std::string> recover_first(Context& ctx, const config::Config& cfg, bool dry, bool json,
                                  bool allow_outside) {
  if (dry) return std::string();
  ScopedTimer timer(ctx.metrics, Stage::kApply);
  auto rec = apply::recover(ctx.fs, cfg.project_root, apply::kDefaultLockTimeout, allow_outside);
  if (!rec) return tl::unexpected(rec.error());
  if (!rec->had_journal) return std::string();
  if (!json) ctx.console.err("hypergen: " + rec->summary + "\n");
  return rec->summary;
}

Status execute_rendered(Context& ctx, const config::Config& cfg,
                        std::span<const render::RenderedTemplate> rendered,
                        const ExecuteOptions& options, const report::RunInfo& info) {
  Metrics* metrics = ctx.metrics;
  // The trust gate: before the plan (which may ask about overwrites) and
  // the transaction; the rendered `sh:` text is what would run.
  std::vector<report::NeedsTrust> needs_trust = options.needs_trust;
  for (auto& n : untrusted_shell(ctx, cfg, rendered)) needs_trust.push_back(std::move(n));
  if (!needs_trust.empty() && !options.dry) {
    return tl::unexpected(untrusted_error(cfg, needs_trust, options.rerun));
  }
  DiskEnvironment disk(ctx.fs, cfg.project_root,
                       options.run_cwd.empty() ? ctx.cwd : options.run_cwd, options.allow_outside,
                       options.templates_var);
  bool interactive = !options.json && ctx.console.stdin_is_tty() && ctx.console.stdout_is_tty();
  ConsoleDecider decider(ctx.console, interactive, ctx.color);
  plan::PlanOptions popts;
  popts.force_all = options.force || cfg.overwrite;
  ScopedTimer plan_timer(metrics, Stage::kPlan);
  auto planned = plan::make_plan(rendered, disk, decider, popts);
  plan_timer.stop();
  if (!planned) return tl::unexpected(planned.error());
  count(metrics, Counter::kFilesPlanned, planned->changes.size());

  report::Summary summary;
  summary.recovery = options.recovery;
  summary.messages = planned->messages;
  if (!needs_trust.empty()) {
    summary.trust_hint = trust_hint(cfg, needs_trust);
    summary.needs_trust = std::move(needs_trust);
  }
  if (!options.dry && !planned->changes.empty()) {
    apply::ApplyOptions aopts;
    aopts.project_root = cfg.project_root;
    aopts.allow_outside = options.allow_outside;
    aopts.jobs = options.jobs;
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
  summary.applied = !options.dry;

  auto sink = [&](std::string_view text) { ctx.console.out(text); };
  auto reporter = options.json ? report::make_json_reporter(sink)
                               : report::make_human_reporter(sink, ctx.color);
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
        if (options.dry)
          e.diff = apply::unified_diff(op.to, "", op.after, ctx.color && !options.json, true);
        break;
      case plan::Op::Kind::kOverwrite:
        e.kind = op.forced ? report::Event::Kind::kForced : report::Event::Kind::kOverwritten;
        summary.overwritten++;
        if (options.dry)
          e.diff =
              apply::unified_diff(op.to, op.before, op.after, ctx.color && !options.json, false);
        break;
      case plan::Op::Kind::kInject:
        e.kind = report::Event::Kind::kInjected;
        e.line = op.inject_line;
        summary.injected++;
        if (options.dry)
          e.diff =
              apply::unified_diff(op.to, op.before, op.after, ctx.color && !options.json, false);
        break;
      case plan::Op::Kind::kSkip:
        if (op.reason == plan::SkipReason::kMissingTarget) {
          e.kind = report::Event::Kind::kCannotInject;
        } else {
          e.kind = report::Event::Kind::kSkipped;
          e.reason = plan::skip_reason_name(op.reason);
          e.detail = skip_detail(op, interactive);
          // Hygen prints nothing for these; keep human output quiet.
          if (!options.json && (op.reason == plan::SkipReason::kNoTo ||
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
        if (!options.dry && options.config_exec) {
          // .hygen.js exec(command, body) replaces the shell (spec §4.2).
          auto ran = options.config_exec->config_exec(op.command, op.stdin_body);
          if (!ran && !op.ignore_exit) {
            reporter->event(e);
            return tl::unexpected(ran.error());
          }
        } else if (!options.dry) {
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
