#pragma once
// A Liquid PartialLoader that reads partials from a list of folders through
// the FileSystem interface: for `{% render 'card' %}` it tries, in each
// folder in order, `card` and then `card.liquid`.

#include <string>
#include <vector>

#include "liquid/liquid.h"
#include "util/fs.h"

namespace hypergen::app {

class FolderPartialLoader final : public liquid::PartialLoader {
 public:
  FolderPartialLoader(FileSystem& fs, std::vector<std::string> folders)
      : fs_(fs), folders_(std::move(folders)) {}
  Result<Source> load(std::string_view name) override;

 private:
  FileSystem& fs_;
  std::vector<std::string> folders_;
};

}  // namespace hypergen::app
