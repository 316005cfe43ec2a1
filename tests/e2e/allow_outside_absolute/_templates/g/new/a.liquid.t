---
to: "{{ cwd | remove_last: \"/proj\" }}/outside/abs.txt"
---
escaped
