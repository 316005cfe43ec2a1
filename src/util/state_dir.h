#pragma once
// The project's bookkeeping folder, `<project>/.hypergen/` (apply journal and
// lock, the template index and cached objects). Every writer creates its
// sub-folder through make_state_dir so that, when we are the ones creating
// `.hypergen/`, it also gets a `.gitignore` holding `*`: users' git then
// ignores it without them having to do anything. An existing `.hypergen/`
// (created by the user, or by us earlier) is left as it is.

#include <string>
#include <string_view>

#include "util/fs.h"
#include "util/result.h"

namespace hypergen {

inline constexpr std::string_view kStateDirName = ".hypergen";

// `<project_root>/.hypergen` (no trailing slash; "/" as root gives "/.hypergen").
std::string state_dir(const std::string& project_root);

// Creates `<project_root>/.hypergen/<sub>` (sub may be empty or nested, e.g.
// "cache" or "journal"). When `.hypergen/` did not exist before, also writes
// `.hypergen/.gitignore` containing "*\n"; a failure to write that file is
// ignored (it is a courtesy, not bookkeeping). Returns the full path.
Result<std::string> make_state_dir(FileSystem& fs, const std::string& project_root,
                                   std::string_view sub);

}  // namespace hypergen
