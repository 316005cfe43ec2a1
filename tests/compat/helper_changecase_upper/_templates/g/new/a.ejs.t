---
to: out.txt
---
<% const inputs = ["XMLHttpRequest", "hello world 2", "user_ID", "  padded  ", "v1.2.3", "fooBar-baz_qux", "A1B2", "__x__"] -%>
<% for (const s of inputs) { -%>
upper(<%- s %>) = [<%- h.changeCase.upper(s) %>]
<% } -%>
<% for (const s of inputs) { -%>
upperCase(<%- s %>) = [<%- h.changeCase.upperCase(s) %>]
<% } -%>
<% for (const s of inputs) { -%>
lower(<%- s %>) = [<%- h.changeCase.lower(s) %>]
<% } -%>
<% for (const s of inputs) { -%>
lowerCase(<%- s %>) = [<%- h.changeCase.lowerCase(s) %>]
<% } -%>
