// libFuzzer target for frontmatter/: splits the input as a template file
// (front-matter 4.0.2 rules) and parses the YAML block with the js-yaml 3
// scalar rules on yaml-cpp, then reads every attribute back (its line, its
// value printed as JSON). The whole input is also parsed as YAML on its own,
// so the YAML reader is fuzzed without delimiters, and fed to the plain
// scalar resolver. Checks the split's line numbers are sane, and that the
// fast path for simple headers agrees with the full YAML reader.
//
// Bounds the fuzzer relies on (fixed after this target found them): huge
// integer scalars resolve without exceptions, and alias expansion is capped
// in depth and in the number of values (frontmatter.cc, Converter).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "frontmatter/frontmatter.h"
#include "liquid/json.h"

namespace {

constexpr std::size_t kMaxInputBytes = 2048;

void read_attributes(const hypergen::frontmatter::Attributes& attrs, int first_line) {
  if (!attrs.values.is_object()) std::abort();
  for (const auto& [key, value] : attrs.values.as_object()) {
    const int line = attrs.line_of(key);
    if (line != 0 && line < first_line) std::abort();
    volatile std::size_t len = hypergen::liquid::to_json(value).size() + value.to_output().size();
    (void)len;
  }
  for (const auto& [key, re] : attrs.regexps) {
    volatile std::size_t len = key.size() + re.pattern.size() + re.flags.size();
    (void)len;
  }
}

// The fast path (parse_simple_yaml) must agree with the full reader on
// every text it accepts: values, key lines and JavaScript-only values.
void compare_paths(std::string_view yaml, int first_line) {
  auto fast = hypergen::frontmatter::parse_simple_yaml(yaml, first_line);
  if (!fast) return;
  auto full = hypergen::frontmatter::parse_yaml_full(yaml, "fuzz.t", first_line);
  if (!full) std::abort();
  if (hypergen::liquid::to_json(fast->values) != hypergen::liquid::to_json(full->values))
    std::abort();
  if (fast->lines != full->lines || fast->js_values != full->js_values) std::abort();
  if (!full->regexps.empty()) std::abort();
}

void parse(std::string_view yaml, int first_line) {
  compare_paths(yaml, first_line);
  auto attrs = hypergen::frontmatter::parse_yaml(yaml, "fuzz.t", first_line);
  if (attrs) {
    read_attributes(*attrs, first_line);
  } else {
    volatile std::size_t len = attrs.error().message.size();
    (void)len;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  if (size > kMaxInputBytes) return -1;
  const std::string_view text(reinterpret_cast<const char*>(bytes), size);

  const hypergen::frontmatter::Split s = hypergen::frontmatter::split(text);
  if (s.body_line < 1 || s.body.size() > text.size()) std::abort();
  if (s.has_frontmatter) {
    if (s.yaml_line < 1 || s.yaml.size() > text.size()) std::abort();
    parse(s.yaml, s.yaml_line);
  } else if (s.body != text) {
    std::abort();  // without frontmatter the body is the text itself
  }
  parse(text, 1);
  const hypergen::liquid::Value v = hypergen::frontmatter::resolve_plain_scalar(std::string(text));
  volatile std::size_t len = v.to_output().size();
  (void)len;
  return 0;
}
