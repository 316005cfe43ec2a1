#include "resolve/resolve.h"

#include <algorithm>
#include <regex>
#include <unordered_map>

#include "args/args.h"
#include "resolve/collation.h"
#include "util/spellcheck.h"

namespace hypergen::resolve {

namespace {

std::string join(const std::string& a, const std::string& b) {
  return a + "/" + b;
}

bool exists(FileSystem& fs, const std::string& path) {
  auto st = fs.stat(path);
  return st && st->exists();
}

Result<std::optional<std::string>> word_at(std::span<const liquid::Value> pos, std::size_t i,
                                           const char* role) {
  if (i >= pos.size()) return std::optional<std::string>();
  const liquid::Value& v = pos[i];
  if (!args::js_truthy(v)) return std::optional<std::string>();
  if (!v.is_string()) {
    return make_error(ErrorKind::kUsage, std::string("the ") + role + " must be a name, got the " +
                                             v.type_name() + " '" + v.to_output() + "'");
  }
  return std::optional<std::string>(v.as_string());
}

std::string suggestion(std::string_view word, const std::vector<std::string>& names) {
  if (auto hint = suggest(word, names)) return " (did you mean '" + *hint + "'?)";
  return {};
}

}  // namespace

std::vector<discover::GeneratorInfo> merge_generators(std::vector<discover::GeneratorInfo> all) {
  // Linear in the number of generators: a name → position map, so 2,000
  // generators in several roots do not cost 2,000² name comparisons.
  std::vector<discover::GeneratorInfo> merged;
  merged.reserve(all.size());
  std::unordered_map<std::string, std::size_t> position;
  position.reserve(all.size());
  std::vector<bool> touched;
  for (auto& g : all) {
    auto [it, inserted] = position.try_emplace(g.name, merged.size());
    if (inserted) {
      merged.push_back(std::move(g));
      touched.push_back(false);
      continue;
    }
    auto& into = merged[it->second];
    for (auto& a : g.actions) {
      bool known = std::any_of(into.actions.begin(), into.actions.end(),
                               [&](const auto& x) { return x.name == a.name; });
      if (!known) into.actions.push_back(std::move(a));
    }
    touched[it->second] = true;
  }
  for (std::size_t i = 0; i < merged.size(); ++i) {
    if (!touched[i]) continue;
    std::sort(merged[i].actions.begin(), merged[i].actions.end(),
              [](const auto& x, const auto& y) { return x.name < y.name; });
  }
  // One root's generators come sorted: sorting moves of 2,000 entries cost more than the check.
  auto by_name = [](const auto& x, const auto& y) { return x.name < y.name; };
  if (!std::is_sorted(merged.begin(), merged.end(), by_name)) {
    std::sort(merged.begin(), merged.end(), by_name);
  }
  return merged;
}

Result<std::vector<discover::GeneratorInfo>> all_generators(FileSystem& fs,
                                                            const config::Config& cfg) {
  std::vector<discover::GeneratorInfo> all;
  for (std::size_t i = 0; i < cfg.templates.size(); ++i) {
    auto gens = discover::list_generators(fs, cfg.templates[i].path, i);
    if (!gens) return tl::unexpected(gens.error());
    for (auto& g : *gens) all.push_back(std::move(g));
  }
  return merge_generators(std::move(all));
}

Result<Resolution> resolve_action(FileSystem& fs, const config::Config& cfg,
                                  std::span<const liquid::Value> positionals) {
  if (cfg.templates.empty()) {
    return make_error(
        ErrorKind::kNotFound,
        "no templates found: there is no _templates folder here, no 'templates:' in "
        "hypergen.yml and no $HYPERGEN_TMPLS (run 'hypergen init self' to start one)");
  }
  auto p0 = word_at(positionals, 0, "generator");
  if (!p0) return tl::unexpected(p0.error());
  if (!*p0) return make_error(ErrorKind::kUsage, "please specify a generator");
  // The action position may hold the name under the _default rule, so only
  // complain about a number there once we know it is used as an action.
  std::optional<std::string> p1;
  if (positionals.size() > 1 && positionals[1].is_string() && !positionals[1].as_string().empty()) {
    p1 = positionals[1].as_string();
  }
  Resolution r;
  r.generator = **p0;
  auto roots_with = [&](const std::string& rel) {
    std::vector<std::size_t> found;
    for (std::size_t i = 0; i < cfg.templates.size(); ++i) {
      if (exists(fs, join(cfg.templates[i].path, rel))) found.push_back(i);
    }
    return found;
  };
  std::vector<std::size_t> roots;
  bool by_default = false;
  if (p1) {
    roots = roots_with(r.generator + "/" + *p1);
  }
  if (roots.empty()) {
    auto def = roots_with(r.generator + "/_default");
    if (!def.empty()) {
      roots = def;
      by_default = true;
    }
  }
  if (by_default) {
    r.action = "_default";
    if (positionals.size() > 1) r.name_positional = positionals[1];
  } else {
    if (positionals.size() > 1 && args::js_truthy(positionals[1]) && !positionals[1].is_string()) {
      return make_error(ErrorKind::kUsage, "the action must be a name, got the " +
                                               std::string(positionals[1].type_name()) + " '" +
                                               positionals[1].to_output() + "'");
    }
    if (!p1) {
      auto gens = all_generators(fs, cfg);
      if (!gens) return tl::unexpected(gens.error());
      bool gen_known = std::any_of(gens->begin(), gens->end(),
                                   [&](const auto& g) { return g.name == r.generator; });
      if (!gen_known) {
        std::vector<std::string> names;
        for (const auto& g : *gens) names.push_back(g.name);
        return make_error(ErrorKind::kNotFound, "unknown generator '" + r.generator + "'" +
                                                    suggestion(r.generator, names) +
                                                    "; run 'hypergen list' to see them all");
      }
      return make_error(ErrorKind::kUsage, "please specify an action for " + r.generator);
    }
    r.action = *p1;
    if (positionals.size() > 2) r.name_positional = positionals[2];
  }
  auto colon = r.action.find(':');
  r.main_action = r.action.substr(0, colon);
  if (colon != std::string::npos) {
    std::string rest = r.action.substr(colon + 1);
    std::string sub = rest.substr(0, rest.find(':'));
    if (!sub.empty()) r.subaction = sub;
  }
  if (roots.empty() && !by_default) roots = roots_with(r.generator + "/" + r.main_action);
  if (roots.empty()) {
    auto gens = all_generators(fs, cfg);
    if (!gens) return tl::unexpected(gens.error());
    auto it = std::find_if(gens->begin(), gens->end(),
                           [&](const auto& g) { return g.name == r.generator; });
    if (it == gens->end()) {
      std::vector<std::string> names;
      for (const auto& g : *gens) names.push_back(g.name);
      return make_error(ErrorKind::kNotFound, "unknown generator '" + r.generator + "'" +
                                                  suggestion(r.generator, names) +
                                                  "; run 'hypergen list' to see them all");
    }
    std::vector<std::string> actions;
    for (const auto& a : it->actions) {
      if (a.is_dir) actions.push_back(a.name);
    }
    return make_error(ErrorKind::kNotFound, "I can't find action '" + r.main_action +
                                                "' for generator '" + r.generator + "'" +
                                                suggestion(r.main_action, actions));
  }
  // The project's own roots shadow package roots: packages compete (by the
  // strategy below) only for what no project root defines.
  std::vector<std::size_t> candidates;
  for (std::size_t i : roots) {
    if (cfg.templates[i].package.empty()) candidates.push_back(i);
  }
  if (candidates.empty()) candidates = roots;
  for (std::size_t i : roots) {
    if (std::find(candidates.begin(), candidates.end(), i) == candidates.end())
      r.shadowed.push_back(cfg.templates[i].path);
  }
  roots = std::move(candidates);
  std::size_t chosen = roots.front();
  if (roots.size() > 1) {
    switch (cfg.conflict) {
      case config::ConflictStrategy::kFail: {
        std::string where;
        for (std::size_t i : roots)
          where += "\n  " + cfg.templates[i].path + " (" + cfg.templates[i].origin + ")";
        return make_error(ErrorKind::kConflict,
                          "'" + r.generator + " " + r.main_action +
                              "' is defined in more than one template root:" + where +
                              "\nset 'conflict: override' or 'conflict: skip' in hypergen.yml");
      }
      case config::ConflictStrategy::kOverride:
        chosen = roots.back();
        break;
      case config::ConflictStrategy::kSkip:
        chosen = roots.front();
        break;
    }
    for (std::size_t i : roots) {
      if (i != chosen) r.shadowed.push_back(cfg.templates[i].path);
    }
  }
  r.templates_root = cfg.templates[chosen].path;
  r.action_dir = join(join(r.templates_root, r.generator), r.main_action);
  return r;
}

Result<std::vector<discover::TemplateFile>> order_templates(
    std::vector<discover::TemplateFile> files, const std::optional<std::string>& subaction) {
  std::sort(files.begin(), files.end(),
            [](const auto& a, const auto& b) { return collate_less(a.path, b.path); });
  if (!subaction) return files;
  std::regex re;
  try {
    re = std::regex(*subaction, std::regex::ECMAScript);
  } catch (const std::regex_error& e) {
    return make_error(ErrorKind::kUsage,
                      "invalid sub-action regular expression '" + *subaction + "': " + e.what());
  }
  std::vector<discover::TemplateFile> kept;
  for (auto& f : files) {
    if (std::regex_search(f.rel, re)) kept.push_back(std::move(f));
  }
  return kept;
}

}  // namespace hypergen::resolve
