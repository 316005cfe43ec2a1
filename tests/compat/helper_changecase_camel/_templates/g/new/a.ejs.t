---
to: out.txt
---
<% const inputs = ["XMLHttpRequest", "hello world 2", "user_ID", "  padded  ", "v1.2.3", "fooBar-baz_qux", "A1B2", "__x__"] -%>
<% for (const s of inputs) { -%>
camel(<%- s %>) = [<%- h.changeCase.camel(s) %>]
<% } -%>
<% for (const s of inputs) { -%>
camelCase(<%- s %>) = [<%- h.changeCase.camelCase(s) %>]
<% } -%>
