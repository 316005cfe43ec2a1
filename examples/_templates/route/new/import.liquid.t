---
to: src/api/router.js
inject: true
before: "^const router"
skip_if: "from './{{ name | kebab_case }}.js'"
eof_last: false
---
import { {{ name | camel_case }} } from './{{ name | kebab_case }}.js';
