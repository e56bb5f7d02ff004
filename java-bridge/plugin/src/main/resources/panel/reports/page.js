/*
 * Capacity Tracker reports page (servlet `?view=reports`): saved report definitions,
 * listed, edited and run. Reports holds the page state; the other reports/*.js files add
 * to Reports.prototype.
 */
(function (layer, define) {
  var CT = globalThis.CapacityTracker = globalThis.CapacityTracker || {};
  var exported = define(CT);
  CT[layer] = Object.assign(CT[layer] || {}, exported);
  if (typeof module === 'object' && module && module.exports) module.exports = exported;
}('reports', function (CT) {
  'use strict';

  var kit = CT.kit;
  var isBoardId = kit.isBoardId;
  var aroundNode = kit.aroundNode, h = kit.h;

  var BOARD_PAGE = 50;
  // Jira is asked for this many people's names at a time (only those on screen): a report over
  // many people must not flood the instance it runs in (the report's work is read on the server).
  var PARALLEL = 4;
  var BUCKETS = [{ value: 'week', label: AJS.I18n.getText('capacity-tracker.js.report.week') }, { value: 'month', label: AJS.I18n.getText('capacity-tracker.js.report.month') }, { value: 'quarter', label: AJS.I18n.getText('capacity-tracker.js.report.quarter') }];
  var GROUPINGS = [{ value: 'person', label: AJS.I18n.getText('capacity-tracker.js.report.person') }, { value: 'role', label: AJS.I18n.getText('capacity-tracker.js.report.role') }, { value: 'board', label: AJS.I18n.getText('capacity-tracker.js.report.board') }];
  var BUCKET_WORD = { week: AJS.I18n.getText('capacity-tracker.js.report.weekly'), month: AJS.I18n.getText('capacity-tracker.js.report.monthly'), quarter: AJS.I18n.getText('capacity-tracker.js.report.quarterly') };
  var ROW_WORD = { person: AJS.I18n.getText('capacity-tracker.js.report.per-person'), role: AJS.I18n.getText('capacity-tracker.js.report.per-role'), board: AJS.I18n.getText('capacity-tracker.js.report.per-board') };
  var ROW_HEAD = { person: AJS.I18n.getText('capacity-tracker.js.report.person'), role: AJS.I18n.getText('capacity-tracker.js.report.role'), board: AJS.I18n.getText('capacity-tracker.js.report.board') };
  var ROW_ONE = { person: AJS.I18n.getText('capacity-tracker.js.report.rows.one-person'), role: AJS.I18n.getText('capacity-tracker.js.report.rows.one-role'), board: AJS.I18n.getText('capacity-tracker.js.report.rows.one-board') };
  var ALL_ROWS = { person: AJS.I18n.getText('capacity-tracker.js.report.totals.all-people'), role: AJS.I18n.getText('capacity-tracker.js.report.totals.all-roles') };
  var REPORT_FIELDS = { name: 'name', 'period.start': 'start', 'period.end': 'end', bucket: 'bucket', grouping: 'grouping' };

  function localIso(d) {
    var pad = function (n) { return (n < 10 ? '0' : '') + n; };
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
  }

  /** An id for a new definition: readable from its name, unique enough not to meet another. */
  function newReportId(name) {
    var slug = String(name || '').toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
    return (slug || 'report') + '-' + Math.random().toString(36).slice(2, 8);
  }

  function Reports(root, kit) {
    this.root = root;
    this.kit = kit;
    this.contextPath = (root.getAttribute('data-context-path') || '').replace(/\/+$/, '');
    this.idRules = kit.idRulesOf(root); // the engine's, from the page
    this.api = new kit.Api(this.contextPath);
    this.list = [];
    this.boards = [];
    this.boardsById = {};
    var api = this.api;
    // Names of the people on screen only, asked as they come into view (reports/heat-map.js).
    this.names = new CT.reports.NameCache(function (key) {
      return api.get('/rest/api/2/user?key=' + kit.enc(key)).then(function (u) { return u && u.displayName; });
    }, PARALLEL);
    this.selectedId = null;
    this.definition = null;
    this.mode = 'view';
    this.run = null;
    this.runToken = 0;
    this.jobId = null; // the running job, once its start has answered
    this.jobStart = null; // the running job's id as its start answers (null if it failed)
    this.cancels = Promise.resolve(); // every cancel sent, settled once the server answered them
    this.flash = null;
    this.confirmDelete = false;
  }

  Reports.prototype.start = function () {
    var h = this.kit.h;
    var self = this;
    this.root.classList.add('ct-panel', 'ct-reports');
    this.kit.clear(this.root);
    this.nav = h('div', { class: 'aui-page-panel-nav ct-reports-nav', 'data-testid': 'reports-nav' });
    this.header = h('header', { class: 'aui-page-header ct-header' });
    this.flashBox = h('div', { class: 'ct-flash', 'aria-live': 'polite' });
    this.body = h('div', { class: 'ct-body', 'data-testid': 'reports-body' });
    this.kit.append(this.root, h('div', { class: 'aui-page-panel ct-page' },
      h('div', { class: 'aui-page-panel-inner' },
        this.nav,
        h('section', { class: 'aui-page-panel-content' }, this.header, this.flashBox, this.body))));
    this.renderHeader();
    this.renderLoading(AJS.I18n.getText('capacity-tracker.js.report.loading-reports'));
    Promise.all([this.loadList(), this.loadBoards()]).then(function () {
      var wanted = new URLSearchParams(window.location.search).get('reportId');
      var chosen = self.list.filter(function (r) { return r.id === wanted; })[0] || self.list[0];
      if (!chosen) {
        self.renderNav();
        self.renderEmpty();
        return null;
      }
      return self.select(chosen.id);
    }).catch(function (err) { self.showError(err); });
  };

  Reports.prototype.loadList = function () {
    var self = this;
    return this.api.get('/rest/capacity/1.0/reports').then(function (list) {
      self.list = (list || []).slice().sort(function (a, b) { return String(a.name).localeCompare(String(b.name)); });
      return self.list;
    });
  };

  /** Jira's boards the viewer can see, for names and the definition form. */
  Reports.prototype.loadBoards = function () {
    var self = this;
    return this.kit.fetchAgilePages(this.api, '/rest/agile/1.0/board', BOARD_PAGE).then(function (boards) {
      self.boards = boards.filter(function (b) { return isBoardId(b.id, self.idRules); });
      self.boardsById = {};
      self.boards.forEach(function (b) { self.boardsById[String(b.id)] = b; });
      return self.boards;
    });
  };

  Reports.prototype.boardName = function (id) {
    var b = this.boardsById[String(id)];
    return b ? b.name : AJS.I18n.getText('capacity-tracker.js.report.board.fallback-name', id);
  };

  Reports.prototype.displayName = function (key) {
    return this.names.name(key);
  };

  Reports.prototype.select = function (id) {
    var self = this;
    this.selectedId = id;
    this.mode = 'view';
    // The report shown until now stops here: its poll draws nothing more, its job is cancelled.
    this.runToken++;
    this.abandonJob();
    this.run = null;
    this.confirmDelete = false;
    this.remember(id);
    this.renderNav();
    this.renderLoading(AJS.I18n.getText('capacity-tracker.js.report.loading-the-report'));
    return this.api.get('/rest/capacity/1.0/reports/' + this.kit.enc(id)).then(function (doc) {
      if (self.selectedId !== id) return null;
      self.definition = doc;
      self.render();
      return self.runReport();
    });
  };

  Reports.prototype.remember = function (id) {
    try {
      var url = new URL(window.location.href);
      if (id) url.searchParams.set('reportId', id);
      else url.searchParams.delete('reportId');
      window.history.replaceState(window.history.state, '', url.toString());
    } catch (e) { /* a page without history support keeps its address */ }
  };

  Reports.prototype.renderHeader = function () {
    var self = this;
    var h = this.kit.h;
    this.kit.clear(this.header);
    var actions = h('div', { class: 'aui-page-header-actions' },
      h('a', { class: 'aui-button', href: this.contextPath + '/plugins/servlet/capacity-tracker', 'data-testid': 'team-capacity-link' }, AJS.I18n.getText('capacity-tracker.js.report.team-capacity')),
      h('button', { type: 'button', class: 'aui-button aui-button-primary', 'data-testid': 'create-report', onclick: function () { self.edit(null); } }, AJS.I18n.getText('capacity-tracker.js.report.create-report')));
    this.kit.append(this.header, h('div', { class: 'aui-page-header-inner' },
      h('div', { class: 'aui-page-header-main' },
        h('ol', { class: 'aui-nav aui-nav-breadcrumbs' }, h('li', { text: AJS.I18n.getText('capacity-tracker.js.report.capacity-tracker') })),
        h('h1', { text: AJS.I18n.getText('capacity-tracker.js.report.multi-project-reports') })),
      actions));
  };

  Reports.prototype.renderNav = function () {
    var self = this;
    var h = this.kit.h;
    this.kit.clear(this.nav);
    var ul = h('ul', { class: 'aui-nav' });
    this.list.forEach(function (r) {
      var selected = r.id === self.selectedId && self.mode !== 'create';
      self.kit.append(ul, h('li', { class: selected ? 'aui-nav-selected' : null },
        h('a', { href: '?view=reports&reportId=' + encodeURIComponent(r.id), 'data-testid': 'report-link', 'data-report-id': r.id,
          'aria-current': selected ? 'page' : null, text: r.name,
          onclick: function (e) { e.preventDefault(); self.select(r.id).catch(function (err) { self.showError(err); }); } })));
    });
    var inner = h('div', { class: 'aui-navgroup-inner' },
      h('div', { class: 'aui-nav-heading' }, h('strong', { text: AJS.I18n.getText('capacity-tracker.js.report.saved-reports') })),
      this.list.length ? ul : h('p', { class: 'ct-hint ct-nav-empty', text: AJS.I18n.getText('capacity-tracker.js.report.none-yet') }));
    this.kit.append(this.nav, h('nav', { class: 'aui-navgroup aui-navgroup-vertical', 'aria-label': AJS.I18n.getText('capacity-tracker.js.report.saved-reports') }, inner));
  };

  Reports.prototype.renderLoading = function (text) {
    var h = this.kit.h;
    this.kit.clear(this.body);
    this.kit.append(this.body, h('div', { class: 'ct-loading', 'data-testid': 'loading', role: 'status' },
      h('div', { class: 'aui-progress-indicator' }, h('span', { class: 'aui-progress-indicator-value' })),
      h('p', { text: text })));
  };

  Reports.prototype.renderFlash = function () {
    var self = this;
    var h = this.kit.h;
    this.kit.clear(this.flashBox);
    if (!this.flash) return;
    var f = this.flash;
    var close = h('button', { type: 'button', class: 'aui-close-button ct-close', 'aria-label': AJS.I18n.getText('capacity-tracker.js.report.dismiss'), text: '\u00d7',
      onclick: function () { self.flash = null; self.renderFlash(); } });
    this.kit.append(this.flashBox, this.kit.message(f.kind, f.title, [f.text ? h('p', { text: f.text }) : null, close], { 'data-testid': 'flash' }));
  };

  Reports.prototype.showError = function (err) {
    var h = this.kit.h;
    this.kit.clear(this.body);
    if (err && err.status === 401) {
      var here = window.location.pathname + window.location.search;
      this.kit.append(this.body, this.kit.message('warning', AJS.I18n.getText('capacity-tracker.js.report.your-session-has-ended'),
        h('p', null, aroundNode(AJS.I18n.getText('capacity-tracker.js.report.session.log-in-again', '\u0001'), h('a', { href: this.contextPath + '/login.jsp?os_destination=' + this.kit.enc(here), text: AJS.I18n.getText('capacity-tracker.js.report.log-in-again') }))),
        { 'data-testid': 'load-error' }));
      return;
    }
    var text = err && err.status === 403 ? AJS.I18n.getText('capacity-tracker.js.report.you-do-not-have-permission-to') :
      err && err.status === 404 ? AJS.I18n.getText('capacity-tracker.js.report.the-report-does-not-exist-any') : (err && err.message) || String(err);
    this.kit.append(this.body, this.kit.message('error', AJS.I18n.getText('capacity-tracker.js.report.the-reports-could-not-be-loaded'), h('p', { text: text }), { 'data-testid': 'load-error' }));
  };

  Reports.prototype.renderEmpty = function () {
    var self = this;
    var h = this.kit.h;
    this.kit.clear(this.body);
    this.kit.append(this.body, h('div', { class: 'ct-empty-state', 'data-testid': 'no-reports' },
      h('h2', { text: AJS.I18n.getText('capacity-tracker.js.report.see-everyones-capacity-across-boards') }),
      h('p', { text: AJS.I18n.getText('capacity-tracker.js.report.intro') }),
      h('button', { type: 'button', class: 'aui-button aui-button-primary', onclick: function () { self.edit(null); } }, AJS.I18n.getText('capacity-tracker.js.report.create-your-first-report'))));
  };

  Reports.prototype.render = function () {
    this.renderNav();
    this.renderFlash();
    if (this.mode === 'edit' || this.mode === 'create') {
      this.renderForm();
      return;
    }
    if (!this.definition) {
      this.renderEmpty();
      return;
    }
    var h = this.kit.h;
    this.kit.clear(this.body);
    this.resultBox = h('div', { class: 'ct-report-result', 'data-testid': 'report-result' });
    this.kit.append(this.body, this.renderSummary(), this.resultBox);
    this.renderResult();
  };

  return {
    ALL_ROWS: ALL_ROWS, BOARD_PAGE: BOARD_PAGE, BUCKETS: BUCKETS, BUCKET_WORD: BUCKET_WORD, GROUPINGS: GROUPINGS,
    PARALLEL: PARALLEL, REPORT_FIELDS: REPORT_FIELDS, ROW_HEAD: ROW_HEAD, ROW_ONE: ROW_ONE, Reports: Reports,
    localIso: localIso, newReportId: newReportId
  };
}));
