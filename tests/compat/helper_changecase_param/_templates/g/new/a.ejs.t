---
to: out.txt
---
<% const inputs = ["XMLHttpRequest", "hello world 2", "user_ID", "  padded  ", "v1.2.3", "fooBar-baz_qux", "A1B2", "__x__"] -%>
<% for (const s of inputs) { -%>
param(<%- s %>) = [<%- h.changeCase.param(s) %>]
<% } -%>
<% for (const s of inputs) { -%>
paramCase(<%- s %>) = [<%- h.changeCase.paramCase(s) %>]
<% } -%>
<% for (const s of inputs) { -%>
kebab(<%- s %>) = [<%- h.changeCase.kebab(s) %>]
<% } -%>
<% for (const s of inputs) { -%>
kebabCase(<%- s %>) = [<%- h.changeCase.kebabCase(s) %>]
<% } -%>
<% for (const s of inputs) { -%>
hyphen(<%- s %>) = [<%- h.changeCase.hyphen(s) %>]
<% } -%>
<% for (const s of inputs) { -%>
hyphenCase(<%- s %>) = [<%- h.changeCase.hyphenCase(s) %>]
<% } -%>
