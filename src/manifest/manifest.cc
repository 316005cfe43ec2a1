#include "manifest/manifest.h"

#include <algorithm>
#include <functional>
#include <regex>
#include <set>

#include <yaml-cpp/yaml.h>

#include "frontmatter/frontmatter.h"
#include "liquid/json.h"
#include "liquid/liquid.h"
#include "manifest/expr.h"
#include "manifest/values.h"

namespace hypergen::manifest {

using liquid::Array;
using liquid::Object;
using liquid::Value;

const char* type_name(VarType t) {
  switch (t) {
    case VarType::kString:
      return "string";
    case VarType::kNumber:
      return "number";
    case VarType::kBoolean:
      return "boolean";
    case VarType::kEnum:
      return "enum";
    case VarType::kArray:
      return "array";
    case VarType::kObject:
      return "object";
    case VarType::kFile:
      return "file";
    case VarType::kDirectory:
      return "directory";
  }
  return "string";
}

std::optional<VarType> parse_type(std::string_view s) {
  for (VarType t : {VarType::kString, VarType::kNumber, VarType::kBoolean, VarType::kEnum,
                    VarType::kArray, VarType::kObject, VarType::kFile, VarType::kDirectory}) {
    if (s == type_name(t)) return t;
  }
  return std::nullopt;
}

const char* strategy_name(Strategy s) {
  switch (s) {
    case Strategy::kMerge:
      return "merge";
    case Strategy::kReplace:
      return "replace";
    case Strategy::kExtend:
      return "extend";
    case Strategy::kError:
      return "error";
  }
  return "merge";
}

std::optional<Strategy> parse_strategy(std::string_view s) {
  for (Strategy t : {Strategy::kMerge, Strategy::kReplace, Strategy::kExtend, Strategy::kError}) {
    if (s == strategy_name(t)) return t;
  }
  return std::nullopt;
}

const char* step_kind_name(StepKind k) {
  switch (k) {
    case StepKind::kRender:
      return "render";
    case StepKind::kInject:
      return "inject";
    case StepKind::kShell:
      return "shell";
    case StepKind::kMessage:
      return "message";
    case StepKind::kGenerator:
      return "generator";
  }
  return "render";
}

SourceLocation Variable::at(std::string_view field) const {
  auto it = field_where.find(field);
  return it == field_where.end() ? where : it->second;
}

const Variable* Manifest::find(std::string_view n) const {
  for (const auto& v : variables) {
    if (v.name == n) return &v;
  }
  return nullptr;
}

Variable* Manifest::find(std::string_view n) {
  for (auto& v : variables) {
    if (v.name == n) return &v;
  }
  return nullptr;
}

bool Parsed::ok() const {
  return error_count() == 0;
}

std::size_t Parsed::error_count() const {
  return static_cast<std::size_t>(std::count_if(diagnostics.begin(), diagnostics.end(),
                                                [](const Diagnostic& d) { return d.error; }));
}

namespace {

constexpr char kSyntax[] = "TEMPLATE_INVALID_SYNTAX";
constexpr char kValidation[] = "VALIDATION_ERROR";

class Reader {
 public:
  Reader(const std::string& file, std::vector<Diagnostic>& out) : file_(file), out_(out) {}

  SourceLocation loc(const YAML::Node& n) const {
    YAML::Mark m = n.Mark();
    if (m.line < 0) return {file_, 0, 0};
    return {file_, m.line + 1, m.column + 1};
  }
  void error(std::string msg, SourceLocation where, const char* code = kSyntax) {
    out_.push_back({true, code, std::move(msg), std::move(where)});
  }
  void warn(std::string msg, SourceLocation where) {
    out_.push_back({false, "", std::move(msg), std::move(where)});
  }

  static bool is_string(const YAML::Node& n) {
    return n.IsScalar() && (n.Tag() != "?" || resolve(n).is_string());
  }
  static Value resolve(const YAML::Node& n) {
    if (n.Tag() == "?") return frontmatter::resolve_plain_scalar(n.Scalar());
    return Value(n.Scalar());
  }
  // A YAML value as a Value. Bounded like frontmatter/'s reader: aliases can
  // make a small file expand enormously, and nesting can be deep.
  Value to_value(const YAML::Node& n) {
    if (++values_ > kMaxValues || depth_ >= kMaxDepth) {
      if (!too_big_) {
        too_big_ = true;
        error("value too large or nested too deeply (more than " + std::to_string(kMaxValues) +
                  " values or " + std::to_string(kMaxDepth) + " levels; aliases?)",
              loc(n));
      }
      return Value();
    }
    ++depth_;
    Value out;
    switch (n.Type()) {
      case YAML::NodeType::Scalar:
        out = resolve(n);
        break;
      case YAML::NodeType::Sequence: {
        Array a;
        for (const auto& item : n) a.push_back(to_value(item));
        out = Value(std::move(a));
        break;
      }
      case YAML::NodeType::Map: {
        Object o;
        for (const auto& kv : n) o.set(kv.first.Scalar(), to_value(kv.second));
        out = Value(std::move(o));
        break;
      }
      default:
        break;
    }
    --depth_;
    return out;
  }
  static std::optional<bool> as_bool(const YAML::Node& n) {
    if (!n.IsScalar()) return std::nullopt;
    Value v = resolve(n);
    if (v.is_bool()) return v.as_bool();
    return std::nullopt;
  }
  static std::optional<double> as_number(const YAML::Node& n) {
    if (!n.IsScalar()) return std::nullopt;
    Value v = resolve(n);
    if (v.is_number()) return v.to_number();
    return std::nullopt;
  }

  // A string field: error (or warning) when it is not a string.
  bool string_field(const YAML::Node& n, std::string& dest, const std::string& what,
                    bool is_error = false) {
    if (n.IsScalar()) {
      dest = n.Scalar();
      return true;
    }
    if (is_error) {
      error(what + " should be a string", loc(n));
    } else {
      warn(what + " should be a string", loc(n));
    }
    return false;
  }

  // Strings of a list (or one string).
  std::vector<std::string> string_list(const YAML::Node& n, const std::string& what) {
    std::vector<std::string> out;
    if (n.IsScalar()) {
      out.push_back(n.Scalar());
      return out;
    }
    if (!n.IsSequence()) {
      error(what + " should be a list of strings", loc(n));
      return out;
    }
    for (const auto& item : n) {
      if (item.IsScalar()) {
        out.push_back(item.Scalar());
      } else {
        error(what + " should be a list of strings", loc(item));
      }
    }
    return out;
  }

  const std::string& file_;
  std::vector<Diagnostic>& out_;

 private:
  static constexpr std::size_t kMaxValues = 100000;
  static constexpr int kMaxDepth = 64;
  std::size_t values_ = 0;
  int depth_ = 0;
  bool too_big_ = false;
};

const std::set<std::string_view> kTopKeys = {
    "name",     "title",     "description", "version",  "schemaVersion", "author",  "category",
    "tags",     "engines",   "variables",   "examples", "dependencies",  "outputs", "extends",
    "includes", "conflicts", "hooks",       "steps",    "files",         "engine"};

const std::set<std::string_view> kVarKeys = {
    "type", "required", "default",  "description", "prompt", "pattern",    "values", "min",
    "max",  "multiple", "internal", "compute",     "when",   "validation", "message"};

void read_variable(Reader& r, const YAML::Node& key, const YAML::Node& node, Manifest& m) {
  Variable v;
  v.name = key.Scalar();
  v.where = r.loc(key);
  static const std::regex kName("^[A-Za-z_][A-Za-z0-9_-]*$");
  if (!std::regex_match(v.name, kName)) {
    r.error("Variable name '" + v.name +
                "' is not valid (a letter or '_', then letters, digits, '_' or '-')",
            v.where);
  }
  if (!node.IsMap()) {
    r.error("Variable '" + v.name + "' must be an object", r.loc(node));
    return;
  }
  bool has_type = false;
  for (const auto& kv : node) {
    std::string k = kv.first.Scalar();
    const YAML::Node& val = kv.second;
    v.field_where[k] = r.loc(val);
    std::string what = "Variable '" + v.name + "' " + k;
    if (k == "type") {
      has_type = true;
      auto t = val.IsScalar() ? parse_type(val.Scalar()) : std::nullopt;
      if (!t) {
        r.error("Variable '" + v.name +
                    "' has invalid type: " + (val.IsScalar() ? val.Scalar() : "?") +
                    " (one of string, number, boolean, enum, array, object, file, directory)",
                r.loc(val));
      } else {
        v.type = *t;
      }
    } else if (k == "required") {
      auto b = Reader::as_bool(val);
      if (!b) {
        r.warn("Variable '" + v.name + "' required field should be boolean", r.loc(val));
      } else {
        v.required = *b;
      }
    } else if (k == "default") {
      v.has_default = true;
      v.default_value = r.to_value(val);
    } else if (k == "description") {
      r.string_field(val, v.description, "Variable '" + v.name + "' description");
    } else if (k == "prompt") {
      r.string_field(val, v.prompt, "Variable '" + v.name + "' prompt");
    } else if (k == "pattern") {
      r.string_field(val, v.pattern, "Variable '" + v.name + "' pattern");
    } else if (k == "values") {
      if (!val.IsSequence()) {
        r.error("Variable '" + v.name + "' values must be an array", r.loc(val));
      } else {
        bool dropped = false;
        for (const auto& item : val) {
          if (item.IsScalar()) {
            v.values.push_back(item.Scalar());
          } else {
            dropped = true;
          }
        }
        if (dropped)
          r.warn("Variable '" + v.name + "' some values were ignored (must be strings)",
                 r.loc(val));
      }
    } else if (k == "min" || k == "max") {
      auto d = Reader::as_number(val);
      if (!d) {
        r.warn("Variable '" + v.name + "' " + k + " should be a number", r.loc(val));
      } else {
        (k == "min" ? v.min : v.max) = *d;
      }
    } else if (k == "multiple" || k == "internal") {
      auto b = Reader::as_bool(val);
      if (!b) {
        r.error(what + " should be true or false", r.loc(val));
      } else {
        (k == "multiple" ? v.multiple : v.internal) = *b;
      }
    } else if (k == "compute") {
      r.string_field(val, v.compute, what, true);
    } else if (k == "when") {
      r.string_field(val, v.when, what, true);
    } else if (k == "message") {
      r.string_field(val, v.message, what);
    } else if (k == "validation") {
      if (!val.IsMap()) {
        r.warn(what + " should be an object", r.loc(val));
        continue;
      }
      for (const auto& vk : val) {
        std::string n = vk.first.Scalar();
        if (n == "message") {
          r.string_field(vk.second, v.message, what + ".message");
          v.field_where["message"] = r.loc(vk.second);
        } else if (n == "required") {
          if (auto b = Reader::as_bool(vk.second)) v.required = *b;
        } else {
          r.warn(what + " has unknown key '" + n + "'", r.loc(vk.first));
        }
      }
    } else {
      r.warn("Variable '" + v.name + "' has unknown key '" + k + "'", r.loc(kv.first));
    }
  }
  if (!has_type) r.error("Variable '" + v.name + "' must have a type", v.where);
  if (m.find(v.name)) {
    r.error("Variable '" + v.name + "' is declared twice", v.where);
    return;
  }
  m.variables.push_back(std::move(v));
}

void read_examples(Reader& r, const YAML::Node& node, Manifest& m) {
  if (!node.IsSequence()) {
    r.warn("Examples should be an array", r.loc(node));
    return;
  }
  int i = 0;
  for (const auto& item : node) {
    ++i;
    std::string n = std::to_string(i);
    if (!item.IsMap()) {
      r.warn("Example " + n + " must be an object", r.loc(item));
      continue;
    }
    Example e;
    e.where = r.loc(item);
    bool has_vars = false;
    for (const auto& kv : item) {
      std::string k = kv.first.Scalar();
      if (k == "title" && kv.second.IsScalar()) {
        e.title = kv.second.Scalar();
      } else if (k == "description" && kv.second.IsScalar()) {
        e.description = kv.second.Scalar();
      } else if (k == "variables" && kv.second.IsMap()) {
        has_vars = true;
        e.variables = r.to_value(kv.second);
        for (const auto& vk : kv.second) e.variable_where[vk.first.Scalar()] = r.loc(vk.first);
      }
    }
    if (e.title.empty()) {
      r.warn("Example " + n + " must have a title", e.where);
      continue;
    }
    if (!has_vars) {
      r.warn("Example " + n + " must have variables", e.where);
      continue;
    }
    m.examples.push_back(std::move(e));
  }
}

void read_includes(Reader& r, const YAML::Node& node, Manifest& m) {
  if (!node.IsSequence()) {
    r.error("Includes must be an array", r.loc(node));
    return;
  }
  int i = 0;
  for (const auto& item : node) {
    ++i;
    Include inc;
    inc.where = r.loc(item);
    if (item.IsScalar()) {
      inc.url = item.Scalar();
    } else if (item.IsMap()) {
      for (const auto& kv : item) {
        std::string k = kv.first.Scalar();
        if ((k == "url" || k == "path") && kv.second.IsScalar()) {
          inc.url = kv.second.Scalar();
        } else if (k == "version" && kv.second.IsScalar()) {
          inc.version = kv.second.Scalar();
        } else if (k == "variables" && kv.second.IsMap()) {
          inc.variables = r.to_value(kv.second);
        } else if (k == "condition" || k == "when") {
          r.string_field(kv.second, inc.condition, "includes[" + std::to_string(i) + "]." + k,
                         true);
        } else if (k == "strategy") {
          auto s = kv.second.IsScalar() ? parse_strategy(kv.second.Scalar()) : std::nullopt;
          if (!s) {
            r.error("includes[" + std::to_string(i) +
                        "].strategy must be one of merge, replace, extend, error",
                    r.loc(kv.second));
          }
          inc.strategy = s;
        } else {
          r.warn("includes[" + std::to_string(i) + "] has unknown key '" + k + "'",
                 r.loc(kv.first));
        }
      }
    } else {
      r.error("Include " + std::to_string(i) + " must be a path or an object", inc.where);
      continue;
    }
    if (inc.url.empty()) {
      r.error("Include must have a url property", inc.where);
      continue;
    }
    m.includes.push_back(std::move(inc));
  }
}

void read_hooks(Reader& r, const YAML::Node& node, Manifest& m) {
  if (!node.IsMap()) {
    r.warn("Hooks should be an object", r.loc(node));
    return;
  }
  for (const auto& kv : node) {
    std::string k = kv.first.Scalar();
    std::vector<Hook>* dest = k == "pre" || k == "before"   ? &m.hooks.pre
                              : k == "post" || k == "after" ? &m.hooks.post
                              : k == "error"                ? &m.hooks.error
                                                            : nullptr;
    if (!dest) {
      r.warn("Unknown hook '" + k + "' (pre, post, error)", r.loc(kv.first));
      continue;
    }
    std::string cap = k == "before" ? "Pre" : k == "after" ? "Post" : k;
    cap[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(cap[0])));
    const YAML::Node& list = kv.second;
    if (list.IsScalar()) {
      dest->push_back({list.Scalar(), r.loc(list)});
      continue;
    }
    if (!list.IsSequence()) {
      r.warn(cap + " hooks should be an array of strings", r.loc(list));
      continue;
    }
    bool dropped = false;
    for (const auto& item : list) {
      if (item.IsScalar()) {
        dest->push_back({item.Scalar(), r.loc(item)});
      } else {
        dropped = true;
      }
    }
    if (dropped) r.warn("Some " + k + " hooks were ignored (must be strings)", r.loc(list));
  }
}

void read_steps(Reader& r, const YAML::Node& node, Manifest& m) {
  m.has_steps = true;
  if (!node.IsSequence()) {
    r.error("steps must be a list", r.loc(node), kValidation);
    return;
  }
  static const std::set<std::string_view> kInjectKeys = {"before",   "after",  "prepend", "append",
                                                         "at_line",  "atLine", "skip_if", "skipIf",
                                                         "eof_last", "eofLast"};
  int i = 0;
  for (const auto& item : node) {
    ++i;
    Step s;
    s.where = r.loc(item);
    if (!item.IsMap()) {
      r.error("Step " + std::to_string(i) + " must be an object", s.where, kValidation);
      continue;
    }
    int kinds = 0;
    for (const auto& kv : item) {
      std::string k = kv.first.Scalar();
      const YAML::Node& val = kv.second;
      std::string what = "Step " + std::to_string(i) + " " + k;
      auto kind = [&](StepKind sk) {
        ++kinds;
        s.kind = sk;
        r.string_field(val, s.target, what, true);
      };
      if (k == "id") {
        r.string_field(val, s.id, what, true);
      } else if (k == "when") {
        r.string_field(val, s.when, what, true);
      } else if (k == "dependsOn" || k == "depends_on") {
        s.depends_on = r.string_list(val, what);
      } else if (k == "render") {
        kind(StepKind::kRender);
      } else if (k == "inject") {
        kind(StepKind::kInject);
      } else if (k == "shell") {
        kind(StepKind::kShell);
      } else if (k == "message") {
        kind(StepKind::kMessage);
      } else if (k == "generator") {
        kind(StepKind::kGenerator);
      } else if (k == "content") {
        r.string_field(val, s.content, what, true);
      } else if (k == "template") {
        r.string_field(val, s.template_file, what, true);
      } else if (k == "stdin") {
        r.string_field(val, s.stdin_text, what, true);
      } else if (k == "ignoreExit" || k == "ignore_exit") {
        s.ignore_exit = Reader::as_bool(val).value_or(false);
      } else if (k == "with" || k == "variables") {
        if (!val.IsMap()) {
          r.error(what + " must be an object of values", r.loc(val), kValidation);
        } else {
          s.with = r.to_value(val);
        }
      } else if (kInjectKeys.count(k)) {
        std::string key = k == "atLine"    ? "at_line"
                          : k == "skipIf"  ? "skip_if"
                          : k == "eofLast" ? "eof_last"
                                           : k;
        s.inject_options.mutable_object().set(key, r.to_value(val));
      } else {
        r.warn("Step " + std::to_string(i) + " has unknown key '" + k + "'", r.loc(kv.first));
      }
    }
    if (kinds != 1) {
      r.error("Step " + std::to_string(i) +
                  " must have exactly one of render, inject, shell, message, generator",
              s.where, kValidation);
      continue;
    }
    if (s.id.empty()) s.id = std::string(step_kind_name(s.kind)) + "-" + std::to_string(i);
    if (s.kind == StepKind::kInject && s.content.empty() && s.template_file.empty()) {
      r.error("Step '" + s.id + "' (inject) needs 'content' or 'template'", s.where, kValidation);
    }
    if (s.kind != StepKind::kInject && s.inject_options.as_object().size() > 0) {
      r.warn("Step '" + s.id + "': before/after/at_line/skip_if only apply to inject steps",
             s.where);
    }
    m.steps.push_back(std::move(s));
  }
}

}  // namespace

Parsed parse(std::string_view text, const std::string& file) {
  Parsed p;
  Manifest& m = p.manifest;
  m.file = file;
  auto slash = file.rfind('/');
  m.dir = slash == std::string::npos ? "." : file.substr(0, slash);
  Reader r(file, p.diagnostics);
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    r.error("Failed to parse template file: " + e.msg, {file, e.mark.line + 1, e.mark.column + 1});
    return p;
  }
  if (!root.IsMap()) {
    r.error("Invalid YAML format or empty file", {file, 1, 1});
    return p;
  }
  bool has_name = false, has_variables = false;
  for (const auto& kv : root) {
    std::string k = kv.first.Scalar();
    const YAML::Node& val = kv.second;
    if (k == "name") {
      has_name = true;
      m.name_where = r.loc(val);
      if (!val.IsScalar() || val.Scalar().empty()) {
        r.error("Template name is required and must be a string", r.loc(val));
      } else {
        m.name = val.Scalar();
      }
    } else if (k == "title") {
      r.string_field(val, m.title, "Template title");
    } else if (k == "description") {
      r.string_field(val, m.description, "Template description");
    } else if (k == "version") {
      if (!r.string_field(val, m.version, "Template version")) continue;
      static const std::regex kSemver(R"(^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$)");
      if (!std::regex_match(m.version, kSemver)) {
        r.warn("Template version '" + m.version + "' is not a semantic version (x.y.z)",
               r.loc(val));
      }
    } else if (k == "author") {
      r.string_field(val, m.author, "Template author");
    } else if (k == "category") {
      r.string_field(val, m.category, "Template category");
    } else if (k == "engine") {
      if (r.string_field(val, m.engine, "Template engine") && m.engine != "liquid") {
        r.error("engine '" + m.engine + "' is not available (only liquid)", r.loc(val));
      }
    } else if (k == "tags") {
      if (!val.IsSequence()) {
        r.warn("Tags should be an array of strings", r.loc(val));
        continue;
      }
      bool dropped = false;
      for (const auto& t : val) {
        if (t.IsScalar()) {
          m.tags.push_back(t.Scalar());
        } else {
          dropped = true;
        }
      }
      if (dropped) r.warn("Some tags were ignored (must be strings)", r.loc(val));
    } else if (k == "variables") {
      has_variables = true;
      if (val.IsNull()) continue;
      if (!val.IsMap()) {
        r.error("Template variables section is required and must be an object", r.loc(val));
        continue;
      }
      for (const auto& vk : val) read_variable(r, vk.first, vk.second, m);
    } else if (k == "examples") {
      read_examples(r, val, m);
    } else if (k == "extends") {
      m.extends_where = r.loc(val);
      r.string_field(val, m.extends, "extends", true);
    } else if (k == "includes") {
      read_includes(r, val, m);
    } else if (k == "conflicts") {
      if (!val.IsMap()) {
        r.error("conflicts must be an object (strategy, rules)", r.loc(val));
        continue;
      }
      for (const auto& ck : val) {
        std::string n = ck.first.Scalar();
        if (n == "strategy") {
          auto s = ck.second.IsScalar() ? parse_strategy(ck.second.Scalar()) : std::nullopt;
          if (!s) {
            r.error("conflicts.strategy must be one of merge, replace, extend, error",
                    r.loc(ck.second));
          }
          m.conflicts.strategy = s;
        } else if (n == "rules" && ck.second.IsMap()) {
          for (const auto& rk : ck.second) {
            auto s = rk.second.IsScalar() ? parse_strategy(rk.second.Scalar()) : std::nullopt;
            if (!s) {
              r.error("conflicts.rules." + rk.first.Scalar() +
                          " must be one of merge, replace, extend, error",
                      r.loc(rk.second));
            } else {
              m.conflicts.rules[rk.first.Scalar()] = *s;
            }
          }
        } else {
          r.warn("conflicts has unknown key '" + n + "'", r.loc(ck.first));
        }
      }
    } else if (k == "hooks") {
      read_hooks(r, val, m);
    } else if (k == "steps") {
      read_steps(r, val, m);
    } else if (k == "dependencies" || k == "outputs" || k == "files" || k == "engines" ||
               k == "schemaVersion") {
      // Accepted for V8 compatibility; they change nothing here.
    } else {
      r.warn("Unknown key '" + k + "' (ignored)", r.loc(kv.first));
    }
  }
  if (!has_name) r.error("Template name is required and must be a string", {file, 1, 1});
  if (!has_variables && m.extends.empty() && m.includes.empty()) {
    r.error("Template variables section is required and must be an object", {file, 1, 1});
  }
  check(m, p.diagnostics);
  return p;
}

void check(const Manifest& m, std::vector<Diagnostic>& out) {
  Reader r(m.file, out);
  liquid::Engine engine;
  auto check_condition = [&](const std::string& text, SourceLocation where,
                             const std::string& what) {
    if (text.empty()) return;
    auto st = check_expression(text);
    if (!st) {
      SourceLocation at = where;
      r.error(what + " has an invalid condition '" + text + "': " + st.error().message +
                  " (at column " + std::to_string(st.error().where.column) + " of the condition)",
              at);
    }
  };
  for (const Variable& v : m.variables) {
    std::string who = "Variable '" + v.name + "'";
    if (!v.pattern.empty()) {
      if (v.type != VarType::kString && v.type != VarType::kFile && v.type != VarType::kDirectory) {
        r.warn(who + " pattern only applies to string types", v.at("pattern"));
      }
      try {
        std::regex re(v.pattern, std::regex::ECMAScript);
      } catch (const std::regex_error&) {
        r.error(who + " has invalid regex pattern: " + v.pattern, v.at("pattern"));
      }
    }
    if (!v.values.empty() && v.type != VarType::kEnum && v.type != VarType::kArray) {
      r.warn(who + " values only apply to enum types", v.at("values"));
    }
    if (v.type == VarType::kEnum && v.values.empty()) {
      r.error(who + " enum must have at least one value", v.at("values"));
    }
    if (v.multiple && v.type != VarType::kEnum) {
      r.warn(who + " multiple only applies to enum types", v.at("multiple"));
    }
    if ((v.min || v.max) &&
        (v.type == VarType::kBoolean || v.type == VarType::kEnum || v.type == VarType::kObject)) {
      r.warn(who + " min/max only applies to number, string and array types",
             v.at(v.min ? "min" : "max"));
    }
    if (v.min && v.max && *v.min > *v.max) {
      r.error(who + " min (" + liquid::format_number(*v.min) + ") cannot be greater than max (" +
                  liquid::format_number(*v.max) + ")",
              v.at("min"));
    }
    if (v.required && v.has_default) {
      r.warn(who + " cannot have default value when required", v.at("default"));
    }
    if (v.has_default && !v.default_value.is_nil() &&
        !(v.default_value.is_string() &&
          v.default_value.as_string().find("{{") != std::string::npos)) {
      if (auto problem = check_value(v, v.default_value)) {
        r.error(who + " default " + liquid::to_json(v.default_value) + " is invalid: " + *problem,
                v.at("default"));
      }
    }
    if (v.internal && !v.has_default && v.compute.empty()) {
      r.warn("Internal variable '" + v.name + "' has no default or compute", v.where);
    }
    if (!v.compute.empty()) {
      auto tpl = engine.parse(v.compute, m.file);
      if (!tpl)
        r.error(who + " compute is not valid Liquid: " + tpl.error().message, v.at("compute"));
    }
    check_condition(v.when, v.at("when"), who);
  }
  // Examples must satisfy the variables.
  int i = 0;
  for (const Example& e : m.examples) {
    ++i;
    std::string who = "Example " + std::to_string(i) + " (" + e.title + ")";
    for (const auto& [k, val] : e.variables.as_object()) {
      const Variable* v = m.find(k);
      auto wit = e.variable_where.find(k);
      SourceLocation at = wit == e.variable_where.end() ? e.where : wit->second;
      if (!v) {
        r.warn("Example " + std::to_string(i) + " references undefined variable: " + k, at);
        continue;
      }
      auto coerced = coerce(*v, val);
      if (!coerced) {
        r.error(who + ": variable '" + k + "' " + coerced.error().message, at);
      } else if (auto problem = check_value(*v, *coerced)) {
        r.error(who + ": variable '" + k + "' " + *problem + " (got " + liquid::to_json(val) + ")",
                at);
      }
    }
    for (const Variable& v : m.variables) {
      if (v.required && !v.internal && v.when.empty() && !e.variables.as_object().find(v.name)) {
        r.error(who + " does not set the required variable '" + v.name + "'", e.where);
      }
    }
  }
  // Steps: unique ids, known dependencies, no cycles.
  std::map<std::string, const Step*> by_id;
  for (const Step& s : m.steps) {
    if (!by_id.emplace(s.id, &s).second)
      r.error("Duplicate step ID: " + s.id, s.where, kValidation);
    check_condition(s.when, s.where, "Step '" + s.id + "'");
  }
  bool deps_ok = true;
  for (const Step& s : m.steps) {
    for (const std::string& d : s.depends_on) {
      if (!by_id.count(d)) {
        r.error("Step " + s.id + " depends on unknown step: " + d, s.where, kValidation);
        deps_ok = false;
      }
    }
  }
  if (deps_ok) {
    if (auto cycle = find_cycle(m.steps)) {
      const Step* s = by_id[cycle->front()];
      std::string path;
      for (const auto& id : *cycle) path += (path.empty() ? "" : " -> ") + id;
      r.error("Circular dependency detected involving step: " + cycle->front() + " (" + path + ")",
              s ? s->where : SourceLocation{m.file, 0, 0}, kValidation);
    }
  }
  for (const Include& inc : m.includes)
    check_condition(inc.condition, inc.where, "Include '" + inc.url + "'");
}

std::optional<std::vector<std::string>> find_cycle(const std::vector<Step>& steps) {
  std::map<std::string, const Step*> by_id;
  for (const Step& s : steps) by_id.emplace(s.id, &s);
  std::map<std::string, int> state;  // 0 new, 1 on stack, 2 done
  std::vector<std::string> stack;
  std::optional<std::vector<std::string>> found;
  std::function<void(const std::string&)> visit = [&](const std::string& id) {
    if (found) return;
    state[id] = 1;
    stack.push_back(id);
    auto it = by_id.find(id);
    if (it != by_id.end()) {
      for (const std::string& d : it->second->depends_on) {
        if (found) return;
        if (state[d] == 1) {
          std::vector<std::string> cycle;
          auto pos = std::find(stack.begin(), stack.end(), d);
          cycle.assign(pos, stack.end());
          cycle.push_back(d);
          found = cycle;
          return;
        }
        if (state[d] == 0 && by_id.count(d)) visit(d);
      }
    }
    stack.pop_back();
    state[id] = 2;
  };
  for (const Step& s : steps) {
    if (state[s.id] == 0) visit(s.id);
    if (found) break;
  }
  return found;
}

std::vector<std::vector<std::size_t>> step_levels(const std::vector<Step>& steps) {
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < steps.size(); ++i) index.emplace(steps[i].id, i);
  std::vector<int> level(steps.size(), -1);
  std::function<int(std::size_t, int)> depth = [&](std::size_t i, int guard) -> int {
    if (level[i] >= 0) return level[i];
    if (guard > static_cast<int>(steps.size())) return 0;  // cycles are rejected before
    int l = 0;
    for (const std::string& d : steps[i].depends_on) {
      auto it = index.find(d);
      if (it != index.end()) l = std::max(l, depth(it->second, guard + 1) + 1);
    }
    level[i] = l;
    return l;
  };
  std::vector<std::vector<std::size_t>> out;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    auto l = static_cast<std::size_t>(depth(i, 0));
    if (out.size() <= l) out.resize(l + 1);
    out[l].push_back(i);
  }
  return out;
}

Error first_error(const std::vector<Diagnostic>& diagnostics, std::string_view text) {
  Error e;
  e.kind = ErrorKind::kTemplate;
  std::size_t errors = 0;
  const Diagnostic* first = nullptr;
  for (const Diagnostic& d : diagnostics) {
    if (!d.error) continue;
    if (!first) first = &d;
    ++errors;
  }
  if (!first) return e;
  e.code = first->code.empty() ? kSyntax : first->code;
  e.message = first->message;
  if (errors > 1) {
    e.message += " (and " + std::to_string(errors - 1) + " more; run 'hypergen template validate " +
                 first->where.file + "')";
  }
  e.where = first->where;
  if (first->where.line > 0) {
    std::size_t start = 0;
    for (int l = 1; l < first->where.line && start != std::string_view::npos; ++l) {
      start = text.find('\n', start);
      if (start != std::string_view::npos) ++start;
    }
    if (start != std::string_view::npos && start <= text.size()) {
      auto end = text.find('\n', start);
      std::string line(
          text.substr(start, end == std::string_view::npos ? text.size() - start : end - start));
      if (!line.empty() && line.back() == '\r') line.pop_back();
      e.context = "  " + line + "\n  " +
                  std::string(static_cast<std::size_t>(std::max(0, first->where.column - 1)), ' ') +
                  "^";
    }
  }
  e.suggestions = {
      {"Check the template.yml reference", "hypergen template validate " + first->where.file},
      {"See docs/template-yml.md for every key", ""}};
  return e;
}

std::string format_diagnostics(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    out += d.where.file;
    if (d.where.line > 0)
      out += ":" + std::to_string(d.where.line) + ":" + std::to_string(d.where.column);
    out += d.error ? ": error: " : ": warning: ";
    out += d.message;
    out += "\n";
  }
  return out;
}

}  // namespace hypergen::manifest
