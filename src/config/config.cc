#include "config/config.h"

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

struct FileValues {
  std::vector<std::pair<std::string, int>> templates;  // value, line
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
  return values;
}

std::string origin_of(const std::string& file, int line) {
  std::string name = file.substr(file.rfind('/') + 1);
  return line > 0 ? name + ":" + std::to_string(line) : name;
}

}  // namespace

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
    return config;
  }
  for (const char* name : {"HYPERGEN_TMPLS", "HYGEN_TMPLS"}) {
    if (auto v = env(name); v && !v->empty()) {
      std::string path = absolute_path(cwd, *v);
      auto st = fs.stat(path);
      if (st && st->exists()) {
        config.templates.push_back({path, std::string("$") + name});
        return config;
      }
    }
  }
  std::string local = cwd == "/" ? "/_templates" : cwd + "/_templates";
  auto st = fs.stat(local);
  if (st && st->exists()) config.templates.push_back({local, "./_templates"});
  return config;
}

}  // namespace hypergen::config
