#include "manifest/compose.h"

#include <algorithm>

#include "manifest/expr.h"

namespace hypergen::manifest {

namespace {

constexpr char kComposition[] = "TEMPLATE_COMPOSITION_ERROR";
constexpr int kMaxDepth = 16;

std::string join_path(const std::string& base, const std::string& rel) {
  if (rel.starts_with("/")) return rel;
  std::vector<std::string> parts;
  auto push = [&](const std::string& p) {
    std::size_t at = 0;
    while (at <= p.size()) {
      auto s = p.find('/', at);
      if (s == std::string::npos) s = p.size();
      std::string seg = p.substr(at, s - at);
      if (seg == "..") {
        if (!parts.empty() && parts.back() != "..") {
          parts.pop_back();
        } else {
          parts.push_back(seg);
        }
      } else if (!seg.empty() && seg != ".") {
        parts.push_back(seg);
      }
      at = s + 1;
    }
  };
  push(base);
  push(rel);
  std::string out = base.starts_with("/") ? "" : ".";
  if (base.starts_with("/") && parts.empty()) return "/";
  for (const auto& p : parts) out += "/" + p;
  if (!base.starts_with("/")) out = out.substr(2);
  return out;
}

bool is_dir(FileSystem& fs, const std::string& p) {
  auto st = fs.stat(p);
  return st && st->is_directory();
}

bool is_file(FileSystem& fs, const std::string& p) {
  auto st = fs.stat(p);
  return st && st->exists() && !st->is_directory();
}

void union_values(std::vector<std::string>& into, const std::vector<std::string>& more) {
  for (const auto& v : more) {
    if (std::find(into.begin(), into.end(), v) == into.end()) into.push_back(v);
  }
}

// Merges `newer` into `older` field by field (fields `newer` sets).
void merge_fields(Variable& older, const Variable& newer) {
  for (const auto& [field, where] : newer.field_where) {
    if (field == "type") older.type = newer.type;
    if (field == "required") older.required = newer.required;
    if (field == "default") {
      older.has_default = newer.has_default;
      older.default_value = newer.default_value;
    }
    if (field == "description") older.description = newer.description;
    if (field == "prompt") older.prompt = newer.prompt;
    if (field == "pattern") older.pattern = newer.pattern;
    if (field == "min") older.min = newer.min;
    if (field == "max") older.max = newer.max;
    if (field == "multiple") older.multiple = newer.multiple;
    if (field == "internal") older.internal = newer.internal;
    if (field == "compute") older.compute = newer.compute;
    if (field == "when") older.when = newer.when;
    if (field == "message") older.message = newer.message;
    older.field_where[field] = where;
  }
  union_values(older.values, newer.values);
}

// Adds `newer`'s variables to `base`, resolving conflicts.
void merge_variables(Manifest& base, const Manifest& newer, const Conflicts& rules,
                     std::optional<Strategy> include_strategy, Composed& out) {
  for (const Variable& v : newer.variables) {
    Variable* existing = base.find(v.name);
    if (!existing) {
      base.variables.push_back(v);
      continue;
    }
    Strategy s = Strategy::kMerge;
    if (auto r = rules.rules.find(v.name); r != rules.rules.end()) {
      s = r->second;
    } else if (rules.strategy) {
      s = *rules.strategy;
    } else if (include_strategy) {
      s = *include_strategy;
    }
    std::string sources = existing->where.file + " and " + v.where.file;
    out.conflicts.push_back({v.name, sources, strategy_name(s)});
    switch (s) {
      case Strategy::kReplace:
        *existing = v;
        break;
      case Strategy::kMerge:
        merge_fields(*existing, v);
        break;
      case Strategy::kExtend:
        union_values(existing->values, v.values);
        if (v.min) existing->min = existing->min ? std::min(*existing->min, *v.min) : *v.min;
        if (v.max) existing->max = existing->max ? std::max(*existing->max, *v.max) : *v.max;
        if (!v.description.empty()) {
          existing->description += (existing->description.empty() ? "" : " ") + v.description;
        }
        break;
      case Strategy::kError:
        out.diagnostics.push_back({true, kComposition,
                                   "Variable conflict: '" + v.name + "' exists in both " + sources,
                                   v.where});
        break;
    }
  }
}

std::string shown(const std::string& cwd, const std::string& path) {
  if (!cwd.empty() && path.size() > cwd.size() && path.compare(0, cwd.size(), cwd) == 0 &&
      path[cwd.size()] == '/') {
    return path.substr(cwd.size() + 1);
  }
  return path;
}

Result<Composed> load_at(FileSystem& fs, const std::string& path, const liquid::Value& scope,
                         bool all_includes, int depth, const SourceLocation& from,
                         const std::string& cwd) {
  if (depth > kMaxDepth) {
    return make_coded_error(ErrorKind::kConflict, kComposition,
                            "Failed to resolve inheritance: more than " +
                                std::to_string(kMaxDepth) +
                                " levels of extends/includes (a cycle?) at " + path,
                            {}, from);
  }
  auto text = fs.read_file(path);
  if (!text) {
    return make_coded_error(ErrorKind::kNotFound, "TEMPLATE_NOT_FOUND",
                            "Template file not found: " + shown(cwd, path),
                            {{"Check the path in extends/includes", ""}}, from);
  }
  Parsed parsed = parse(*text, shown(cwd, path));
  Composed out;
  out.text = *text;
  out.diagnostics = std::move(parsed.diagnostics);
  Manifest own = std::move(parsed.manifest);
  own.dir = path.substr(0, path.rfind('/'));
  bool all = false;
  std::string own_templates = templates_dir_of(fs, own.dir, &all);
  Manifest result = own;
  if (!own.extends.empty()) {
    std::string target = join_path(own.dir, own.extends);
    if (is_dir(fs, target)) {
      target = manifest_in(fs, target);
    } else if (!is_file(fs, target)) {
      target.clear();
    }
    if (target.empty()) {
      return make_coded_error(ErrorKind::kNotFound, "TEMPLATE_NOT_FOUND",
                              "Failed to resolve inheritance: no template.yml in " +
                                  shown(cwd, join_path(own.dir, own.extends)),
                              {}, own.extends_where);
    }
    auto parent = load_at(fs, target, scope, all_includes, depth + 1, own.extends_where, cwd);
    if (!parent) return tl::unexpected(parent.error());
    // Parent first, the child's declarations on top.
    result = parent->manifest;
    result.file = own.file;
    result.dir = own.dir;
    result.name = own.name;
    result.name_where = own.name_where;
    if (!own.title.empty()) result.title = own.title;
    if (!own.description.empty()) result.description = own.description;
    if (!own.version.empty()) result.version = own.version;
    if (!own.author.empty()) result.author = own.author;
    if (!own.category.empty()) result.category = own.category;
    union_values(result.tags, own.tags);
    result.extends = own.extends;
    result.extends_where = own.extends_where;
    result.includes = own.includes;
    result.conflicts = own.conflicts;
    for (const Example& e : own.examples) result.examples.push_back(e);
    if (own.has_steps) {
      result.steps = own.steps;
      result.has_steps = true;
    }
    for (auto list : {&Hooks::pre, &Hooks::post, &Hooks::error}) {
      for (const Hook& h : own.hooks.*list) (result.hooks.*list).push_back(h);
    }
    merge_variables(result, own, own.conflicts, Strategy::kMerge, out);
    for (auto& d : parent->diagnostics) out.diagnostics.push_back(std::move(d));
    for (auto& c : parent->conflicts) out.conflicts.push_back(std::move(c));
    for (auto& s : parent->skipped) out.skipped.push_back(std::move(s));
    out.template_dirs = parent->template_dirs;
  }
  // Includes: conditions over the defaults plus the given values.
  liquid::Value cond_scope = liquid::Object{};
  for (const Variable& v : result.variables) {
    if (v.has_default) cond_scope.mutable_object().set(v.name, v.default_value);
  }
  if (scope.is_object()) {
    for (const auto& [k, v] : scope.as_object()) cond_scope.mutable_object().set(k, v);
  }
  std::vector<TemplateDir> included_dirs;
  for (const Include& inc : own.includes) {
    if (!inc.condition.empty() && !all_includes) {
      auto ok = evaluate_condition(inc.condition, cond_scope);
      if (!ok || !*ok) {
        out.skipped.push_back(inc.url + ": Condition not met: " + inc.condition);
        continue;
      }
    }
    std::string target = join_path(own.dir, inc.url);
    if (is_dir(fs, target)) target = manifest_in(fs, target);
    if (target.empty() || !is_file(fs, target)) {
      out.diagnostics.push_back({true, kComposition,
                                 "Include '" + inc.url + "' not found (no template.yml at " +
                                     shown(cwd, join_path(own.dir, inc.url)) + ")",
                                 inc.where});
      continue;
    }
    auto included = load_at(fs, target, scope, all_includes, depth + 1, inc.where, cwd);
    if (!included) {
      Error e = included.error();
      out.diagnostics.push_back(
          {true, e.code.empty() ? kComposition : e.code, e.message, inc.where});
      continue;
    }
    Manifest incm = included->manifest;
    // The include's `variables` override defaults of variables it declares.
    for (const auto& [k, val] : inc.variables.as_object()) {
      if (Variable* v = incm.find(k)) {
        v->has_default = true;
        v->default_value = val;
        v->required = false;
        v->field_where["default"] = inc.where;
      }
    }
    merge_variables(result, incm, own.conflicts, inc.strategy, out);
    union_values(result.tags, incm.tags);
    for (auto list : {&Hooks::pre, &Hooks::post, &Hooks::error}) {
      for (const Hook& h : incm.hooks.*list) (result.hooks.*list).push_back(h);
    }
    for (auto& d : included->diagnostics) out.diagnostics.push_back(std::move(d));
    for (auto& c : included->conflicts) out.conflicts.push_back(std::move(c));
    for (auto& d : included->template_dirs) included_dirs.push_back(d);
  }
  for (auto& d : included_dirs) out.template_dirs.push_back(std::move(d));
  out.template_dirs.push_back({own_templates, all});
  // Re-check the merged manifest (steps, examples against merged variables)
  // only when composition changed it; a single file was checked by parse().
  if (!own.extends.empty() || !own.includes.empty()) {
    std::vector<Diagnostic> merged;
    check(result, merged);
    for (auto& d : merged) {
      bool seen =
          std::any_of(out.diagnostics.begin(), out.diagnostics.end(), [&](const Diagnostic& x) {
            return x.message == d.message && x.where.file == d.where.file &&
                   x.where.line == d.where.line;
          });
      if (!seen) out.diagnostics.push_back(std::move(d));
    }
  }
  out.manifest = std::move(result);
  return out;
}

}  // namespace

std::string templates_dir_of(FileSystem& fs, const std::string& manifest_dir, bool* whole_folder) {
  std::string t = manifest_dir + "/templates";
  bool all = is_dir(fs, t);
  if (whole_folder) *whole_folder = all;
  return all ? t : manifest_dir;
}

std::string manifest_in(FileSystem& fs, const std::string& dir) {
  for (const char* n : {"/template.yml", "/template.yaml"}) {
    if (is_file(fs, dir + n)) return dir + n;
  }
  return "";
}

Result<Composed> load(FileSystem& fs, const std::string& path, const liquid::Value& scope,
                      bool all_includes, const std::string& cwd) {
  return load_at(fs, path, scope, all_includes, 0, {}, cwd);
}

}  // namespace hypergen::manifest
