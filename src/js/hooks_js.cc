#include "js/prelude.h"

namespace hypergen::js {

// Hygen 6.2.11's prompt.js (hook shapes), context.js (config helpers) and
// config-resolver.js (.hygen.js merge), plus a CommonJS loader over modules
// the host registered beforehand (the host reads the files; nothing here
// touches the file system).
const std::string_view kHooksJs = R"JS((function (native, helpers, path, state) {
'use strict';
var hasOwn = Object.prototype.hasOwnProperty;

// ---- CommonJS: modules registered by the host, `path` built in ---------
var sources = Object.create(null);  // absolute path -> { fn } | { json }
var cache = Object.create(null);
var builtins = { path: path, 'node:path': path };
var env = new Proxy({}, {
  get: function (t, key) {
    if (typeof key !== 'string') return undefined;
    var v = JSON.parse(native('getenv', key));
    return v === null ? undefined : v;
  },
  has: function (t, key) {
    return typeof key === 'string' && JSON.parse(native('getenv', key)) !== null;
  }
});
var processShim = {
  cwd: function () { return native('cwd'); },
  env: env,
  platform: native('platform')
};

function resolveFile(dir, id) {
  var base = path.resolve(dir, id);
  var candidates = [base, base + '.js', base + '.json', base + '/index.js', base + '/index.json'];
  for (var i = 0; i < candidates.length; i++) {
    if (candidates[i] in sources) return candidates[i];
  }
  return null;
}
function isRelative(id) {
  return id === '.' || id === '..' || id.slice(0, 2) === './' || id.slice(0, 3) === '../' ||
         id.charAt(0) === '/';
}
function makeRequire(dir) {
  return function require(id) {
    if (typeof id !== 'string') {
      throw new TypeError('The "id" argument must be of type string. Received ' + typeof id);
    }
    if (hasOwn.call(builtins, id)) return builtins[id];
    var file = isRelative(id) ? resolveFile(dir, id) : null;
    if (file === null) {
      var e = new Error("Cannot find module '" + id + "'");
      e.code = 'MODULE_NOT_FOUND';
      throw e;
    }
    return load(file);
  };
}
function load(file) {
  if (cache[file]) return cache[file].exports;
  var src = sources[file];
  if (!src) return makeRequire('/')(file);
  var module = { id: file, filename: file, loaded: false, exports: {}, children: [], paths: [] };
  cache[file] = module;
  try {
    if (src.json !== undefined) {
      try {
        module.exports = JSON.parse(src.json);
      } catch (err) {
        err.message = file + ': ' + err.message;
        throw err;
      }
    } else {
      var dir = path.dirname(file);
      src.fn.call(module.exports, module.exports, makeRequire(dir), module, file, dir, processShim);
    }
  } catch (err) {
    delete cache[file];
    throw err;
  }
  module.loaded = true;
  return module.exports;
}

// TypeScript's __importStar, as hygen applies it to what require() returns.
function importStar(mod) {
  if (mod && mod.__esModule) return mod;
  var result = {};
  if (mod != null) {
    for (var k in mod) if (k !== 'default' && hasOwn.call(mod, k)) result[k] = mod[k];
  }
  result['default'] = mod;
  return result;
}

// ---- .hygen.js ----------------------------------------------------------
var config = null;
var helperArgs = {};
var extras = null;  // functions a hook returned, kept for the templates

function loadConfig(file, base) {
  config = Object.assign({}, base, importStar(load(file)));
  var summary = {
    templates: typeof config.templates === 'string' ? config.templates : null,
    cwd: typeof config.cwd === 'string' ? config.cwd : null,
    localsDefaults: config.localsDefaults && typeof config.localsDefaults === 'object'
        ? config.localsDefaults : null,
    helpers: config.helpers ? typeof config.helpers : null,
    exec: typeof config.exec === 'function',
    createPrompter: typeof config.createPrompter === 'function',
    logger: !!config.logger,
    debug: !!config.debug
  };
  state.decorate = decorate;
  return JSON.stringify(summary);
}

function decorate(data, h) {
  if (extras) {
    for (var k in extras) if (!hasOwn.call(data, k) || data[k] === undefined) data[k] = extras[k];
  }
  if (!config || !config.helpers) return;
  var extra = config.helpers;
  if (typeof extra === 'function') {
    var locals = Object.assign({}, helperArgs);
    // Hygen's args always have the key, undefined without a sub-action.
    if (!hasOwn.call(locals, 'subaction')) locals.subaction = undefined;
    if (hasOwn.call(data, 'attributes')) locals.attributes = data.attributes;
    extra = config.helpers(locals, config);
  }
  Object.assign(h, extra || {});
}

function exec(command, body) {
  var box = { done: false };
  Promise.resolve().then(function () { return config.exec(command, body); }).then(
    function (v) { box.done = true; box.value = v; },
    function (e) { box.done = true; box.error = e; box.failed = true; });
  return box;
}

// ---- the prompter: enquirer questions asked by hypergen ----------------
var pending = null;  // the questions of the prompt() call being answered

function call(q, f) {
  return typeof f === 'function' ? f.call(q) : f;
}
function plainChoice(c) {
  if (c === null || typeof c !== 'object') return { name: String(c) };
  var name = c.name !== undefined ? c.name : (c.value !== undefined ? c.value : c.message);
  var out = { name: String(name) };
  if (c.message !== undefined) out.message = String(c.message);
  if (c.hint !== undefined) out.hint = String(c.hint);
  if (c.disabled) out.disabled = true;
  return out;
}
function spec(q) {
  if (q === null || typeof q !== 'object') {
    throw new TypeError('a question must be an object, got ' + String(q));
  }
  var type = call(q, q.type);
  var out = {
    type: type === undefined ? 'input' : String(type),
    name: String(q.name),
    message: q.message === undefined ? String(q.name) : String(call(q, q.message))
  };
  var initial = call(q, q.initial);
  if (initial !== undefined) out.initial = initial;
  var choices = call(q, q.choices);
  if (Array.isArray(choices)) out.choices = choices.map(plainChoice);
  if (typeof q.validate === 'function') out.validate = true;
  if (q.required) out.required = true;
  return out;
}
function ask(questions) {
  var list = Array.isArray(questions) ? questions : [questions];
  var specs = list.map(spec);
  pending = list;
  var reply;
  try {
    reply = native('prompt', JSON.stringify(specs));
  } finally {
    pending = null;
  }
  var answers = JSON.parse(reply);
  list.forEach(function (q) {
    if (typeof q.result === 'function' && hasOwn.call(answers, q.name)) {
      answers[q.name] = q.result.call(q, answers[q.name]);
    }
  });
  return answers;
}
// Called by the host while a question is open: true, or the message to show.
function validate(index, json) {
  var q = pending && pending[index];
  if (!q || typeof q.validate !== 'function') return JSON.stringify(true);
  var r = q.validate.call(q, JSON.parse(json));
  if (r && typeof r.then === 'function') return JSON.stringify(true);
  if (typeof r === 'string') return JSON.stringify(r);
  return JSON.stringify(r === false ? 'Invalid input' : true);
}
var prompter = {
  prompt: function (questions) {
    try {
      return Promise.resolve(ask(questions));
    } catch (e) {
      return Promise.reject(e);
    }
  }
};

// ---- hooks (hygen's prompt.js) -------------------------------------------
// getExports() loads the hook module (our loader, or node's require).
function runHook(getExports, args) {
  var box = { done: false };
  box.promise = Promise.resolve().then(function () {
    var hooksModule = importStar(getExports());
    if (hooksModule['default']) hooksModule = hooksModule['default'];
    if (hooksModule.params) return hooksModule.params({ args: args, h: helpers });
    var p = config && typeof config.createPrompter === 'function' ? config.createPrompter() : prompter;
    if (hooksModule.prompt) {
      return hooksModule.prompt({ prompter: p, inquirer: p, args: args, h: helpers });
    }
    return p.prompt(hooksModule.filter(function (q) {
      return args[q.name] === undefined || args[q.name] === null || args[q.name].length === 0;
    }));
  }).then(function (v) {
    box.done = true;
    box.value = v;
  }, function (e) {
    box.done = true;
    box.failed = true;
    box.error = e;
  });
  return box;
}
// The settled hook as JSON: { done, failed, value } (value: the result's
// JSON-able part; its functions stay here for the templates).
function outcome(box, keepFunctions) {
  var out = { done: box.done, failed: !!box.failed };
  if (box.failed) {
    var e = box.error;
    out.error = e !== null && typeof e === 'object'
        ? { name: String(e.name || ''), message: String(e.message), stack: String(e.stack || '') }
        : { name: '', message: String(e), stack: '' };
    return JSON.stringify(out);
  }
  var v = box.value;
  var value = {};
  if (v !== null && typeof v === 'object') {
    for (var k in v) {
      if (!hasOwn.call(v, k)) continue;
      if (typeof v[k] === 'function') {
        if (keepFunctions) {
          extras = extras || {};
          extras[k] = v[k];
          state.decorate = decorate;
        }
      } else {
        value[k] = v[k];
      }
    }
  }
  out.value = value;
  return JSON.stringify(out, function (key, x) { return x === undefined ? null : x; });
}
// Rethrows a failed box's error, so the host reads its file and line.
function rethrow(box) {
  if (box.failed) throw box.error;
  return '';
}

return {
  register: function (file, fn) { sources[file] = { fn: fn }; },
  registerJson: function (file, text) { sources[file] = { json: text }; },
  load: load,
  loadConfig: function (file, base) { return loadConfig(file, JSON.parse(base)); },
  setHelperArgs: function (json) { helperArgs = JSON.parse(json); },
  runHook: function (file, args) {
    return runHook(function () { return load(file); }, JSON.parse(args));
  },
  runHookWith: runHook,
  outcome: outcome,
  rethrow: rethrow,
  validate: validate,
  exec: function (command, body) { return exec(command, body); },
  hasConfig: function () { return config !== null; }
};
}))JS";

}  // namespace hypergen::js
