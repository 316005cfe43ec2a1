#include "app/trust.h"

#include <algorithm>

namespace hypergen::app {

namespace {

// The package names of `items`, each once, in order.
std::vector<std::string> packages_of(std::span<const report::NeedsTrust> items) {
  std::vector<std::string> names;
  for (const report::NeedsTrust& n : items) {
    std::string name = n.source.starts_with("package ") ? n.source.substr(8) : n.source;
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  return names;
}

std::string config_name(const config::Config& cfg) {
  if (cfg.config_file.empty()) return "hypergen.yml";
  return cfg.config_file.substr(cfg.config_file.rfind('/') + 1);
}

std::string trust_entry(const config::Config& cfg, std::span<const report::NeedsTrust> items) {
  std::string list;
  for (const std::string& name : packages_of(items)) {
    list += (list.empty() ? "" : ", ") + name;
  }
  if (cfg.config_file.ends_with(".json")) {
    std::string quoted;
    for (const std::string& name : packages_of(items)) {
      quoted += (quoted.empty() ? "\"" : ", \"") + name + "\"";
    }
    return "\"trust\": [" + quoted + "]";
  }
  return "trust: [" + list + "]";
}

}  // namespace

std::string source_of(const config::Config& cfg, const std::string& path) {
  if (const config::TemplateRoot* r = config::root_of(cfg, path); r && !r->package.empty()) {
    return "package " + r->package;
  }
  // Package code under no root (reached by a relative path): name the
  // package from node_modules/<name> or node_modules/@scope/<name>.
  std::string base = config::absolute_path(cfg.project_root, "node_modules") + "/";
  if (!path.starts_with(base)) return "node_modules";
  std::string rest = path.substr(base.size());
  auto slash = rest.find('/');
  if (rest.starts_with("@") && slash != std::string::npos) slash = rest.find('/', slash + 1);
  return "package " + rest.substr(0, slash);
}

std::optional<report::NeedsTrust> untrusted_code(Context& ctx, const config::Config& cfg,
                                                 const std::string& path, std::string kind,
                                                 std::string command) {
  if (config::path_trusted(cfg, path)) return std::nullopt;
  report::NeedsTrust n;
  n.kind = std::move(kind);
  n.file = render::display_path(ctx.cwd, path);
  n.command = std::move(command);
  n.source = source_of(cfg, path);
  return n;
}

std::vector<report::NeedsTrust> untrusted_shell(
    Context& ctx, const config::Config& cfg, std::span<const render::RenderedTemplate> rendered) {
  std::vector<report::NeedsTrust> out;
  for (const render::RenderedTemplate& t : rendered) {
    // As plan/ decides: a shell op for every non-empty string `sh`.
    const liquid::Value* sh = t.attributes.values.as_object().find("sh");
    if (!sh || !sh->is_string() || sh->as_string().empty()) continue;
    // A V8 shell step is rendered as a template of its template.yml.
    bool step = t.path.ends_with("/template.yml") || t.path.ends_with("/template.yaml");
    if (auto n = untrusted_code(ctx, cfg, t.path, step ? "shell step" : "sh", sh->as_string())) {
      if (!step) n->file = t.display;
      out.push_back(std::move(*n));
    }
  }
  return out;
}

std::string trust_hint(const config::Config& cfg, std::span<const report::NeedsTrust> items) {
  std::vector<std::string> names = packages_of(items);
  std::string sources;
  for (const std::string& n : names) sources += (sources.empty() ? "" : ", ") + n;
  return "Not run: from an untrusted source (" + sources + "). To run it, pass --trust, or add '" +
         trust_entry(cfg, items) + "' to " + config_name(cfg) + ".";
}

Error untrusted_error(const config::Config& cfg, std::span<const report::NeedsTrust> items,
                      const std::string& rerun) {
  std::vector<std::string> names = packages_of(items);
  std::string sources;
  for (const std::string& n : names) sources += (sources.empty() ? "" : ", ") + n;
  Error e;
  e.kind = ErrorKind::kUntrusted;
  e.code = "UNTRUSTED_SOURCE";
  e.message = "refusing to run code from an untrusted template source (" + sources +
              "); nothing was run or written. It would run:";
  for (const report::NeedsTrust& n : items) {
    e.message += "\n  " + n.kind + ": ";
    e.message += n.command.empty() ? n.file : n.command + "   (" + n.file + ")";
  }
  std::string cmd = rerun.empty() ? std::string("hypergen …") : rerun;
  e.suggestions.push_back({"Trust every source for this run", cmd + " --trust"});
  e.suggestions.push_back({"Trust it for good: add '" + trust_entry(cfg, items) + "' to " +
                               config_name(cfg) +
                               " (only the project's own file can; a package cannot trust itself)",
                           ""});
  e.suggestions.push_back({"See what it would do first (runs nothing)", cmd + " --dry"});
  return e;
}

std::string root_note(const config::TemplateRoot& r) {
  if (r.package.empty()) return "";
  return " (" + r.origin + ", " + (r.trusted ? "trusted" : "untrusted") + ")";
}

nlohmann::json root_json(const config::TemplateRoot& r) {
  nlohmann::json j = {{"path", r.path}, {"origin", r.origin}, {"trusted", r.trusted}};
  if (!r.package.empty()) j["package"] = r.package;
  if (r.trusted) j["trustOrigin"] = r.trust_origin;
  return j;
}

std::string source_line(Context& ctx, const config::Config& cfg, const std::string& path) {
  const config::TemplateRoot* r = config::root_of(cfg, path);
  if (!r) return "";
  std::string where = render::display_path(ctx.cwd, r->path);
  if (r->package.empty()) {
    return "Source: " + where + " (" + r->origin + "), the project's own templates: trusted\n";
  }
  std::string line = "Source: " + r->origin + " (" + where + "): ";
  if (r->trusted) return line + "trusted (" + r->trust_origin + ")\n";
  report::NeedsTrust n;
  n.source = r->origin;
  return line + "untrusted: its sh:, hooks and shell steps run only with --trust or '" +
         trust_entry(cfg, {&n, 1}) + "' in " + config_name(cfg) + " (--dry shows them)\n";
}

}  // namespace hypergen::app
