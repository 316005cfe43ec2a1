#pragma once
// The JavaScript the runtime evaluates once in each new realm: the EJS call
// convention (escapeXML, rethrow, include as ejs 3.1.10 passes them) and
// Hygen's `h` object (h.capitalize, h.inflection, h.changeCase, h.path),
// whose case and inflection functions call back into the C++ ports
// (liquid/case_convert.h, liquid/inflection.h) through `__hypergen_native`.
// Its completion value is an object { compile(body), render(fn, data) }.

#include <string_view>

namespace hypergen::js {

extern const std::string_view kPrelude;

}  // namespace hypergen::js
