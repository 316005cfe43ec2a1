#pragma once
// Answers without asking, and the checks every answer goes through, shared
// by the terminal prompter and by callers that answer from defaults
// (`hypergen prompt --defaults`, generators run without a terminal).

#include <optional>
#include <string>

#include "liquid/value.h"
#include "prompt/prompt.h"
#include "util/result.h"

namespace hypergen::prompt {

// The answer pressing Enter straight away gives, as enquirer computes it:
//  input/password → `initial` as text ("" without one); numeral → `initial`
//  when it is a number (or numeric text), else 0; confirm → whether
//  `initial` starts with t/y/1 (true stays true), else false; select and
//  autocomplete → the `initial` choice (by name or index), else the first
//  choice that is not disabled; multiselect → the `initial` choices (an array
//  of names or indexes) that exist and are not disabled, in choice order.
// kData error when a choice question has no selectable choice.
Result<liquid::Value> default_answer(const Question& question);

// Runs `required` and then `validate`: nullopt when the answer is accepted,
// else the message enquirer shows under the question ("Invalid input" when
// `required` refuses, or validate's message trimmed).
std::optional<std::string> check_answer(const Question& question, const liquid::Value& answer);

// Whether `required` refuses the answer: an empty string, nil, an empty
// array.
bool is_empty_answer(const liquid::Value& answer);

// The question types by the names enquirer uses ("input", "text",
// "password", "numeral", "number", "confirm", "select", "autocomplete",
// "multiselect"); nullopt for anything else.
std::optional<Kind> kind_from_name(std::string_view name);
const char* kind_name(Kind kind);

}  // namespace hypergen::prompt
