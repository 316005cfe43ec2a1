#include "render/engines.h"

#include <array>

namespace hypergen::render {

namespace {

constexpr std::array kEngines = {
    EngineRow{".liquid.t", EngineKind::kLiquid, true},
    EngineRow{".liquid", EngineKind::kLiquid, true},
    EngineRow{".ejs.t", EngineKind::kEjs, true},
    EngineRow{".ejs", EngineKind::kEjs, true},
    EngineRow{".t", EngineKind::kEjs, true},
};

}  // namespace

std::span<const EngineRow> engine_table() {
  return kEngines;
}

EngineMatch engine_for(std::string_view file_name) {
  for (const EngineRow& row : kEngines) {
    if (file_name.size() > row.suffix.size() && file_name.ends_with(row.suffix)) {
      return {row.kind, row.available, true};
    }
  }
  return {EngineKind::kEjs, true, false};
}

const char* engine_name(EngineKind kind) {
  switch (kind) {
    case EngineKind::kLiquid:
      return "Liquid";
    case EngineKind::kEjs:
      return "EJS";
  }
  return "?";
}

}  // namespace hypergen::render
