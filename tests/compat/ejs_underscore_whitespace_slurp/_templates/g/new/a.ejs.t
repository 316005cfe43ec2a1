---
to: out.txt
---
start
    <%_ if (true) { _%>
  kept
    <%_ } _%>
end
