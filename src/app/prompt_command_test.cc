#include "app/prompt_command.h"

#include <gtest/gtest.h>

#include "prompt/scripted_terminal.h"
#include "prompt/terminal_prompter.h"
#include "support/fake_console.h"
#include "util/fs_memory.h"

namespace hypergen::app {
namespace {

// stdin holds the question file; out/err are kept.
struct Outcome {
  Status status;
  std::string out;
  std::string err;
};

Outcome run(std::vector<std::string> args, std::string file_text,
            prompt::Prompter* prompter = nullptr, bool tty = false) {
  MemoryFileSystem fs;
  fs.add_file("/w/q.yml", file_text);
  fs.add_file("/w/q.json", file_text);
  hypergen::testing::FakeConsole console;
  console.tty = tty;
  console.stdin_data = file_text;
  MapEnvironment env;
  Context ctx{fs, console, env, "/w"};
  Status s = prompt_command_with(ctx, args, prompter);
  return {s, console.out_text, console.err_text};
}

constexpr char kQuestions[] = R"(
- type: input
  name: title
  message: Title?
  initial: Hello
- type: confirm
  name: ok
  message: Sure?
- type: select
  name: color
  message: Color?
  choices: [red, {name: green, disabled: true}, {name: blue, hint: nice}]
  initial: blue
- type: multiselect
  name: tags
  choices: [a, b, c]
  initial: [c]
- type: numeral
  name: count
  initial: 3
)";

TEST(PromptCommand, ParsesYamlAndJsonQuestionLists) {
  auto qs = parse_questions(kQuestions, "q.yml");
  ASSERT_TRUE(qs) << qs.error().describe();
  ASSERT_EQ(qs->size(), 5u);
  EXPECT_EQ((*qs)[0].kind, prompt::Kind::kInput);
  EXPECT_EQ((*qs)[0].initial, liquid::Value("Hello"));
  EXPECT_EQ((*qs)[2].choices.size(), 3u);
  EXPECT_TRUE((*qs)[2].choices[1].disabled);
  EXPECT_EQ((*qs)[2].choices[2].hint, "nice");
  EXPECT_EQ((*qs)[3].message, "tags");  // defaults to the name
  EXPECT_EQ((*qs)[4].initial, liquid::Value(3));

  auto js = parse_questions(R"([{"type":"text","name":"a","choices":[]},
      {"type":"number","name":"n","default":2}])",
                            "q.json");
  ASSERT_TRUE(js);
  EXPECT_EQ((*js)[0].kind, prompt::Kind::kInput);
  EXPECT_EQ((*js)[1].kind, prompt::Kind::kNumeral);
  EXPECT_EQ((*js)[1].initial, liquid::Value(2));
}

TEST(PromptCommand, RejectsBadQuestionLists) {
  auto error_of = [](std::string_view text) {
    auto r = parse_questions(text, "q.yml");
    return r ? std::string("ok") : r.error().message;
  };
  EXPECT_EQ(error_of("a: 1"), "expected a list of questions");
  EXPECT_EQ(error_of("- type: input"), "question 1: 'name' (a string) is required");
  EXPECT_EQ(error_of("- {name: a, type: list}"),
            "question 1 ('a'): unknown type 'list' (input, text, password, numeral, number, "
            "confirm, select, autocomplete, multiselect)");
  EXPECT_EQ(error_of("- {name: a, type: select}"),
            "question 1 ('a'): a select question needs a non-empty 'choices' list");
  EXPECT_EQ(error_of("- {name: a, type: select, choices: [{name: x, disabled: true}]}"),
            "question 1 ('a'): at least one choice must be selectable");
  EXPECT_EQ(error_of("- {name: a, type: confirm, pattern: x}"),
            "question 1 ('a'): 'pattern' applies to input, text and password questions");
  EXPECT_EQ(error_of("- {name: a, pattern: '('}").rfind("question 1 ('a'): bad pattern '('", 0),
            0u);
  EXPECT_EQ(error_of("- {name: a}\n- {name: a}"), "question 2: the name 'a' is used twice");
  auto yaml_error = parse_questions("- [", "q.yml");
  ASSERT_FALSE(yaml_error);
  EXPECT_EQ(yaml_error.error().kind, ErrorKind::kData);
  EXPECT_EQ(yaml_error.error().where.file, "q.yml");
}

TEST(PromptCommand, WithoutATerminalListsTheUnansweredQuestions) {
  Outcome r = run({"/w/q.yml"}, kQuestions);
  ASSERT_FALSE(r.status);
  EXPECT_EQ(r.status.error().kind, ErrorKind::kMissingInput);
  EXPECT_EQ(r.status.error().message,
            "5 questions unanswered (no terminal to ask on; --defaults takes the initial values):"
            "\n  title\n  ok\n  color\n  tags\n  count");
  EXPECT_EQ(r.out, "");
}

TEST(PromptCommand, DefaultsTakeTheInitialValues) {
  Outcome r = run({"--defaults", "/w/q.yml"}, kQuestions);
  ASSERT_TRUE(r.status) << r.status.error().message;
  EXPECT_EQ(r.out, R"({"title":"Hello","ok":false,"color":"blue","tags":["c"],"count":3})"
                   "\n");
  Outcome stdin_run = run({"-", "--defaults"}, kQuestions);
  EXPECT_EQ(stdin_run.out, r.out);
}

TEST(PromptCommand, DefaultsStillCheckRequiredAndPattern) {
  Outcome r =
      run({"--defaults", "/w/q.yml"},
          "- {name: a, required: true}\n- {name: b, pattern: '^x', initial: y}\n- {name: c}\n");
  ASSERT_FALSE(r.status);
  EXPECT_EQ(r.status.error().kind, ErrorKind::kMissingInput);
  EXPECT_EQ(r.status.error().message,
            "2 questions without an acceptable initial value:\n  a (required, no initial value)\n"
            "  b (initial value refused: Must match pattern: ^x)");
}

TEST(PromptCommand, AsksOnATerminalAndPrintsJson) {
  prompt::ScriptedTerminal t(
      "\r"          // title: the initial value
      "y"           // ok
      "\x1b[A\r"    // color: up from blue → red
      " \r"         // tags: a on (c stays on)
      "\x1b[A\r");  // count: 4
  prompt::TerminalPrompter p(t, false);
  Outcome r = run({"/w/q.yml"}, kQuestions, &p, true);
  ASSERT_TRUE(r.status) << r.status.error().message;
  EXPECT_EQ(r.out, R"({"title":"Hello","ok":true,"color":"red","tags":["a","c"],"count":4})"
                   "\n");
  EXPECT_EQ(t.screen(),
            "✔ Title? · Hello\n✔ Sure? (y/N) · true\n✔ Color? · red\n✔ tags · a, c\n✔ count · 4");
}

TEST(PromptCommand, PatternIsCheckedWhileAsking) {
  prompt::ScriptedTerminal t("ab\r\x15x1\r");
  prompt::TerminalPrompter p(t, false);
  Outcome r = run({"/w/q.yml"}, "- name: id\n  message: Id?\n  pattern: '^x[0-9]+$'\n", &p, true);
  ASSERT_TRUE(r.status);
  EXPECT_EQ(r.out, "{\"id\":\"x1\"}\n");
  EXPECT_NE(t.output().find("❯ Must match pattern: ^x[0-9]+$"), std::string::npos);
}

TEST(PromptCommand, InterruptIsAnError) {
  prompt::ScriptedTerminal t("a\x03");
  prompt::TerminalPrompter p(t, false);
  Outcome r = run({"/w/q.yml"}, kQuestions, &p, true);
  ASSERT_FALSE(r.status);
  EXPECT_EQ(r.status.error().kind, ErrorKind::kInterrupted);
  EXPECT_EQ(r.out, "");
}

TEST(PromptCommand, UsageErrors) {
  Outcome none = run({}, kQuestions);
  ASSERT_FALSE(none.status);
  EXPECT_EQ(none.status.error().kind, ErrorKind::kUsage);
  Outcome missing = run({"/w/nope.yml"}, kQuestions);
  ASSERT_FALSE(missing.status);
  EXPECT_NE(missing.status.error().kind, ErrorKind::kUsage);
}

}  // namespace
}  // namespace hypergen::app
