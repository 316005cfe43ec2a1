---
to: out.txt
---
<% const inputs = ["XMLHttpRequest", "hello world 2", "user_ID", "  padded  ", "v1.2.3", "fooBar-baz_qux", "A1B2", "__x__"] -%>
<% for (const s of inputs) { -%>
isUpper(<%- s %>) = [<%- h.changeCase.isUpper(s) %>]
<% } -%>
<% for (const s of inputs) { -%>
isUpperCase(<%- s %>) = [<%- h.changeCase.isUpperCase(s) %>]
<% } -%>
<% for (const s of inputs) { -%>
isLower(<%- s %>) = [<%- h.changeCase.isLower(s) %>]
<% } -%>
<% for (const s of inputs) { -%>
isLowerCase(<%- s %>) = [<%- h.changeCase.isLowerCase(s) %>]
<% } -%>
