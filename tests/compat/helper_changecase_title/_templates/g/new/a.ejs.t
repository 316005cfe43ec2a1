---
to: out.txt
---
<% const inputs = ["XMLHttpRequest", "hello world 2", "user_ID", "  padded  ", "v1.2.3", "fooBar-baz_qux", "A1B2", "__x__"] -%>
<% for (const s of inputs) { -%>
title(<%- s %>) = [<%- h.changeCase.title(s) %>]
<% } -%>
<% for (const s of inputs) { -%>
titleCase(<%- s %>) = [<%- h.changeCase.titleCase(s) %>]
<% } -%>
