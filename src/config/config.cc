#include "config/config.h"

#include <algorithm>
#include <charconv>

#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <tuple>

#include <nlohmann/json.hpp>

namespace hypergen::config {

const char* conflict_name(ConflictStrategy s) {
  switch (s) {
    case ConflictStrategy::kFail:
      return "fail";
    case ConflictStrategy::kOverride:
      return "override";
    case ConflictStrategy::kSkip:
      return "skip";
  }
  return "fail";
}

std::string absolute_path(const std::string& base, std::string_view path) {
  std::string joined =
      (!path.empty() && path[0] == '/') ? std::string(path) : base + "/" + std::string(path);
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= joined.size()) {
    auto slash = joined.find('/', start);
    std::string part =
        joined.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  std::string out;
  for (const auto& p : parts) out += "/" + p;
  return out.empty() ? "/" : out;
}

namespace {

std::string parent_of(const std::string& dir) {
  auto slash = dir.rfind('/');
  if (slash == 0 || slash == std::string::npos) return "/";
  return dir.substr(0, slash);
}

// One entry of a list key (`packages:`, `trust:`) and where it was written
// (line and column 0 in a JSON file).
struct ListEntry {
  std::string value;
  int line = 0;
  int column = 0;
};

struct FileValues {
  std::vector<std::pair<std::string, int>> templates;  // value, line
  std::vector<ListEntry> packages, trust;
  std::optional<std::pair<std::string, int>> conflict;
  std::optional<std::pair<std::string, int>> cache_policy, cache_max_bytes, cache_shared;
  std::optional<std::pair<std::string, int>> limit_render_time, limit_output, limit_depth;
  // perf.jobs and perf.budgets.<operation> as written, with their lines.
  std::optional<std::pair<std::string, int>> perf_jobs;
  std::vector<std::tuple<std::string, std::string, int>> perf_budgets;
};

constexpr char kPerfKeys[] = "(known: jobs, budgets)";

using Slot = std::optional<std::pair<std::string, int>>;

// The sections of plain key: scalar settings (`cache:`, `limits:`), read the
// same way from the YAML and the JSON project file.
struct Section {
  const char* name;
  const char* known;  // for messages
  Slot* (*slot)(FileValues&, const std::string& key);
};

const Section kCacheSection{"cache", "policy, maxBytes, shared",
                            [](FileValues& v, const std::string& key) -> Slot* {
                              if (key == "policy") return &v.cache_policy;
                              if (key == "maxBytes") return &v.cache_max_bytes;
                              if (key == "shared") return &v.cache_shared;
                              return nullptr;
                            }};
const Section kLimitsSection{"limits", "renderTimeMs, outputBytes, partialDepth",
                             [](FileValues& v, const std::string& key) -> Slot* {
                               if (key == "renderTimeMs") return &v.limit_render_time;
                               if (key == "outputBytes") return &v.limit_output;
                               if (key == "partialDepth") return &v.limit_depth;
                               return nullptr;
                             }};

std::string unknown_key(const Section& section, const std::string& key) {
  return "unknown key '" + std::string(section.name) + "." + key + "' (known: " + section.known +
         ")";
}

Status read_yaml_section(const Section& section, const std::string& path, const YAML::Node& node,
                         FileValues& values) {
  if (node.IsNull()) return {};
  if (!node.IsMap()) {
    return make_error(
        ErrorKind::kData,
        "'" + std::string(section.name) + "' must be a mapping (" + section.known + ")",
        {path, node.Mark().line + 1, node.Mark().column + 1});
  }
  for (const auto& item : node) {
    std::string key = item.first.Scalar();
    const YAML::Node& v = item.second;
    Slot* slot = section.slot(values, key);
    if (!slot) {
      return make_error(ErrorKind::kData, unknown_key(section, key),
                        {path, item.first.Mark().line + 1, item.first.Mark().column + 1});
    }
    if (!v.IsScalar()) {
      return make_error(ErrorKind::kData,
                        "'" + std::string(section.name) + "." + key + "' must be a single value",
                        {path, v.Mark().line + 1, v.Mark().column + 1});
    }
    *slot = std::make_pair(v.Scalar(), v.Mark().line + 1);
  }
  return {};
}

Status read_json_section(const Section& section, const std::string& path,
                         const nlohmann::json& node, FileValues& values) {
  if (!node.is_object()) {
    return make_error(ErrorKind::kData, "'" + std::string(section.name) + "' must be an object",
                      {path, 0, 0});
  }
  for (const auto& [key, v] : node.items()) {
    Slot* slot = section.slot(values, key);
    if (!slot) return make_error(ErrorKind::kData, unknown_key(section, key), {path, 0, 0});
    if (v.is_string()) {
      *slot = std::make_pair(v.get<std::string>(), 0);
    } else if (v.is_number_unsigned()) {
      *slot = std::make_pair(std::to_string(v.get<std::uint64_t>()), 0);
    } else {
      return make_error(ErrorKind::kData,
                        "'" + std::string(section.name) + "." + key + "' must be a string",
                        {path, 0, 0});
    }
  }
  return {};
}

Status read_yaml_perf(const std::string& path, const YAML::Node& node, FileValues& values) {
  if (node.IsNull()) return {};
  auto at = [&](const YAML::Node& n) -> SourceLocation {
    return {path, n.Mark().line + 1, n.Mark().column + 1};
  };
  if (!node.IsMap()) {
    return make_error(ErrorKind::kData, "'perf' must be a mapping (jobs, budgets)", at(node));
  }
  for (const auto& item : node) {
    std::string key = item.first.Scalar();
    const YAML::Node& v = item.second;
    if (key == "jobs") {
      if (!v.IsScalar()) return make_error(ErrorKind::kData, "'perf.jobs' must be a number", at(v));
      values.perf_jobs = std::make_pair(v.Scalar(), v.Mark().line + 1);
    } else if (key == "budgets") {
      if (v.IsNull()) continue;
      if (!v.IsMap()) {
        return make_error(ErrorKind::kData,
                          "'perf.budgets' must be a mapping of operation: milliseconds", at(v));
      }
      for (const auto& b : v) {
        if (!b.second.IsScalar()) {
          return make_error(ErrorKind::kData,
                            "'perf.budgets." + b.first.Scalar() + "' must be a number",
                            at(b.second));
        }
        values.perf_budgets.emplace_back(b.first.Scalar(), b.second.Scalar(),
                                         b.second.Mark().line + 1);
      }
    } else {
      return make_error(ErrorKind::kData, "unknown key 'perf." + key + "' " + kPerfKeys,
                        at(item.first));
    }
  }
  return {};
}

Status read_json_perf(const std::string& path, const nlohmann::json& node, FileValues& values) {
  if (!node.is_object())
    return make_error(ErrorKind::kData, "'perf' must be an object", {path, 0, 0});
  for (const auto& [key, v] : node.items()) {
    if (key == "jobs") {
      if (!v.is_number_integer())
        return make_error(ErrorKind::kData, "'perf.jobs' must be a number", {path, 0, 0});
      values.perf_jobs = std::make_pair(v.dump(), 0);
    } else if (key == "budgets") {
      if (!v.is_object()) {
        return make_error(ErrorKind::kData,
                          "'perf.budgets' must be an object of operation: milliseconds",
                          {path, 0, 0});
      }
      for (const auto& [op, ms] : v.items()) {
        if (!ms.is_number())
          return make_error(ErrorKind::kData, "'perf.budgets." + op + "' must be a number",
                            {path, 0, 0});
        values.perf_budgets.emplace_back(op, ms.dump(), 0);
      }
    } else {
      return make_error(ErrorKind::kData, "unknown key 'perf." + key + "' " + kPerfKeys,
                        {path, 0, 0});
    }
  }
  return {};
}

// `key: name` or `key: [names…]` (scalars only).
Status read_yaml_names(const std::string& path, const char* key, const YAML::Node& node,
                       std::vector<ListEntry>& into) {
  auto at = [&](const YAML::Node& n) -> SourceLocation {
    return {path, n.Mark().line + 1, n.Mark().column + 1};
  };
  if (node.IsNull()) return {};
  if (node.IsScalar()) {
    into.push_back({node.Scalar(), node.Mark().line + 1, node.Mark().column + 1});
    return {};
  }
  if (!node.IsSequence()) {
    return make_error(ErrorKind::kData,
                      "'" + std::string(key) + "' must be a list of npm package names", at(node));
  }
  for (const auto& item : node) {
    if (!item.IsScalar()) {
      return make_error(ErrorKind::kData,
                        "'" + std::string(key) + "' entries must be npm package names", at(item));
    }
    into.push_back({item.Scalar(), item.Mark().line + 1, item.Mark().column + 1});
  }
  return {};
}

Status read_json_names(const std::string& path, const char* key, const nlohmann::json& node,
                       std::vector<ListEntry>& into) {
  if (node.is_string()) {
    into.push_back({node.get<std::string>(), 0, 0});
    return {};
  }
  if (!node.is_array()) {
    return make_error(ErrorKind::kData,
                      "'" + std::string(key) + "' must be a list of npm package names",
                      {path, 0, 0});
  }
  for (const auto& item : node) {
    if (!item.is_string()) {
      return make_error(ErrorKind::kData,
                        "'" + std::string(key) + "' entries must be strings (npm package names)",
                        {path, 0, 0});
    }
    into.push_back({item.get<std::string>(), 0, 0});
  }
  return {};
}

Result<FileValues> read_yaml_config(const std::string& path, const std::string& text) {
  FileValues values;
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    return make_error(ErrorKind::kData, "YAML: " + e.msg,
                      {path, e.mark.line + 1, e.mark.column + 1});
  }
  if (!root || root.IsNull()) return values;
  if (!root.IsMap())
    return make_error(ErrorKind::kData, "the configuration must be a mapping", {path, 1, 1});
  try {
    if (auto t = root["templates"]) {
      if (t.IsScalar()) {
        values.templates.emplace_back(t.Scalar(), t.Mark().line + 1);
      } else if (t.IsSequence()) {
        for (const auto& item : t) {
          if (!item.IsScalar()) {
            return make_error(ErrorKind::kData, "'templates' entries must be folder paths",
                              {path, item.Mark().line + 1, item.Mark().column + 1});
          }
          values.templates.emplace_back(item.Scalar(), item.Mark().line + 1);
        }
      } else if (!t.IsNull()) {
        return make_error(ErrorKind::kData, "'templates' must be a folder or a list of folders",
                          {path, t.Mark().line + 1, t.Mark().column + 1});
      }
    }
    if (auto c = root["conflict"]) {
      values.conflict = std::make_pair(c.Scalar(), c.Mark().line + 1);
    }
    if (auto c = root["cache"])
      HG_RETURN_IF_ERROR(read_yaml_section(kCacheSection, path, c, values));
    if (auto c = root["limits"]) {
      HG_RETURN_IF_ERROR(read_yaml_section(kLimitsSection, path, c, values));
    }
    if (auto p = root["perf"]) HG_RETURN_IF_ERROR(read_yaml_perf(path, p, values));
    if (auto p = root["packages"])
      HG_RETURN_IF_ERROR(read_yaml_names(path, "packages", p, values.packages));
    if (auto t = root["trust"]) HG_RETURN_IF_ERROR(read_yaml_names(path, "trust", t, values.trust));
  } catch (const YAML::Exception& e) {
    return make_error(ErrorKind::kData, std::string("YAML: ") + e.what(), {path, 0, 0});
  }
  return values;
}

Result<FileValues> read_json_config(const std::string& path, const std::string& text) {
  FileValues values;
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded()) return make_error(ErrorKind::kData, "invalid JSON", {path, 0, 0});
  if (!j.is_object())
    return make_error(ErrorKind::kData, "the configuration must be an object", {path, 1, 1});
  if (j.contains("templates")) {
    const auto& t = j["templates"];
    if (t.is_string()) {
      values.templates.emplace_back(t.get<std::string>(), 0);
    } else if (t.is_array()) {
      for (const auto& item : t) {
        if (!item.is_string())
          return make_error(ErrorKind::kData, "'templates' entries must be strings", {path, 0, 0});
        values.templates.emplace_back(item.get<std::string>(), 0);
      }
    } else {
      return make_error(ErrorKind::kData, "'templates' must be a string or a list", {path, 0, 0});
    }
  }
  if (j.contains("conflict")) {
    if (!j["conflict"].is_string())
      return make_error(ErrorKind::kData, "'conflict' must be a string", {path, 0, 0});
    values.conflict = std::make_pair(j["conflict"].get<std::string>(), 0);
  }
  if (j.contains("cache")) {
    HG_RETURN_IF_ERROR(read_json_section(kCacheSection, path, j["cache"], values));
  }
  if (j.contains("limits")) {
    HG_RETURN_IF_ERROR(read_json_section(kLimitsSection, path, j["limits"], values));
  }
  if (j.contains("perf")) HG_RETURN_IF_ERROR(read_json_perf(path, j["perf"], values));
  if (j.contains("packages"))
    HG_RETURN_IF_ERROR(read_json_names(path, "packages", j["packages"], values.packages));
  if (j.contains("trust"))
    HG_RETURN_IF_ERROR(read_json_names(path, "trust", j["trust"], values.trust));
  return values;
}

std::string origin_of(const std::string& file, int line) {
  std::string name = file.substr(file.rfind('/') + 1);
  return line > 0 ? name + ":" + std::to_string(line) : name;
}

bool inside(std::string_view path, std::string_view dir) {
  if (dir == "/") return !path.empty() && path[0] == '/';
  return path == dir ||
         (path.size() > dir.size() && path.starts_with(dir) && path[dir.size()] == '/');
}

// The template root of the declared package `e` (docs/packages.md): its
// package.json `hypergen.templates`, else `_templates/`, else `generators/`.
Result<TemplateRoot> package_root(FileSystem& fs, const Config& config, const ListEntry& e) {
  const SourceLocation at{config.config_file, e.line, e.column};
  const std::string& name = e.value;
  std::string rel = "node_modules/" + name;
  std::string dir = absolute_path(config.project_root, rel);
  auto is_dir = [&](const std::string& p) {
    auto st = fs.stat(p);
    return st && st->is_directory();
  };
  if (!is_dir(dir)) {
    return make_coded_error(
        ErrorKind::kNotFound, "PACKAGE_NOT_FOUND",
        "package '" + name + "' (in 'packages:') is not installed: " + rel +
            " does not exist in the project",
        {{"Install it", "npm install " + name}, {"Or remove it from 'packages:'", ""}}, at);
  }
  TemplateRoot root;
  root.package = name;
  root.origin = "package " + name;
  std::string manifest = dir + "/package.json";
  auto pst = fs.stat(manifest);
  if (pst && pst->is_file()) {
    auto text = fs.read_file(manifest);
    if (!text) return tl::unexpected(text.error());
    nlohmann::json j = nlohmann::json::parse(*text, nullptr, false);
    if (j.is_discarded()) {
      return make_error(ErrorKind::kData, "invalid JSON in the package.json of '" + name + "'",
                        {manifest, 0, 0});
    }
    if (j.is_object() && j.contains("hypergen") && j["hypergen"].is_object() &&
        j["hypergen"].contains("templates")) {
      const auto& field = j["hypergen"]["templates"];
      if (!field.is_string() || field.get<std::string>().empty()) {
        return make_error(ErrorKind::kData,
                          "'hypergen.templates' must be a folder inside the package '" + name +
                              "' (a non-empty string)",
                          {manifest, 0, 0});
      }
      std::string wanted = field.get<std::string>();
      std::string path = absolute_path(dir, wanted);
      if (wanted[0] == '/' || !inside(path, dir)) {
        return make_error(ErrorKind::kData,
                          "'hypergen.templates' ('" + wanted + "') leads out of the package '" +
                              name + "': it must name a folder inside " + rel,
                          {manifest, 0, 0});
      }
      if (!is_dir(path)) {
        return make_error(
            ErrorKind::kNotFound,
            "'hypergen.templates' names '" + wanted + "', which is not a folder in " + rel,
            {manifest, 0, 0});
      }
      root.path = path;
      return root;
    }
  }
  for (const char* sub : {"_templates", "generators"}) {
    if (std::string path = dir + "/" + sub; is_dir(path)) {
      root.path = path;
      return root;
    }
  }
  return make_coded_error(ErrorKind::kNotFound, "PACKAGE_NOT_FOUND",
                          "package '" + name + "' has no templates: " + rel +
                              " has no _templates/ or generators/ folder and its package.json no "
                              "'hypergen.templates'",
                          {{"Check that it is a generator package", "ls " + rel}}, at);
}

// Adds the package roots after the project's own, with their trust.
Status add_packages(FileSystem& fs, const EnvLookup& env, const FileValues& values,
                    Config& config) {
  std::vector<std::string> names;
  for (const ListEntry& e : values.packages) {
    const SourceLocation at{config.config_file, e.line, e.column};
    if (!valid_package_name(e.value)) {
      return make_error(ErrorKind::kData,
                        "'" + e.value +
                            "' is not an npm package name ('name' or '@scope/name'; packages are "
                            "looked up in node_modules/)",
                        at);
    }
    if (std::find(names.begin(), names.end(), e.value) != names.end()) {
      return make_error(ErrorKind::kData, "package '" + e.value + "' is listed twice", at);
    }
    names.push_back(e.value);
  }
  std::vector<std::pair<std::string, std::string>> trusted;  // name, origin
  for (const ListEntry& e : values.trust) {
    if (std::find(names.begin(), names.end(), e.value) == names.end()) {
      return make_error(ErrorKind::kData,
                        "'trust' names '" + e.value +
                            "', which is not in 'packages:' (trust lists declared packages; "
                            "the project's own templates are always trusted)",
                        {config.config_file, e.line, e.column});
    }
    trusted.emplace_back(e.value, origin_of(config.config_file, e.line));
  }
  std::string everything;
  if (auto v = env("HYPERGEN_TRUST"); v && !v->empty() && *v != "0" && *v != "false") {
    everything = "$HYPERGEN_TRUST";
  }
  for (const ListEntry& e : values.packages) {
    auto root = package_root(fs, config, e);
    if (!root) return tl::unexpected(root.error());
    root->trusted = false;
    root->trust_origin.clear();
    for (const auto& [name, origin] : trusted) {
      if (name == e.value) {
        root->trusted = true;
        root->trust_origin = origin;
      }
    }
    if (!root->trusted && !everything.empty()) {
      root->trusted = true;
      root->trust_origin = everything;
    }
    config.templates.push_back(std::move(*root));
  }
  return {};
}

}  // namespace

bool valid_package_name(std::string_view name) {
  auto part_ok = [](std::string_view p) {
    if (p.empty() || p.size() > 214 || p[0] == '.' || p[0] == '_') return false;
    for (char c : p) {
      bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '-' || c == '.' || c == '_' || c == '~';
      if (!ok) return false;
    }
    return true;
  };
  if (name.starts_with("@")) {
    auto slash = name.find('/');
    if (slash == std::string_view::npos) return false;
    return part_ok(name.substr(1, slash - 1)) && part_ok(name.substr(slash + 1));
  }
  return part_ok(name);
}

void trust_all(Config& cfg, const std::string& origin) {
  for (TemplateRoot& r : cfg.templates) {
    if (r.trusted) continue;
    r.trusted = true;
    r.trust_origin = origin;
  }
}

const TemplateRoot* root_of(const Config& cfg, std::string_view path) {
  const TemplateRoot* best = nullptr;
  for (const TemplateRoot& r : cfg.templates) {
    if (inside(path, r.path) && (!best || r.path.size() > best->path.size())) best = &r;
  }
  return best;
}

bool path_trusted(const Config& cfg, std::string_view path) {
  if (const TemplateRoot* r = root_of(cfg, path)) return r->trusted;
  return !inside(path, absolute_path(cfg.project_root, "node_modules"));
}

std::vector<FoundPackage> undeclared_packages(FileSystem& fs, const Config& cfg) {
  std::vector<FoundPackage> out;
  std::string base = absolute_path(cfg.project_root, "node_modules");
  auto entries = fs.list_dir(base);
  if (!entries) return out;
  std::vector<std::string> names;
  for (const DirEntry& e : *entries) {
    if (e.name.starts_with(".")) continue;
    if (e.name.starts_with("@")) {
      auto scoped = fs.list_dir(base + "/" + e.name);
      if (!scoped) continue;
      for (const DirEntry& s : *scoped) names.push_back(e.name + "/" + s.name);
    } else {
      names.push_back(e.name);
    }
  }
  for (const std::string& name : names) {
    if (!valid_package_name(name)) continue;
    bool declared = std::any_of(cfg.templates.begin(), cfg.templates.end(),
                                [&](const TemplateRoot& r) { return r.package == name; });
    if (declared) continue;
    std::string dir = base + "/" + name, templates;
    for (const char* sub : {"_templates", "generators"}) {
      auto st = fs.stat(dir + "/" + sub);
      if (st && st->is_directory()) {
        templates = dir + "/" + sub;
        break;
      }
    }
    if (templates.empty()) continue;
    auto text = fs.read_file(dir + "/package.json");
    if (!text) continue;
    nlohmann::json j = nlohmann::json::parse(*text, nullptr, false);
    if (!j.is_object()) continue;
    bool keyword = false;
    if (j.contains("keywords") && j["keywords"].is_array()) {
      for (const auto& k : j["keywords"]) keyword = keyword || (k.is_string() && k == "hypergen");
    }
    bool looks = keyword || j.contains("hypergen") || name.find("hypergen-") != std::string::npos;
    if (looks) out.push_back({name, templates});
  }
  std::sort(out.begin(), out.end(),
            [](const FoundPackage& a, const FoundPackage& b) { return a.name < b.name; });
  return out;
}

bool has_untrusted_roots(const Config& cfg) {
  return std::any_of(cfg.templates.begin(), cfg.templates.end(),
                     [](const TemplateRoot& r) { return !r.trusted; });
}

Result<Config> load_config(FileSystem& fs, const EnvLookup& env, const std::string& cwd) {
  Config config;
  config.project_root = cwd;
  // Find the project file walking up.
  std::string dir = cwd;
  while (true) {
    bool found = false;
    for (const char* name : {"hypergen.yml", ".hypergen.yml", "hypergen.json"}) {
      std::string candidate = dir == "/" ? std::string("/") + name : dir + "/" + name;
      auto st = fs.stat(candidate);
      if (st && st->is_file()) {
        config.config_file = candidate;
        config.project_root = dir;
        found = true;
        break;
      }
    }
    if (found || dir == "/") break;
    dir = parent_of(dir);
  }
  FileValues values;
  if (!config.config_file.empty()) {
    auto text = fs.read_file(config.config_file);
    if (!text) return tl::unexpected(text.error());
    auto parsed = config.config_file.ends_with(".json")
                      ? read_json_config(config.config_file, *text)
                      : read_yaml_config(config.config_file, *text);
    if (!parsed) return tl::unexpected(parsed.error());
    values = std::move(*parsed);
  }
  if (values.conflict) {
    const auto& [v, line] = *values.conflict;
    if (v == "fail") {
      config.conflict = ConflictStrategy::kFail;
    } else if (v == "override") {
      config.conflict = ConflictStrategy::kOverride;
    } else if (v == "skip") {
      config.conflict = ConflictStrategy::kSkip;
    } else {
      return make_error(ErrorKind::kData,
                        "unknown conflict strategy '" + v + "' (use fail, override or skip)",
                        {config.config_file, line, 0});
    }
    config.conflict_origin = origin_of(config.config_file, line);
  }
  if (auto v = env("HYPERGEN_CONFLICT"); v && !v->empty()) {
    if (*v == "fail")
      config.conflict = ConflictStrategy::kFail;
    else if (*v == "override")
      config.conflict = ConflictStrategy::kOverride;
    else if (*v == "skip")
      config.conflict = ConflictStrategy::kSkip;
    else
      return make_error(ErrorKind::kUsage, "HYPERGEN_CONFLICT: unknown strategy '" + *v + "'");
    config.conflict_origin = "$HYPERGEN_CONFLICT";
  }
  if (values.cache_policy) {
    const auto& [v, line] = *values.cache_policy;
    if (v != "lru" && v != "lfu" && v != "ttl") {
      return make_error(ErrorKind::kData, "unknown cache policy '" + v + "' (use lru, lfu or ttl)",
                        {config.config_file, line, 0});
    }
    config.cache.policy = v;
    config.cache.policy_origin = origin_of(config.config_file, line);
  }
  if (values.cache_max_bytes) {
    const auto& [v, line] = *values.cache_max_bytes;
    config.cache.max_bytes = v;
    config.cache.max_bytes_origin = origin_of(config.config_file, line);
    config.cache.max_bytes_where = {config.config_file, line, 0};
  }
  if (values.cache_shared && !values.cache_shared->first.empty()) {
    const auto& [v, line] = *values.cache_shared;
    config.cache.shared = absolute_path(config.project_root, v);
    config.cache.shared_origin = origin_of(config.config_file, line);
  }
  // limits.<key>: whole numbers; each keeps where it came from.
  auto read_limit = [&](const Slot& slot, const char* key, std::uint64_t lowest,
                        std::uint64_t& into, std::string& origin) -> Status {
    if (!slot) return {};
    const auto& [v, line] = *slot;
    std::uint64_t n = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (ec != std::errc() || end != v.data() + v.size() || n < lowest) {
      return make_error(ErrorKind::kData,
                        "'limits." + std::string(key) + "' must be a whole number of at least " +
                            std::to_string(lowest) + ", got '" + v + "'",
                        {config.config_file, line, 0});
    }
    into = n;
    origin = origin_of(config.config_file, line);
    return {};
  };
  HG_RETURN_IF_ERROR(read_limit(values.limit_render_time, "renderTimeMs", 0,
                                config.limits.render_time_ms, config.limits.render_time_origin));
  HG_RETURN_IF_ERROR(read_limit(values.limit_output, "outputBytes", 1, config.limits.output_bytes,
                                config.limits.output_bytes_origin));
  HG_RETURN_IF_ERROR(read_limit(values.limit_depth, "partialDepth", 1, config.limits.partial_depth,
                                config.limits.partial_depth_origin));
  if (values.perf_jobs) {
    const auto& [v, line] = *values.perf_jobs;
    char* end = nullptr;
    long n = std::strtol(v.c_str(), &end, 10);
    if (v.empty() || *end != '\0' || n < 1 || n > 1024) {
      return make_error(ErrorKind::kData,
                        "'perf.jobs' must be a whole number from 1 to 1024, got '" + v + "'",
                        {config.config_file, line, 0});
    }
    config.perf.jobs = static_cast<int>(n);
    config.perf.jobs_origin = origin_of(config.config_file, line);
  }
  for (const auto& [op, v, line] : values.perf_budgets) {
    char* end = nullptr;
    double ms = std::strtod(v.c_str(), &end);
    if (v.empty() || *end != '\0' || !(ms > 0)) {
      return make_error(
          ErrorKind::kData,
          "'perf.budgets." + op + "' must be a positive number of milliseconds, got '" + v + "'",
          {config.config_file, line, 0});
    }
    config.perf.budgets.push_back({op, ms, origin_of(config.config_file, line)});
  }
  for (const char* name : {"HYPERGEN_OVERWRITE", "HYGEN_OVERWRITE"}) {
    if (auto v = env(name); v && !v->empty()) {
      config.overwrite = true;
      config.overwrite_origin = std::string("$") + name;
      break;
    }
  }
  if (!values.templates.empty()) {
    for (const auto& [path, line] : values.templates) {
      config.templates.push_back(
          {absolute_path(config.project_root, path), origin_of(config.config_file, line)});
    }
  } else {
    bool from_env = false;
    for (const char* name : {"HYPERGEN_TMPLS", "HYGEN_TMPLS"}) {
      if (auto v = env(name); v && !v->empty()) {
        std::string path = absolute_path(cwd, *v);
        auto st = fs.stat(path);
        if (st && st->exists()) {
          config.templates.push_back({path, std::string("$") + name});
          from_env = true;
          break;
        }
      }
    }
    if (!from_env) {
      std::string local = cwd == "/" ? "/_templates" : cwd + "/_templates";
      auto st = fs.stat(local);
      if (st && st->exists()) config.templates.push_back({local, "./_templates"});
    }
  }
  HG_RETURN_IF_ERROR(add_packages(fs, env, values, config));
  return config;
}

}  // namespace hypergen::config
