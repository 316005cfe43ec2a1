#include "apply/journal.h"

#include <gtest/gtest.h>
#include <xxhash.h>

#include <cstdio>

namespace hypergen::apply {
namespace {

Journal sample() {
  Journal j;
  j.state = Journal::State::kCommitted;
  j.id = "123-abcdef01";
  j.created_dirs = {"/p/new dir", "/p/new dir/sub"};
  j.trees = {{"/p/new dir", "/p/.new dir.hg-123-abcdef01-d0.new"}};
  JournalFile a;
  a.kind = FileChange::Kind::kCreate;
  a.target = "/p/new dir/sub/a%b.ts";
  a.staged = "/p/.new dir.hg-123-abcdef01-d0.new/sub/a%b.ts";
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
  EXPECT_EQ(text.rfind("hypergen-journal 2\nstate committed\n", 0), 0u);
  EXPECT_NE(text.find("dir /p/new%20dir\n"), std::string::npos);
  EXPECT_NE(text.find("tree /p/new%20dir /p/.new%20dir.hg-123-abcdef01-d0.new\n"),
            std::string::npos);
  EXPECT_NE(text.find("file inject 0755 /p/line%0Abreak "), std::string::npos);
  auto back = decode_journal(text);
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(back->state, Journal::State::kCommitted);
  EXPECT_EQ(back->id, j.id);
  EXPECT_EQ(back->created_dirs, j.created_dirs);
  ASSERT_EQ(back->trees.size(), 1u);
  EXPECT_EQ(back->trees[0].target, "/p/new dir");
  EXPECT_EQ(back->trees[0].staged, j.trees[0].staged);
  ASSERT_EQ(back->files.size(), 2u);
  EXPECT_EQ(back->files[0].staged, j.files[0].staged);
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
  std::string v3 = encode_journal(sample());
  v3.replace(0, 18, "hypergen-journal 3");
  EXPECT_FALSE(decode_journal(v3));
}

// With its checksum line recomputed.
std::string resealed(std::string text) {
  text.erase(text.rfind("xxh64 "));
  char sum[17];
  std::snprintf(sum, sizeof sum, "%016llx",
                static_cast<unsigned long long>(XXH64(text.data(), text.size(), 0)));
  return text + "xxh64 " + sum + "\n";
}

// A journal left by a version that wrote format 1 (no trees) is still
// recovered after an upgrade; a tree line in it is not expected but harmless.
TEST(Journal, ReadsVersionOne) {
  Journal j = sample();
  j.trees.clear();
  j.files[0].staged = "/p/new dir/sub/.a%b.ts.hg-123-abcdef01-0.new";
  std::string text = encode_journal(j);
  text.replace(0, 18, "hypergen-journal 1");
  auto back = decode_journal(resealed(text));
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_TRUE(back->trees.empty());
  EXPECT_EQ(back->files[0].staged, j.files[0].staged);
  std::string broken = encode_journal(sample());
  broken.replace(broken.find("tree "), 5, "tree /relative ");
  EXPECT_FALSE(decode_journal(resealed(broken)));
}

}  // namespace
}  // namespace hypergen::apply
