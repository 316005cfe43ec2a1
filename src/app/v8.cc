#include "app/v8.h"

#include "app/v8_commands.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <functional>
#include <map>
#include <set>
#include <thread>

#include "app/execute.h"
#include "app/partials.h"
#include "app/prompter.h"
#include "app/shell.h"
#include "app/trust.h"
#include "app/workspace.h"
#include "args/args.h"
#include "discover/discover.h"
#include "frontmatter/frontmatter.h"
#include "liquid/json.h"
#include "liquid/liquid.h"
#include "manifest/expr.h"
#include "manifest/glob.h"
#include "manifest/values.h"
#include "prompt/factory.h"
#include "render/render.h"
#include "report/report.h"
#include "resolve/resolve.h"
#include "util/parallel.h"
#include "util/spellcheck.h"

namespace hypergen::app {

using liquid::Value;
using manifest::Manifest;

namespace {

V8Entry make_entry_from(Context& ctx, const std::string& root, const std::string& gen,
                        const std::string& action, const std::string& dir, const std::string& path,
                        const std::optional<std::string>& text) {
  V8Entry e;
  e.generator = gen;
  e.action = action;
  e.dir = dir;
  e.manifest_path = path;
  e.root = root;
  e.name = action.empty() ? gen : gen + "/" + action;
  e.usage = "hypergen " + gen + (action.empty() ? "" : " " + action);
  if (!text) {
    e.valid = false;
    return e;
  }
  manifest::Parsed p = manifest::parse(*text, render::display_path(ctx.cwd, path));
  e.valid = p.ok();
  if (!p.manifest.name.empty()) e.name = p.manifest.name;
  e.description = p.manifest.description;
  e.category = p.manifest.category;
  e.tags = p.manifest.tags;
  e.variables = p.manifest.variables.size();
  return e;
}

V8Entry make_entry(Context& ctx, const std::string& root, const std::string& gen,
                   const std::string& action, const std::string& dir, const std::string& path) {
  auto text = ctx.fs.read_file(path);
  return make_entry_from(ctx, root, gen, action, dir, path,
                         text ? std::optional<std::string>(std::move(*text)) : std::nullopt);
}

using SourceFile = V8TemplateFile;

}  // namespace

bool is_builtin_variable(std::string_view name) {
  static const std::set<std::string_view> kBuiltins = {
      "cwd",  "generator", "action", "templates", "actionfolder", "ts",
      "name", "Name",      "names",  "Names",     "attributes",   "error"};
  return kBuiltins.count(name) > 0;
}

Result<std::vector<V8TemplateFile>> v8_template_files(Context& ctx, const manifest::Composed& c) {
  std::map<std::string, SourceFile> by_rel;
  for (const auto& dir : c.template_dirs) {
    auto listed = dir.all_files ? discover::list_all_files(ctx.fs, dir.path)
                                : discover::list_templates(ctx.fs, dir.path);
    if (!listed) return tl::unexpected(listed.error());
    for (auto& f : *listed) {
      if (!dir.all_files && (f.rel == "/template.yml" || f.rel == "/template.yaml")) continue;
      by_rel[f.rel] = {f, dir.all_files};
    }
  }
  std::vector<discover::TemplateFile> files;
  std::map<std::string, bool> all_of;
  for (auto& [rel, sf] : by_rel) {
    all_of[sf.file.path] = sf.all;
    files.push_back(sf.file);
  }
  auto ordered = resolve::order_templates(std::move(files), std::nullopt);
  if (!ordered) return tl::unexpected(ordered.error());
  std::vector<SourceFile> out;
  for (auto& f : *ordered) out.push_back({f, all_of[f.path]});
  return out;
}

namespace {

Result<Value> read_answers(Context& ctx, const std::string& file) {
  std::string path = config::absolute_path(ctx.cwd, file);
  auto text = ctx.fs.read_file(path);
  if (!text) {
    return make_coded_error(ErrorKind::kNotFound, "FILE_NOT_FOUND",
                            "answers file not found: " + file,
                            {{"Check the path given to --answers", ""}});
  }
  if (file.ends_with(".json")) {
    auto v = liquid::parse_json(*text, file);
    if (!v) return tl::unexpected(v.error());
    if (!v->is_object()) {
      return make_coded_error(ErrorKind::kData, "ACTION_INVALID_PARAMETERS",
                              "answers file " + file + " must hold an object (name: value)");
    }
    return *v;
  }
  auto attrs = frontmatter::parse_yaml(*text, file, 1);
  if (!attrs) return tl::unexpected(attrs.error());
  return attrs->values;
}

std::string render_text(const liquid::Engine& engine, const std::string& text, const Value& locals,
                        const std::string& where, Error* error) {
  if (text.find("{{") == std::string::npos && text.find("{%") == std::string::npos) return text;
  auto out = engine.parse_and_render(text, locals, where);
  if (!out) {
    *error = out.error();
    return "";
  }
  return *out;
}

Value render_values(const liquid::Engine& engine, const Value& v, const Value& locals,
                    const std::string& where, Error* error) {
  if (v.is_string()) {
    // A value that is exactly one `{{ name }}` keeps its type.
    std::string t = v.as_string();
    if (t.starts_with("{{") && t.ends_with("}}") && t.find("{{", 2) == std::string::npos) {
      std::string inner = t.substr(2, t.size() - 4);
      auto b = inner.find_first_not_of(' '), e = inner.find_last_not_of(' ');
      if (b != std::string::npos) {
        inner = inner.substr(b, e - b + 1);
        if (inner.find_first_of("|. ") == std::string::npos) {
          if (const Value* found = locals.as_object().find(inner)) return *found;
        }
      }
    }
    return Value(render_text(engine, t, locals, where, error));
  }
  if (v.is_array()) {
    liquid::Array a;
    for (const Value& x : v.as_array()) a.push_back(render_values(engine, x, locals, where, error));
    return Value(std::move(a));
  }
  if (v.is_object()) {
    liquid::Object o;
    for (const auto& [k, x] : v.as_object())
      o.set(k, render_values(engine, x, locals, where, error));
    return Value(std::move(o));
  }
  return v;
}

Value build_locals(Context& ctx, const V8Entry& entry, const Value& values) {
  liquid::Object o;
  o.set("cwd", Value(ctx.cwd));
  o.set("generator", Value(entry.generator));
  o.set("action", Value(entry.action.empty() ? entry.name : entry.action));
  o.set("templates", Value(entry.root));
  o.set("actionfolder", Value(entry.dir));
  std::optional<std::string> ts = ctx.env.get("HYPERGEN_TS");
  if (!ts) ts = ctx.env.get("HYGEN_TS");
  if (ts) {
    o.set("ts", Value(*ts));
  } else {
    o.set("ts",
          Value(static_cast<std::int64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                              std::chrono::system_clock::now().time_since_epoch())
                                              .count())));
  }
  if (const Value* n = values.as_object().find("name"); n && n->is_string()) {
    o.set("Name", Value(args::capitalize_first(n->as_string())));
    std::string plural = args::pluralize(n->as_string());
    o.set("names", Value(plural));
    o.set("Names", Value(args::capitalize_first(plural)));
  }
  for (const auto& [k, v] : values.as_object()) o.set(k, v);
  return Value(std::move(o));
}

constexpr std::string_view kReserved[] = {"dry",           "json",         "force",
                                          "allow-outside", "allowOutside", "yes",
                                          "defaults",      "interactive",  "trust"};
constexpr std::string_view kReservedValue[] = {"answers", "jobs"};

// One generator's rendered output (its templates or steps), recursively for
// `generator` steps. `stack` holds the names being generated (cycles).
struct Producer {
  Context& ctx;
  const config::Config& cfg;
  int jobs = 0;  // --jobs / perf.jobs: 0 automatic, 1 sequential

  // Whether `n` independent pieces of work go to threads: as render/ does,
  // only when there are enough and the file system may be shared (partials
  // are read while rendering).
  bool parallel(std::size_t n) const { return jobs != 1 && n > 8 && ctx.fs.thread_safe(); }
  std::size_t threads() const { return jobs > 1 ? static_cast<std::size_t>(jobs) : 0; }

  Result<std::vector<render::RenderedTemplate>> produce(const V8Entry& entry,
                                                        const manifest::Composed& c,
                                                        const Value& values,
                                                        std::vector<std::string>& stack) {
    const Manifest& m = c.manifest;
    std::vector<std::string> partial_dirs;
    for (const auto& d : c.template_dirs) partial_dirs.push_back(d.path);
    partial_dirs.push_back(entry.root);
    FolderPartialLoader partials(ctx.fs, partial_dirs);
    liquid::Engine engine(liquid_options(cfg.limits), &partials);
    Value locals = build_locals(ctx, entry, values);
    auto files = v8_template_files(ctx, c);
    if (!files) return tl::unexpected(files.error());
    std::vector<std::string> texts(files->size());
    for (std::size_t i = 0; i < files->size(); ++i) {
      auto t = ctx.fs.read_file((*files)[i].file.path);
      if (!t) return tl::unexpected(t.error());
      texts[i] = std::move(*t);
    }
    auto render_file = [&](std::size_t i) {
      const SourceFile& f = (*files)[i];
      return render::render_one_v8(engine, f.file.path, render::display_path(ctx.cwd, f.file.path),
                                   texts[i], locals, render::v8_default_to(f.file.rel), f.all);
    };
    auto render_all = [&](const std::vector<std::size_t>& which)
        -> Result<std::vector<render::RenderedTemplate>> {
      std::vector<std::optional<Result<render::RenderedTemplate>>> results(which.size());
      auto work = [&](std::size_t k) { results[k] = render_file(which[k]); };
      if (parallel(which.size())) {
        parallel_for(which.size(), threads(), work);
      } else {
        for (std::size_t k = 0; k < which.size(); ++k) work(k);
      }
      std::vector<render::RenderedTemplate> out;
      for (auto& r : results) {
        if (!*r) return tl::unexpected(r->error());
        out.push_back(std::move(**r));
      }
      return out;
    };
    if (!m.has_steps) {
      std::vector<std::size_t> all(files->size());
      for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
      return render_all(all);
    }
    // Steps: level by level (topological); the steps of one level are
    // independent and rendered in parallel; output keeps level order, then
    // declaration order, so the plan sees dependencies first.
    auto levels = manifest::step_levels(m.steps);
    std::vector<render::RenderedTemplate> out;
    for (const auto& level : levels) {
      std::vector<std::optional<Result<std::vector<render::RenderedTemplate>>>> results(
          level.size());
      auto run_step = [&](std::size_t k) {
        results[k] =
            produce_step(m, m.steps[level[k]], *files, texts, engine, locals, stack, render_all);
      };
      // Render, inject, shell and message steps only render text already
      // read: they run in parallel. Generator steps read files (the file
      // system is not shared across threads): one after the other.
      auto is_generator = [&](std::size_t k) {
        return m.steps[level[k]].kind == manifest::StepKind::kGenerator;
      };
      std::vector<std::size_t> pure;
      for (std::size_t k = 0; k < level.size(); ++k) {
        if (!is_generator(k)) pure.push_back(k);
      }
      if (pure.size() > 1 && jobs != 1 && ctx.fs.thread_safe()) {
        parallel_for(pure.size(), threads(), [&](std::size_t i) { run_step(pure[i]); });
      } else {
        for (std::size_t i : pure) run_step(i);
      }
      for (std::size_t k = 0; k < level.size(); ++k) {
        if (is_generator(k)) run_step(k);
      }
      for (auto& r : results) {
        if (!*r) return tl::unexpected(r->error());
        for (auto& t : **r) out.push_back(std::move(t));
      }
    }
    return out;
  }

  template <typename RenderAll>
  Result<std::vector<render::RenderedTemplate>> produce_step(
      const Manifest& m, const manifest::Step& s, const std::vector<SourceFile>& files,
      const std::vector<std::string>& texts, const liquid::Engine& engine, const Value& locals,
      std::vector<std::string> stack, RenderAll& render_all) {
    std::string where = render::display_path(ctx.cwd, m.file) + " (step '" + s.id + "')";
    auto step_error = [&](Error e) {
      if (e.where.file.empty()) e.where = s.where;
      e.message = "step '" + s.id + "': " + e.message;
      return tl::unexpected(std::move(e));
    };
    if (!s.when.empty()) {
      auto ok = manifest::evaluate_condition(s.when, locals);
      if (!ok) return step_error(ok.error());
      if (!*ok) return std::vector<render::RenderedTemplate>();
    }
    Error err;
    auto text = [&](const std::string& t) { return render_text(engine, t, locals, where, &err); };
    render::RenderedTemplate synthetic;
    synthetic.path = m.dir + "/" + m.file.substr(m.file.rfind('/') + 1);
    synthetic.display = where;
    synthetic.has_frontmatter = true;
    liquid::Object& attrs = synthetic.attributes.values.mutable_object();
    switch (s.kind) {
      case manifest::StepKind::kRender: {
        std::vector<std::size_t> which;
        for (std::size_t i = 0; i < files.size(); ++i) {
          if (manifest::glob_match(s.target, std::string_view(files[i].file.rel).substr(1)))
            which.push_back(i);
        }
        if (which.empty()) {
          return make_coded_error(ErrorKind::kNotFound, "TEMPLATE_NOT_FOUND",
                                  "step '" + s.id + "': no template matches '" + s.target + "'", {},
                                  s.where);
        }
        auto r = render_all(which);
        if (!r) return tl::unexpected(r.error());
        return std::move(*r);
      }
      case manifest::StepKind::kInject: {
        std::string body = s.content;
        if (!s.template_file.empty()) {
          const SourceFile* found = nullptr;
          std::size_t at = 0;
          for (std::size_t i = 0; i < files.size(); ++i) {
            if (files[i].file.rel.substr(1) == s.template_file) {
              found = &files[i];
              at = i;
            }
          }
          if (!found) {
            return make_coded_error(
                ErrorKind::kNotFound, "TEMPLATE_NOT_FOUND",
                "step '" + s.id + "': template '" + s.template_file + "' not found", {}, s.where);
          }
          auto r = render::render_one_v8(engine, found->file.path,
                                         render::display_path(ctx.cwd, found->file.path), texts[at],
                                         locals, "", true);
          if (!r) return tl::unexpected(r.error());
          for (const auto& [k, v] : r->attributes.values.as_object()) attrs.set(k, v);
          synthetic.body = r->body;
        } else {
          synthetic.body = text(body);
        }
        attrs.set("to", Value(text(s.target)));
        attrs.set("inject", Value(true));
        for (const auto& [k, v] : s.inject_options.as_object()) {
          attrs.set(k, v.is_string() ? Value(text(v.as_string())) : v);
        }
        break;
      }
      case manifest::StepKind::kShell:
        // The file that declared the step decides its trust (app/trust.h):
        // an `extends` parent's steps are the parent's code.
        if (!s.where.file.empty()) synthetic.path = config::absolute_path(ctx.cwd, s.where.file);
        attrs.set("sh", Value(text(s.target)));
        if (s.ignore_exit) attrs.set("sh_ignore_exit", Value(true));
        synthetic.body = text(s.stdin_text);
        break;
      case manifest::StepKind::kMessage:
        attrs.set("message", Value(text(s.target)));
        break;
      case manifest::StepKind::kGenerator: {
        std::string name = text(s.target);
        if (std::find(stack.begin(), stack.end(), name) != stack.end()) {
          std::string path;
          for (const auto& n : stack) path += n + " -> ";
          return make_coded_error(ErrorKind::kTemplate, "VALIDATION_ERROR",
                                  "step '" + s.id + "': generator cycle: " + path + name, {},
                                  s.where);
        }
        auto child = find_v8(ctx, cfg, name);
        if (!child) return step_error(child.error());
        Value given = render_values(engine, s.with, locals, where, &err);
        if (!err.message.empty()) return step_error(err);
        auto composed = load_v8(ctx, child->manifest_path, given, false);
        if (!composed) return tl::unexpected(composed.error());
        manifest::Inputs in;
        in.given = given;
        in.ask = false;
        in.env = [this](std::string_view k) { return ctx.env.get(k); };
        in.command = "generator step '" + s.id + "'";
        prompt::NonInteractivePrompter none;
        auto resolved = manifest::resolve_values(
            composed->manifest, in, none,
            [&](const std::string& tpl, const Value& vals) -> Result<std::string> {
              return engine.parse_and_render(tpl, vals, "compute");
            });
        if (!resolved) return step_error(resolved.error());
        stack.push_back(name);
        return produce(*child, *composed, resolved->values, stack);
      }
    }
    if (!err.message.empty()) return step_error(err);
    return std::vector<render::RenderedTemplate>{std::move(synthetic)};
  }
};

Status run_hooks(Context& ctx, const std::vector<manifest::Hook>& hooks, const char* phase,
                 const liquid::Engine& engine, const Value& locals, bool json,
                 const std::string& stdin_text = "") {
  for (const manifest::Hook& h : hooks) {
    Error err;
    std::string cmd = render_text(engine, h.command, locals, h.where.file, &err);
    if (!err.message.empty()) return tl::unexpected(err);
    if (!json) ctx.console.out(report::hygen_line(std::string(phase) + " hook", cmd) + "\n");
    auto ran = run_shell(cmd, stdin_text, ctx.cwd);
    if (!ran) return tl::unexpected(ran.error());
    if (!ran->out.empty()) ctx.console.err(ran->out);
    if (!ran->err.empty()) ctx.console.err(ran->err);
    if (ran->exit_status != 0) {
      return make_coded_error(ErrorKind::kFailure, "ACTION_EXECUTION_FAILED",
                              std::string(phase) + " hook failed with exit status " +
                                  std::to_string(ran->exit_status) + ": " + cmd,
                              {{"Run the hook's command by hand to see why", cmd}}, h.where);
    }
  }
  return {};
}

}  // namespace

Result<std::vector<V8Entry>> find_v8_generators(Context& ctx, const config::Config& cfg,
                                                const index::Index* idx) {
  std::optional<index::Loaded> loaded;
  if (!idx && index_enabled(ctx)) {
    loaded = load_index(ctx, cfg, index::Depth::kGenerators);
    if (loaded) idx = &loaded->index;
  }
  std::vector<V8Entry> out;
  std::set<std::string> seen;
  if (idx) {
    // The index (validated by stat) gives the generators, their actions and
    // the template.yml bytes of generator and action folders: no folder is
    // listed, no file looked for and none read (but one that was unreadable
    // when the index was built, read again here).
    for (std::size_t gi = 0; gi < idx->generator_count(); ++gi) {
      index::GeneratorRecord gr = idx->generator_record(gi);
      bool any = (gr.flags & index::kGeneratorHasMetadata) != 0;
      for (std::size_t ai = gr.first_action; !any && ai < gr.first_action + gr.action_count; ++ai) {
        any = (idx->action_record(ai).flags & index::kActionHasMetadata) != 0;
      }
      if (!any) continue;  // the usual case: a Hygen generator, nothing to read
      index::GeneratorView g = idx->generator(gi);
      if (g.has_metadata) {
        std::string name(g.name);
        if (seen.insert(name).second) {
          std::string file(idx->string(idx->generator_record(g.index).metadata_path));
          out.push_back(make_entry_from(ctx, std::string(idx->root(g.root_index)), name, "",
                                        std::string(g.path), file, std::string(g.metadata)));
        }
        continue;
      }
      for (std::size_t ai = g.first_action; ai < g.first_action + g.action_count; ++ai) {
        index::ActionView a = idx->action(ai);
        if (!a.is_dir || !a.has_metadata) continue;
        std::string name(g.name), action(a.name);
        if (!seen.insert(name + "/" + action).second) continue;
        std::string root(idx->root(g.root_index)), dir(a.path), file(a.metadata_path);
        out.push_back(a.metadata_read ? make_entry_from(ctx, root, name, action, dir, file,
                                                        std::string(a.metadata))
                                      : make_entry(ctx, root, name, action, dir, file));
      }
    }
    return out;
  }
  for (const std::string& root : root_paths(cfg)) {
    auto gens = discover::list_generators(ctx.fs, root);
    if (!gens) return tl::unexpected(gens.error());
    for (const auto& g : *gens) {
      std::string at_gen = manifest::manifest_in(ctx.fs, g.path);
      if (!at_gen.empty()) {
        if (seen.insert(g.name).second)
          out.push_back(make_entry(ctx, root, g.name, "", g.path, at_gen));
        continue;
      }
      for (const auto& a : g.actions) {
        if (!a.is_dir) continue;
        std::string at_action = manifest::manifest_in(ctx.fs, a.path);
        if (at_action.empty()) continue;
        if (seen.insert(g.name + "/" + a.name).second) {
          out.push_back(make_entry(ctx, root, g.name, a.name, a.path, at_action));
        }
      }
    }
  }
  return out;
}

Result<V8Entry> find_v8(Context& ctx, const config::Config& cfg, std::string_view name) {
  auto all = find_v8_generators(ctx, cfg);
  if (!all) return tl::unexpected(all.error());
  std::string slashed(name);
  std::replace(slashed.begin(), slashed.end(), ':', '/');
  for (const V8Entry& e : *all) {
    if (e.name == name) return e;
  }
  for (const V8Entry& e : *all) {
    std::string path = e.action.empty() ? e.generator : e.generator + "/" + e.action;
    if (path == slashed) return e;
  }
  std::vector<std::string> names;
  for (const V8Entry& e : *all) names.push_back(e.name);
  std::string msg = "Action '" + std::string(name) + "' not found";
  if (auto hint = suggest(name, names)) msg += " (did you mean '" + *hint + "'?)";
  return make_coded_error(ErrorKind::kNotFound, "ACTION_NOT_FOUND", msg,
                          {{"List the available generators", "hypergen list"},
                           {"Look for generators under the template roots", "hypergen discover"},
                           {"Check the spelling of the name", ""}});
}

std::optional<V8Entry> v8_for_words(Context& ctx, const config::Config& cfg, std::string_view gen,
                                    std::optional<std::string_view> action, bool* used_action) {
  *used_action = false;
  if (gen.empty() || gen.find('/') != std::string_view::npos || gen.starts_with("."))
    return std::nullopt;
  // A package's generator never shadows the project's own (Hygen or V8) of
  // the same generator/action: those resolve as usual.
  auto project_has = [&](const std::string& rel) {
    for (const config::TemplateRoot& r : cfg.templates) {
      if (!r.package.empty()) continue;
      auto st = ctx.fs.stat(r.path + "/" + rel);
      if (st && st->is_directory()) return true;
    }
    return false;
  };
  for (const config::TemplateRoot& r : cfg.templates) {
    const std::string& root = r.path;
    if (!r.package.empty()) {
      std::string g(gen);
      std::string act = action ? std::string(*action) : std::string();
      bool shadowed = false;
      if (!manifest::manifest_in(ctx.fs, root + "/" + g).empty()) {
        shadowed = project_has(g);
      } else if (auto st = ctx.fs.stat(root + "/" + g + "/" + act);
                 !act.empty() && st && st->is_directory()) {
        shadowed = project_has(g + "/" + act);
      } else {
        shadowed = project_has(g + "/_default") || (!act.empty() && project_has(g + "/" + act));
      }
      if (shadowed) return std::nullopt;
    }
    std::string gdir = root + "/" + std::string(gen);
    std::string at_gen = manifest::manifest_in(ctx.fs, gdir);
    if (!at_gen.empty()) return make_entry(ctx, root, std::string(gen), "", gdir, at_gen);
    if (action && !action->empty() && action->find('/') == std::string_view::npos &&
        !action->starts_with(".")) {
      std::string adir = gdir + "/" + std::string(*action);
      std::string at_action = manifest::manifest_in(ctx.fs, adir);
      if (!at_action.empty()) {
        *used_action = true;
        return make_entry(ctx, root, std::string(gen), std::string(*action), adir, at_action);
      }
    }
    // Hygen's `_default` rule: `hypergen gen [name]` when gen/_default exists.
    std::string ddir = gdir + "/_default";
    std::string at_default = manifest::manifest_in(ctx.fs, ddir);
    if (!at_default.empty()) {
      bool action_exists = false;
      if (action && !action->empty()) {
        auto st = ctx.fs.stat(gdir + "/" + std::string(*action));
        action_exists = st && st->is_directory();
      }
      if (!action_exists)
        return make_entry(ctx, root, std::string(gen), "_default", ddir, at_default);
    }
  }
  return std::nullopt;
}

Result<manifest::Composed> load_v8(Context& ctx, const std::string& manifest_path,
                                   const Value& scope, bool all_includes) {
  auto c = manifest::load(ctx.fs, manifest_path, scope, all_includes, ctx.cwd);
  if (!c) return tl::unexpected(c.error());
  bool bad = std::any_of(c->diagnostics.begin(), c->diagnostics.end(),
                         [](const manifest::Diagnostic& d) { return d.error; });
  if (bad) {
    Error e = manifest::first_error(c->diagnostics, c->text);
    if (e.code == "TEMPLATE_COMPOSITION_ERROR") e.kind = ErrorKind::kConflict;
    if (e.code == "VALIDATION_ERROR") e.kind = ErrorKind::kTemplate;
    return tl::unexpected(e);
  }
  return c;
}

Status run_v8(Context& ctx, const config::Config& given_cfg, const V8Entry& entry,
              std::span<const std::string> words) {
  for (const std::string& w : words) {
    if (w == "--") break;
    if (w == "--help" || w == "-h") {
      const std::string name[] = {entry.name};
      return info_command(ctx, name);
    }
  }
  // Every variable any include could add, for reading the flags.
  auto full = load_v8(ctx, entry.manifest_path, Value(liquid::Object{}), true);
  if (!full) return tl::unexpected(full.error());
  auto flags = manifest::parse_flags(full->manifest, words, kReserved, kReservedValue);
  if (!flags) return tl::unexpected(flags.error());
  const liquid::Object& reserved = flags->reserved.as_object();
  auto on = [&](std::string_view k) {
    const Value* v = reserved.find(k);
    return v && args::js_truthy(*v);
  };
  bool dry = on("dry"), json = on("json"), force = on("force");
  // --trust: code from every source may run, for this run (docs/packages.md).
  config::Config cfg = given_cfg;
  if (on("trust")) config::trust_all(cfg, "--trust");
  // --jobs N, else `perf.jobs` from the project file; never more than the
  // cores (the output is the same whatever the number).
  int jobs = cfg.perf.jobs;
  if (const Value* j = reserved.find("jobs")) {
    std::string text = j->to_output();
    int n = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc() || end != text.data() + text.size() || n < 1 || n > 1024) {
      return make_error(ErrorKind::kUsage,
                        "--jobs needs a whole number from 1 to 1024, got '" + text + "'");
    }
    jobs = n;
  }
  if (int cores = static_cast<int>(std::thread::hardware_concurrency());
      cores > 0 && jobs > cores) {
    jobs = cores;
  }
  bool allow_outside = on("allow-outside") || on("allowOutside");
  const Value* interactive = reserved.find("interactive");
  bool ask =
      !on("yes") && !on("defaults") && !json && !(interactive && !args::js_truthy(*interactive));

  manifest::Inputs in;
  if (const Value* a = reserved.find("answers")) {
    auto answers = read_answers(ctx, a->as_string());
    if (!answers) return tl::unexpected(answers.error());
    in.answers = *answers;
    in.answers_file = a->as_string();
  }
  // `hypergen gen Button`: the first word is `name` (when declared).
  std::vector<std::string> positionals = flags->positionals;
  if (!positionals.empty() && full->manifest.find("name") &&
      !flags->values.as_object().find("name")) {
    flags->values.mutable_object().set("name", Value(positionals.front()));
    flags->spelled["name"] = "the name argument";
    positionals.erase(positionals.begin());
  }
  if (!positionals.empty()) {
    return make_coded_error(
        ErrorKind::kUsage, "ACTION_INVALID_PARAMETERS",
        "unexpected argument '" + positionals.front() + "' for generator '" + entry.name + "'",
        {{"Pass values as --flags", "hypergen info " + entry.name}});
  }
  // Include conditions see the given values (raw, in their precedence) over
  // the defaults: answers file < HYPERGEN_VAR_* < flags.
  Value scope = in.answers;
  for (const manifest::Variable& v : full->manifest.variables) {
    if (auto e = ctx.env.get(manifest::env_name(v.name))) {
      auto typed = manifest::coerce(v, Value(*e));
      scope.mutable_object().set(v.name, typed ? *typed : Value(*e));
    }
  }
  for (const auto& [k, v] : flags->values.as_object()) {
    const manifest::Variable* decl = full->manifest.find(k);
    auto typed = decl ? manifest::coerce(*decl, v) : Result<Value>(v);
    scope.mutable_object().set(k, typed ? *typed : v);
  }
  auto composed = load_v8(ctx, entry.manifest_path, scope, false);
  if (!composed) return tl::unexpected(composed.error());
  const Manifest& m = composed->manifest;

  in.flags = &*flags;
  in.env = [&](std::string_view k) { return ctx.env.get(k); };
  in.ask = ask;
  in.command = "hypergen action " + manifest::shell_quote(entry.name);
  for (const std::string& w : words) in.command += " " + manifest::shell_quote(w);
  for (const auto& [k, v] : in.answers.as_object()) {
    if (!m.find(k)) {
      ctx.console.err("hypergen: warning: " + in.answers_file + ": '" + k +
                      "' is not a variable of '" + entry.name + "' (ignored)\n");
    }
  }
  auto prompter = make_prompter(ctx, ask);
  liquid::Engine compute_engine(liquid_options(cfg.limits));
  ScopedTimer params_timer(ctx.metrics, Stage::kParams);
  auto resolved = manifest::resolve_values(
      m, in, *prompter, [&](const std::string& tpl, const Value& vals) -> Result<std::string> {
        return compute_engine.parse_and_render(tpl, vals, "compute");
      });
  params_timer.stop();
  if (!resolved) return tl::unexpected(resolved.error());

  auto recovered = recover_first(ctx, cfg, dry, json, allow_outside);
  if (!recovered) return tl::unexpected(recovered.error());
  Value locals = build_locals(ctx, entry, resolved->values);
  liquid::Engine hook_engine(liquid_options(cfg.limits));
  bool hooks_live = !dry;
  // The trust gate (app/trust.h): hooks written in an untrusted file, and
  // (below) the rendered shell of untrusted templates and steps.
  std::vector<report::NeedsTrust> needs_trust;
  for (const auto& [list, kind] :
       {std::pair{&m.hooks.pre, "pre hook"}, std::pair{&m.hooks.post, "post hook"},
        std::pair{&m.hooks.error, "error hook"}}) {
    for (const manifest::Hook& h : *list) {
      std::string file =
          h.where.file.empty() ? entry.manifest_path : config::absolute_path(ctx.cwd, h.where.file);
      Error ignored;
      std::string cmd = render_text(hook_engine, h.command, locals, file, &ignored);
      if (auto n =
              untrusted_code(ctx, cfg, file, kind, ignored.message.empty() ? cmd : h.command)) {
        needs_trust.push_back(std::move(*n));
      }
    }
  }
  Producer producer{ctx, cfg, jobs};
  std::vector<std::string> stack{entry.name};
  std::optional<Result<std::vector<render::RenderedTemplate>>> rendered;
  auto render_all = [&] {
    ScopedTimer render_timer(ctx.metrics, Stage::kRender);
    rendered = producer.produce(entry, *composed, resolved->values, stack);
  };
  if (!dry && (config::has_untrusted_roots(cfg) || !needs_trust.empty())) {
    // Rendering runs no code: with untrusted sources about, render before
    // the pre hooks so that a refusal lists everything and runs nothing.
    render_all();
    if (!*rendered) return tl::unexpected(rendered->error());
    std::vector<report::NeedsTrust> all = needs_trust;
    for (auto& n : untrusted_shell(ctx, cfg, **rendered)) all.push_back(std::move(n));
    if (!all.empty()) return tl::unexpected(untrusted_error(cfg, all, in.command));
  }
  if (hooks_live) HG_RETURN_IF_ERROR(run_hooks(ctx, m.hooks.pre, "pre", hook_engine, locals, json));
  auto fail = [&](Error e) -> Status {
    if (hooks_live && !m.hooks.error.empty() && e.kind != ErrorKind::kUntrusted) {
      Value with_error = locals;
      with_error.mutable_object().set("error", Value(e.message));
      auto st =
          run_hooks(ctx, m.hooks.error, "error", hook_engine, with_error, json, e.message + "\n");
      if (!st) ctx.console.err("hypergen: " + st.error().message + "\n");
    }
    return tl::unexpected(std::move(e));
  };
  if (!rendered) render_all();
  if (!*rendered) return fail(rendered->error());
  count(ctx.metrics, Counter::kTemplatesRendered, (*rendered)->size());

  ExecuteOptions eopts;
  eopts.dry = dry;
  eopts.json = json;
  eopts.force = force;
  eopts.allow_outside = allow_outside;
  eopts.jobs = jobs;
  eopts.templates_var =
      composed->template_dirs.empty() ? entry.dir : composed->template_dirs.back().path;
  eopts.recovery = *recovered;
  eopts.needs_trust = std::move(needs_trust);
  eopts.rerun = in.command;
  report::RunInfo info;
  info.dry = dry;
  info.templates = render::display_path(ctx.cwd, entry.root);
  info.generator = entry.generator;
  info.action = entry.action.empty() ? entry.name : entry.action;
  info.action_dir = entry.dir;
  auto st = execute_rendered(ctx, cfg, **rendered, eopts, info);
  if (!st) {
    Error e = st.error();
    if (e.code.empty() && e.kind == ErrorKind::kFailure) e.code = "ACTION_EXECUTION_FAILED";
    return fail(e);
  }
  if (hooks_live) {
    auto post = run_hooks(ctx, m.hooks.post, "post", hook_engine, locals, json);
    if (!post) return fail(post.error());
  }
  return {};
}

}  // namespace hypergen::app
