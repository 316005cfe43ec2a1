---
to: src/{{ name }}.js
---
export const {{ name }} = "from the project";
