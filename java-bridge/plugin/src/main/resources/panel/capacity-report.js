/*
 * Capacity Tracker: the multi-project reports page (servlet `?view=reports`).
 *
 * Saved report definitions are listed, edited and run here. Running one reads, through
 * Jira's own REST, each board's sprints that overlap the period and their issues (so a
 * viewer only ever counts what Jira lets them see), maps the issues to work items with the
 * panel's own mapping, and sends them to the engine (POST /reports/run). Every number in
 * the heat map comes from the engine's report; this script only fetches, lays out and
 * formats.
 *
 * It builds on the kit capacity-panel.js exposes (same web resource, loaded before this
 * script), so both pages map issues, talk to REST and show errors alike. Text reaches the
 * DOM through textContent or attributes, never through innerHTML.
 */
(function () {
  'use strict';

  var BOARD_PAGE = 50;
  var SPRINT_PAGE = 50;
  // Jira is asked for this many boards' or sprints' data at a time: a report over many
  // boards must not flood the instance it runs in.
  var PARALLEL = 4;
  var DAY_MS = 86400000;
  var BUCKETS = [{ value: 'week', label: AJS.I18n.getText('capacity-tracker.js.report.week') }, { value: 'month', label: AJS.I18n.getText('capacity-tracker.js.report.month') }, { value: 'quarter', label: AJS.I18n.getText('capacity-tracker.js.report.quarter') }];
  var GROUPINGS = [{ value: 'person', label: AJS.I18n.getText('capacity-tracker.js.report.person') }, { value: 'role', label: AJS.I18n.getText('capacity-tracker.js.report.role') }, { value: 'board', label: AJS.I18n.getText('capacity-tracker.js.report.board') }];
  var BUCKET_WORD = { week: AJS.I18n.getText('capacity-tracker.js.report.weekly'), month: AJS.I18n.getText('capacity-tracker.js.report.monthly'), quarter: AJS.I18n.getText('capacity-tracker.js.report.quarterly') };
  var ROW_WORD = { person: AJS.I18n.getText('capacity-tracker.js.report.per-person'), role: AJS.I18n.getText('capacity-tracker.js.report.per-role'), board: AJS.I18n.getText('capacity-tracker.js.report.per-board') };
  var ROW_HEAD = { person: AJS.I18n.getText('capacity-tracker.js.report.person'), role: AJS.I18n.getText('capacity-tracker.js.report.role'), board: AJS.I18n.getText('capacity-tracker.js.report.board') };
  var ROW_ONE = { person: AJS.I18n.getText('capacity-tracker.js.report.rows.one-person'), role: AJS.I18n.getText('capacity-tracker.js.report.rows.one-role'), board: AJS.I18n.getText('capacity-tracker.js.report.rows.one-board') };
  var ALL_ROWS = { person: AJS.I18n.getText('capacity-tracker.js.report.totals.all-people'), role: AJS.I18n.getText('capacity-tracker.js.report.totals.all-roles') };
  var REPORT_FIELDS = { name: 'name', 'period.start': 'start', 'period.end': 'end', bucket: 'bucket', grouping: 'grouping' };

  /** Runs `fn` over `list` with at most `limit` calls in flight; results keep the list's order. */
  function mapLimit(list, limit, fn) {
    var results = new Array(list.length);
    var next = 0;
    function worker() {
      if (next >= list.length) return Promise.resolve();
      var i = next++;
      return Promise.resolve(fn(list[i], i)).then(function (value) {
        results[i] = value;
        return worker();
      });
    }
    var workers = [];
    for (var w = 0; w < Math.min(limit, list.length); w++) workers.push(worker());
    return Promise.all(workers).then(function () { return results; });
  }

  /** A message with a node in place of its {0}: format it with '\u0001' as the argument, get [text, node, text]. */
  function aroundNode(text, node) {
    var parts = String(text).split('\u0001');
    return [parts[0] || null, node, parts.slice(1).join('') || null];
  }

  function isoUtcMillis(date) {
    var p = String(date).split('-');
    return Date.UTC(Number(p[0]), Number(p[1]) - 1, Number(p[2]));
  }

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
    this.idRules = JSON.parse(root.getAttribute('data-id-rules') || '{}'); // the engine's, from the page
    this.api = new kit.Api(this.contextPath);
    this.list = [];
    this.boards = [];
    this.boardsById = {};
    this.users = {};
    this.selectedId = null;
    this.definition = null;
    this.mode = 'view';
    this.run = null;
    this.runToken = 0;
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
      var boardId = new RegExp(self.idRules.boardId.pattern);
      self.boards = boards.filter(function (b) { return boardId.test(String(b.id)); });
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
    var u = this.users[key];
    return u && u.displayName ? u.displayName : key;
  };

  Reports.prototype.loadUsers = function (keys) {
    var self = this;
    var wanted = keys.filter(function (k, i) { return keys.indexOf(k) === i && !self.users[k]; });
    return mapLimit(wanted, PARALLEL, function (key) {
      return self.api.get('/rest/api/2/user?key=' + self.kit.enc(key)).then(function (u) {
        self.users[key] = { displayName: (u && u.displayName) || key };
      }, function () {
        self.users[key] = { displayName: key };
      });
    });
  };

  Reports.prototype.select = function (id) {
    var self = this;
    this.selectedId = id;
    this.mode = 'view';
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

  // ---------------------------------------------------------------- collecting the work

  /** The boards of a definition: its board ids, then the boards of its projects. */
  Reports.prototype.boardIdsOf = function (def) {
    var self = this;
    var ids = (def.boardIds || []).map(String);
    var keys = def.projectKeys || [];
    return mapLimit(keys, PARALLEL, function (key) {
      return self.kit.fetchAgilePages(self.api, '/rest/agile/1.0/board?projectKeyOrId=' + self.kit.enc(key), BOARD_PAGE)
        .catch(function () { return []; });
    }).then(function (lists) {
      lists.forEach(function (boards) {
        boards.forEach(function (b) {
          var id = String(b.id);
          if (!self.boardsById[id]) self.boardsById[id] = b;
          if (ids.indexOf(id) < 0) ids.push(id);
        });
      });
      return ids;
    });
  };

  /**
   * One board's sprints that overlap the period, with their items. The overlap test is a
   * day wider on each side than the period: sprint instants become dates only in the
   * board's time zone, which the engine applies, and it drops the days outside the period.
   */
  Reports.prototype.collectBoard = function (boardId, period, notes, progress) {
    var self = this;
    var kit = this.kit;
    var api = this.api;
    var id = kit.enc(boardId);
    var from = isoUtcMillis(period.start) - DAY_MS;
    var to = isoUtcMillis(period.end) + 2 * DAY_MS;
    var config = api.get('/rest/agile/1.0/board/' + id + '/configuration').catch(function () { return null; });
    var sprints = kit.fetchAgilePages(api, '/rest/agile/1.0/board/' + id + '/sprint', SPRINT_PAGE).catch(function (err) {
      if (err.status === 404) {
        notes.push({ boardId: boardId, text: AJS.I18n.getText('capacity-tracker.js.report.notes.board-not-visible', boardId) });
        return [];
      }
      if (err.status === 400) {
        notes.push({ boardId: boardId, text: AJS.I18n.getText('capacity-tracker.js.report.notes.board-without-sprints', self.boardName(boardId)) });
        return [];
      }
      throw err;
    });
    return Promise.all([config, sprints]).then(function (res) {
      var est = res[0] && res[0].estimation && res[0].estimation.field;
      var pointsField = est && typeof est.fieldId === 'string' && /^customfield_\d+$/.test(est.fieldId) ? est.fieldId : kit.DEFAULT_POINTS_FIELD;
      var inPeriod = res[1].filter(function (s) {
        var start = kit.instantMillis(s.startDate);
        var end = kit.instantMillis(s.endDate);
        return !isNaN(start) && !isNaN(end) && start < to && end >= from;
      });
      progress.sprints += inPeriod.length;
      return mapLimit(inPeriod, PARALLEL, function (s) {
        return kit.fetchSprintIssues(api, s.id, pointsField).then(function (issues) {
          progress.issues += issues.length;
          return { id: String(s.id), start: s.startDate, end: s.endDate, items: issues.map(function (i) { return kit.toWorkItem(i, pointsField); }) };
        });
      });
    }).then(function (iterations) {
      return { boardId: String(boardId), iterations: iterations };
    });
  };

  Reports.prototype.runReport = function () {
    var self = this;
    var def = this.definition;
    if (!def) return Promise.resolve(null);
    var token = ++this.runToken;
    var notes = [];
    var progress = { boards: 0, sprints: 0, issues: 0 };
    this.run = { running: true, progress: progress };
    this.renderResult();
    return this.boardIdsOf(def).then(function (ids) {
      progress.boards = ids.length;
      return mapLimit(ids, PARALLEL, function (id) { return self.collectBoard(id, def.period, notes, progress); });
    }).then(function (boards) {
      if (token !== self.runToken) return null;
      return self.api.post('/rest/capacity/1.0/reports/run', { reportId: def.id, boards: boards }).then(function (report) {
        var keys = [];
        if (report.grouping === 'person') report.rows.forEach(function (r) { keys.push(r.key); });
        report.overAllocations.forEach(function (o) { keys.push(o.accountKey); });
        return self.loadUsers(keys).then(function () {
          if (token !== self.runToken) return;
          self.run = { report: report, notes: notes, progress: progress, at: new Date() };
          self.renderResult();
        });
      });
    }).catch(function (err) {
      if (token !== self.runToken) return;
      if (err && err.status === 401) { self.showError(err); return; }
      self.run = { error: err, notes: notes };
      self.renderResult();
    });
  };

  // ---------------------------------------------------------------- frame

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

  // ---------------------------------------------------------------- the definition

  Reports.prototype.periodText = function (period) {
    return this.kit.longDate(period.start) + ' \u2013 ' + this.kit.longDate(period.end);
  };

  Reports.prototype.renderSummary = function () {
    var self = this;
    var h = this.kit.h;
    var def = this.definition;
    var boards = (def.boardIds || []).map(function (id) { return self.boardName(id); });
    var projects = def.projectKeys || [];
    var where = boards.concat(projects.map(function (k) { return AJS.I18n.getText('capacity-tracker.js.report.definition.project', k); })).join(', ');
    var actions = h('div', { class: 'ct-section-actions' },
      h('button', { type: 'button', class: 'aui-button', 'data-testid': 'run-report', onclick: function () { self.runReport(); } }, AJS.I18n.getText('capacity-tracker.js.report.refresh')),
      h('button', { type: 'button', class: 'aui-button', 'data-testid': 'edit-report', onclick: function () { self.edit(def); } }, AJS.I18n.getText('capacity-tracker.js.report.edit')),
      h('button', { type: 'button', class: 'aui-button aui-button-subtle ct-danger-link', 'data-testid': 'delete-report',
        onclick: function () { self.confirmDelete = true; self.render(); } }, AJS.I18n.getText('capacity-tracker.js.report.delete')));
    var box = h('section', { class: 'ct-report-head', 'aria-label': AJS.I18n.getText('capacity-tracker.js.report.report') },
      h('div', { class: 'ct-report-title' },
        h('h2', { class: 'ct-sprint-name', 'data-testid': 'report-name', text: def.name }),
        actions),
      h('ul', { class: 'ct-report-facts' },
        h('li', null, h('span', { class: 'ct-fact-label', text: AJS.I18n.getText('capacity-tracker.js.report.boards') }), h('span', { 'data-testid': 'report-boards', text: where || '—' })),
        h('li', null, h('span', { class: 'ct-fact-label', text: AJS.I18n.getText('capacity-tracker.js.report.period') }), h('span', { 'data-testid': 'report-period', text: this.periodText(def.period) })),
        h('li', null, h('span', { class: 'ct-fact-label', text: AJS.I18n.getText('capacity-tracker.js.report.buckets') }), h('span', { text: BUCKET_WORD[def.bucket] || def.bucket })),
        h('li', null, h('span', { class: 'ct-fact-label', text: AJS.I18n.getText('capacity-tracker.js.report.rows') }), h('span', { text: ROW_ONE[def.grouping] || def.grouping }))));
    if (this.confirmDelete) {
      self.kit.append(box, h('div', { class: 'ct-confirm-bar', 'data-testid': 'delete-confirm' },
        h('span', { text: AJS.I18n.getText('capacity-tracker.js.report.delete.confirm', def.name) }),
        h('button', { type: 'button', class: 'aui-button ct-danger', 'data-testid': 'confirm-delete-report', onclick: function () { self.remove(def); } }, AJS.I18n.getText('capacity-tracker.js.report.delete')),
        h('button', { type: 'button', class: 'aui-button aui-button-link', onclick: function () { self.confirmDelete = false; self.render(); } }, AJS.I18n.getText('capacity-tracker.js.report.keep'))));
    }
    return box;
  };

  Reports.prototype.edit = function (def) {
    this.runToken++;
    this.mode = def ? 'edit' : 'create';
    this.editing = def;
    this.flash = null;
    this.render();
    var first = this.body.querySelector('input[name="name"]');
    if (first) first.focus();
  };

  Reports.prototype.renderForm = function () {
    var self = this;
    var kit = this.kit;
    var h = kit.h;
    var def = this.editing;
    var today = new Date();
    var monday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - ((today.getDay() + 6) % 7));
    var eightWeeks = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + 55);
    var ids = 'ct-report';
    var nameInput = kit.textInput(ids + '-name', 'name', def ? def.name : '', { maxlength: '100', 'data-testid': 'report-name-input', placeholder: AJS.I18n.getText('capacity-tracker.js.report.e-g-platform-teams-q1') });
    var startInput = kit.textInput(ids + '-start', 'start', def ? def.period.start : localIso(monday), { type: 'date', 'data-testid': 'report-start' });
    var endInput = kit.textInput(ids + '-end', 'end', def ? def.period.end : localIso(eightWeeks), { type: 'date', 'data-testid': 'report-end' });
    var bucket = kit.selectInput(ids + '-bucket', 'bucket', BUCKETS, def ? def.bucket : 'week', 'report-bucket');
    var grouping = kit.selectInput(ids + '-grouping', 'grouping', GROUPINGS, def ? def.grouping : 'person', 'report-grouping');

    var chosen = def ? (def.boardIds || []).map(String) : (this.boards.length === 1 ? [String(this.boards[0].id)] : []);
    var known = this.boards.map(function (b) { return String(b.id); });
    var listed = this.boards.map(function (b) { return { id: String(b.id), name: b.name, location: b.location }; });
    chosen.forEach(function (id) { if (known.indexOf(id) < 0) listed.push({ id: id, name: AJS.I18n.getText('capacity-tracker.js.report.board.fallback-name', id), missing: true }); });
    var boxes = listed.map(function (b) {
      var box = h('input', { type: 'checkbox', class: 'checkbox', name: 'boardIds', value: b.id, id: ids + '-board-' + b.id,
        checked: chosen.indexOf(b.id) >= 0, 'data-testid': 'report-board-' + b.id });
      var where = b.missing ? AJS.I18n.getText('capacity-tracker.js.report.not-a-board-jira-shows-you') : b.location && (b.location.projectName || b.location.displayName);
      var el = kit.checkboxOption(box, [h('span', { class: 'ct-board-choice-name', text: b.name }), where ? h('span', { class: 'ct-sub', text: where }) : null]);
      el.classList.add('ct-board-choice');
      return { input: box, el: el };
    });
    var boardGroup = h('div', { class: 'field-group ct-field', 'data-field-name': 'boardIds' },
      h('label', { id: ids + '-boards-label', text: AJS.I18n.getText('capacity-tracker.js.report.boards') }),
      h('div', { class: 'ct-board-choices', role: 'group', 'aria-labelledby': ids + '-boards-label' },
        boxes.length ? boxes.map(function (b) { return b.el; }) : h('p', { class: 'ct-empty', text: AJS.I18n.getText('capacity-tracker.js.report.jira-shows-you-no-boards') })),
      (def && def.projectKeys && def.projectKeys.length) ? h('div', { class: 'description', text: AJS.I18n.getText('capacity-tracker.js.report.definition.also-projects', def.projectKeys.join(', ')) }) : null,
      h('div', { class: 'error ct-field-error', 'data-testid': 'field-error', hidden: true }));

    var form = h('form', { class: 'aui ct-form ct-report-form', novalidate: true, 'data-testid': 'report-form',
      onsubmit: function (e) {
        e.preventDefault();
        var doc = {
          schema: def ? def.schema : 1,
          revision: def ? def.revision : 0,
          name: nameInput.value.trim(),
          boardIds: boxes.filter(function (b) { return b.input.checked; }).map(function (b) { return b.input.value; }),
          projectKeys: def ? (def.projectKeys || []) : [],
          period: { start: startInput.value, end: endInput.value },
          bucket: bucket.value,
          grouping: grouping.value
        };
        self.save(form, def ? def.id : newReportId(doc.name), doc);
      } },
      h('h3', { text: def ? AJS.I18n.getText('capacity-tracker.js.report.edit-report') : AJS.I18n.getText('capacity-tracker.js.report.create-report') }),
      h('div', { class: 'ct-form-message' }),
      kit.fieldGroup(AJS.I18n.getText('capacity-tracker.js.report.name'), ids + '-name', nameInput),
      boardGroup,
      h('div', { class: 'ct-inline-fields' },
        kit.fieldGroup(AJS.I18n.getText('capacity-tracker.js.report.from'), ids + '-start', startInput),
        kit.fieldGroup(AJS.I18n.getText('capacity-tracker.js.report.to'), ids + '-end', endInput)),
      h('div', { class: 'ct-inline-fields' },
        kit.fieldGroup(AJS.I18n.getText('capacity-tracker.js.report.buckets'), ids + '-bucket', bucket, null, AJS.I18n.getText('capacity-tracker.js.report.the-columns-of-the-heat-map')),
        kit.fieldGroup(AJS.I18n.getText('capacity-tracker.js.report.rows'), ids + '-grouping', grouping, null, AJS.I18n.getText('capacity-tracker.js.report.who-or-what-each-row-adds'))),
      h('div', { class: 'buttons-container' }, h('div', { class: 'buttons' },
        h('button', { type: 'submit', class: 'aui-button aui-button-primary', 'data-testid': 'save-report' }, def ? AJS.I18n.getText('capacity-tracker.js.report.save-and-run') : AJS.I18n.getText('capacity-tracker.js.report.create-and-run')),
        h('button', { type: 'button', class: 'aui-button aui-button-link', 'data-testid': 'cancel-report', onclick: function () {
          self.mode = 'view';
          if (self.definition) { self.render(); self.runReport(); } else { self.renderNav(); self.renderEmpty(); }
        } }, AJS.I18n.getText('capacity-tracker.js.report.cancel')))));
    kit.clear(this.body);
    kit.append(this.body, h('section', { class: 'ct-editor ct-report-editor' }, form));
  };

  Reports.prototype.save = function (form, id, doc) {
    var self = this;
    var kit = this.kit;
    kit.setBusy(form, true);
    this.api.put('/rest/capacity/1.0/reports/' + kit.enc(id), doc).then(function (stored) {
      self.flash = { kind: 'success', title: null, text: AJS.I18n.getText('capacity-tracker.js.report.saved', stored.name) };
      return self.loadList().then(function () { return self.select(id); });
    }, function (err) {
      kit.setBusy(form, false);
      if (err.status === 409) {
        err.message = AJS.I18n.getText('capacity-tracker.js.report.someone-else-changed-this-report-while');
      }
      kit.showFormError(form, err, function (field) {
        if (REPORT_FIELDS[field]) return REPORT_FIELDS[field];
        if (/^boardIds(\[\d+\])?$/.test(field)) return 'boardIds';
        return null;
      });
    }).catch(function (err) { self.showError(err); });
  };

  Reports.prototype.remove = function (def) {
    var self = this;
    this.api.request('DELETE', '/rest/capacity/1.0/reports/' + this.kit.enc(def.id)).then(function () {
      self.definition = null;
      self.selectedId = null;
      self.confirmDelete = false;
      self.flash = { kind: 'success', title: null, text: AJS.I18n.getText('capacity-tracker.js.report.deleted', def.name) };
      return self.loadList().then(function () {
        if (self.list.length) return self.select(self.list[0].id);
        self.remember(null);
        self.render();
        return null;
      });
    }, function (err) {
      self.confirmDelete = false;
      self.flash = { kind: 'error', title: AJS.I18n.getText('capacity-tracker.js.report.the-report-was-not-deleted'), text: err.message };
      self.render();
    }).catch(function (err) { self.showError(err); });
  };

  // ---------------------------------------------------------------- the heat map

  Reports.prototype.renderResult = function () {
    var kit = this.kit;
    var h = kit.h;
    var box = this.resultBox;
    if (!box || !box.isConnected) return;
    kit.clear(box);
    var run = this.run;
    if (!run) return;
    if (run.running) {
      var p = run.progress;
      box.setAttribute('aria-busy', 'true');
      kit.append(box, h('div', { class: 'ct-loading', 'data-testid': 'report-running', role: 'status' },
        h('div', { class: 'aui-progress-indicator' }, h('span', { class: 'aui-progress-indicator-value' })),
        h('p', { text: p.boards ? AJS.I18n.getText('capacity-tracker.js.report.progress.reading', p.boards, p.sprints) : AJS.I18n.getText('capacity-tracker.js.report.reading-the-boards') })));
      return;
    }
    box.removeAttribute('aria-busy');
    (run.notes || []).forEach(function (n) {
      kit.append(box, kit.message('info', null, h('p', { text: n.text }), { 'data-testid': 'report-note', 'data-board-id': n.boardId }));
    });
    if (run.error) {
      kit.append(box, kit.message('error', AJS.I18n.getText('capacity-tracker.js.report.the-report-could-not-be-run'), h('p', { text: run.error.message }), { 'data-testid': 'report-error' }));
      return;
    }
    var report = run.report;
    if (report.overAllocations.length) kit.append(box, this.renderOverAllocations(report));
    // Over-allocations have their own list above; the engine's summary of them would repeat it.
    var warnings = (report.warnings || []).filter(function (w) { return w.code !== 'overAllocated'; });
    if (warnings.length) {
      kit.append(box, kit.message('warning', warnings.length === 1 ? AJS.I18n.getText('capacity-tracker.js.report.worth-a-look') : AJS.I18n.getText('capacity-tracker.js.report.warnings.count', warnings.length),
        h('ul', { class: 'ct-warning-list' }, warnings.map(function (w) { return h('li', { 'data-code': w.code || null, text: w.message }); })),
        { 'data-testid': 'report-warnings' }));
    }
    kit.append(box, this.renderHeatMap(report), this.renderLegend(report, run));
  };

  Reports.prototype.bucketHead = function (b, bucket) {
    var kit = this.kit;
    var h = kit.h;
    var range = b.start === b.end ? kit.formatDate(b.start, { month: 'short', day: 'numeric' }) :
      kit.formatDate(b.start, { month: 'short', day: 'numeric' }) + ' \u2013 ' + kit.formatDate(b.end, { month: 'short', day: 'numeric' });
    var main = b.label;
    var week = /^(\d{4})-W(\d{2})$/.exec(b.label);
    var quarter = /^(\d{4})-Q(\d)$/.exec(b.label);
    if (bucket === 'week' && week) main = AJS.I18n.getText('capacity-tracker.js.report.bucket.week', Number(week[2]));
    else if (bucket === 'month') main = kit.formatDate(b.start, { month: 'short', year: 'numeric' });
    else if (bucket === 'quarter' && quarter) main = AJS.I18n.getText('capacity-tracker.js.report.bucket.quarter', quarter[2], quarter[1]);
    return h('th', { scope: 'col', class: 'ct-heat-head', 'data-bucket': b.label, title: b.label + ': ' + kit.longDate(b.start) + ' \u2013 ' + kit.longDate(b.end) },
      h('span', { class: 'ct-heat-head-main', text: main }),
      h('span', { class: 'ct-heat-head-sub', text: range }));
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
    var level = c.utilisation === null ? 0 : Math.min(4, Math.floor(c.utilisation / 25));
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
    var overs = {};
    report.overAllocations.forEach(function (o) { overs[o.accountKey + '\u0000' + o.bucket] = o; });
    var bucketTexts = report.buckets.map(function (b) {
      return (b.label) + ' (' + kit.longDate(b.start) + ' \u2013 ' + kit.longDate(b.end) + ')';
    });
    var head = h('tr', null, h('th', { scope: 'col', class: 'ct-heat-rowhead', text: ROW_HEAD[report.grouping] || AJS.I18n.getText('capacity-tracker.js.report.row') }),
      report.buckets.map(function (b) { return self.bucketHead(b, report.bucket); }),
      h('th', { scope: 'col', class: 'ct-heat-head ct-heat-total-head' }, h('span', { class: 'ct-heat-head-main', text: AJS.I18n.getText('capacity-tracker.js.report.whole-period') }),
        h('span', { class: 'ct-heat-head-sub', text: kit.formatDate(report.period.start, { month: 'short', day: 'numeric' }) + ' \u2013 ' +
          kit.formatDate(report.period.end, { month: 'short', day: 'numeric' }) })));
    var tbody = h('tbody');
    report.rows.forEach(function (row) {
      var label = self.rowLabel(row.key, report.grouping);
      var flagged = report.grouping === 'person' && report.overAllocations.some(function (o) { return o.accountKey === row.key; });
      kit.append(tbody, h('tr', { 'data-testid': 'heat-row', 'data-key': row.key, class: flagged ? 'ct-heat-row-flagged' : null },
        h('th', { scope: 'row', class: 'ct-heat-rowhead' },
          h('span', { class: 'ct-heat-name', text: label }),
          label !== row.key ? h('span', { class: 'ct-sub', text: row.key }) : null,
          flagged ? h('span', { class: 'aui-lozenge aui-lozenge-error aui-lozenge-subtle ct-overbooked-tag', title: AJS.I18n.getText('capacity-tracker.js.report.booked-above-100-across-boards-in'), text: AJS.I18n.getText('capacity-tracker.js.report.over-allocated') }) : null),
        row.cells.map(function (c, i) {
          var over = report.grouping === 'person' ? overs[row.key + '\u0000' + report.buckets[i].label] : null;
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
    return h('div', { class: 'ct-heat-wrap', 'data-testid': 'heat-map-wrap' },
      h('table', { class: 'aui ct-table ct-heatmap', 'data-testid': 'heat-map', 'data-grouping': report.grouping, 'data-bucket': report.bucket },
        h('thead', null, head), tbody, foot));
  };

  Reports.prototype.renderOverAllocations = function (report) {
    var self = this;
    var kit = this.kit;
    var h = kit.h;
    var byBucket = {};
    report.buckets.forEach(function (b) { byBucket[b.label] = b; });
    var list = h('table', { class: 'aui ct-table ct-over-table', 'data-testid': 'over-allocations' },
      h('thead', null, h('tr', null, h('th', { text: AJS.I18n.getText('capacity-tracker.js.report.person') }), h('th', { text: AJS.I18n.getText('capacity-tracker.js.report.when') }), h('th', { class: 'ct-num', text: AJS.I18n.getText('capacity-tracker.js.report.booked') }), h('th', { text: AJS.I18n.getText('capacity-tracker.js.report.boards') }))),
      h('tbody', null, report.overAllocations.map(function (o) {
        var b = byBucket[o.bucket];
        return h('tr', { 'data-testid': 'over-allocation', 'data-account-key': o.accountKey, 'data-bucket': o.bucket, 'data-boards': o.boards.join(',') },
          h('td', { text: self.displayName(o.accountKey) }),
          h('td', { text: b ? self.kit.longDate(b.start) + ' \u2013 ' + self.kit.longDate(b.end) : o.bucket }),
          h('td', { class: 'ct-num ct-negative', 'data-testid': 'over-allocation-percent', text: o.allocation + '%' }),
          h('td', { text: o.boards.map(self.boardName, self).join(', ') }));
      })));
    var people = report.overAllocations.map(function (o) { return o.accountKey; }).filter(function (k, i, a) { return a.indexOf(k) === i; });
    return kit.message('error', people.length === 1 ? AJS.I18n.getText('capacity-tracker.js.report.overbooked.one', self.displayName(people[0])) :
      AJS.I18n.getText('capacity-tracker.js.report.overbooked.many', people.length),
      [h('p', { text: AJS.I18n.getText('capacity-tracker.js.report.their-allocations-on-the-boards-they') }), list],
      { 'data-testid': 'over-allocation-message' });
  };

  Reports.prototype.renderLegend = function (report, run) {
    var kit = this.kit;
    var h = kit.h;
    var p = run.progress || {};
    var basis = AJS.I18n.getText('capacity-tracker.js.report.basis.text', p.sprints || 0, p.issues || 0, report.boards.length);
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

  // ---------------------------------------------------------------- boot

  function boot() {
    var root = document.getElementById('ct-panel');
    if (!root || root.getAttribute('data-view') !== 'reports' || root.getAttribute('data-ct-started')) return;
    var kit = window.CapacityTrackerPanel && window.CapacityTrackerPanel.kit;
    if (!kit) {
      // capacity-panel.js comes first in the web resource; without it there is nothing to build on.
      root.textContent = AJS.I18n.getText('capacity-tracker.js.report.capacity-tracker-could-not-start-its');
      return;
    }
    root.setAttribute('data-ct-started', 'true');
    new Reports(root, kit).start();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
  else boot();
}());
