---
to: out.txt
---
<% const inputs = ["XMLHttpRequest", "hello world 2", "user_ID", "  padded  ", "v1.2.3", "fooBar-baz_qux", "A1B2", "__x__"] -%>
<% for (const s of inputs) { -%>
no(<%- s %>) = [<%- h.changeCase.no(s) %>]
<% } -%>
<% for (const s of inputs) { -%>
noCase(<%- s %>) = [<%- h.changeCase.noCase(s) %>]
<% } -%>
