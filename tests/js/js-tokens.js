'use strict';
/*
 * A small JavaScript tokenizer, enough to find every string and template literal of the
 * panel's scripts without an external parser: it knows comments, '…' and "…" strings,
 * template literals with nested ${…} expressions, and tells a regular expression literal
 * from a division by the token before the slash.
 *
 * tokenize(source) -> [{ type, value, line }], where type is one of
 *   'ident'    identifiers and keywords (value: the name)
 *   'number'   numeric literals
 *   'string'   '…' or "…" (value: the cooked text)
 *   'template' one literal chunk of a template (value: the cooked chunk; substitution
 *              expressions are tokenized in between, as ordinary tokens)
 *   'regex'    a regular expression literal (value: its source text)
 *   'punct'    any other punctuator, one or more characters
 */

var KEYWORDS_BEFORE_EXPRESSION = new Set([
  'return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await'
]);

var PUNCTUATORS = [
  '>>>=', '...', '===', '!==', '**=', '<<=', '>>=', '>>>', '&&=', '||=', '??=',
  '=>', '==', '!=', '<=', '>=', '&&', '||', '??', '?.', '++', '--', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=',
  '<<', '>>', '**'
];

function cookEscape(src, i) {
  // src[i] is the character after a backslash; returns [text, next index].
  var c = src[i];
  switch (c) {
    case 'n': return ['\n', i + 1];
    case 't': return ['\t', i + 1];
    case 'r': return ['\r', i + 1];
    case 'b': return ['\b', i + 1];
    case 'f': return ['\f', i + 1];
    case 'v': return ['\v', i + 1];
    case '0': return ['\0', i + 1];
    case 'x': return [String.fromCharCode(parseInt(src.substr(i + 1, 2), 16)), i + 3];
    case 'u':
      if (src[i + 1] === '{') {
        var close = src.indexOf('}', i);
        return [String.fromCodePoint(parseInt(src.slice(i + 2, close), 16)), close + 1];
      }
      return [String.fromCharCode(parseInt(src.substr(i + 1, 4), 16)), i + 5];
    case '\r':
      return ['', src[i + 1] === '\n' ? i + 2 : i + 1];
    case '\n': case '\u2028': case '\u2029':
      return ['', i + 1];
    default: return [c, i + 1];
  }
}

function tokenize(src) {
  var tokens = [];
  var line = 1;
  var i = 0;
  var n = src.length;
  // One entry per open '{' or '${': true when closing it resumes a template literal.
  var braces = [];

  var tokenStart = 0;
  function push(type, value, startLine) {
    tokens.push({ type: type, value: value, line: startLine, start: tokenStart, end: (type === 'string' || type === 'regex' || type === 'template') ? i : tokenStart + value.length });
  }

  function regexAllowed() {
    var prev = tokens[tokens.length - 1];
    if (!prev) return true;
    if (prev.type === 'number' || prev.type === 'string' || prev.type === 'template' || prev.type === 'regex') return false;
    if (prev.type === 'ident') return KEYWORDS_BEFORE_EXPRESSION.has(prev.value);
    return !(prev.value === ')' || prev.value === ']' || prev.value === '}' || prev.value === '++' || prev.value === '--');
  }

  // Reads a template chunk starting after '`' or after the '}' closing a substitution.
  function templateChunk() {
    var startLine = line;
    var text = '';
    while (i < n) {
      var c = src[i];
      if (c === '`') {
        i++;
        push('template', text, startLine);
        return;
      }
      if (c === '$' && src[i + 1] === '{') {
        i += 2;
        push('template', text, startLine);
        push('punct', '${', line);
        braces.push(true);
        return;
      }
      if (c === '\\') {
        if (src[i + 1] === '\n') line++;
        var cooked = cookEscape(src, i + 1);
        text += cooked[0];
        i = cooked[1];
        continue;
      }
      if (c === '\n') line++;
      text += c;
      i++;
    }
    throw new Error('unterminated template literal from line ' + startLine);
  }

  while (i < n) {
    var c = src[i];
    tokenStart = i;
    if (c === '\n') { line++; i++; continue; }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v' || c === '\u00a0' || c === '\ufeff') { i++; continue; }
    if (c === '/' && src[i + 1] === '/') {
      while (i < n && src[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      var end = src.indexOf('*/', i + 2);
      if (end < 0) throw new Error('unterminated comment at line ' + line);
      for (var k = i; k < end; k++) if (src[k] === '\n') line++;
      i = end + 2;
      continue;
    }
    if (c === '\'' || c === '"') {
      var startLine = line;
      var text = '';
      i++;
      while (true) {
        if (i >= n || src[i] === '\n') throw new Error('unterminated string at line ' + startLine);
        var d = src[i];
        if (d === c) { i++; break; }
        if (d === '\\') {
          if (src[i + 1] === '\n') line++;
          var cooked = cookEscape(src, i + 1);
          text += cooked[0];
          i = cooked[1];
          continue;
        }
        text += d;
        i++;
      }
      push('string', text, startLine);
      continue;
    }
    if (c === '`') {
      i++;
      templateChunk();
      continue;
    }
    if (/[A-Za-z_$\u0080-\uffff]/.test(c)) {
      var m = /^[A-Za-z0-9_$\u0080-\uffff]+/.exec(src.slice(i, i + 200));
      push('ident', m[0], line);
      i += m[0].length;
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1]))) {
      var num = /^(0[xXbBoO][0-9a-fA-F_]+n?|[0-9_]*\.?[0-9_]*(?:[eE][+-]?[0-9]+)?n?)/.exec(src.slice(i, i + 100));
      push('number', num[0], line);
      i += num[0].length;
      continue;
    }
    if (c === '/' && regexAllowed()) {
      var startRe = i;
      var inClass = false;
      i++;
      while (true) {
        if (i >= n || src[i] === '\n') throw new Error('unterminated regular expression at line ' + line);
        var r = src[i];
        if (r === '\\') { i += 2; continue; }
        if (r === '[') inClass = true;
        else if (r === ']') inClass = false;
        else if (r === '/' && !inClass) { i++; break; }
        i++;
      }
      while (i < n && /[a-z]/.test(src[i])) i++;
      push('regex', src.slice(startRe, i), line);
      continue;
    }
    if (c === '{') { braces.push(false); push('punct', '{', line); i++; continue; }
    if (c === '}') {
      if (braces.pop()) {
        push('punct', '}', line);
        i++;
        templateChunk();
        continue;
      }
      push('punct', '}', line);
      i++;
      continue;
    }
    var p = null;
    for (var q = 0; q < PUNCTUATORS.length; q++) {
      if (src.startsWith(PUNCTUATORS[q], i)) { p = PUNCTUATORS[q]; break; }
    }
    p = p || c;
    push('punct', p, line);
    i += p.length;
  }
  if (braces.length) throw new Error('unbalanced braces at end of input');
  return tokens;
}

module.exports = { tokenize: tokenize };
