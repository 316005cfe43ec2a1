#include "manifest/manifest.h"

#include <gtest/gtest.h>

namespace hypergen::manifest {
namespace {

const Diagnostic* find_diag(const Parsed& p, std::string_view text) {
  for (const auto& d : p.diagnostics) {
    if (d.message.find(text) != std::string::npos) return &d;
  }
  return nullptr;
}

TEST(Manifest, ParsesTheWholeSchema) {
  Parsed p = parse(R"(name: component
title: React component
description: A component
version: 1.2.0
author: Ann
category: react
tags: [ui, react]
variables:
  name:
    type: string
    required: true
    pattern: ^[A-Z]
    description: Component name
    prompt: What is it called?
  style:
    type: enum
    values: [css, scss]
    default: css
  features:
    type: enum
    multiple: true
    values: [router, tests]
  port:
    type: number
    min: 1
    max: 65535
    default: 3000
  withTests:
    type: boolean
    default: false
    when: style == 'css'
  slug:
    type: string
    internal: true
    compute: "{{ name | downcase }}"
examples:
  - title: Basic
    variables: {name: Button}
extends: ../base
includes:
  - url: ../shared
    condition: withTests
    variables: {license: MIT}
    strategy: extend
conflicts:
  strategy: merge
  rules: {name: replace}
hooks:
  pre: [echo pre]
  post: [echo post]
  error: [echo failed]
steps:
  - id: files
    render: "**"
  - id: register
    inject: src/index.ts
    content: "export * from './{{ name }}';"
    after: "// exports"
    dependsOn: [files]
  - shell: npm test
    when: withTests
)",
                   "gen/template.yml");
  ASSERT_TRUE(p.ok()) << format_diagnostics(p.diagnostics);
  const Manifest& m = p.manifest;
  EXPECT_EQ(m.name, "component");
  EXPECT_EQ(m.dir, "gen");
  EXPECT_EQ(m.tags.size(), 2u);
  ASSERT_EQ(m.variables.size(), 6u);
  EXPECT_EQ(m.variables[0].name, "name");
  EXPECT_TRUE(m.variables[0].required);
  EXPECT_EQ(m.variables[0].prompt, "What is it called?");
  EXPECT_EQ(m.variables[1].type, VarType::kEnum);
  EXPECT_EQ(m.variables[1].default_value.as_string(), "css");
  EXPECT_TRUE(m.variables[2].multiple);
  EXPECT_EQ(*m.variables[3].max, 65535);
  EXPECT_EQ(m.variables[4].when, "style == 'css'");
  EXPECT_TRUE(m.variables[5].internal);
  EXPECT_EQ(m.examples.size(), 1u);
  EXPECT_EQ(m.extends, "../base");
  ASSERT_EQ(m.includes.size(), 1u);
  EXPECT_EQ(m.includes[0].strategy, Strategy::kExtend);
  EXPECT_EQ(m.conflicts.rules.at("name"), Strategy::kReplace);
  EXPECT_EQ(m.hooks.pre.size(), 1u);
  EXPECT_EQ(m.hooks.error[0].command, "echo failed");
  ASSERT_EQ(m.steps.size(), 3u);
  EXPECT_EQ(m.steps[1].kind, StepKind::kInject);
  EXPECT_EQ(m.steps[1].inject_options.as_object().find("after")->as_string(), "// exports");
  EXPECT_EQ(m.steps[2].id, "shell-3");
  EXPECT_EQ(m.variables[0].where.line, 9);
  EXPECT_EQ(m.variables[0].where.column, 3);
}

TEST(Manifest, ErrorsHaveFileLineColumn) {
  Parsed p = parse("name: x\nvariables:\n  a:\n    type: strng\n  b: 3\n  c:\n    required: true\n",
                   "t.yml");
  EXPECT_FALSE(p.ok());
  const Diagnostic* bad_type = find_diag(p, "Variable 'a' has invalid type: strng");
  ASSERT_NE(bad_type, nullptr);
  EXPECT_EQ(bad_type->where.file, "t.yml");
  EXPECT_EQ(bad_type->where.line, 4);
  EXPECT_EQ(bad_type->where.column, 11);
  const Diagnostic* not_obj = find_diag(p, "Variable 'b' must be an object");
  ASSERT_NE(not_obj, nullptr);
  EXPECT_EQ(not_obj->where.line, 5);
  EXPECT_NE(find_diag(p, "Variable 'c' must have a type"), nullptr);
}

TEST(Manifest, FileLevelErrors) {
  EXPECT_NE(find_diag(parse("", "t.yml"), "Invalid YAML format or empty file"), nullptr);
  Parsed bad = parse("name: [x\n", "t.yml");
  const Diagnostic* d = find_diag(bad, "Failed to parse template file");
  ASSERT_NE(d, nullptr);
  EXPECT_GT(d->where.line, 0);
  EXPECT_NE(find_diag(parse("variables: {}\n", "t.yml"), "Template name is required"), nullptr);
  EXPECT_NE(find_diag(parse("name: x\n", "t.yml"), "Template variables section is required"),
            nullptr);
}

TEST(Manifest, VariableRules) {
  Parsed p = parse(R"(name: x
variables:
  re: {type: string, pattern: "(unclosed"}
  e: {type: enum}
  n: {type: number, min: 5, max: 1}
  d: {type: number, default: abc}
  r: {type: string, required: true, default: x}
  w: {type: string, when: "a >"}
  p: {type: boolean, pattern: x}
)",
                   "t.yml");
  EXPECT_NE(find_diag(p, "Variable 're' has invalid regex pattern: (unclosed"), nullptr);
  EXPECT_NE(find_diag(p, "Variable 'e' enum must have at least one value"), nullptr);
  EXPECT_NE(find_diag(p, "Variable 'n' min (5) cannot be greater than max (1)"), nullptr);
  EXPECT_NE(find_diag(p, "Variable 'd' default \"abc\" is invalid: must be a number"), nullptr);
  const Diagnostic* req = find_diag(p, "cannot have default value when required");
  ASSERT_NE(req, nullptr);
  EXPECT_FALSE(req->error);
  EXPECT_NE(find_diag(p, "Variable 'w' has an invalid condition"), nullptr);
  const Diagnostic* pat = find_diag(p, "pattern only applies to string types");
  ASSERT_NE(pat, nullptr);
  EXPECT_FALSE(pat->error);
}

TEST(Manifest, ExamplesMustSatisfyTheVariables) {
  Parsed p = parse(R"(name: x
variables:
  name: {type: string, required: true, pattern: "^[A-Z]"}
  size: {type: enum, values: [s, m]}
examples:
  - title: ok
    variables: {name: Button, size: s}
  - title: bad
    variables: {name: button, size: xl, other: 1}
  - title: incomplete
    variables: {size: m}
)",
                   "t.yml");
  EXPECT_NE(find_diag(p, "Example 2 (bad): variable 'name' does not match pattern: ^[A-Z]"),
            nullptr);
  EXPECT_NE(find_diag(p, "Example 2 (bad): variable 'size' must be one of: s, m"), nullptr);
  EXPECT_NE(find_diag(p, "Example 2 references undefined variable: other"), nullptr);
  EXPECT_NE(find_diag(p, "Example 3 (incomplete) does not set the required variable 'name'"),
            nullptr);
}

TEST(Manifest, StepGraphErrors) {
  Parsed unknown = parse(R"(name: x
variables: {}
steps:
  - {id: a, render: "**", dependsOn: [zz]}
)",
                         "t.yml");
  const Diagnostic* d = find_diag(unknown, "Step a depends on unknown step: zz");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->code, "VALIDATION_ERROR");
  EXPECT_EQ(d->where.line, 4);
  Parsed cycle = parse(R"(name: x
variables: {}
steps:
  - {id: a, render: "**", dependsOn: [c]}
  - {id: b, message: hi, dependsOn: [a]}
  - {id: c, message: hi, dependsOn: [b]}
)",
                       "t.yml");
  EXPECT_NE(find_diag(cycle, "Circular dependency detected involving step: a (a -> c -> b -> a)"),
            nullptr);
  Parsed two = parse("name: x\nvariables: {}\nsteps:\n  - {render: a, shell: b}\n", "t.yml");
  EXPECT_NE(find_diag(two, "must have exactly one of render, inject, shell, message, generator"),
            nullptr);
  Parsed dup = parse(
      "name: x\nvariables: {}\nsteps:\n  - {id: a, shell: x}\n  - {id: a, shell: y}\n", "t.yml");
  EXPECT_NE(find_diag(dup, "Duplicate step ID: a"), nullptr);
}

TEST(Manifest, StepLevels) {
  std::vector<Step> steps(4);
  steps[0].id = "a";
  steps[1].id = "b";
  steps[1].depends_on = {"a"};
  steps[2].id = "c";
  steps[3].id = "d";
  steps[3].depends_on = {"b", "c"};
  auto levels = step_levels(steps);
  ASSERT_EQ(levels.size(), 3u);
  EXPECT_EQ(levels[0], (std::vector<std::size_t>{0, 2}));
  EXPECT_EQ(levels[1], (std::vector<std::size_t>{1}));
  EXPECT_EQ(levels[2], (std::vector<std::size_t>{3}));
}

TEST(Manifest, FirstErrorShowsTheLine) {
  std::string text = "name: x\nvariables:\n  a:\n    type: strng\n";
  Parsed p = parse(text, "t.yml");
  Error e = first_error(p.diagnostics, text);
  EXPECT_EQ(e.code, "TEMPLATE_INVALID_SYNTAX");
  EXPECT_EQ(e.where.line, 4);
  EXPECT_NE(e.context.find("type: strng"), std::string::npos);
  EXPECT_NE(e.context.find("          ^"), std::string::npos);
}

TEST(Manifest, AliasBombsAreBounded) {
  std::string text = "name: x\na: &a [1,1,1,1,1,1,1,1,1,1]\n";
  for (char c = 'b'; c <= 'h'; ++c) {
    std::string prev(1, static_cast<char>(c - 1));
    text += std::string(1, c) + ": &" + std::string(1, c) + " [";
    for (int i = 0; i < 10; ++i) text += (i ? ",*" : "*") + prev;
    text += "]\n";
  }
  text += "variables:\n  v: {type: array, default: *h}\n";
  Parsed p = parse(text, "t.yml");
  EXPECT_NE(find_diag(p, "value too large or nested too deeply"), nullptr);
}

TEST(Manifest, UnknownKeysWarn) {
  Parsed p = parse("name: x\nvariables:\n  a: {type: string, requird: true}\nfoo: 1\n", "t.yml");
  EXPECT_TRUE(p.ok());
  EXPECT_NE(find_diag(p, "Variable 'a' has unknown key 'requird'"), nullptr);
  EXPECT_NE(find_diag(p, "Unknown key 'foo'"), nullptr);
}

}  // namespace
}  // namespace hypergen::manifest
