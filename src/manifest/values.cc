#include "manifest/values.h"

#include <cmath>
#include <regex>
#include <set>

#include "liquid/case_convert.h"
#include "liquid/json.h"
#include "manifest/expr.h"
#include "util/spellcheck.h"

namespace hypergen::manifest {

using liquid::Array;
using liquid::Object;
using liquid::Value;

namespace {

std::string trim(std::string_view s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return "";
  auto e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

std::optional<Value> parse_number(std::string_view text) {
  std::string t = trim(text);
  if (t.empty()) return std::nullopt;
  static const std::regex kInt(R"(^[-+]?\d+$)");
  static const std::regex kFloat(R"(^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$)");
  if (std::regex_match(t, kInt) && t.size() < 16)
    return Value(static_cast<std::int64_t>(std::stoll(t)));
  if (std::regex_match(t, kFloat)) return Value(std::strtod(t.c_str(), nullptr));
  return std::nullopt;
}

std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at <= s.size()) {
    auto c = s.find(',', at);
    if (c == std::string::npos) c = s.size();
    std::string part = trim(std::string_view(s).substr(at, c - at));
    if (!part.empty()) out.push_back(part);
    at = c + 1;
  }
  return out;
}

std::string join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (const auto& s : v) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

std::size_t utf8_length(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

}  // namespace

Result<Value> coerce(const Variable& v, const Value& raw) {
  auto fail = [](std::string msg) -> Result<Value> {
    return make_error(ErrorKind::kData, std::move(msg));
  };
  switch (v.type) {
    case VarType::kString:
    case VarType::kFile:
    case VarType::kDirectory:
      if (raw.is_string()) return raw;
      if (raw.is_number()) return Value(raw.to_output());
      return fail("must be a string");
    case VarType::kNumber:
      if (raw.is_number()) return raw;
      if (raw.is_string()) {
        if (auto n = parse_number(raw.as_string())) return *n;
      }
      return fail("must be a number");
    case VarType::kBoolean:
      if (raw.is_bool()) return raw;
      if (raw.is_string()) {
        std::string s = trim(raw.as_string());
        for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (s == "true" || s == "yes" || s == "y" || s == "1" || s == "on") return Value(true);
        if (s == "false" || s == "no" || s == "n" || s == "0" || s == "off") return Value(false);
      }
      if (raw.is_int() && (raw.as_int() == 0 || raw.as_int() == 1)) return Value(raw.as_int() == 1);
      return fail("must be a boolean (true or false)");
    case VarType::kEnum:
      if (v.multiple) {
        Array items;
        auto add = [&](const Value& item) {
          if (item.is_string()) {
            for (auto& p : split_commas(item.as_string())) items.push_back(Value(p));
          } else {
            items.push_back(item.is_number() ? Value(item.to_output()) : item);
          }
        };
        if (raw.is_array()) {
          for (const Value& item : raw.as_array()) add(item);
        } else {
          add(raw);
        }
        return Value(std::move(items));
      }
      if (raw.is_string()) return raw;
      if (raw.is_number() || raw.is_bool()) return Value(raw.to_output());
      return fail("must be one of: " + join(v.values, ", "));
    case VarType::kArray: {
      if (raw.is_array()) return raw;
      if (raw.is_string()) {
        std::string t = trim(raw.as_string());
        if (t.starts_with("[")) {
          auto parsed = liquid::parse_json(t, "value");
          if (parsed && parsed->is_array()) return *parsed;
        }
        Array items;
        for (auto& p : split_commas(raw.as_string())) items.push_back(Value(p));
        return Value(std::move(items));
      }
      return fail("must be an array");
    }
    case VarType::kObject:
      if (raw.is_object()) return raw;
      if (raw.is_string()) {
        auto parsed = liquid::parse_json(raw.as_string(), "value");
        if (parsed && parsed->is_object()) return *parsed;
      }
      return fail("must be an object (a JSON object on the command line)");
  }
  return raw;
}

std::optional<std::string> check_value(const Variable& v, const Value& value) {
  auto fmt = [](double d) { return liquid::format_number(d); };
  switch (v.type) {
    case VarType::kString:
    case VarType::kFile:
    case VarType::kDirectory: {
      if (!value.is_string()) return "must be a string";
      const std::string& s = value.as_string();
      if (v.type != VarType::kString && trim(s).empty()) {
        return std::string(v.type == VarType::kFile ? "File" : "Directory") +
               " path cannot be empty";
      }
      std::size_t len = utf8_length(s);
      if (v.min && static_cast<double>(len) < *v.min)
        return "must be at least " + fmt(*v.min) + " characters";
      if (v.max && static_cast<double>(len) > *v.max)
        return "must be at most " + fmt(*v.max) + " characters";
      if (!v.pattern.empty()) {
        try {
          std::regex re(v.pattern, std::regex::ECMAScript);
          if (!std::regex_search(s, re)) {
            return v.message.empty() ? "does not match pattern: " + v.pattern : v.message;
          }
        } catch (const std::regex_error&) {
          return "has an invalid pattern: " + v.pattern;
        }
      }
      return std::nullopt;
    }
    case VarType::kNumber: {
      if (!value.is_number()) return "must be a number";
      double d = value.to_number();
      if (v.min && d < *v.min) return "must be >= " + fmt(*v.min);
      if (v.max && d > *v.max) return "must be <= " + fmt(*v.max);
      return std::nullopt;
    }
    case VarType::kBoolean:
      if (!value.is_bool()) return "must be a boolean (true or false)";
      return std::nullopt;
    case VarType::kEnum: {
      auto allowed = [&](const Value& x) {
        return x.is_string() &&
               std::find(v.values.begin(), v.values.end(), x.as_string()) != v.values.end();
      };
      if (v.multiple) {
        if (!value.is_array()) return "must be a list of: " + join(v.values, ", ");
        std::vector<std::string> bad;
        for (const Value& x : value.as_array()) {
          if (!allowed(x)) bad.push_back(x.to_output());
        }
        if (!bad.empty())
          return "contains invalid values: " + join(bad, ", ") +
                 " (allowed: " + join(v.values, ", ") + ")";
        return std::nullopt;
      }
      if (!allowed(value)) return "must be one of: " + join(v.values, ", ");
      return std::nullopt;
    }
    case VarType::kArray: {
      if (!value.is_array()) return "must be an array";
      auto n = static_cast<double>(value.as_array().size());
      if (v.min && n < *v.min) return "must have at least " + fmt(*v.min) + " items";
      if (v.max && n > *v.max) return "must have at most " + fmt(*v.max) + " items";
      if (!v.values.empty()) {
        std::vector<std::string> bad;
        for (const Value& x : value.as_array()) {
          if (!x.is_string() ||
              std::find(v.values.begin(), v.values.end(), x.as_string()) == v.values.end()) {
            bad.push_back(x.to_output());
          }
        }
        if (!bad.empty())
          return "contains invalid values: " + join(bad, ", ") +
                 " (allowed: " + join(v.values, ", ") + ")";
      }
      return std::nullopt;
    }
    case VarType::kObject:
      if (!value.is_object()) return "must be an object";
      return std::nullopt;
  }
  return std::nullopt;
}

std::string env_name(std::string_view variable) {
  return "HYPERGEN_VAR_" + liquid::change_case::constant(variable);
}

const char* origin_name(Origin o) {
  switch (o) {
    case Origin::kDefault:
      return "default";
    case Origin::kAnswers:
      return "answers";
    case Origin::kEnv:
      return "env";
    case Origin::kFlag:
      return "flag";
    case Origin::kGiven:
      return "step";
    case Origin::kPrompt:
      return "prompt";
    case Origin::kComputed:
      return "computed";
  }
  return "default";
}

namespace {

const Variable* match_flag(const Manifest& m, const std::string& key) {
  if (const Variable* v = m.find(key)) return v;
  std::string camel = liquid::change_case::camel(key);
  std::string snake = liquid::change_case::snake(key);
  for (const Variable& v : m.variables) {
    if (v.name == camel || v.name == snake || liquid::change_case::camel(v.name) == camel)
      return &v;
  }
  return nullptr;
}

bool takes_list(const Variable& v) {
  return v.type == VarType::kArray || (v.type == VarType::kEnum && v.multiple);
}

}  // namespace

Result<FlagValues> parse_flags(const Manifest& m, std::span<const std::string> words,
                               std::span<const std::string_view> reserved,
                               std::span<const std::string_view> reserved_with_value) {
  FlagValues out;
  auto is_reserved = [](std::span<const std::string_view> list, std::string_view k) {
    return std::find(list.begin(), list.end(), k) != list.end();
  };
  auto unknown = [&](const std::string& flag) -> Result<FlagValues> {
    std::vector<std::string> names;
    for (const Variable& v : m.variables) {
      if (!v.internal) names.push_back(v.name);
    }
    for (auto r : reserved) names.emplace_back(r);
    for (auto r : reserved_with_value) names.emplace_back(r);
    std::string msg = "unknown flag --" + flag + " for generator '" + m.name + "'";
    if (auto hint = suggest(flag, names)) msg += " (did you mean --" + *hint + "?)";
    return make_coded_error(
        ErrorKind::kUsage, "ACTION_INVALID_PARAMETERS", msg,
        {{"See the variables this generator declares", "hypergen info " + m.name}});
  };
  bool only_positionals = false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (only_positionals || !w.starts_with("-") || w == "-") {
      out.positionals.push_back(w);
      continue;
    }
    if (w == "--") {
      only_positionals = true;
      continue;
    }
    std::string body = w.substr(w.starts_with("--") ? 2 : 1);
    std::optional<std::string> inline_value;
    if (auto eq = body.find('='); eq != std::string::npos) {
      inline_value = body.substr(eq + 1);
      body = body.substr(0, eq);
    }
    auto next_value = [&]() -> std::optional<std::string> {
      if (inline_value) return inline_value;
      if (i + 1 < words.size() && !words[i + 1].starts_with("--")) return words[++i];
      return std::nullopt;
    };
    if (is_reserved(reserved_with_value, body)) {
      auto val = next_value();
      if (!val) {
        return make_coded_error(ErrorKind::kUsage, "ACTION_INVALID_PARAMETERS",
                                "--" + body + " needs a value");
      }
      out.reserved.mutable_object().set(body, Value(*val));
      continue;
    }
    if (is_reserved(reserved, body)) {
      out.reserved.mutable_object().set(body, inline_value ? Value(*inline_value) : Value(true));
      continue;
    }
    bool negated = false;
    const Variable* v = match_flag(m, body);
    if (!v && body.starts_with("no-")) {
      if (is_reserved(reserved, body.substr(3))) {
        out.reserved.mutable_object().set(body.substr(3), Value(false));
        continue;
      }
      v = match_flag(m, body.substr(3));
      negated = v != nullptr;
    }
    if (!v || v->internal) return unknown(body);
    out.spelled[v->name] = "--" + body;
    Value raw;
    if (negated) {
      if (v->type != VarType::kBoolean) {
        return make_coded_error(ErrorKind::kUsage, "ACTION_INVALID_PARAMETERS",
                                "--no-" + body.substr(3) + ": variable '" + v->name + "' is a " +
                                    type_name(v->type) + ", not a boolean");
      }
      raw = Value(false);
    } else if (v->type == VarType::kBoolean) {
      if (inline_value) {
        raw = Value(*inline_value);
      } else if (i + 1 < words.size() && (words[i + 1] == "true" || words[i + 1] == "false")) {
        raw = Value(words[++i]);
      } else {
        raw = Value(true);
      }
    } else {
      auto val = next_value();
      if (!val) {
        return make_coded_error(ErrorKind::kUsage, "ACTION_INVALID_PARAMETERS",
                                "--" + body + " needs a value (variable '" + v->name + "', " +
                                    type_name(v->type) + ")");
      }
      raw = Value(*val);
    }
    Object& obj = out.values.mutable_object();
    if (takes_list(*v)) {
      Value* existing = obj.find(v->name);
      Array items = existing && existing->is_array() ? existing->as_array() : Array{};
      if (raw.is_string() && !trim(raw.as_string()).starts_with("[")) {
        for (auto& p : split_commas(raw.as_string())) items.push_back(Value(p));
      } else {
        items.push_back(raw);
      }
      obj.set(v->name, Value(std::move(items)));
    } else {
      obj.set(v->name, std::move(raw));
    }
  }
  return out;
}

prompt::Question question_for(const Variable& v) {
  prompt::Question q;
  q.name = v.name;
  q.message = !v.prompt.empty() ? v.prompt : !v.description.empty() ? v.description : v.name;
  if (v.has_default) q.initial = v.default_value;
  switch (v.type) {
    case VarType::kNumber:
      q.kind = prompt::Kind::kNumeral;
      break;
    case VarType::kBoolean:
      q.kind = prompt::Kind::kConfirm;
      if (!v.has_default) q.initial = Value(false);
      break;
    case VarType::kEnum:
      q.kind = v.multiple ? prompt::Kind::kMultiSelect : prompt::Kind::kSelect;
      for (const auto& c : v.values) q.choices.push_back({c, "", "", false});
      break;
    case VarType::kArray:
      if (!v.values.empty()) {
        q.kind = prompt::Kind::kMultiSelect;
        for (const auto& c : v.values) q.choices.push_back({c, "", "", false});
      } else {
        q.kind = prompt::Kind::kInput;
        q.message += " (comma-separated)";
        if (v.has_default && v.default_value.is_array()) {
          std::string joined;
          for (const Value& x : v.default_value.as_array())
            joined += (joined.empty() ? "" : ",") + x.to_output();
          q.initial = Value(joined);
        }
      }
      break;
    default:
      q.kind = prompt::Kind::kInput;
      break;
  }
  Variable copy = v;
  q.validate = [copy](const Value& answer) -> std::optional<std::string> {
    if (answer.is_nil() || (answer.is_string() && answer.as_string().empty())) {
      if (copy.required) return "This field is required";
      return std::nullopt;
    }
    auto typed = coerce(copy, answer);
    if (!typed) return typed.error().message;
    return check_value(copy, *typed);
  };
  return q;
}

namespace {

std::string describe_missing(const Variable& v) {
  std::string out = "  --" + v.name + " (" + type_name(v.type);
  if (v.type == VarType::kEnum) out += ": " + join(v.values, "|");
  out += ")";
  if (!v.description.empty()) out += "  " + v.description;
  return out;
}

// The value shown for a missing variable in the suggested command line.
std::string example_flag_value(const Variable& v) {
  if (v.type == VarType::kEnum) return v.values.empty() ? "<value>" : v.values.front();
  if (v.type == VarType::kBoolean) return "true";
  if (v.type == VarType::kNumber) return "<number>";
  return "<" + v.name + ">";
}

}  // namespace

Result<Resolved> resolve_values(const Manifest& m, const Inputs& in, prompt::Prompter& prompter,
                                const ComputeFn& compute) {
  Resolved out;
  Object& values = out.values.mutable_object();
  bool ask = in.ask && prompter.interactive();
  std::vector<const Variable*> missing;
  for (const Variable& v : m.variables) {
    if (v.internal) continue;
    // The highest explicit source.
    std::optional<Value> raw;
    Origin origin = Origin::kDefault;
    std::string source;
    if (in.flags) {
      if (const Value* f = in.flags->values.as_object().find(v.name)) {
        raw = *f;
        origin = Origin::kFlag;
        auto sp = in.flags->spelled.find(v.name);
        source = sp == in.flags->spelled.end() ? "--" + v.name : sp->second;
      }
    }
    if (!raw) {
      if (const Value* g = in.given.as_object().find(v.name)) {
        raw = *g;
        origin = Origin::kGiven;
        source = "the calling step";
      }
    }
    if (!raw && in.env) {
      std::string name = env_name(v.name);
      if (auto e = in.env(name)) {
        raw = Value(*e);
        origin = Origin::kEnv;
        source = "$" + name;
      }
    }
    if (!raw) {
      if (const Value* a = in.answers.as_object().find(v.name)) {
        raw = *a;
        origin = Origin::kAnswers;
        source = in.answers_file.empty() ? "the answers file" : in.answers_file;
      }
    }
    if (raw) {
      auto typed = coerce(v, *raw);
      std::optional<std::string> problem;
      if (!typed) {
        problem = typed.error().message;
      } else {
        problem = check_value(v, *typed);
      }
      if (problem) {
        return make_coded_error(ErrorKind::kData,
                                typed ? "ACTION_INVALID_PARAM_VALUE" : "ACTION_INVALID_PARAM_TYPE",
                                "invalid value for variable '" + v.name + "' (from " + source +
                                    "): " + *problem + ", got " + liquid::to_json(*raw),
                                {{"See the variable's rules", "hypergen info " + m.name}});
      }
      values.set(v.name, *typed);
      out.origins[v.name] = origin;
      continue;
    }
    // `when`: evaluated over the values so far (declaration order).
    if (!v.when.empty()) {
      auto active = evaluate_condition(v.when, out.values);
      if (!active) {
        Error e = active.error();
        e.message = "variable '" + v.name + "' when '" + v.when + "': " + e.message;
        e.where = v.at("when");
        e.kind = ErrorKind::kTemplate;
        e.code = "TEMPLATE_INVALID_SYNTAX";
        return tl::unexpected(e);
      }
      if (!*active) {
        out.inactive.push_back(v.name);
        if (v.has_default) {
          values.set(v.name, v.default_value);
          out.origins[v.name] = Origin::kDefault;
        }
        continue;
      }
    }
    if (ask) {
      auto answer = prompter.ask(question_for(v));
      if (!answer) return tl::unexpected(answer.error());
      if (*answer && !(*answer)->is_nil() &&
          !((*answer)->is_string() && (*answer)->as_string().empty() && !v.required &&
            !v.has_default)) {
        auto typed = coerce(v, **answer);
        std::optional<std::string> problem = typed ? check_value(v, *typed) : typed.error().message;
        if (problem) {
          return make_coded_error(ErrorKind::kData, "ACTION_INVALID_PARAM_VALUE",
                                  "invalid answer for variable '" + v.name + "': " + *problem +
                                      ", got " + liquid::to_json(**answer));
        }
        values.set(v.name, *typed);
        out.origins[v.name] = Origin::kPrompt;
        continue;
      }
    }
    if (v.has_default) {
      values.set(v.name, v.default_value);
      out.origins[v.name] = Origin::kDefault;
      continue;
    }
    if (v.required) missing.push_back(&v);
  }
  if (!missing.empty()) {
    std::string msg =
        std::string(missing.size() == 1 ? "a required value is" : "required values are") +
        " missing for '" + m.name + "'" + (prompter.interactive() ? "" : " (no terminal to ask)") +
        ":";
    std::string cmd = in.command.empty() ? "hypergen action " + m.name : in.command;
    for (const Variable* v : missing) {
      msg += "\n" + describe_missing(*v);
      cmd += " --" + v->name + "=" + example_flag_value(*v);
    }
    return make_coded_error(
        ErrorKind::kMissingInput, "ACTION_MISSING_REQUIRED_PARAM", msg,
        {{"Pass the values as flags", cmd},
         {"Or put them in an answers file (JSON or YAML)",
          "hypergen action " + m.name + " --answers answers.yml"},
         {"Or set environment variables such as " + env_name(missing.front()->name), ""}});
  }
  // Internal variables: computed from the others, in declaration order.
  for (const Variable& v : m.variables) {
    if (!v.internal) continue;
    std::string tpl = !v.compute.empty() ? v.compute
                      : (v.has_default && v.default_value.is_string() &&
                         v.default_value.as_string().find("{{") != std::string::npos)
                          ? v.default_value.as_string()
                          : std::string();
    if (tpl.empty()) {
      if (v.has_default) {
        values.set(v.name, v.default_value);
        out.origins[v.name] = Origin::kDefault;
      }
      continue;
    }
    if (!compute) continue;
    auto text = compute(tpl, out.values);
    if (!text) {
      Error e = text.error();
      e.message = "computing variable '" + v.name + "': " + e.message;
      e.where = v.at(v.compute.empty() ? "default" : "compute");
      return tl::unexpected(e);
    }
    Value raw(*text);
    auto typed = coerce(v, raw);
    values.set(v.name, typed ? *typed : raw);
    out.origins[v.name] = Origin::kComputed;
  }
  return out;
}

Value json_schema(const Manifest& m) {
  Object schema;
  schema.set("$schema", Value("https://json-schema.org/draft/2020-12/schema"));
  schema.set("title", Value(m.name));
  if (!m.description.empty()) schema.set("description", Value(m.description));
  schema.set("type", Value("object"));
  Object props;
  Array required;
  for (const Variable& v : m.variables) {
    Object p;
    auto num = [](double d) {
      return d == std::floor(d) && std::fabs(d) < 9e15 ? Value(static_cast<std::int64_t>(d))
                                                       : Value(d);
    };
    switch (v.type) {
      case VarType::kString:
      case VarType::kFile:
      case VarType::kDirectory:
        p.set("type", Value("string"));
        if (v.type != VarType::kString) p.set("format", Value(type_name(v.type)));
        if (!v.pattern.empty()) p.set("pattern", Value(v.pattern));
        if (v.min) p.set("minLength", num(*v.min));
        if (v.max) p.set("maxLength", num(*v.max));
        break;
      case VarType::kNumber:
        p.set("type", Value("number"));
        if (v.min) p.set("minimum", num(*v.min));
        if (v.max) p.set("maximum", num(*v.max));
        break;
      case VarType::kBoolean:
        p.set("type", Value("boolean"));
        break;
      case VarType::kEnum: {
        Array vals;
        for (const auto& s : v.values) vals.push_back(Value(s));
        if (v.multiple) {
          p.set("type", Value("array"));
          Object items;
          items.set("enum", Value(vals));
          p.set("items", Value(std::move(items)));
          p.set("uniqueItems", Value(true));
        } else {
          p.set("type", Value("string"));
          p.set("enum", Value(vals));
        }
        break;
      }
      case VarType::kArray: {
        p.set("type", Value("array"));
        Object items;
        if (!v.values.empty()) {
          Array vals;
          for (const auto& s : v.values) vals.push_back(Value(s));
          items.set("enum", Value(vals));
        } else {
          items.set("type", Value("string"));
        }
        p.set("items", Value(std::move(items)));
        if (v.min) p.set("minItems", num(*v.min));
        if (v.max) p.set("maxItems", num(*v.max));
        break;
      }
      case VarType::kObject:
        p.set("type", Value("object"));
        break;
    }
    if (!v.description.empty()) p.set("description", Value(v.description));
    if (v.has_default) p.set("default", v.default_value);
    if (!v.prompt.empty()) p.set("x-prompt", Value(v.prompt));
    if (!v.when.empty()) p.set("x-when", Value(v.when));
    if (!v.message.empty()) p.set("x-message", Value(v.message));
    if (v.internal) {
      p.set("readOnly", Value(true));
      p.set("x-internal", Value(true));
      if (!v.compute.empty()) p.set("x-compute", Value(v.compute));
    }
    p.set("x-env", Value(env_name(v.name)));
    props.set(v.name, Value(std::move(p)));
    if (v.required && !v.internal && v.when.empty()) required.push_back(Value(v.name));
  }
  schema.set("properties", Value(std::move(props)));
  schema.set("required", Value(std::move(required)));
  schema.set("additionalProperties", Value(false));
  return Value(std::move(schema));
}

std::string shell_quote(std::string_view word) {
  bool plain = !word.empty();
  for (char c : word) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) ||
          std::string_view("-_./:=,@+%").find(c) != std::string_view::npos)) {
      plain = false;
    }
  }
  if (plain) return std::string(word);
  std::string out = "'";
  for (char c : word) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

std::string example_command(const Manifest& m, const Example& e) {
  std::string out = "hypergen action " + shell_quote(m.name);
  for (const auto& [k, val] : e.variables.as_object()) {
    const Variable* v = m.find(k);
    if (val.is_bool() && v && v->type == VarType::kBoolean) {
      out += val.as_bool() ? " --" + k : " --no-" + k;
      continue;
    }
    std::string text;
    if (val.is_array()) {
      for (const Value& x : val.as_array()) text += (text.empty() ? "" : ",") + x.to_output();
    } else if (val.is_object()) {
      text = liquid::to_json(val);
    } else {
      text = val.to_output();
    }
    out += " " + shell_quote("--" + k + "=" + text);
  }
  return out;
}

}  // namespace hypergen::manifest
