---
to: app/hello.js
---
const hello = ```
Hello!
This is your first hypergen template.

Learn what it can do here:

https://www.hygen.io/docs/templates
```

console.log(hello)
