#include "app/recover_command.h"

#include "apply/apply.h"
#include "config/config.h"

namespace hypergen::app {

Status recover_command(Context& ctx, std::span<const std::string> args) {
  bool allow_outside = false;
  for (const std::string& arg : args) {
    if (arg == "--allow-outside") {
      allow_outside = true;
      continue;
    }
    return make_error(ErrorKind::kUsage,
                      "recover: unexpected argument '" + arg + "'\n" + kRecoverUsage);
  }
  auto env_lookup = [&](std::string_view name) { return ctx.env.get(name); };
  auto cfg = config::load_config(ctx.fs, env_lookup, ctx.cwd);
  if (!cfg) return tl::unexpected(cfg.error());
  auto rec = apply::recover(ctx.fs, cfg->project_root, apply::kDefaultLockTimeout, allow_outside);
  if (!rec) return tl::unexpected(rec.error());
  if (!rec->had_journal) {
    ctx.console.out("nothing to recover in " + cfg->project_root + "\n");
    return {};
  }
  ctx.console.out(rec->summary + "\n");
  if (rec->journal_corrupt) {
    return make_error(ErrorKind::kIo,
                      "the journal was corrupt and was set aside; check the files it names");
  }
  return {};
}

}  // namespace hypergen::app
