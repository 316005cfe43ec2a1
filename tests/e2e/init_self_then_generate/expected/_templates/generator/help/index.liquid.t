---
message: |
  hypergen generator new [NAME] [--action ACTION]
  creates _templates/NAME/ACTION (default: new) with a first template.
---
