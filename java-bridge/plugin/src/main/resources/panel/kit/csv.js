/*
 * Capacity Tracker kit: CSV downloads of what the engine computed. The numbers are written
 * exactly as the engine sent them: capacity and workload are whole base units in the
 * engine's JSON (minutes, or hundredths of a point written as points with integer
 * arithmetic), utilisation is the engine's one-decimal value, and a JSON number parsed and
 * written back by JavaScript keeps the engine's shortest decimal text, so nothing is
 * recomputed or rounded here. Text (RFC 4180): comma-separated, CRLF, quotes doubled; a
 * UTF-8 byte order mark so spreadsheet programs read names right; names that a spreadsheet
 * would run as a formula are prefixed with an apostrophe.
 */
(function (layer, define) {
  var CT = globalThis.CapacityTracker = globalThis.CapacityTracker || {};
  var exported = define(CT);
  CT[layer] = Object.assign(CT[layer] || {}, exported);
  if (typeof module === 'object' && module && module.exports) module.exports = exported;
}('kit', function (CT) {
  'use strict';

  /** A text cell: quoted when it must be, defused when a spreadsheet would evaluate it. */
  function csvText(value) {
    var text = value === null || value === undefined ? '' : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = '\'' + text;
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  /** A number cell from the engine's JSON: its decimal text as sent, empty for none. */
  function csvNumber(value) {
    if (value === null || value === undefined) return '';
    if (typeof value !== 'number' || !isFinite(value)) throw new Error('csvNumber:' + value); // a programming error: the engine sends numbers
    return String(value);
  }

  /** A capacity or workload in the unit the CSV's header names: minutes as they are, hundredths as points. */
  function csvQuantity(value, baseUnit) {
    if (value === null || value === undefined) return '';
    if (!Number.isSafeInteger(value)) throw new Error('csvQuantity:' + value); // a programming error: the engine sends whole base units
    if (baseUnit !== 'hundredth') return String(value);
    var sign = value < 0 ? '-' : '';
    var abs = Math.abs(value);
    var cents = String(abs % 100);
    return sign + Math.floor(abs / 100) + (abs % 100 ? '.' + (cents.length < 2 ? '0' + cents : cents).replace(/0$/, '') : '');
  }

  /** The unit a CSV header names for capacity and workload. */
  function csvUnit(baseUnit) {
    return baseUnit === 'hundredth' ? AJS.I18n.getText('capacity-tracker.js.csv.unit.points') : AJS.I18n.getText('capacity-tracker.js.csv.unit.minutes');
  }

  /** Rows of already-written cells as the file's text. */
  function csvFile(rows) {
    return '\ufeff' + rows.map(function (cells) { return cells.join(','); }).join('\r\n') + '\r\n';
  }

  /** A safe file name part: letters, digits, '-' and '_' only. */
  function csvName(text) {
    return String(text || '').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'export';
  }

  /** Offers `text` as a download named `fileName` (the browser saves it; nothing leaves the page). */
  function downloadCsv(fileName, text) {
    var url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
    var link = kit.h('a', { href: url, download: fileName, hidden: true });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  /**
   * A sprint's team table as CSV rows: one per member of the engine's iteration report, then
   * the team; `name(key)` gives a member's display name. Days are the engine's day counts;
   * "capacity left" only when the report has one (a running sprint).
   */
  function teamCsvRows(report, name) {
    var unit = csvUnit(report.baseUnit);
    var left = typeof report.team.remainingCapacity === 'number';
    var q = function (v) { return csvQuantity(v, report.baseUnit); };
    var head = [AJS.I18n.getText('capacity-tracker.js.csv.member'), AJS.I18n.getText('capacity-tracker.js.csv.key'),
      AJS.I18n.getText('capacity-tracker.js.csv.role'), AJS.I18n.getText('capacity-tracker.js.csv.working-days'),
      AJS.I18n.getText('capacity-tracker.js.csv.days-off'), AJS.I18n.getText('capacity-tracker.js.csv.holidays'),
      AJS.I18n.getText('capacity-tracker.js.csv.team-capacity', unit)]
      .concat(left ? [AJS.I18n.getText('capacity-tracker.js.csv.team-capacity-left', unit)] : [])
      .concat([AJS.I18n.getText('capacity-tracker.js.csv.team-workload', unit), AJS.I18n.getText('capacity-tracker.js.csv.team-free', unit),
        AJS.I18n.getText('capacity-tracker.js.csv.team-utilisation'), AJS.I18n.getText('capacity-tracker.js.csv.status')]).map(csvText);
    function numbers(t) {
      return [q(t.capacity)].concat(left ? [q(t.remainingCapacity)] : []).concat([q(t.workload), q(t.free), csvNumber(t.utilisation), csvText(t.status)]);
    }
    var rows = [head];
    report.members.forEach(function (m) {
      rows.push([csvText(name(m.accountKey)), csvText(m.accountKey), csvText(m.role), csvNumber(m.workingDays), csvNumber(m.daysOff),
        csvNumber(m.holidays)].concat(numbers(m)));
    });
    rows.push([csvText(AJS.I18n.getText('capacity-tracker.js.csv.team')), '', '', '', '', ''].concat(numbers(report.team)));
    return rows;
  }

  var kit = CT.kit;

  return {
    csvFile: csvFile, csvName: csvName, csvNumber: csvNumber, csvQuantity: csvQuantity, csvText: csvText, csvUnit: csvUnit,
    downloadCsv: downloadCsv, teamCsvRows: teamCsvRows
  };
}));
