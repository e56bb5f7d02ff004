'use strict';
/*
 * kit/format.js and kit/i18n.js: how the panel writes quantities, percentages, days and
 * dates. Texts come from i18n/capacity-tracker-js.properties through the AJS stub of
 * panel-loader.js. Run: node --test tests/js/
 */
var test = require('node:test');
var assert = require('node:assert');
var loader = require('./panel-loader.js');

var kit = loader.load('kit/format.js', 'kit/i18n.js').kit;
var HOURS = { baseUnit: 'minute' };
var POINTS = { baseUnit: 'hundredth' };

test('hours: minutes shown as hours with at most two decimals', function () {
  assert.strictEqual(kit.formatQuantity(0, HOURS), '0h');
  assert.strictEqual(kit.formatQuantity(60, HOURS), '1h');
  assert.strictEqual(kit.formatQuantity(90, HOURS), '1.5h');
  assert.strictEqual(kit.formatQuantity(1680, HOURS), '28h');
  assert.strictEqual(kit.formatQuantity(20, HOURS), '0.33h', 'a third of an hour');
  assert.strictEqual(kit.formatQuantity(1, HOURS), '0.02h', 'one minute');
  assert.strictEqual(kit.formatQuantity(-30, HOURS), '\u22120.5h', 'negative with a real minus sign');
  assert.strictEqual(kit.formatQuantity(-0.2, HOURS), '0h', 'no minus on what rounds to zero');
  assert.strictEqual(kit.formatQuantity(null, HOURS), '\u2014');
  assert.strictEqual(kit.formatQuantity(undefined, HOURS), '\u2014');
});

test('story points: hundredths shown as points, one point singular', function () {
  assert.strictEqual(kit.formatQuantity(100, POINTS), '1 pt');
  assert.strictEqual(kit.formatQuantity(-100, POINTS), '\u22121 pt');
  assert.strictEqual(kit.formatQuantity(1250, POINTS), '12.5 pts');
  assert.strictEqual(kit.formatQuantity(1, POINTS), '0.01 pts');
  assert.strictEqual(kit.formatQuantity(0, POINTS), '0 pts');
  assert.strictEqual(kit.formatQuantity(33333, POINTS), '333.33 pts');
});

test('percentages with one decimal, days with up to two', function () {
  assert.strictEqual(kit.formatPercent(87.456), '87.5%');
  assert.strictEqual(kit.formatPercent(0), '0.0%');
  assert.strictEqual(kit.formatPercent(100), '100.0%');
  assert.strictEqual(kit.formatPercent(212.04), '212.0%');
  assert.strictEqual(kit.formatPercent(null), '\u2014');
  assert.strictEqual(kit.formatDayCount(0), '\u2014');
  assert.strictEqual(kit.formatDayCount(1), '1 day');
  assert.strictEqual(kit.formatDayCount(2.5), '2.5 days');
  assert.strictEqual(kit.formatDayCount(1 / 3), '0.33 days');
  assert.strictEqual(kit.fractionMark(0.5), '\u00bd');
  assert.strictEqual(kit.fractionMark(0.25), '25%');
  assert.strictEqual(kit.initials('Alice Andersen'), 'AA');
  assert.strictEqual(kit.initials('  carol '), 'C');
  assert.strictEqual(kit.initials('Anna Maria de la Cruz'), 'AC');
  assert.strictEqual(kit.initials(''), '?');
});

test('a board date shows as that calendar day whatever the viewer\'s time zone', function () {
  var saved = process.env.TZ;
  try {
    ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/Berlin', 'UTC'].forEach(function (zone) {
      process.env.TZ = zone;
      assert.strictEqual(kit.formatDate('2026-11-30', { day: 'numeric' }), '30', zone);
      assert.strictEqual(kit.formatDate('2026-11-30', { month: 'numeric' }), '11', zone);
      assert.strictEqual(kit.formatDate('2026-12-31T23:30:00.000-1000', { day: 'numeric' }), '31', zone + ': the date part of an instant');
      assert.strictEqual(kit.isoToUtcDate('2026-03-01').toISOString(), '2026-03-01T00:00:00.000Z');
    });
  } finally {
    if (saved === undefined) delete process.env.TZ; else process.env.TZ = saved;
  }
  var long = kit.formatDate('2026-11-30', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  assert.strictEqual(kit.longDate('2026-11-30'), long);
  assert.match(kit.longDate('2026-11-30'), /30/);
  assert.match(kit.longDate('2026-11-30'), /2026/);
  assert.strictEqual(kit.formatDate('not a date', { day: 'numeric' }), 'not a date', 'unreadable dates are shown as given');
});

test('today is the board\'s date, not the viewer\'s', function () {
  var now = new Date('2026-12-04T12:30:00Z');
  assert.strictEqual(kit.todayIn('Pacific/Auckland', now), '2026-12-05');
  assert.strictEqual(kit.todayIn('America/Los_Angeles', now), '2026-12-04');
  assert.strictEqual(kit.todayIn('Europe/Berlin', new Date('2026-12-04T23:30:00Z')), '2026-12-05');
  assert.strictEqual(kit.todayIn(null, now), '2026-12-04', 'no zone is UTC');
  assert.strictEqual(kit.todayIn('Not/AZone', new Date('2026-12-04T23:30:00Z')), '2026-12-04', 'an unknown zone falls back to UTC');
});

test('Jira instants with +0100 offsets are read', function () {
  assert.strictEqual(kit.instantMillis('2026-11-30T09:00:00.000+0100'), Date.UTC(2026, 10, 30, 8));
  assert.strictEqual(kit.instantMillis('2026-11-30T09:00:00.000+01:00'), Date.UTC(2026, 10, 30, 8));
  assert.strictEqual(kit.instantMillis('2026-11-30T09:00:00.000-0530'), Date.UTC(2026, 10, 30, 14, 30));
  assert.ok(isNaN(kit.instantMillis('')));
  assert.ok(isNaN(kit.instantMillis(null)));
});

test('engine field paths become the form\'s labels; the path leaves the message', function () {
  assert.strictEqual(kit.humanField('members[3].dailyCapacity'), 'Daily capacity');
  assert.strictEqual(kit.humanField('thresholds.over'), kit.FIELD_LABELS.over);
  assert.strictEqual(kit.humanField('customField'), 'Custom field');
  assert.strictEqual(kit.humanField('members[0].somethingNew'), 'somethingNew');
  assert.strictEqual(kit.humanField(null), '');
  assert.strictEqual(kit.stripFieldPath('members[3].dailyCapacity: must be at most 24', 'members[3].dailyCapacity'), 'Must be at most 24');
  assert.strictEqual(kit.stripFieldPath('something else', 'x'), 'Something else');
  assert.strictEqual(kit.STATUS_LABEL.over, AJS.I18n.getText('capacity-tracker.js.panel.over'));
});

test('the AJS stub formats like AUI: placeholders, doubled and quoting apostrophes', function () {
  assert.strictEqual(loader.format('{0} of {1}', 'a', 2), 'a of 2');
  assert.strictEqual(loader.format("board''s {0}", 'x'), 'board\'s x');
  assert.strictEqual(loader.format('\'{0}\' is {0}', 'y'), '{0} is y');
  assert.strictEqual(AJS.I18n.getText('capacity-tracker.js.no-such-key'), 'capacity-tracker.js.no-such-key');
});
