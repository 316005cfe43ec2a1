// LiquidJS side of bench/compare-liquidjs: parse and render (renderSync of a
// parsed template) of the same small/typical/large templates and data the
// C++ micro-benchmarks use (bench/data/, see its README), reporting template
// source bytes per second. The code-generation filters the templates use are
// registered with the JS packages Hypergen's filters mirror (change-case
// 3.1.0, inflection 1.13.4), as in tools/liquidjs-compare.mjs.
//
//   LIQUIDJS_DIR=/tmp/hypergen-liquidjs node bench/liquidjs_bench.mjs [--json] [--min-time SECONDS]

import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dataDir = path.join(here, 'data');
const scratch = process.env.LIQUIDJS_DIR;
if (!scratch) {
  console.error('liquidjs_bench.mjs: set LIQUIDJS_DIR to the folder holding node_modules');
  process.exit(2);
}
const require = createRequire(path.join(path.resolve(scratch), 'package.json'));
const { Liquid } = require('liquidjs');
const changeCase = require('change-case');
const inflection = require('inflection');

const args = process.argv.slice(2);
const json = args.includes('--json');
const minTimeIdx = args.indexOf('--min-time');
const minTime = minTimeIdx >= 0 ? Number(args[minTimeIdx + 1]) : 1.0;

const engine = new Liquid({ strictFilters: true, cache: false });
const asString = (v) => (v === null || v === undefined ? '' : String(v));
const filters = {
  camel_case: changeCase.camelCase, pascal_case: changeCase.pascalCase,
  snake_case: changeCase.snakeCase, kebab_case: changeCase.paramCase,
  constant_case: changeCase.constantCase, humanize: (s) => inflection.humanize(s),
  pluralize: (s) => inflection.pluralize(s),
};
for (const [name, fn] of Object.entries(filters)) engine.registerFilter(name, (v) => fn(asString(v)));

const read = (f) => fs.readFileSync(path.join(dataDir, f), 'utf8');
const typical = read('typical.liquid');
let large = '';
while (Buffer.byteLength(large) < 200 * 1024) large += typical;
const templates = { small: read('small.liquid'), typical, large };
const data = JSON.parse(read('data.json'));

// Runs fn repeatedly for at least minTime seconds (after a warm-up) and
// returns iterations per second.
function measure(fn) {
  const warmUntil = performance.now() + Math.min(200, minTime * 300);
  while (performance.now() < warmUntil) fn();
  let iterations = 0;
  let batch = 1;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minTime * 1000) {
    for (let i = 0; i < batch; i++) fn();
    iterations += batch;
    elapsed = performance.now() - start;
    if (elapsed < 50) batch *= 2;
  }
  return iterations / (elapsed / 1000);
}

const results = {};
let sink = 0;
for (const [size, source] of Object.entries(templates)) {
  const bytes = Buffer.byteLength(source);
  const parsePerSec = measure(() => { sink += engine.parse(source).length; });
  const tpl = engine.parse(source);
  const renderPerSec = measure(() => { sink += engine.renderSync(tpl, data).length; });
  results[`liquid_parse/${size}`] = { bytes, bytes_per_second: parsePerSec * bytes, iterations_per_second: parsePerSec };
  results[`liquid_render/${size}`] = { bytes, bytes_per_second: renderPerSec * bytes, iterations_per_second: renderPerSec };
}
if (sink < 0) console.error(sink);

if (json) {
  process.stdout.write(JSON.stringify({ liquidjs: require('liquidjs/package.json').version, node: process.version, results }, null, 2) + '\n');
} else {
  for (const [name, r] of Object.entries(results)) {
    console.log(`${name.padEnd(24)} ${(r.bytes_per_second / 1e6).toFixed(2).padStart(10)} MB/s ${r.iterations_per_second.toFixed(0).padStart(10)} it/s`);
  }
}
