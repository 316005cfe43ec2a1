#include "apply/journal.h"

#include <gtest/gtest.h>

namespace hypergen::apply {
namespace {

Journal sample() {
  Journal j;
  j.state = Journal::State::kCommitted;
  j.id = "123-abcdef01";
  j.created_dirs = {"/p/new dir", "/p/new dir/sub"};
  JournalFile a;
  a.kind = FileChange::Kind::kCreate;
  a.target = "/p/new dir/sub/a%b.ts";
  a.staged = "/p/new dir/sub/.a%b.ts.hg-123-abcdef01-0.new";
  JournalFile b;
  b.kind = FileChange::Kind::kInject;
  b.mode = 0755;
  b.has_mode = true;
  b.target = "/p/line\nbreak";
  b.staged = "/p/.line\nbreak.hg-1.new";
  b.backup = "/p/.line\nbreak.hg-1.old";
  j.files = {a, b};
  return j;
}

TEST(Journal, RoundTrips) {
  Journal j = sample();
  std::string text = encode_journal(j);
  EXPECT_EQ(text.rfind("hypergen-journal 1\nstate committed\n", 0), 0u);
  EXPECT_NE(text.find("dir /p/new%20dir\n"), std::string::npos);
  EXPECT_NE(text.find("file inject 0755 /p/line%0Abreak "), std::string::npos);
  auto back = decode_journal(text);
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(back->state, Journal::State::kCommitted);
  EXPECT_EQ(back->id, j.id);
  EXPECT_EQ(back->created_dirs, j.created_dirs);
  ASSERT_EQ(back->files.size(), 2u);
  EXPECT_EQ(back->files[0].target, j.files[0].target);
  EXPECT_FALSE(back->files[0].has_mode);
  EXPECT_TRUE(back->files[0].backup.empty());
  EXPECT_EQ(back->files[1].kind, FileChange::Kind::kInject);
  EXPECT_EQ(back->files[1].mode, 0755u);
  EXPECT_EQ(back->files[1].backup, j.files[1].backup);
}

TEST(Journal, DetectsEveryTruncation) {
  std::string text = encode_journal(sample());
  for (std::size_t n = 0; n < text.size(); ++n) {
    EXPECT_FALSE(decode_journal(text.substr(0, n))) << n;
  }
}

TEST(Journal, DetectsEveryBitFlip) {
  std::string text = encode_journal(sample());
  for (std::size_t i = 0; i < text.size(); ++i) {
    for (int bit = 0; bit < 8; ++bit) {
      std::string bad = text;
      bad[i] = static_cast<char>(bad[i] ^ (1 << bit));
      auto decoded = decode_journal(bad);
      ASSERT_FALSE(decoded) << "byte " << i << " bit " << bit;
      EXPECT_EQ(decoded.error().kind, ErrorKind::kData);
    }
  }
}

TEST(Journal, RejectsOtherVersionsAndGarbage) {
  EXPECT_FALSE(decode_journal(""));
  EXPECT_FALSE(decode_journal("\n"));
  EXPECT_FALSE(decode_journal(std::string(100, '\0')));
  std::string v2 = encode_journal(sample());
  v2.replace(0, 18, "hypergen-journal 2");
  EXPECT_FALSE(decode_journal(v2));
}

}  // namespace
}  // namespace hypergen::apply
