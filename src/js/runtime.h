#pragma once
// The JavaScript runtime of one run: a single realm shared by every EJS
// template the run renders (Hygen templates rely on globals set by earlier
// templates), with Hygen's `h` helpers, and nothing else of the outside
// world (no require, no file system, no network; console.* prints).
//
// The engine is SpiderMonkey 102 in a plugin, `libhypergen-js.so`
// (plugin/js_abi.h), loaded with dlopen() the first time a Runtime is used,
// never at construction: commands and runs that meet no EJS (`--version`,
// `list`, Liquid generations) never load it. Compiled templates are cached
// by content hash for the life of the Runtime. Not thread-safe: render
// EJS templates one at a time, in template order.

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "liquid/value.h"
#include "util/result.h"

namespace hypergen::js {

struct RuntimeOptions {
  std::string cwd;  // the process cwd as templates see it (h.path.resolve)
  std::function<void(std::string_view)> out;  // console.log / console.info
  std::function<void(std::string_view)> err;  // console.warn / console.error
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
  // "Name: message", and an ejs-style excerpt as context.
  Result<std::string> render_ejs(std::string_view text, const liquid::Value& locals,
                                 std::string_view locals_source = {});

  // Runs a script in the run's realm and returns String(completion value).
  Result<std::string> eval(std::string_view source, std::string_view file);

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
