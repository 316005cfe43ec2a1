// libFuzzer target for ejs/: the input is an EJS template. It is compiled to
// the JavaScript function body ejs 3.1.10 would generate (compile), analysed
// for the native fast path (analyze: tokenizer, the JavaScript-subset parser,
// classification) and, when it is in the subset, rendered by the native
// evaluator against a few locals shaped like Hygen's (strings, a number, an
// array, an object, `undefined`). No JavaScript engine is involved: this
// fuzzes our own parsers and evaluator. Checks: compile and analyze agree
// on unclosed tags, an outcome is always one of ok / error / bail, and
// errors carry a line inside the template.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "ejs/compile.h"
#include "ejs/native.h"
#include "liquid/value.h"

namespace {

constexpr std::size_t kMaxInputBytes = 4096;

int count_lines(std::string_view text) {
  int lines = 1;
  for (char c : text) lines += c == '\n';
  return lines;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > kMaxInputBytes) return 0;
  using namespace hypergen;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto compiled = ejs::compile(text, "t.ejs.t");
  (void)ejs::is_plain_text(text);
  auto analysis = ejs::analyze(text);
  if (!analysis) std::abort();
  if (compiled.has_value() != (analysis->compile_error == nullptr)) std::abort();
  if (!analysis->native()) return 0;

  static const liquid::Value name("card item");
  static const liquid::Value count(static_cast<std::int64_t>(3));
  static const liquid::Value items = [] {
    liquid::Array a;
    a.emplace_back("a");
    a.emplace_back(static_cast<std::int64_t>(2));
    a.emplace_back(nullptr);
    return liquid::Value(std::move(a));
  }();
  static const liquid::Value opts = [] {
    liquid::Object o;
    o.set("flag", liquid::Value(true));
    o.set("label", liquid::Value("x < y & z"));
    return liquid::Value(std::move(o));
  }();
  std::vector<ejs::NativeLocal> locals = {{"name", &name},
                                          {"count", &count},
                                          {"items", &items},
                                          {"opts", &opts},
                                          {"subaction", nullptr}};
  ejs::NativeRenderer renderer("/work");
  ejs::NativeOutcome r = renderer.render(*analysis, text, locals);
  switch (r.kind) {
    case ejs::NativeOutcome::Kind::kOk:
      break;
    case ejs::NativeOutcome::Kind::kError:
      if (r.error.where.line < 0 || r.error.where.line > count_lines(text)) std::abort();
      break;
    case ejs::NativeOutcome::Kind::kBail:
      if (r.bail.empty()) std::abort();
      break;
  }
  return 0;
}
