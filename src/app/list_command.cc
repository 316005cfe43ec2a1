#include "app/list_command.h"

#include "app/cache_command.h"
#include "app/workspace.h"

#include <set>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "config/config.h"
#include "discover/discover.h"
#include "render/engines.h"
#include "render/render.h"
#include "render/variables.h"
#include "resolve/resolve.h"
#include "util/spellcheck.h"

namespace hypergen::app {

namespace {}  // namespace

Status list_command(Context& ctx, std::span<const std::string> args) {
  bool json = false;
  for (const auto& a : args) {
    if (a == "--json") {
      json = true;
    } else {
      return make_error(ErrorKind::kUsage, "list: unexpected argument '" + a + "'\n" + kListUsage);
    }
  }
  auto cfg = load_project_config(ctx);
  if (!cfg) return tl::unexpected(cfg.error());
  auto gens = generators(ctx, *cfg);
  if (!gens) return tl::unexpected(gens.error());
  if (json) {
    nlohmann::json doc;
    doc["roots"] = nlohmann::json::array();
    for (const auto& r : cfg->templates)
      doc["roots"].push_back({{"path", r.path}, {"origin", r.origin}});
    doc["generators"] = nlohmann::json::array();
    for (const auto& g : *gens) {
      nlohmann::json actions = nlohmann::json::array();
      for (const auto& a : g.actions) {
        if (a.is_dir) actions.push_back(a.name);
      }
      doc["generators"].push_back({{"name", g.name}, {"actions", actions}});
    }
    ctx.console.out(doc.dump(2) + "\n");
    return {};
  }
  if (cfg->templates.empty()) {
    ctx.console.out(
        "No templates found: no _templates folder here, no 'templates:' in hypergen.yml and no "
        "$HYPERGEN_TMPLS.\nRun 'hypergen init self' to create one.\n");
    return {};
  }
  std::string text;
  for (const auto& r : cfg->templates) {
    text += "Loaded templates: " + render::display_path(ctx.cwd, r.path) + "\n";
  }
  text += "\n";
  const char* bold = ctx.color ? "\x1b[1m" : "";
  const char* reset = ctx.color ? "\x1b[0m" : "";
  for (const auto& g : *gens) {
    text += std::string(bold) + g.name + reset + ":";
    bool first = true;
    for (const auto& a : g.actions) {
      if (!a.is_dir) continue;
      text += first ? " " : ", ";
      text += a.name;
      first = false;
    }
    text += "\n";
  }
  if (gens->empty()) text += "(no generators)\n";
  ctx.console.out(text);
  return {};
}

Status generator_help(Context& ctx, const std::string& generator) {
  auto cfg = load_project_config(ctx);
  if (!cfg) return tl::unexpected(cfg.error());
  auto gens = generators(ctx, *cfg);
  if (!gens) return tl::unexpected(gens.error());
  const discover::GeneratorInfo* gen = nullptr;
  std::vector<std::string> names;
  for (const auto& g : *gens) {
    names.push_back(g.name);
    if (g.name == generator) gen = &g;
  }
  if (!gen) {
    std::string message = "no help for '" + generator + "': not a command or a generator";
    if (auto hint = suggest(generator, names)) message += " (did you mean '" + *hint + "'?)";
    return make_error(ErrorKind::kNotFound, message);
  }
  std::string text = "Generator " + gen->name + " (" + render::display_path(ctx.cwd, gen->path) +
                     ")\n\nUsage: hypergen " + gen->name +
                     " <action> [name] [--variable value …]\n\nActions:\n";
  std::optional<index::Loaded> loaded;
  // The variables a template reads depend only on its bytes: with the
  // index's content hash they are cached on disk, so a repeated `help`
  // reads no template file.
  auto copts = cache_options(*cfg);
  if (!copts) return tl::unexpected(copts.error());
  cache::Cache cache(*copts, &ctx.fs, nullptr, ctx.metrics);
  for (const auto& a : gen->actions) {
    if (!a.is_dir) continue;
    auto files = action_templates(ctx, *cfg, a.path, &loaded);
    if (!files) return tl::unexpected(files.error());
    std::unordered_map<std::string, std::uint64_t> hashes;
    for (std::size_t i = 0; i < files->content_hashes.size(); ++i) {
      hashes.emplace(files->files[i].path, files->content_hashes[i]);
    }
    auto ordered = resolve::order_templates(std::move(files->files), std::nullopt);
    if (!ordered) return tl::unexpected(ordered.error());
    std::set<std::string> vars;
    std::size_t liquid_count = 0, other = 0;
    for (const auto& f : *ordered) {
      auto match = render::engine_for(f.path.substr(f.path.rfind('/') + 1));
      if (match.kind != render::EngineKind::kLiquid) {  // variables are read from Liquid only
        ++other;
        continue;
      }
      ++liquid_count;
      std::optional<cache::Key> key;
      if (auto h = hashes.find(f.path); h != hashes.end()) {
        key = cache::KeyBuilder("help-variables").add(h->second).key();
        if (auto hit = cache.get_bytes(*key)) {
          for (std::size_t at = 0; at < hit->size();) {
            auto nl = hit->find('\n', at);
            if (nl == std::string::npos) nl = hit->size();
            if (nl > at) vars.insert(hit->substr(at, nl - at));
            at = nl + 1;
          }
          continue;
        }
      }
      auto src = ctx.fs.read_file(f.path);
      if (!src) return tl::unexpected(src.error());
      std::string joined;
      for (auto& v : render::scan_variables(*src)) {
        joined += v + "\n";
        vars.insert(v);
      }
      if (key) cache.put_bytes(*key, joined);
    }
    std::string usage = a.name == "_default" ? gen->name : gen->name + " " + a.name;
    text += "  " + usage + "\n";
    text += "    templates: " + std::to_string(liquid_count) + " Liquid";
    if (other) text += ", " + std::to_string(other) + " other (EJS or plain files)";
    text += "\n";
    if (!vars.empty()) {
      text += "    variables:";
      for (const auto& v : vars) text += " " + v;
      text += "\n";
    }
  }
  text +=
      "\nEvery --flag becomes a variable (--my-var also gives myVar); the name comes from the\n"
      "third word or --name. Built-in variables: name, Name, names, Names, generator, action,\n"
      "subaction, templates, actionfolder, cwd, ts, _.\n";
  cache.prune_if_written();
  ctx.console.out(text);
  return {};
}

}  // namespace hypergen::app
