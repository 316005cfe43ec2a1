#pragma once
// Helpers shared by the files of src/prompt/ (answers.cc and the terminal
// prompter): enquirer's coercions of `initial` and of typed text. Not for
// use outside the folder.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "liquid/value.h"
#include "prompt/prompt.h"

namespace hypergen::prompt::internal {

// String(initial) for strings, numbers and booleans; "" for anything else.
std::string initial_text(const liquid::Value& initial);
// enquirer's confirm: /^[ty1]/i is yes, /^[fn0]/i is no.
bool is_yes_text(std::string_view text);
bool is_no_text(std::string_view text);
// The confirm value `initial` gives (true, "yes", "t", 1 → true).
bool confirm_from_initial(const liquid::Value& initial);
// enquirer's numeral: text matching /^[-+]?[0-9]+((\.)|(\.[0-9]+))?$/ as a
// number (an integer Value when it has no fraction); nullopt otherwise.
std::optional<liquid::Value> parse_numeral(std::string_view text);
// The index of the choice `value` names (a choice name, or an index as a
// number); -1 when none.
int find_choice(const std::vector<Choice>& choices, const liquid::Value& value);

}  // namespace hypergen::prompt::internal
