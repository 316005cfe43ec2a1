---
to: a.txt
re: !!js/regexp /ab+c/gi
---
<%= attributes.re.source %> <%= attributes.re.flags %>
