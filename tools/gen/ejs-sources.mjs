#!/usr/bin/env node
// Regenerates the expected EJS function sources for src/ejs/compile_test.cc:
// for every tests/ejs/compile/NAME.ejs, writes NAME.js, the exact body the
// npm package ejs (3.1.10, the version hygen 6.2.11 installs) passes to
// `new Function("locals, escapeFn, include, rethrow", body)` when called the
// way hygen calls it (ejs.render(text, locals): no options), or NAME.error
// with the message when ejs refuses the template.
//
//   npm install --prefix /tmp/x ejs@3.1.10
//   node tools/gen/ejs-sources.mjs /tmp/x/node_modules/ejs
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ejsDir = process.argv[2];
if (!ejsDir) {
  console.error('usage: node tools/gen/ejs-sources.mjs PATH/TO/node_modules/ejs');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const ejs = require(path.resolve(ejsDir));
if (ejs.VERSION !== '3.1.10') console.error(`warning: ejs ${ejs.VERSION}, expected 3.1.10`);

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../tests/ejs/compile');
const RealFunction = globalThis.Function;
let captured = null;
globalThis.Function = function (params, body) {
  captured = { params, body };
  return RealFunction(params, body);
};
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ejs')).sort()) {
  const base = path.join(dir, file.slice(0, -4));
  fs.rmSync(base + '.js', { force: true });
  fs.rmSync(base + '.error', { force: true });
  const text = fs.readFileSync(path.join(dir, file), 'utf8');
  captured = null;
  try {
    ejs.compile(text, {});
  } catch (e) {
    // A JavaScript syntax error comes from Function itself, after ejs made
    // the body (which is what we compare); anything else is ejs refusing.
    if (!captured) fs.writeFileSync(base + '.error', e.message + '\n');
  }
  if (captured) {
    if (captured.params !== 'locals, escapeFn, include, rethrow') {
      throw new Error(`${file}: ejs did not call Function as expected`);
    }
    fs.writeFileSync(base + '.js', captured.body);
  }
}
globalThis.Function = RealFunction;
