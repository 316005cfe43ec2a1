#include "app/init_command.h"

#include "app/workspace.h"

#include <map>
#include <regex>
#include <set>
#include <tuple>

#include <nlohmann/json.hpp>

#include "app/init_presets.h"

#include "apply/apply.h"
#include "config/config.h"
#include "report/report.h"
#include "util/spellcheck.h"

namespace hypergen::app {

namespace {

struct Scaffold {
  const char* path;
  const char* content;
};

// Hygen 6.2.11's `init self` output, byte for byte (spec §4.3): its own
// EJS generator templates as rendered from its package's
// src/templates/init/self, in the order hygen writes them. The help
// message has no final newline, as in hygen.
constexpr Scaffold kFiles[] = {
    {"_templates/generator/help/index.ejs.t",
     "---\n"
     "message: |\n"
     "  hygen {bold generator new} --name [NAME] --action [ACTION]\n"
     "  hygen {bold generator with-prompt} --name [NAME] --action [ACTION]\n"
     "---"},
    {"_templates/generator/with-prompt/hello.ejs.t",
     "---\n"
     "to: _templates/<%= name %>/<%= action || 'new' %>/hello.ejs.t\n"
     "---\n"
     "---\n"
     "to: app/hello.js\n"
     "---\n"
     "const hello = ```\n"
     "Hello!\n"
     "This is your first prompt based hygen template.\n"
     "\n"
     "Learn what it can do here:\n"
     "\n"
     "https://github.com/jondot/hygen\n"
     "```\n"
     "\n"
     "console.log(hello)\n"
     "\n"
     "\n"},
    {"_templates/generator/with-prompt/prompt.ejs.t",
     "---\n"
     "to: _templates/<%= name %>/<%= action || 'new' %>/prompt.js\n"
     "---\n"
     "\n"
     "// see types of prompts:\n"
     "// https://github.com/enquirer/enquirer/tree/master/examples\n"
     "//\n"
     "module.exports = [\n"
     "  {\n"
     "    type: 'input',\n"
     "    name: 'message',\n"
     "    message: \"What's your message?\"\n"
     "  }\n"
     "]\n"},
    {"_templates/generator/new/hello.ejs.t",
     "---\n"
     "to: _templates/<%= name %>/<%= action || 'new' %>/hello.ejs.t\n"
     "---\n"
     "---\n"
     "to: app/hello.js\n"
     "---\n"
     "const hello = ```\n"
     "Hello!\n"
     "This is your first hygen template.\n"
     "\n"
     "Learn what it can do here:\n"
     "\n"
     "https://github.com/jondot/hygen\n"
     "```\n"
     "\n"
     "console.log(hello)\n"
     "\n"
     "\n"},
    {"_templates/init/repo/new-repo.ejs.t",
     "---\n"
     "setup: <%= name %>\n"
     "force: true # this is because mostly, people init into existing folders is safe\n"
     "---\n"},
};

// Writes `files` (paths relative to the cwd) in one transaction; existing
// files are left alone unless `force`.
Status write_scaffold(Context& ctx, const std::vector<std::pair<std::string, std::string>>& files,
                      bool force, std::string& lines, nlohmann::json* outcome = nullptr) {
  std::vector<apply::FileChange> changes;
  for (const auto& [rel, content] : files) {
    std::string path = ctx.cwd + "/" + rel;
    auto st = ctx.fs.stat(path);
    if (!st) return tl::unexpected(st.error());
    if (st->exists()) {
      if (!force) {
        lines += report::hygen_line("skipped", rel + " (exists; --force to replace)");
        if (outcome) outcome->push_back({{"path", rel}, {"op", "skipped"}});
        continue;
      }
      auto old = ctx.fs.read_file(path);
      if (!old) return tl::unexpected(old.error());
      if (*old == content) {
        lines += report::hygen_line("identical", rel);
        if (outcome) outcome->push_back({{"path", rel}, {"op", "identical"}});
        continue;
      }
      changes.push_back({apply::FileChange::Kind::kOverwrite, path, content, *old});
      lines += report::hygen_line("FORCED", rel);
      if (outcome) outcome->push_back({{"path", rel}, {"op", "overwritten"}});
      continue;
    }
    changes.push_back({apply::FileChange::Kind::kCreate, path, content, std::nullopt});
    lines += report::hygen_line("added", rel);
    if (outcome) outcome->push_back({{"path", rel}, {"op", "added"}});
  }
  if (!changes.empty()) {
    auto cfg = load_project_config(ctx);
    if (!cfg) return tl::unexpected(cfg.error());
    apply::ApplyOptions opts;
    opts.project_root = cfg->project_root;
    auto applied = apply::apply_changes(ctx.fs, opts, changes);
    if (!applied) return tl::unexpected(applied.error());
  }
  return {};
}

// `--key=value` / `--key value` / `--flag` options of `init generator|workspace`.
Result<std::map<std::string, std::string>> read_options(std::span<const std::string> args,
                                                        const std::set<std::string>& known) {
  std::map<std::string, std::string> out;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (!a.starts_with("--")) {
      return make_coded_error(ErrorKind::kUsage, "ACTION_INVALID_PARAMETERS",
                              "init: unexpected argument '" + a + "'");
    }
    std::string key = a.substr(2), value = "true";
    if (auto eq = key.find('='); eq != std::string::npos) {
      value = key.substr(eq + 1);
      key = key.substr(0, eq);
    } else if (i + 1 < args.size() && !args[i + 1].starts_with("--")) {
      value = args[++i];
    }
    if (!known.count(key)) {
      std::vector<std::string> names(known.begin(), known.end());
      std::string msg = "init: unknown option --" + key;
      if (auto hint = suggest(key, names)) msg += " (did you mean --" + *hint + "?)";
      return make_coded_error(ErrorKind::kUsage, "ACTION_INVALID_PARAMETERS", msg);
    }
    out[key] = value;
  }
  return out;
}

Status init_self(Context& ctx, bool force, bool json_out) {
  std::vector<std::pair<std::string, std::string>> files;
  for (const Scaffold& f : kFiles) files.emplace_back(f.path, f.content);
  std::string lines;
  nlohmann::json outcome = nlohmann::json::array();
  HG_RETURN_IF_ERROR(write_scaffold(ctx, files, force, lines, &outcome));
  if (json_out) {
    ctx.console.out(nlohmann::json{{"files", outcome}}.dump(2) + "\n");
    return {};
  }
  ctx.console.out("\n" + lines);
  return {};
}

Status init_generator(Context& ctx, std::span<const std::string> args) {
  auto opts = read_options(args, {"name", "description", "category", "author", "directory",
                                  "framework", "force", "json"});
  if (!opts) return tl::unexpected(opts.error());
  auto get = [&](const char* k, const char* def) {
    auto it = opts->find(k);
    return it == opts->end() ? std::string(def) : it->second;
  };
  std::string name = get("name", "");
  static const std::regex kName("^[A-Za-z][A-Za-z0-9_-]*$");
  if (name.empty() || !std::regex_match(name, kName)) {
    return make_coded_error(
        ErrorKind::kData, "ACTION_INVALID_PARAM_VALUE",
        "Invalid value for parameter 'name': " + (name.empty() ? "(missing)" : "'" + name + "'") +
            " (a letter, then letters, digits, '-' or '_')",
        {{"Name the generator", "hypergen init generator --name=my-generator"}});
  }
  std::string framework = get("framework", "generic");
  const GeneratorPreset* preset = find_preset(framework);
  if (!preset) {
    return make_coded_error(ErrorKind::kData, "ACTION_INVALID_PARAM_VALUE",
                            "Invalid value for parameter 'framework': '" + framework +
                                "' (one of react, vue, node, cli, api, generic)");
  }
  std::string dir = get("directory", "_templates");
  std::string gen_dir = dir + "/" + name;
  auto st = ctx.fs.stat(ctx.cwd + "/" + gen_dir + "/template.yml");
  if (st && st->exists() && get("force", "false") != "true") {
    return make_coded_error(ErrorKind::kConflict, "FILE_ALREADY_EXISTS",
                            "File already exists: " + gen_dir + "/template.yml",
                            {{"Pick another name, or replace it",
                              "hypergen init generator --name=" + name + " --force"}});
  }
  std::string lines;
  nlohmann::json outcome = nlohmann::json::array();
  HG_RETURN_IF_ERROR(
      write_scaffold(ctx,
                     generator_files(gen_dir, name, get("description", ""),
                                     get("category", "custom"), get("author", "Unknown"), *preset),
                     get("force", "false") == "true", lines, &outcome));
  if (opts->count("json")) {
    ctx.console.out(
        nlohmann::json{{"generator", name}, {"path", gen_dir}, {"files", outcome}}.dump(2) + "\n");
    return {};
  }
  ctx.console.out("\n" + lines +
                  "\nNext steps:\n"
                  "  hypergen template validate " +
                  gen_dir +
                  "\n"
                  "  hypergen info " +
                  name +
                  "\n"
                  "  hypergen action " +
                  name + " --name=Example --dry\n");
  return {};
}

Status init_workspace(Context& ctx, std::span<const std::string> args) {
  auto opts = read_options(args, {"directory", "withExamples", "force", "json"});
  if (!opts) return tl::unexpected(opts.error());
  std::string dir = opts->count("directory") ? opts->at("directory") : "_templates";
  bool examples = !opts->count("withExamples") || opts->at("withExamples") != "false";
  bool force = opts->count("force") && opts->at("force") != "false";
  std::vector<std::pair<std::string, std::string>> files;
  files.emplace_back("hypergen.yml",
                     "# Hypergen project configuration (docs/cli.md#configuration)\n"
                     "templates: " +
                         dir +
                         "\n"
                         "conflict: fail\n");
  files.emplace_back(dir + "/README.md",
                     "# Generators\n\n"
                     "Each folder here is a generator. A folder with a `template.yml` is a V8\n"
                     "generator (docs/template-yml.md); its templates live in `templates/`.\n\n"
                     "    hypergen list                  # what is here\n"
                     "    hypergen info NAME             # a generator's variables\n"
                     "    hypergen action NAME --dry     # try one\n"
                     "    hypergen init generator --name=NAME --framework=react\n");
  if (examples) {
    for (auto [gname, fw, desc] : {std::tuple{"component", "react", "A React component"},
                                   std::tuple{"api-route", "api", "An HTTP API route"},
                                   std::tuple{"util-function", "generic", "A utility function"}}) {
      for (auto& f :
           generator_files(dir + "/" + gname, gname, desc, fw, "Unknown", *find_preset(fw))) {
        files.push_back(std::move(f));
      }
    }
  }
  std::string lines;
  nlohmann::json outcome = nlohmann::json::array();
  HG_RETURN_IF_ERROR(write_scaffold(ctx, files, force, lines, &outcome));
  if (opts->count("json")) {
    ctx.console.out(nlohmann::json{{"files", outcome}}.dump(2) + "\n");
    return {};
  }
  ctx.console.out("\n" + lines + "\nNext: hypergen list\n");
  return {};
}

}  // namespace

Status init_command(Context& ctx, std::span<const std::string> args) {
  if (args.empty() || args[0].starts_with("-")) {
    return make_coded_error(
        ErrorKind::kUsage, "ACTION_INVALID_PARAMETERS",
        std::string("Init type required. Available: self, generator, workspace\n") + kInitUsage);
  }
  const std::string& what = args[0];
  if (what == "generator") return init_generator(ctx, args.subspan(1));
  if (what == "workspace") return init_workspace(ctx, args.subspan(1));
  if (what != "self") {
    return make_coded_error(
        ErrorKind::kUsage, "ACTION_INVALID_PARAMETERS",
        "init: unknown target '" + what + "' (self, generator, workspace)\n" + kInitUsage);
  }
  bool force = false, json_out = false;
  for (const auto& a : args.subspan(1)) {
    if (a == "--force") {
      force = true;
    } else if (a == "--json") {
      json_out = true;
    } else {
      return make_error(ErrorKind::kUsage, "init: unexpected argument '" + a + "'\n" + kInitUsage);
    }
  }
  return init_self(ctx, force, json_out);
}

}  // namespace hypergen::app
