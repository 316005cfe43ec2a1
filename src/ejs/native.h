#pragma once
// The native EJS path: renders a template in the JavaScript subset of
// ejs/js_subset.h without starting the JavaScript engine, with JavaScript's
// semantics (`+`, truthiness, `==`, number printing, ejs's escapeXML) and
// native ports of Hygen's `h` helpers (the prelude of js/prelude.cc:
// capitalize, changeCase, inflection, path). It runs the very statements
// ejs/compile.h generates, so output, `__line` bookkeeping and error lines
// are the engine's.
//
// Contract with the caller (render/): analyze() every EJS text of a run
// first; if any needs the engine, or assigns a name that is not a local
// (a global, visible to later templates), render the whole run with the
// engine. Otherwise render here. A render can still end in kBail when a
// value meets something the native path does not reproduce byte for byte
// (a TypeError, a string method on text it does not handle): nothing has
// been written or printed by then, so the caller renders the whole run
// again with the engine. ReferenceErrors are reported here, as the engine
// reports them ("ReferenceError: x is not defined", template line, excerpt).

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ejs/js_subset.h"
#include "liquid/value.h"
#include "util/result.h"

namespace hypergen::ejs {

// A template analysed for the native path.
struct NativeTemplate {
  // Non-empty: the template needs the engine; a one-line reason.
  std::string unsupported;
  // Set when ejs::compile_body() fails (unclosed tag): both paths report it.
  std::unique_ptr<Error> compile_error;
  subset::Program program;
  bool native() const { return unsupported.empty(); }
};

std::shared_ptr<const NativeTemplate> analyze(std::string_view text);

// One variable of the locals object, in key order; a null value is
// `undefined` (Hygen's `subaction` when there is none).
using NativeLocal = std::pair<std::string_view, const liquid::Value*>;

struct NativeOutcome {
  enum class Kind { kOk, kError, kBail };
  Kind kind = Kind::kOk;
  std::string output;  // kOk
  Error error;         // kError: kTemplate, "Name: message", line, excerpt
  std::string bail;    // kBail: why the engine must take over
};

// Renders analysed templates; one per run (it holds the `h` objects).
class NativeRenderer {
 public:
  explicit NativeRenderer(std::string cwd);
  ~NativeRenderer();
  NativeRenderer(const NativeRenderer&) = delete;
  NativeRenderer& operator=(const NativeRenderer&) = delete;

  // `text` is the template text `tpl` was analysed from (for excerpts).
  NativeOutcome render(const NativeTemplate& tpl, std::string_view text,
                       std::span<const NativeLocal> locals);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace hypergen::ejs
