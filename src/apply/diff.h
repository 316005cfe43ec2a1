#pragma once
// Unified diffs for `--dry` and the overwrite prompt's "d" (show diff): the
// same text `git diff` prints, so users read it without thinking.

#include <string>
#include <string_view>

namespace hypergen::apply {

// Unified diff (3 lines of context, `--- a/<path>` / `+++ b/<path>` headers, "\ No newline at end
// of file" markers like git), computed with the Debian `dtl` library. Colour (bold headers, red -,
// green +, cyan @@) when `color`. A created file (is_new) diffs against /dev/null. Identical
// contents of an existing file give "". Lines are compared with their terminators, so "\r\n" vs
// "\n" and a missing final newline show as changes.
std::string unified_diff(std::string_view display_path, std::string_view before,
                         std::string_view after, bool color, bool is_new);

// The same, where an empty `before` means "the file does not exist yet" (diff against /dev/null).
inline std::string unified_diff(std::string_view display_path, std::string_view before,
                                std::string_view after, bool color) {
  return unified_diff(display_path, before, after, color, before.empty());
}

}  // namespace hypergen::apply
