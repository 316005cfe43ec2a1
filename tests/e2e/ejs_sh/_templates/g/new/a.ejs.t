---
to: made.txt
sh: echo <%= name %>-<%= h.changeCase.snake(Name) %> > shell-out.txt
---
made <%= name %>
