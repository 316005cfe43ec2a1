// Renders tests/liquid/<case> folders with LiquidJS, configured the way
// `hypergen render` works (partials from the case folder by name or
// name + ".liquid", unknown filters are errors, undefined variables render
// empty), plus the code-generation filters implemented with the JS packages
// Hypergen's filters must match (change-case 3.1.0, inflection 1.13.4).
//
// Used by tools/liquidjs-compare (the bash driver) — run that instead.
//
//   node liquidjs-compare.mjs render CASE_DIR        output on stdout, error on stderr (exit 1)
//   node liquidjs-compare.mjs render-all OUT_DIR CASE_DIR...
//        writes OUT_DIR/<case>.out (output) or OUT_DIR/<case>.err (error message)
//
// The npm packages are loaded from $LIQUIDJS_DIR (a scratch folder with
// liquidjs@10, change-case@3.1.0 and inflection@1.13.4 installed).

import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

process.env.TZ = process.env.TZ || 'UTC';

const scratch = process.env.LIQUIDJS_DIR;
if (!scratch) {
  console.error('liquidjs-compare.mjs: set LIQUIDJS_DIR to the folder holding node_modules');
  process.exit(2);
}
const require = createRequire(path.join(path.resolve(scratch), 'package.json'));
const { Liquid } = require('liquidjs');
const changeCase = require('change-case');
const inflection = require('inflection');

// Filters take the piped value as a string (nil → "") like Hypergen does.
const asString = (v) => (v === null || v === undefined ? '' : String(v));
const unary = (fn) => (v) => fn(asString(v));

// snake_case name → implementation; every entry is also registered under its
// camelCase alias (camel_case → camelCase, lower_first → lowerFirst, …).
const codegenFilters = {
  camel_case: unary(changeCase.camelCase),
  pascal_case: unary(changeCase.pascalCase),
  snake_case: unary(changeCase.snakeCase),
  kebab_case: unary(changeCase.paramCase),
  param_case: unary(changeCase.paramCase),
  constant_case: unary(changeCase.constantCase),
  dot_case: unary(changeCase.dotCase),
  path_case: unary(changeCase.pathCase),
  title_case: unary(changeCase.titleCase),
  sentence_case: unary(changeCase.sentenceCase),
  lower_first: unary(changeCase.lowerCaseFirst),
  upper_first: unary(changeCase.upperCaseFirst),
  pluralize: unary((s) => inflection.pluralize(s)),
  singularize: unary((s) => inflection.singularize(s)),
  humanize: unary((s) => inflection.humanize(s)),
  titleize: unary((s) => inflection.titleize(s)),
};

const toCamel = (name) => name.replace(/_([a-z])/g, (_, c) => c.toUpperCase());

// CLI flags a case may pass to `hypergen render` (file `args`) and the
// LiquidJS option each one corresponds to.
const argOptions = {
  '--strict': { strictVariables: true },
  '--strict-variables': { strictVariables: true },
};

function makeEngine(caseDir, extra) {
  const engine = new Liquid({
    root: [caseDir],
    partials: [caseDir],
    extname: '.liquid',
    strictFilters: true,
    strictVariables: false,
    cache: false,
    ...extra,
  });
  for (const [name, fn] of Object.entries(codegenFilters)) {
    engine.registerFilter(name, fn);
    const alias = toCamel(name);
    if (alias !== name) engine.registerFilter(alias, fn);
  }
  return engine;
}

function readCaseArgs(caseDir) {
  const file = path.join(caseDir, 'args');
  if (!fs.existsSync(file)) return {};
  let options = {};
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const arg = line.trim();
    if (arg && argOptions[arg]) options = { ...options, ...argOptions[arg] };
  }
  return options;
}

async function renderCase(caseDir) {
  const source = fs.readFileSync(path.join(caseDir, 'template.liquid'), 'utf8');
  const dataFile = path.join(caseDir, 'data.json');
  const data = fs.existsSync(dataFile) ? JSON.parse(fs.readFileSync(dataFile, 'utf8')) : {};
  const engine = makeEngine(caseDir, readCaseArgs(caseDir));
  const tpl = engine.parse(source, path.join(caseDir, 'template.liquid'));
  return engine.render(tpl, data);
}

const [mode, ...rest] = process.argv.slice(2);
if (mode === 'render' && rest.length === 1) {
  try {
    process.stdout.write(await renderCase(path.resolve(rest[0])));
  } catch (err) {
    console.error(String(err && err.message ? err.message : err));
    process.exit(1);
  }
} else if (mode === 'render-all' && rest.length >= 1) {
  const [outDir, ...cases] = rest;
  fs.mkdirSync(outDir, { recursive: true });
  for (const caseDir of cases) {
    const name = path.basename(caseDir);
    try {
      const out = await renderCase(path.resolve(caseDir));
      fs.writeFileSync(path.join(outDir, `${name}.out`), out);
    } catch (err) {
      fs.writeFileSync(path.join(outDir, `${name}.err`), String(err && err.message ? err.message : err) + '\n');
    }
  }
} else {
  console.error('usage: liquidjs-compare.mjs render CASE_DIR | render-all OUT_DIR CASE_DIR...');
  process.exit(2);
}
