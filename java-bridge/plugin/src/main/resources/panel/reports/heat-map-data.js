/*
 * Capacity Tracker reports page: what the heat map shows, from the engine's multi-project
 * report. Pure (no DOM): reports/heat-map.js draws it, and Node's test runner checks it
 * (tests/js/heat-map-data.test.js) with a stub of AJS.I18n.getText.
 */
(function (layer, define) {
  var CT = globalThis.CapacityTracker = globalThis.CapacityTracker || {};
  var exported = define(CT);
  CT[layer] = Object.assign(CT[layer] || {}, exported);
  if (typeof module === 'object' && module && module.exports) module.exports = exported;
}('reports', function (CT) {
  'use strict';

  var kit = CT.kit;
  var formatDate = kit.formatDate, longDate = kit.longDate;

  /** A cell's colour step: 0 (no utilisation, or under 25 %) to 4 (100 % and more). */
  function heatLevel(utilisation) {
    return utilisation === null || utilisation === undefined ? 0 : Math.min(4, Math.floor(utilisation / 25));
  }

  /**
   * The over-allocations by person and bucket label, to flag the cells they concern. Indexed
   * once: at Data Center scale a report has 21,000 rows and tens of thousands of
   * over-allocations, and a scan per row would hold the page for minutes.
   */
  function overAllocationIndex(report) {
    var overs = Object.create(null);
    var people = Object.create(null);
    report.overAllocations.forEach(function (o) {
      overs[o.accountKey + '\u0000' + o.bucket] = o;
      people[o.accountKey] = true;
    });
    return {
      /** The over-allocation of this row's person in this bucket, or null (only rows of people have one). */
      at: function (rowKey, bucketLabel) {
        return report.grouping === 'person' ? overs[rowKey + '\u0000' + bucketLabel] || null : null;
      },
      /** Whether this row's person is over-allocated in any bucket. */
      flagged: function (rowKey) {
        return report.grouping === 'person' && people[rowKey] === true;
      }
    };
  }

  /** The people over-allocated, each once, in the report's order. */
  function overAllocatedPeople(report) {
    var seen = Object.create(null);
    return report.overAllocations.map(function (o) { return o.accountKey; }).filter(function (k) {
      if (seen[k]) return false;
      seen[k] = true;
      return true;
    });
  }

  /**
   * A bucket's column heading: `main` ("Week 49", "Dec 2026", "Q4 2026" as the page's
   * language words them), `range` (its first and last day), `title` (label and long dates).
   */
  function bucketHeading(b, bucket) {
    var range = b.start === b.end ? formatDate(b.start, { month: 'short', day: 'numeric' }) :
      formatDate(b.start, { month: 'short', day: 'numeric' }) + ' \u2013 ' + formatDate(b.end, { month: 'short', day: 'numeric' });
    var main = b.label;
    var week = /^(\d{4})-W(\d{2})$/.exec(b.label);
    var quarter = /^(\d{4})-Q(\d)$/.exec(b.label);
    if (bucket === 'week' && week) main = AJS.I18n.getText('capacity-tracker.js.report.bucket.week', Number(week[2]));
    else if (bucket === 'month') main = formatDate(b.start, { month: 'short', year: 'numeric' });
    else if (bucket === 'quarter' && quarter) main = AJS.I18n.getText('capacity-tracker.js.report.bucket.quarter', quarter[2], quarter[1]);
    return { main: main, range: range, title: b.label + ': ' + longDate(b.start) + ' \u2013 ' + longDate(b.end) };
  }

  /** A bucket as the cells' titles name it: "2026-W49 (Mon, 30 Nov 2026 – Sun, 6 Dec 2026)". */
  function bucketText(b) {
    return b.label + ' (' + longDate(b.start) + ' \u2013 ' + longDate(b.end) + ')';
  }

  /**
   * The heat map as CSV rows: one per person, role or board (as the report is grouped), then
   * the totals; per bucket and for the whole period, capacity and workload (unit in the
   * header) and utilisation (%), each as the engine computed it. `label(key)` names a row.
   */
  function heatMapCsvRows(report, label, rowHead, totalsLabel) {
    var unit = kit.csvUnit(report.baseUnit);
    var head = [kit.csvText(rowHead), kit.csvText(AJS.I18n.getText('capacity-tracker.js.csv.key'))];
    var columns = report.buckets.map(function (b) { return b.label; }).concat([AJS.I18n.getText('capacity-tracker.js.csv.whole-period')]);
    columns.forEach(function (c) {
      head.push(kit.csvText(AJS.I18n.getText('capacity-tracker.js.csv.capacity', c, unit)),
        kit.csvText(AJS.I18n.getText('capacity-tracker.js.csv.workload', c, unit)),
        kit.csvText(AJS.I18n.getText('capacity-tracker.js.csv.utilisation', c)));
    });
    function cells(c) {
      return [kit.csvQuantity(c.capacity, report.baseUnit), kit.csvQuantity(c.workload, report.baseUnit), kit.csvNumber(c.utilisation)];
    }
    var rows = [head];
    report.rows.forEach(function (row) {
      var line = [kit.csvText(label(row.key)), kit.csvText(row.key)];
      row.cells.concat([row.total]).forEach(function (c) { line.push.apply(line, cells(c)); });
      rows.push(line);
    });
    var totals = [kit.csvText(totalsLabel), ''];
    report.totals.forEach(function (c) { totals.push.apply(totals, cells(c)); });
    rows.push(totals.concat(['', '', '']));
    return rows;
  }

  /**
   * Rows the heat map draws at once. A report over a Data Center instance has a row per person
   * (21,000 at the dcapt shape), each with a cell per bucket: drawn whole, that is about a
   * million DOM nodes and holds the page for minutes. The CSV download keeps every row.
   */
  var HEAT_MAP_PAGE_ROWS = 250;

  /**
   * Page `page` (0-based, clamped into range) of `count` rows, `size` a page: the rows
   * [from, to), the page's number and how many pages there are (at least one, even empty).
   */
  function rowPage(count, page, size) {
    var pages = Math.max(1, Math.ceil(count / size));
    var p = Math.min(Math.max(0, Math.floor(Number(page) || 0)), pages - 1);
    return { page: p, pages: pages, from: p * size, to: Math.min(count, (p + 1) * size) };
  }

  /**
   * Over-allocations listed at once: a Data Center report has tens of thousands (68,276 at
   * the dcapt shape), and drawn whole they held the page for 22 s.
   */
  var OVER_PAGE_ROWS = 100;

  /**
   * The people whose names the page shows now, each once: the heat map's rows on screen
   * (`rows`, a rowPage; only rows of people), the over-allocations on screen (`overs`) and
   * the one person the over-allocation message names, if only one.
   */
  function peopleOnScreen(report, rows, overs) {
    var seen = Object.create(null);
    var keys = [];
    function add(k) {
      if (seen[k]) return;
      seen[k] = true;
      keys.push(k);
    }
    if (report.grouping === 'person') report.rows.slice(rows.from, rows.to).forEach(function (r) { add(r.key); });
    report.overAllocations.slice(overs.from, overs.to).forEach(function (o) { add(o.accountKey); });
    var people = overAllocatedPeople(report);
    if (people.length === 1) add(people[0]);
    return keys;
  }

  /**
   * Names a report's header lists before "and N more": a definition over every board of a
   * Data Center instance names 1,500, which as plain text filled the first screen.
   */
  var HEADER_NAMES = 10;

  /** The first `limit` of `items` and how many more there are. */
  function collapsedList(items, limit) {
    return { shown: items.slice(0, limit), more: Math.max(0, items.length - limit) };
  }

  /**
   * People's display names, asked of Jira only for the people on screen. Jira Server / Data
   * Center has no bulk user lookup (`/rest/api/2/user/bulk` is Jira Cloud's), so each name is
   * one GET; `lookup(key)` makes it and resolves to the name (or nothing). At most `parallel`
   * are asked at once across all fills, each key once for the page's life (a failed lookup
   * keeps the key as the name); a later fill (the page now on screen) is asked first.
   */
  function NameCache(lookup, parallel) {
    this.lookup = lookup;
    this.parallel = parallel;
    this.names = Object.create(null);
    this.waiting = Object.create(null); // key -> resolvers of the fills that wait for it
    this.asking = Object.create(null);
    this.queue = [];
    this.running = 0;
  }

  /** The key's display name once known, else the key itself. */
  NameCache.prototype.name = function (key) {
    var n = this.names[key];
    return n === undefined ? key : n;
  };

  NameCache.prototype.known = function (key) {
    return this.names[key] !== undefined;
  };

  /** Names these keys; resolves (never rejects) once each of them is known. */
  NameCache.prototype.fill = function (keys) {
    var self = this;
    var seen = Object.create(null);
    var front = [];
    var waits = [];
    keys.forEach(function (k) {
      if (seen[k] || self.known(k)) return;
      seen[k] = true;
      if (!self.asking[k]) front.push(k);
      waits.push(new Promise(function (resolve) {
        (self.waiting[k] = self.waiting[k] || []).push(resolve);
      }));
    });
    if (front.length) {
      var first = Object.create(null);
      front.forEach(function (k) { first[k] = true; });
      this.queue = front.concat(this.queue.filter(function (k) { return !first[k]; }));
      this.pump();
    }
    return Promise.all(waits).then(function () { return undefined; });
  };

  NameCache.prototype.pump = function () {
    while (this.running < this.parallel && this.queue.length) this.ask(this.queue.shift());
  };

  NameCache.prototype.ask = function (key) {
    var self = this;
    this.running++;
    this.asking[key] = true;
    Promise.resolve().then(function () { return self.lookup(key); }).then(function (n) { return n; }, function () { return null; }).then(function (n) {
      self.names[key] = typeof n === 'string' && n ? n : key;
      var resolvers = self.waiting[key] || [];
      delete self.waiting[key];
      delete self.asking[key];
      self.running--;
      resolvers.forEach(function (r) { r(); });
      self.pump();
    });
  };

  return {
    HEADER_NAMES: HEADER_NAMES, collapsedList: collapsedList, NameCache: NameCache, OVER_PAGE_ROWS: OVER_PAGE_ROWS, peopleOnScreen: peopleOnScreen,
    HEAT_MAP_PAGE_ROWS: HEAT_MAP_PAGE_ROWS, rowPage: rowPage,
    bucketHeading: bucketHeading, bucketText: bucketText, heatLevel: heatLevel, heatMapCsvRows: heatMapCsvRows,
    overAllocatedPeople: overAllocatedPeople, overAllocationIndex: overAllocationIndex
  };
}));
