/*
 * Capacity Tracker board page: the per-day chart's data, from the engine's report and the
 * members' stored days off. Pure (no DOM): board/chart.js draws it, and Node's test runner
 * checks it (tests/js/chart-data.test.js) with a stub of AJS.I18n.getText.
 */
(function (layer, define) {
  var CT = globalThis.CapacityTracker = globalThis.CapacityTracker || {};
  var exported = define(CT);
  CT[layer] = Object.assign(CT[layer] || {}, exported);
  if (typeof module === 'object' && module && module.exports) module.exports = exported;
}('board', function (CT) {
  'use strict';

  var kit = CT.kit;
  var formatQuantity = kit.formatQuantity, longDate = kit.longDate;

  /**
   * Who is off on which working day of the report, from each member's stored ranges (dates
   * only; the capacity effect of a day off is already in the engine's per-day numbers).
   * Returns { 'YYYY-MM-DD': [{ key, fraction, reason }] }, members in report order.
   */
  function offByDate(report, daysOff) {
    var days = report.days || [];
    var byDate = {};
    (report.members || []).forEach(function (m) {
      var doc = daysOff[m.accountKey];
      if (!doc) return;
      doc.ranges.forEach(function (r) {
        days.forEach(function (d) {
          if (d.working && d.date >= r.start && d.date <= r.end) {
            (byDate[d.date] = byDate[d.date] || []).push({ key: m.accountKey, fraction: r.fraction, reason: r.reason });
          }
        });
      });
    });
    return byDate;
  }

  /** A holiday's name as the report gives it (a name, or an object with one); null for none. */
  function holidayName(day) {
    if (!day.holiday) return null;
    return typeof day.holiday === 'string' ? day.holiday : (day.holiday.name || AJS.I18n.getText('capacity-tracker.js.panel.holiday'));
  }

  /**
   * One entry per day of the report: its bar's height in percent of the busiest day, the
   * members' segments (value in the report's base unit, members without capacity that day
   * left out), the holiday, who is off, whether the month label shows (first day of each
   * month shown), and the accessible label read out for the day.
   * `displayName(accountKey)` names people in the label.
   */
  function chartDays(report, daysOff, displayName) {
    var days = report.days || [];
    var members = report.members || [];
    var max = 0;
    days.forEach(function (d) { if (d.capacity > max) max = d.capacity; });
    var scale = max || 1;
    var offs = offByDate(report, daysOff || {});
    var prevMonth = null;
    return days.map(function (d, i) {
      var holiday = holidayName(d);
      var off = offs[d.date] || [];
      var label = AJS.I18n.getText('capacity-tracker.js.panel.chart.day-label', longDate(d.date), formatQuantity(d.capacity, report));
      if (!d.working) label = AJS.I18n.getText('capacity-tracker.js.panel.chart.not-working-day', label);
      if (holiday) label = AJS.I18n.getText('capacity-tracker.js.panel.chart.with-holiday', label, holiday);
      off.forEach(function (o) {
        var who = o.fraction < 1 ? AJS.I18n.getText('capacity-tracker.js.panel.chart.part-off', displayName(o.key), Math.round(o.fraction * 100)) : AJS.I18n.getText('capacity-tracker.js.panel.chart.off', displayName(o.key));
        if (o.reason) who = AJS.I18n.getText('capacity-tracker.js.panel.chart.with-reason', who, o.reason);
        label = AJS.I18n.getText('capacity-tracker.js.panel.chart.with-off', label, who);
      });
      var segments = [];
      members.forEach(function (m) {
        var v = m.days ? m.days[i] : 0;
        if (v) segments.push({ accountKey: m.accountKey, value: v });
      });
      var month = d.date.slice(0, 7);
      var showMonth = month !== prevMonth;
      prevMonth = month;
      return {
        date: d.date, working: Boolean(d.working), capacity: d.capacity, height: d.capacity / scale * 100,
        holiday: holiday, offs: off, segments: segments, showMonth: showMonth, label: label
      };
    });
  }

  return { chartDays: chartDays, offByDate: offByDate };
}));
