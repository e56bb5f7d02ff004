/*
 * Capacity Tracker board page: the panel's state and loading (board, sprints, issues,
 * settings, people, the engine's report). The views add their render methods to
 * Panel.prototype from the other board/*.js files.
 */
(function (layer, define) {
  var CT = globalThis.CapacityTracker = globalThis.CapacityTracker || {};
  var exported = define(CT);
  CT[layer] = Object.assign(CT[layer] || {}, exported);
  if (typeof module === 'object' && module && module.exports) module.exports = exported;
}('board', function (CT) {
  'use strict';

  var kit = CT.kit;
  var isBoardId = kit.isBoardId;
  var Api = kit.Api, DEFAULT_POINTS_FIELD = kit.DEFAULT_POINTS_FIELD, MAX_PAGES = kit.MAX_PAGES,
      SPRINT_PAGE = kit.SPRINT_PAGE, append = kit.append, clear = kit.clear, enc = kit.enc,
      fetchPeriodIssues = kit.fetchPeriodIssues, fetchSprintIssues = kit.fetchSprintIssues, h = kit.h, message = kit.message, sprintOrder = kit.sprintOrder,
      toWorkItem = kit.toWorkItem, todayIn = kit.todayIn;
  var customEstimateField = kit.customEstimateField, customNumberFields = kit.customNumberFields;

  var MEMBER_COLOURS = 8;

  function Panel(root) {
    this.root = root;
    this.boardId = root.getAttribute('data-board-id') || '';
    this.contextPath = (root.getAttribute('data-context-path') || '').replace(/\/+$/, '');
    this.currentUser = root.getAttribute('data-current-user') || '';
    this.currentUserKey = root.getAttribute('data-current-user-key') || this.currentUser;
    this.projectKey = root.getAttribute('data-project-key') || '';
    this.idRules = kit.idRulesOf(root); // the engine's, from the page
    this.boards = [];
    this.api = new Api(this.contextPath);
    this.board = null;
    this.sprints = [];
    this.sprint = null;
    // A Kanban board: its periods (fix versions, saved ranges) stand in for sprints (kanban.js).
    this.kanban = false;
    this.ranges = null;
    this.undatedVersions = [];
    this.pointsField = DEFAULT_POINTS_FIELD;
    // The custom estimate field the loaded issues carry (null: none was asked for).
    this.issuesCustomField = null;
    // Jira's custom number fields, loaded when the board settings editor needs them.
    this.numberFields = null;
    this.settings = null;
    this.issues = [];
    this.issuesByKey = {};
    this.report = null;
    this.reportError = null;
    this.users = {};
    this.daysOff = {};
    this.editing = null;
    this.adding = null;
    this.notice = null;
    this.flash = null;
    this.loadToken = 0;
    this.showSettings = false;
    // This sprint's own team changes (docs/json-api.md, "Iteration team changes").
    this.team = null;
    this.teamError = null;
    this.templateBox = null;
    this.copyConfirm = false;
    // The next future sprint's report, for the planning strip (planning.js).
    this.planning = null;
  }

  Panel.prototype.start = function () {
    var self = this;
    this.root.classList.add('ct-panel');
    clear(this.root);
    var inPagePanel = this.root.closest && this.root.closest('.aui-page-panel');
    this.header = h('header', { class: 'aui-page-header ct-header' });
    this.flashBox = h('div', { class: 'ct-flash', 'aria-live': 'polite' });
    this.body = h('div', { class: 'ct-body', 'data-testid': 'panel-body' });
    var content = [this.header, this.flashBox, this.body];
    if (inPagePanel) {
      append(this.root, content);
    } else {
      append(this.root, h('div', { class: 'aui-page-panel ct-page' },
        h('div', { class: 'aui-page-panel-inner' },
          h('section', { class: 'aui-page-panel-content' }, content))));
    }
    this.renderHeader();
    this.renderLoading(AJS.I18n.getText('capacity-tracker.js.panel.loading-board'));
    var ready = this.boardId ? this.loadBoard() : this.loadBoards().then(function () {
      if (!self.boards.length) {
        clear(self.body);
        append(self.body, message('info', self.projectKey ? AJS.I18n.getText('capacity-tracker.js.panel.this-project-has-no-boards') : AJS.I18n.getText('capacity-tracker.js.panel.there-are-no-boards-yet'),
          h('p', { text: AJS.I18n.getText('capacity-tracker.js.panel.team-capacity-is-planned-per-jira') }),
          { 'data-testid': 'no-boards' }));
        return null;
      }
      var wanted = new URLSearchParams(window.location.search).get('boardId');
      var chosen = self.boards.filter(function (b) { return String(b.id) === wanted; })[0] || self.boards[0];
      return self.switchBoard(chosen.id);
    });
    ready.catch(function (err) { self.showLoadError(err); });
  };

  /** The boards to choose from: the project's (from the project sidebar) or all the viewer can see. */
  Panel.prototype.loadBoards = function () {
    var self = this;
    var api = this.api;
    var query = this.projectKey ? '&projectKeyOrId=' + enc(this.projectKey) : '';
    var all = [];
    function page(startAt, n) {
      return api.get('/rest/agile/1.0/board?startAt=' + startAt + '&maxResults=50' + query).then(function (res) {
        var values = (res && res.values) || [];
        Array.prototype.push.apply(all, values);
        if (res.isLast === false && values.length && n < MAX_PAGES) return page(startAt + values.length, n + 1);
        return all;
      });
    }
    return page(0, 1).then(function (boards) {
      self.boards = boards.filter(function (b) { return isBoardId(b.id, self.idRules); });
      return self.boards;
    });
  };

  Panel.prototype.switchBoard = function (boardId) {
    var self = this;
    this.boardId = String(boardId);
    this.board = null;
    this.sprints = [];
    this.sprint = null;
    this.kanban = false;
    this.ranges = null;
    this.settings = null;
    this.report = null;
    this.reportError = null;
    this.daysOff = {};
    this.pointsField = DEFAULT_POINTS_FIELD;
    this.loadToken++;
    try {
      var url = new URL(window.location.href);
      url.searchParams.set('boardId', this.boardId);
      url.searchParams.delete('sprintId');
      window.history.replaceState(window.history.state, '', url.toString());
    } catch (e) { /* a page without history support keeps its address */ }
    this.renderHeader();
    this.renderLoading(AJS.I18n.getText('capacity-tracker.js.panel.loading-board'));
    return this.loadBoard().catch(function (err) { self.showLoadError(err); });
  };

  Panel.prototype.loadBoard = function () {
    var self = this;
    var id = enc(this.boardId);
    return Promise.all([
      this.api.get('/rest/agile/1.0/board/' + id),
      this.loadAllSprints(),
      this.api.get('/rest/agile/1.0/board/' + id + '/configuration').catch(function () { return null; })
    ]).then(function (res) {
      self.board = res[0];
      var est = res[2] && res[2].estimation && res[2].estimation.field;
      if (est && typeof est.fieldId === 'string' && /^customfield_\d+$/.test(est.fieldId)) self.pointsField = est.fieldId;
      // Jira refuses a Kanban board's sprints (null here); it plans by version or date range (kanban.js).
      self.kanban = res[1] === null || res[0].type === 'kanban';
      var wanted = new URLSearchParams(window.location.search).get('sprintId');
      if (self.kanban) {
        // The settings first: their time zone says which period holds today.
        return self.loadSettings().then(function () { return self.loadKanbanPeriods(); }).then(function (periods) {
          self.sprints = periods;
          self.renderHeader();
          var first = self.firstPeriod(wanted);
          if (!first) { self.render(); return null; }
          return self.selectSprint(first.id);
        });
      }
      self.sprints = res[1].slice().sort(sprintOrder);
      self.renderHeader();
      if (!self.sprints.length) {
        // Board settings stay reachable: a team can be set up before its first sprint.
        return self.loadSettings().then(function () { self.render(); });
      }
      var chosen = self.sprints.filter(function (s) { return String(s.id) === wanted; })[0] || self.sprints[0];
      return self.selectSprint(chosen.id);
    });
  };

  Panel.prototype.loadAllSprints = function () {
    var api = this.api;
    var base = '/rest/agile/1.0/board/' + enc(this.boardId) + '/sprint';
    var all = [];
    function page(startAt, n) {
      return api.get(base + '?startAt=' + startAt + '&maxResults=' + SPRINT_PAGE).then(function (res) {
        var values = (res && res.values) || [];
        Array.prototype.push.apply(all, values);
        if (res.isLast === false && values.length && n < MAX_PAGES) return page(startAt + values.length, n + 1);
        return all;
      });
    }
    return page(0, 1).catch(function (err) {
      // Jira answers 400 for boards that cannot have sprints (Kanban): null says so.
      if (err.status === 400) return null;
      throw err;
    });
  };

  /** The sprint's issues with the fields the board's estimate source needs (settings loaded first). */
  Panel.prototype.loadSprintIssues = function (sprintId) {
    var customField = customEstimateField(this.settings);
    var self = this;
    var period = this.sprint && String(this.sprint.id) === String(sprintId) && this.sprint.kind ? this.sprint : null;
    var issues = period ? fetchPeriodIssues(this.api, this.boardId, period, this.pointsField, customField)
      : fetchSprintIssues(this.api, sprintId, this.pointsField, customField);
    return issues.then(function (issues) {
      self.issuesCustomField = customField;
      return issues;
    });
  };

  /** Keeps a sprint's issues, by key, and the assignees' names they carry. */
  Panel.prototype.setIssues = function (issues) {
    var self = this;
    this.issues = issues;
    this.issuesByKey = {};
    this.issues.forEach(function (issue) {
      self.issuesByKey[issue.key] = issue;
      var a = issue.fields && issue.fields.assignee;
      var key = a && (a.key || a.name);
      if (key && a.displayName && !self.users[key]) self.users[key] = { displayName: a.displayName, avatarUrls: a.avatarUrls };
    });
  };

  Panel.prototype.selectSprint = function (sprintId) {
    var self = this;
    var sprint = this.sprints.filter(function (s) { return String(s.id) === String(sprintId); })[0];
    if (!sprint) return Promise.resolve();
    this.sprint = sprint;
    this.editing = null;
    this.adding = null;
    this.notice = null;
    this.flash = null;
    this.renderFlash();
    this.renderHeader();
    this.rememberSprint(sprint.id);
    this.team = null;
    this.teamError = null;
    this.templateBox = null;
    this.copyConfirm = false;
    var token = ++this.loadToken;
    this.renderLoading(AJS.I18n.getText('capacity-tracker.js.panel.loading.sprint', sprint.name));
    // The settings say which fields the issues need (a custom estimate field), so they come first.
    var issues = this.loadSettings().then(function () { return self.loadSprintIssues(sprint.id); });
    return Promise.all([issues, this.loadTeam(sprint.id)]).then(function (res) {
      if (token !== self.loadToken) return null;
      self.setIssues(res[0]);
      return Promise.all([self.loadPeople(), self.computeReport(), self.loadPlanning()]).then(function () {
        if (token === self.loadToken) self.render();
      });
    }).catch(function (err) {
      if (token === self.loadToken) self.showLoadError(err);
    });
  };

  Panel.prototype.rememberSprint = function (sprintId) {
    try {
      var url = new URL(window.location.href);
      url.searchParams.set('sprintId', String(sprintId));
      window.history.replaceState(window.history.state, '', url.toString());
    } catch (e) { /* a page without history support keeps its address */ }
  };

  Panel.prototype.loadSettings = function () {
    var self = this;
    return this.api.get('/rest/capacity/1.0/boards/' + enc(this.boardId) + '/settings').then(function (doc) {
      self.settings = doc;
      return doc;
    });
  };

  /** Display names of members, and the days off of members not loaded yet. */
  Panel.prototype.loadPeople = function () {
    var self = this;
    var members = ((this.settings && this.settings.members) || []).concat(this.sprintAdded());
    var jobs = members.map(function (m) {
      var key = m.accountKey;
      var user = self.users[key] && self.users[key].loaded ? null : self.api.get('/rest/api/2/user?key=' + enc(key)).then(function (u) {
        self.users[key] = { displayName: (u && u.displayName) || key, avatarUrls: u && u.avatarUrls, loaded: true };
      }, function (err) {
        if (!self.users[key]) self.users[key] = { displayName: key, missing: err.status === 404 };
      });
      var off = self.daysOff[key] ? null : self.loadDaysOff(key).catch(function () { return null; });
      return Promise.all([user, off]);
    });
    return Promise.all(jobs);
  };

  // A person's days off as seen from this board: with permissions on, reading and
  // changing someone else's needs access to a board they are on.
  Panel.prototype.daysOffUrl = function (key) {
    return '/rest/capacity/1.0/people/' + enc(key) + '/days-off?boardId=' + enc(this.boardId);
  };

  /** Jira's custom number fields, for the board settings' custom estimate source. */
  Panel.prototype.loadNumberFields = function () {
    var self = this;
    return this.api.get('/rest/api/2/field').then(function (fields) {
      self.numberFields = customNumberFields(fields);
      return self.numberFields;
    });
  };

  Panel.prototype.loadDaysOff = function (key) {
    var self = this;
    return this.api.get(this.daysOffUrl(key)).then(function (doc) {
      self.daysOff[key] = doc;
      return doc;
    });
  };

  Panel.prototype.computeReport = function () {
    var self = this;
    var sprint = this.sprint;
    this.report = null;
    this.reportError = null;
    if (!sprint || !sprint.startDate || !sprint.endDate) return Promise.resolve(null);
    var iteration = { id: String(sprint.id), name: sprint.name, start: sprint.startDate, end: sprint.endDate };
    if (sprint.kind) iteration.kind = sprint.kind;
    // Remaining capacity counts from today in a running sprint, and in a version or range holding today.
    if (sprint.state === 'active' || sprint.current) iteration.asOf = todayIn(this.settings && this.settings.timeZone);
    var pointsField = this.pointsField;
    var customField = customEstimateField(this.settings);
    var body = {
      iteration: iteration,
      items: this.issues.map(function (issue) { return toWorkItem(issue, pointsField, customField); })
    };
    return this.api.post('/rest/capacity/1.0/boards/' + enc(this.boardId) + '/report', body).then(function (report) {
      self.report = report;
      return report;
    }, function (err) {
      self.reportError = err;
      return null;
    });
  };

  Panel.prototype.displayName = function (key) {
    var u = this.users[key];
    return u && u.displayName ? u.displayName : key;
  };

  var SETTINGS_SCOPE = '\u0000board-settings';

  return { MEMBER_COLOURS: MEMBER_COLOURS, Panel: Panel, SETTINGS_SCOPE: SETTINGS_SCOPE };
}));
