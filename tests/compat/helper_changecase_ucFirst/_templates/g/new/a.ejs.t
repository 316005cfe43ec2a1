---
to: out.txt
---
<% const inputs = ["XMLHttpRequest", "hello world 2", "user_ID", "  padded  ", "v1.2.3", "fooBar-baz_qux", "A1B2", "__x__"] -%>
<% for (const s of inputs) { -%>
ucFirst(<%- s %>) = [<%- h.changeCase.ucFirst(s) %>]
<% } -%>
<% for (const s of inputs) { -%>
upperCaseFirst(<%- s %>) = [<%- h.changeCase.upperCaseFirst(s) %>]
<% } -%>
<% for (const s of inputs) { -%>
lcFirst(<%- s %>) = [<%- h.changeCase.lcFirst(s) %>]
<% } -%>
<% for (const s of inputs) { -%>
lowerCaseFirst(<%- s %>) = [<%- h.changeCase.lowerCaseFirst(s) %>]
<% } -%>
