#pragma once
// Where a hook or `.hygen.js` can run, decided before anything runs: a
// static scan of its source and of every file it requires relatively.
//
// The embedded engine offers CommonJS with `module`, `exports`, `require`
// of relative files inside the project or the template roots, the built-in
// `path` (`node:path`), and `process.cwd()`, `process.env`,
// `process.platform`. Anything else a Node program may use — `require` of
// any other module (`fs`, `child_process`, `enquirer`, an npm package), a
// `require` whose argument is not a string literal, `require.resolve`,
// `import()`, other `process` members, timers, `Buffer`, `global` — makes
// the file "node-only": the hook then runs with the system `node`
// (app/node_hook.h). The decision covers the whole run of the hook; it never
// switches halfway.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "js/runtime.h"
#include "util/fs.h"
#include "util/result.h"

namespace hypergen::js {

// One thing in a source that decides where it runs.
struct SourceUse {
  enum class Kind {
    kRequire,         // require('literal'): `text` is the specifier
    kDynamicRequire,  // require(<not a string literal>)
    kNodeOnly,        // something only Node has: `text` names it
  };
  Kind kind = Kind::kRequire;
  std::string text;
  int line = 0;  // 1-based
};

// The requires and Node-only uses of a JavaScript source. Skips comments,
// strings, template literal text and regular expression literals.
std::vector<SourceUse> scan_source(std::string_view source);

// Whether `require(id)` is served by the embedded engine's built-ins.
bool is_builtin_module(std::string_view id);

struct ModuleSet {
  std::vector<ModuleFile> files;  // the entry first, then what it requires
  // Why it must run with node, e.g. "require('fs') (prompt.js:1)"; empty
  // when the embedded engine can run it. `first_module` is the first
  // module named by a non-built-in require ("" when the reason is another).
  std::vector<std::string> node_reasons;
  std::string first_module;
};

// Reads `entry` and, transitively, the files it requires with relative
// paths that resolve (Node's order: exact, .js, .json, /index.js,
// /index.json) inside one of `roots`. A relative require leaving the roots
// is a node reason; one that resolves nowhere is left to fail at run time,
// as in Node. `display` shortens paths in reasons (relative to it).
Result<ModuleSet> collect_modules(FileSystem& fs, const std::string& entry,
                                  std::span<const std::string> roots, const std::string& display);

}  // namespace hypergen::js
