#include "app/config_command.h"

#include <fmt/format.h>

#include <set>

#include <nlohmann/json.hpp>

#include "app/trust.h"
#include "app/v8.h"
#include "app/workspace.h"
#include "apply/apply.h"
#include "config/config.h"
#include "render/render.h"

namespace hypergen::app {

using nlohmann::json;

namespace {

Result<config::Config> load_at(Context& ctx, const std::string& dir) {
  auto env_lookup = [&](std::string_view name) { return ctx.env.get(name); };
  return config::load_config(ctx.fs, env_lookup, dir);
}

bool take_json(std::span<const std::string> args, std::vector<std::string>& rest) {
  bool j = false;
  for (const auto& a : args) {
    if (a == "--json") {
      j = true;
    } else {
      rest.push_back(a);
    }
  }
  return j;
}

json settings_json(Context& ctx, const config::Config& cfg) {
  json doc;
  doc["projectRoot"] = cfg.project_root;
  doc["configFile"] = cfg.config_file.empty() ? json(nullptr) : json(cfg.config_file);
  doc["templates"] = json::array();
  for (const auto& r : cfg.templates) {
    auto st = ctx.fs.stat(r.path);
    json root = root_json(r);
    root["exists"] = st && st->is_directory();
    doc["templates"].push_back(std::move(root));
  }
  doc["conflict"] = {{"value", config::conflict_name(cfg.conflict)},
                     {"origin", cfg.conflict_origin}};
  doc["overwrite"] = {{"value", cfg.overwrite},
                      {"origin", cfg.overwrite ? cfg.overwrite_origin : "default"}};
  doc["cache"] = {{"policy", {{"value", cfg.cache.policy}, {"origin", cfg.cache.policy_origin}}},
                  {"maxBytes",
                   {{"value", cfg.cache.max_bytes.empty() ? "50MB" : cfg.cache.max_bytes},
                    {"origin", cfg.cache.max_bytes_origin}}},
                  {"shared",
                   {{"value", cfg.cache.shared},
                    {"origin", cfg.cache.shared.empty() ? "default" : cfg.cache.shared_origin}}}};
  doc["limits"] = {
      {"renderTimeMs",
       {{"value", cfg.limits.render_time_ms}, {"origin", cfg.limits.render_time_origin}}},
      {"outputBytes",
       {{"value", cfg.limits.output_bytes}, {"origin", cfg.limits.output_bytes_origin}}},
      {"partialDepth",
       {{"value", cfg.limits.partial_depth}, {"origin", cfg.limits.partial_depth_origin}}}};
  json budgets = json::object();
  for (const auto& b : cfg.perf.budgets) {
    budgets[b.operation] = {{"value", b.ms}, {"origin", b.origin}};
  }
  doc["perf"] = {{"jobs",
                  {{"value", cfg.perf.jobs > 0 ? json(cfg.perf.jobs) : json(nullptr)},
                   {"origin", cfg.perf.jobs > 0 ? cfg.perf.jobs_origin : "default"}}},
                 {"budgets", budgets}};
  return doc;
}

Status config_show(Context& ctx, bool json_out) {
  auto cfg = load_at(ctx, ctx.cwd);
  if (!cfg) return tl::unexpected(cfg.error());
  if (json_out) {
    ctx.console.out(settings_json(ctx, *cfg).dump(2) + "\n");
    return {};
  }
  auto rel = [&](const std::string& p) { return render::display_path(ctx.cwd, p); };
  std::string t = "Project root:   " + cfg->project_root + "\n";
  t += "Config file:    " +
       (cfg->config_file.empty() ? std::string("(none: defaults)") : rel(cfg->config_file)) +
       "\n\n";
  t += "templates:\n";
  if (cfg->templates.empty())
    t += "  (none)                          from default (./_templates does not exist)\n";
  for (const auto& r : cfg->templates) {
    auto st = ctx.fs.stat(r.path);
    bool ok = st && st->is_directory();
    t += "  " + rel(r.path) + (ok ? "" : " (missing)") + "   from " + r.origin;
    if (!r.package.empty())
      t += r.trusted ? ", trusted (" + r.trust_origin + ")" : std::string(", untrusted");
    t += "\n";
  }
  t += "conflict:       " + std::string(config::conflict_name(cfg->conflict)) + "   from " +
       cfg->conflict_origin + "\n";
  t += "overwrite:      " + std::string(cfg->overwrite ? "true" : "false") + "   from " +
       (cfg->overwrite ? cfg->overwrite_origin : std::string("default")) + "\n";
  t += "cache.policy:   " + cfg->cache.policy + "   from " + cfg->cache.policy_origin + "\n";
  t += "cache.maxBytes: " +
       (cfg->cache.max_bytes.empty() ? std::string("50MB") : cfg->cache.max_bytes) + "   from " +
       cfg->cache.max_bytes_origin + "\n";
  t += "cache.shared:   " +
       (cfg->cache.shared.empty() ? std::string("(none)") : rel(cfg->cache.shared)) + "   from " +
       (cfg->cache.shared.empty() ? std::string("default") : cfg->cache.shared_origin) + "\n";
  t += "limits.renderTimeMs: " + std::to_string(cfg->limits.render_time_ms) + "   from " +
       cfg->limits.render_time_origin + "\n";
  t += "limits.outputBytes:  " + std::to_string(cfg->limits.output_bytes) + "   from " +
       cfg->limits.output_bytes_origin + "\n";
  t += "limits.partialDepth: " + std::to_string(cfg->limits.partial_depth) + "   from " +
       cfg->limits.partial_depth_origin + "\n";
  t += "perf.jobs:      " +
       (cfg->perf.jobs > 0 ? std::to_string(cfg->perf.jobs) : std::string("(automatic)")) +
       "   from " + (cfg->perf.jobs > 0 ? cfg->perf.jobs_origin : std::string("default")) + "\n";
  for (const auto& b : cfg->perf.budgets) {
    t += "perf.budgets." + b.operation + ": " + fmt::format("{}", b.ms) + " ms   from " + b.origin +
         "\n";
  }
  ctx.console.out(t);
  return {};
}

Status config_validate(Context& ctx, const std::vector<std::string>& rest, bool json_out) {
  std::string dir = ctx.cwd;
  if (rest.size() > 1) {
    std::string path = config::absolute_path(ctx.cwd, rest[1]);
    auto st = ctx.fs.stat(path);
    if (!st || !st->exists()) {
      return make_coded_error(ErrorKind::kNotFound, "CONFIG_FILE_NOT_FOUND",
                              "Configuration file not found: " + rest[1],
                              {{"Create one", "hypergen config init"}});
    }
    std::string base = path.substr(path.rfind('/') + 1);
    if (!st->is_directory() && base != "hypergen.yml" && base != ".hypergen.yml" &&
        base != "hypergen.json") {
      return make_coded_error(ErrorKind::kUsage, "CONFIG_INVALID_FORMAT",
                              "not a configuration file name: " + base +
                                  " (hypergen.yml, .hypergen.yml or hypergen.json)");
    }
    dir = st->is_directory() ? path : path.substr(0, path.rfind('/'));
  }
  auto cfg = load_at(ctx, dir);
  if (!cfg) {
    Error e = cfg.error();
    if (e.code.empty()) e.code = "CONFIG_INVALID_FORMAT";
    e.suggestions.push_back({"See the keys a configuration file may hold", "hypergen help config"});
    return tl::unexpected(e);
  }
  std::vector<std::string> problems;
  for (const auto& r : cfg->templates) {
    auto st = ctx.fs.stat(r.path);
    if (!st || !st->is_directory())
      problems.push_back("template folder " + r.path + " (from " + r.origin + ") does not exist");
  }
  if (json_out) {
    json doc = settings_json(ctx, *cfg);
    doc["valid"] = problems.empty();
    doc["problems"] = problems;
    ctx.console.out(doc.dump(2) + "\n");
  } else if (problems.empty()) {
    ctx.console.out("✅ Configuration is valid: " +
                    (cfg->config_file.empty() ? std::string("(no file, defaults)")
                                              : render::display_path(ctx.cwd, cfg->config_file)) +
                    "\n");
  }
  if (problems.empty()) return {};
  std::string msg = "Configuration validation failed:";
  for (const auto& p : problems) msg += "\n  • " + p;
  return make_coded_error(ErrorKind::kData, "CONFIG_INVALID_FORMAT", msg,
                          {{"Fix 'templates:' in the configuration file", ""}});
}

Status config_init(Context& ctx, const std::vector<std::string>& rest, bool json_out) {
  std::string format = "yaml";
  bool force = false;
  for (std::size_t i = 1; i < rest.size(); ++i) {
    if (rest[i].starts_with("--format=")) {
      format = rest[i].substr(9);
    } else if (rest[i] == "--format" && i + 1 < rest.size()) {
      format = rest[++i];
    } else if (rest[i] == "--force") {
      force = true;
    } else {
      return make_coded_error(ErrorKind::kUsage, "ACTION_INVALID_PARAMETERS",
                              "config init: unexpected argument '" + rest[i] + "'");
    }
  }
  if (format != "yaml" && format != "yml" && format != "json") {
    return make_coded_error(ErrorKind::kUsage, "ACTION_INVALID_PARAM_VALUE",
                            "config init: --format must be yaml or json, got '" + format + "'");
  }
  bool json_fmt = format == "json";
  std::string name = json_fmt ? "hypergen.json" : "hypergen.yml";
  std::string path = ctx.cwd + "/" + name;
  auto st = ctx.fs.stat(path);
  if (st && st->exists() && !force) {
    return make_coded_error(ErrorKind::kConflict, "FILE_ALREADY_EXISTS",
                            "File already exists: " + name,
                            {{"Replace it", "hypergen config init --force"},
                             {"See what it sets", "hypergen config show"}});
  }
  std::string content = json_fmt
                            ? "{\n  \"templates\": [\"_templates\"],\n  \"conflict\": \"fail\",\n"
                              "  \"cache\": {\"policy\": \"lru\", \"maxBytes\": \"50MB\"}\n}\n"
                            : "# Hypergen project configuration (docs/cli.md#configuration)\n"
                              "# Template folders, relative to this file, searched in order.\n"
                              "templates:\n"
                              "  - _templates\n"
                              "# Same generator/action in two folders: fail | override | skip\n"
                              "conflict: fail\n"
                              "cache:\n"
                              "  policy: lru        # lru | lfu | ttl\n"
                              "  maxBytes: 50MB\n";
  std::vector<apply::FileChange> changes;
  if (st && st->exists()) {
    auto old = ctx.fs.read_file(path);
    if (!old) return tl::unexpected(old.error());
    changes.push_back({apply::FileChange::Kind::kOverwrite, path, content, *old});
  } else {
    changes.push_back({apply::FileChange::Kind::kCreate, path, content, std::nullopt});
  }
  apply::ApplyOptions opts;
  opts.project_root = ctx.cwd;
  auto applied = apply::apply_changes(ctx.fs, opts, changes);
  if (!applied) return tl::unexpected(applied.error());
  if (json_out) {
    ctx.console.out(json{{"created", name}, {"format", json_fmt ? "json" : "yaml"}}.dump(2) + "\n");
  } else {
    ctx.console.out("✅ Created " + name + "\n   Next: hypergen config show\n");
  }
  return {};
}

}  // namespace

Status config_command(Context& ctx, std::span<const std::string> args) {
  std::vector<std::string> rest;
  bool json_out = take_json(args, rest);
  if (rest.empty()) {
    return make_coded_error(ErrorKind::kUsage, "ACTION_INVALID_PARAMETERS",
                            "Config subcommand required. Available: init, show, validate");
  }
  if (rest[0] == "show" && rest.size() == 1) return config_show(ctx, json_out);
  if (rest[0] == "validate" && rest.size() <= 2) return config_validate(ctx, rest, json_out);
  if (rest[0] == "init") return config_init(ctx, rest, json_out);
  return make_coded_error(
      ErrorKind::kUsage, "ACTION_INVALID_PARAMETERS",
      "config: unknown subcommand or arguments '" + rest[0] + "'. Available: init, show, validate");
}

Status system_command(Context& ctx, std::span<const std::string> args) {
  std::vector<std::string> rest;
  bool json_out = take_json(args, rest);
  if (rest.size() != 1 || (rest[0] != "status" && rest[0] != "version")) {
    return make_coded_error(ErrorKind::kUsage, "ACTION_INVALID_PARAMETERS",
                            "System subcommand required. Available: status, version");
  }
  if (rest[0] == "version") {
    if (json_out) {
      ctx.console.out(json{{"name", "hypergen"}, {"version", HYPERGEN_VERSION}}.dump(2) + "\n");
    } else {
      ctx.console.out("Hypergen " HYPERGEN_VERSION
                      "\nA fast, native code generator (Hygen and Hypergen V8 compatible)\n");
    }
    return {};
  }
  auto cfg = load_at(ctx, ctx.cwd);
  if (!cfg) return tl::unexpected(cfg.error());
  auto gens = generators(ctx, *cfg);
  if (!gens) return tl::unexpected(gens.error());
  auto v8 = find_v8_generators(ctx, *cfg);
  if (!v8) return tl::unexpected(v8.error());
  std::set<std::string> v8_level, categories;
  std::size_t invalid = 0;
  for (const auto& e : *v8) {
    if (e.action.empty()) v8_level.insert(e.generator);
    if (!e.category.empty()) categories.insert(e.category);
    if (!e.valid) ++invalid;
  }
  std::size_t hygen = 0, actions = 0;
  for (const auto& g : *gens) {
    if (v8_level.count(g.name)) continue;
    ++hygen;
    for (const auto& a : g.actions) actions += a.is_dir ? 1 : 0;
  }
  if (json_out) {
    json doc;
    doc["version"] = HYPERGEN_VERSION;
    doc["projectRoot"] = cfg->project_root;
    doc["configFile"] = cfg->config_file;
    doc["roots"] = json::array();
    for (const auto& r : cfg->templates) doc["roots"].push_back(root_json(r));
    doc["hygenGenerators"] = hygen;
    doc["hygenActions"] = actions;
    doc["v8Generators"] = v8->size();
    doc["v8Invalid"] = invalid;
    doc["categories"] = categories;
    ctx.console.out(doc.dump(2) + "\n");
    return {};
  }
  std::string t = "Hypergen " HYPERGEN_VERSION "\n";
  t += "  project:    " + cfg->project_root + "\n";
  t += "  config:     " + (cfg->config_file.empty() ? std::string("(none)") : cfg->config_file) +
       "\n";
  for (const auto& r : cfg->templates)
    t += "  templates:  " + render::display_path(ctx.cwd, r.path) + " (" + r.origin +
         (r.package.empty() ? ""
          : r.trusted       ? ", trusted"
                            : ", untrusted") +
         ")\n";
  t += "  generators: " + std::to_string(hygen + v8->size()) + " (" + std::to_string(hygen) +
       " Hygen with " + std::to_string(actions) + " actions, " + std::to_string(v8->size()) +
       " V8" + (invalid ? ", " + std::to_string(invalid) + " invalid" : "") + ")\n";
  std::string cats;
  for (const auto& c : categories) cats += (cats.empty() ? "" : ", ") + c;
  t += "  categories: " + (cats.empty() ? std::string("(none)") : cats) + "\n";
  ctx.console.out(t);
  return {};
}

}  // namespace hypergen::app
