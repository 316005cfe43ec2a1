#include "prompt/terminal_prompter.h"

#include <gtest/gtest.h>

#include "liquid/json.h"
#include "prompt/scripted_terminal.h"

namespace hypergen::prompt {
namespace {

using liquid::Value;

struct Asked {
  Result<std::optional<Value>> answer;
  std::string screen;
  std::string last_line;
  std::string output;
  bool raw_after = false;
};

Asked ask(const Question& q, std::string keys, bool color = false, TerminalSize size = {}) {
  ScriptedTerminal t(std::move(keys), size);
  TerminalPrompter prompter(t, color);
  Asked a{prompter.ask(q), t.screen(), t.last_line(), t.output(), t.raw()};
  return a;
}

Question input(std::string message = "Name?", Value initial = {}) {
  Question q;
  q.kind = Kind::kInput;
  q.name = "name";
  q.message = std::move(message);
  q.initial = std::move(initial);
  return q;
}

Question choices(Kind kind, std::vector<Choice> list, Value initial = {}) {
  Question q;
  q.kind = kind;
  q.name = "pick";
  q.message = "Pick?";
  q.choices = std::move(list);
  q.initial = std::move(initial);
  return q;
}

std::vector<Choice> colors() {
  return {Choice{"red", "", "", false}, Choice{"green", "", "", true},
          Choice{"blue", "Blue", "nice", false}};
}

std::string answer_text(const Asked& a) {
  if (!a.answer) return "error: " + a.answer.error().message;
  if (!*a.answer) return "unanswered";
  return (*a.answer)->to_output();
}

// --- input ---------------------------------------------------------------

TEST(TerminalPrompter, InputTypedTextAndFinalLine) {
  Asked a = ask(input(), "hello\r");
  EXPECT_EQ(answer_text(a), "hello");
  EXPECT_EQ(a.screen, "✔ Name? · hello");
  EXPECT_FALSE(a.raw_after);
}

TEST(TerminalPrompter, InputInitialIsAPlaceholderTakenOnEnter) {
  Asked a = ask(input("Name?", "world"), "\r");
  EXPECT_EQ(answer_text(a), "world");
  EXPECT_EQ(a.last_line, "✔ Name? · world");
  // While pending the placeholder is shown after the prompt.
  Asked pending = ask(input("Name?", "world"), "");
  EXPECT_EQ(pending.screen, "✖ Name? ·");  // the script ran out: cancelled
  EXPECT_NE(pending.output.find("? Name? › world"), std::string::npos);
}

TEST(TerminalPrompter, InputTypingReplacesThePlaceholder) {
  EXPECT_EQ(answer_text(ask(input("Name?", "world"), "wo\r")), "wo");
  EXPECT_EQ(answer_text(ask(input("Name?", "world"), "x\r")), "x");
  // Tab completes the placeholder.
  EXPECT_EQ(answer_text(ask(input("Name?", "world"), "wo\t!\r")), "world!");
}

TEST(TerminalPrompter, InputCursorEditing) {
  // Left twice, insert; Home, insert; End, insert.
  EXPECT_EQ(answer_text(ask(input(), "abc\x1b[D\x1b[DX\x1b[HS\x1b[FE\r")), "SaXbcE");
  // Ctrl-A / Ctrl-E.
  EXPECT_EQ(answer_text(ask(input(),
                            "bc\x01"
                            "a\x05"
                            "d\r")),
            "abcd");
  // Backspace, Delete.
  EXPECT_EQ(answer_text(ask(input(), "abcd\x7f\x1b[D\x1b[D\x1b[3~\r")), "ac");
  // Ctrl-U kills to the start, Ctrl-K to the end.
  EXPECT_EQ(answer_text(ask(input(), "abc\x1b[D\x15X\r")), "Xc");
  EXPECT_EQ(answer_text(ask(input(), "abc\x1b[D\x1b[D\x0bX\r")), "aX");
  // Ctrl-W deletes the word before the cursor (and the spaces before it).
  EXPECT_EQ(answer_text(ask(input(), "foo bar  \x17\r")), "foo ");
  // Right at the end and Left at the start do nothing.
  EXPECT_EQ(answer_text(ask(input(), "\x1b[Dab\x1b[C\x1b[Cc\r")), "abc");
}

TEST(TerminalPrompter, InputUtf8AndWideCharacters) {
  Asked a = ask(input(), "日本é\x7f語\r");
  EXPECT_EQ(answer_text(a), "日本語");
  EXPECT_EQ(a.screen, "✔ Name? · 日本語");
  // The cursor is placed by display width: after "? Name? › 日" it is at
  // column 12 (the wide character takes two).
  ScriptedTerminal t("日本\x1b[D");
  TerminalPrompter p(t, false);
  (void)p.ask(input());
  EXPECT_EQ(t.screen(), "✖ Name? · 日本");
}

TEST(TerminalPrompter, CursorColumnFollowsDisplayWidth) {
  ScriptedTerminal t("日本\x1b[D");
  TerminalPrompter p(t, false);
  // Stop before the end of the script: replay the output up to the last
  // draw of the pending question and look at the cursor.
  Question q = input();
  (void)p.ask(q);
  ScreenModel model(80);
  std::string out = t.output();
  std::size_t cancel = out.rfind("✖");
  model.feed(out.substr(0, out.rfind("\x1b[?25l", cancel)));
  EXPECT_EQ(model.cursor_row(), 0);
  EXPECT_EQ(model.cursor_column(), 12);  // "? Name? › " is 10, "日" 2 more
}

// --- password --------------------------------------------------------------

TEST(TerminalPrompter, PasswordIsMaskedEverywhere) {
  Question q = input("Secret?");
  q.kind = Kind::kPassword;
  Asked a = ask(q, "s3cret\r");
  EXPECT_EQ(answer_text(a), "s3cret");
  EXPECT_EQ(a.screen, "✔ Secret? · ******");
  EXPECT_EQ(a.output.find("s3cret"), std::string::npos);
  EXPECT_NE(a.output.find("? Secret? › ***"), std::string::npos);
}

// --- numeral ---------------------------------------------------------------

TEST(TerminalPrompter, NumeralAcceptsOnlyNumbers) {
  Question q = input("Count?");
  q.kind = Kind::kNumeral;
  Asked a = ask(q, "4x2.5.1 \r");
  ASSERT_TRUE(a.answer && *a.answer);
  EXPECT_TRUE((*a.answer)->is_float());
  EXPECT_DOUBLE_EQ((*a.answer)->as_float(), 42.51);
  EXPECT_EQ(a.screen, "✔ Count? · 42.51");

  Asked whole = ask(q, "-12\r");
  ASSERT_TRUE(whole.answer && *whole.answer);
  EXPECT_TRUE((*whole.answer)->is_int());
  EXPECT_EQ((*whole.answer)->as_int(), -12);

  Asked empty = ask(q, "\r");
  EXPECT_EQ(answer_text(empty), "0");
}

TEST(TerminalPrompter, NumeralStartsWithInitialAndStepsWithArrows) {
  Question q = input("Count?", Value(3));
  q.kind = Kind::kNumeral;
  EXPECT_EQ(answer_text(ask(q, "\r")), "3");
  EXPECT_EQ(answer_text(ask(q, "\x1b[A\x1b[A\r")), "5");
  EXPECT_EQ(answer_text(ask(q, "\x1b[B\r")), "2");
  EXPECT_EQ(answer_text(ask(q,
                            "\x7f"
                            "7\r")),
            "7");
  // Not a number (just "-"): the initial value.
  EXPECT_EQ(answer_text(ask(q, "\x7f-\r")), "3");
}

// --- confirm ---------------------------------------------------------------

TEST(TerminalPrompter, ConfirmAnswersOnOneKey) {
  Question q = input("Sure?");
  q.kind = Kind::kConfirm;
  Asked yes = ask(q, "y");
  ASSERT_TRUE(yes.answer && *yes.answer);
  EXPECT_EQ(**yes.answer, Value(true));
  EXPECT_EQ(yes.screen, "✔ Sure? (y/N) · true");
  Asked no = ask(q, "xN");  // x is ignored
  EXPECT_EQ(**no.answer, Value(false));
  Asked enter = ask(q, "\r");
  EXPECT_EQ(**enter.answer, Value(false));
  EXPECT_NE(enter.output.find("? Sure? (y/N) › false"), std::string::npos);

  q.initial = Value(true);
  Asked def = ask(q, "\r");
  EXPECT_EQ(**def.answer, Value(true));
  EXPECT_EQ(def.screen, "✔ Sure? (Y/n) · true");
  EXPECT_EQ(**ask(q, "0").answer, Value(false));
  EXPECT_EQ(**ask(q, "T").answer, Value(true));
}

// --- select ----------------------------------------------------------------

TEST(TerminalPrompter, SelectMovesSkipsDisabledAndWraps) {
  Question q = choices(Kind::kSelect, colors());
  Asked first = ask(q, "\r");
  EXPECT_EQ(answer_text(first), "red");
  EXPECT_EQ(first.screen, "✔ Pick? · red");
  // Down skips the disabled green.
  EXPECT_EQ(answer_text(ask(q, "\x1b[B\r")), "blue");
  // Up from the first wraps to the last; Down from the last to the first.
  EXPECT_EQ(answer_text(ask(q, "\x1b[A\r")), "blue");
  EXPECT_EQ(answer_text(ask(q, "\x1b[B\x1b[B\r")), "red");
  // Tab and Shift-Tab move too; other keys do nothing.
  EXPECT_EQ(answer_text(ask(q, "x \t\r")), "blue");
}

TEST(TerminalPrompter, SelectInitialByNameOrIndex) {
  EXPECT_EQ(answer_text(ask(choices(Kind::kSelect, colors(), Value("blue")), "\r")), "blue");
  EXPECT_EQ(answer_text(ask(choices(Kind::kSelect, colors(), Value(2)), "\r")), "blue");
  // A disabled initial moves on to the next selectable choice.
  EXPECT_EQ(answer_text(ask(choices(Kind::kSelect, colors(), Value("green")), "\r")), "blue");
  EXPECT_EQ(answer_text(ask(choices(Kind::kSelect, colors(), Value("nope")), "\r")), "red");
}

TEST(TerminalPrompter, SelectListLooksLikeEnquirer) {
  Asked a = ask(choices(Kind::kSelect, colors()), "\x1b[B");
  // The pending list as it was last drawn (before the script ran out).
  EXPECT_NE(a.output.find("? Pick? … \n  red\n  green (disabled)\n❯ Blue nice"), std::string::npos)
      << a.output;
}

TEST(TerminalPrompter, SelectScrollsLongLists) {
  std::vector<Choice> many;
  for (int i = 0; i < 30; ++i) many.push_back(Choice{"c" + std::to_string(i), "", "", false});
  ScriptedTerminal t("\x1b[A", {80, 10});
  TerminalPrompter p(t, false);
  (void)p.ask(choices(Kind::kSelect, many));
  std::string out = t.output();
  // Up from the first wraps to c29; the window shows the 9 rows that fit.
  std::size_t last_draw = out.rfind("? Pick? …");
  ASSERT_NE(last_draw, std::string::npos);
  std::string frame = out.substr(last_draw, out.find("\x1b[", last_draw + 12) - last_draw);
  EXPECT_NE(frame.find("❯ c29"), std::string::npos) << frame;
  EXPECT_NE(frame.find("  c21"), std::string::npos) << frame;
  EXPECT_EQ(frame.find("c20"), std::string::npos) << frame;
  EXPECT_EQ(answer_text(ask(choices(Kind::kSelect, many), "\x1b[6~\r", false, {80, 10})), "c9");
}

TEST(TerminalPrompter, NoSelectableChoiceIsAnError) {
  Asked a = ask(choices(Kind::kSelect, {Choice{"x", "", "", true}}), "\r");
  ASSERT_FALSE(a.answer);
  EXPECT_EQ(a.answer.error().kind, ErrorKind::kData);
  EXPECT_EQ(a.output, "");  // nothing drawn
}

// --- autocomplete ----------------------------------------------------------

TEST(TerminalPrompter, AutocompleteFiltersByTyping) {
  std::vector<Choice> fw = {{"react", "", "", false},
                            {"preact", "", "", false},
                            {"vue", "", "", false},
                            {"svelte", "Svelte", "", false}};
  Question q = choices(Kind::kAutocomplete, fw);
  Asked a = ask(q, "vu\r");
  EXPECT_EQ(answer_text(a), "vue");
  EXPECT_EQ(a.screen, "✔ Pick? · vue");
  // Case-insensitive, on the message; Down moves within the matches.
  EXPECT_EQ(answer_text(ask(q, "RE\x1b[B\r")), "preact");
  EXPECT_EQ(answer_text(ask(q, "SV\r")), "svelte");
  // No match: Enter does nothing until Backspace brings choices back.
  Asked none = ask(q, "zz\r\x7f\x7f\r");
  EXPECT_EQ(answer_text(none), "react");
  EXPECT_NE(none.output.find("No matching choices"), std::string::npos);
  // Space is typed, not a toggle.
  Question kit =
      choices(Kind::kAutocomplete, {{"sk", "Svelte Kit", "", false}, {"s", "", "", false}});
  EXPECT_EQ(answer_text(ask(kit, "e k\r")), "sk");
}

// --- multiselect -------------------------------------------------------------

std::string json(const Asked& a) {
  if (!a.answer || !*a.answer) return answer_text(a);
  return liquid::to_json(**a.answer);
}

std::vector<Choice> tags() {
  return {
      {"a", "", "", false}, {"b", "", "", false}, {"x", "", "", true}, {"c", "Cee", "h", false}};
}

TEST(TerminalPrompter, MultiselectSpaceTogglesAndInitialIsPreselected) {
  Question q = choices(Kind::kMultiSelect, tags(), Value(liquid::Array{Value("b")}));
  EXPECT_EQ(json(ask(q, "\r")), R"(["b"])");
  Asked a = ask(q, " \x1b[B \x1b[B \r");  // a on, b off, (x skipped) c on
  EXPECT_EQ(json(a), R"(["a","c"])");
  EXPECT_EQ(a.screen, "✔ Pick? · a, c");
  // Results keep the choice order, whatever the toggling order.
  EXPECT_EQ(json(ask(q, "\x1b[A \x1b[A\x1b[A \r")), R"(["a","b","c"])");
}

TEST(TerminalPrompter, MultiselectAllInvertAndEmpty) {
  Question q = choices(Kind::kMultiSelect, tags());
  EXPECT_EQ(json(ask(q, "a\r")), R"(["a","b","c"])");  // never the disabled x
  EXPECT_EQ(json(ask(q, "aa\r")), R"([])");
  EXPECT_EQ(json(ask(q, " i\r")), R"(["b","c"])");
  Asked empty = ask(q, "\r");
  EXPECT_EQ(json(empty), "[]");
  EXPECT_EQ(empty.screen, "✔ Pick? · No items were selected");
  // Space on a disabled choice cannot reach it: the focus skips it.
  EXPECT_EQ(json(ask(q, "\x1b[B\x1b[B \r")), R"(["c"])");
}

TEST(TerminalPrompter, MultiselectRowsWithoutColourShowPointerAndMarks) {
  Question q = choices(Kind::kMultiSelect, tags(), Value(liquid::Array{Value("b")}));
  Asked a = ask(q, "");
  EXPECT_NE(a.output.find("? Pick? … \n❯ ◯ a\n  ◉ b\n  ◯ x (disabled)\n  ◯ Cee h"),
            std::string::npos)
      << a.output;
}

TEST(TerminalPrompter, MultiselectRequiredNeedsOneItem) {
  Question q = choices(Kind::kMultiSelect, tags());
  q.required = true;
  Asked a = ask(q, "\r \r");
  EXPECT_EQ(json(a), R"(["a"])");
  EXPECT_NE(a.output.find("❯ Invalid input"), std::string::npos);
}

// --- validation, interrupts, colour, layout ----------------------------------

TEST(TerminalPrompter, ValidationShowsTheMessageAndAsksAgain) {
  Question q = input();
  int calls = 0;
  q.validate = [&](const Value& v) -> std::optional<std::string> {
    ++calls;
    if (v.as_string().size() < 2) return std::string("  Too short\n");
    return std::nullopt;
  };
  Asked a = ask(q, "x\ry\r");
  EXPECT_EQ(answer_text(a), "xy");
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(a.screen, "✔ Name? · xy");
  // Shown under the question after a blank line, with a bell.
  EXPECT_NE(a.output.find("? Name? › x\n\n❯ Too short"), std::string::npos) << a.output;
  EXPECT_NE(a.output.find('\a'), std::string::npos);
}

TEST(TerminalPrompter, RequiredRefusesEmptyInput) {
  Question q = input();
  q.required = true;
  Asked a = ask(q, "\r\rok\r");
  EXPECT_EQ(answer_text(a), "ok");
  EXPECT_NE(a.output.find("❯ Invalid input"), std::string::npos);
  // The error goes away with the next key.
  Asked pending = ask(q, "\rz");
  EXPECT_EQ(pending.screen, "✖ Name? · z");
}

TEST(TerminalPrompter, CtrlCAndEscapeInterrupt) {
  for (std::string key : {"\x03", "\x1b"}) {
    Asked a = ask(input(), "ab" + key);
    ASSERT_FALSE(a.answer);
    EXPECT_EQ(a.answer.error().kind, ErrorKind::kInterrupted);
    EXPECT_EQ(a.screen, "✖ Name? · ab");
    EXPECT_FALSE(a.raw_after);
  }
  Asked sel = ask(choices(Kind::kSelect, colors()), "\x1b[B\x03");
  ASSERT_FALSE(sel.answer);
  EXPECT_EQ(sel.answer.error().kind, ErrorKind::kInterrupted);
  EXPECT_EQ(sel.screen, "✖ Pick? ·");
}

TEST(TerminalPrompter, TerminalErrorsEndTheQuestionAndLeaveRawMode) {
  ScriptedTerminal t("ab");
  TerminalPrompter p(t, false);
  auto r = p.ask(input());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::kIo);
  EXPECT_FALSE(t.raw());
  EXPECT_EQ(t.raw_entries(), 1);
}

TEST(TerminalPrompter, ColourOnlyWhenAllowed) {
  Asked plain = ask(input(), "hi\r", false);
  EXPECT_EQ(plain.output.find("\x1b[3"), std::string::npos);
  EXPECT_EQ(plain.output.find("\x1b[1m"), std::string::npos);
  Asked colored = ask(input(), "hi\r", true);
  EXPECT_NE(colored.output.find("\x1b[36m?\x1b[39m \x1b[1mName?\x1b[22m \x1b[2m›\x1b[22m"),
            std::string::npos);
  EXPECT_NE(colored.output.find("\x1b[32m✔\x1b[39m \x1b[1mName?\x1b[22m \x1b[2m·\x1b[22m "
                                "\x1b[32mhi\x1b[39m"),
            std::string::npos);
  EXPECT_EQ(colored.screen, "✔ Name? · hi");
  Asked sel = ask(choices(Kind::kSelect, colors()), "\r", true);
  EXPECT_NE(sel.output.find("\x1b[36m❯\x1b[39m \x1b[36m\x1b[4mred\x1b[24m\x1b[39m"),
            std::string::npos);
  EXPECT_EQ(sel.screen, "✔ Pick? · red");
}

TEST(TerminalPrompter, LongLinesWrapAndAreRedrawnCleanly) {
  Question q = input("A question that is longer than the terminal is wide");
  Asked a = ask(q, "abcdefghij\x7f\x7f\x1b[D\x1b[DX\r", false, {20, 24});
  EXPECT_EQ(answer_text(a), "abcdefXgh");
  EXPECT_EQ(a.screen,
            "✔ A question that is\n"
            " longer than the ter\n"
            "minal is wide · abcd\n"
            "efXgh");
}

TEST(TerminalPrompter, ResizeRedraws) {
  ScriptedTerminal t("ab", {30, 24});
  TerminalPrompter p(t, false);
  t.type("");
  // Resize before the first key: the question is drawn again at 20 columns.
  t.resize({20, 24});
  t.type("c\r");
  auto r = p.ask(input("Twelve chars"));
  ASSERT_TRUE(r && *r);
  EXPECT_EQ((*r)->as_string(), "abc");
  EXPECT_EQ(t.screen(), "✔ Twelve chars · abc");
}

TEST(TerminalPrompter, SeveralQuestionsLeaveTheirLinesInOrder) {
  ScriptedTerminal t("one\ry\x1b[B\r");
  TerminalPrompter p(t, false);
  Question confirm = input("Sure?");
  confirm.kind = Kind::kConfirm;
  ASSERT_TRUE(p.ask(input()));
  ASSERT_TRUE(p.ask(confirm));
  ASSERT_TRUE(p.ask(choices(Kind::kSelect, colors())));
  EXPECT_EQ(t.screen(), "✔ Name? · one\n✔ Sure? (y/N) · true\n✔ Pick? · blue");
  EXPECT_EQ(t.raw_entries(), 3);
  EXPECT_FALSE(t.raw());
}

TEST(TerminalPrompter, CtrlZSuspends) {
  ScriptedTerminal t(
      "a\x1a"
      "b\r");
  TerminalPrompter p(t, false);
  auto r = p.ask(input());
  ASSERT_TRUE(r && *r);
  EXPECT_EQ((*r)->as_string(), "ab");
  EXPECT_EQ(t.suspends(), 1);
}

}  // namespace
}  // namespace hypergen::prompt
