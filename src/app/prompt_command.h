#pragma once
// `hypergen prompt [--defaults] FILE|-`: asks the questions of an
// enquirer-style question list (JSON or YAML) on the terminal and prints the
// answers as one JSON object on stdout. Without a terminal the questions
// stay unanswered (listed by name, exit 8) unless --defaults takes their
// initial values. Handy in shell scripts, and how the prompter is tested end
// to end (tests/tty/).

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "app/context.h"
#include "prompt/prompt.h"
#include "util/result.h"

namespace hypergen::app {

extern const char kPromptUsage[];
Status prompt_command(Context& ctx, std::span<const std::string> args);

// The same with a given prompter (tests); null = chosen from ctx.console.
Status prompt_command_with(Context& ctx, std::span<const std::string> args,
                           prompt::Prompter* prompter);

// A question list (a JSON or YAML array of enquirer questions) → Questions,
// with `required` and `pattern` turned into validation. kData errors name
// `source_name` and the question.
Result<std::vector<prompt::Question>> parse_questions(std::string_view text,
                                                      const std::string& source_name);

}  // namespace hypergen::app
