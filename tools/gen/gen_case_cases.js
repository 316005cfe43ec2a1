const cc = require('change-case');
const inf = require('inflection');
const words = ['XMLHttpRequest', 'xmlHttpRequest', 'user-profile', 'user_profile', 'UserProfile', 'userProfile', 'user profile',
  'version2Beta', 'version 2 beta', 'v1.2.3', 'A1B2', 'hello world 2', '  padded  ', '__x__', 'user_ID', 'HTTPServer', 'getHTTPResponseCode',
  'Ünïcödé wörd', 'straße', 'ΟΔΟΣ test', 'Привет мир', 'foo--bar__baz', 'foo.bar/baz', 'CONSTANT_CASE', 'already-kebab', 'x', '', '123', '123abc', 'abc123def',
  'ABC', 'aBC', 'ABCdef', 'AAbCd', 'ABcDEf', 'camelCase2Go', 'snake_case_2', 'émile zola', 'I', 'iPhone', 'PDFReader', 'some_-_mixed-_-thing', 'a😀b', 'ǅungla'];
const fns = ['no', 'camel', 'pascal', 'snake', 'param', 'constant', 'dot', 'path', 'header', 'sentence', 'title', 'lower', 'upper', 'lcFirst', 'ucFirst', 'swap', 'isUpper', 'isLower'];
const esc = s => 'R"hg(' + s + ')hg"';
let out = [];
for (const w of words) for (const f of fns) out.push(`    {"${f}", ${esc(w)}, ${esc(String(cc[f](w)))}},`);
require('fs').writeFileSync('case_cases.inc', out.join('\n') + '\n');
const iw = ['person', 'Person', 'PERSON', 'people', 'man', 'woman', 'child', 'children', 'ox', 'oxen', 'axis', 'axes', 'octopus', 'octopi', 'virus', 'alias', 'status', 'bus', 'buses',
  'tomato', 'potato', 'datum', 'data', 'analysis', 'analyses', 'knife', 'wife', 'leaf', 'half', 'hive', 'category', 'Categories', 'query', 'matrix', 'matrices', 'vertex', 'index', 'indices',
  'box', 'boxes', 'church', 'class', 'dish', 'mouse', 'mice', 'louse', 'foot', 'feet', 'tooth', 'goose', 'quiz', 'quizzes', 'whereas', 'criterion', 'criteria', 'genus', 'genera',
  'fish', 'sheep', 'Sheep', 'news', 'equipment', 'series', 'movie', 'movies', 'shoe', 'shoes', 'drive', 'drives', 'database', 'databases', 'curve', 'curves', 'crisis', 'test', 'tests',
  'summons', 'bonus', 'campus', 'canvas', 'thesis', 'user', 'users', '', 's', 'ss', 'UserAccount', 'user_account', 'Admin::UserAccount', 'admin/user_accounts', 'fooBar_BAZ',
  'HTTPServer', 'author_id', 'author_ids', 'the_lord of-the rings', 'message_properties', 'man from the boondocks', 'x-men: the last stand', 'hello world', 'über café'];
const ifns = ['pluralize', 'singularize', 'camelize', 'underscore', 'humanize', 'capitalize', 'dasherize', 'titleize', 'demodulize', 'tableize', 'classify', 'foreign_key'];
out = [];
for (const w of iw) for (const f of ifns) out.push(`    {"${f}", ${esc(w)}, ${esc(String(inf[f](w)))}},`);
for (const w of ['1', '2', '3', '4', '11', '12', '13', '21', '22', '101', '111', '1 street', 'floor 2 and 3', '-1', 'abc', '1a', ' 1']) out.push(`    {"ordinalize", ${esc(w)}, ${esc(inf.ordinalize(w))}},`);
for (const w of ['fooBar_BAZ', 'admin/user_accounts', 'foo_bar']) out.push(`    {"camelize_low", ${esc(w)}, ${esc(inf.camelize(w, true))}},`);
for (const w of ['HTTP', 'HTTPServer']) out.push(`    {"underscore_upper", ${esc(w)}, ${esc(inf.underscore(w, true))}},`);
for (const w of ['author_id', 'Hello_World']) out.push(`    {"humanize_low", ${esc(w)}, ${esc(inf.humanize(w, true))}},`);
for (const w of ['Admin::Message']) out.push(`    {"foreign_key_drop", ${esc(w)}, ${esc(inf.foreign_key(w, true))}},`);
require('fs').writeFileSync('inflection_cases.inc', out.join('\n') + '\n');
