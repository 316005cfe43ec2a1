---
to: out.txt
---
generator => <%- JSON.stringify(generator) %>
action => <%- JSON.stringify(action) %>
subaction => <%- JSON.stringify(subaction) %>
ts => <%- JSON.stringify(ts) %>
typeof ts => <%- JSON.stringify(typeof ts) %>
h.path.isAbsolute(cwd) => <%- JSON.stringify(h.path.isAbsolute(cwd)) %>
h.path.basename(templates) => <%- JSON.stringify(h.path.basename(templates)) %>
h.path.relative(templates, actionfolder) => <%- JSON.stringify(h.path.relative(templates, actionfolder)) %>
Object.keys(locals).filter(k => k !== 'h').sort() => <%- JSON.stringify(Object.keys(locals).filter(k => k !== 'h').sort()) %>
