'use strict';
/*
 * Every user-visible text of the panel scripts goes through Jira's web-resource i18n:
 * AJS.I18n.getText('capacity-tracker.js.…', args…) with a literal key, the text in
 * i18n/capacity-tracker-js.properties. This test fails on
 *   - a string or template literal that looks like English and is not the key of a getText call
 *     (technical strings are allowed below, explicitly and narrowly);
 *   - a getText call whose key is not a literal (Jira's transformer only rewrites literal keys);
 *   - a key the scripts use that the properties do not define, or a defined key no script uses;
 *   - a call whose argument count differs from the placeholders {0}…{n} of its text;
 *   - a text with a lone apostrophe (MessageFormat and AJS.format drop it: write '').
 * Run: node --test tests/js/
 */
var test = require('node:test');
var assert = require('node:assert');
var fs = require('node:fs');
var path = require('node:path');
var tokenize = require('./js-tokens.js').tokenize;

var ROOT = path.join(__dirname, '..', '..', 'java-bridge', 'plugin', 'src', 'main', 'resources');
/** Every script under panel/ (kit/, board/, reports/, admin/), in a stable order. */
function scriptsUnder(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).sort(function (a, b) { return a.name < b.name ? -1 : 1; })
    .reduce(function (all, e) {
      var full = path.join(dir, e.name);
      if (e.isDirectory()) return all.concat(scriptsUnder(full));
      return /\.js$/.test(e.name) ? all.concat([full]) : all;
    }, []);
}
var SCRIPTS = scriptsUnder(path.join(ROOT, 'panel'));
var PROPERTIES = path.join(ROOT, 'i18n', 'capacity-tracker-js.properties');
var KEY_PREFIX = 'capacity-tracker.js.';

// ------------------------------------------------------------------ what counts as English

/** Letters forming words: two words with a space, a capitalised word, a sentence, or a spaced fragment (' days'). */
function looksLikeText(v) {
  if (!/[A-Za-z]/.test(v)) return false;
  return /[A-Za-z]{2,}\s+[A-Za-z]/.test(v) ||      // "no capacity", "Add member"
    /[A-Za-z]\.\s+[A-Za-z]/.test(v) ||               // "e.g. squad"
    /(^|[^A-Za-z0-9_-])[A-Z][a-z]+/.test(v) ||      // "Under", "Sprint"
    /\s.*[A-Za-z][.!?:\u2026]$/.test(v) ||          // "It is done."
    /^\s+[A-Za-z]|[A-Za-z]\s+$/.test(v) ||          // " days", "Loading "
    /^[A-Z]{2,}$/.test(v) ||                        // "OK"
    /[\u2026\u201c\u201d\u2013\u2014]/.test(v);     // typographic punctuation only prose uses
}

// Technical strings that look like text, each for a stated reason. Keep this short and exact.
var ALLOWED_EXACT = new Set([
  'use strict',
  // HTTP methods and header names sent to Jira's REST.
  'GET', 'PUT', 'POST', 'DELETE', 'X-Atlassian-Token', 'Content-Type', 'Accept',
  // KeyboardEvent.key values compared against.
  'Escape', 'Enter', 'ArrowDown', 'ArrowUp',
  // The engine's weekday codes (JSON values), and Unicode normalisation form / time zone ids.
  'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN', 'NFKD', 'UTC'
]);

// Bare (unprefixed) class names the scripts add to class lists, e.g. ' active' on a pressed button.
var BARE_CLASSES = new Set(['active']);

/** Class lists: lowercase words of letters, digits, '-' and '_', at least one an aui-/ct- class or a listed bare class. */
function isClassList(v) {
  var words = v.trim().split(/\s+/);
  return words.every(function (w) { return /^[a-z][a-z0-9_-]*$/.test(w); }) &&
    words.some(function (w) { return /^(aui|ct)-/.test(w) || w === 'aui' || BARE_CLASSES.has(w); });
}

// A line that builds text which is not shown but matched against the engine's own (English,
// untranslated) messages says so with this marker and a reason: "// not-i18n: <why>".
var NOT_I18N = /\/\/ not-i18n: \S/;

function allowed(value, tokens, i, lines) {
  if (ALLOWED_EXACT.has(value)) return true;
  if (NOT_I18N.test(lines[tokens[i].line - 1])) return true;
  if (isClassList(value)) return true;
  var prev = tokens[i - 1];
  var next = tokens[i + 1];
  // A quoted property name ({ 'aria-label': … }) is never shown.
  if (prev && next && next.value === ':' && (prev.value === '{' || prev.value === ',') && tokens[i].type === 'string') return true;
  // Inside the arguments of console.log/warn/error/debug: developer-only.
  for (var j = i - 1, depth = 0; j >= 3 && j > i - 400; j--) {
    var t = tokens[j];
    if (t.type !== 'punct') continue;
    if (t.value === ')' || t.value === ']' || t.value === '}') depth++;
    else if (t.value === '(' || t.value === '[' || t.value === '{' || t.value === '${') {
      if (depth > 0) { depth--; continue; }
      if (t.value === '(' && tokens[j - 3].value === 'console' && tokens[j - 2].value === '.') return true;
    }
  }
  return false;
}

// ------------------------------------------------------------------ scanning the scripts

/** Whether tokens[i] is the first argument of AJS.I18n.getText( … ). */
function isGetTextCallAt(tokens, open) {
  var names = ['AJS', '.', 'I18n', '.', 'getText'];
  for (var k = 0; k < names.length; k++) {
    var t = tokens[open - names.length + k];
    if (!t || t.value !== names[k]) return false;
  }
  return tokens[open].value === '(';
}

/** Number of arguments after the first, up to the ')' that closes the call opened at tokens[open]. */
function extraArguments(tokens, open) {
  var depth = 0;
  var commas = 0;
  for (var j = open + 1; j < tokens.length; j++) {
    var v = tokens[j].value;
    if (tokens[j].type === 'punct') {
      if (v === '(' || v === '[' || v === '{' || v === '${') depth++;
      else if (v === ')' || v === ']' || v === '}') {
        if (depth === 0) return commas;
        depth--;
      } else if (v === ',' && depth === 0) commas++;
    }
  }
  throw new Error('unclosed getText call');
}

function scan(file) {
  var source = fs.readFileSync(file, 'utf8');
  var lines = source.split('\n');
  var tokens = tokenize(source);
  var name = path.relative(path.join(ROOT, 'panel'), file);
  var literals = [];
  var calls = [];
  var dynamic = [];
  for (var i = 0; i < tokens.length; i++) {
    var t = tokens[i];
    if (t.type === 'punct' && t.value === '(' && isGetTextCallAt(tokens, i)) {
      var first = tokens[i + 1];
      var after = tokens[i + 2];
      if (first && first.type === 'string' && after && (after.value === ')' || after.value === ',')) {
        calls.push({ where: name + ':' + first.line, key: first.value, args: extraArguments(tokens, i), index: i + 1 });
      } else {
        dynamic.push(name + ':' + t.line);
      }
    }
  }
  var keyTokens = new Set(calls.map(function (c) { return c.index; }));
  for (var k = 0; k < tokens.length; k++) {
    var s = tokens[k];
    if ((s.type === 'string' || s.type === 'template') && !keyTokens.has(k) && looksLikeText(s.value) && !allowed(s.value, tokens, k, lines)) {
      literals.push(name + ':' + s.line + ': ' + JSON.stringify(s.value));
    }
  }
  return { literals: literals, calls: calls, dynamic: dynamic };
}

// ------------------------------------------------------------------ the properties file

/** Java .properties as java.util.Properties.load reads it (ISO-8859-1, \uXXXX, continuations). */
function readProperties(file) {
  var text = fs.readFileSync(file, 'latin1');
  var logical = [];
  var lines = text.split(/\r\n|\r|\n/);
  for (var i = 0; i < lines.length; i++) {
    var line = lines[i].replace(/^[ \t\f]+/, '');
    if (line === '' || line[0] === '#' || line[0] === '!') continue;
    while (/(^|[^\\])(\\\\)*\\$/.test(line) && i + 1 < lines.length) {
      line = line.slice(0, -1) + lines[++i].replace(/^[ \t\f]+/, '');
    }
    logical.push(line);
  }
  var map = new Map();
  logical.forEach(function (l) {
    var m = /^((?:[^\\:=\s]|\\.)*)[ \t\f]*[:=]?[ \t\f]*([\s\S]*)$/.exec(l);
    map.set(unescapeProperty(m[1]), unescapeProperty(m[2]));
  });
  return { map: map, raw: text };
}

function unescapeProperty(s) {
  return s.replace(/\\(u[0-9a-fA-F]{4}|.)/g, function (_, c) {
    if (c[0] === 'u' && c.length === 5) return String.fromCharCode(parseInt(c.slice(1), 16));
    return { t: '\t', n: '\n', r: '\r', f: '\f' }[c] || c;
  });
}

/** The {n} placeholder indexes of a MessageFormat pattern, outside '…' quotes. */
function placeholders(pattern) {
  var found = new Set();
  var quoted = false;
  for (var i = 0; i < pattern.length; i++) {
    var c = pattern[i];
    if (c === '\'') {
      if (pattern[i + 1] === '\'') { i++; continue; }
      quoted = !quoted;
      continue;
    }
    if (!quoted && c === '{') {
      var m = /^\{(\d+)(,[^}]*)?\}/.exec(pattern.slice(i));
      if (m) found.add(Number(m[1]));
    }
  }
  return found;
}

// ------------------------------------------------------------------ the tests

var scans = SCRIPTS.map(scan);
var props = readProperties(PROPERTIES);

test('no user-visible English literal outside AJS.I18n.getText', function () {
  var all = [].concat.apply([], scans.map(function (s) { return s.literals; }));
  assert.deepStrictEqual(all, [], 'literals to move into ' + path.basename(PROPERTIES) + ':\n' + all.join('\n'));
});

test('every AJS.I18n.getText call has a literal key', function () {
  var all = [].concat.apply([], scans.map(function (s) { return s.dynamic; }));
  assert.deepStrictEqual(all, [], 'Jira only rewrites literal keys; use a map of literal calls instead');
});

test('every key the scripts use is defined, under ' + KEY_PREFIX, function () {
  var problems = [];
  scans.forEach(function (s) {
    s.calls.forEach(function (c) {
      if (c.key.indexOf(KEY_PREFIX) !== 0) problems.push(c.where + ': ' + c.key + ' does not start with ' + KEY_PREFIX);
      else if (!props.map.has(c.key)) problems.push(c.where + ': ' + c.key + ' is not in the properties');
    });
  });
  assert.deepStrictEqual(problems, []);
});

test('every key the properties define is used', function () {
  var used = new Set();
  scans.forEach(function (s) { s.calls.forEach(function (c) { used.add(c.key); }); });
  var unused = Array.from(props.map.keys()).filter(function (k) { return !used.has(k); });
  assert.deepStrictEqual(unused, []);
});

test('each call passes one argument per placeholder', function () {
  var problems = [];
  scans.forEach(function (s) {
    s.calls.forEach(function (c) {
      if (!props.map.has(c.key)) return;
      var found = placeholders(props.map.get(c.key));
      var expected = new Set();
      for (var n = 0; n < c.args; n++) expected.add(n);
      var same = found.size === expected.size && Array.from(found).every(function (x) { return expected.has(x); });
      if (!same) problems.push(c.where + ': ' + c.key + ' has placeholders {' + Array.from(found).sort().join('},{') + '} but the call passes ' + c.args + ' argument(s)');
    });
  });
  assert.deepStrictEqual(problems, []);
});

test('the properties are ASCII with escapes and their apostrophes are doubled', function () {
  assert.ok(/^[\x00-\x7f]*$/.test(props.raw), 'non-ASCII characters must be written as \\uXXXX');
  var lone = [];
  props.map.forEach(function (v, k) {
    // A lone ' starts a MessageFormat quote; only '{' / '}' quoting is meant, anything else loses the apostrophe.
    var stripped = v.replace(/''/g, '').replace(/'[{}]'/g, '');
    if (stripped.indexOf('\'') >= 0) lone.push(k);
  });
  assert.deepStrictEqual(lone, [], 'write an apostrophe as \'\' in MessageFormat texts');
});

test('the tokenizer finds literals in strings, templates and skips comments and regexes', function () {
  var t = tokenize("// 'Not me'\nvar a = /it's [\"x]/g, b = 'Show me', c = `Hi ${f('x y')} there`; /* 'nor me' */ d = e / 2 / 3;");
  var texts = t.filter(function (x) { return x.type === 'string' || x.type === 'template'; }).map(function (x) { return x.value; });
  assert.deepStrictEqual(texts, ['Show me', 'Hi ', 'x y', ' there']);
  assert.ok(looksLikeText('Add member') && looksLikeText(' days') && looksLikeText('OK') && looksLikeText('Loading\u2026'));
  assert.ok(!looksLikeText('ct-panel') && !looksLikeText('aria-label') && !looksLikeText('2024-01-01'));
  assert.ok(isClassList('aui-button aui-button-primary') && !isClassList('no capacity'));
});
