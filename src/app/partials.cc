#include "app/partials.h"

namespace hypergen::app {

Result<liquid::PartialLoader::Source> FolderPartialLoader::load(std::string_view name) {
  if (name.empty() || name.find('\0') != std::string_view::npos) {
    return make_error(ErrorKind::kNotFound, "invalid partial name");
  }
  std::string tried;
  for (const std::string& folder : folders_) {
    for (std::string candidate : {std::string(name), std::string(name) + ".liquid"}) {
      std::string path = name.front() == '/' ? candidate : folder + "/" + candidate;
      auto st = fs_.stat(path);
      if (!st) return tl::unexpected(st.error());
      if (!st->is_file()) {
        if (!tried.empty()) tried += ", ";
        tried += path;
        continue;
      }
      auto text = fs_.read_file(path);
      if (!text) return tl::unexpected(text.error());
      return Source{std::move(*text), path};
    }
  }
  return make_error(ErrorKind::kNotFound,
                    "partial '" + std::string(name) + "' not found (looked for " + tried + ")");
}

}  // namespace hypergen::app
