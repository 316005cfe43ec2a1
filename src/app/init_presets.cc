#include "app/init_presets.h"

#include <array>

namespace hypergen::app {

namespace {

const std::array<GeneratorPreset, 6>& presets() {
  static const std::array<GeneratorPreset, 6> kPresets = {{
      {"react",
       "  type:\n"
       "    type: enum\n"
       "    values: [functional, class]\n"
       "    default: functional\n"
       "    description: Component style\n"
       "  withProps:\n"
       "    type: boolean\n"
       "    default: true\n"
       "    description: Declare a props type\n"
       "  withStorybook:\n"
       "    type: boolean\n"
       "    default: false\n"
       "    description: Add a Storybook story\n"
       "  styling:\n"
       "    type: enum\n"
       "    values: [css, scss, styled-components]\n"
       "    default: css\n"
       "    description: Styling approach\n",
       "{name: Button, type: functional, withStorybook: true}",
       {{"src/components/{{ name }}/{{ name }}.tsx",
         "{% if styling == \"styled-components\" %}import styled from 'styled-components';\n"
         "{% elsif styling == \"scss\" %}import './{{ name }}.scss';\n"
         "{% else %}import './{{ name }}.css';\n"
         "{% endif %}import React{% if type == \"class\" %}, { Component }{% endif %} from "
         "'react';\n"
         "{% if withProps %}\n"
         "export interface {{ name }}Props {\n"
         "  children?: React.ReactNode;\n"
         "}\n"
         "{% endif %}\n"
         "{% if type == \"class\" %}export class {{ name }} extends Component{% if withProps %}<{{ "
         "name }}Props>{% endif %} {\n"
         "  render() {\n"
         "    return <div className=\"{{ name | kebab_case }}\" />;\n"
         "  }\n"
         "}\n"
         "{% else %}export function {{ name }}({% if withProps %}props: {{ name }}Props{% endif "
         "%}) {\n"
         "  return <div className=\"{{ name | kebab_case }}\" />;\n"
         "}\n"
         "{% endif %}"},
        {"src/components/{{ name }}/{{ name }}.style.liquid",
         "---\n"
         "to: \"{% if styling != 'styled-components' %}src/components/{{ name }}/{{ name }}.{{ "
         "styling "
         "}}{% endif %}\"\n"
         "---\n"
         ".{{ name | kebab_case }} {\n"
         "  display: block;\n"
         "}\n"},
        {"src/components/{{ name }}/{{ name }}.test.tsx",
         "import { render } from '@testing-library/react';\n"
         "import { {{ name }} } from './{{ name }}';\n"
         "\n"
         "test('renders {{ name }}', () => {\n"
         "  render(<{{ name }} />);\n"
         "});\n"},
        {"src/components/{{ name }}/{{ name }}.stories.tsx",
         "---\n"
         "to: \"{% if withStorybook %}src/components/{{ name }}/{{ name }}.stories.tsx{% endif "
         "%}\"\n"
         "---\n"
         "import { {{ name }} } from './{{ name }}';\n"
         "\n"
         "export default { title: '{{ name }}', component: {{ name }} };\n"
         "export const Default = () => <{{ name }} />;\n"}}},
      {"vue",
       "  type:\n"
       "    type: enum\n"
       "    values: [sfc, composition, options]\n"
       "    default: composition\n"
       "    description: Component API\n"
       "  withProps:\n"
       "    type: boolean\n"
       "    default: true\n"
       "  withEmits:\n"
       "    type: boolean\n"
       "    default: false\n",
       "{name: UserCard, type: composition}",
       {{"src/components/{{ name }}.vue",
         "<template>\n"
         "  <div class=\"{{ name | kebab_case }}\"><slot /></div>\n"
         "</template>\n"
         "\n"
         "<script setup lang=\"ts\">\n"
         "{% if withProps %}defineProps<{ title?: string }>();\n{% endif %}"
         "{% if withEmits %}defineEmits<{ (e: 'change'): void }>();\n{% endif %}"
         "</script>\n"},
        {"src/components/{{ name }}.spec.ts",
         "import { mount } from '@vue/test-utils';\n"
         "import {{ name }} from './{{ name }}.vue';\n"
         "\n"
         "test('mounts {{ name }}', () => {\n"
         "  mount({{ name }});\n"
         "});\n"}}},
      {"node",
       "  type:\n"
       "    type: enum\n"
       "    values: [class, function, module]\n"
       "    default: function\n"
       "  withAsync:\n"
       "    type: boolean\n"
       "    default: false\n",
       "{name: parseConfig, type: function, withAsync: true}",
       {{"src/{{ name | kebab_case }}.ts",
         "{% if type == \"class\" %}export class {{ name | pascal_case }} {\n"
         "  {% if withAsync %}async {% endif %}run() {}\n"
         "}\n"
         "{% else %}export {% if withAsync %}async {% endif %}function {{ name | camel_case }}() "
         "{}\n"
         "{% endif %}"},
        {"src/{{ name | kebab_case }}.test.ts",
         "import * as mod from './{{ name | kebab_case }}';\n"
         "\n"
         "test('{{ name }}', () => {\n"
         "  expect(mod).toBeDefined();\n"
         "});\n"}}},
      {"cli",
       "  hasOptions:\n"
       "    type: boolean\n"
       "    default: true\n"
       "  hasSubcommands:\n"
       "    type: boolean\n"
       "    default: false\n",
       "{name: deploy, hasOptions: true}",
       {{"src/commands/{{ name | kebab_case }}.ts",
         "export const command = '{{ name | kebab_case }}';\n"
         "export const describe = 'The {{ name }} command';\n"
         "{% if hasOptions %}export const builder = { verbose: { type: 'boolean' } };\n{% endif %}"
         "{% if hasSubcommands %}export const subcommands = [];\n{% endif %}"
         "export function handler() {}\n"},
        {"src/commands/{{ name | kebab_case }}.test.ts",
         "import { handler } from './{{ name | kebab_case }}';\n"
         "\n"
         "test('{{ name }} runs', () => {\n"
         "  handler();\n"
         "});\n"}}},
      {"api",
       "  method:\n"
       "    type: enum\n"
       "    values: [GET, POST, PUT, DELETE, PATCH]\n"
       "    default: GET\n"
       "    description: HTTP method\n"
       "  withAuth:\n"
       "    type: boolean\n"
       "    default: false\n"
       "  withValidation:\n"
       "    type: boolean\n"
       "    default: true\n",
       "{name: users, method: POST, withAuth: true}",
       {{"src/routes/{{ name | kebab_case }}.ts",
         "import { Router } from 'express';\n"
         "{% if withAuth %}import { requireAuth } from '../auth';\n{% endif %}"
         "\n"
         "export const router = Router();\n"
         "\n"
         "router.{{ method | downcase }}('/{{ name | kebab_case }}'{% if withAuth %}, "
         "requireAuth{% endif %}, (req, res) => {\n"
         "{% if withValidation %}  if (!req) return res.status(400).end();\n{% endif %}"
         "  res.json({ ok: true });\n"
         "});\n"},
        {"src/routes/{{ name | kebab_case }}.test.ts",
         "import { router } from './{{ name | kebab_case }}';\n"
         "\n"
         "test('{{ method }} /{{ name | kebab_case }}', () => {\n"
         "  expect(router).toBeDefined();\n"
         "});\n"}}},
      {"generic",
       "  type:\n"
       "    type: enum\n"
       "    values: [typescript, javascript]\n"
       "    default: typescript\n"
       "  withExports:\n"
       "    type: boolean\n"
       "    default: true\n",
       "{name: formatDate, type: typescript}",
       {}},
  }};
  return kPresets;
}

}  // namespace

const GeneratorPreset* find_preset(std::string_view framework) {
  for (const auto& p : presets()) {
    if (p.framework == framework) return &p;
  }
  return nullptr;
}

std::vector<std::pair<std::string, std::string>> generator_files(
    const std::string& gen_dir, const std::string& name, const std::string& description,
    const std::string& category, const std::string& author, const GeneratorPreset& preset) {
  std::string desc =
      description.empty() ? "Generator for " + std::string(preset.framework) : description;
  auto quote = [](const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    return out + "\"";
  };
  std::string yml = "name: " + name + "\n" + "description: " + quote(desc) + "\n" +
                    "version: 1.0.0\n"
                    "author: " +
                    quote(author) + "\n" + "category: " + quote(category) + "\n" + "tags: [" +
                    quote(category) + ", " + std::string(preset.framework) + "]\n" +
                    "variables:\n"
                    "  name:\n"
                    "    type: string\n"
                    "    required: true\n"
                    "    pattern: \"^[A-Za-z][A-Za-z0-9_-]*$\"\n"
                    "    description: Name of what to generate\n" +
                    std::string(preset.variables) +
                    "examples:\n"
                    "  - title: Basic usage\n"
                    "    variables: " +
                    std::string(preset.example) + "\n";
  std::vector<std::pair<std::string, std::string>> out;
  out.emplace_back(gen_dir + "/template.yml", yml);
  // generic: the extension depends on a variable, so the targets are in `to:`.
  if (preset.framework == "generic") {
    out.emplace_back(
        gen_dir + "/templates/src/{{ name | kebab_case }}.liquid",
        "---\n"
        "to: \"src/{{ name | kebab_case }}.{% if type == 'typescript' %}ts{% else %}js{% endif "
        "%}\"\n"
        "---\n"
        "{% if withExports %}export {% endif %}function {{ name | camel_case }}() {}\n");
    out.emplace_back(gen_dir + "/templates/src/{{ name | kebab_case }}.test.liquid",
                     "---\n"
                     "to: \"src/{{ name | kebab_case }}.test.{% if type == 'typescript' %}ts{% "
                     "else %}js{% endif %}\"\n"
                     "---\n"
                     "test('{{ name | camel_case }}', () => {});\n");
  } else {
    for (const auto& [rel, content] : preset.files) {
      out.emplace_back(gen_dir + "/templates/" + std::string(rel), std::string(content));
    }
  }
  return out;
}

}  // namespace hypergen::app
