/*
 * Capacity Tracker reports page: collecting the work of every board of a definition
 * through Jira's REST (sprints overlapping the period and their issues; a Kanban board's fix
 * versions and saved date ranges) and running it.
 */
(function (layer, define) {
  var CT = globalThis.CapacityTracker = globalThis.CapacityTracker || {};
  var exported = define(CT);
  CT[layer] = Object.assign(CT[layer] || {}, exported);
  if (typeof module === 'object' && module && module.exports) module.exports = exported;
}('reports', function (CT) {
  'use strict';

  var kit = CT.kit;
  var mapLimit = kit.mapLimit;
  var BOARD_PAGE = CT.reports.BOARD_PAGE, PARALLEL = CT.reports.PARALLEL, Reports = CT.reports.Reports;

  var SPRINT_PAGE = 50;
  var DAY_MS = 86400000;

  function isoUtcMillis(date) {
    var p = String(date).split('-');
    return Date.UTC(Number(p[0]), Number(p[1]) - 1, Number(p[2]));
  }

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
    // A board that estimates with a custom number field needs that field's values; settings
    // the viewer cannot read leave the items without them, as before.
    var settings = api.get('/rest/capacity/1.0/boards/' + id + '/settings').catch(function () { return null; });
    var sprints = kit.fetchAgilePages(api, '/rest/agile/1.0/board/' + id + '/sprint', SPRINT_PAGE).catch(function (err) {
      if (err.status === 404) {
        notes.push({ boardId: boardId, text: AJS.I18n.getText('capacity-tracker.js.report.notes.board-not-visible', boardId) });
        return [];
      }
      // Jira refuses a Kanban board's sprints: null says it plans by version and range instead.
      if (err.status === 400) return null;
      throw err;
    });
    return Promise.all([config, sprints, settings]).then(function (res) {
      var est = res[0] && res[0].estimation && res[0].estimation.field;
      var customField = kit.customEstimateField(res[2]);
      var pointsField = est && typeof est.fieldId === 'string' && /^customfield_\d+$/.test(est.fieldId) ? est.fieldId : kit.DEFAULT_POINTS_FIELD;
      if (res[1] === null) return self.collectKanban(boardId, period, notes, progress, pointsField, customField);
      var inPeriod = res[1].filter(function (s) {
        var start = kit.instantMillis(s.startDate);
        var end = kit.instantMillis(s.endDate);
        return !isNaN(start) && !isNaN(end) && start < to && end >= from;
      });
      progress.sprints += inPeriod.length;
      return mapLimit(inPeriod, PARALLEL, function (s) {
        return kit.fetchSprintIssues(api, s.id, pointsField, customField).then(function (issues) {
          progress.issues += issues.length;
          return { id: String(s.id), start: s.startDate, end: s.endDate,
            items: issues.map(function (i) { return kit.toWorkItem(i, pointsField, customField); }) };
        });
      });
    }).then(function (iterations) {
      return { boardId: String(boardId), iterations: iterations };
    });
  };

  /**
   * A Kanban board's fix versions and saved date ranges that overlap the period, with their
   * items, as the board's iterations (kind `version` and `range`): the engine counts each by its rule,
   * as the board page does. Ranges the viewer may not read leave only the versions.
   */
  Reports.prototype.collectKanban = function (boardId, period, notes, progress, pointsField, customField) {
    var self = this;
    var kit = this.kit;
    var api = this.api;
    var id = kit.enc(boardId);
    var versions = kit.fetchAgilePages(api, '/rest/agile/1.0/board/' + id + '/version', SPRINT_PAGE);
    var ranges = api.get('/rest/capacity/1.0/boards/' + id + '/ranges').catch(function () { return null; });
    return Promise.all([versions, ranges]).then(function (res) {
      var periods = kit.kanbanPeriods(res[0], res[1]).periods.filter(function (p) {
        return p.startDate <= period.end && p.endDate >= period.start;
      });
      if (!periods.length) {
        notes.push({ boardId: boardId, text: AJS.I18n.getText('capacity-tracker.js.report.notes.kanban-without-periods', self.boardName(boardId)) });
      }
      progress.sprints += periods.length;
      return mapLimit(periods, PARALLEL, function (p) {
        return kit.fetchPeriodIssues(api, boardId, p, pointsField, customField).then(function (issues) {
          progress.issues += issues.length;
          return { id: p.id, kind: p.kind, start: p.startDate, end: p.endDate,
            items: issues.map(function (i) { return kit.toWorkItem(i, pointsField, customField); }) };
        });
      });
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

  return {};
}));
