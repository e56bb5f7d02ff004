'use strict';
/*
 * kit/csv.js and the heat map's CSV rows (reports/heat-map-data.js): the engine's numbers
 * written exactly, RFC 4180 quoting, names a spreadsheet would evaluate defused, units in
 * the header. The download itself is covered by tests/e2e/specs/exports.test.js.
 * Run: node --test tests/js/
 */
var test = require('node:test');
var assert = require('node:assert');
var loader = require('./panel-loader.js');

var CT = loader.load.apply(null, loader.PURE_KIT.concat(['reports/heat-map-data.js']));
var kit = CT.kit;

test('text cells: quoted when needed, quotes doubled, formulas defused', function () {
  assert.strictEqual(kit.csvText('Alice Andersen'), 'Alice Andersen');
  assert.strictEqual(kit.csvText('Brown, Bob'), '"Brown, Bob"');
  assert.strictEqual(kit.csvText('say "hi"'), '"say ""hi"""');
  assert.strictEqual(kit.csvText('two\nlines'), '"two\nlines"');
  assert.strictEqual(kit.csvText('=HYPERLINK("x")'), '"\'=HYPERLINK(""x"")"');
  assert.strictEqual(kit.csvText('+1'), '\'+1');
  assert.strictEqual(kit.csvText('@sum'), '\'@sum');
  assert.strictEqual(kit.csvText(null), '');
});

test('numbers keep the engine\'s decimal text: the JSON the engine wrote, parsed and written back, is unchanged', function () {
  var engineJson = '{"u":[12.5,80.0,0.1,100.3,33.3,1234.5,0,null]}';
  var parsed = JSON.parse(engineJson).u;
  assert.deepStrictEqual(parsed.map(kit.csvNumber), ['12.5', '80', '0.1', '100.3', '33.3', '1234.5', '0', '']);
  assert.throws(function () { kit.csvNumber('12'); });
  assert.throws(function () { kit.csvNumber(NaN); });
});

test('quantities: minutes as they are, hundredths as exact points', function () {
  assert.strictEqual(kit.csvQuantity(2400, 'minute'), '2400');
  assert.strictEqual(kit.csvQuantity(1250, 'hundredth'), '12.5');
  assert.strictEqual(kit.csvQuantity(1205, 'hundredth'), '12.05');
  assert.strictEqual(kit.csvQuantity(1200, 'hundredth'), '12');
  assert.strictEqual(kit.csvQuantity(7, 'hundredth'), '0.07');
  assert.strictEqual(kit.csvQuantity(-30, 'hundredth'), '-0.3');
  assert.strictEqual(kit.csvQuantity(null, 'minute'), '');
  assert.throws(function () { kit.csvQuantity(1.5, 'minute'); }, /csvQuantity/);
  assert.strictEqual(kit.csvUnit('minute'), 'minutes');
  assert.strictEqual(kit.csvUnit('hundredth'), 'points');
});

test('a file: byte order mark, CRLF after every row', function () {
  assert.strictEqual(kit.csvFile([['a', 'b'], ['1', '2']]), '\ufeffa,b\r\n1,2\r\n');
  assert.strictEqual(kit.csvName('2026-11-30'), '2026-11-30');
  assert.strictEqual(kit.csvName('../x y'), 'x-y');
});

test('heat map: a row per group key, three columns per bucket and the whole period, then the totals', function () {
  var cell = function (capacity, workload, utilisation) { return { capacity: capacity, workload: workload, free: capacity - workload, utilisation: utilisation, status: 'ok' }; };
  var report = {
    baseUnit: 'minute', grouping: 'person', bucket: 'week', period: { start: '2026-11-30', end: '2026-12-13' },
    buckets: [{ label: '2026-W49', start: '2026-11-30', end: '2026-12-06' }, { label: '2026-W50', start: '2026-12-07', end: '2026-12-13' }],
    rows: [{ key: 'alice', cells: [cell(2400, 2000, 83.3), cell(0, 0, null)], total: cell(2400, 2000, 83.3) },
      { key: '=bob', cells: [cell(1200, 1500, 125), cell(600, 0, 0)], total: cell(1800, 1500, 83.3) }],
    totals: [cell(3600, 3500, 97.2), cell(600, 0, 0)],
    overAllocations: []
  };
  var names = { alice: 'Andersen, Alice' };
  var rows = CT.reports.heatMapCsvRows(report, function (k) { return names[k] || k; }, 'Person', 'All people');
  assert.deepStrictEqual(rows[0], ['Person', 'Key',
    '2026-W49 capacity (minutes)', '2026-W49 workload (minutes)', '2026-W49 utilisation (%)',
    '2026-W50 capacity (minutes)', '2026-W50 workload (minutes)', '2026-W50 utilisation (%)',
    'Whole period capacity (minutes)', 'Whole period workload (minutes)', 'Whole period utilisation (%)']);
  assert.deepStrictEqual(rows[1], ['"Andersen, Alice"', 'alice', '2400', '2000', '83.3', '0', '0', '', '2400', '2000', '83.3']);
  assert.deepStrictEqual(rows[2], ['\'=bob', '\'=bob', '1200', '1500', '125', '600', '0', '0', '1800', '1500', '83.3']);
  assert.deepStrictEqual(rows[3], ['All people', '', '3600', '3500', '97.2', '600', '0', '0', '', '', '']);
  rows.forEach(function (r) { assert.strictEqual(r.length, rows[0].length); });
});

test('team table: a row per member and the team, capacity left only for a running sprint', function () {
  var totals = function (c, w, u, left) {
    var t = { capacity: c, workload: w, free: c - w, utilisation: u, status: u > 100 ? 'over' : 'ok' };
    if (left !== undefined) t.remainingCapacity = left;
    return t;
  };
  var member = function (key, role, t) {
    return Object.assign({ accountKey: key, role: role, workingDays: 10, daysOff: 1.5, holidays: 0 }, t);
  };
  var report = { baseUnit: 'hundredth', iteration: { name: 'S3' }, team: totals(2000, 2500, 125),
    members: [member('alice', 'Developer, senior', totals(1200, 1500, 125)), member('bob', '@QA', totals(800, 1000, 125))] };
  var rows = kit.teamCsvRows(report, function (k) { return k === 'alice' ? 'Alice Andersen' : k; });
  assert.deepStrictEqual(rows[0], ['Member', 'Key', 'Role', 'Working days', 'Days off', 'Holidays', 'Capacity (points)',
    'Workload (points)', 'Free (points)', 'Utilisation (%)', 'Status']);
  assert.deepStrictEqual(rows[1], ['Alice Andersen', 'alice', '"Developer, senior"', '10', '1.5', '0', '12', '15', '-3', '125', 'over']);
  assert.deepStrictEqual(rows[2], ['bob', 'bob', '\'@QA', '10', '1.5', '0', '8', '10', '-2', '125', 'over']);
  assert.deepStrictEqual(rows[3], ['Team', '', '', '', '', '', '20', '25', '-5', '125', 'over']);

  report.baseUnit = 'minute';
  report.team = totals(2000, 500, 25, 1200);
  report.members = [member('alice', 'Dev', totals(2000, 500, 25, 1200))];
  rows = kit.teamCsvRows(report, String);
  assert.deepStrictEqual(rows[0].slice(6, 8), ['Capacity (minutes)', 'Capacity left (minutes)']);
  assert.deepStrictEqual(rows[2], ['Team', '', '', '', '', '', '2000', '1200', '500', '1500', '25', 'ok']);
});
