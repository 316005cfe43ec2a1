#include "cli/cli.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/fake_console.h"
#include "support/temp_dir.h"
#include "util/fs.h"

namespace hypergen::cli {
namespace {

struct Harness {
  std::unique_ptr<FileSystem> fs = make_real_file_system();
  testing::FakeConsole console;
  app::MapEnvironment env;
  testing::TempDir dir;

  int run(std::vector<std::string> args) {
    app::Context ctx{*fs, console, env, dir.path(), false};
    return cli::run(ctx, args);
  }
};

TEST(Cli, VersionPrintsNameAndVersion) {
  Harness h;
  EXPECT_EQ(h.run({"--version"}), 0);
  EXPECT_EQ(h.console.out_text, "hypergen " HYPERGEN_VERSION "\n");
}

TEST(Cli, HelpListsEveryCommand) {
  Harness h;
  EXPECT_EQ(h.run({"--help"}), 0);
  EXPECT_NE(h.console.out_text.find("render"), std::string::npos);
  EXPECT_NE(h.console.out_text.find("Usage: hypergen"), std::string::npos);
}

TEST(Cli, RenderRendersAndPrintsExactly) {
  Harness h;
  std::string tpl = h.dir.write("t.liquid", "Hello {{ who | upcase }}!");
  std::string data = h.dir.write("d.json", R"({"who": "world"})");
  EXPECT_EQ(h.run({"render", "--data", data, tpl}), 0) << h.console.err_text;
  EXPECT_EQ(h.console.out_text, "Hello WORLD!");
}

TEST(Cli, RenderReadsDataFromStdin) {
  Harness h;
  std::string tpl = h.dir.write("t.liquid", "{{ n }}");
  h.console.stdin_data = R"({"n": 3})";
  EXPECT_EQ(h.run({"render", "--data", "-", tpl}), 0) << h.console.err_text;
  EXPECT_EQ(h.console.out_text, "3");
}

TEST(Cli, RenderFindsPartialsBesideTheTemplate) {
  Harness h;
  h.dir.write("parts/card.liquid", "[{{ title }}]");
  std::string tpl = h.dir.write("parts/page.liquid", "{% render 'card', title: 'x' %}");
  EXPECT_EQ(h.run({"render", tpl}), 0) << h.console.err_text;
  EXPECT_EQ(h.console.out_text, "[x]");
}

TEST(Cli, BadJsonIsADataErrorWithLocation) {
  Harness h;
  std::string tpl = h.dir.write("t.liquid", "x");
  std::string data = h.dir.write("d.json", "{\n \"a\": }");
  EXPECT_EQ(h.run({"render", "--data", data, tpl}), exit_code(ErrorKind::kData));
  EXPECT_EQ(h.console.out_text, "");
  EXPECT_NE(h.console.err_text.find(data + ":2:"), std::string::npos) << h.console.err_text;
}

TEST(Cli, MissingTemplateIsAnError) {
  Harness h;
  int code = h.run({"render", h.dir.file("nope.liquid")});
  EXPECT_NE(code, 0);
  EXPECT_NE(h.console.err_text.find("nope.liquid"), std::string::npos) << h.console.err_text;
}

TEST(Cli, TemplateErrorsPointAtLineAndColumn) {
  Harness h;
  std::string tpl = h.dir.write("t.liquid", "line one\n{{ x | nosuchfilter }}");
  EXPECT_EQ(h.run({"render", tpl}), exit_code(ErrorKind::kTemplate));
  EXPECT_NE(h.console.err_text.find(tpl + ":2:"), std::string::npos) << h.console.err_text;
  EXPECT_NE(h.console.err_text.find("nosuchfilter"), std::string::npos);
}

TEST(Cli, RenderWithoutTemplateIsAUsageError) {
  Harness h;
  EXPECT_EQ(h.run({"render"}), exit_code(ErrorKind::kUsage));
  EXPECT_NE(h.console.err_text.find("missing TEMPLATE_FILE"), std::string::npos)
      << h.console.err_text;
}

TEST(Cli, UnknownEngineIsAUsageError) {
  Harness h;
  std::string tpl = h.dir.write("t.liquid", "x");
  EXPECT_EQ(h.run({"render", "--engine", "jinja", tpl}), exit_code(ErrorKind::kUsage));
}

TEST(Cli, FormatErrorShapes) {
  Error located{ErrorKind::kTemplate, "boom", {"a.liquid", 2, 5}, "  2 | x\n    |   ^"};
  EXPECT_EQ(format_error(located, false), "a.liquid:2:5: error: boom\n  2 | x\n    |   ^\n");
  Error bare{ErrorKind::kUsage, "bad", {}, {}};
  EXPECT_EQ(format_error(bare, false), "hypergen: error: bad\n");
}

TEST(Cli, StructuredErrorsPrintCodeAndNumberedSuggestions) {
  Error e;
  e.kind = ErrorKind::kNotFound;
  e.message = "Action 'x' not found";
  e.code = "ACTION_NOT_FOUND";
  e.suggestions = {{"List the generators", "hypergen list"}, {"Check the spelling", ""}};
  std::string text = format_error(e, false);
  EXPECT_EQ(text,
            "hypergen: error: Action 'x' not found\n  code: ACTION_NOT_FOUND\n\nSuggestions:\n"
            "  1. List the generators\n     $ hypergen list\n  2. Check the spelling\n");
  std::string json = format_error_json(e);
  EXPECT_NE(json.find("\"code\": \"ACTION_NOT_FOUND\""), std::string::npos);
  EXPECT_NE(json.find("\"exitCode\": 3"), std::string::npos);
  EXPECT_NE(json.find("\"command\": \"hypergen list\""), std::string::npos);
}

TEST(Cli, V8GeneratorWithoutTerminalFailsWithEveryMissingValue) {
  Harness h;
  h.dir.write("_templates/svc/template.yml",
              "name: svc\nvariables:\n  name: {type: string, required: true}\n"
              "  port: {type: number, required: true}\n  debug: {type: boolean, default: false}\n");
  h.dir.write("_templates/svc/templates/a.txt", "{{ name }}:{{ port }}\n");
  EXPECT_EQ(h.run({"action", "svc"}), 8);
  EXPECT_NE(h.console.err_text.find("--name (string)"), std::string::npos);
  EXPECT_NE(h.console.err_text.find("--port (number)"), std::string::npos);
  EXPECT_EQ(h.console.err_text.find("--debug"), std::string::npos);
  EXPECT_EQ(h.run({"svc", "api", "--port", "8080"}), 0) << h.console.err_text;
  auto written = h.fs->read_file(h.dir.file("a.txt"));
  ASSERT_TRUE(written);
  EXPECT_EQ(*written, "api:8080\n");
}

TEST(Cli, InfoJsonHasTheSchema) {
  Harness h;
  h.dir.write("_templates/svc/template.yml",
              "name: svc\nvariables:\n  port: {type: number, min: 1, default: 80}\n");
  h.dir.write("_templates/svc/templates/a.txt", "{{ port }}\n");
  EXPECT_EQ(h.run({"info", "svc", "--json"}), 0) << h.console.err_text;
  auto doc = nlohmann::json::parse(h.console.out_text);
  EXPECT_EQ(doc["schema"]["properties"]["port"]["minimum"], 1);
  EXPECT_EQ(doc["schema"]["properties"]["port"]["default"], 80);
  EXPECT_EQ(doc["variables"][0]["env"], "HYPERGEN_VAR_PORT");
}

}  // namespace
}  // namespace hypergen::cli
