#include "js/modules.h"

#include <gtest/gtest.h>

#include "util/fs_memory.h"

namespace hypergen::js {
namespace {

std::vector<std::string> uses(std::string_view src) {
  std::vector<std::string> out;
  for (const SourceUse& u : scan_source(src)) {
    const char* kind = u.kind == SourceUse::Kind::kRequire          ? "require "
                       : u.kind == SourceUse::Kind::kDynamicRequire ? "dynamic "
                                                                    : "node ";
    out.push_back(kind + u.text + "@" + std::to_string(u.line));
  }
  return out;
}

using V = std::vector<std::string>;

TEST(JsModules, FindsLiteralRequires) {
  EXPECT_EQ(uses("const fs = require('fs')\nconst p = require( \"./x\" );"),
            (V{"require fs@1", "require ./x@2"}));
  EXPECT_EQ(uses("module.exports = { ...require('./a') }"), (V{"require ./a@1"}));
}

TEST(JsModules, IgnoresCommentsStringsTemplatesAndRegexes) {
  EXPECT_EQ(uses("// require('fs')\n/* require('os') */ 'require(\"x\")'"), V{});
  EXPECT_EQ(uses("const s = `require('fs') ${ 1 + 2 } done`"), V{});
  EXPECT_EQ(uses("const s = `a ${ require('os').EOL } b`"), (V{"require os@1"}));
  EXPECT_EQ(uses("const re = /require\\('fs'\\)/g; x = a / b / c; require('y')"),
            (V{"require y@1"}));
}

TEST(JsModules, MembersAreNotGlobals) {
  EXPECT_EQ(uses("obj.require('fs'); obj.process.exit(); x.setTimeout()"), V{});
}

TEST(JsModules, NodeOnlyUses) {
  EXPECT_EQ(uses("require(name)"), (V{"dynamic require(<expression>)@1"}));
  EXPECT_EQ(uses("require.resolve('x')"), (V{"node require.resolve@1"}));
  EXPECT_EQ(uses("process.cwd(); process.env.HOME; process.exit(1)"), (V{"node process.exit@1"}));
  EXPECT_EQ(uses("await new Promise(r => setTimeout(r, 5))\nBuffer.from('x')\nimport('x')"),
            (V{"node setTimeout@1", "node Buffer@2", "node import()@3"}));
}

TEST(JsModules, CollectsRelativeRequiresInsideTheRoots) {
  MemoryFileSystem fs;
  ASSERT_TRUE(fs.make_dirs("/p/_templates/g/a/lib"));
  ASSERT_TRUE(fs.write_file("/p/_templates/g/a/prompt.js",
                            "const q = require('./lib');\nconst d = require('./data.json');\n"
                            "const path = require('path');\nmodule.exports = q",
                            false));
  ASSERT_TRUE(
      fs.write_file("/p/_templates/g/a/lib/index.js", "module.exports = [require('../q')]", false));
  ASSERT_TRUE(fs.write_file("/p/_templates/g/a/q.js", "module.exports = {}", false));
  ASSERT_TRUE(fs.write_file("/p/_templates/g/a/data.json", "{\"a\": 1}", false));
  std::vector<std::string> roots{"/p"};
  auto set = collect_modules(fs, "/p/_templates/g/a/prompt.js", roots, "/p");
  ASSERT_TRUE(set) << set.error().message;
  EXPECT_TRUE(set->node_reasons.empty());
  ASSERT_EQ(set->files.size(), 4u);
  EXPECT_EQ(set->files[0].path, "/p/_templates/g/a/prompt.js");
  EXPECT_EQ(set->files[1].path, "/p/_templates/g/a/lib/index.js");
  EXPECT_EQ(set->files[2].path, "/p/_templates/g/a/data.json");
  EXPECT_EQ(set->files[3].path, "/p/_templates/g/a/q.js");
}

TEST(JsModules, NodeModulesAndEscapesGoToNode) {
  MemoryFileSystem fs;
  ASSERT_TRUE(fs.make_dirs("/p/t"));
  ASSERT_TRUE(fs.write_file("/p/t/prompt.js", "require('./helper')", false));
  ASSERT_TRUE(fs.write_file("/p/t/helper.js", "require('chalk'); require('../../outside')", false));
  ASSERT_TRUE(fs.write_file("/outside.js", "", false));
  std::vector<std::string> roots{"/p"};
  auto set = collect_modules(fs, "/p/t/prompt.js", roots, "/p");
  ASSERT_TRUE(set);
  EXPECT_EQ(set->first_module, "chalk");
  ASSERT_EQ(set->node_reasons.size(), 2u);
  EXPECT_EQ(set->node_reasons[0], "require('chalk') (t/helper.js:1)");
  EXPECT_EQ(set->node_reasons[1], "require('../../outside') outside the project (t/helper.js:1)");
}

}  // namespace
}  // namespace hypergen::js
