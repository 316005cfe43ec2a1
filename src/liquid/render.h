#pragma once
// The renderer: walks a Template's AST against a data Value and appends the
// output to one std::string.
//
// All per-render state (variables assigned by the template, counters, cycle
// positions, loop state) lives in a context created for each call, never in
// the Template, so templates can be rendered from many threads at once.
// Variables are looked up by pointer into the data and the template's
// scopes; values are copied only when the template stores them (assign,
// capture, partial arguments) or a filter makes a new one.

#include <string>

#include "liquid/template.h"
#include "liquid/value.h"
#include "util/result.h"

namespace hypergen::liquid {

class Engine;

// Renders `tpl` with `data` as the root scope, appending to `out`. Partials
// come from engine.partial(); limits and strictness from engine.options().
Status render_template(const Engine& engine, const Template& tpl, const Value& data,
                       std::string& out);

}  // namespace hypergen::liquid
