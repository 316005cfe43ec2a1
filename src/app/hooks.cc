#include "app/hooks.h"

#include "app/prompter.h"

#include "app/node_hook.h"
#include "js/modules.h"
#include "prompt/answers.h"
#include "prompt/factory.h"

namespace hypergen::app {

namespace {

std::string parent_dir(const std::string& dir) {
  auto slash = dir.rfind('/');
  if (slash == std::string::npos || dir == "/") return {};
  return slash == 0 ? "/" : dir.substr(0, slash);
}

std::string str_of(const liquid::Object& o, std::string_view key) {
  const liquid::Value* v = o.find(key);
  return v && v->is_string() ? v->as_string() : std::string();
}

std::string display(const Context& ctx, const std::string& path) {
  if (path.starts_with(ctx.cwd + "/")) return path.substr(ctx.cwd.size() + 1);
  return path;
}

}  // namespace

std::string find_hygen_js(FileSystem& fs, const std::string& cwd) {
  for (std::string dir = cwd; !dir.empty(); dir = parent_dir(dir)) {
    std::string candidate = dir == "/" ? "/.hygen.js" : dir + "/.hygen.js";
    auto st = fs.stat(candidate);
    if (st && st->exists()) return candidate;
    if (dir == "/") break;
  }
  return {};
}

Result<prompt::Question> question_from_spec(const liquid::Value& spec) {
  if (!spec.is_object()) return make_error(ErrorKind::kData, "a question must be an object");
  const liquid::Object& o = spec.as_object();
  prompt::Question q;
  q.name = str_of(o, "name");
  q.message = str_of(o, "message");
  std::string type = str_of(o, "type");
  auto kind = prompt::kind_from_name(type);
  if (!kind) {
    return make_error(ErrorKind::kFailure,
                      "the question '" + q.name + "' has the enquirer type '" + type +
                          "', which hypergen's prompter does not offer (it has input, text, "
                          "password, numeral, number, confirm, select, autocomplete, multiselect)");
  }
  q.kind = *kind;
  if (const liquid::Value* initial = o.find("initial")) q.initial = *initial;
  if (const liquid::Value* choices = o.find("choices"); choices && choices->is_array()) {
    for (const liquid::Value& c : choices->as_array()) {
      if (!c.is_object()) continue;
      const liquid::Object& co = c.as_object();
      prompt::Choice choice;
      choice.name = str_of(co, "name");
      choice.message = str_of(co, "message");
      choice.hint = str_of(co, "hint");
      const liquid::Value* disabled = co.find("disabled");
      choice.disabled = disabled && disabled->is_bool() && disabled->as_bool();
      q.choices.push_back(std::move(choice));
    }
  }
  if (const liquid::Value* required = o.find("required")) {
    q.required = required->is_bool() && required->as_bool();
  }
  return q;
}

prompt::Prompter& HookAsker::prompter() {
  if (given_) return *given_;
  if (!owned_) {
    owned_ = make_prompter(ctx_, allow_interactive_);
  }
  return *owned_;
}

Result<liquid::Value> HookAsker::ask(const liquid::Value& specs, const js::ValidateFn& validate) {
  auto fail = [&](Error e) -> Result<liquid::Value> {
    if (!error_) error_ = e;
    return tl::unexpected(e);
  };
  std::vector<prompt::Question> questions;
  if (specs.is_array()) {
    for (const liquid::Value& spec : specs.as_array()) {
      auto q = question_from_spec(spec);
      if (!q) return fail(q.error());
      std::size_t index = questions.size();
      const liquid::Value* v = spec.as_object().find("validate");
      if (v && v->is_bool() && v->as_bool()) {
        q->validate = [&validate,
                       index](const liquid::Value& answer) -> std::optional<std::string> {
          auto r = validate(index, answer);
          if (!r) return r.error().message;
          return *r;
        };
      }
      questions.push_back(std::move(*q));
    }
  }
  liquid::Object answers;
  prompt::Prompter& p = prompter();
  if (!p.interactive()) {
    for (const prompt::Question& q : questions) {
      unanswered_.push_back(q.message.empty() || q.message == q.name
                                ? "'" + q.name + "'"
                                : "'" + q.name + "' (" + q.message + ")");
    }
    if (questions.empty()) return liquid::Value(std::move(answers));
    return tl::unexpected(Error{ErrorKind::kMissingInput, "no terminal to ask questions", {}, {}});
  }
  for (const prompt::Question& q : questions) {
    auto answer = p.ask(q);
    if (!answer) return fail(answer.error());
    if (!*answer) {
      unanswered_.push_back("'" + q.name + "'");
      return tl::unexpected(Error{ErrorKind::kMissingInput, "no answer to " + q.name, {}, {}});
    }
    answers.set(q.name, std::move(**answer));
  }
  return liquid::Value(std::move(answers));
}

std::string unanswered_message(const std::vector<std::string>& questions) {
  std::string list, flags;
  for (const std::string& q : questions) {
    list += (list.empty() ? "" : ", ") + q;
    auto end = q.find('\'', 1);
    flags += " --" + q.substr(1, end == std::string::npos ? std::string::npos : end - 1) + " …";
  }
  return "hypergen: no terminal to ask " + list +
         "; stopping here without generating anything, as Hygen does (exit 0). Answer on the "
         "command line instead:" +
         flags + "\n";
}

Result<js::ConfigSummary> load_hygen_js(Context& ctx, js::Runtime& runtime, const std::string& file,
                                        const liquid::Value& base,
                                        std::span<const std::string> roots) {
  auto modules = js::collect_modules(ctx.fs, file, roots, ctx.cwd);
  if (!modules) return tl::unexpected(modules.error());
  if (!modules->node_reasons.empty()) {
    std::string reasons;
    for (const std::string& r : modules->node_reasons) reasons += (reasons.empty() ? "" : ", ") + r;
    return make_error(ErrorKind::kFailure,
                      display(ctx, file) + " uses what only Node.js has: " + reasons +
                          ". hypergen evaluates .hygen.js in its embedded engine (its helpers run "
                          "inside templates), which offers require of relative files and 'path' "
                          "only");
  }
  return runtime.load_config(modules->files, base);
}

Result<HookOutcome> run_hook_file(Context& ctx, js::Runtime& runtime, HookAsker& asker,
                                  const std::string& hook, const liquid::Value& args,
                                  std::span<const std::string> roots) {
  HookOutcome out;
  if (hook.ends_with(".ts")) {
    return make_error(ErrorKind::kFailure,
                      "the hook " + display(ctx, hook) +
                          " is TypeScript: Hygen loads it through ts-node, hypergen does not run "
                          "TypeScript hooks (compile it to prompt.js)");
  }
  auto modules = js::collect_modules(ctx.fs, hook, roots, ctx.cwd);
  if (!modules) return tl::unexpected(modules.error());
  Result<liquid::Value> result = liquid::Value(liquid::Object{});
  if (modules->node_reasons.empty()) {
    result = runtime.run_hook(modules->files, args);
  } else {
    out.with_node = true;
    auto node = find_node(ctx.env.get("PATH").value_or(""));
    if (!node) {
      std::string what = modules->first_module.empty()
                             ? modules->node_reasons.front()
                             : "the module '" + modules->first_module + "' (" +
                                   modules->node_reasons.front() + ")";
      return make_error(ErrorKind::kFailure,
                        "the hook " + display(ctx, hook) + " needs Node.js for " + what +
                            ", and no 'node' was found on PATH; install Node.js, or keep the "
                            "hook to what hypergen's embedded engine offers (docs/hooks.md)");
    }
    result = run_node_hook({*node, hook, ctx.cwd, args}, runtime);
  }
  if (asker.stopped()) {
    out.stopped = true;
    return out;
  }
  if (asker.error()) return tl::unexpected(*asker.error());
  if (!result) {
    Error e = result.error();
    if (e.where.file.empty() || e.where.file == hook) e.where.file = display(ctx, hook);
    if (auto at = e.message.find(hook); at != std::string::npos) {
      e.message.replace(at, hook.size(), display(ctx, hook));
    }
    return tl::unexpected(e);
  }
  out.result = std::move(*result);
  return out;
}

}  // namespace hypergen::app
