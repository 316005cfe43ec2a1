---
to: src/cli/commands/{{ name | kebab_case }}.js
---
// `mycli {{ name | kebab_case }}`{% if description %}: {{ description }}{% endif %}
export const command = '{{ name | kebab_case }}';
export const describe = '{{ description | default: "TODO: describe me" }}';
export function handler(argv) {
  console.log('{{ name | kebab_case }}', argv);
}
