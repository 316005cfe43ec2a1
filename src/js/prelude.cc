#include "js/prelude.h"

namespace hypergen::js {

const std::string_view kPrelude = R"JS((function () {
'use strict';
var native = globalThis.__hypergen_native;
delete globalThis.__hypergen_native;

// ---- ejs 3.1.10's escapeXML, rethrow and include ------------------------
var HTML = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' };
function escapeXML(markup) {
  return markup == undefined ? '' : String(markup).replace(/[&<>'"]/g, function (c) {
    return HTML[c] || c;
  });
}
// ejs rewrites the message to "ejs:LINE + excerpt + message"; hypergen keeps
// the message and reports the template line itself, from __hgLine.
function rethrow(err, str, flnm, lineno) {
  if (err !== null && (typeof err === 'object' || typeof err === 'function')) {
    try {
      Object.defineProperty(err, '__hgLine', { value: lineno, configurable: true });
    } catch (e) { /* frozen: keep the error as it is */ }
    throw err;
  }
  throw { message: String(err), __hgLine: lineno };
}
function include(path) {
  if (typeof path === 'string' && path.charAt(0) !== '/') {
    throw new Error("`include` use relative path requires the 'filename' option.");
  }
  throw new Error('include() is not supported by hypergen (templates cannot read files)');
}

// ---- h.changeCase (change-case 3.1.0) -----------------------------------
function cc(fn) {
  return function (value) { return native('changeCase', fn, value == null ? '' : String(value)); };
}
function ccMerge(fn) {
  return function (value, locale, mergeNumbers) {
    return native('changeCase', fn, value == null ? '' : String(value), mergeNumbers ? '1' : '');
  };
}
function ccTest(fn) {
  return function (value) {
    return native('changeCase', fn, value == null ? '' : String(value)) === '1';
  };
}
var changeCase = {};
function both(short, long, f) { changeCase[short] = changeCase[long] = f; }
both('no', 'noCase', cc('no'));
both('dot', 'dotCase', cc('dot'));
both('swap', 'swapCase', cc('swap'));
both('path', 'pathCase', cc('path'));
both('upper', 'upperCase', cc('upper'));
both('lower', 'lowerCase', cc('lower'));
both('camel', 'camelCase', ccMerge('camel'));
both('snake', 'snakeCase', cc('snake'));
both('title', 'titleCase', cc('title'));
both('param', 'paramCase', cc('param'));
changeCase.kebab = changeCase.kebabCase = changeCase.paramCase;
changeCase.hyphen = changeCase.hyphenCase = changeCase.paramCase;
both('header', 'headerCase', cc('header'));
both('pascal', 'pascalCase', ccMerge('pascal'));
both('constant', 'constantCase', cc('constant'));
both('sentence', 'sentenceCase', cc('sentence'));
both('isUpper', 'isUpperCase', ccTest('isUpper'));
both('isLower', 'isLowerCase', ccTest('isLower'));
both('ucFirst', 'upperCaseFirst', cc('ucFirst'));
both('lcFirst', 'lowerCaseFirst', cc('lcFirst'));

// ---- h.inflection (inflection 1.13.4 + hygen's undasherize) ------------
function needString(s, method) {
  if (typeof s !== 'string') {
    throw new TypeError('str.' + method + ' is not a function');
  }
  return s;
}
var inflection = {
  pluralize: function (str, plural) {
    if (plural) return plural;
    return native('inflection', 'pluralize', needString(str, 'toLowerCase'));
  },
  singularize: function (str, singular) {
    if (singular) return singular;
    return native('inflection', 'singularize', needString(str, 'toLowerCase'));
  },
  inflect: function (str, count, singular, plural) {
    count = parseFloat(count, 10);
    if (isNaN(count)) return str;
    return count === 1 ? inflection.singularize(str, singular) : inflection.pluralize(str, plural);
  },
  camelize: function (str, lowFirstLetter) {
    return native('inflection', 'camelize', needString(str, 'split'), lowFirstLetter ? '1' : '');
  },
  underscore: function (str, allUpperCase) {
    return native('inflection', 'underscore', needString(str, 'split'), allUpperCase ? '1' : '');
  },
  humanize: function (str, lowFirstLetter) {
    return native('inflection', 'humanize', needString(str, 'toLowerCase'), lowFirstLetter ? '1' : '');
  },
  capitalize: function (str) {
    return native('inflection', 'capitalize', needString(str, 'toLowerCase'));
  },
  dasherize: function (str) {
    return native('inflection', 'dasherize', needString(str, 'replace'));
  },
  titleize: function (str) {
    return native('inflection', 'titleize', needString(str, 'toLowerCase'));
  },
  demodulize: function (str) {
    return native('inflection', 'demodulize', needString(str, 'split'));
  },
  tableize: function (str) {
    return native('inflection', 'tableize', needString(str, 'split'));
  },
  classify: function (str) {
    return native('inflection', 'classify', needString(str, 'split'));
  },
  foreign_key: function (str, dropIdUbar) {
    return native('inflection', 'foreign_key', needString(str, 'split'), dropIdUbar ? '1' : '');
  },
  ordinalize: function (str) {
    return native('inflection', 'ordinalize', needString(str, 'split'));
  },
  transform: function (str, arr) {
    for (var i = 0; i < arr.length; i++) {
      var method = arr[i];
      if (Object.prototype.hasOwnProperty.call(inflection, method)) str = inflection[method](str);
    }
    return str;
  },
  indexOf: function (arr, item, fromIndex, compareFunc) {
    if (!fromIndex) fromIndex = -1;
    for (var i = fromIndex; i < arr.length; i++) {
      if (arr[i] === item || (compareFunc && compareFunc(arr[i], item))) return i;
    }
    return -1;
  },
  version: '1.13.1',
  undasherize: function (str) {
    return str.split(/[-_]/).map(function (w) {
      return w[0].toUpperCase() + w.slice(1).toLowerCase();
    }).join('');
  }
};

// ---- h.path (Node's path.posix) ----------------------------------------
function checkPath(p, name) {
  if (typeof p !== 'string') {
    throw new TypeError('The "' + name + '" argument must be of type string. Received ' +
                        (p === null ? 'null' : typeof p));
  }
}
// Resolves "." and ".." in a path without a leading slash.
function normalizeSegments(p, allowAboveRoot) {
  var out = [];
  var parts = p.split('/');
  for (var i = 0; i < parts.length; i++) {
    var part = parts[i];
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (allowAboveRoot) out.push('..');
      continue;
    }
    out.push(part);
  }
  return out.join('/');
}
var path = {
  sep: '/',
  delimiter: ':',
  resolve: function () {
    var resolved = '';
    var absolute = false;
    for (var i = arguments.length - 1; i >= -1 && !absolute; i--) {
      var p = i >= 0 ? arguments[i] : native('cwd');
      checkPath(p, 'paths[' + i + ']');
      if (p.length === 0) continue;
      resolved = p + '/' + resolved;
      absolute = p.charAt(0) === '/';
    }
    resolved = normalizeSegments(resolved, !absolute);
    if (absolute) return '/' + resolved;
    return resolved.length > 0 ? resolved : '.';
  },
  normalize: function (p) {
    checkPath(p, 'path');
    if (p.length === 0) return '.';
    var absolute = p.charAt(0) === '/';
    var trailing = p.charAt(p.length - 1) === '/';
    p = normalizeSegments(p, !absolute);
    if (p.length === 0) {
      if (absolute) return '/';
      return trailing ? './' : '.';
    }
    if (trailing) p += '/';
    return absolute ? '/' + p : p;
  },
  isAbsolute: function (p) {
    checkPath(p, 'path');
    return p.length > 0 && p.charAt(0) === '/';
  },
  join: function () {
    if (arguments.length === 0) return '.';
    var joined;
    for (var i = 0; i < arguments.length; i++) {
      var arg = arguments[i];
      checkPath(arg, 'path');
      if (arg.length > 0) joined = joined === undefined ? arg : joined + '/' + arg;
    }
    if (joined === undefined) return '.';
    return path.normalize(joined);
  },
  relative: function (from, to) {
    checkPath(from, 'from');
    checkPath(to, 'to');
    if (from === to) return '';
    from = path.resolve(from);
    to = path.resolve(to);
    if (from === to) return '';
    var fromParts = from === '/' ? [] : from.slice(1).split('/');
    var toParts = to === '/' ? [] : to.slice(1).split('/');
    var common = 0;
    while (common < fromParts.length && common < toParts.length &&
           fromParts[common] === toParts[common]) {
      common++;
    }
    var up = [];
    for (var i = common; i < fromParts.length; i++) up.push('..');
    return up.concat(toParts.slice(common)).join('/');
  },
  dirname: function (p) {
    checkPath(p, 'path');
    if (p.length === 0) return '.';
    var hasRoot = p.charAt(0) === '/';
    var end = -1;
    var matchedSlash = true;
    for (var i = p.length - 1; i >= 1; --i) {
      if (p.charAt(i) === '/') {
        if (!matchedSlash) { end = i; break; }
      } else {
        matchedSlash = false;
      }
    }
    if (end === -1) return hasRoot ? '/' : '.';
    if (hasRoot && end === 1) return '//';
    return p.slice(0, end);
  },
  basename: function (p, suffix) {
    if (suffix !== undefined) checkPath(suffix, 'ext');
    checkPath(p, 'path');
    var end = p.length;
    while (end > 0 && p.charAt(end - 1) === '/') end--;
    if (end === 0) return '';
    var start = p.lastIndexOf('/', end - 1) + 1;
    var base = p.slice(start, end);
    if (suffix !== undefined && suffix.length > 0 && suffix.length <= p.length) {
      if (suffix === p) return '';
      if (base !== suffix && base.length > suffix.length &&
          base.slice(base.length - suffix.length) === suffix) {
        return base.slice(0, base.length - suffix.length);
      }
      if (base === suffix) return base;
    }
    return base;
  },
  extname: function (p) {
    checkPath(p, 'path');
    var base = path.basename(p);
    var dot = base.lastIndexOf('.');
    if (dot <= 0) return '';
    if (base === '..') return '';
    return base.slice(dot);
  },
  parse: function (p) {
    checkPath(p, 'path');
    var ret = { root: '', dir: '', base: '', ext: '', name: '' };
    if (p.length === 0) return ret;
    var absolute = p.charAt(0) === '/';
    if (absolute) ret.root = '/';
    var end = p.length;
    while (end > (absolute ? 1 : 0) && p.charAt(end - 1) === '/') end--;
    var startPart = p.lastIndexOf('/', end - 1) + 1;
    if (absolute && startPart === 0) startPart = 1;
    if (startPart < end) {
      ret.base = p.slice(startPart, end);
      ret.ext = path.extname(ret.base);
      ret.name = ret.ext ? ret.base.slice(0, ret.base.length - ret.ext.length) : ret.base;
    }
    if (startPart > 1) ret.dir = p.slice(0, startPart - 1);
    else if (absolute) ret.dir = '/';
    return ret;
  },
  format: function (obj) {
    if (obj === null || typeof obj !== 'object') {
      throw new TypeError('The "pathObject" argument must be of type object. Received ' +
                          (obj === null ? 'null' : typeof obj));
    }
    var dir = obj.dir || obj.root;
    var base = obj.base || ((obj.name || '') + (obj.ext || ''));
    if (!dir) return base;
    return dir === obj.root ? dir + base : dir + '/' + base;
  },
  toNamespacedPath: function (p) { return p; }
};
path.posix = path;

var helpers = {
  capitalize: function (str) {
    var s = String(str);
    return s.charAt(0).toUpperCase() + s.slice(1);
  },
  inflection: inflection,
  changeCase: changeCase,
  path: path
};

// ---- console and process: what a template may print or read -----------
function show(args) {
  return Array.prototype.map.call(args, function (a) {
    return typeof a === 'string' ? a : (a !== null && typeof a === 'object' ? JSON.stringify(a) : String(a));
  }).join(' ') + '\n';
}
globalThis.console = {
  log: function () { native('stdout', show(arguments)); },
  info: function () { native('stdout', show(arguments)); },
  warn: function () { native('stderr', show(arguments)); },
  error: function () { native('stderr', show(arguments)); }
};

// Set by the hooks part (hooks_js.cc) when a run has .hygen.js or a hook:
// decorate(data, h) adds the config helpers to h and a hook's functions.
var state = { decorate: null };

return {
  compile: function (body) {
    return new Function('locals, escapeFn, include, rethrow', body);
  },
  render: function (fn, data) {
    var h = Object.assign({}, helpers);
    if (state.decorate) state.decorate(data, h);
    data.h = h;
    return fn.apply(undefined, [data, escapeXML, include, rethrow]);
  },
  native: native,
  helpers: helpers,
  path: path,
  state: state
};
})()
)JS";

}  // namespace hypergen::js
