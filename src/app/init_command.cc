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

// Hygen 6.2.11's `init self` output, byte for byte (spec §4.3): its own
// EJS generator templates as rendered from its package's
// src/templates/init/self, in the order hygen writes them. The help
// message has no final newline, as in hygen.
constexpr Scaffold kFiles[] = {
    {"_templates/generator/help/index.ejs.t",
     "---\n"
     "message: |\n"
     "  hygen {bold generator new} --name [NAME] --action [ACTION]\n"
     "  hygen {bold generator with-prompt} --name [NAME] --action [ACTION]\n"
     "---"},
    {"_templates/generator/with-prompt/hello.ejs.t",
     "---\n"
     "to: _templates/<%= name %>/<%= action || 'new' %>/hello.ejs.t\n"
     "---\n"
     "---\n"
     "to: app/hello.js\n"
     "---\n"
     "const hello = ```\n"
     "Hello!\n"
     "This is your first prompt based hygen template.\n"
     "\n"
     "Learn what it can do here:\n"
     "\n"
     "https://github.com/jondot/hygen\n"
     "```\n"
     "\n"
     "console.log(hello)\n"
     "\n"
     "\n"},
    {"_templates/generator/with-prompt/prompt.ejs.t",
     "---\n"
     "to: _templates/<%= name %>/<%= action || 'new' %>/prompt.js\n"
     "---\n"
     "\n"
     "// see types of prompts:\n"
     "// https://github.com/enquirer/enquirer/tree/master/examples\n"
     "//\n"
     "module.exports = [\n"
     "  {\n"
     "    type: 'input',\n"
     "    name: 'message',\n"
     "    message: \"What's your message?\"\n"
     "  }\n"
     "]\n"},
    {"_templates/generator/new/hello.ejs.t",
     "---\n"
     "to: _templates/<%= name %>/<%= action || 'new' %>/hello.ejs.t\n"
     "---\n"
     "---\n"
     "to: app/hello.js\n"
     "---\n"
     "const hello = ```\n"
     "Hello!\n"
     "This is your first hygen template.\n"
     "\n"
     "Learn what it can do here:\n"
     "\n"
     "https://github.com/jondot/hygen\n"
     "```\n"
     "\n"
     "console.log(hello)\n"
     "\n"
     "\n"},
    {"_templates/init/repo/new-repo.ejs.t",
     "---\n"
     "setup: <%= name %>\n"
     "force: true # this is because mostly, people init into existing folders is safe\n"
     "---\n"},
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
