/*
 * Capacity Tracker reports page: the heat map of a run report, over-allocations and the legend.
 */
(function (layer, define) {
  var CT = globalThis.CapacityTracker = globalThis.CapacityTracker || {};
  var exported = define(CT);
  CT[layer] = Object.assign(CT[layer] || {}, exported);
  if (typeof module === 'object' && module && module.exports) module.exports = exported;
}('reports', function (CT) {
  'use strict';

  var kit = CT.kit;
  var h = kit.h;
  var bucketHeading = CT.reports.bucketHeading, bucketText = CT.reports.bucketText, heatLevel = CT.reports.heatLevel,
      overAllocatedPeople = CT.reports.overAllocatedPeople, overAllocationIndex = CT.reports.overAllocationIndex;
  var ALL_ROWS = CT.reports.ALL_ROWS, ROW_HEAD = CT.reports.ROW_HEAD, Reports = CT.reports.Reports,
      heatMapCsvRows = CT.reports.heatMapCsvRows, rowPage = CT.reports.rowPage, HEAT_MAP_PAGE_ROWS = CT.reports.HEAT_MAP_PAGE_ROWS,
      OVER_PAGE_ROWS = CT.reports.OVER_PAGE_ROWS, peopleOnScreen = CT.reports.peopleOnScreen;

  Reports.prototype.renderResult = function () {
    var kit = this.kit;
    var h = kit.h;
    var box = this.resultBox;
    if (!box || !box.isConnected) return;
    kit.clear(box);
    var run = this.run;
    if (!run) return;
    if (run.running) {
      box.setAttribute('aria-busy', 'true');
      kit.append(box, this.renderProgress(run.progress));
      return;
    }
    box.removeAttribute('aria-busy');
    (run.notes || []).forEach(function (n) {
      kit.append(box, kit.message('info', null, h('p', { text: n.text }), { 'data-testid': 'report-note', 'data-board-id': n.boardId }));
    });
    if (run.cancelled) {
      var self = this;
      kit.append(box, kit.message('info', AJS.I18n.getText('capacity-tracker.js.report.job.cancelled'),
        h('button', { type: 'button', class: 'aui-button', 'data-testid': 'report-run-again',
          onclick: function () { self.runReport(); } }, AJS.I18n.getText('capacity-tracker.js.report.job.run-again')),
        { 'data-testid': 'report-cancelled' }));
      return;
    }
    if (run.error) {
      kit.append(box, kit.message('error', AJS.I18n.getText('capacity-tracker.js.report.the-report-could-not-be-run'), h('p', { text: run.error.message }), { 'data-testid': 'report-error' }));
      return;
    }
    var report = run.report;
    // A new report starts on its first page of rows.
    if (this.heatReport !== report) {
      this.heatReport = report;
      this.heatPage = 0;
      this.overPage = 0;
    }
    if (report.overAllocations.length) kit.append(box, this.renderOverAllocations(report));
    // Over-allocations have their own list above; the engine's summary of them would repeat it.
    var warnings = (report.warnings || []).filter(function (w) { return w.code !== 'overAllocated'; });
    if (warnings.length) {
      kit.append(box, kit.message('warning', warnings.length === 1 ? AJS.I18n.getText('capacity-tracker.js.report.worth-a-look') : AJS.I18n.getText('capacity-tracker.js.report.warnings.count', warnings.length),
        h('ul', { class: 'ct-warning-list' }, warnings.map(function (w) { return h('li', { 'data-code': w.code || null, text: w.message }); })),
        { 'data-testid': 'report-warnings' }));
    }
    kit.append(box, this.renderExportBar(report), this.renderHeatMap(report), this.renderLegend(report, run));
    this.fillNames(report);
  };

  /**
   * Asks Jira for the names of the people now on screen, then redraws what names them (the
   * rows' headers and cells' accessible names, the over-allocations). `data-names` on the
   * result says whether names are still on their way ("loading") or all shown ("loaded").
   */
  Reports.prototype.fillNames = function (report) {
    var self = this;
    var box = this.resultBox;
    var keys = peopleOnScreen(report, rowPage(report.rows.length, this.heatPage, HEAT_MAP_PAGE_ROWS),
      rowPage(report.overAllocations.length, this.overPage, OVER_PAGE_ROWS));
    var missing = keys.filter(function (k) { return !self.names.known(k); });
    var token = this.nameToken = (this.nameToken || 0) + 1;
    if (!missing.length) {
      box.setAttribute('data-names', 'loaded');
      return Promise.resolve();
    }
    box.setAttribute('data-names', 'loading');
    return this.names.fill(missing).then(function () {
      if (token !== self.nameToken || self.heatReport !== report || self.resultBox !== box || !box.isConnected) return;
      self.redrawSection(report, 'heat-map-section', self.renderHeatMap);
      self.redrawSection(report, 'over-allocation-list', self.renderOverList);
      var message = box.querySelector('[data-testid="over-allocation-message"]');
      var title = message && message.querySelector('.title');
      if (title && title.firstChild) title.firstChild.textContent = self.overTitle(report);
      box.setAttribute('data-names', 'loaded');
    });
  };

  /**
   * Replaces the section `testid` of the result with `render(report)` drawn anew, keeping the
   * keyboard on the same cell, row or button if it was in there.
   */
  Reports.prototype.redrawSection = function (report, testid, render) {
    var old = this.resultBox && this.resultBox.querySelector('[data-testid="' + testid + '"]');
    if (!old) return null;
    var active = document.activeElement;
    var place = null;
    if (active && old.contains(active)) {
      var row = active.closest('[data-key], [data-account-key]');
      place = { testid: active.getAttribute('data-testid'), bucket: active.getAttribute('data-bucket'),
        key: row ? row.getAttribute('data-key') || row.getAttribute('data-account-key') : null };
    }
    var next = render.call(this, report);
    old.replaceWith(next);
    if (place && place.testid) {
      var found = Array.prototype.filter.call(next.querySelectorAll('[data-testid="' + place.testid + '"]'), function (el) {
        var row = el.closest('[data-key], [data-account-key]');
        var key = row ? row.getAttribute('data-key') || row.getAttribute('data-account-key') : null;
        return key === place.key && el.getAttribute('data-bucket') === place.bucket;
      })[0];
      if (found && !found.disabled) found.focus();
    }
    return next;
  };

  /**
   * A running job: a progress bar (boards read of boards to read; indeterminate until the
   * boards are known), the items read so far, and Cancel.
   */
  Reports.prototype.renderProgress = function (p) {
    var self = this;
    var kit = this.kit;
    var h = kit.h;
    var text = p.boardsTotal
      ? AJS.I18n.getText('capacity-tracker.js.report.job.progress', p.boardsDone, p.boardsTotal, p.items)
      : AJS.I18n.getText('capacity-tracker.js.report.reading-the-boards');
    var bar = h('div', { class: 'aui-progress-indicator', role: 'progressbar', 'data-testid': 'report-progress',
      'aria-label': AJS.I18n.getText('capacity-tracker.js.report.job.progress-label'), 'aria-valuemin': '0',
      'aria-valuemax': String(p.boardsTotal || 0), 'aria-valuenow': p.boardsTotal ? String(p.boardsDone) : null,
      'aria-valuetext': text, 'data-value': p.fraction === null ? null : String(p.fraction) },
      h('span', { class: 'aui-progress-indicator-value', style: p.fraction === null ? null : { width: Math.round(p.fraction * 100) + '%' } }));
    // Cancel once the server has answered with the job (until then there is nothing to cancel).
    var cancel = !this.jobId ? null : h('button', { type: 'button', class: 'aui-button', 'data-testid': 'report-cancel', disabled: Boolean(this.cancelling),
      onclick: function () { self.cancelRun(); } },
      this.cancelling ? AJS.I18n.getText('capacity-tracker.js.report.job.cancelling') : AJS.I18n.getText('capacity-tracker.js.report.job.cancel'));
    return h('div', { class: 'ct-loading', 'data-testid': 'report-running', role: 'status' }, bar, h('p', { text: text }), cancel);
  };

  /** Download as CSV (the engine's numbers, one row per heat-map row) and print (the page's print style). */
  Reports.prototype.renderExportBar = function (report) {
    var self = this;
    var kit = this.kit;
    var h = kit.h;
    function csv() {
      var rows = heatMapCsvRows(report, function (key) { return self.rowLabel(key, report.grouping); },
        ROW_HEAD[report.grouping] || AJS.I18n.getText('capacity-tracker.js.report.row'),
        ALL_ROWS[report.grouping] || AJS.I18n.getText('capacity-tracker.js.report.totals.all-boards'));
      kit.downloadCsv('capacity-report-' + kit.csvName(report.period.start) + '-' + kit.csvName(report.period.end) + '-'
        + kit.csvName(report.grouping) + '.csv', kit.csvFile(rows));
    }
    return h('div', { class: 'ct-export-bar', 'data-testid': 'report-export' },
      h('button', { type: 'button', class: 'aui-button', 'data-testid': 'report-csv', onclick: csv }, AJS.I18n.getText('capacity-tracker.js.csv.download')),
      h('button', { type: 'button', class: 'aui-button', 'data-testid': 'report-print', onclick: function () { window.print(); } }, AJS.I18n.getText('capacity-tracker.js.csv.print')));
  };

  Reports.prototype.bucketHead = function (b, bucket) {
    var h = this.kit.h;
    var heading = bucketHeading(b, bucket);
    return h('th', { scope: 'col', class: 'ct-heat-head', 'data-bucket': b.label, title: heading.title },
      h('span', { class: 'ct-heat-head-main', text: heading.main }),
      h('span', { class: 'ct-heat-head-sub', text: heading.range }));
  };

  Reports.prototype.rowLabel = function (key, grouping) {
    if (grouping === 'person') return this.displayName(key);
    if (grouping === 'board') return this.boardName(key);
    return key;
  };

  /** One cell: colour by the engine's status, the utilisation as text, the rest on hover. */
  Reports.prototype.cell = function (c, report, label, bucketText, over, testid) {
    var kit = this.kit;
    var h = kit.h;
    var q = function (v) { return kit.formatQuantity(v, report); };
    var status = kit.STATUS_LABEL[c.status] || c.status;
    var title = c.utilisation === null ?
      AJS.I18n.getText('capacity-tracker.js.report.cell.title', label, bucketText, q(c.capacity), q(c.workload), q(c.free), status) :
      AJS.I18n.getText('capacity-tracker.js.report.cell.title-utilisation', label, bucketText, q(c.capacity), q(c.workload), q(c.free), kit.formatPercent(c.utilisation), status);
    if (over) title = AJS.I18n.getText('capacity-tracker.js.report.cell.title-overbooked', title, over.allocation, over.boards.map(this.boardName, this).join(', '));
    var level = heatLevel(c.utilisation);
    return h('td', {
      class: 'ct-heat ct-heat-' + c.status + ' ct-heat-level-' + level + (over ? ' ct-heat-overbooked' : ''),
      'data-testid': testid, 'data-status': c.status, 'data-capacity': String(c.capacity), 'data-workload': String(c.workload),
      'data-utilisation': c.utilisation === null ? '' : String(c.utilisation), 'data-over-allocated': over ? 'true' : null,
      title: title, tabindex: '0', 'aria-label': title
    },
    h('span', { class: 'ct-heat-value', text: c.utilisation === null ? (c.capacity ? '—' : AJS.I18n.getText('capacity-tracker.js.report.no-capacity')) : kit.formatPercent(c.utilisation) }),
    h('span', { class: 'ct-heat-sub', text: q(c.workload) + ' / ' + q(c.capacity) }),
    over ? h('span', { class: 'ct-heat-flag', 'aria-hidden': 'true', text: '!' }) : null);
  };

  Reports.prototype.renderHeatMap = function (report) {
    var self = this;
    var kit = this.kit;
    var h = kit.h;
    var overs = overAllocationIndex(report);
    var bucketTexts = report.buckets.map(bucketText);
    var head = h('tr', null, h('th', { scope: 'col', class: 'ct-heat-rowhead', text: ROW_HEAD[report.grouping] || AJS.I18n.getText('capacity-tracker.js.report.row') }),
      report.buckets.map(function (b) { return self.bucketHead(b, report.bucket); }),
      h('th', { scope: 'col', class: 'ct-heat-head ct-heat-total-head' }, h('span', { class: 'ct-heat-head-main', text: AJS.I18n.getText('capacity-tracker.js.report.whole-period') }),
        h('span', { class: 'ct-heat-head-sub', text: kit.formatDate(report.period.start, { month: 'short', day: 'numeric' }) + ' \u2013 ' +
          kit.formatDate(report.period.end, { month: 'short', day: 'numeric' }) })));
    var tbody = h('tbody');
    var shown = rowPage(report.rows.length, this.heatPage, HEAT_MAP_PAGE_ROWS);
    report.rows.slice(shown.from, shown.to).forEach(function (row) {
      var label = self.rowLabel(row.key, report.grouping);
      var flagged = overs.flagged(row.key);
      kit.append(tbody, h('tr', { 'data-testid': 'heat-row', 'data-key': row.key, class: flagged ? 'ct-heat-row-flagged' : null },
        h('th', { scope: 'row', class: 'ct-heat-rowhead' },
          h('span', { class: 'ct-heat-name', text: label }),
          label !== row.key ? h('span', { class: 'ct-sub', text: row.key }) : null,
          flagged ? h('span', { class: 'aui-lozenge aui-lozenge-error aui-lozenge-subtle ct-overbooked-tag', title: AJS.I18n.getText('capacity-tracker.js.report.booked-above-100-across-boards-in'), text: AJS.I18n.getText('capacity-tracker.js.report.over-allocated') }) : null),
        row.cells.map(function (c, i) {
          var over = overs.at(row.key, report.buckets[i].label);
          var td = self.cell(c, report, label, bucketTexts[i], over, 'heat-cell');
          td.setAttribute('data-bucket', report.buckets[i].label);
          return td;
        }),
        self.cell(row.total, report, label, AJS.I18n.getText('capacity-tracker.js.report.the-whole-period'), null, 'heat-row-total')));
    });
    if (!report.rows.length) {
      kit.append(tbody, h('tr', null, h('td', { colspan: String(report.buckets.length + 2), class: 'ct-empty',
        text: AJS.I18n.getText('capacity-tracker.js.report.no-team-members-on-these-boards') })));
    }
    var foot = h('tfoot', null, h('tr', { 'data-testid': 'heat-totals' },
      h('th', { scope: 'row', class: 'ct-heat-rowhead', text: ALL_ROWS[report.grouping] || AJS.I18n.getText('capacity-tracker.js.report.totals.all-boards') }),
      report.totals.map(function (c, i) {
        var td = self.cell(c, report, AJS.I18n.getText('capacity-tracker.js.report.everyone'), bucketTexts[i], null, 'heat-total');
        td.setAttribute('data-bucket', report.buckets[i].label);
        return td;
      }),
      h('td', { class: 'ct-heat-blank' })));
    var table = h('div', { class: 'ct-heat-wrap', 'data-testid': 'heat-map-wrap' },
      h('table', { class: 'aui ct-table ct-heatmap', 'data-testid': 'heat-map', 'data-grouping': report.grouping, 'data-bucket': report.bucket },
        h('thead', null, head), tbody, foot));
    return h('div', { class: 'ct-heat-section', 'data-testid': 'heat-map-section' },
      shown.pages > 1 ? this.renderHeatPager(report, shown) : null, table);
  };

  /** Previous / next page of rows, and which rows of how many are on screen. */
  Reports.prototype.renderHeatPager = function (report, shown) {
    return this.renderPager(report, shown, {
      prefix: 'heat', field: 'heatPage', section: 'heat-map-section', render: this.renderHeatMap,
      // Literal keys: Jira's jsI18n transformation replaces only those.
      text: AJS.I18n.getText('capacity-tracker.js.report.rows.shown', (shown.from + 1).toLocaleString(),
        shown.to.toLocaleString(), report.rows.length.toLocaleString()),
      label: AJS.I18n.getText('capacity-tracker.js.report.rows.pages'),
      previous: AJS.I18n.getText('capacity-tracker.js.report.rows.previous'),
      next: AJS.I18n.getText('capacity-tracker.js.report.rows.next'),
    });
  };

  /**
   * A pager over one list of the report (`spec.prefix`: heat or over) with its texts: Previous /
   * Next buttons and "from–to of total"; a page change redraws only that list's section and keeps the
   * keyboard on the button used (or its partner at either end), then fills in names.
   */
  Reports.prototype.renderPager = function (report, shown, spec) {
    var self = this;
    var h = this.kit.h;
    var previous = spec.prefix + '-page-previous';
    var next = spec.prefix + '-page-next';
    function go(page, testid) {
      self[spec.field] = page;
      var drawn = self.redrawSection(report, spec.section, spec.render);
      if (!drawn) return;
      var button = drawn.querySelector('[data-testid="' + testid + '"]:not([disabled])') ||
        drawn.querySelector('[data-testid="' + previous + '"]:not([disabled]), [data-testid="' + next + '"]:not([disabled])');
      if (button) button.focus();
      self.fillNames(report);
    }
    return h('nav', { class: 'ct-heat-pager', 'data-testid': spec.prefix + '-pager', 'aria-label': spec.label,
      'data-page': String(shown.page + 1), 'data-pages': String(shown.pages) },
      h('button', { type: 'button', class: 'aui-button', 'data-testid': previous, disabled: shown.page === 0,
        onclick: function () { go(shown.page - 1, previous); } }, spec.previous),
      h('span', { class: 'ct-heat-pager-text', 'data-testid': spec.prefix + '-pager-text', role: 'status', text: spec.text }),
      h('button', { type: 'button', class: 'aui-button', 'data-testid': next, disabled: shown.page === shown.pages - 1,
        onclick: function () { go(shown.page + 1, next); } }, spec.next));
  };

  /**
   * The over-allocations: a message (an alert, drawn once per report) naming how many people,
   * over a page of the list; paging and names coming in redraw the list only, so the alert is
   * not announced again.
   */
  Reports.prototype.renderOverAllocations = function (report) {
    var kit = this.kit;
    var h = kit.h;
    return kit.message('error', this.overTitle(report),
      [h('p', { text: AJS.I18n.getText('capacity-tracker.js.report.their-allocations-on-the-boards-they') }), this.renderOverList(report)],
      { 'data-testid': 'over-allocation-message', 'data-count': String(report.overAllocations.length) });
  };

  Reports.prototype.overTitle = function (report) {
    var people = overAllocatedPeople(report);
    return people.length === 1 ? AJS.I18n.getText('capacity-tracker.js.report.overbooked.one', this.displayName(people[0])) :
      AJS.I18n.getText('capacity-tracker.js.report.overbooked.many', people.length);
  };

  /** A page of the over-allocations (OVER_PAGE_ROWS), with a pager when there are more. */
  Reports.prototype.renderOverList = function (report) {
    var self = this;
    var kit = this.kit;
    var h = kit.h;
    var byBucket = {};
    report.buckets.forEach(function (b) { byBucket[b.label] = b; });
    var shown = rowPage(report.overAllocations.length, this.overPage, OVER_PAGE_ROWS);
    var list = h('table', { class: 'aui ct-table ct-over-table', 'data-testid': 'over-allocations' },
      h('thead', null, h('tr', null, h('th', { text: AJS.I18n.getText('capacity-tracker.js.report.person') }), h('th', { text: AJS.I18n.getText('capacity-tracker.js.report.when') }), h('th', { class: 'ct-num', text: AJS.I18n.getText('capacity-tracker.js.report.booked') }), h('th', { text: AJS.I18n.getText('capacity-tracker.js.report.boards') }))),
      h('tbody', null, report.overAllocations.slice(shown.from, shown.to).map(function (o) {
        var b = byBucket[o.bucket];
        return h('tr', { 'data-testid': 'over-allocation', 'data-account-key': o.accountKey, 'data-bucket': o.bucket, 'data-boards': o.boards.join(',') },
          h('td', { text: self.displayName(o.accountKey) }),
          h('td', { text: b ? self.kit.longDate(b.start) + ' \u2013 ' + self.kit.longDate(b.end) : o.bucket }),
          h('td', { class: 'ct-num ct-negative', 'data-testid': 'over-allocation-percent', text: o.allocation + '%' }),
          h('td', { text: o.boards.map(self.boardName, self).join(', ') }));
      })));
    return h('div', { class: 'ct-over-list', 'data-testid': 'over-allocation-list' }, shown.pages > 1 ? this.renderOverPager(report, shown) : null, list);
  };

  /** Previous / next page of over-allocations, and which of how many are listed (the CSV of the heat map is unchanged). */
  Reports.prototype.renderOverPager = function (report, shown) {
    return this.renderPager(report, shown, {
      prefix: 'over', field: 'overPage', section: 'over-allocation-list', render: this.renderOverList,
      text: AJS.I18n.getText('capacity-tracker.js.report.over.shown', (shown.from + 1).toLocaleString(),
        shown.to.toLocaleString(), report.overAllocations.length.toLocaleString()),
      label: AJS.I18n.getText('capacity-tracker.js.report.over.pages'),
      previous: AJS.I18n.getText('capacity-tracker.js.report.over.previous'),
      next: AJS.I18n.getText('capacity-tracker.js.report.over.next'),
    });
  };

  Reports.prototype.renderLegend = function (report, run) {
    var kit = this.kit;
    var h = kit.h;
    var p = run.progress || {};
    var basis = AJS.I18n.getText('capacity-tracker.js.report.basis.text', p.items || 0, report.boards.length);
    function swatch(cls, text) { return h('li', null, h('span', { class: 'ct-swatch ct-heat ' + cls }), text); }
    return h('div', { class: 'ct-heat-foot' },
      h('ul', { class: 'ct-legend', 'aria-label': AJS.I18n.getText('capacity-tracker.js.report.legend') },
        swatch('ct-heat-under', AJS.I18n.getText('capacity-tracker.js.report.under-80')),
        swatch('ct-heat-ok', '80 \u2013 100 %'),
        swatch('ct-heat-over', AJS.I18n.getText('capacity-tracker.js.report.over-100')),
        swatch('ct-heat-noCapacity', AJS.I18n.getText('capacity-tracker.js.report.no-capacity')),
        h('li', null, h('span', { class: 'ct-swatch ct-swatch-flag', text: '!' }), AJS.I18n.getText('capacity-tracker.js.report.booked-above-100-across-boards'))),
      h('p', { class: 'ct-hint', 'data-testid': 'report-basis' },
        run.at ? AJS.I18n.getText('capacity-tracker.js.report.basis.run-at', basis, run.at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })) : basis));
  };

  return {};
}));
