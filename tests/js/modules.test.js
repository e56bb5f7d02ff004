'use strict';
/*
 * The panel's module layout: every script under panel/ is declared in exactly one web
 * resource of atlassian-plugin.xml; loading each page's scripts in the declared order (the
 * kit's first, as the <dependency> on capacity-panel-resources makes Jira do) works, and
 * every name a file takes from window.CapacityTracker at load time is there by then; and no
 * file uses a name it neither declares nor gets from a known global.
 * Run: node --test tests/js/
 */
var test = require('node:test');
var assert = require('node:assert');
var fs = require('node:fs');
var path = require('node:path');
var tokenize = require('./js-tokens.js').tokenize;
var loader = require('./panel-loader.js');

var xml = fs.readFileSync(path.join(loader.RESOURCES, 'atlassian-plugin.xml'), 'utf8');

/** { moduleKey: [script paths under panel/] } in declared order. */
function webResources() {
  var out = {};
  var re = /<web-resource key="([^"]+)"[\s\S]*?<\/web-resource>/g;
  var m;
  while ((m = re.exec(xml))) {
    var files = [];
    var r = /<resource type="download" name="([^"]+)" location="panel\/([^"]+)"\/>/g;
    var f;
    while ((f = r.exec(m[0]))) if (/\.js$/.test(f[2])) files.push(f[2]);
    out[m[1]] = files;
  }
  return out;
}

function scriptsUnder(dir, prefix) {
  return fs.readdirSync(dir, { withFileTypes: true }).reduce(function (all, e) {
    if (e.isDirectory()) return all.concat(scriptsUnder(path.join(dir, e.name), prefix + e.name + '/'));
    return /\.js$/.test(e.name) ? all.concat([prefix + e.name]) : all;
  }, []);
}

var modules = webResources();
var KIT = 'capacity-panel-resources';

test('every script under panel/ is declared once, the kit in the shared module, each page in its own', function () {
  var declared = [].concat.apply([], Object.keys(modules).map(function (k) { return modules[k]; }));
  assert.deepStrictEqual(declared.slice().sort(), scriptsUnder(loader.PANEL, '').sort());
  assert.strictEqual(new Set(declared).size, declared.length, 'a script in two modules');
  assert.ok(modules[KIT].every(function (f) { return f.indexOf('kit/') === 0; }));
  ['capacity-board-resources', 'capacity-reports-resources', 'capacity-admin-resources'].forEach(function (key) {
    var files = modules[key];
    assert.ok(files.length > 1, key);
    assert.ok(/\/boot\.js$/.test(files[files.length - 1]), key + ' ends with its boot.js');
  });
});

test('each page loads in declared order, every name taken from window.CapacityTracker is there when taken', function () {
  var started = [];
  globalThis.window = globalThis;
  globalThis.document = { readyState: 'complete', getElementById: function (id) { started.push(id); return null; } };
  try {
    ['capacity-board-resources', 'capacity-reports-resources', 'capacity-admin-resources'].forEach(function (key) {
      var files = modules[KIT].concat(modules[key]);
      delete globalThis.CapacityTracker;
      files.forEach(function (file) {
        var source = fs.readFileSync(path.join(loader.PANEL, file), 'utf8');
        var CT = globalThis.CapacityTracker || {};
        var taken = /(?:\bkit|CT\.(\w+))\.(\w+)\s*[,;]/g;
        var header = source.slice(0, source.indexOf('\n\n', source.indexOf('\'use strict\';') + 15));
        var m;
        while ((m = taken.exec(header))) {
          var layer = m[1] || 'kit';
          assert.ok(CT[layer] && CT[layer][m[2]] !== undefined, key + ': ' + file + ' takes ' + layer + '.' + m[2] + ' before any file gives it');
        }
        var resolved = require.resolve(path.join(loader.PANEL, file));
        delete require.cache[resolved];
        globalThis.CapacityTracker = CT;
        require(resolved);
      });
    });
  } finally {
    delete globalThis.document;
    delete globalThis.window;
  }
  assert.deepStrictEqual(started, ['ct-panel', 'ct-panel', 'ct-panel'], 'each boot looked for the page root');
});

// ------------------------------------------------------------------ free names

var GLOBALS = new Set(['AJS', 'window', 'document', 'globalThis', 'module', 'Promise', 'Object', 'Array', 'String', 'Number',
  'Boolean', 'Math', 'Date', 'JSON', 'Error', 'Intl', 'URL', 'URLSearchParams', 'fetch', 'isFinite', 'isNaN', 'parseInt',
  'encodeURIComponent', 'setTimeout', 'clearTimeout', 'Blob', 'FileReader', 'undefined', 'NaN', 'Infinity', 'Set', 'Map',
  'console', 'navigator', 'Event', 'requestAnimationFrame', 'arguments', 'this', 'RegExp', 'CSS']);
var KEYWORDS = new Set(['var', 'function', 'return', 'if', 'else', 'for', 'while', 'do', 'new', 'typeof', 'instanceof', 'in', 'of',
  'null', 'true', 'false', 'try', 'catch', 'finally', 'throw', 'break', 'continue', 'switch', 'case', 'default', 'delete',
  'void', 'let', 'const']);

/** Names a file uses without declaring them (var, function, parameter, catch) and that are no known global. */
function freeNames(source) {
  var t = tokenize(source);
  var declared = new Set();
  for (var i = 0; i < t.length; i++) {
    var v = t[i].value;
    if ((v === 'var' || v === 'function') && t[i + 1] && t[i + 1].type === 'ident') declared.add(t[i + 1].value);
    if (v === 'var') {
      // var a = …, b = …: names after a comma at the same depth, up to the ';'.
      for (var j = i + 1, depth = 0; j < t.length && !(depth === 0 && t[j].value === ';'); j++) {
        var w = t[j].value;
        if (w === '(' || w === '[' || w === '{') depth++;
        else if (w === ')' || w === ']' || w === '}') depth--;
        else if (depth === 0 && w === ',' && t[j + 1] && t[j + 1].type === 'ident') declared.add(t[j + 1].value);
      }
    }
    if ((v === 'function' || v === 'catch') || (v === '(' && t[i - 1] && t[i - 1].value === 'function')) {
      var k = i;
      while (k < t.length && t[k].value !== '(') k++;
      for (k++; k < t.length && t[k].value !== ')'; k++) if (t[k].type === 'ident') declared.add(t[k].value);
    }
  }
  var free = new Set();
  for (var n = 0; n < t.length; n++) {
    if (t[n].type !== 'ident' || KEYWORDS.has(t[n].value) || GLOBALS.has(t[n].value) || declared.has(t[n].value)) continue;
    var prev = t[n - 1];
    var next = t[n + 1];
    if (prev && (prev.value === '.' || prev.value === '?.')) continue;
    if (next && next.value === ':' && prev && (prev.value === '{' || prev.value === ',')) continue;
    free.add(t[n].value + ' (line ' + t[n].line + ')');
  }
  return Array.from(free);
}

test('no script uses a name it does not declare or import', function () {
  var problems = [];
  scriptsUnder(loader.PANEL, '').forEach(function (file) {
    freeNames(fs.readFileSync(path.join(loader.PANEL, file), 'utf8')).forEach(function (name) { problems.push(file + ': ' + name); });
  });
  assert.deepStrictEqual(problems, []);
});

test('the free-name check finds a missing import', function () {
  assert.deepStrictEqual(freeNames('(function () { var a = 1, b = h(a); function f(x) { return clear(x) + b; } }());'), ['h (line 1)', 'clear (line 1)']);
});
