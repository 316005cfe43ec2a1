#pragma once
// `hypergen render [--engine liquid] [--data FILE.json | --data -] [--strict]
// TEMPLATE_FILE`: renders one template with JSON data and prints the result
// to stdout exactly as rendered (no newline added).

#include <span>
#include <string>

#include "app/context.h"
#include "util/result.h"

namespace hypergen::app {

extern const char kRenderUsage[];
Status render_command(Context& ctx, std::span<const std::string> args);

}  // namespace hypergen::app
