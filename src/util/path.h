#pragma once
// Small helpers for '/'-separated paths shared by the file-system
// implementations and the output-path checks.

#include <string>
#include <string_view>
#include <vector>

namespace hypergen {

// The non-empty components of `path` ("/a//b/" → {"a", "b"}).
std::vector<std::string> split_path(std::string_view path);

}  // namespace hypergen
