#include "app/workspace.h"

#include <algorithm>

namespace hypergen::app {

namespace {

index::Options index_options(index::Depth depth) {
  index::Options o;
  o.depth = depth;
  return o;
}

// The action record whose folder is `action_dir`, if the index has one.
std::optional<std::size_t> find_action_by_dir(const index::Index& idx,
                                              const std::string& action_dir) {
  auto slash = action_dir.rfind('/');
  if (slash == std::string::npos || slash == 0) return std::nullopt;
  auto gslash = action_dir.rfind('/', slash - 1);
  if (gslash == std::string::npos) return std::nullopt;
  std::string gen = action_dir.substr(gslash + 1, slash - gslash - 1);
  std::string act = action_dir.substr(slash + 1);
  if (auto a = idx.find_action(gen, act); a && a->path == action_dir) return a->index;
  // Several roots define it: look for the one in the chosen root.
  for (std::size_t i = 0; i < idx.action_count(); ++i) {
    auto a = idx.action(i);
    if (a.path == action_dir) return i;
  }
  return std::nullopt;
}

}  // namespace

Result<config::Config> load_project_config(Context& ctx) {
  auto env_lookup = [&](std::string_view name) { return ctx.env.get(name); };
  return config::load_config(ctx.fs, env_lookup, ctx.cwd);
}

liquid::Options liquid_options(const config::LimitSettings& limits) {
  liquid::Options o;
  o.max_render_time = std::chrono::milliseconds(limits.render_time_ms);
  o.max_output_bytes = static_cast<std::size_t>(limits.output_bytes);
  o.max_partial_depth = static_cast<int>(std::min<std::uint64_t>(limits.partial_depth, 1u << 20));
  return o;
}

std::vector<std::string> root_paths(const config::Config& cfg) {
  std::vector<std::string> roots;
  roots.reserve(cfg.templates.size());
  for (const auto& r : cfg.templates) roots.push_back(r.path);
  return roots;
}

bool index_enabled(const Context& ctx) {
  auto v = ctx.env.get("HYPERGEN_NO_INDEX");
  return !v || v->empty() || *v == "0";
}

std::optional<index::Loaded> load_index(Context& ctx, const config::Config& cfg,
                                        index::Depth depth) {
  if (!index_enabled(ctx) || cfg.templates.empty()) return std::nullopt;
  auto loaded = index::load_or_build(ctx.fs, cfg.project_root, root_paths(cfg),
                                     index_options(depth), ctx.metrics);
  if (!loaded) return std::nullopt;
  return std::move(*loaded);
}

Result<std::vector<discover::GeneratorInfo>> generators(Context& ctx, const config::Config& cfg) {
  if (auto loaded = load_index(ctx, cfg, index::Depth::kGenerators)) {
    // The index lists generators root by root, in root order.
    return resolve::merge_generators(loaded->index.generator_infos());
  }
  ScopedTimer timer(ctx.metrics, Stage::kDiscover);
  return resolve::all_generators(ctx.fs, cfg);
}

Result<ActionFiles> action_templates(Context& ctx, const config::Config& cfg,
                                     const std::string& action_dir,
                                     std::optional<index::Loaded>* cached) {
  std::optional<index::Loaded> local;
  std::optional<index::Loaded>& slot = cached != nullptr ? *cached : local;
  if (index_enabled(ctx)) {
    // Nothing but the root list is validated up front: ensure_action checks
    // the folders and files of the one action used. An action the index does
    // not know yet (added since) costs one generator-level refresh.
    if (!slot) slot = load_index(ctx, cfg, index::Depth::kNone);
    std::optional<std::size_t> at;
    if (slot) at = find_action_by_dir(slot->index, action_dir);
    if (slot && !at) {
      slot = load_index(ctx, cfg, index::Depth::kGenerators);
      if (slot) at = find_action_by_dir(slot->index, action_dir);
    }
    if (slot && at) {
      auto view =
          index::ensure_action(ctx.fs, cfg.project_root, slot->index, *at,
                               index_options(index::Depth::kNone), ctx.metrics, &slot->report);
      if (view && view->is_dir) {
        ActionFiles out;
        out.files = slot->index.template_files(*view);
        out.content_hashes.reserve(view->template_count);
        for (std::size_t i = 0; i < view->template_count; ++i) {
          out.content_hashes.push_back(
              slot->index.template_at(view->first_template + i).content_hash);
        }
        return out;
      }
    }
  }
  ScopedTimer timer(ctx.metrics, Stage::kDiscover);
  auto listed = discover::list_templates(ctx.fs, action_dir);
  if (!listed) return tl::unexpected(listed.error());
  return ActionFiles{std::move(*listed), {}};
}

}  // namespace hypergen::app
