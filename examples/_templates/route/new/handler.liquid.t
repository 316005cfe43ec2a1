---
to: src/api/{{ name | kebab_case }}.js
---
// GET /{{ name | kebab_case }}
export async function {{ name | camel_case }}(req, res) {
  res.json({ {{ name | camel_case }}: [] });
}
