#include "util/result.h"

#include <set>

#include <gtest/gtest.h>

namespace hypergen {
namespace {

TEST(Error, DescribeIncludesLocationAndContext) {
  Error e{ErrorKind::kTemplate, "unknown tag 'iff'", {"a.liquid", 3, 4}, "  3 | {% iff %}"};
  EXPECT_EQ(e.describe(), "a.liquid:3:4: unknown tag 'iff'\n  3 | {% iff %}");
  Error bare{ErrorKind::kUsage, "bad", {}, {}};
  EXPECT_EQ(bare.describe(), "bad");
}

TEST(ExitCode, EveryKindHasItsOwnCode) {
  std::set<int> codes;
  for (ErrorKind k : {ErrorKind::kFailure, ErrorKind::kUsage, ErrorKind::kNotFound,
                      ErrorKind::kTemplate, ErrorKind::kData, ErrorKind::kConflict, ErrorKind::kIo,
                      ErrorKind::kMissingInput, ErrorKind::kUntrusted, ErrorKind::kInterrupted}) {
    EXPECT_NE(exit_code(k), 0);
    codes.insert(exit_code(k));
  }
  EXPECT_EQ(codes.size(), 10u);
  EXPECT_EQ(exit_code(ErrorKind::kUntrusted), 9);
}

Status fails() {
  return make_error(ErrorKind::kIo, "disk full");
}
Status forwards() {
  HG_RETURN_IF_ERROR(fails());
  return {};
}

TEST(Result, ReturnIfErrorPropagates) {
  auto s = forwards();
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().kind, ErrorKind::kIo);
}

}  // namespace
}  // namespace hypergen
