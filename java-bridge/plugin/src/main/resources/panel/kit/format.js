/*
 * Capacity Tracker kit: how numbers and dates look. Pure functions, no DOM: also loaded by
 * Node's test runner (tests/js/format.test.js) with a stub of AJS.I18n.getText.
 * Report quantities come from the engine in its base unit: minutes (hours boards) or
 * hundredths of a point (story points boards); dates are ISO dates already in the board's
 * time zone, so they are formatted in UTC to show that same calendar day.
 */
(function (layer, define) {
  var CT = globalThis.CapacityTracker = globalThis.CapacityTracker || {};
  var exported = define(CT);
  CT[layer] = Object.assign(CT[layer] || {}, exported);
  if (typeof module === 'object' && module && module.exports) module.exports = exported;
}('kit', function (CT) {
  'use strict';

  /** Report quantity (minutes or hundredths of a point) as text, e.g. "28h", "12.5 pts". */
  function formatQuantity(value, report) {
    if (value === null || value === undefined) return '—';
    var hours = report.baseUnit === 'minute';
    var n = value / (hours ? 60 : 100);
    var rounded = Math.round(Math.abs(n) * 100) / 100;
    var text = String(rounded);
    var sign = n < 0 && rounded !== 0 ? '\u2212' : '';
    return hours ? AJS.I18n.getText('capacity-tracker.js.panel.quantity.hours', sign + text) : rounded === 1 ? AJS.I18n.getText('capacity-tracker.js.panel.quantity.point', sign + text) : AJS.I18n.getText('capacity-tracker.js.panel.quantity.points', sign + text);
  }

  /** A utilisation or share as text with one decimal, e.g. "87.5%". */
  function formatPercent(value) {
    if (value === null || value === undefined) return '—';
    return Number(value).toFixed(1) + '%';
  }

  /** A number of days (fractions allowed) as text, e.g. "1 day", "2.5 days"; none as a dash. */
  function formatDayCount(n) {
    if (!n) return '—';
    var rounded = Math.round(n * 100) / 100;
    return rounded === 1 ? AJS.I18n.getText('capacity-tracker.js.panel.quantity.day', rounded) : AJS.I18n.getText('capacity-tracker.js.panel.quantity.days', rounded);
  }

  /** The page's language (Jira sets <html lang>); the runtime's default without a page. */
  function locale() {
    return (typeof document !== 'undefined' && document.documentElement.lang) || undefined;
  }

  /** The calendar day of an ISO date (or the date part of an instant) at UTC midnight. */
  function isoToUtcDate(iso) {
    var p = String(iso).slice(0, 10).split('-');
    return new Date(Date.UTC(Number(p[0]), Number(p[1]) - 1, Number(p[2])));
  }

  /**
   * An ISO date as the board shows it. The engine's dates are already the board's local
   * days, so they are formatted at UTC: the day shown is the day given, whatever the
   * viewer's own time zone.
   */
  function formatDate(iso, opts) {
    try {
      return new Intl.DateTimeFormat(locale(), Object.assign({ timeZone: 'UTC' }, opts)).format(isoToUtcDate(iso));
    } catch (e) {
      return String(iso);
    }
  }

  /** E.g. "Mon, 30 Nov 2026" (the order follows the page's language). */
  function longDate(iso) {
    return formatDate(iso, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
  }

  /** Today's date (or `now`'s) in the board's time zone, as YYYY-MM-DD; UTC for an unknown zone. */
  function todayIn(timeZone, now) {
    var at = now || new Date();
    try {
      var parts = new Intl.DateTimeFormat('en-US', { timeZone: timeZone || 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' })
        .formatToParts(at);
      var get = function (type) { return parts.filter(function (p) { return p.type === type; })[0].value; };
      return get('year') + '-' + get('month') + '-' + get('day');
    } catch (e) {
      return at.toISOString().slice(0, 10);
    }
  }

  /** Jira writes offsets as +0100; Date.parse wants +01:00. */
  function instantMillis(text) {
    if (!text) return NaN;
    return Date.parse(String(text).replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  }

  /** A part of a day off as a short mark: "½", "25%". */
  function fractionMark(fraction) {
    return fraction === 0.5 ? '\u00bd' : Math.round(fraction * 100) + '%';
  }

  /** The initials of a display name for an avatar: first and last word, "?" for none. */
  function initials(name) {
    var words = String(name || '?').trim().split(/\s+/).filter(Boolean);
    var first = words[0] ? words[0].charAt(0) : '?';
    var last = words.length > 1 ? words[words.length - 1].charAt(0) : '';
    return (first + last).toUpperCase();
  }

  return {
    formatDate: formatDate, formatDayCount: formatDayCount, formatPercent: formatPercent,
    formatQuantity: formatQuantity, fractionMark: fractionMark, initials: initials, instantMillis: instantMillis,
    isoToUtcDate: isoToUtcDate, longDate: longDate, todayIn: todayIn
  };
}));
