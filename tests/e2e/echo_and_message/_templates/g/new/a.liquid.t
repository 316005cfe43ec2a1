---
echo: "echo {{ name }}"
message: "done with {{ name }}"
---
