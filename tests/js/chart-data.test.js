'use strict';
/*
 * board/chart-data.js: the per-day chart's numbers from an engine report and the members'
 * days off. Run: node --test tests/js/
 */
var test = require('node:test');
var assert = require('node:assert');
var loader = require('./panel-loader.js');

var CT = loader.load.apply(null, loader.PURE_KIT.concat(['board/chart-data.js']));
var chartDays = CT.board.chartDays;

var report = {
  baseUnit: 'minute',
  members: [
    { accountKey: 'alice', days: [360, 360, 0, 180, 0] },
    { accountKey: 'bob', days: [180, 0, 0, 180, 0] }
  ],
  days: [
    { date: '2026-11-30', working: true, holiday: null, capacity: 540 },
    { date: '2026-12-01', working: true, holiday: { name: 'Team day' }, capacity: 360 },
    { date: '2026-12-02', working: true, holiday: {}, capacity: 0 },
    { date: '2026-12-03', working: true, holiday: null, capacity: 360 },
    { date: '2026-12-05', working: false, holiday: null, capacity: 0 }
  ]
};
var daysOff = {
  bob: { ranges: [{ start: '2026-12-01', end: '2026-12-05', fraction: 1, reason: 'Trip' }] },
  alice: { ranges: [{ start: '2026-12-03', end: '2026-12-03', fraction: 0.5 }] },
  carol: { ranges: [{ start: '2026-11-30', end: '2026-12-05', fraction: 1 }] }
};
var names = { alice: 'Alice Andersen', bob: 'Bob Brown' };
function name(key) { return names[key] || key; }

test('bars are scaled to the busiest day; segments per member, none for a member without capacity', function () {
  var days = chartDays(report, daysOff, name);
  assert.deepStrictEqual(days.map(function (d) { return d.height; }), [100, 360 / 540 * 100, 0, 360 / 540 * 100, 0]);
  assert.deepStrictEqual(days[0].segments, [{ accountKey: 'alice', value: 360 }, { accountKey: 'bob', value: 180 }]);
  assert.deepStrictEqual(days[1].segments, [{ accountKey: 'alice', value: 360 }]);
  assert.deepStrictEqual(days[2].segments, []);
  var empty = chartDays({ baseUnit: 'minute', members: [], days: [{ date: '2026-11-30', working: true, capacity: 0 }] }, {}, name);
  assert.strictEqual(empty[0].height, 0, 'a sprint without capacity draws empty bars, not NaN');
  assert.deepStrictEqual(chartDays({ baseUnit: 'minute' }, null, name), []);
});

test('days off are marked on working days inside each member\'s ranges, for report members only', function () {
  var days = chartDays(report, daysOff, name);
  assert.deepStrictEqual(days[0].offs, []);
  assert.deepStrictEqual(days[1].offs, [{ key: 'bob', fraction: 1, reason: 'Trip' }]);
  assert.deepStrictEqual(days[3].offs, [{ key: 'alice', fraction: 0.5, reason: undefined }, { key: 'bob', fraction: 1, reason: 'Trip' }]);
  assert.deepStrictEqual(days[4].offs, [], 'not on a non-working day');
  assert.ok(days.every(function (d) { return d.offs.every(function (o) { return o.key !== 'carol'; }); }), 'carol is not in the report');
});

test('holidays, the month label on the first day of each month, and the day\'s accessible label', function () {
  var days = chartDays(report, daysOff, name);
  assert.deepStrictEqual(days.map(function (d) { return d.holiday; }), [null, 'Team day', 'Holiday', null, null]);
  assert.deepStrictEqual(days.map(function (d) { return d.showMonth; }), [true, true, false, false, false]);
  var long = CT.kit.longDate;
  assert.strictEqual(days[0].label, long('2026-11-30') + ': 9h team capacity');
  assert.strictEqual(days[1].label, long('2026-12-01') + ': 6h team capacity \u2014 holiday: Team day \u2014 Bob Brown off: Trip');
  assert.strictEqual(days[3].label, long('2026-12-03') + ': 6h team capacity \u2014 Alice Andersen off (50%) \u2014 Bob Brown off: Trip');
  assert.strictEqual(days[4].label, long('2026-12-05') + ': 0h team capacity (not a working day)');
  assert.strictEqual(days[4].working, false);
});
