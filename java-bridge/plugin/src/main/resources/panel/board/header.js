/*
 * Capacity Tracker board page: the frame: header with the board and sprint pickers,
 * loading and error states, the sprint summary and the layout of the body.
 */
(function (layer, define) {
  var CT = globalThis.CapacityTracker = globalThis.CapacityTracker || {};
  var exported = define(CT);
  CT[layer] = Object.assign(CT[layer] || {}, exported);
  if (typeof module === 'object' && module && module.exports) module.exports = exported;
}('board', function (CT) {
  'use strict';

  var kit = CT.kit;
  var append = kit.append, aroundNode = kit.aroundNode, clear = kit.clear, enc = kit.enc, h = kit.h,
      longDate = kit.longDate, lozenge = kit.lozenge, message = kit.message;
  var Panel = CT.board.Panel;

  var SPRINT_STATE = {
    active: { label: AJS.I18n.getText('capacity-tracker.js.panel.active'), lozenge: 'aui-lozenge-success', group: AJS.I18n.getText('capacity-tracker.js.panel.active-sprints') },
    future: { label: AJS.I18n.getText('capacity-tracker.js.panel.future'), lozenge: 'aui-lozenge-complete', group: AJS.I18n.getText('capacity-tracker.js.panel.future-sprints') },
    closed: { label: AJS.I18n.getText('capacity-tracker.js.panel.closed'), lozenge: '', group: AJS.I18n.getText('capacity-tracker.js.panel.closed-sprints') }
  };

  // A Kanban board's periods, grouped by kind in the picker (kanban.js).
  var PERIOD_KIND = {
    version: { label: AJS.I18n.getText('capacity-tracker.js.kanban.fix-version'), lozenge: 'aui-lozenge-complete', group: AJS.I18n.getText('capacity-tracker.js.kanban.fix-versions') },
    range: { label: AJS.I18n.getText('capacity-tracker.js.kanban.date-range'), lozenge: 'aui-lozenge-moved', group: AJS.I18n.getText('capacity-tracker.js.kanban.date-ranges') }
  };

  Panel.prototype.renderHeader = function () {
    var self = this;
    clear(this.header);
    var crumbs = h('ol', { class: 'aui-nav aui-nav-breadcrumbs' });
    var location = this.board && this.board.location;
    if (location && (location.projectName || location.displayName)) {
      append(crumbs, h('li', { text: location.projectName || location.displayName }));
    }
    append(crumbs, h('li', { 'data-testid': 'board-name', text: this.board ? this.board.name : AJS.I18n.getText('capacity-tracker.js.panel.board.fallback-name', this.boardId) }));

    var actions = h('div', { class: 'aui-page-header-actions' });
    if (this.boards.length > 1) {
      var boardSelect = h('select', { id: 'ct-board-picker', class: 'select ct-board-picker', 'data-testid': 'board-picker', 'aria-label': AJS.I18n.getText('capacity-tracker.js.panel.board') },
        this.boards.map(function (b) { return h('option', { value: String(b.id), text: b.name }); }));
      boardSelect.value = this.boardId;
      boardSelect.addEventListener('change', function () { self.switchBoard(boardSelect.value); });
      append(actions, h('div', { class: 'ct-picker' }, h('label', { for: 'ct-board-picker', text: AJS.I18n.getText('capacity-tracker.js.panel.board') }), boardSelect));
    }
    var pickerLabel = this.kanban ? AJS.I18n.getText('capacity-tracker.js.kanban.period') : AJS.I18n.getText('capacity-tracker.js.panel.sprint');
    if (this.sprints.length && this.kanban) {
      var periods = h('select', { id: 'ct-sprint-picker', class: 'select ct-sprint-picker', 'data-testid': 'sprint-picker', 'aria-label': pickerLabel });
      ['version', 'range'].forEach(function (kind) {
        var list = self.sprints.filter(function (p) { return p.kind === kind; });
        if (!list.length) return;
        var group = h('optgroup', { label: PERIOD_KIND[kind].group });
        list.forEach(function (p) { append(group, h('option', { value: String(p.id), text: p.name })); });
        append(periods, group);
      });
      if (this.sprint) periods.value = String(this.sprint.id);
      periods.addEventListener('change', function () { self.selectSprint(periods.value); });
      append(actions, h('div', { class: 'ct-picker' }, h('label', { for: 'ct-sprint-picker', text: pickerLabel }), periods));
    } else if (this.sprints.length) {
      var select = h('select', { id: 'ct-sprint-picker', class: 'select ct-sprint-picker', 'data-testid': 'sprint-picker', 'aria-label': AJS.I18n.getText('capacity-tracker.js.panel.sprint') });
      ['active', 'future', 'closed'].forEach(function (state) {
        var list = self.sprints.filter(function (s) { return s.state === state; });
        if (!list.length) return;
        var group = h('optgroup', { label: SPRINT_STATE[state].group });
        list.forEach(function (s) { append(group, h('option', { value: String(s.id), text: s.name })); });
        append(select, group);
      });
      var other = this.sprints.filter(function (s) { return !SPRINT_STATE[s.state]; });
      other.forEach(function (s) { append(select, h('option', { value: String(s.id), text: s.name })); });
      if (this.sprint) select.value = String(this.sprint.id);
      select.addEventListener('change', function () { self.selectSprint(select.value); });
      append(actions, h('div', { class: 'ct-picker' }, h('label', { for: 'ct-sprint-picker', text: AJS.I18n.getText('capacity-tracker.js.panel.sprint') }), select));
    }
    if (this.board) {
      append(actions, h('button', { type: 'button', class: 'aui-button ct-settings-button' + (this.showSettings ? ' active' : ''),
        'data-testid': 'board-settings-button', 'aria-expanded': this.showSettings ? 'true' : 'false', 'aria-pressed': this.showSettings ? 'true' : 'false',
        onclick: function () { self.toggleBoardSettings(); } }, AJS.I18n.getText('capacity-tracker.js.panel.board-settings')));
    }

    append(actions, h('a', { class: 'aui-button ct-report-link', 'data-testid': 'multi-project-report-link',
      href: this.contextPath + '/plugins/servlet/capacity-tracker?view=reports',
      title: AJS.I18n.getText('capacity-tracker.js.panel.capacity-and-workload-of-people-across') }, AJS.I18n.getText('capacity-tracker.js.panel.multi-project-report')));

    append(this.header, h('div', { class: 'aui-page-header-inner' },
      h('div', { class: 'aui-page-header-main' }, crumbs, h('h1', { text: AJS.I18n.getText('capacity-tracker.js.panel.team-capacity') })),
      actions));
  };

  Panel.prototype.renderLoading = function (text) {
    if (this.report || this.settings) {
      this.body.classList.add('ct-busy');
      this.body.setAttribute('aria-busy', 'true');
      return;
    }
    clear(this.body);
    append(this.body, h('div', { class: 'ct-loading', 'data-testid': 'loading', role: 'status' },
      h('div', { class: 'aui-progress-indicator' }, h('span', { class: 'aui-progress-indicator-value' })),
      h('p', { text: text })));
  };

  Panel.prototype.renderFlash = function () {
    var self = this;
    clear(this.flashBox);
    if (!this.flash) return;
    var f = this.flash;
    var close = h('button', { type: 'button', class: 'aui-close-button ct-close', 'aria-label': AJS.I18n.getText('capacity-tracker.js.panel.dismiss'), text: '\u00d7',
      onclick: function () { self.flash = null; self.renderFlash(); } });
    append(this.flashBox, message(f.kind, f.title, [f.text ? h('p', { text: f.text }) : null, close], { 'data-testid': 'flash' }));
  };

  Panel.prototype.showFatal = function (title, text) {
    this.body.classList.remove('ct-busy');
    clear(this.body);
    append(this.body, message('error', title, h('p', { text: text }), { 'data-testid': 'load-error' }));
  };

  Panel.prototype.showLoadError = function (err) {
    if (err && err.status === 401) {
      var here = window.location.pathname + window.location.search;
      this.body.classList.remove('ct-busy');
      clear(this.body);
      append(this.body, message('warning', AJS.I18n.getText('capacity-tracker.js.panel.your-session-has-ended'),
        h('p', null, aroundNode(AJS.I18n.getText('capacity-tracker.js.panel.session.log-in-again', '\u0001'), h('a', { href: this.contextPath + '/login.jsp?os_destination=' + enc(here), text: AJS.I18n.getText('capacity-tracker.js.panel.log-in-again') }))),
        { 'data-testid': 'load-error' }));
      return;
    }
    var text = err && err.status === 404 ? AJS.I18n.getText('capacity-tracker.js.panel.the-board-or-sprint-does-not') :
      err && err.status === 403 ? AJS.I18n.getText('capacity-tracker.js.panel.you-do-not-have-permission-to') :
      (err && err.message) || String(err);
    this.showFatal(AJS.I18n.getText('capacity-tracker.js.panel.the-capacity-could-not-be-loaded'), text);
  };

  Panel.prototype.render = function () {
    this.body.classList.remove('ct-busy');
    this.body.removeAttribute('aria-busy');
    clear(this.body);
    var report = this.report;
    if (!this.sprint && this.kanban) {
      if (this.showSettings && this.settings) append(this.body, this.renderBoardSettings(true));
      append(this.body, this.renderNoPeriods());
      return;
    }
    if (!this.sprint) {
      if (this.showSettings && this.settings) append(this.body, this.renderBoardSettings(true));
      append(this.body, message('info', AJS.I18n.getText('capacity-tracker.js.panel.this-board-has-no-sprints'),
        h('p', { text: AJS.I18n.getText('capacity-tracker.js.panel.capacity-is-planned-per-sprint-create') }),
        { 'data-testid': 'no-sprints' }));
      return;
    }
    append(this.body, this.renderSprintSummary());
    var planning = this.renderPlanning();
    if (planning) append(this.body, planning);
    if (this.showSettings && this.settings) append(this.body, this.renderBoardSettings(true));
    if (this.reportError) {
      append(this.body, message('error', AJS.I18n.getText('capacity-tracker.js.panel.the-report-could-not-be-computed'),
        h('p', { text: this.reportError.message }), { 'data-testid': 'report-error' }));
    } else if (!report) {
      append(this.body, message('info', AJS.I18n.getText('capacity-tracker.js.panel.this-sprint-has-no-dates-yet'),
        h('p', { text: AJS.I18n.getText('capacity-tracker.js.panel.set-the-sprints-start-and-end') }),
        { 'data-testid': 'no-dates' }));
    }
    if (report) append(this.body, this.renderTotals(report));
    // The panel picks asOf (today) itself, so the engine's note that today lies outside the
    // sprint tells the viewer nothing they asked about.
    var warnings = report && report.warnings ? report.warnings.filter(function (w) { return w.code !== 'asOfOutsideIteration'; }) : [];
    if (warnings.length) append(this.body, this.renderWarnings(warnings));
    append(this.body, this.renderMembers(report));
    if (report) {
      append(this.body, h('div', { class: 'ct-columns' }, this.renderRoles(report), this.renderBuckets(report)));
      append(this.body, this.renderChart(report));
    }
    if (this.kanban) append(this.body, this.renderRanges());
  };

  Panel.prototype.renderSprintSummary = function () {
    var sprint = this.sprint;
    var report = this.report;
    var state = PERIOD_KIND[sprint.kind] || SPRINT_STATE[sprint.state] || { label: sprint.state || AJS.I18n.getText('capacity-tracker.js.panel.sprint'), lozenge: '' };
    var dates = report ? longDate(report.iteration.firstDate) + ' \u2013 ' + longDate(report.iteration.lastDate) : null;
    var line = h('div', { class: 'ct-sprint-line' },
      h('h2', { class: 'ct-sprint-name', 'data-testid': 'sprint-name', text: sprint.name }),
      lozenge(state.label, state.lozenge),
      dates ? h('span', { class: 'ct-sprint-dates', 'data-testid': 'sprint-dates', text: dates }) : null);
    var box = h('section', { class: 'ct-sprint', 'aria-label': AJS.I18n.getText('capacity-tracker.js.panel.sprint') }, line);
    if (sprint.goal) append(box, h('p', { class: 'ct-sprint-goal', text: AJS.I18n.getText('capacity-tracker.js.panel.sprint.goal', sprint.goal) }));
    if (report && report.iteration.reading) {
      // Jira keeps sprint dates as instants; which local days they cover depends on the
      // board's time zone, so the engine's reading is always in view.
      append(box, h('p', { class: 'ct-reading', 'data-testid': 'date-reading' },
        h('span', { class: 'ct-reading-icon', 'aria-hidden': 'true', text: 'i' }),
        h('span', { text: report.iteration.reading })));
    }
    return box;
  };

  return {};
}));
