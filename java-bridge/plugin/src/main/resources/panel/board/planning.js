/*
 * Capacity Tracker board page: planning the next sprint. While a team looks at its current
 * sprint, a compact strip shows the next future sprint's capacity against the work already
 * committed to it, per member, so the team can plan before the sprint starts. The numbers
 * are the engine's report of that sprint (its own team changes included); nothing is
 * computed here but the bar widths.
 */
(function (layer, define) {
  var CT = globalThis.CapacityTracker = globalThis.CapacityTracker || {};
  var exported = define(CT);
  CT[layer] = Object.assign(CT[layer] || {}, exported);
  if (typeof module === 'object' && module && module.exports) module.exports = exported;
}('board', function (CT) {
  'use strict';

  var kit = CT.kit;
  var append = kit.append, customEstimateField = kit.customEstimateField, enc = kit.enc,
      fetchSprintIssues = kit.fetchSprintIssues, formatPercent = kit.formatPercent, formatQuantity = kit.formatQuantity,
      h = kit.h, instantMillis = kit.instantMillis, longDate = kit.longDate, toWorkItem = kit.toWorkItem;
  var Panel = CT.board.Panel;

  /** The next sprint to plan: the future sprint with dates that starts first (none on a Kanban board). */
  Panel.prototype.nextSprint = function () {
    if (this.kanban) return null;
    var future = this.sprints.filter(function (s) {
      return s.state === 'future' && !isNaN(instantMillis(s.startDate)) && !isNaN(instantMillis(s.endDate));
    });
    future.sort(function (a, b) { return instantMillis(a.startDate) - instantMillis(b.startDate); });
    return future[0] || null;
  };

  /**
   * The engine's report of the next sprint, kept in `planning` ({sprint, report} or
   * {sprint, error}); none while the next sprint is the one on screen, whose full table
   * says the same.
   */
  Panel.prototype.loadPlanning = function () {
    var self = this;
    var next = this.nextSprint();
    this.planning = null;
    if (!next || (this.sprint && String(this.sprint.id) === String(next.id))) return Promise.resolve(null);
    var pointsField = this.pointsField;
    var customField = customEstimateField(this.settings);
    return fetchSprintIssues(this.api, next.id, pointsField, customField).then(function (issues) {
      var body = {
        iteration: { id: String(next.id), name: next.name, start: next.startDate, end: next.endDate },
        items: issues.map(function (issue) { return toWorkItem(issue, pointsField, customField); })
      };
      return self.api.post('/rest/capacity/1.0/boards/' + enc(self.boardId) + '/report', body);
    }).then(function (report) {
      self.planning = { sprint: next, report: report };
    }, function (err) {
      self.planning = { sprint: next, error: err };
    });
  };

  function bar(totals) {
    // The committed share of the capacity, capped at the bar's end; over-committed shows full and red.
    var share = totals.capacity > 0 ? Math.min(100, Math.max(0, totals.workload / totals.capacity * 100)) : (totals.workload > 0 ? 100 : 0);
    return h('span', { class: 'ct-plan-bar', 'aria-hidden': 'true' },
      h('span', { class: 'ct-plan-fill ct-plan-' + totals.status, style: { width: share.toFixed(1) + '%' } }));
  }

  /** One line of the strip: who, the bar, "committed of capacity", free. */
  function line(label, totals, report, attrs) {
    return h('li', Object.assign({ class: 'ct-plan-line', 'data-status': totals.status }, attrs),
      h('span', { class: 'ct-plan-who', text: label }),
      bar(totals),
      h('span', { class: 'ct-plan-figures', 'data-testid': 'plan-figures',
        text: AJS.I18n.getText('capacity-tracker.js.planning.committed-of', formatQuantity(totals.workload, report), formatQuantity(totals.capacity, report)) }),
      h('span', { class: 'ct-plan-free', 'data-testid': 'plan-free',
        text: AJS.I18n.getText('capacity-tracker.js.planning.free', formatQuantity(totals.free, report), formatPercent(totals.utilisation)) }));
  }

  /** The strip: the next sprint's name and dates, the team, then each member. */
  Panel.prototype.renderPlanning = function () {
    var self = this;
    var plan = this.planning;
    if (!plan) return null;
    var sprint = plan.sprint;
    var open = h('button', { type: 'button', class: 'aui-button aui-button-link', 'data-testid': 'plan-open',
      onclick: function () { self.selectSprint(sprint.id); } }, AJS.I18n.getText('capacity-tracker.js.planning.open', sprint.name));
    var box = h('section', { class: 'ct-planning', 'data-testid': 'planning-strip', 'data-sprint-id': String(sprint.id),
      'aria-label': AJS.I18n.getText('capacity-tracker.js.planning.title', sprint.name) });
    var report = plan.report;
    append(box, h('div', { class: 'ct-plan-head' },
      h('h3', { text: AJS.I18n.getText('capacity-tracker.js.planning.title', sprint.name) }),
      report ? h('span', { class: 'ct-sprint-dates', text: longDate(report.iteration.firstDate) + ' \u2013 ' + longDate(report.iteration.lastDate) }) : null,
      open));
    if (!report) {
      append(box, h('p', { class: 'ct-plan-error', 'data-testid': 'plan-error', text: (plan.error && plan.error.message) || String(plan.error) }));
      return box;
    }
    var list = h('ul', { class: 'ct-plan-list' });
    append(list, line(AJS.I18n.getText('capacity-tracker.js.planning.team'), report.team, report, { 'data-testid': 'plan-team' }));
    report.members.forEach(function (m) {
      append(list, line(self.displayName(m.accountKey), m, report, { 'data-testid': 'plan-member', 'data-account-key': m.accountKey }));
    });
    append(box, list);
    if (report.unassigned && report.unassigned.workload > 0) {
      append(box, h('p', { class: 'description', 'data-testid': 'plan-unassigned',
        text: AJS.I18n.getText('capacity-tracker.js.planning.unassigned', formatQuantity(report.unassigned.workload, report)) }));
    }
    return box;
  };

  return {};
}));
