---
to: out.txt
---
a<%# a comment %>b
<%# line comment -%>
c
