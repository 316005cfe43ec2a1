// libFuzzer target for args/: the input is split into argv words on NUL
// bytes (a newline is kept inside a word: shells pass those too), parsed the
// yargs-parser way, and turned into template locals the way a generation
// does (p1 = action, p2 = name). Every word also goes through the helpers
// (number coercion, camelCase, pluralize, capitalize). Any crash or
// sanitizer report is a bug in src/args/.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "args/args.h"
#include "liquid/json.h"

namespace {

constexpr std::size_t kMaxInputBytes = 2048;

std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> words;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\0') {
      words.emplace_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  return words;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  using namespace hypergen;
  if (size > kMaxInputBytes) return -1;
  const std::vector<std::string> words =
      split_words(std::string_view(reinterpret_cast<const char*>(bytes), size));

  const args::ParsedArgs parsed = args::parse_argv(words);
  if (!parsed.options.is_object()) std::abort();
  for (const auto& [key, value] : parsed.options.as_object()) {
    if (parsed.option(key) == nullptr) std::abort();  // every listed key can be found
    volatile std::size_t len = liquid::to_json(value).size();
    (void)len;
  }
  for (const std::string& w : words) {
    auto n = args::coerce_number(w);
    if (n && !n->is_number()) std::abort();
    volatile std::size_t len =
        args::camel_case(w).size() + args::pluralize(w).size() + args::capitalize_first(w).size();
    (void)len;
  }

  args::LocalsInput in;
  in.templates = "/p/_templates";
  in.actionfolder = "/p/_templates/gen/new";
  in.generator = "gen";
  in.action = "new:sub";
  in.subaction = "sub";
  in.args = &parsed;
  if (parsed.positionals.size() > 1) in.name_positional = parsed.positionals[1];
  in.ts = liquid::Value(std::int64_t{1700000000000});
  in.cwd = "/p";
  auto locals = args::build_locals(in);
  if (locals) {
    if (!locals->is_object()) std::abort();
    volatile std::size_t len = liquid::to_json(*locals).size();
    (void)len;
    for (const auto& [key, value] : locals->as_object()) {
      volatile bool t = args::js_truthy(value);
      (void)t;
    }
  } else {
    volatile std::size_t len = locals.error().message.size();
    (void)len;
  }
  return 0;
}
