#pragma once
// Which template engine renders a file, chosen by file name: the longest
// matching compound extension wins (`x.liquid.t` before `x.t`). Liquid is
// built in; EJS (Hygen's default, also used for files with no recognised
// extension) runs in the JavaScript plugin (js/runtime.h). Another engine
// plugs in by adding a row and a case in render.cc.

#include <cstdint>
#include <span>
#include <string_view>

namespace hypergen::render {

enum class EngineKind : std::uint8_t { kLiquid, kEjs };

struct EngineRow {
  std::string_view suffix;
  EngineKind kind;
  bool available;
};

// Rows in lookup order (longest suffix first).
std::span<const EngineRow> engine_table();

struct EngineMatch {
  EngineKind kind = EngineKind::kEjs;
  bool available = true;
  bool by_extension = false;  // false: no suffix matched, Hygen's default (EJS)
};

EngineMatch engine_for(std::string_view file_name);

const char* engine_name(EngineKind kind);

}  // namespace hypergen::render
