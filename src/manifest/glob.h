#pragma once
// The globs of `render:` steps, over template paths relative to the
// generator's templates folder (no leading '/'): `**` any run of folders,
// `*` any text without '/', `?` one character other than '/'. A pattern
// without wildcards names a file or a folder (everything under it).

#include <string_view>

namespace hypergen::manifest {

bool glob_match(std::string_view pattern, std::string_view path);

}  // namespace hypergen::manifest
