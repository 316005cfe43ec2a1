---
to: out/story.txt
---
story
