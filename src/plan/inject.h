#pragma once
// Hygen's injection algorithm (spec §9.3), exactly: skip_if, the newline
// style of the target, the line list, the location keys (the first of
// at_line / prepend / append / before / after in frontmatter order wins),
// eof_last, and the join that leaves an empty line after a body ending in a
// newline. Regexes are ECMAScript (std::regex); a `!!js/regexp` keeps its
// `i` and `m` flags where Hygen keeps them.

#include <optional>
#include <string>
#include <string_view>

#include "frontmatter/frontmatter.h"
#include "util/result.h"

namespace hypergen::plan {

struct InjectOutcome {
  enum class Kind : std::uint8_t { kInserted, kSkipIfMatched, kNoLocation };
  Kind kind = Kind::kInserted;
  std::string text;  // the new target text (unchanged unless kInserted)
  long index = -1;   // line index the body went to
};

// `file` locates regex errors (with the attribute's line).
Result<InjectOutcome> inject(std::string_view target, std::string_view body,
                             const frontmatter::Attributes& attrs, const std::string& file);

}  // namespace hypergen::plan
