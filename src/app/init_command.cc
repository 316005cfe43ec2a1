#include "app/init_command.h"

#include "apply/apply.h"
#include "config/config.h"
#include "report/report.h"

namespace hypergen::app {

namespace {

struct Scaffold {
  const char* path;
  const char* content;
};

constexpr Scaffold kFiles[] = {
    {"_templates/generator/help/index.liquid.t",
     "---\n"
     "message: |\n"
     "  hypergen generator new [NAME] [--action ACTION]\n"
     "  creates _templates/NAME/ACTION (default: new) with a first template.\n"
     "---\n"},
    {"_templates/generator/new/hello.liquid.t",
     "---\n"
     "to: \"_templates/{{ name }}/{{ action | default: 'new' }}/hello.liquid.t\"\n"
     "---\n"
     "{% raw %}---\n"
     "to: app/hello.js\n"
     "---\n"
     "const hello = ```\n"
     "Hello!\n"
     "This is your first hypergen template.\n"
     "\n"
     "Learn what it can do here:\n"
     "\n"
     "https://www.hygen.io/docs/templates\n"
     "```\n"
     "\n"
     "console.log(hello)\n"
     "{% endraw %}"},
};

}  // namespace

Status init_command(Context& ctx, std::span<const std::string> args) {
  bool force = false;
  std::string what;
  for (const auto& a : args) {
    if (a == "--force") {
      force = true;
    } else if (what.empty() && !a.starts_with("-")) {
      what = a;
    } else {
      return make_error(ErrorKind::kUsage, "init: unexpected argument '" + a + "'\n" + kInitUsage);
    }
  }
  if (what != "self") {
    return make_error(ErrorKind::kUsage,
                      what.empty()
                          ? std::string("init: say what to initialise\n") + kInitUsage
                          : "init: unknown target '" + what + "' (only 'self')\n" + kInitUsage);
  }
  std::vector<apply::FileChange> changes;
  std::string lines;
  for (const Scaffold& f : kFiles) {
    std::string path = ctx.cwd + "/" + f.path;
    auto st = ctx.fs.stat(path);
    if (!st) return tl::unexpected(st.error());
    if (st->exists()) {
      if (!force) {
        lines +=
            report::hygen_line("skipped", std::string(f.path) + " (exists; --force to replace)");
        continue;
      }
      auto old = ctx.fs.read_file(path);
      if (!old) return tl::unexpected(old.error());
      if (*old == f.content) {
        lines += report::hygen_line("identical", f.path);
        continue;
      }
      changes.push_back({apply::FileChange::Kind::kOverwrite, path, f.content, *old});
      lines += report::hygen_line("FORCED", f.path);
      continue;
    }
    changes.push_back({apply::FileChange::Kind::kCreate, path, f.content, std::nullopt});
    lines += report::hygen_line("added", f.path);
  }
  if (!changes.empty()) {
    auto env_lookup = [&](std::string_view name) { return ctx.env.get(name); };
    auto cfg = config::load_config(ctx.fs, env_lookup, ctx.cwd);
    if (!cfg) return tl::unexpected(cfg.error());
    apply::ApplyOptions opts;
    opts.project_root = cfg->project_root;
    auto applied = apply::apply_changes(ctx.fs, opts, changes);
    if (!applied) return tl::unexpected(applied.error());
  }
  ctx.console.out("\n" + lines);
  return {};
}

}  // namespace hypergen::app
