#include "app/cache_command.h"

#include <fmt/format.h>

#include "app/workspace.h"
#include "cache/maintenance.h"

namespace hypergen::app {

Result<cache::Options> cache_options(const config::Config& cfg) {
  cache::Options o;
  auto policy = cache::parse_policy(cfg.cache.policy);
  if (!policy) return tl::unexpected(policy.error());
  o.policy = *policy;
  if (!cfg.cache.max_bytes.empty()) {
    auto bytes = cache::parse_byte_size(cfg.cache.max_bytes);
    if (!bytes) {
      return make_error(ErrorKind::kData, "cache.maxBytes: " + bytes.error().message,
                        cfg.cache.max_bytes_where);
    }
    o.max_bytes = *bytes;
    o.disk_max_bytes = *bytes;
  }
  o.local_dir = cache::objects_dir(cfg.project_root);
  o.shared_dir = cfg.cache.shared;
  return o;
}

namespace {

std::string settings_text(const config::Config& cfg, const cache::Options& o) {
  std::string out;
  out += fmt::format("policy: {} ({})\n", cache::policy_name(o.policy), cfg.cache.policy_origin);
  out += fmt::format("maxBytes: {} ({})\n", o.max_bytes, cfg.cache.max_bytes_origin);
  if (o.shared_dir.empty()) {
    out += "shared: none\n";
  } else {
    out += fmt::format("shared: {} ({})\n", o.shared_dir, cfg.cache.shared_origin);
  }
  return out;
}

}  // namespace

Status cache_command(Context& ctx, std::span<const std::string> args) {
  if (args.size() != 1) {
    return make_error(ErrorKind::kUsage, std::string(args.empty() ? "cache: which one?"
                                                                  : "cache: too many arguments") +
                                             "\n" + kCacheUsage);
  }
  const std::string& what = args[0];
  if (what != "status" && what != "clear" && what != "rebuild") {
    return make_error(ErrorKind::kUsage, "cache: unknown subcommand '" + what +
                                             "' (use status, clear or rebuild)\n" + kCacheUsage);
  }
  auto cfg = load_project_config(ctx);
  if (!cfg) return tl::unexpected(cfg.error());
  auto options = cache_options(*cfg);
  if (!options) return tl::unexpected(options.error());
  std::string where = "project: " + cfg->project_root + "\n";

  if (what == "status") {
    auto status = cache::cache_status(ctx.fs, cfg->project_root, root_paths(*cfg), {});
    if (!status) return tl::unexpected(status.error());
    ctx.console.out(where + cache::format_cache_status(*status) + settings_text(*cfg, *options));
    return {};
  }
  if (what == "clear") {
    HG_RETURN_IF_ERROR(cache::cache_clear(ctx.fs, cfg->project_root));
    ctx.console.out(where + "cleared the index and the cached objects\n");
    return {};
  }
  if (cfg->templates.empty()) {
    return make_error(ErrorKind::kNotFound,
                      "no templates to index: no _templates folder here, no 'templates:' in "
                      "hypergen.yml and no $HYPERGEN_TMPLS");
  }
  auto loaded = cache::cache_rebuild(ctx.fs, cfg->project_root, root_paths(*cfg), {}, ctx.metrics);
  if (!loaded) return tl::unexpected(loaded.error());
  const index::Index& idx = loaded->index;
  ctx.console.out(where + fmt::format("rebuilt the index: {} generator(s), {} action(s), {} "
                                      "template(s){}\n",
                                      idx.generator_count(), idx.action_count(),
                                      idx.template_count(),
                                      loaded->report.written ? ""
                                                             : " (not written: the "
                                                               "cache folder is not writable)"));
  return {};
}

}  // namespace hypergen::app
