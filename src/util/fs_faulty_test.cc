#include "util/fs_faulty.h"

#include <gtest/gtest.h>

#include <cerrno>

#include "util/fs_memory.h"

namespace hypergen {
namespace {

TEST(FaultSpec, Parses) {
  auto faults = parse_fault_spec("kill@7, enospc@write:3,eio@rename:2+,short@write:1,freeze@4");
  ASSERT_TRUE(faults) << faults.error().message;
  ASSERT_EQ(faults->size(), 5u);
  EXPECT_EQ((*faults)[0].action, Fault::Action::kKill);
  EXPECT_EQ((*faults)[0].n, 7u);
  EXPECT_EQ((*faults)[1].action, Fault::Action::kError);
  EXPECT_EQ((*faults)[1].op, Fault::Op::kWrite);
  EXPECT_EQ((*faults)[1].error_number, ENOSPC);
  EXPECT_TRUE((*faults)[2].and_later);
  EXPECT_EQ((*faults)[3].action, Fault::Action::kShortWrite);
  EXPECT_EQ((*faults)[4].action, Fault::Action::kFreeze);
  EXPECT_TRUE((*faults)[4].and_later);
  EXPECT_TRUE(parse_fault_spec("")->empty());
}

TEST(FaultSpec, RejectsNonsense) {
  for (const char* bad : {"kill", "kill@0", "kill@x", "boom@write:1", "eio@fly:1", "eio@write",
                          "short@rename:1", "eio@write:-1"}) {
    auto r = parse_fault_spec(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().kind, ErrorKind::kUsage);
    EXPECT_NE(r.error().message.find("fault spec"), std::string::npos);
  }
}

TEST(FaultyFileSystem, FailsTheNthCallOfAnOperation) {
  MemoryFileSystem inner;
  FaultyFileSystem fs(inner, *parse_fault_spec("eacces@write:2"));
  EXPECT_TRUE(fs.write_file("/a", "1", false));
  auto second = fs.write_file("/b", "2", false);
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().kind, ErrorKind::kIo);
  EXPECT_NE(second.error().message.find("/b"), std::string::npos);
  EXPECT_NE(second.error().message.find("Permission denied"), std::string::npos);
  EXPECT_FALSE(inner.stat("/b")->exists());  // the failed call did nothing
  EXPECT_TRUE(fs.write_file("/c", "3", false));
  EXPECT_EQ(fs.steps(), 3u);
}

TEST(FaultyFileSystem, StepCountsEveryMutation) {
  MemoryFileSystem inner;
  FaultyFileSystem fs(inner, *parse_fault_spec("exdev@step:4"));
  EXPECT_TRUE(fs.make_dirs("/d"));
  EXPECT_TRUE(fs.write_file("/d/f", "x", false));
  EXPECT_TRUE(fs.sync_dir("/d"));
  EXPECT_TRUE(fs.read_file("/d/f"));  // reads are not steps
  auto renamed = fs.rename("/d/f", "/d/g");
  ASSERT_FALSE(renamed);
  EXPECT_NE(renamed.error().message.find("Invalid cross-device link"), std::string::npos);
  EXPECT_TRUE(inner.stat("/d/f")->exists());
}

TEST(FaultyFileSystem, ShortWriteLeavesAPrefixAndFails) {
  MemoryFileSystem inner;
  FaultyFileSystem fs(inner, *parse_fault_spec("short@write:1"));
  auto r = fs.write_file("/f", "0123456789", false);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("short write (5 of 10 bytes)"), std::string::npos);
  EXPECT_EQ(*inner.read_file("/f"), "01234");
}

TEST(FaultyFileSystem, FreezeStopsEveryLaterMutation) {
  MemoryFileSystem inner;
  FaultyFileSystem fs(inner, *parse_fault_spec("freeze@2"));
  EXPECT_TRUE(fs.write_file("/a", "1", false));
  EXPECT_FALSE(fs.write_file("/b", "2", false));
  EXPECT_FALSE(fs.remove("/a"));
  EXPECT_FALSE(fs.set_permissions("/a", 0600));
  EXPECT_TRUE(inner.stat("/a")->exists());
  EXPECT_EQ(*fs.read_file("/a"), "1");
}

TEST(FaultyFileSystem, KillExitsWith137) {
  MemoryFileSystem inner;
  FaultyFileSystem fs(inner, *parse_fault_spec("kill@2"));
  EXPECT_TRUE(fs.write_file("/a", "1", false));
  EXPECT_EXIT((void)fs.write_file("/b", "2", false), ::testing::ExitedWithCode(137), "");
}

TEST(FaultyFileSystem, WrapFromEnvironment) {
  auto plain = wrap_with_faults_from_env(std::make_unique<MemoryFileSystem>(), nullptr);
  ASSERT_TRUE(plain);
  EXPECT_EQ(dynamic_cast<FaultyFileSystem*>(plain->get()), nullptr);
  auto faulty = wrap_with_faults_from_env(std::make_unique<MemoryFileSystem>(), "eio@read:1");
  ASSERT_TRUE(faulty);
  EXPECT_FALSE((*faulty)->read_file("/x"));
  EXPECT_FALSE(wrap_with_faults_from_env(std::make_unique<MemoryFileSystem>(), "nope"));
}

}  // namespace
}  // namespace hypergen
