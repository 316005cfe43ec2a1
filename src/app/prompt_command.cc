#include "app/prompt_command.h"

#include <yaml-cpp/yaml.h>

#include <CLI/CLI.hpp>
#include <regex>
#include <set>

#include "frontmatter/frontmatter.h"
#include "liquid/json.h"
#include "prompt/answers.h"
#include "prompt/factory.h"

namespace hypergen::app {

const char kPromptUsage[] =
    "Usage: hypergen prompt [--defaults] FILE\n"
    "\n"
    "Asks the questions in FILE (a JSON or YAML list of enquirer-style questions;\n"
    "- reads it from stdin) on the terminal and prints the answers as one JSON\n"
    "object on stdout. The questions are drawn on stderr.\n"
    "\n"
    "A question: type (input, text, password, numeral, number, confirm, select,\n"
    "autocomplete, multiselect; default input), name, message, initial, choices\n"
    "(strings or {name, message, hint, disabled}), required, pattern.\n"
    "\n"
    "Without a terminal (stdin and stderr) nothing is asked: the unanswered\n"
    "questions are listed and the exit status is 8, unless --defaults is given.\n"
    "\n"
    "Options:\n"
    "  --defaults   take every question's initial value instead of asking\n"
    "\n"
    "Keys and question types: docs/prompts.md. Ctrl-C or Esc: exit 130.\n";

namespace {

using liquid::Value;

Error data_error(const std::string& source, std::string message, int line = 0, int column = 0) {
  return Error{ErrorKind::kData, std::move(message), {source, line, column}, {}};
}

Result<Value> yaml_to_value(const YAML::Node& node, const std::string& source, int depth) {
  if (depth > 64) return tl::unexpected(data_error(source, "YAML: nested too deeply"));
  switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
      return Value();
    case YAML::NodeType::Scalar:
      if (node.Tag() == "?") return frontmatter::resolve_plain_scalar(node.Scalar());
      return Value(node.Scalar());
    case YAML::NodeType::Sequence: {
      liquid::Array items;
      for (const auto& item : node) {
        auto v = yaml_to_value(item, source, depth + 1);
        if (!v) return v;
        items.push_back(std::move(*v));
      }
      return Value(std::move(items));
    }
    case YAML::NodeType::Map: {
      liquid::Object object;
      for (const auto& kv : node) {
        auto v = yaml_to_value(kv.second, source, depth + 1);
        if (!v) return v;
        object.set(kv.first.Scalar(), std::move(*v));
      }
      return Value(std::move(object));
    }
  }
  return Value();
}

Result<Value> parse_document(std::string_view text, const std::string& source) {
  std::size_t first = text.find_first_not_of(" \t\r\n");
  bool json = source.size() >= 5 && source.ends_with(".json");
  if (first != std::string_view::npos && (text[first] == '[' || text[first] == '{')) json = true;
  if (json) return liquid::parse_json(text, source);
  try {
    YAML::Node root = YAML::Load(std::string(text));
    return yaml_to_value(root, source, 0);
  } catch (const YAML::ParserException& e) {
    return tl::unexpected(data_error(source, "YAML: " + e.msg, e.mark.line + 1, e.mark.column + 1));
  } catch (const YAML::Exception& e) {
    return tl::unexpected(data_error(source, std::string("YAML: ") + e.what()));
  }
}

std::string text_of(const Value& v) {
  return v.is_string() ? v.as_string() : v.to_output();
}

Result<prompt::Choice> parse_choice(const Value& v, const std::string& where,
                                    const std::string& source) {
  prompt::Choice choice;
  if (!v.is_object()) {
    if (v.is_nil() || v.is_array()) {
      return tl::unexpected(data_error(source, where + ": a choice is a string or an object"));
    }
    choice.name = text_of(v);
    return choice;
  }
  const liquid::Object& o = v.as_object();
  auto get = [&](std::string_view key) -> std::string {
    const Value* f = o.find(key);
    return f && !f->is_nil() ? text_of(*f) : std::string();
  };
  choice.name = get("name");
  if (choice.name.empty()) choice.name = get("value");
  if (choice.name.empty()) choice.name = get("message");
  if (choice.name.empty()) {
    return tl::unexpected(data_error(source, where + ": a choice needs a name"));
  }
  choice.message = get("message");
  choice.hint = get("hint");
  if (const Value* d = o.find("disabled")) {
    if (d->is_string()) {
      choice.disabled = true;
      if (choice.hint.empty()) choice.hint = d->as_string();
    } else {
      choice.disabled = d->js_truthy();
    }
  }
  return choice;
}

Result<prompt::Question> parse_question(const Value& v, std::size_t index,
                                        const std::string& source) {
  std::string where = "question " + std::to_string(index + 1);
  if (!v.is_object()) {
    return tl::unexpected(data_error(source, where + ": a question is an object"));
  }
  const liquid::Object& o = v.as_object();
  prompt::Question q;
  const Value* name = o.find("name");
  if (!name || !name->is_string() || name->as_string().empty()) {
    return tl::unexpected(data_error(source, where + ": 'name' (a string) is required"));
  }
  q.name = name->as_string();
  where += " ('" + q.name + "')";

  if (const Value* type = o.find("type"); type && !type->is_nil()) {
    auto kind = type->is_string() ? prompt::kind_from_name(type->as_string()) : std::nullopt;
    if (!kind) {
      return tl::unexpected(
          data_error(source, where + ": unknown type '" + text_of(*type) +
                                 "' (input, text, password, numeral, number, confirm, select, "
                                 "autocomplete, multiselect)"));
    }
    q.kind = *kind;
  }
  if (const Value* m = o.find("message"); m && !m->is_nil()) q.message = text_of(*m);
  if (q.message.empty()) q.message = q.name;
  if (const Value* i = o.find("initial"); i && !i->is_nil()) {
    q.initial = *i;
  } else if (const Value* d = o.find("default"); d && !d->is_nil()) {
    q.initial = *d;
  }

  bool has_choices = q.kind == prompt::Kind::kSelect || q.kind == prompt::Kind::kAutocomplete ||
                     q.kind == prompt::Kind::kMultiSelect;
  if (has_choices) {
    const Value* choices = o.find("choices");
    if (!choices || !choices->is_array() || choices->as_array().empty()) {
      return tl::unexpected(data_error(source, where + ": a " +
                                                   std::string(prompt::kind_name(q.kind)) +
                                                   " question needs a non-empty 'choices' list"));
    }
    for (const Value& c : choices->as_array()) {
      auto choice = parse_choice(c, where, source);
      if (!choice) return tl::unexpected(choice.error());
      q.choices.push_back(std::move(*choice));
    }
    if (std::all_of(q.choices.begin(), q.choices.end(),
                    [](const prompt::Choice& c) { return c.disabled; })) {
      return tl::unexpected(data_error(source, where + ": at least one choice must be selectable"));
    }
  }

  if (const Value* r = o.find("required")) q.required = r->js_truthy();

  if (const Value* p = o.find("pattern"); p && !p->is_nil()) {
    if (q.kind != prompt::Kind::kInput && q.kind != prompt::Kind::kPassword) {
      return tl::unexpected(
          data_error(source, where + ": 'pattern' applies to input, text and password questions"));
    }
    std::string source_text = text_of(*p);
    std::shared_ptr<std::regex> re;
    try {
      re = std::make_shared<std::regex>(source_text, std::regex::ECMAScript);
    } catch (const std::regex_error& e) {
      return tl::unexpected(
          data_error(source, where + ": bad pattern '" + source_text + "': " + e.what()));
    }
    q.validate = [re, source_text](const Value& answer) -> std::optional<std::string> {
      std::string text = answer.is_string() ? answer.as_string() : answer.to_output();
      if (std::regex_search(text, *re)) return std::nullopt;
      return "Must match pattern: " + source_text;
    };
  }
  return q;
}

std::string name_list(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += "\n  " + line;
  return out;
}

}  // namespace

Result<std::vector<prompt::Question>> parse_questions(std::string_view text,
                                                      const std::string& source_name) {
  auto doc = parse_document(text, source_name);
  if (!doc) return tl::unexpected(doc.error());
  if (!doc->is_array()) {
    return tl::unexpected(data_error(source_name, "expected a list of questions"));
  }
  std::vector<prompt::Question> questions;
  std::set<std::string, std::less<>> names;
  for (std::size_t i = 0; i < doc->as_array().size(); ++i) {
    auto q = parse_question(doc->as_array()[i], i, source_name);
    if (!q) return tl::unexpected(q.error());
    if (!names.insert(q->name).second) {
      return tl::unexpected(data_error(
          source_name,
          "question " + std::to_string(i + 1) + ": the name '" + q->name + "' is used twice"));
    }
    questions.push_back(std::move(*q));
  }
  return questions;
}

Status prompt_command(Context& ctx, std::span<const std::string> args) {
  return prompt_command_with(ctx, args, nullptr);
}

Status prompt_command_with(Context& ctx, std::span<const std::string> args,
                           prompt::Prompter* given) {
  std::string path;
  bool defaults = false;
  {
    CLI::App parser{"prompt", "hypergen prompt"};
    parser.set_help_flag();
    parser.allow_extras(false);
    parser.add_flag("--defaults", defaults);
    parser.add_option("file", path)->required();
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    try {
      parser.parse(reversed);
    } catch (const CLI::ParseError& e) {
      std::string what = e.what();
      if (what.find("file is required") != std::string::npos) what = "missing FILE";
      return make_error(ErrorKind::kUsage, "prompt: " + what + "\n" + kPromptUsage);
    }
  }

  std::string text;
  std::string source = path;
  if (path == "-") {
    text = ctx.console.read_all_stdin();
    source = "<stdin>";
  } else {
    auto read = ctx.fs.read_file(path);
    if (!read) return tl::unexpected(read.error());
    text = std::move(*read);
  }
  auto questions = parse_questions(text, source);
  if (!questions) return tl::unexpected(questions.error());

  std::unique_ptr<prompt::Prompter> owned;
  prompt::Prompter* prompter = given;
  if (!prompter && !defaults) {
    owned = prompt::make_prompter(ctx.console.stdin_is_tty() && ctx.console.stderr_is_tty(),
                                  use_color(ctx.env, ctx.console.stderr_is_tty()));
    prompter = owned.get();
  }

  liquid::Object answers;
  std::vector<std::string> unanswered;
  for (const prompt::Question& q : *questions) {
    if (defaults) {
      auto value = prompt::default_answer(q);
      if (!value) return tl::unexpected(value.error());
      if (q.required && prompt::is_empty_answer(*value)) {
        unanswered.push_back(q.name + " (required, no initial value)");
        continue;
      }
      if (auto problem = prompt::check_answer(q, *value)) {
        unanswered.push_back(q.name + " (initial value refused: " + *problem + ")");
        continue;
      }
      answers.set(q.name, std::move(*value));
      continue;
    }
    auto answer = prompter->ask(q);
    if (!answer) return tl::unexpected(answer.error());
    if (!*answer) {
      unanswered.push_back(q.name);
      continue;
    }
    answers.set(q.name, std::move(**answer));
  }

  if (!unanswered.empty()) {
    std::string count =
        std::to_string(unanswered.size()) + (unanswered.size() == 1 ? " question" : " questions");
    if (defaults) {
      return make_error(ErrorKind::kMissingInput,
                        count + " without an acceptable initial value:" + name_list(unanswered));
    }
    return make_error(ErrorKind::kMissingInput,
                      count +
                          " unanswered (no terminal to ask on; --defaults takes the initial "
                          "values):" +
                          name_list(unanswered));
  }
  ctx.console.out(liquid::to_json(Value(std::move(answers))) + "\n");
  return {};
}

}  // namespace hypergen::app
