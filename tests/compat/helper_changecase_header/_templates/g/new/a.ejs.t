---
to: out.txt
---
<% const inputs = ["XMLHttpRequest", "hello world 2", "user_ID", "  padded  ", "v1.2.3", "fooBar-baz_qux", "A1B2", "__x__"] -%>
<% for (const s of inputs) { -%>
header(<%- s %>) = [<%- h.changeCase.header(s) %>]
<% } -%>
<% for (const s of inputs) { -%>
headerCase(<%- s %>) = [<%- h.changeCase.headerCase(s) %>]
<% } -%>
