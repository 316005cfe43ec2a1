// libFuzzer target for manifest/: parses the input as a template.yml (every
// diagnostic must point inside the input), checks the result again, builds
// its JSON Schema and example command lines, coerces and checks every
// default, and evaluates every condition against the defaults. The first
// line is also evaluated as a condition expression on its own, so the
// expression parser is fuzzed without YAML around it.
//
// Bounds the fuzzer relies on: YAML values are capped in count and depth
// (aliases), and expressions in nesting depth (manifest.cc, expr.cc).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "liquid/json.h"
#include "manifest/expr.h"
#include "manifest/manifest.h"
#include "manifest/values.h"

namespace {

constexpr std::size_t kMaxInputBytes = 4096;

int count_lines(std::string_view text) {
  int n = 1;
  for (char c : text) n += c == '\n';
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  if (size > kMaxInputBytes) return -1;
  const std::string_view text(reinterpret_cast<const char*>(bytes), size);
  namespace m = hypergen::manifest;

  const m::Parsed p = m::parse(text, "fuzz.yml");
  const int lines = count_lines(text);
  for (const m::Diagnostic& d : p.diagnostics) {
    if (d.where.file != "fuzz.yml" || d.where.line < 0 || d.where.line > lines + 1) std::abort();
  }
  std::vector<m::Diagnostic> again;
  m::check(p.manifest, again);
  hypergen::liquid::Value defaults = hypergen::liquid::Object{};
  for (const m::Variable& v : p.manifest.variables) {
    if (!v.has_default) continue;
    defaults.mutable_object().set(v.name, v.default_value);
    auto typed = m::coerce(v, v.default_value);
    if (typed) {
      volatile bool bad = m::check_value(v, *typed).has_value();
      (void)bad;
    }
  }
  for (const m::Variable& v : p.manifest.variables) {
    if (!v.when.empty()) (void)m::evaluate_condition(v.when, defaults);
  }
  for (const m::Step& s : p.manifest.steps) {
    if (!s.when.empty()) (void)m::evaluate_condition(s.when, defaults);
  }
  volatile std::size_t len = hypergen::liquid::to_json(m::json_schema(p.manifest)).size();
  for (const m::Example& e : p.manifest.examples)
    len = len + m::example_command(p.manifest, e).size();
  (void)len;
  (void)m::step_levels(p.manifest.steps);

  const std::string_view first = text.substr(0, text.find('\n'));
  (void)m::evaluate(first, defaults);
  return 0;
}
