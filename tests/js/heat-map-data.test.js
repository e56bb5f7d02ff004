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
