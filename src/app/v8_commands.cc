#include "app/v8_commands.h"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "app/trust.h"
#include "app/v8.h"
#include "app/workspace.h"
#include "config/config.h"
#include "frontmatter/frontmatter.h"
#include "liquid/json.h"
#include "liquid/liquid.h"
#include "manifest/values.h"
#include "render/engines.h"
#include "render/render.h"
#include "render/variables.h"

namespace hypergen::app {

using liquid::Value;
using manifest::Manifest;
using nlohmann::json;

namespace {

// Splits `--json` off the words.
bool take_json(std::span<const std::string> args, std::vector<std::string>& rest) {
  bool json_out = false;
  for (const auto& a : args) {
    if (a == "--json") {
      json_out = true;
    } else {
      rest.push_back(a);
    }
  }
  return json_out;
}

json to_nl(const Value& v) {
  return json::parse(liquid::to_json(v));
}

std::string value_text(const Value& v) {
  if (v.is_string()) return v.as_string();
  return liquid::to_json(v);
}

std::string rules_of(const manifest::Variable& v) {
  std::vector<std::string> parts;
  if (!v.pattern.empty()) parts.push_back("pattern " + v.pattern);
  if (!v.values.empty()) {
    std::string s = v.multiple                            ? "any of: "
                    : v.type == manifest::VarType::kArray ? "items from: "
                                                          : "one of: ";
    for (std::size_t i = 0; i < v.values.size(); ++i) s += (i ? ", " : "") + v.values[i];
    parts.push_back(s);
  }
  auto num = [](double d) { return liquid::format_number(d); };
  if (v.min || v.max) {
    const char* unit = v.type == manifest::VarType::kNumber  ? ""
                       : v.type == manifest::VarType::kArray ? " items"
                                                             : " chars";
    if (v.min && v.max) {
      parts.push_back(num(*v.min) + ".." + num(*v.max) + unit);
    } else if (v.min) {
      parts.push_back(">= " + num(*v.min) + unit);
    } else {
      parts.push_back("<= " + num(*v.max) + unit);
    }
  }
  if (!v.when.empty()) parts.push_back("when " + v.when);
  if (v.internal) parts.push_back(v.compute.empty() ? "internal" : "computed: " + v.compute);
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : " · ") + p;
  return out;
}

json info_json(Context& ctx, const manifest::Composed& c, const std::string& usage) {
  const Manifest& m = c.manifest;
  json doc;
  doc["name"] = m.name;
  doc["title"] = m.title;
  doc["description"] = m.description;
  doc["version"] = m.version;
  doc["author"] = m.author;
  doc["category"] = m.category;
  doc["tags"] = m.tags;
  doc["path"] = render::display_path(ctx.cwd, m.file);
  if (!usage.empty()) doc["usage"] = usage;
  doc["variables"] = json::array();
  for (const auto& v : m.variables) {
    json j;
    j["name"] = v.name;
    j["type"] = manifest::type_name(v.type);
    j["required"] = v.required;
    if (v.has_default) j["default"] = to_nl(v.default_value);
    if (!v.description.empty()) j["description"] = v.description;
    if (!v.prompt.empty()) j["prompt"] = v.prompt;
    if (!v.pattern.empty()) j["pattern"] = v.pattern;
    if (!v.values.empty()) j["values"] = v.values;
    if (v.min) j["min"] = *v.min;
    if (v.max) j["max"] = *v.max;
    if (v.multiple) j["multiple"] = true;
    if (v.internal) j["internal"] = true;
    if (!v.compute.empty()) j["compute"] = v.compute;
    if (!v.when.empty()) j["when"] = v.when;
    if (!v.internal) {
      j["flag"] = "--" + v.name;
      j["env"] = manifest::env_name(v.name);
    }
    doc["variables"].push_back(j);
  }
  doc["examples"] = json::array();
  for (const auto& e : m.examples) {
    doc["examples"].push_back({{"title", e.title},
                               {"description", e.description},
                               {"variables", to_nl(e.variables)},
                               {"command", manifest::example_command(m, e)}});
  }
  doc["steps"] = json::array();
  for (const auto& s : m.steps) {
    doc["steps"].push_back({{"id", s.id},
                            {"kind", manifest::step_kind_name(s.kind)},
                            {"target", s.target},
                            {"when", s.when},
                            {"dependsOn", s.depends_on}});
  }
  json hooks = json::object();
  for (auto [key, list] :
       {std::pair{"pre", &m.hooks.pre}, {"post", &m.hooks.post}, {"error", &m.hooks.error}}) {
    hooks[key] = json::array();
    for (const auto& h : *list) hooks[key].push_back(h.command);
  }
  doc["hooks"] = hooks;
  doc["extends"] = m.extends;
  doc["includes"] = json::array();
  for (const auto& inc : m.includes) {
    doc["includes"].push_back({{"url", inc.url}, {"condition", inc.condition}});
  }
  doc["conflicts"] = json::array();
  for (const auto& cn : c.conflicts) {
    doc["conflicts"].push_back(
        {{"variable", cn.variable}, {"sources", cn.sources}, {"resolution", cn.resolution}});
  }
  doc["schema"] = to_nl(manifest::json_schema(m));
  return doc;
}

std::string info_text(Context& ctx, const manifest::Composed& c, const std::string& usage) {
  const Manifest& m = c.manifest;
  std::string t = m.name + (m.description.empty() ? "" : " — " + m.description) + "\n";
  std::vector<std::string> meta;
  if (!m.version.empty()) meta.push_back("version " + m.version);
  if (!m.author.empty()) meta.push_back("author " + m.author);
  if (!m.category.empty()) meta.push_back("category " + m.category);
  if (!m.tags.empty()) {
    std::string tags;
    for (const auto& tag : m.tags) tags += (tags.empty() ? "" : ", ") + tag;
    meta.push_back("tags: " + tags);
  }
  if (!meta.empty()) {
    std::string line;
    for (const auto& x : meta) line += (line.empty() ? "" : " · ") + x;
    t += "  " + line + "\n";
  }
  t += "  file: " + render::display_path(ctx.cwd, m.file) + "\n";
  if (!usage.empty())
    t += "  run:  " + usage + " [--variable=value …]   or   hypergen action " + m.name + "\n";
  if (!m.extends.empty()) t += "  extends: " + m.extends + "\n";
  for (const auto& inc : m.includes) {
    t += "  includes: " + inc.url + (inc.condition.empty() ? "" : " (when " + inc.condition + ")") +
         "\n";
  }
  t += "\n";
  if (m.variables.empty()) {
    t += "No parameters required\n";
  } else {
    t += "Parameters (" + std::to_string(m.variables.size()) + "):\n";
    std::size_t width = 0;
    for (const auto& v : m.variables) width = std::max(width, v.name.size());
    for (const auto& v : m.variables) {
      std::string line = "  • " + v.name + std::string(width - v.name.size(), ' ') + "  (" +
                         manifest::type_name(v.type) + (v.multiple ? ", multiple" : "") + ")";
      if (v.required) line += " *required*";
      if (v.has_default) line += " [default: " + value_text(v.default_value) + "]";
      if (!v.description.empty()) line += " - " + v.description;
      t += line + "\n";
      std::string rules = rules_of(v);
      std::string indent(6 + width, ' ');
      if (!rules.empty()) t += indent + rules + "\n";
      if (!v.internal) t += indent + "--" + v.name + " · $" + manifest::env_name(v.name) + "\n";
    }
  }
  if (!m.examples.empty()) {
    t += "\nExamples (" + std::to_string(m.examples.size()) + "):\n";
    int i = 0;
    for (const auto& e : m.examples) {
      t += "  " + std::to_string(++i) + ". " + e.title + "\n";
      if (!e.description.empty()) t += "     " + e.description + "\n";
      t += "     $ " + manifest::example_command(m, e) + "\n";
    }
  }
  if (!m.steps.empty()) {
    t += "\nSteps (" + std::to_string(m.steps.size()) + "):\n";
    for (const auto& s : m.steps) {
      t += "  " + s.id + ": " + manifest::step_kind_name(s.kind) + " " + s.target;
      if (!s.depends_on.empty()) {
        std::string deps;
        for (const auto& d : s.depends_on) deps += (deps.empty() ? "" : ", ") + d;
        t += " (after " + deps + ")";
      }
      if (!s.when.empty()) t += " (when " + s.when + ")";
      t += "\n";
    }
  }
  std::size_t hooks = m.hooks.pre.size() + m.hooks.post.size() + m.hooks.error.size();
  if (hooks) {
    t += "\nHooks: " + std::to_string(m.hooks.pre.size()) + " pre, " +
         std::to_string(m.hooks.post.size()) + " post, " + std::to_string(m.hooks.error.size()) +
         " error\n";
  }
  return t;
}

// A template.yml path from a file or folder argument.
Result<std::string> manifest_path_arg(Context& ctx, const std::string& arg) {
  std::string path = config::absolute_path(ctx.cwd, arg);
  auto st = ctx.fs.stat(path);
  if (st && st->is_directory()) {
    std::string found = manifest::manifest_in(ctx.fs, path);
    if (found.empty()) {
      return make_coded_error(ErrorKind::kNotFound, "TEMPLATE_NOT_FOUND",
                              "Template file not found: " + arg + "/template.yml",
                              {{"Create one", "hypergen init generator --name=my-generator"}});
    }
    return found;
  }
  if (!st || !st->exists()) {
    return make_coded_error(
        ErrorKind::kNotFound, "TEMPLATE_NOT_FOUND", "Template file not found: " + arg,
        {{"List the generators with a template.yml", "hypergen template list"}});
  }
  return path;
}

// Line and column of the first whole-word `word` inside a Liquid tag.
SourceLocation locate_word(const std::string& text, const std::string& word,
                           const std::string& file) {
  std::size_t at = 0;
  while ((at = text.find(word, at)) != std::string::npos) {
    auto is_word = [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
    };
    bool left = at == 0 || !is_word(text[at - 1]);
    bool right = at + word.size() >= text.size() || !is_word(text[at + word.size()]);
    std::size_t o1 = text.rfind("{{", at), o2 = text.rfind("{%", at);
    std::size_t open = o1 == std::string::npos   ? o2
                       : o2 == std::string::npos ? o1
                                                 : std::max(o1, o2);
    bool in_tag = open != std::string::npos && text.find('}', open) >= at;
    if (left && right && in_tag) break;
    at += word.size();
  }
  if (at == std::string::npos) return {file, 0, 0};
  int line = 1, col = 1;
  for (std::size_t i = 0; i < at; ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return {file, line, col};
}

// Checks the templates: Liquid parses, every variable used is declared.
void check_templates(Context& ctx, const manifest::Composed& c,
                     std::vector<manifest::Diagnostic>& out) {
  auto files = v8_template_files(ctx, c);
  if (!files) {
    out.push_back({true, "TEMPLATE_PARSING_ERROR", files.error().message, {c.manifest.file, 0, 0}});
    return;
  }
  liquid::Engine engine;
  std::set<std::string> declared;
  for (const auto& v : c.manifest.variables) declared.insert(v.name);
  for (const auto& f : *files) {
    std::string display = render::display_path(ctx.cwd, f.file.path);
    std::string name = f.file.path.substr(f.file.path.rfind('/') + 1);
    auto text = ctx.fs.read_file(f.file.path);
    if (!text) {
      out.push_back({true, "FILE_NOT_FOUND", text.error().message, {display, 0, 0}});
      continue;
    }
    render::EngineMatch match = render::engine_for(name);
    bool ejs = name.ends_with(".ejs") || name.ends_with(".ejs.t");
    frontmatter::Split split = frontmatter::split(*text);
    if (ejs) {
      out.push_back(
          {false, "", "EJS template not checked (V8 generators render Liquid)", {display, 1, 1}});
      continue;
    }
    if (!f.all && !match.by_extension && !split.has_frontmatter) continue;  // not a template
    if (split.has_frontmatter) {
      auto attrs = frontmatter::parse_yaml(split.yaml, display, split.yaml_line);
      if (!attrs) {
        out.push_back(
            {true, "TEMPLATE_INVALID_FRONTMATTER", attrs.error().message, attrs.error().where});
        continue;
      }
      for (const auto& [k, v] : attrs->values.as_object()) {
        if (!v.is_string()) continue;
        auto tpl = engine.parse(v.as_string(), display);
        if (!tpl) {
          out.push_back({true,
                         "TEMPLATE_PARSING_ERROR",
                         tpl.error().message,
                         {display, attrs->line_of(k), tpl.error().where.column}});
        }
      }
    }
    auto body = engine.parse(split.body, display);
    if (!body) {
      SourceLocation w = body.error().where;
      w.file = display;
      if (w.line > 0) w.line += split.body_line - 1;
      out.push_back({true, "TEMPLATE_PARSING_ERROR", body.error().message, w});
      continue;
    }
    std::set<std::string> used = render::scan_variables(*text);
    for (const auto& v : render::scan_variables(render::v8_default_to(f.file.rel))) used.insert(v);
    for (const auto& v : used) {
      if (declared.count(v) || is_builtin_variable(v)) continue;
      SourceLocation w = locate_word(*text, v, display);
      if (w.line == 0) w = {display, 0, 0};
      out.push_back({true, "TEMPLATE_MISSING_VARIABLES",
                     "template uses the undeclared variable '" + v +
                         "' (declare it under variables: in " +
                         render::display_path(ctx.cwd, c.manifest.file) + ")",
                     w});
    }
  }
}

json diag_json(const manifest::Diagnostic& d) {
  return {{"file", d.where.file},
          {"line", d.where.line},
          {"column", d.where.column},
          {"message", d.message},
          {"code", d.code}};
}

Status template_validate(Context& ctx, const std::string& arg, bool json_out) {
  auto path = manifest_path_arg(ctx, arg);
  if (!path) return tl::unexpected(path.error());
  std::string display = render::display_path(ctx.cwd, *path);
  auto c = manifest::load(ctx.fs, *path, Value(liquid::Object{}), true, ctx.cwd);
  if (!c) return tl::unexpected(c.error());
  std::vector<manifest::Diagnostic> diags = c->diagnostics;
  bool manifest_ok =
      std::none_of(diags.begin(), diags.end(), [](const auto& d) { return d.error; });
  if (manifest_ok || !c->manifest.variables.empty()) check_templates(ctx, *c, diags);
  std::size_t errors = 0, warnings = 0;
  for (const auto& d : diags) (d.error ? errors : warnings)++;
  const Manifest& m = c->manifest;
  if (json_out) {
    json doc;
    doc["valid"] = errors == 0;
    doc["name"] = m.name;
    doc["path"] = display;
    doc["errors"] = json::array();
    doc["warnings"] = json::array();
    for (const auto& d : diags) doc[d.error ? "errors" : "warnings"].push_back(diag_json(d));
    ctx.console.out(doc.dump(2) + "\n");
  } else if (errors == 0) {
    std::string t = "✅ Template validation successful: " + m.name + "\n";
    if (!m.description.empty()) t += "   Description: " + m.description + "\n";
    if (!m.version.empty()) t += "   Version: " + m.version + "\n";
    t += "   Variables: " + std::to_string(m.variables.size()) + "\n";
    t += "   Examples: " + std::to_string(m.examples.size()) + "\n";
    if (warnings) t += "\n⚠️  Warnings:\n" + manifest::format_diagnostics(diags);
    ctx.console.out(t);
  } else {
    ctx.console.err(manifest::format_diagnostics(diags));
  }
  if (errors == 0) return {};
  const manifest::Diagnostic* first = nullptr;
  for (const auto& d : diags) {
    if (d.error && !first) first = &d;
  }
  return make_coded_error(ErrorKind::kTemplate,
                          first->code.empty() ? "TEMPLATE_INVALID_SYNTAX" : first->code,
                          "Template validation failed: " + std::to_string(errors) + " error" +
                              (errors == 1 ? "" : "s") + " in " + display,
                          {{"Fix the errors listed above (file:line:col)", ""},
                           {"See the template.yml reference", "docs/template-yml.md"}});
}

Status template_examples(Context& ctx, const manifest::Composed& c, bool json_out) {
  const Manifest& m = c.manifest;
  if (json_out) {
    json doc = json::array();
    for (const auto& e : m.examples) {
      doc.push_back({{"title", e.title},
                     {"description", e.description},
                     {"variables", to_nl(e.variables)},
                     {"command", manifest::example_command(m, e)}});
    }
    ctx.console.out(doc.dump(2) + "\n");
    return {};
  }
  if (m.examples.empty()) {
    ctx.console.out("No examples in " + render::display_path(ctx.cwd, m.file) + "\n");
    return {};
  }
  std::string t = "Examples for " + m.name + ":\n";
  int i = 0;
  for (const auto& e : m.examples) {
    t += "\n" + std::to_string(++i) + ". " + e.title + "\n";
    if (!e.description.empty()) t += "   " + e.description + "\n";
    t += "   $ " + manifest::example_command(m, e) + "\n";
  }
  ctx.console.out(t);
  return {};
}

Status template_list(Context& ctx, const std::vector<std::string>& rest, bool json_out) {
  std::vector<V8Entry> entries;
  std::string where;
  if (rest.size() > 1) {
    std::string dir = config::absolute_path(ctx.cwd, rest[1]);
    where = rest[1];
    auto listed = ctx.fs.list_dir(dir);
    if (!listed) {
      ctx.console.err("hypergen: warning: cannot read " + rest[1] + "\n");
    } else {
      std::vector<std::string> names;
      for (const auto& d : *listed) names.push_back(d.name);
      std::sort(names.begin(), names.end());
      for (const auto& n : names) {
        std::string p = manifest::manifest_in(ctx.fs, dir + "/" + n);
        if (p.empty()) continue;
        auto text = ctx.fs.read_file(p);
        V8Entry e;
        e.generator = n;
        e.name = n;
        e.dir = dir + "/" + n;
        e.manifest_path = p;
        if (text) {
          auto parsed = manifest::parse(*text, p);
          e.valid = parsed.ok();
          if (!parsed.manifest.name.empty()) e.name = parsed.manifest.name;
          e.description = parsed.manifest.description;
          e.category = parsed.manifest.category;
          e.variables = parsed.manifest.variables.size();
        }
        entries.push_back(std::move(e));
      }
    }
  } else {
    auto cfg = load_project_config(ctx);
    if (!cfg) return tl::unexpected(cfg.error());
    auto all = find_v8_generators(ctx, *cfg);
    if (!all) return tl::unexpected(all.error());
    entries = std::move(*all);
    for (const auto& r : cfg->templates)
      where += (where.empty() ? "" : ", ") + render::display_path(ctx.cwd, r.path);
  }
  if (json_out) {
    json doc = json::array();
    for (const auto& e : entries) {
      doc.push_back({{"name", e.name},
                     {"description", e.description},
                     {"category", e.category},
                     {"path", render::display_path(ctx.cwd, e.manifest_path)},
                     {"valid", e.valid}});
    }
    ctx.console.out(doc.dump(2) + "\n");
    return {};
  }
  std::string t = "📝 Templates found in " +
                  (where.empty() ? std::string("(no template roots)") : where) + " (" +
                  std::to_string(entries.size()) + "):\n";
  std::size_t invalid = 0;
  for (const auto& e : entries) {
    t += "  • " + e.name + (e.description.empty() ? "" : " - " + e.description);
    if (!e.valid) {
      t += " ❌ (invalid)";
      ++invalid;
    }
    t += "   " + render::display_path(ctx.cwd, e.manifest_path) + "\n";
  }
  if (invalid)
    t += "⚠️  " + std::to_string(invalid) + " invalid; run 'hypergen template validate PATH'\n";
  ctx.console.out(t);
  return {};
}

}  // namespace

Status action_command(Context& ctx, std::span<const std::string> args) {
  if (args.empty() || args[0].starts_with("-")) {
    return make_coded_error(
        ErrorKind::kUsage, "ACTION_INVALID_PARAMETERS", "Action name required",
        {{"Provide the generator's name", "hypergen action NAME --variable=value"},
         {"Take every default without asking", "hypergen action NAME --yes"},
         {"See what would change first", "hypergen action NAME --dry"},
         {"Overwrite existing files", "hypergen action NAME --force"},
         {"List the generators", "hypergen list"}});
  }
  auto cfg = load_project_config(ctx);
  if (!cfg) return tl::unexpected(cfg.error());
  auto entry = find_v8(ctx, *cfg, args[0]);
  if (!entry) return tl::unexpected(entry.error());
  return run_v8(ctx, *cfg, *entry, args.subspan(1));
}

Status info_command(Context& ctx, std::span<const std::string> args) {
  std::vector<std::string> rest;
  bool json_out = take_json(args, rest);
  if (rest.size() != 1) {
    return make_coded_error(
        ErrorKind::kUsage, "ACTION_INVALID_PARAMETERS",
        rest.empty() ? "Action name required" : "info takes one name",
        {{"Usage", "hypergen info NAME [--json]"}, {"List the generators", "hypergen list"}});
  }
  auto cfg = load_project_config(ctx);
  if (!cfg) return tl::unexpected(cfg.error());
  auto entry = find_v8(ctx, *cfg, rest[0]);
  if (!entry) return tl::unexpected(entry.error());
  auto c = load_v8(ctx, entry->manifest_path, Value(liquid::Object{}), true);
  if (!c) return tl::unexpected(c.error());
  // Where it comes from and whether its hooks and shell steps may run.
  const config::TemplateRoot* root = config::root_of(*cfg, entry->dir);
  if (json_out) {
    json doc = info_json(ctx, *c, entry->usage);
    if (root) doc["source"] = root_json(*root);
    ctx.console.out(doc.dump(2) + "\n");
  } else {
    std::string text = info_text(ctx, *c, entry->usage);
    auto nl = text.find('\n');
    std::string source = "  " + source_line(ctx, *cfg, entry->dir);
    if (root && nl != std::string::npos) text.insert(nl + 1, source);
    ctx.console.out(text);
  }
  return {};
}

Status template_command(Context& ctx, std::span<const std::string> args) {
  std::vector<std::string> rest;
  bool json_out = take_json(args, rest);
  if (rest.empty()) {
    return make_coded_error(
        ErrorKind::kUsage, "ACTION_INVALID_PARAMETERS",
        "Template subcommand required. Available: validate, info, list, examples",
        {{"Check a template.yml", "hypergen template validate _templates/NAME"}});
  }
  const std::string& sub = rest[0];
  if (sub == "list") return template_list(ctx, rest, json_out);
  if (sub != "validate" && sub != "info" && sub != "examples") {
    return make_coded_error(
        ErrorKind::kUsage, "ACTION_INVALID_PARAMETERS",
        "unknown template subcommand '" + sub + "'. Available: validate, info, list, examples");
  }
  if (rest.size() != 2) {
    return make_coded_error(ErrorKind::kUsage, "ACTION_INVALID_PARAMETERS",
                            "Template path required",
                            {{"Usage", "hypergen template " + sub + " PATH/template.yml"}});
  }
  if (sub == "validate") return template_validate(ctx, rest[1], json_out);
  auto path = manifest_path_arg(ctx, rest[1]);
  if (!path) return tl::unexpected(path.error());
  auto c = manifest::load(ctx.fs, *path, Value(liquid::Object{}), true, ctx.cwd);
  if (!c) return tl::unexpected(c.error());
  if (std::any_of(c->diagnostics.begin(), c->diagnostics.end(),
                  [](const auto& d) { return d.error; })) {
    Error e = manifest::first_error(c->diagnostics, c->text);
    e.message = "Template file is invalid: " + e.message;
    e.suggestions.insert(e.suggestions.begin(),
                         {"See every error", "hypergen template validate " + rest[1]});
    return tl::unexpected(e);
  }
  if (sub == "examples") return template_examples(ctx, *c, json_out);
  if (json_out) {
    ctx.console.out(info_json(ctx, *c, "").dump(2) + "\n");
  } else {
    ctx.console.out(info_text(ctx, *c, ""));
  }
  return {};
}

Status discover_command(Context& ctx, std::span<const std::string> args) {
  std::vector<std::string> rest;
  bool json_out = take_json(args, rest);
  if (!rest.empty()) {
    return make_coded_error(ErrorKind::kUsage, "ACTION_INVALID_PARAMETERS",
                            "discover: unexpected argument '" + rest[0] + "'",
                            {{"Usage", "hypergen discover [--json]"}});
  }
  auto cfg = load_project_config(ctx);
  if (!cfg) return tl::unexpected(cfg.error());
  auto gens = generators(ctx, *cfg);
  if (!gens) return tl::unexpected(gens.error());
  auto v8 = find_v8_generators(ctx, *cfg);
  if (!v8) return tl::unexpected(v8.error());
  // Generator packages installed but not declared: listed, never used.
  std::vector<config::FoundPackage> undeclared = config::undeclared_packages(ctx.fs, *cfg);
  std::set<std::string> v8_level;
  for (const auto& e : *v8) {
    if (e.action.empty()) v8_level.insert(e.generator);
  }
  json list = json::array();
  std::string text;
  std::size_t hygen_count = 0;
  for (const auto& g : *gens) {
    if (v8_level.count(g.name)) continue;
    std::vector<std::string> actions;
    for (const auto& a : g.actions) {
      if (a.is_dir) actions.push_back(a.name);
    }
    ++hygen_count;
    list.push_back({{"name", g.name},
                    {"kind", "hygen"},
                    {"path", render::display_path(ctx.cwd, g.path)},
                    {"actions", actions}});
    std::string acts;
    for (const auto& a : actions) acts += (acts.empty() ? "" : ", ") + a;
    text += "📦 " + g.name + " (hygen)\n   Path: " + render::display_path(ctx.cwd, g.path) +
            "\n   Actions: " + (acts.empty() ? "none" : acts) + "\n";
  }
  for (const auto& e : *v8) {
    list.push_back({{"name", e.name},
                    {"kind", "v8"},
                    {"path", render::display_path(ctx.cwd, e.manifest_path)},
                    {"generator", e.generator},
                    {"action", e.action},
                    {"description", e.description},
                    {"category", e.category},
                    {"valid", e.valid},
                    {"usage", e.usage}});
    text += "📦 " + e.name + " (v8" + (e.valid ? "" : ", invalid") +
            ")\n   Path: " + render::display_path(ctx.cwd, e.manifest_path) +
            "\n   Run: " + e.usage + "\n";
    if (!e.description.empty()) text += "   Description: " + e.description + "\n";
  }
  if (json_out) {
    json doc;
    doc["roots"] = json::array();
    for (const auto& r : cfg->templates) doc["roots"].push_back(root_json(r));
    doc["generators"] = list;
    doc["undeclaredPackages"] = json::array();
    for (const auto& p : undeclared) {
      doc["undeclaredPackages"].push_back(
          {{"name", p.name}, {"templates", render::display_path(ctx.cwd, p.templates)}});
    }
    ctx.console.out(doc.dump(2) + "\n");
    return {};
  }
  std::size_t total = hygen_count + v8->size();
  std::string head = "🔍 Discovery complete: found " + std::to_string(total) + " generator" +
                     (total == 1 ? "" : "s") + " (" + std::to_string(hygen_count) + " Hygen, " +
                     std::to_string(v8->size()) + " V8)\n";
  for (const auto& r : cfg->templates)
    head += "   root: " + render::display_path(ctx.cwd, r.path) + " (" + r.origin +
            (r.package.empty() ? ""
             : r.trusted       ? ", trusted"
                               : ", untrusted") +
            ")\n";
  if (total == 0) {
    text +=
        "Tips: create _templates/ with 'hypergen init workspace', or a generator with\n"
        "'hypergen init generator --name=NAME'.\n";
  }
  if (!undeclared.empty()) {
    text += "\nInstalled generator packages not in 'packages:' (not used):\n";
    for (const auto& p : undeclared) {
      text += "   " + p.name + " (" + render::display_path(ctx.cwd, p.templates) + ")\n";
    }
    text +=
        "   To use one, add it to 'packages:' in " +
        (cfg->config_file.empty() ? std::string("hypergen.yml (hypergen config init creates it)")
                                  : render::display_path(ctx.cwd, cfg->config_file)) +
        " (docs/packages.md).\n";
  }
  ctx.console.out(head + "\n" + text);
  return {};
}

}  // namespace hypergen::app
