#pragma once
// The JavaScript runtime of one run: a single realm shared by every EJS
// template the run renders (Hygen templates rely on globals set by earlier
// templates), with Hygen's `h` helpers, and nothing else of the outside
// world (no require, no file system, no network; console.* prints). The
// action's hook and `.hygen.js` run in the same realm with a CommonJS shim
// over files the host read beforehand (js/modules.h, kHooksJs).
//
// The engine is SpiderMonkey 102 in a plugin, `libhypergen-js.so`
// (plugin/js_abi.h), loaded with dlopen() the first time a Runtime is used,
// never at construction: commands and runs that meet no EJS (`--version`,
// `list`, Liquid generations) never load it. Compiled templates are cached
// by content hash for the life of the Runtime. Not thread-safe: render
// EJS templates one at a time, in template order.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "liquid/value.h"
#include "util/result.h"

namespace hypergen::js {

// While a question is open: whether `answer` passes the question's JS
// `validate` (nullopt) or the message to show. `index` is the question's
// place in the prompt() call.
using ValidateFn = std::function<Result<std::optional<std::string>>(std::size_t index,
                                                                    const liquid::Value& answer)>;
// Answers a hook's `prompter.prompt(questions)`: `specs` is an array of
// plain questions ({type, name, message, initial?, choices?: [{name,
// message?, hint?, disabled?}], validate?: true, required?: true}); the
// result is the answers object keyed by name. An error is thrown into the
// hook and then returned by run_hook (so a hook cannot swallow it).
using AskFn =
    std::function<Result<liquid::Value>(const liquid::Value& specs, const ValidateFn& validate)>;

struct RuntimeOptions {
  std::string cwd;  // the process cwd as templates see it (h.path.resolve)
  std::function<void(std::string_view)> out;  // console.log / console.info
  std::function<void(std::string_view)> err;  // console.warn / console.error
  // Hooks and .hygen.js only: `process.env[name]` and the prompter.
  std::function<std::optional<std::string>(std::string_view)> getenv;
  AskFn ask;
  // Limits of one render_ejs (config `limits.renderTimeMs` and
  // `limits.outputBytes`; 0: none). Hooks and .hygen.js are not bounded by
  // time: they may wait for answers.
  std::chrono::milliseconds max_render_time{0};
  std::uint64_t max_output_bytes = 0;
};

// A CommonJS module for load_config/run_hook: an absolute path and its text
// (a `.json` path is parsed as JSON). The host reads the files; the loader
// in the realm only resolves `require` among the modules it was given.
struct ModuleFile {
  std::string path;
  std::string text;
};

// What `.hygen.js` set (spec §4.2), as far as the host acts on it.
struct ConfigSummary {
  std::optional<std::string> templates;  // `templates`, as written
  std::optional<std::string> cwd;        // `cwd`
  liquid::Value locals_defaults;         // `localsDefaults` (nil when none)
  bool helpers = false;                  // `helpers` set (merged into h)
  bool helpers_function = false;         // … as a function of the args
  bool exec = false;                     // `exec(command, body)`
  bool create_prompter = false;
  bool logger = false;
  bool debug = false;
};

class Runtime {
 public:
  explicit Runtime(RuntimeOptions options = {});
  ~Runtime();
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  // Renders EJS `text` (compiled as ejs 3.1.10 does, ejs/compile.h) with
  // `locals` as the variables (`h` is added). `locals_source`, when not
  // empty, replaces `locals` with a JavaScript expression (for values the
  // value tree cannot hold, such as undefined). Errors are kTemplate with
  // where.line the template line (file left empty), the message
  // "Name: message", and an ejs-style excerpt as context. A render that runs
  // past max_render_time is stopped (kTemplate, "rendering took longer than
  // the limit …", the template line it was on), and one whose output passes
  // max_output_bytes fails the same way.
  Result<std::string> render_ejs(std::string_view text, const liquid::Value& locals,
                                 std::string_view locals_source = {});

  // Runs a script in the run's realm and returns String(completion value).
  Result<std::string> eval(std::string_view source, std::string_view file);

  // Loads `.hygen.js` (modules[0]; the rest are files it requires) as
  // Hygen does: its exports merged over `base` (the runner config: templates,
  // cwd). Its helpers join `h` in every later render.
  Result<ConfigSummary> load_config(std::span<const ModuleFile> modules, const liquid::Value& base);
  // The raw run arguments a `helpers` function of .hygen.js is called with.
  Status set_helper_args(const liquid::Value& raw);
  // Runs a hook (modules[0], e.g. prompt.js) with Hygen's module shapes
  // (spec §6.2) and returns its result object's JSON-able entries (function
  // entries stay in the realm and reach the templates). `args` is
  // `{name?, ...options}`. Errors: the AskFn's error if it failed, else the
  // hook's exception (kFailure, where = the hook file and line).
  Result<liquid::Value> run_hook(std::span<const ModuleFile> modules, const liquid::Value& args);
  // Calls `.hygen.js` `exec(command, body)` and waits for its promise.
  Status config_exec(std::string_view command, std::string_view body);

  // The host functions JavaScript reaches through `__hypergen_native`
  // (h helpers, console, cwd, getenv, prompt), callable without starting
  // the engine: the node path of hooks (app/node_hook.h) serves its child
  // with them. `validate` serves the `prompt` call's validate callbacks.
  Result<std::string> native_call(std::span<const std::string> args, const ValidateFn& validate);

  // Whether the engine was started (the plugin loaded and a realm made).
  bool started() const;
  // Templates compiled so far (distinct contents).
  std::size_t compiled() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A JavaScript expression for a value: null, booleans, numbers as JS prints
// them (NaN, Infinity), strings, arrays and objects (insertion order).
std::string to_js_source(const liquid::Value& value);

// Whether this process has loaded libhypergen-js.so.
bool plugin_loaded();

}  // namespace hypergen::js
