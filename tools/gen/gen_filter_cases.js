const {Liquid} = require('liquidjs');
const l = new Liquid();
const U = 'ÀÉÎõü straße ΟΔΟΣ Привет';
const objs = [{a: 1, b: 'x', t: true}, {a: 2, b: 'y', t: false}, {b: 'z', a: null}, {a: 1, b: 'w', t: true}];
const C = [
  // string
  ['append', 'abc', ['def']], ['append', 1, [2]], ['append', null, ['x']], ['append', [1,2], [[3]]],
  ['prepend', 'abc', ['x']], ['prepend', 'abc', [null]],
  ['capitalize', 'hELLO wORLD', []], ['capitalize', 'élan VITAL', []], ['capitalize', '', []],
  ['downcase', U, []], ['upcase', U, []], ['upcase', 'ǆ ﬁ ŉ', []], ['downcase', 'İSTANBUL', []], ['upcase', 3.5, []],
  ['lstrip', '  \t\n a b  ', []], ['rstrip', '  a b \n ', []], ['strip', '\u00a0 a b \u3000', []],
  ['strip', 'xxhixx', ['x']], ['lstrip', 'abcba', ['ab']], ['rstrip', 'abcba', ['ab']], ['strip', '--a--', ['']],
  ['remove', 'a-b-c', ['-']], ['remove', 'abc', ['']], ['remove_first', 'a-b-c', ['-']], ['remove_last', 'a-b-c', ['-']],
  ['replace', 'a-b-c', ['-', '+']], ['replace', 'abc', ['', '.']], ['replace', 'a-b', ['-']],
  ['replace_first', 'a-b-c', ['-', '+']], ['replace_first', 'abc', ['', '.']], ['replace_last', 'a-b-c', ['-', '+']], ['replace_last', 'abc', ['', '.']],
  ['replace', 'aaa', ['a', '$&']],
  ['split', 'a,b,,c,,', [',']], ['split', 'abc', ['']], ['split', '', [',']], ['split', 'héllo', ['']],
  ['strip_newlines', 'a\nb\r\nc\rd', []], ['squish', '  a \n\t b  c ', []], ['normalize_whitespace', ' a \n\n b ', []],
  ['truncate', 'Ground control to Major Tom.', [20]], ['truncate', 'Ground control', [20]], ['truncate', 'Ground control to Major Tom.', [25, ', and so on']],
  ['truncate', 'Ground control to Major Tom.', [20, '']], ['truncate', 'Ground', [2]], ['truncate', 'ÀÉÎõüxyz', [6]], ['truncate', 'abcdef', [0]], ['truncate', 12345, [3, '']],
  ['truncatewords', 'Ground control to Major Tom.', [3]], ['truncatewords', 'a b c', [3]], ['truncatewords', 'a b c', [4]], ['truncatewords', '  a   b c', [2, '--']], ['truncatewords', 'a b', [0]], ['truncatewords', 'one two three', [-1]],
  ['number_of_words', 'Hello world  foo', []], ['number_of_words', '   ', []], ['number_of_words', '你好hello世界', ['cjk']], ['number_of_words', '你好 hello 世界', ['auto']], ['number_of_words', 'hello world', ['auto']],
  ['array_to_sentence_string', ['a', 'b', 'c'], []], ['array_to_sentence_string', ['a', 'b'], ['or']], ['array_to_sentence_string', ['a'], []], ['array_to_sentence_string', [], []], ['array_to_sentence_string', 'x', []],
  // html / url
  ['escape', '<p class="x">Tom & \'Jerry\'</p>', []], ['xml_escape', '<a>', []], ['escape_once', '1 &lt; 2 & 3 &amp; "4"', []],
  ['newline_to_br', 'a\nb\r\nc', []], ['strip_html', '<p>Hi <b>there</b></p><script>x<y</script><!-- c -->!', []], ['strip_html', 'a < b and <i>c', []], ['strip_html', 'a <!-- b', []],
  ['url_encode', 'john@liquid.com a+b/ü?', []], ['url_decode', '%27Stop%21%27+said+Fred%20ü', []], ['cgi_escape', "a b!'()*~", []], ['uri_escape', 'http://x.com/a b?[c]=é#f', []],
  ['slugify', ' Hello, World! Ünïcödé ', []], ['slugify', 'Hello, World!', ['pretty']], ['slugify', 'Hello, World!', ['ascii']], ['slugify', 'Héllo Wörld', ['latin']], ['slugify', 'Hello  World', ['raw']], ['slugify', 'Hello World', ['none']], ['slugify', 'Hello World', ['default', true]],
  ['base64_encode', 'one two three ü', []], ['base64_decode', 'b25lIHR3byB0aHJlZSDDvA==', []], ['base64_decode', 'YWJj\nZA', []],
  ['sha256', 'Hello', []], ['sha256', '', []], ['hmac_sha256', 'Hello', ['secret']], ['hmac_sha256', 'x', ['k'.repeat(100)]],
  // math
  ['abs', -17, []], ['abs', '-19.86', []], ['abs', 'abc', []], ['at_least', 4, [5]], ['at_least', 4, [3]], ['at_most', 4, [3]], ['at_most', '4', ['5']],
  ['ceil', 1.2, []], ['ceil', '3.5', []], ['floor', -1.2, []], ['floor', 'x', []],
  ['divided_by', 16, [4]], ['divided_by', 5, [3]], ['divided_by', 10, [4, true]], ['divided_by', 1, [0]], ['divided_by', -7, [2, true]], ['divided_by', 0, [0]],
  ['minus', 4, [2]], ['minus', 16.5, [4.25]], ['minus', 'a', [1]], ['plus', 0.1, [0.2]], ['plus', '3', ['4']], ['plus', 1, [null]], ['plus', [5], [1]], ['plus', 1e21, [1]],
  ['times', 3, [0.1]], ['times', 1.1, [1.1]], ['modulo', 3, [2]], ['modulo', -7, [3]], ['modulo', 7.5, [2]], ['modulo', 1, [0]],
  ['round', 1.2, []], ['round', 2.7, []], ['round', 183.357, [2]], ['round', 1.005, [2]], ['round', 2.5, []], ['round', -2.5, []], ['round', -0.4, []], ['round', 1234.5, [-2]], ['round', 1e20, [2]],
  // array
  ['join', [1, 2, 3], []], ['join', [1, [2, 3], null, true], [', ']], ['join', 'abc', ['-']], ['join', null, ['-']], ['join', ['a', 'b'], [null]],
  ['first', [1, 2, 3], []], ['first', [], []], ['first', 'héllo', []], ['first', 5, []], ['last', [1, 2, 3], []], ['last', 'héllo', []], ['last', {a: 1}, []],
  ['reverse', [1, 2, 3], []], ['reverse', 'abc', []],
  ['sort', [3, 1, 10, 2], []], ['sort', ['b', 'B', 'a', 'A', '10', '9'], []], ['sort', [3, null, 1], []], ['sort', objs, ['a']], ['sort', [10, '9', 1], []],
  ['sort_natural', ['b', 'B', 'a', 'A', 'c'], []], ['sort_natural', objs, ['b']],
  ['size', 'héllo', []], ['size', [1, 2], []], ['size', {a: 1}, []], ['size', 5, []], ['size', null, []], ['size', '😀', []], ['size', '', []],
  ['map', objs, ['b']], ['map', [{a: {b: 1}}, {a: {b: 2}}], ['a.b']], ['sum', [1, 2, '3', 'x', null], []], ['sum', objs, ['a']], ['sum', [0.1, 0.2], []],
  ['compact', [1, null, 2, null], []], ['concat', [1, 2], [[3, 4]]], ['concat', [1], ['x']], ['concat', null, [[1]]],
  ['push', [1, 2], [3]], ['push', 'a', ['b']], ['unshift', [1, 2], [0]], ['pop', [1, 2, 3], []], ['pop', [], []], ['shift', [1, 2, 3], []],
  ['slice', 'hello', [1]], ['slice', 'hello', [1, 3]], ['slice', 'hello', [-3, 2]], ['slice', 'hello', [-10, 2]], ['slice', 'hello', [2, -1]], ['slice', 'héllo wörld', [1, 4]], ['slice', [1, 2, 3, 4], [1, 2]], ['slice', [1, 2, 3, 4], [-2, 5]], ['slice', [1, 2, 3], [5]], ['slice', null, [0]], ['slice', 12345, [1, 2]],
  ['where', objs, ['a', 1]], ['where', objs, ['t']], ['where', objs, ['b', 'y']], ['where', objs, ['a', '1']], ['where', objs, ['a', null]], ['reject', objs, ['t']], ['reject', objs, ['a', 1]],
  ['group_by', objs, ['a']], ['has', objs, ['b', 'z']], ['has', objs, ['b', 'q']], ['find', objs, ['b', 'y']], ['find', objs, ['b', 'q']], ['find_index', objs, ['b', 'y']], ['find_index', objs, ['b', 'q']], ['find', objs, ['t']],
  ['uniq', [1, 2, 1, '1', 3, 2], []], ['uniq', ['a', 'b', 'a'], []],
  // misc
  ['default', null, ['x']], ['default', '', ['x']], ['default', [], ['x']], ['default', false, ['x']], ['default', 0, ['x']], ['default', 'a', ['x']], ['default', ' ', ['x']],
  ['json', {a: [1, 'x', null, true, 1.5]}, []], ['json', [1, 2], [2]], ['json', 'a"b', []], ['jsonify', {a: 1}, []], ['inspect', {a: {b: 1}}, []],
  ['raw', '<b>', []], ['to_integer', '42', []], ['to_integer', '3.7', []], ['to_integer', 'abc', []], ['to_integer', 5, []],
];
(async () => {
  const rows = [];
  for (const [f, input, args] of C) {
    const data = {x: input};
    args.forEach((a, i) => data['a' + i] = a);
    const tpl = '{{ x | ' + f + (args.length ? ': ' + args.map((_, i) => 'a' + i).join(', ') : '') + ' }}';
    let out;
    try { out = await l.parseAndRender(tpl, data); } catch (e) { out = '<ERROR>'; }
    rows.push([f, JSON.stringify(input === undefined ? null : input), JSON.stringify(args), out]);
  }
  const esc = s => '"' + s.replace(/[\\"\x00-\x1f?]/g, c => c === '\\' ? '\\\\' : c === '"' ? '\\"' : c === '?' ? '\\?' : '\\' + c.charCodeAt(0).toString(8).padStart(3, '0')) + '"';
  console.log(rows.map(r => `    {"${r[0]}", ${esc(r[1])}, ${esc(r[2])}, ${esc(r[3])}},`).join('\n'));
})();
