#include "manifest/compose.h"

#include <gtest/gtest.h>

#include "util/fs_memory.h"

namespace hypergen::manifest {
namespace {

const Diagnostic* find_diag(const Composed& c, std::string_view text) {
  for (const auto& d : c.diagnostics) {
    if (d.message.find(text) != std::string::npos) return &d;
  }
  return nullptr;
}

class ComposeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs.add_file("/t/base/template.yml",
                "name: base\ntags: [x]\nvariables:\n"
                "  name: {type: string, required: true, description: Base}\n"
                "  kind: {type: enum, values: [a], default: a, description: Kind}\n"
                "  size: {type: number, min: 1, max: 5}\n"
                "hooks:\n  pre: [echo base]\n");
    fs.add_file("/t/base/templates/README.md", "base\n");
    fs.add_file("/t/base/templates/LICENSE", "MIT\n");
  }
  Composed load_ok(const std::string& path, liquid::Value scope = liquid::Object{},
                   bool all = false) {
    auto c = load(fs, path, scope, all);
    EXPECT_TRUE(c) << c.error().message;
    return c ? *c : Composed{};
  }
  MemoryFileSystem fs;
};

TEST_F(ComposeTest, ExtendsMergesVariablesTemplatesAndHooks) {
  fs.add_file("/t/child/template.yml",
              "name: child\nextends: ../base\ntags: [y]\nvariables:\n"
              "  kind: {type: enum, values: [b], default: b}\n"
              "  extra: {type: boolean, default: true}\nhooks:\n  pre: [echo child]\n");
  fs.add_file("/t/child/templates/README.md", "child\n");
  Composed c = load_ok("/t/child/template.yml");
  const Manifest& m = c.manifest;
  EXPECT_EQ(m.name, "child");
  ASSERT_EQ(m.variables.size(), 4u);
  EXPECT_EQ(m.variables[0].name, "name");
  EXPECT_EQ(m.find("kind")->values, (std::vector<std::string>{"a", "b"}));  // merge unions values
  EXPECT_EQ(m.find("kind")->default_value.as_string(), "b");
  EXPECT_EQ(m.find("kind")->description, "Kind");  // not set by the child
  EXPECT_EQ(m.tags, (std::vector<std::string>{"x", "y"}));
  ASSERT_EQ(m.hooks.pre.size(), 2u);
  EXPECT_EQ(m.hooks.pre[0].command, "echo base");
  ASSERT_EQ(c.template_dirs.size(), 2u);
  EXPECT_EQ(c.template_dirs[0].path, "/t/base/templates");
  EXPECT_EQ(c.template_dirs[1].path, "/t/child/templates");
  ASSERT_EQ(c.conflicts.size(), 1u);
  EXPECT_EQ(c.conflicts[0].variable, "kind");
  EXPECT_EQ(c.conflicts[0].resolution, "merge");
}

TEST_F(ComposeTest, Strategies) {
  fs.add_file(
      "/t/r/template.yml",
      "name: r\nextends: ../base\nconflicts:\n  strategy: extend\n  rules: {kind: replace}\n"
      "variables:\n  kind: {type: enum, values: [z]}\n"
      "  size: {type: number, min: 0, max: 9, description: more}\n");
  Composed c = load_ok("/t/r/template.yml");
  EXPECT_EQ(c.manifest.find("kind")->values, std::vector<std::string>{"z"});  // replace
  EXPECT_FALSE(c.manifest.find("kind")->has_default);
  const Variable* size = c.manifest.find("size");
  EXPECT_EQ(*size->min, 0);  // extend widens
  EXPECT_EQ(*size->max, 9);
  EXPECT_EQ(size->description, "more");

  fs.add_file("/t/e/template.yml",
              "name: e\nextends: ../base\nconflicts: {strategy: error}\nvariables:\n  size: {type: "
              "number}\n");
  Composed err = load_ok("/t/e/template.yml");
  const Diagnostic* d = find_diag(
      err, "Variable conflict: 'size' exists in both /t/base/template.yml and /t/e/template.yml");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->code, "TEMPLATE_COMPOSITION_ERROR");
}

TEST_F(ComposeTest, IncludesWithConditionsAndOverrides) {
  fs.add_file(
      "/t/docker/template.yml",
      "name: docker\nvariables:\n  port: {type: number, default: 80}\n  unused: {type: string}\n");
  fs.add_file("/t/docker/templates/Dockerfile", "x\n");
  fs.add_file("/t/app/template.yml",
              "name: app\nvariables:\n  docker: {type: boolean, default: false}\n"
              "includes:\n  - url: ../docker\n    condition: docker\n    variables: {port: 8080, "
              "nope: 1}\n");
  Composed off = load_ok("/t/app/template.yml");
  EXPECT_EQ(off.manifest.find("port"), nullptr);
  ASSERT_EQ(off.skipped.size(), 1u);
  EXPECT_EQ(off.skipped[0], "../docker: Condition not met: docker");
  EXPECT_EQ(off.template_dirs.size(), 1u);

  liquid::Value scope = liquid::Object{};
  scope.mutable_object().set("docker", liquid::Value(true));
  Composed on = load_ok("/t/app/template.yml", scope);
  ASSERT_NE(on.manifest.find("port"), nullptr);
  EXPECT_EQ(on.manifest.find("port")->default_value.as_int(), 8080);
  EXPECT_EQ(on.template_dirs.size(), 2u);
  EXPECT_EQ(on.template_dirs[0].path, "/t/docker/templates");

  Composed all = load_ok("/t/app/template.yml", liquid::Object{}, true);
  EXPECT_NE(all.manifest.find("port"), nullptr);
}

TEST_F(ComposeTest, MissingParentsAndCycles) {
  fs.add_file("/t/orphan/template.yml", "name: o\nextends: ../nowhere\nvariables: {}\n");
  auto missing = load(fs, "/t/orphan/template.yml", liquid::Object{}, false);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(missing.error().where.line, 2);

  fs.add_file("/t/a/template.yml", "name: a\nextends: ../b\nvariables: {}\n");
  fs.add_file("/t/b/template.yml", "name: b\nextends: ../a\nvariables: {}\n");
  auto cycle = load(fs, "/t/a/template.yml", liquid::Object{}, false);
  ASSERT_FALSE(cycle);
  EXPECT_EQ(cycle.error().code, "TEMPLATE_COMPOSITION_ERROR");

  fs.add_file("/t/i/template.yml", "name: i\nvariables: {}\nincludes: [../gone]\n");
  Composed inc = load_ok("/t/i/template.yml");
  EXPECT_NE(find_diag(inc, "Include '../gone' not found"), nullptr);
}

TEST_F(ComposeTest, TemplatesBesideOrInFolder) {
  fs.add_file("/t/beside/template.yml", "name: beside\nvariables: {}\n");
  fs.add_file("/t/beside/a.liquid", "x");
  bool all = true;
  EXPECT_EQ(templates_dir_of(fs, "/t/beside", &all), "/t/beside");
  EXPECT_FALSE(all);
  EXPECT_EQ(templates_dir_of(fs, "/t/base", &all), "/t/base/templates");
  EXPECT_TRUE(all);
  EXPECT_EQ(manifest_in(fs, "/t/base"), "/t/base/template.yml");
  fs.add_file("/t/yaml/template.yaml", "name: y\n");
  EXPECT_EQ(manifest_in(fs, "/t/yaml"), "/t/yaml/template.yaml");
  EXPECT_EQ(manifest_in(fs, "/t/none"), "");
}

}  // namespace
}  // namespace hypergen::manifest
