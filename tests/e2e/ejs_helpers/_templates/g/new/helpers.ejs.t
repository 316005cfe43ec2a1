---
to: helpers.txt
---
<% const cc = h.changeCase; const words = ['XMLHttpRequest', 'user_ID', '  padded  ', 'version 2 beta', 'Ünïcödé wörd']; -%>
<% words.forEach(function (w) { -%>
<%- w %>: <%- [cc.no(w), cc.noCase(w), cc.camel(w), cc.camelCase(w), cc.pascal(w), cc.snake(w), cc.param(w), cc.kebab(w), cc.hyphenCase(w), cc.dot(w), cc.path(w), cc.constant(w), cc.header(w), cc.title(w), cc.sentence(w), cc.upper(w), cc.lower(w), cc.ucFirst(w), cc.lcFirst(w), cc.swap(w), cc.isUpper(w), cc.isLower(w)].join(' | ') %>
<% }) -%>
<% const inf = h.inflection; ['person', 'octopus', 'leaf', 'index', 'fish', 'shoes', 'axes', 'analyses', 'sheep', 'UserAccount'].forEach(function (w) { -%>
<%- w %>: <%- [inf.pluralize(w), inf.singularize(w), inf.camelize(w), inf.camelize(w, true), inf.underscore(w), inf.humanize(w), inf.capitalize(w), inf.dasherize(w), inf.titleize(w), inf.tableize(w), inf.classify(w), inf.foreign_key(w), inf.foreign_key(w, true), inf.demodulize('A::' + w)].join(' | ') %>
<% }) -%>
<%- inf.ordinalize('1 2 3 4 11 12 13 21 101 x') %> <%- inf.inflect('cat', 1) %> <%- inf.inflect('cat', '2') %> <%- inf.inflect('cat', 'x') %> <%- inf.undasherize('foo-bar_baz') %> <%- inf.transform('all_job', ['pluralize', 'capitalize', 'dasherize']) %> <%- inf.pluralize('x', 'override') %>
<%- h.capitalize('aBC') %> <%- h.capitalize('') %> <%- h.capitalize(12) %>
<%- [h.path.join('a', 'b', '../c'), h.path.join(), h.path.join('', ''), h.path.normalize('a//b/./c/..'), h.path.normalize(''), h.path.normalize('./'), h.path.normalize('/..'), h.path.basename('/a/b.js', '.js'), h.path.basename('/a/b/'), h.path.basename('a.js', 'a.js'), h.path.extname('a.b.c'), h.path.extname('.rc'), h.path.extname('a.'), h.path.dirname('a'), h.path.dirname('/a'), h.path.dirname('/a/b/'), h.path.isAbsolute('/x'), h.path.isAbsolute('x'), h.path.relative('/a/b/c', '/a/d/e'), h.path.relative('/a', '/a/b'), h.path.relative('/a/b', '/a'), h.path.sep, h.path.delimiter, h.path.format({dir: '/x', name: 'y', ext: '.z'}), h.path.format({root: '/', base: 'f'})].join(' | ') %>
<%- JSON.stringify([h.path.parse('/home/u/file.tar.gz'), h.path.parse('rel/dir/'), h.path.parse('/'), h.path.parse('.bashrc'), h.path.parse('//a')]) %>
<%- h.path.relative(cwd, h.path.resolve('sub/dir')) %> <%- h.path.posix === h.path %>
