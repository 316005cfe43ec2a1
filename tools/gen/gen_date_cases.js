const {Liquid} = require('liquidjs');
const l = new Liquid();
const esc = s => '"' + String(s).replace(/[\\"\x00-\x1f?]/g, c => c === '\\' ? '\\\\' : c === '"' ? '\\"' : c === '?' ? '\\?' : '\\' + c.charCodeAt(0).toString(8).padStart(3, '0')) + '"';
const inputs = [0, 1700000000, 1700000000.123, '1700000000', -86400 * 400, '2024-01-15', '2024-03-05T07:08:09Z', '2024-03-05T07:08:09.5+02:30', '2024-03-05T17:08:09', '2024-12-31 23:59:59',
  'Jan 5, 2024', 'Mon, 15 Jan 2024 10:00:00 GMT', '2024/02/29', '1/15/2024 10:20 PM', 'not a date', '2024-13-01', 951782400];
const formats = ['%Y-%m-%d %H:%M:%S', '%a %A %b %B %h', '%c|%x|%X', '%C %y %j %U %W %u %w', '%e|%-d|%_m|%03d|%k|%l|%I|%p|%P', '%L %N %3N %12N %s', '%z %:z %Z', '%^a %#B %#p %-j %10A %q',
  '%%|%t|%n|%Q|%E|100%', '%-H:%M', '%Od %Ey'];
const rows = [];
(async () => {
  for (const x of inputs) for (const f of formats) {
    const out = await l.parseAndRender('{{ x | date: f }}', {x, f});
    rows.push(`    {${esc(JSON.stringify(x))}, ${esc(f)}, nullptr, ${esc(out)}},`);
  }
  for (const x of [0, '2024-03-05T07:08:09Z']) for (const tz of [-480, 300, 0]) {
    const out = await l.parseAndRender('{{ x | date: "%Y-%m-%dT%H:%M %z %Z", tz }}', {x, tz});
    rows.push(`    {${esc(JSON.stringify(x))}, "%Y-%m-%dT%H:%M %z %Z", ${esc(JSON.stringify(tz))}, ${esc(out)}},`);
  }
  for (const fl of ['date_to_xmlschema', 'date_to_rfc822', 'date_to_string', 'date_to_long_string']) {
    for (const x of [1700000000, '2024-03-01T07:08:09Z', '2024-03-02', '2024-03-03', '2024-03-11', 'bad']) {
      const out = await l.parseAndRender(`{{ x | ${fl} }}`, {x});
      rows.push(`    {${esc(JSON.stringify(x))}, ${esc('@' + fl)}, nullptr, ${esc(out)}},`);
    }
  }
  for (const x of ['2024-03-01T07:08:09Z', '2024-03-22', '2024-03-13']) for (const style of ['', 'US']) {
    const out = await l.parseAndRender(`{{ x | date_to_string: "ordinal", style }}{{ x | date_to_long_string: "ordinal", style }}`, {x, style});
    rows.push(`    {${esc(JSON.stringify(x))}, ${esc('@ordinal' + style)}, nullptr, ${esc(out)}},`);
  }
  {
    const out = await l.parseAndRender('{{ x | date }}', {x: 1700000000});
    rows.push(`    {"1700000000", nullptr, nullptr, ${esc(out)}},`);
  }
  console.log(rows.join('\n'));
})();
