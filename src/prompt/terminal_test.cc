#include "prompt/terminal.h"

#include <gtest/gtest.h>

#include "prompt/scripted_terminal.h"

namespace hypergen::prompt {
namespace {

Key decode_one(std::string_view bytes, std::size_t* used_out = nullptr, bool complete = true) {
  std::size_t used = 0;
  auto key = decode_key(bytes, complete, used);
  if (used_out) *used_out = used;
  return key.value_or(Key::of(KeyType::kUnknown));
}

TEST(DecodeKey, ControlKeysAndEnter) {
  EXPECT_EQ(decode_one("\r").type, KeyType::kEnter);
  EXPECT_EQ(decode_one("\n").type, KeyType::kEnter);
  EXPECT_EQ(decode_one("\x7f").type, KeyType::kBackspace);
  EXPECT_EQ(decode_one("\b").type, KeyType::kBackspace);
  EXPECT_EQ(decode_one("\t").type, KeyType::kTab);
  EXPECT_EQ(decode_one(" ").type, KeyType::kSpace);
  Key c = decode_one("\x03");
  EXPECT_EQ(c.type, KeyType::kCtrl);
  EXPECT_EQ(c.ctrl, 'c');
  EXPECT_EQ(decode_one("\x01").ctrl, 'a');
  EXPECT_EQ(decode_one("\x05").ctrl, 'e');
  EXPECT_EQ(decode_one("\x15").ctrl, 'u');
  EXPECT_EQ(decode_one("\x17").ctrl, 'w');
}

TEST(DecodeKey, ArrowsAndEditingSequences) {
  EXPECT_EQ(decode_one("\x1b[A").type, KeyType::kUp);
  EXPECT_EQ(decode_one("\x1b[B").type, KeyType::kDown);
  EXPECT_EQ(decode_one("\x1b[C").type, KeyType::kRight);
  EXPECT_EQ(decode_one("\x1b[D").type, KeyType::kLeft);
  EXPECT_EQ(decode_one("\x1bOA").type, KeyType::kUp);
  EXPECT_EQ(decode_one("\x1b[H").type, KeyType::kHome);
  EXPECT_EQ(decode_one("\x1b[F").type, KeyType::kEnd);
  EXPECT_EQ(decode_one("\x1b[1~").type, KeyType::kHome);
  EXPECT_EQ(decode_one("\x1b[4~").type, KeyType::kEnd);
  EXPECT_EQ(decode_one("\x1b[3~").type, KeyType::kDelete);
  EXPECT_EQ(decode_one("\x1b[5~").type, KeyType::kPageUp);
  EXPECT_EQ(decode_one("\x1b[6~").type, KeyType::kPageDown);
  EXPECT_EQ(decode_one("\x1b[Z").type, KeyType::kShiftTab);
  EXPECT_EQ(decode_one("\x1b[1;5A").type, KeyType::kUp);      // Ctrl+Up
  EXPECT_EQ(decode_one("\x1b[15~").type, KeyType::kUnknown);  // F5
  std::size_t used = 0;
  EXPECT_EQ(decode_one("\x1b[Bxyz", &used).type, KeyType::kDown);
  EXPECT_EQ(used, 3u);
}

TEST(DecodeKey, EscapeAloneOnlyWhenNothingFollows) {
  std::size_t used = 99;
  EXPECT_FALSE(decode_key("\x1b", false, used).has_value());
  EXPECT_EQ(used, 0u);
  EXPECT_FALSE(decode_key("\x1b[", false, used).has_value());
  EXPECT_FALSE(decode_key("\x1b[1", false, used).has_value());
  EXPECT_EQ(decode_one("\x1b").type, KeyType::kEscape);
  Key alt_b = decode_one(
      "\x1b"
      "b",
      &used);
  EXPECT_EQ(alt_b.type, KeyType::kText);
  EXPECT_TRUE(alt_b.alt);
  EXPECT_EQ(used, 2u);
  Key alt_bs = decode_one("\x1b\x7f");
  EXPECT_EQ(alt_bs.type, KeyType::kBackspace);
  EXPECT_TRUE(alt_bs.alt);
  Key esc_esc = decode_one("\x1b\x1b");
  EXPECT_EQ(esc_esc.type, KeyType::kEscape);
}

TEST(DecodeKey, Utf8Characters) {
  std::size_t used = 0;
  Key k = decode_one("é!", &used);
  EXPECT_EQ(k.type, KeyType::kText);
  EXPECT_EQ(k.text, "é");
  EXPECT_EQ(used, 2u);
  EXPECT_EQ(decode_one("日本").text, "日");
  EXPECT_EQ(decode_one("😀").text, "😀");
  // Half a character waits for the rest; complete input gives U+FFFD.
  EXPECT_FALSE(decode_key("\xe6\x97", false, used).has_value());
  EXPECT_EQ(decode_one("\xe6\x97", &used).text, "\xef\xbf\xbd");
  EXPECT_EQ(used, 1u);
  EXPECT_EQ(decode_one("\xff").text, "\xef\xbf\xbd");
}

TEST(DisplayWidth, WideCombiningAndStyled) {
  EXPECT_EQ(display_width("abc"), 3);
  EXPECT_EQ(display_width("日本"), 4);
  EXPECT_EQ(display_width("e\xcc\x81"), 1);  // e + combining acute
  EXPECT_EQ(display_width("😀"), 2);
  EXPECT_EQ(display_width("✔ ❯ › · …"), 9);
  EXPECT_EQ(display_width("\x1b[36m?\x1b[39m \x1b[1mName\x1b[22m"), 6);
}

TEST(ScreenModel, CursorMovesAndErases) {
  ScreenModel screen(20);
  screen.feed("hello\nworld");
  EXPECT_EQ(screen.text(), "hello\nworld");
  screen.feed("\r\x1b[1A\x1b[J");
  EXPECT_EQ(screen.text(), "");
  screen.feed("abc\x1b[2Gx");
  EXPECT_EQ(screen.text(), "axc");
  screen.feed("\x1b[2K\x1b[1Gq");
  EXPECT_EQ(screen.text(), "q");
}

TEST(ScreenModel, WrapsAtTheWidthWithPendingWrap) {
  ScreenModel screen(4);
  screen.feed("abcd");
  EXPECT_EQ(screen.cursor_row(), 0);  // pending wrap: still on row 0
  screen.feed("e");
  EXPECT_EQ(screen.text(), "abcd\ne");
  ScreenModel wide(3);
  wide.feed("a日b");  // 日 does not fit in column 2..3 → wraps
  EXPECT_EQ(wide.text(), "a日\nb");
}

TEST(ScriptedTerminal, ReadsKeysThenFails) {
  ScriptedTerminal t("a\x1b[A\r");
  EXPECT_EQ(t.read_key()->text, "a");
  EXPECT_EQ(t.read_key()->type, KeyType::kUp);
  EXPECT_EQ(t.read_key()->type, KeyType::kEnter);
  auto end = t.read_key();
  ASSERT_FALSE(end);
  EXPECT_EQ(end.error().kind, ErrorKind::kIo);
}

TEST(RawModeGuard, LeavesRawModeOnScopeExit) {
  ScriptedTerminal t;
  {
    RawModeGuard guard(t);
    EXPECT_TRUE(guard.status());
    EXPECT_TRUE(t.raw());
  }
  EXPECT_FALSE(t.raw());
}

}  // namespace
}  // namespace hypergen::prompt
