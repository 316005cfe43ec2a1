#include "render/render.h"

#include <gtest/gtest.h>

#include "render/variables.h"

namespace hypergen::render {
namespace {

TEST(EnginesTest, LongestSuffixFirst) {
  EXPECT_EQ(engine_for("a.liquid.t").kind, EngineKind::kLiquid);
  EXPECT_EQ(engine_for("a.liquid").kind, EngineKind::kLiquid);
  EXPECT_EQ(engine_for("a.ejs.t").kind, EngineKind::kEjs);
  EXPECT_FALSE(engine_for("a.ejs.t").available);
  EXPECT_EQ(engine_for("a.t").kind, EngineKind::kEjs);
  EXPECT_FALSE(engine_for("README").by_extension);
}

liquid::Value locals() {
  liquid::Object o;
  o.set("name", liquid::Value("card"));
  return liquid::Value(std::move(o));
}

TEST(RenderTest, AttributesThenBody) {
  liquid::Engine engine;
  auto r = render_one(engine, "/t/a.liquid.t", "a.liquid.t",
                      "---\nto: src/{{ name }}.js\nn: 3\n---\n{{ attributes.to }} {{ name }}\n",
                      locals());
  ASSERT_TRUE(r) << r.error().describe();
  EXPECT_EQ(r->attributes.find("to")->as_string(), "src/card.js");
  EXPECT_EQ(r->body, "src/card.js card\n");
}

TEST(RenderTest, EjsIsAClearError) {
  liquid::Engine engine;
  auto r = render_one(engine, "/t/a.ejs.t", "a.ejs.t", "---\nto: x\n---\n<%= name %>\n", locals());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::kTemplate);
  EXPECT_NE(r.error().message.find("EJS engine not available yet"), std::string::npos);
  EXPECT_EQ(r.error().where.file, "a.ejs.t");
}

TEST(RenderTest, PlainFileWithoutFrontmatterIsInert) {
  liquid::Engine engine;
  auto r = render_one(engine, "/t/README", "README", "<%= not rendered %>", locals());
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->inert);
}

TEST(RenderTest, BodyErrorLineCountsFromTheFile) {
  liquid::Engine engine;
  auto r = render_one(engine, "/t/a.liquid.t", "a.liquid.t", "---\nto: x\n---\nok\n{% if x %}\n",
                      locals());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().where.file, "a.liquid.t");
  EXPECT_EQ(r.error().where.line, 5);
}

TEST(RenderTest, ParallelMatchesSequential) {
  // Same results in the same order whatever the scheduling.
  std::vector<discover::TemplateFile> files;
  for (int i = 0; i < 20; ++i) files.push_back({"/t/" + std::to_string(i) + ".liquid.t", ""});
  liquid::Engine engine;
  for (int i = 0; i < 20; ++i) {
    auto r = render_one(engine, files[i].path, files[i].path,
                        "---\nto: f" + std::to_string(i) + "\n---\n{{ name }}" + std::to_string(i),
                        locals());
    ASSERT_TRUE(r);
    EXPECT_EQ(r->body, "card" + std::to_string(i));
  }
}

TEST(VariablesTest, ScansRootNames) {
  auto v = scan_variables(
      "{{ name | upcase }} {% if withTest and kind == 'x' %}{{ opts.deep }}{% endif %}"
      "{% for item in items %}{{ item }}{% endfor %}{% assign a = b %}{{ a }}"
      "{{ x | default: fallback }}{% raw %}{{ ignored }}{% endraw %}");
  std::set<std::string> expected = {"name",  "withTest", "kind", "opts",
                                    "items", "b",        "x",    "fallback"};
  EXPECT_EQ(v, expected);
}

TEST(RenderTest, V8DefaultTargetAndLiquidByDefault) {
  EXPECT_EQ(v8_default_to("/src/{{ name }}.ts.liquid"), "src/{{ name }}.ts");
  EXPECT_EQ(v8_default_to("/a.liquid.t"), "a");
  EXPECT_EQ(v8_default_to("/index.ts"), "index.ts");
  liquid::Engine engine;
  // In a templates/ folder a plain file is Liquid and goes to its own path.
  auto plain =
      render_one_v8(engine, "/t/x", "x", "hi {{ name }}", locals(), "src/{{ name }}.txt", true);
  ASSERT_TRUE(plain) << plain.error().describe();
  EXPECT_FALSE(plain->inert);
  EXPECT_TRUE(plain->has_frontmatter);
  EXPECT_EQ(plain->attributes.find("to")->as_string(), "src/card.txt");
  EXPECT_EQ(plain->body, "hi card");
  // Beside template.yml a plain file stays inert; `.t` is Liquid; `to:` wins.
  auto inert =
      render_one_v8(engine, "/t/README.md", "README.md", "{{ x }}", locals(), "README.md", false);
  ASSERT_TRUE(inert);
  EXPECT_TRUE(inert->inert);
  auto t = render_one_v8(engine, "/t/a.t", "a.t", "---\nto: b/{{ name }}\n---\n{{ name }}",
                         locals(), "a", false);
  ASSERT_TRUE(t) << t.error().describe();
  EXPECT_EQ(t->attributes.find("to")->as_string(), "b/card");
  EXPECT_EQ(t->body, "card");
  // .ejs stays EJS (not available: an error, never skipped).
  EXPECT_FALSE(render_one_v8(engine, "/t/a.ejs.t", "a.ejs.t", "---\nto: a\n---\n<%= x %>", locals(),
                             "", true));
}

}  // namespace
}  // namespace hypergen::render
