#include "app/list_command.h"

#include "app/cache_command.h"
#include "app/trust.h"
#include "app/v8.h"
#include "app/v8_commands.h"
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

namespace {

// The Hygen generators `list` shows, as views: names and folder actions in
// output order. Built in place from the index when its generators are
// already in merged order (names strictly increasing, so no name repeats
// across roots: the usual single root), else from discover's merged shape.
struct Listing {
  struct Generator {
    std::string_view name;
    std::size_t first_action = 0, action_count = 0;
  };
  std::vector<Generator> generators;
  std::vector<std::string_view> actions;
  std::vector<discover::GeneratorInfo> owned;  // backs the views when merged
};

bool in_merged_order(const index::Index& idx) {
  std::string_view previous;
  for (std::size_t i = 0; i < idx.generator_count(); ++i) {
    std::string_view name = idx.string(idx.generator_record(i).name);
    if (i > 0 && !(previous < name)) return false;
    previous = name;
  }
  return true;
}

Listing listing_from_index(const index::Index& idx, const std::set<std::string>& hidden) {
  Listing out;
  out.generators.reserve(idx.generator_count());
  out.actions.reserve(idx.action_count());
  for (std::size_t gi = 0; gi < idx.generator_count(); ++gi) {
    index::GeneratorRecord g = idx.generator_record(gi);
    std::string_view name = idx.string(g.name);
    if (!hidden.empty() && hidden.count(std::string(name))) continue;
    Listing::Generator lg{name, out.actions.size(), 0};
    for (std::size_t ai = g.first_action; ai < g.first_action + g.action_count; ++ai) {
      index::ActionRecord a = idx.action_record(ai);
      if ((a.flags & index::kActionIsDir) != 0) out.actions.push_back(idx.string(a.name));
    }
    lg.action_count = out.actions.size() - lg.first_action;
    out.generators.push_back(lg);
  }
  return out;
}

Listing listing_from(std::vector<discover::GeneratorInfo> gens,
                     const std::set<std::string>& hidden) {
  Listing out;
  out.owned = std::move(gens);
  for (const auto& g : out.owned) {
    if (hidden.count(g.name)) continue;
    Listing::Generator lg{g.name, out.actions.size(), 0};
    for (const auto& a : g.actions) {
      if (a.is_dir) out.actions.push_back(a.name);
    }
    lg.action_count = out.actions.size() - lg.first_action;
    out.generators.push_back(lg);
  }
  return out;
}

}  // namespace

Status list_command(Context& ctx, std::span<const std::string> args) {
  bool json = false;
  std::optional<std::string> category;
  for (const auto& a : args) {
    if (a == "--json") {
      json = true;
    } else if (!category && !a.starts_with("-")) {
      category = a;
    } else {
      return make_error(ErrorKind::kUsage, "list: unexpected argument '" + a + "'\n" + kListUsage);
    }
  }
  auto cfg = load_project_config(ctx);
  if (!cfg) return tl::unexpected(cfg.error());
  // One index load serves both the Hygen and the V8 generators.
  std::optional<index::Loaded> loaded;
  if (index_enabled(ctx)) loaded = load_index(ctx, *cfg, index::Depth::kGenerators);
  auto v8 = find_v8_generators(ctx, *cfg, loaded ? &loaded->index : nullptr);
  if (!v8) return tl::unexpected(v8.error());
  // Generators whose folder is one V8 generator are listed as V8 only; a
  // Hygen generator's action with a template.yml stays an action.
  std::set<std::string> v8_level;
  for (const auto& e : *v8) {
    if (e.action.empty()) v8_level.insert(e.generator);
  }
  Listing listing;
  if (loaded && in_merged_order(loaded->index)) {
    listing = listing_from_index(loaded->index, v8_level);
  } else {
    auto all_gens = loaded ? Result<std::vector<discover::GeneratorInfo>>(
                                 resolve::merge_generators(loaded->index.generator_infos()))
                           : generators(ctx, *cfg);
    if (!all_gens) return tl::unexpected(all_gens.error());
    listing = listing_from(std::move(*all_gens), v8_level);
  }
  auto* gens = &listing.generators;
  if (category) {
    std::set<std::string> categories;
    std::vector<V8Entry> in_category;
    for (const auto& e : *v8) {
      if (!e.category.empty()) categories.insert(e.category);
      if (e.category == *category) in_category.push_back(e);
    }
    if (in_category.empty()) {
      std::string available;
      for (const auto& c : categories) available += (available.empty() ? "" : ", ") + c;
      return make_coded_error(
          ErrorKind::kNotFound, "ACTION_NOT_FOUND",
          "No actions found in category '" + *category +
              "'. Available categories: " + (available.empty() ? "(none)" : available),
          {{"List everything", "hypergen list"}});
    }
    *v8 = std::move(in_category);
    gens->clear();
  }
  if (json) {
    nlohmann::json doc;
    doc["roots"] = nlohmann::json::array();
    for (const auto& r : cfg->templates) doc["roots"].push_back(root_json(r));
    doc["generators"] = nlohmann::json::array();
    for (const auto& g : *gens) {
      nlohmann::json actions = nlohmann::json::array();
      for (std::size_t i = 0; i < g.action_count; ++i) {
        actions.push_back(listing.actions[g.first_action + i]);
      }
      doc["generators"].push_back({{"name", g.name}, {"actions", actions}});
    }
    doc["v8"] = nlohmann::json::array();
    for (const auto& e : *v8) {
      doc["v8"].push_back({{"name", e.name},
                           {"generator", e.generator},
                           {"action", e.action},
                           {"description", e.description},
                           {"category", e.category},
                           {"tags", e.tags},
                           {"variables", e.variables},
                           {"valid", e.valid},
                           {"usage", e.usage},
                           {"path", render::display_path(ctx.cwd, e.manifest_path)}});
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
    text += "Loaded templates: " + render::display_path(ctx.cwd, r.path) + root_note(r) + "\n";
  }
  text += "\n";
  std::string_view bold = ctx.color ? "\x1b[1m" : "";
  std::string_view reset = ctx.color ? "\x1b[0m" : "";
  text.reserve(text.size() + listing.actions.size() * 16 + gens->size() * 24);
  for (const auto& g : *gens) {
    text += bold;
    text += g.name;
    text += reset;
    text += ':';
    for (std::size_t i = 0; i < g.action_count; ++i) {
      text += i == 0 ? std::string_view(" ") : std::string_view(", ");
      text += listing.actions[g.first_action + i];
    }
    text += '\n';
  }
  if (gens->empty() && v8->empty()) text += "(no generators)\n";
  if (!v8->empty()) {
    text += std::string(gens->empty() ? "" : "\n") + "V8 generators (template.yml):\n";
    std::set<std::string> categories;
    for (const auto& e : *v8) {
      text += "  • " + std::string(bold) + e.name + std::string(reset);
      if (!e.description.empty()) text += " - " + e.description;
      if (!e.category.empty()) {
        text += " [" + e.category + "]";
        categories.insert(e.category);
      }
      if (!e.valid)
        text += " (invalid: hypergen template validate " +
                render::display_path(ctx.cwd, e.manifest_path) + ")";
      text += "\n      " + e.usage + "\n";
    }
    if (!categories.empty() && !category) {
      std::string cats;
      for (const auto& c : categories) cats += (cats.empty() ? "" : ", ") + c;
      text += "\nCategories: " + cats + " (hypergen list CATEGORY)\n";
    }
  }
  ctx.console.out(text);
  return {};
}

Status generator_help(Context& ctx, const std::string& generator) {
  auto cfg = load_project_config(ctx);
  if (!cfg) return tl::unexpected(cfg.error());
  bool used_action = false;
  if (auto v8 = v8_for_words(ctx, *cfg, generator, std::nullopt, &used_action)) {
    const std::string words[] = {v8->name};
    return info_command(ctx, words);
  }
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
                     ")\n" + source_line(ctx, *cfg, gen->path) + "\nUsage: hypergen " + gen->name +
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
