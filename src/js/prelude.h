#pragma once
// The JavaScript the runtime evaluates once in each new realm: the EJS call
// convention (escapeXML, rethrow, include as ejs 3.1.10 passes them) and
// Hygen's `h` object (h.capitalize, h.inflection, h.changeCase, h.path),
// whose case and inflection functions call back into the C++ ports
// (liquid/case_convert.h, liquid/inflection.h) through `__hypergen_native`.
// Its completion value is an object { compile(body), render(fn, data),
// native, helpers, path, state } (the last four for kHooksJs).

#include <string_view>

namespace hypergen::js {

extern const std::string_view kPrelude;

// Hygen's hook and `.hygen.js` machinery (hooks_js.cc): a function
// expression `(function (native, helpers, path, state) {…})` returning
// { register, registerJson, load, loadConfig, setHelperArgs, runHook,
//   outcome, validate, exec }. The same text runs in the realm (embedded
// hooks) and in the `node` child of node-path hooks (app/node_hook.cc), so
// both follow one implementation of the module shapes and the prompter.
extern const std::string_view kHooksJs;

}  // namespace hypergen::js
