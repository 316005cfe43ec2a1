---
to: src/components/{{ Name }}/index.js
---
export * from './{{ Name }}';
