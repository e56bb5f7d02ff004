'use strict';
/*
 * reports/heat-map-data.js: what the reports page's heat map shows from the engine's
 * multi-project report. Run: node --test tests/js/
 */
var test = require('node:test');
var assert = require('node:assert');
var loader = require('./panel-loader.js');

var CT = loader.load.apply(null, loader.PURE_KIT.concat(['reports/heat-map-data.js']));
var data = CT.reports;

test('a cell\'s colour step follows utilisation in quarters, capped at 4', function () {
  assert.deepStrictEqual([null, undefined, 0, 24.9, 25, 49.99, 50, 75, 99.9, 100, 250].map(data.heatLevel), [0, 0, 0, 0, 1, 1, 2, 3, 3, 4, 4]);
});

test('over-allocations by person and bucket; only rows of people are flagged', function () {
  var report = { grouping: 'person', overAllocations: [
    { accountKey: 'alice', bucket: '2026-W49', allocation: 150, boards: ['1', '2'] },
    { accountKey: 'alice', bucket: '2026-W50', allocation: 120, boards: ['1', '2'] },
    { accountKey: 'bob', bucket: '2026-W50', allocation: 110, boards: ['2', '3'] }
  ] };
  var index = data.overAllocationIndex(report);
  assert.strictEqual(index.at('alice', '2026-W49').allocation, 150);
  assert.strictEqual(index.at('bob', '2026-W49'), null);
  assert.strictEqual(index.flagged('bob'), true);
  assert.strictEqual(index.flagged('carol'), false);
  assert.deepStrictEqual(data.overAllocatedPeople(report), ['alice', 'bob']);
  var byRole = data.overAllocationIndex(Object.assign({}, report, { grouping: 'role' }));
  assert.strictEqual(byRole.at('alice', '2026-W49'), null);
  assert.strictEqual(byRole.flagged('alice'), false);
});

test('over-allocations are indexed once: people in first-seen order, any account key', function () {
  // Data Center scale: thousands of over-allocations, interleaved; keys are Jira's, whatever they spell.
  var overAllocations = [];
  for (var b = 0; b < 13; b++) {
    ['s00002', '__proto__', 's00001', 'constructor'].forEach(function (k) {
      overAllocations.push({ accountKey: k, bucket: 'B' + b, allocation: 100 + b, boards: ['1', '2'] });
    });
  }
  var report = { grouping: 'person', overAllocations: overAllocations };
  assert.deepStrictEqual(data.overAllocatedPeople(report), ['s00002', '__proto__', 's00001', 'constructor']);
  var index = data.overAllocationIndex(report);
  ['s00002', '__proto__', 's00001', 'constructor'].forEach(function (k) { assert.strictEqual(index.flagged(k), true, k); });
  assert.strictEqual(index.flagged('s00003'), false);
  assert.strictEqual(index.flagged('toString'), false);
  assert.strictEqual(index.at('__proto__', 'B12').allocation, 112);
  assert.strictEqual(index.at('s00001', 'B13'), null);
});

test('the heat map draws its rows a page at a time; pages are clamped into range', function () {
  assert.strictEqual(data.HEAT_MAP_PAGE_ROWS, 250);
  assert.deepStrictEqual(data.rowPage(21000, 0, 250), { page: 0, pages: 84, from: 0, to: 250 });
  assert.deepStrictEqual(data.rowPage(21000, 83, 250), { page: 83, pages: 84, from: 20750, to: 21000 });
  assert.deepStrictEqual(data.rowPage(1000, 3, 250), { page: 3, pages: 4, from: 750, to: 1000 });
  assert.deepStrictEqual(data.rowPage(1001, 4, 250), { page: 4, pages: 5, from: 1000, to: 1001 });
  // Past the end (a shorter report run again) shows the last page; before the start, the first.
  assert.deepStrictEqual(data.rowPage(40, 7, 250), { page: 0, pages: 1, from: 0, to: 40 });
  assert.deepStrictEqual(data.rowPage(600, 9, 250), { page: 2, pages: 3, from: 500, to: 600 });
  assert.deepStrictEqual(data.rowPage(600, -1, 250), { page: 0, pages: 3, from: 0, to: 250 });
  assert.deepStrictEqual(data.rowPage(600, 'x', 250), { page: 0, pages: 3, from: 0, to: 250 });
  // No rows: one empty page.
  assert.deepStrictEqual(data.rowPage(0, 0, 250), { page: 0, pages: 1, from: 0, to: 0 });
});

test('bucket headings: week number, month and quarter, with the bucket\'s days', function () {
  var week = data.bucketHeading({ label: '2026-W49', start: '2026-11-30', end: '2026-12-06' }, 'week');
  assert.strictEqual(week.main, 'Week 49');
  assert.strictEqual(week.range, CT.kit.formatDate('2026-11-30', { month: 'short', day: 'numeric' }) + ' \u2013 ' +
    CT.kit.formatDate('2026-12-06', { month: 'short', day: 'numeric' }));
  assert.strictEqual(week.title, '2026-W49: ' + CT.kit.longDate('2026-11-30') + ' \u2013 ' + CT.kit.longDate('2026-12-06'));
  assert.strictEqual(data.bucketHeading({ label: '2026-Q4', start: '2026-10-01', end: '2026-12-31' }, 'quarter').main, 'Q4 2026');
  assert.strictEqual(data.bucketHeading({ label: '2026-12', start: '2026-12-01', end: '2026-12-31' }, 'month').main,
    CT.kit.formatDate('2026-12-01', { month: 'short', year: 'numeric' }));
  var oneDay = data.bucketHeading({ label: '2026-W53', start: '2026-12-28', end: '2026-12-28' }, 'week');
  assert.strictEqual(oneDay.range, CT.kit.formatDate('2026-12-28', { month: 'short', day: 'numeric' }), 'a one-day bucket shows one date');
  assert.strictEqual(data.bucketHeading({ label: 'odd', start: '2026-12-28', end: '2026-12-28' }, 'week').main, 'odd');
  assert.strictEqual(data.bucketText({ label: '2026-W49', start: '2026-11-30', end: '2026-12-06' }),
    '2026-W49 (' + CT.kit.longDate('2026-11-30') + ' \u2013 ' + CT.kit.longDate('2026-12-06') + ')');
});

test('over-allocations are listed 100 a page; the last page holds the rest', function () {
  assert.strictEqual(data.OVER_PAGE_ROWS, 100);
  assert.deepStrictEqual(data.rowPage(68276, 0, 100), { page: 0, pages: 683, from: 0, to: 100 });
  assert.deepStrictEqual(data.rowPage(68276, 682, 100), { page: 682, pages: 683, from: 68200, to: 68276 });
  assert.deepStrictEqual(data.rowPage(100, 1, 100), { page: 0, pages: 1, from: 0, to: 100 });
});

test('the people on screen: the page of rows of people, the page of over-allocations, the one person named', function () {
  var rows = [];
  for (var i = 0; i < 600; i++) rows.push({ key: 'p' + i });
  var overs = [{ accountKey: 'p3' }, { accountKey: 'p300' }, { accountKey: 'q1' }, { accountKey: 'q2' }];
  var report = { grouping: 'person', rows: rows, overAllocations: overs };
  var keys = data.peopleOnScreen(report, data.rowPage(600, 1, 250), data.rowPage(4, 0, 2));
  assert.strictEqual(keys.length, 251);
  assert.strictEqual(keys[0], 'p250');
  assert.strictEqual(keys[249], 'p499');
  assert.strictEqual(keys[250], 'p3'); // p300 is on the page of rows already: once
  assert.deepStrictEqual(data.peopleOnScreen(report, data.rowPage(600, 0, 250), data.rowPage(4, 1, 2)).slice(250), ['q1', 'q2']);
  // Rows of roles or boards name no one; a lone over-allocated person is named in the message.
  var byRole = { grouping: 'role', rows: [{ key: 'Developer' }], overAllocations: [{ accountKey: 'a' }, { accountKey: 'a' }, { accountKey: 'a' }] };
  assert.deepStrictEqual(data.peopleOnScreen(byRole, data.rowPage(1, 0, 250), data.rowPage(3, 1, 2)), ['a']);
  assert.deepStrictEqual(data.peopleOnScreen({ grouping: 'board', rows: [{ key: '1' }], overAllocations: [] }, data.rowPage(1, 0, 250), data.rowPage(0, 0, 100)), []);
});

test('a long list in the report header shows its first names and how many more', function () {
  var boards = [];
  for (var i = 1; i <= 1500; i++) boards.push('Board ' + i);
  assert.strictEqual(data.HEADER_NAMES, 10);
  var list = data.collapsedList(boards, data.HEADER_NAMES);
  assert.deepStrictEqual(list.shown, boards.slice(0, 10));
  assert.strictEqual(list.more, 1490);
  assert.deepStrictEqual(data.collapsedList(boards.slice(0, 10), 10), { shown: boards.slice(0, 10), more: 0 });
  assert.deepStrictEqual(data.collapsedList([], 10), { shown: [], more: 0 });
});

/** A lookup whose answers the test releases: records each key asked and the most in flight. */
function controlledLookup() {
  var asked = [];
  var pending = {};
  var state = { inFlight: 0, most: 0 };
  function lookup(key) {
    asked.push(key);
    state.inFlight++;
    state.most = Math.max(state.most, state.inFlight);
    return new Promise(function (resolve, reject) {
      pending[key] = function (name, fail) { state.inFlight--; if (fail) reject(new Error('404')); else resolve(name); };
    });
  }
  return { lookup: lookup, asked: asked, pending: pending, state: state };
}

function settle() { return new Promise(function (r) { setImmediate(r); }); }

test('names are asked at most `parallel` at a time, each key once, and kept across pages', async function () {
  var c = controlledLookup();
  var names = new data.NameCache(c.lookup, 2);
  var done = false;
  var first = names.fill(['a', 'b', 'c', 'a']).then(function () { done = true; });
  await settle();
  assert.deepStrictEqual(c.asked, ['a', 'b']);
  assert.strictEqual(names.name('a'), 'a'); // the key until the name comes
  c.pending.a('Alice');
  await settle();
  assert.deepStrictEqual(c.asked, ['a', 'b', 'c']);
  assert.strictEqual(names.name('a'), 'Alice');
  assert.strictEqual(names.known('b'), false);
  c.pending.b('Bob');
  c.pending.c(null, true); // a failed lookup keeps the key
  await first;
  assert.ok(done);
  assert.strictEqual(names.name('c'), 'c');
  assert.strictEqual(names.known('c'), true);
  assert.strictEqual(c.state.most, 2);
  // The next page: only the new key is asked; names known already are not asked again.
  var second = names.fill(['a', 'b', 'd']);
  await settle();
  assert.deepStrictEqual(c.asked, ['a', 'b', 'c', 'd']);
  c.pending.d('');
  await second;
  assert.strictEqual(names.name('d'), 'd'); // an empty name shows the key
  await names.fill(['a', 'b', 'c', 'd']);
  assert.strictEqual(c.asked.length, 4);
});

test('the page now on screen is asked first; a key asked by two fills is asked once and ends both', async function () {
  var c = controlledLookup();
  var names = new data.NameCache(c.lookup, 1);
  var page1 = names.fill(['p1', 'p2', 'p3']);
  await settle();
  var page2 = names.fill(['q1', 'p3', '__proto__']);
  c.pending.p1('P1');
  await settle();
  // q1 and p3 (on the new page) and __proto__ before p2 (left behind on the old page).
  assert.deepStrictEqual(c.asked, ['p1', 'q1']);
  c.pending.q1('Q1');
  await settle();
  c.pending.p3('P3');
  await settle();
  c.pending.__proto__('Proto');
  await page2;
  // Then the old page's rest.
  assert.deepStrictEqual(c.asked, ['p1', 'q1', 'p3', '__proto__', 'p2']);
  assert.strictEqual(names.name('__proto__'), 'Proto');
  c.pending.p2('P2');
  await page1;
  assert.strictEqual(c.asked.length, 5);
  assert.strictEqual(c.state.most, 1);
});
