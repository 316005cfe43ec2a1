---
to: src/{{ name }}.{{ ext }}
---
export const {{ name }} = 1;
