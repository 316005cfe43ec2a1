---
to: out.txt
---
my-var=<%- JSON.stringify(locals['my-var']) %> <%= typeof locals['my-var'] %>
myVar=<%- JSON.stringify(locals['myVar']) %> <%= typeof locals['myVar'] %>
snake_case=<%- JSON.stringify(locals['snake_case']) %> <%= typeof locals['snake_case'] %>
snakeCase=<%- JSON.stringify(locals['snakeCase']) %> <%= typeof locals['snakeCase'] %>
two-part-key=<%- JSON.stringify(locals['two-part-key']) %> <%= typeof locals['two-part-key'] %>
twoPartKey=<%- JSON.stringify(locals['twoPartKey']) %> <%= typeof locals['twoPartKey'] %>
UPPER-X=<%- JSON.stringify(locals['UPPER-X']) %> <%= typeof locals['UPPER-X'] %>
upperX=<%- JSON.stringify(locals['upperX']) %> <%= typeof locals['upperX'] %>
UPPERX=<%- JSON.stringify(locals['UPPERX']) %> <%= typeof locals['UPPERX'] %>
