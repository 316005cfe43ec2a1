// libFuzzer target for the Liquid engine: parses the input as a template and,
// when it parses, renders it against fixed data with a few fixed partials.
// Any crash, sanitizer report or hang is a bug in src/liquid/.
//
// The engine has no step or memory budget (templates are trusted local
// files), so a tiny template can legitimately run for ages or build huge
// strings (`{% for %}` over big ranges, `append` doubling a string in a
// loop). Inputs that could do that are skipped (see is_bounded) so that the
// fuzzer spends its time on parser and renderer bugs, not on slow units.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "liquid/json.h"
#include "liquid/liquid.h"

namespace {

using hypergen::Result;
using hypergen::liquid::Engine;
using hypergen::liquid::Options;
using hypergen::liquid::PartialLoader;
using hypergen::liquid::Value;

constexpr std::size_t kMaxInputBytes = 2048;
constexpr char kData[] = R"({
  "name": "World", "n": 3, "f": 2.5, "neg": -7, "t": true, "no": false, "nil": null,
  "s": "héllo wörld ✓ <b>&amp;</b>", "empty": "", "blank": "  ",
  "a": [1, 2, 3, "x", null, true, 2.5],
  "words": ["apple", "Banana", "cherry"],
  "o": {"k": "v", "n": 1, "nested": {"deep": [1, {"x": "y"}]}},
  "items": [{"title": "A", "price": 3, "ok": true}, {"title": "B", "price": 1.5}],
  "date": "2024-03-15T13:45:30Z"
})";

// Fixed partials: plain, with a loop, with arguments, and self-recursive
// (stopped by max_partial_depth).
class FixedPartials : public PartialLoader {
 public:
  Result<Source> load(std::string_view name) override {
    if (name == "p" || name == "p.liquid") return Source{"[{{ name }}|{{ p }}]", "p.liquid"};
    if (name == "loop") return Source{"{% for i in (1..3) %}{{ i }}{{ loop }}{% endfor %}", "loop"};
    if (name == "kv") return Source{"{{ a }}{{ b | default: 'none' }}{{ forloop.index }}", "kv"};
    if (name == "rec") return Source{"r{% include 'rec' %}", "rec"};
    if (name == "bad") return Source{"{% if %}", "bad"};
    return hypergen::make_error(hypergen::ErrorKind::kNotFound, "no partial " + std::string(name));
  }
};

std::size_t count(std::string_view text, std::string_view word) {
  std::size_t n = 0;
  for (auto pos = text.find(word); pos != std::string_view::npos; pos = text.find(word, pos + 1)) {
    ++n;
  }
  return n;
}

// True when rendering `text` is cheap whatever it does. Loops: at most two
// (ranges of at most three digits, collections no larger than the input).
// Strings grow only through a few operations (append & co. double a string
// that refers to itself, `replace` can square it, a capture can repeat a
// variable); they compound only when a result is stored (assign, capture),
// so a stored growth inside a loop is refused, and outside loops only a few
// such operations (one `replace`) are allowed.
bool is_bounded(std::string_view text) {
  std::size_t digits = 0;
  for (char c : text) {
    digits = (c >= '0' && c <= '9') ? digits + 1 : 0;
    if (digits > 3) return false;
  }
  const std::size_t loops = count(text, "for") + count(text, "tablerow") + count(text, "loop");
  if (loops > 2) return false;
  std::size_t growth = 0;
  for (std::string_view op : {"append", "prepend", "concat", "push", "unshift", "replace", "escape",
                              "encode", "json", "inspect", "sentence", "newline", "base64"}) {
    growth += count(text, op);
  }
  const bool stores = count(text, "assign") + count(text, "capture") > 0;
  if (count(text, "capture") > 0) growth += count(text, "{{") + count(text, "echo");
  if (loops > 0 && stores) return growth == 0;
  return growth <= 6 && count(text, "replace") <= 1;
}

struct Harness {
  FixedPartials partials;
  Options options;
  std::unique_ptr<Engine> engine;
  Value data;

  Harness() {
    options.max_partial_depth = 8;
    options.max_output_bytes = std::size_t{1} << 20;
    options.filter_context.now_ms = [] { return std::int64_t{1700000000000}; };
    options.filter_context.utc_offset_minutes = 0;
    engine = std::make_unique<Engine>(options, &partials);
    auto parsed = hypergen::liquid::parse_json(kData, "data.json");
    if (parsed) data = std::move(*parsed);
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  static Harness harness;  // built once per process, as libFuzzer intends
  if (size > kMaxInputBytes) return -1;
  const std::string_view text(reinterpret_cast<const char*>(bytes), size);
  auto tpl = harness.engine->parse(text, "fuzz.liquid");
  if (!tpl) {
    // Error messages build a caret line from line/column: exercise that too.
    volatile std::size_t len = tpl.error().message.size();
    (void)len;
    return 0;
  }
  if (!is_bounded(text)) return 0;
  auto out = harness.engine->render(**tpl, harness.data);
  if (out) {
    volatile std::size_t len = out->size();
    (void)len;
  }
  return 0;
}
