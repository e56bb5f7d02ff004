'use strict';
/*
 * Loads the panel's scripts (java-bridge/plugin/src/main/resources/panel) into Node for the
 * unit tests, as the browser does: each file adds to globalThis.CapacityTracker, in the
 * order given. AJS is not there in Node, so this installs a stub of the little the scripts
 * use: AJS.I18n.getText(key, args…) answers the text of i18n/capacity-tracker-js.properties
 * (what Jira's jsI18n transformation puts in place of the call), formatted like AUI's
 * AJS.format ({n} placeholders, '' for an apostrophe, '…' quoting); an unknown key answers
 * the key itself. The stub lives here, never in product code.
 */
var fs = require('node:fs');
var path = require('node:path');

var RESOURCES = path.join(__dirname, '..', '..', 'java-bridge', 'plugin', 'src', 'main', 'resources');
var PANEL = path.join(RESOURCES, 'panel');

/** java.util.Properties as far as the scripts' texts need it (ISO-8859-1, \uXXXX, continuations). */
function readProperties(file) {
  var map = new Map();
  var lines = fs.readFileSync(file, 'latin1').split(/\r\n|\r|\n/);
  for (var i = 0; i < lines.length; i++) {
    var line = lines[i].replace(/^[ \t\f]+/, '');
    if (line === '' || line[0] === '#' || line[0] === '!') continue;
    while (/(^|[^\\])(\\\\)*\\$/.test(line) && i + 1 < lines.length) line = line.slice(0, -1) + lines[++i].replace(/^[ \t\f]+/, '');
    var m = /^((?:[^\\:=\s]|\\.)*)[ \t\f]*[:=]?[ \t\f]*([\s\S]*)$/.exec(line);
    map.set(unescape(m[1]), unescape(m[2]));
  }
  return map;
}

function unescape(s) {
  return s.replace(/\\(u[0-9a-fA-F]{4}|.)/g, function (_, c) {
    if (c[0] === 'u' && c.length === 5) return String.fromCharCode(parseInt(c.slice(1), 16));
    return { t: '\t', n: '\n', r: '\r', f: '\f' }[c] || c;
  });
}

/** AUI's AJS.format for simple patterns: {n} is the n-th argument, '' an apostrophe, '…' literal text. */
function format(pattern) {
  var args = Array.prototype.slice.call(arguments, 1);
  var out = '';
  var quoted = false;
  for (var i = 0; i < pattern.length; i++) {
    var c = pattern[i];
    if (c === '\'') {
      if (pattern[i + 1] === '\'') { out += '\''; i++; } else quoted = !quoted;
      continue;
    }
    var m = !quoted && c === '{' ? /^\{(\d+)\}/.exec(pattern.slice(i)) : null;
    if (m) {
      out += String(args[Number(m[1])]);
      i += m[0].length - 1;
    } else {
      out += c;
    }
  }
  return out;
}

var texts = readProperties(path.join(RESOURCES, 'i18n', 'capacity-tracker-js.properties'));

globalThis.AJS = {
  format: format,
  I18n: {
    getText: function (key) {
      var text = texts.get(key);
      if (text === undefined) return key;
      return format.apply(null, [text].concat(Array.prototype.slice.call(arguments, 1)));
    }
  }
};

/**
 * Loads these files (paths under panel/, e.g. 'kit/format.js') afresh, in order, and returns
 * window.CapacityTracker as the browser would have it.
 */
function load() {
  delete globalThis.CapacityTracker;
  for (var i = 0; i < arguments.length; i++) {
    var file = path.join(PANEL, arguments[i]);
    delete require.cache[require.resolve(file)];
    require(file);
  }
  return globalThis.CapacityTracker;
}

/** The kit's pure files, in the order of the shared web resource. */
var PURE_KIT = ['kit/format.js', 'kit/i18n.js', 'kit/api.js', 'kit/jira.js', 'kit/csv.js'];

module.exports = { load: load, format: format, texts: texts, readProperties: readProperties, PANEL: PANEL, RESOURCES: RESOURCES, PURE_KIT: PURE_KIT };
