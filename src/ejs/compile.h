#pragma once
// The EJS template compiler: template text → the JavaScript function body
// that the npm package ejs 3.1.10 generates for it, byte for byte, with the
// options Hygen 6.2.11 uses (none: delimiters `<%` `%>`, `_with` on, locals
// named `locals`, compileDebug on, no filename, not strict, not async).
// The body is meant for `new Function("locals, escapeFn, include, rethrow",
// body)`; running it is the job of js/ (this folder knows no JS engine).
//
// Tokens (leftmost match, tried in this order): <%% %%> <%= <%- <%_ <%# <%
// %> -%> _%>. Spaces and tabs before `<%_` and after `_%>` are removed
// first; `-%>`/`_%>` drop one following line break; `<%%` starts literal
// mode. compileDebug bookkeeping (`; __line = N` after every token holding
// line breaks, and the try/rethrow wrapper) keeps runtime errors on the
// template's line numbers; line_for_source_line() maps a line of the
// generated body back to a template line (for syntax errors).

#include <string>
#include <string_view>

#include "util/result.h"

namespace hypergen::ejs {

// The parameter list of the generated function.
inline constexpr std::string_view kFunctionParams = "locals, escapeFn, include, rethrow";

// Compiles `text`; `file` only labels errors. Fails (kTemplate) on a tag
// opener without its closer ("Could not find matching close tag"), with the
// opener's template line.
Result<std::string> compile(std::string_view text, std::string_view file = {});

// The parts of compile()'s output that depend on the text: the text after
// whitespace slurping (`__lines`) and the statements generated for the
// tags (`    ; __append("…")\n`, `    ; CODE\n`, `    ; __line = N\n`),
// which compile() wraps in the try/with function. The native evaluator
// (ejs/native.h) runs these same statements, so both paths see one program.
struct CompiledBody {
  std::string slurped;
  std::string body;
};
Result<CompiledBody> compile_body(std::string_view text, std::string_view file = {});

// ejs's error excerpt: three lines either side of template line `line`, the
// failing one marked (" >> 2| text").
std::string error_excerpt(std::string_view text, int line);

// True when rendering `text` cannot differ from `text` itself (no `<%` and
// no `%>`): such text needs no JavaScript at all.
bool is_plain_text(std::string_view text);

// The template line that generated-body line `body_line` (1-based) belongs
// to: the value of the last `__line = N` statement above it (1 if none).
int line_for_source_line(std::string_view body, int body_line);

// JSON.stringify() of a string, as JavaScript does it on UTF-8 text.
std::string json_quote(std::string_view s);

}  // namespace hypergen::ejs
