---
to: out.txt
---
h.path.join('a', '../b', 'c.txt') => <%- JSON.stringify(h.path.join('a', '../b', 'c.txt')) %>
h.path.basename('/x/y.ts', '.ts') => <%- JSON.stringify(h.path.basename('/x/y.ts', '.ts')) %>
h.path.dirname('/x/y/z') => <%- JSON.stringify(h.path.dirname('/x/y/z')) %>
h.path.extname('a.b.c') => <%- JSON.stringify(h.path.extname('a.b.c')) %>
h.path.normalize('a//b/./c/..') => <%- JSON.stringify(h.path.normalize('a//b/./c/..')) %>
h.path.parse('/home/u/f.txt') => <%- JSON.stringify(h.path.parse('/home/u/f.txt')) %>
h.path.format({dir: 'd', base: 'b.x'}) => <%- JSON.stringify(h.path.format({dir: 'd', base: 'b.x'})) %>
h.path.sep => <%- JSON.stringify(h.path.sep) %>
h.path.delimiter => <%- JSON.stringify(h.path.delimiter) %>
h.path.isAbsolute('x') => <%- JSON.stringify(h.path.isAbsolute('x')) %>
h.path.relative('/a/b/c', '/a/d') => <%- JSON.stringify(h.path.relative('/a/b/c', '/a/d')) %>
