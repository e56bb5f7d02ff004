/*
 * Capacity Tracker: the team capacity panel of one Jira board.
 *
 * Renders inside <div id="ct-panel" data-board-id data-context-path data-current-user>.
 * The panel reads the board, its sprints and the chosen sprint's issues through Jira's own
 * REST (so the viewer only ever sees what Jira lets them see), turns each issue into an
 * engine work item, and asks the plugin's engine for the report. Every number shown comes
 * from that report: the only logic here is the issue-to-item mapping and unit formatting,
 * so the panel can never disagree with the REST API, the Java API or the C ABI.
 *
 * Plain ES2020, no build step, no framework. AUI's CSS gives the native look; of AUI's
 * JavaScript only AJS.format is used: every user-visible text is an
 * AJS.I18n.getText('capacity-tracker.js.…') call with a literal key, which Jira's jsI18n
 * web-resource transformation turns into AJS.format("<text>", …) when it serves the file
 * (texts in i18n/capacity-tracker-js.properties; the web resource depends on AUI's ajs).
 * All text reaches the DOM through textContent or attributes, never through innerHTML.
 */
(function () {
  'use strict';

  var ISSUE_FIELDS = ['summary', 'assignee', 'status', 'issuetype', 'parent', 'timeestimate', 'timeoriginalestimate'];
  // The Story Points field of a default Jira Software install; the board configuration
  // names the real one when the board estimates with a different field.
  var DEFAULT_POINTS_FIELD = 'customfield_10106';
  var SPRINT_PAGE = 50;
  var ISSUE_PAGE = 100;
  // Paging stops here whatever the server claims, so a misbehaving endpoint cannot loop.
  var MAX_PAGES = 500;

  var STATUS_LABEL = { under: AJS.I18n.getText('capacity-tracker.js.panel.under'), ok: AJS.I18n.getText('capacity-tracker.js.panel.ok'), over: AJS.I18n.getText('capacity-tracker.js.panel.over'), noCapacity: AJS.I18n.getText('capacity-tracker.js.panel.no-capacity') };
  var STATUS_LOZENGE = {
    under: 'aui-lozenge-complete',
    ok: 'aui-lozenge-success',
    over: 'aui-lozenge-error',
    noCapacity: ''
  };
  var STATUS_HELP = {
    under: AJS.I18n.getText('capacity-tracker.js.panel.below-the-boards-lower-threshold-there'),
    ok: AJS.I18n.getText('capacity-tracker.js.panel.between-the-boards-thresholds'),
    over: AJS.I18n.getText('capacity-tracker.js.panel.above-the-boards-upper-threshold-more'),
    noCapacity: AJS.I18n.getText('capacity-tracker.js.panel.no-capacity-in-this-sprint')
  };
  var SPRINT_STATE = {
    active: { label: AJS.I18n.getText('capacity-tracker.js.panel.active'), lozenge: 'aui-lozenge-success', group: AJS.I18n.getText('capacity-tracker.js.panel.active-sprints') },
    future: { label: AJS.I18n.getText('capacity-tracker.js.panel.future'), lozenge: 'aui-lozenge-complete', group: AJS.I18n.getText('capacity-tracker.js.panel.future-sprints') },
    closed: { label: AJS.I18n.getText('capacity-tracker.js.panel.closed'), lozenge: '', group: AJS.I18n.getText('capacity-tracker.js.panel.closed-sprints') }
  };
  var FIELD_LABELS = {
    accountKey: AJS.I18n.getText('capacity-tracker.js.panel.account-key'),
    role: AJS.I18n.getText('capacity-tracker.js.panel.role'),
    dailyCapacity: AJS.I18n.getText('capacity-tracker.js.panel.daily-capacity'),
    allocation: AJS.I18n.getText('capacity-tracker.js.panel.allocation'),
    start: AJS.I18n.getText('capacity-tracker.js.panel.from'),
    end: AJS.I18n.getText('capacity-tracker.js.panel.to'),
    fraction: AJS.I18n.getText('capacity-tracker.js.panel.part-of-day'),
    reason: AJS.I18n.getText('capacity-tracker.js.panel.reason'),
    unit: AJS.I18n.getText('capacity-tracker.js.panel.unit'),
    estimateSource: AJS.I18n.getText('capacity-tracker.js.panel.workload-from'),
    subtaskPolicy: AJS.I18n.getText('capacity-tracker.js.panel.sub-tasks'),
    timeZone: AJS.I18n.getText('capacity-tracker.js.panel.time-zone'),
    workingWeekdays: AJS.I18n.getText('capacity-tracker.js.panel.working-days'),
    focusFactor: AJS.I18n.getText('capacity-tracker.js.panel.focus-factor'),
    thresholdsUnder: AJS.I18n.getText('capacity-tracker.js.panel.under-used-below'),
    thresholdsOver: AJS.I18n.getText('capacity-tracker.js.panel.over-booked-above'),
    under: AJS.I18n.getText('capacity-tracker.js.panel.under-used-below'),
    over: AJS.I18n.getText('capacity-tracker.js.panel.over-booked-above'),
    date: AJS.I18n.getText('capacity-tracker.js.panel.date'),
    name: AJS.I18n.getText('capacity-tracker.js.panel.name')
  };
  var DAY_FRACTIONS = [
    { value: '1', label: AJS.I18n.getText('capacity-tracker.js.panel.full-day') },
    { value: '0.75', label: AJS.I18n.getText('capacity-tracker.js.panel.three-quarters') },
    { value: '0.5', label: AJS.I18n.getText('capacity-tracker.js.panel.half-day') },
    { value: '0.25', label: AJS.I18n.getText('capacity-tracker.js.panel.quarter-day') }
  ];
  var MEMBER_COLOURS = 8;

  // ---------------------------------------------------------------- DOM helpers

  /** Builds an element; props never go through innerHTML, children are nodes or text. */
  function h(tag, props) {
    var el = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (name) {
        var value = props[name];
        if (value === null || value === undefined || value === false) return;
        if (name === 'class') el.className = value;
        else if (name === 'text') el.textContent = String(value);
        else if (name === 'dataset') Object.keys(value).forEach(function (k) {
          if (value[k] !== null && value[k] !== undefined) el.dataset[k] = String(value[k]);
        });
        else if (name === 'style') Object.keys(value).forEach(function (k) { el.style.setProperty(k, value[k]); });
        else if (name.slice(0, 2) === 'on' && typeof value === 'function') el.addEventListener(name.slice(2), value);
        else if (name === 'value') el.value = String(value);
        else if (name === 'checked' || name === 'disabled' || name === 'selected') el[name] = Boolean(value);
        else el.setAttribute(name, value === true ? '' : String(value));
      });
    }
    for (var i = 2; i < arguments.length; i++) append(el, arguments[i]);
    return el;
  }

  /** Appends each argument after the first: nodes, text, arrays of them; null is skipped. */
  function append(parent) {
    for (var i = 1; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined || child === false) continue;
      if (Array.isArray(child)) child.forEach(function (c) { append(parent, c); });
      else parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
    }
  }

  /** A message with a node in place of its {0}: format it with '\u0001' as the argument, get [text, node, text]. */
  function aroundNode(text, node) {
    var parts = String(text).split('\u0001');
    return [parts[0] || null, node, parts.slice(1).join('') || null];
  }

  function clear(el) {
    while (el.firstChild) el.removeChild(el.firstChild);
  }

  function message(kind, title, body, extra) {
    return h('div', Object.assign({ class: 'aui-message aui-message-' + kind + ' ct-message', role: kind === 'error' ? 'alert' : 'status' }, extra || {}),
      title ? h('p', { class: 'title' }, h('strong', { text: title })) : null,
      body);
  }

  function lozenge(text, cls, title) {
    return h('span', { class: 'aui-lozenge ' + (cls || ''), title: title || null, text: text });
  }

  // ---------------------------------------------------------------- formatting

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

  function formatPercent(value) {
    if (value === null || value === undefined) return '—';
    return Number(value).toFixed(1) + '%';
  }

  function formatDayCount(n) {
    if (!n) return '—';
    var rounded = Math.round(n * 100) / 100;
    return rounded === 1 ? AJS.I18n.getText('capacity-tracker.js.panel.quantity.day', rounded) : AJS.I18n.getText('capacity-tracker.js.panel.quantity.days', rounded);
  }

  function locale() {
    return document.documentElement.lang || undefined;
  }

  function isoToUtcDate(iso) {
    var p = String(iso).slice(0, 10).split('-');
    return new Date(Date.UTC(Number(p[0]), Number(p[1]) - 1, Number(p[2])));
  }

  function formatDate(iso, opts) {
    try {
      return new Intl.DateTimeFormat(locale(), Object.assign({ timeZone: 'UTC' }, opts)).format(isoToUtcDate(iso));
    } catch (e) {
      return String(iso);
    }
  }

  function longDate(iso) {
    return formatDate(iso, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
  }

  /** Today's date in the board's time zone, as YYYY-MM-DD. */
  function todayIn(timeZone) {
    try {
      var parts = new Intl.DateTimeFormat('en-US', { timeZone: timeZone || 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' })
        .formatToParts(new Date());
      var get = function (type) { return parts.filter(function (p) { return p.type === type; })[0].value; };
      return get('year') + '-' + get('month') + '-' + get('day');
    } catch (e) {
      return new Date().toISOString().slice(0, 10);
    }
  }

  /** Jira writes offsets as +0100; Date.parse wants +01:00. */
  function instantMillis(text) {
    if (!text) return NaN;
    return Date.parse(String(text).replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  }

  /** A role's colour as a dot; the engine has checked it is #RRGGBB. */
  function colourDot(colour) {
    if (!colour || !/^#[0-9A-Fa-f]{6}$/.test(colour)) return null;
    return h('span', { class: 'ct-role-dot', 'aria-hidden': 'true', style: { 'background-color': colour } });
  }

  /**
   * Gives a member the role called `name`: the id of the board's role of that name, else the
   * name itself, which makes the engine add the role (or name the field if it is invalid).
   */
  function assignRole(member, name, doc) {
    var roles = doc.roles || [];
    var match = roles.filter(function (r) { return r.name === name; })[0];
    if (match) {
      member.roleId = match.id;
      delete member.role;
    } else if (doc.roles) {
      delete member.roleId;
      member.role = name;
    } else {
      member.role = name;
    }
  }

  function fractionMark(fraction) {
    return fraction === 0.5 ? '\u00bd' : Math.round(fraction * 100) + '%';
  }

  function initials(name) {
    var words = String(name || '?').trim().split(/\s+/).filter(Boolean);
    var first = words[0] ? words[0].charAt(0) : '?';
    var last = words.length > 1 ? words[words.length - 1].charAt(0) : '';
    return (first + last).toUpperCase();
  }

  function humanField(field) {
    if (!field) return '';
    var last = String(field).split('.').pop().replace(/\[\d+\]$/, '');
    return FIELD_LABELS[last] || last;
  }

  /** The engine's messages start with the field path; the form already shows the label. */
  function stripFieldPath(text, field) {
    var msg = String(text || '');
    if (field && msg.indexOf(field + ':') === 0) msg = msg.slice(field.length + 1).trim();
    return msg.charAt(0).toUpperCase() + msg.slice(1);
  }

  // ---------------------------------------------------------------- REST

  function ApiError(status, body, text) {
    this.status = status;
    this.body = body || null;
    this.field = body && typeof body.field === 'string' && body.field ? body.field : null;
    this.code = body && body.error ? body.error : null;
    this.currentRevision = body && body.currentRevision !== undefined ? body.currentRevision : null;
    var msg = body && (body.message || (Array.isArray(body.errorMessages) && body.errorMessages.join(' ')));
    this.message = msg || text || AJS.I18n.getText('capacity-tracker.js.panel.error.http', status);
  }
  ApiError.prototype = Object.create(Error.prototype);
  ApiError.prototype.constructor = ApiError;

  function Api(contextPath) {
    this.base = contextPath || '';
  }

  Api.prototype.request = function (method, path, body) {
    var headers = { Accept: 'application/json' };
    var init = { method: method, headers: headers, credentials: 'same-origin' };
    if (method !== 'GET') {
      // Jira's XSRF rule: writes need this header (or a JSON content type); we send both.
      headers['X-Atlassian-Token'] = 'no-check';
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body === undefined ? {} : body);
    }
    return fetch(this.base + path, init).then(function (res) {
      return res.text().then(function (text) {
        var json = null;
        if (text) {
          try { json = JSON.parse(text); } catch (e) { json = null; }
        }
        if (!res.ok) throw new ApiError(res.status, json, res.status >= 500 ? null : text.slice(0, 300));
        return json;
      });
    }, function (err) {
      throw new ApiError(0, null, AJS.I18n.getText('capacity-tracker.js.panel.error.unreachable', err && err.message ? err.message : AJS.I18n.getText('capacity-tracker.js.panel.network-error')));
    });
  };

  Api.prototype.get = function (path) { return this.request('GET', path); };
  Api.prototype.put = function (path, body) { return this.request('PUT', path, body); };
  Api.prototype.post = function (path, body) { return this.request('POST', path, body); };

  function enc(v) { return encodeURIComponent(String(v)); }

  // ---------------------------------------------------------------- the one piece of logic

  /** A Jira issue as an engine work item (docs/json-api.md, "items[]"). */
  function toWorkItem(issue, pointsField) {
    var f = issue.fields || {};
    var category = f.status && f.status.statusCategory ? f.status.statusCategory.key : null;
    // Jira's fourth category ("undefined", no category) is work not yet done.
    if (category !== 'new' && category !== 'indeterminate' && category !== 'done') category = 'new';
    var points = f[pointsField];
    return {
      key: issue.key,
      assignee: f.assignee ? (f.assignee.key || f.assignee.name || null) : null,
      statusCategory: category,
      remainingSeconds: typeof f.timeestimate === 'number' ? f.timeestimate : null,
      originalSeconds: typeof f.timeoriginalestimate === 'number' ? f.timeoriginalestimate : null,
      storyPoints: typeof points === 'number' ? points : null,
      parent: f.parent && f.parent.key ? f.parent.key : null,
      subtask: Boolean(f.issuetype && f.issuetype.subtask)
    };
  }

  /** Every issue of a sprint with the fields the mapping reads, page by page. */
  function fetchSprintIssues(api, sprintId, pointsField) {
    var fields = ISSUE_FIELDS.concat([pointsField]).join(',');
    var base = '/rest/agile/1.0/sprint/' + enc(sprintId) + '/issue?fields=' + enc(fields) + '&maxResults=' + ISSUE_PAGE;
    var all = [];
    function page(startAt, n) {
      return api.get(base + '&startAt=' + startAt).then(function (res) {
        var issues = (res && res.issues) || [];
        Array.prototype.push.apply(all, issues);
        var total = typeof res.total === 'number' ? res.total : all.length;
        if (issues.length && startAt + issues.length < total && n < MAX_PAGES) return page(startAt + issues.length, n + 1);
        return all;
      });
    }
    return page(0, 1);
  }

  /** The `values` of every page of a Jira Agile list (boards, sprints). */
  function fetchAgilePages(api, path, pageSize) {
    var all = [];
    var sep = path.indexOf('?') >= 0 ? '&' : '?';
    function page(startAt, n) {
      return api.get(path + sep + 'startAt=' + startAt + '&maxResults=' + pageSize).then(function (res) {
        var values = (res && res.values) || [];
        Array.prototype.push.apply(all, values);
        if (res.isLast === false && values.length && n < MAX_PAGES) return page(startAt + values.length, n + 1);
        return all;
      });
    }
    return page(0, 1);
  }

  function sprintOrder(a, b) {
    var rank = { active: 0, future: 1, closed: 2 };
    var ra = rank[a.state] === undefined ? 3 : rank[a.state];
    var rb = rank[b.state] === undefined ? 3 : rank[b.state];
    if (ra !== rb) return ra - rb;
    if (a.state === 'closed') {
      // Newest first: when it was completed, else when it was planned to end.
      var ca = instantMillis(a.completeDate || a.endDate || a.startDate);
      var cb = instantMillis(b.completeDate || b.endDate || b.startDate);
      if (!isNaN(ca) && !isNaN(cb) && ca !== cb) return cb - ca;
      return b.id - a.id;
    }
    var sa = instantMillis(a.startDate);
    var sb = instantMillis(b.startDate);
    if (isNaN(sa) !== isNaN(sb)) return isNaN(sa) ? 1 : -1;
    if (!isNaN(sa) && sa !== sb) return sa - sb;
    return a.id - b.id;
  }

  // ---------------------------------------------------------------- the panel

  function Panel(root) {
    this.root = root;
    this.boardId = root.getAttribute('data-board-id') || '';
    this.contextPath = (root.getAttribute('data-context-path') || '').replace(/\/+$/, '');
    this.currentUser = root.getAttribute('data-current-user') || '';
    this.currentUserKey = root.getAttribute('data-current-user-key') || this.currentUser;
    this.projectKey = root.getAttribute('data-project-key') || '';
    this.idRules = JSON.parse(root.getAttribute('data-id-rules') || '{}'); // the engine's, from the page
    this.boards = [];
    this.api = new Api(this.contextPath);
    this.board = null;
    this.sprints = [];
    this.sprint = null;
    this.pointsField = DEFAULT_POINTS_FIELD;
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
      var boardId = new RegExp(self.idRules.boardId.pattern);
      self.boards = boards.filter(function (b) { return boardId.test(String(b.id)); });
      return self.boards;
    });
  };

  Panel.prototype.switchBoard = function (boardId) {
    var self = this;
    this.boardId = String(boardId);
    this.board = null;
    this.sprints = [];
    this.sprint = null;
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
      self.sprints = res[1].slice().sort(sprintOrder);
      var est = res[2] && res[2].estimation && res[2].estimation.field;
      if (est && typeof est.fieldId === 'string' && /^customfield_\d+$/.test(est.fieldId)) self.pointsField = est.fieldId;
      self.renderHeader();
      if (!self.sprints.length) {
        // Board settings stay reachable: a team can be set up before its first sprint.
        return self.loadSettings().then(function () { self.render(); });
      }
      var wanted = new URLSearchParams(window.location.search).get('sprintId');
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
      // Jira answers 400 for boards that cannot have sprints (Kanban).
      if (err.status === 400) return [];
      throw err;
    });
  };

  Panel.prototype.loadSprintIssues = function (sprintId) {
    return fetchSprintIssues(this.api, sprintId, this.pointsField);
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
    return Promise.all([this.loadSettings(), this.loadSprintIssues(sprint.id), this.loadTeam(sprint.id)]).then(function (res) {
      if (token !== self.loadToken) return null;
      self.issues = res[1];
      self.issuesByKey = {};
      self.issues.forEach(function (issue) {
        self.issuesByKey[issue.key] = issue;
        var a = issue.fields && issue.fields.assignee;
        var key = a && (a.key || a.name);
        if (key && a.displayName && !self.users[key]) self.users[key] = { displayName: a.displayName, avatarUrls: a.avatarUrls };
      });
      return Promise.all([self.loadPeople(), self.computeReport()]).then(function () {
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
    if (sprint.state === 'active') iteration.asOf = todayIn(this.settings && this.settings.timeZone);
    var pointsField = this.pointsField;
    var body = {
      iteration: iteration,
      items: this.issues.map(function (issue) { return toWorkItem(issue, pointsField); })
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

  // ---------------------------------------------------------------- rendering: frame

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
    if (this.sprints.length) {
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

  // ---------------------------------------------------------------- rendering: body

  Panel.prototype.render = function () {
    this.body.classList.remove('ct-busy');
    this.body.removeAttribute('aria-busy');
    clear(this.body);
    var report = this.report;
    if (!this.sprint) {
      if (this.showSettings && this.settings) append(this.body, this.renderBoardSettings(true));
      append(this.body, message('info', AJS.I18n.getText('capacity-tracker.js.panel.this-board-has-no-sprints'),
        h('p', { text: AJS.I18n.getText('capacity-tracker.js.panel.capacity-is-planned-per-sprint-create') }),
        { 'data-testid': 'no-sprints' }));
      return;
    }
    append(this.body, this.renderSprintSummary());
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
  };

  Panel.prototype.renderSprintSummary = function () {
    var sprint = this.sprint;
    var report = this.report;
    var state = SPRINT_STATE[sprint.state] || { label: sprint.state || AJS.I18n.getText('capacity-tracker.js.panel.sprint'), lozenge: '' };
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

  function utilisationBar(value, status, testid) {
    var width = value === null || value === undefined ? 0 : Math.max(0, Math.min(100, value));
    var bar = h('div', {
      class: 'aui-progress-indicator aui-progress-indicator-static ct-bar ct-status-' + status,
      'data-value': String(width / 100),
      'data-testid': testid || null,
      role: 'img',
      'aria-label': AJS.I18n.getText('capacity-tracker.js.panel.utilisation.bar-label', formatPercent(value), STATUS_LABEL[status] || status)
    }, h('span', { class: 'aui-progress-indicator-value', style: { width: width + '%' } }));
    if (value > 100) bar.classList.add('ct-bar-overflow');
    return bar;
  }

  function statusLozenge(status, testid) {
    return h('span', {
      class: 'aui-lozenge ' + (STATUS_LOZENGE[status] || '') + ' ct-status-lozenge',
      title: STATUS_HELP[status] || null,
      'data-testid': testid || null,
      'data-status': status,
      text: STATUS_LABEL[status] || status
    });
  }

  /** Remaining capacity is worth showing while today lies inside the sprint. */
  function remainingShown(report) {
    var asOf = report && report.iteration.asOf;
    return Boolean(report && typeof report.team.remainingCapacity === 'number' && asOf &&
      asOf >= report.iteration.firstDate && asOf <= report.iteration.lastDate);
  }

  Panel.prototype.renderTotals = function (report) {
    var t = report.team;
    function card(label, testid, value, raw, sub, extraClass) {
      return h('div', { class: 'ct-card ' + (extraClass || '') },
        h('div', { class: 'ct-card-label', text: label }),
        h('div', { class: 'ct-card-value', 'data-testid': testid, 'data-value': raw === undefined ? null : String(raw), text: value }),
        sub);
    }
    var remaining = h('div', { class: 'ct-card-sub', text: AJS.I18n.getText('capacity-tracker.js.panel.plannable-time-of-the-team') });
    if (remainingShown(report)) {
      remaining = h('div', { class: 'ct-card-sub', 'data-testid': 'team-remaining', 'data-value': String(t.remainingCapacity) },
        AJS.I18n.getText('capacity-tracker.js.panel.totals.left-from-today', formatQuantity(t.remainingCapacity, report)));
    }
    var freeSub = h('div', { class: 'ct-card-sub', text: t.free < 0 ? AJS.I18n.getText('capacity-tracker.js.panel.over-capacity') : AJS.I18n.getText('capacity-tracker.js.panel.not-yet-planned') });
    var util = h('div', { class: 'ct-card ct-card-util ct-status-' + t.status, 'data-testid': 'team-status', 'data-status': t.status },
      h('div', { class: 'ct-card-label' }, AJS.I18n.getText('capacity-tracker.js.panel.utilisation')),
      h('div', { class: 'ct-card-value' },
        h('span', { 'data-testid': 'team-utilisation', 'data-value': t.utilisation === null ? '' : String(t.utilisation), text: formatPercent(t.utilisation) }),
        ' ', statusLozenge(t.status)),
      utilisationBar(t.utilisation, t.status, 'team-bar'));
    return h('section', { class: 'ct-totals', 'aria-label': AJS.I18n.getText('capacity-tracker.js.panel.team-totals'), 'data-testid': 'team-totals' },
      card(AJS.I18n.getText('capacity-tracker.js.panel.capacity'), 'team-capacity', formatQuantity(t.capacity, report), t.capacity, remaining),
      card(AJS.I18n.getText('capacity-tracker.js.panel.workload'), 'team-workload', formatQuantity(t.workload, report), t.workload,
        h('div', { class: 'ct-card-sub', text: report.unit === 'storyPoints' ? AJS.I18n.getText('capacity-tracker.js.panel.story-points-not-done') : AJS.I18n.getText('capacity-tracker.js.panel.estimate-remaining') })),
      card(AJS.I18n.getText('capacity-tracker.js.panel.free'), 'team-free', formatQuantity(t.free, report), t.free, freeSub, t.free < 0 ? 'ct-negative' : ''),
      util);
  };

  Panel.prototype.renderWarnings = function (warnings) {
    var list = h('ul', { class: 'ct-warning-list' });
    warnings.forEach(function (w) {
      append(list, h('li', { 'data-code': w.code || null, text: w.message }));
    });
    return message('warning', warnings.length === 1 ? AJS.I18n.getText('capacity-tracker.js.panel.worth-a-look') : AJS.I18n.getText('capacity-tracker.js.panel.warnings.count', warnings.length), list, { 'data-testid': 'warnings' });
  };

  // ---------------------------------------------------------------- members

  Panel.prototype.avatar = function (key) {
    var name = this.displayName(key);
    var colour = 'ct-colour-' + (this.memberIndex(key) % MEMBER_COLOURS);
    return h('span', { class: 'ct-avatar ' + colour, 'aria-hidden': 'true', text: initials(name) });
  };

  Panel.prototype.memberIndex = function (key) {
    var members = (this.settings && this.settings.members) || [];
    for (var i = 0; i < members.length; i++) if (members[i].accountKey === key) return i;
    // People on this sprint only come after the board's team, so their colours differ too.
    var added = this.sprintAdded();
    for (var a = 0; a < added.length; a++) if (added[a].accountKey === key) return members.length + a;
    var h32 = 0;
    for (var j = 0; j < key.length; j++) h32 = (h32 * 31 + key.charCodeAt(j)) >>> 0;
    return h32;
  };

  Panel.prototype.renderMembers = function (report) {
    var self = this;
    var members = (this.settings && this.settings.members) || [];
    var byKey = {};
    if (report) report.members.forEach(function (m) { byKey[m.accountKey] = m; });

    var addButton = h('button', {
      type: 'button', class: 'aui-button', 'data-testid': 'add-member-button',
      'aria-expanded': this.adding ? 'true' : 'false',
      onclick: function () { self.adding = self.adding ? null : { accountKey: '' }; self.editing = null; self.notice = null; self.templateBox = null; self.render(); }
    }, h('span', { class: 'ct-plus', 'aria-hidden': 'true', text: '+' }), ' ' + AJS.I18n.getText('capacity-tracker.js.panel.add-member'));

    var actions = h('div', { class: 'ct-section-actions' });
    if (this.sprint && this.team) {
      var previous = this.previousSprint();
      if (previous) {
        append(actions, h('button', { type: 'button', class: 'aui-button', 'data-testid': 'copy-team-button',
          title: AJS.I18n.getText('capacity-tracker.js.panel.copy-team.title', previous.name, this.sprint.name),
          onclick: function () { self.copyTeamClicked(previous); } }, AJS.I18n.getText('capacity-tracker.js.panel.copy-team.button', previous.name)));
      }
      append(actions, h('button', { type: 'button', class: 'aui-button' + (this.templateBox ? ' active' : ''), 'data-testid': 'apply-template-button',
        'aria-expanded': this.templateBox ? 'true' : 'false',
        onclick: function () { self.toggleTemplateBox(); } }, AJS.I18n.getText('capacity-tracker.js.panel.apply-template-open')));
    }
    append(actions, addButton);

    var section = h('section', { class: 'ct-section ct-members', 'aria-label': AJS.I18n.getText('capacity-tracker.js.panel.team-members') },
      h('div', { class: 'ct-section-head' },
        h('h3', { text: AJS.I18n.getText('capacity-tracker.js.panel.team-members') }),
        h('span', { class: 'ct-hint', text: AJS.I18n.getText('capacity-tracker.js.panel.select-a-person-to-change-their') }),
        actions));

    if (this.teamError) {
      append(section, message('warning', AJS.I18n.getText('capacity-tracker.js.panel.this-sprints-own-team-changes-could'),
        h('p', { text: AJS.I18n.getText('capacity-tracker.js.panel.team-error.board-team-shown', this.teamError.message) }), { 'data-testid': 'team-error' }));
    }
    if (this.copyConfirm) append(section, this.renderCopyConfirm());
    if (this.templateBox) append(section, this.renderTemplateBox());
    var changes = (this.team && this.team.members) || [];
    if (changes.length) {
      append(section, h('p', { class: 'ct-sprint-changes', 'data-testid': 'sprint-changes-note', 'data-count': String(changes.length) },
        h('span', { class: 'ct-reading-icon', 'aria-hidden': 'true', text: 'i' }),
        h('span', { text: changes.length === 1 ? AJS.I18n.getText('capacity-tracker.js.panel.sprint-team.one-change', this.sprint.name) :
          AJS.I18n.getText('capacity-tracker.js.panel.sprint-team.changes', changes.length, this.sprint.name) })));
    }

    var table = h('table', { class: 'aui aui-table-interactive ct-table', 'data-testid': 'members-table' },
      h('thead', null, h('tr', null,
        h('th', { scope: 'col', text: AJS.I18n.getText('capacity-tracker.js.panel.member') }),
        h('th', { scope: 'col', text: AJS.I18n.getText('capacity-tracker.js.panel.role') }),
        h('th', { scope: 'col', class: 'ct-num', text: AJS.I18n.getText('capacity-tracker.js.panel.days-off') }),
        h('th', { scope: 'col', class: 'ct-num', text: remainingShown(report) ? AJS.I18n.getText('capacity-tracker.js.panel.capacity-left') : AJS.I18n.getText('capacity-tracker.js.panel.capacity') }),
        h('th', { scope: 'col', class: 'ct-num', text: AJS.I18n.getText('capacity-tracker.js.panel.workload') }),
        h('th', { scope: 'col', class: 'ct-num', text: AJS.I18n.getText('capacity-tracker.js.panel.free') }),
        h('th', { scope: 'col', class: 'ct-util-col', text: AJS.I18n.getText('capacity-tracker.js.panel.utilisation') }))));
    var tbody = h('tbody');
    var entries = members.map(function (m, index) { return { member: m, index: index, change: self.teamChange(m.accountKey) }; });
    this.sprintAdded().forEach(function (c) {
      entries.push({ member: self.addedAsMember(c), index: -1, change: c });
    });
    entries.forEach(function (entry) {
      var key = entry.member.accountKey;
      append(tbody, self.renderMemberRow(entry, byKey[key] || null, report));
      if (self.editing === key) append(tbody, self.renderEditorRow(entry.member, entry.index));
    });
    if (this.adding) append(tbody, this.renderAddRow());
    if (!entries.length && !this.adding) {
      append(tbody, h('tr', { class: 'ct-empty-row' }, h('td', { colspan: '7' },
        h('p', { class: 'ct-empty', text: AJS.I18n.getText('capacity-tracker.js.panel.nobody-is-on-this-boards-team') }))));
    }
    append(table, tbody);
    if (report && entries.length) {
      var t = report.team;
      append(table, h('tfoot', null, h('tr', { class: 'ct-total-row', 'data-testid': 'team-row' },
        h('th', { scope: 'row', colspan: '3', text: AJS.I18n.getText('capacity-tracker.js.panel.team') }),
        h('td', { class: 'ct-num' }, formatQuantity(t.capacity, report),
          remainingShown(report) ? h('span', { class: 'ct-sub', text: AJS.I18n.getText('capacity-tracker.js.panel.quantity.left', formatQuantity(t.remainingCapacity, report)) }) : null),
        h('td', { class: 'ct-num', text: formatQuantity(t.workload, report) }),
        h('td', { class: 'ct-num' + (t.free < 0 ? ' ct-negative' : ''), text: formatQuantity(t.free, report) }),
        h('td', { class: 'ct-util-col' }, this.utilisationCell(t.utilisation, t.status)))));
    }
    append(section, table);
    return section;
  };

  Panel.prototype.utilisationCell = function (value, status) {
    return h('div', { class: 'ct-util' },
      utilisationBar(value, status),
      h('span', { class: 'ct-util-value', 'data-testid': 'utilisation', 'data-value': value === null ? '' : String(value), text: formatPercent(value) }),
      statusLozenge(status, 'status'));
  };

  Panel.prototype.renderMemberRow = function (entry, r, report) {
    var self = this;
    var member = entry.member;
    var key = member.accountKey;
    var open = this.editing === key;
    var name = this.displayName(key);
    var user = this.users[key];
    var removedHere = Boolean(entry.change && entry.change.action === 'remove');
    var sprintName = this.sprint ? this.sprint.name : AJS.I18n.getText('capacity-tracker.js.panel.this-sprint');
    var tag = null;
    var skipped = entry.change ? this.skippedChange(key) : null;
    if (skipped) {
      tag = h('span', { class: 'aui-lozenge aui-lozenge-subtle aui-lozenge-error ct-change-tag', 'data-testid': 'iteration-change', 'data-change': 'skipped',
        title: AJS.I18n.getText('capacity-tracker.js.panel.change-tag.skipped', skipped), text: AJS.I18n.getText('capacity-tracker.js.panel.change-not-applied') });
    } else if (removedHere) {
      tag = h('span', { class: 'aui-lozenge aui-lozenge-subtle aui-lozenge-removed ct-change-tag', 'data-testid': 'iteration-change', 'data-change': 'removed',
        title: AJS.I18n.getText('capacity-tracker.js.panel.change-tag.removed', sprintName), text: AJS.I18n.getText('capacity-tracker.js.panel.not-in-this-sprint') });
    } else if (r && r.iterationChange) {
      var added = r.iterationChange === 'added';
      tag = h('span', { class: 'aui-lozenge aui-lozenge-subtle ' + (added ? 'aui-lozenge-new' : 'aui-lozenge-moved') + ' ct-change-tag',
        'data-testid': 'iteration-change', 'data-change': r.iterationChange,
        title: (added ? AJS.I18n.getText('capacity-tracker.js.panel.change-tag.added', sprintName) : AJS.I18n.getText('capacity-tracker.js.panel.change-tag.changed', sprintName)),
        text: added ? AJS.I18n.getText('capacity-tracker.js.panel.added-this-sprint') : AJS.I18n.getText('capacity-tracker.js.panel.changed-this-sprint') });
    }
    var terms = r && !removedHere ? this.reportTerms(r, report) : this.memberTerms(member);
    var who = h('div', { class: 'ct-who' },
      this.avatar(key),
      h('div', { class: 'ct-who-text' },
        h('span', { class: 'ct-name' }, h('span', { 'data-testid': 'member-name', text: name }),
          key === this.currentUserKey ? lozenge(AJS.I18n.getText('capacity-tracker.js.panel.you'), 'aui-lozenge-subtle ct-you') : null, tag),
        h('span', { class: 'ct-sub', text: (name !== key ? key + ' · ' : '') + terms }),
        user && user.missing ? h('span', { class: 'ct-sub ct-negative', text: AJS.I18n.getText('capacity-tracker.js.panel.no-jira-user-has-this-key') }) : null));
    var offText = '—';
    var offTitle = null;
    if (r) {
      offText = formatDayCount(r.daysOff);
      if (r.holidays) offTitle = AJS.I18n.getText('capacity-tracker.js.panel.days-off.title-with-holidays', formatDayCount(r.holidays), r.workingDays);
      else offTitle = AJS.I18n.getText('capacity-tracker.js.panel.days-off.title', r.workingDays);
    }
    var row = h('tr', {
      class: 'ct-member-row' + (open ? ' ct-open' : '') + (removedHere ? ' ct-removed-row' : ''),
      'data-testid': 'member-row',
      'data-account-key': key,
      'data-status': r ? r.status : null,
      'data-iteration-change': removedHere ? 'removed' : (r && r.iterationChange) || null,
      tabindex: '0',
      'aria-expanded': open ? 'true' : 'false',
      title: open ? null : AJS.I18n.getText('capacity-tracker.js.panel.member.edit', name),
      onclick: function () { self.toggleEditor(key); },
      onkeydown: function (e) {
        if (e.target === row && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); self.toggleEditor(key); }
      }
    },
    h('td', null, who),
    h('td', null, this.roleSwatch(r && r.roleId ? { roleId: r.roleId } : member), h('span', { 'data-testid': 'role', text: r && r.role ? r.role : this.roleName(member) })),
    h('td', { class: 'ct-num', 'data-testid': 'days-off', 'data-value': r ? String(r.daysOff) : null, title: offTitle },
      offText, r && r.holidays ? h('span', { class: 'ct-sub', text: AJS.I18n.getText('capacity-tracker.js.panel.days-off.plus-holidays', formatDayCount(r.holidays)) }) : null),
    h('td', { class: 'ct-num' },
      h('span', { 'data-testid': 'capacity', 'data-value': r ? String(r.capacity) : null, text: r ? formatQuantity(r.capacity, report) : '—' }),
      r && remainingShown(report) ? h('span', { class: 'ct-sub', 'data-testid': 'remaining', 'data-value': String(r.remainingCapacity),
        title: AJS.I18n.getText('capacity-tracker.js.panel.capacity-from-today-to-the-end'), text: AJS.I18n.getText('capacity-tracker.js.panel.quantity.left', formatQuantity(r.remainingCapacity, report)) }) : null),
    h('td', { class: 'ct-num', 'data-testid': 'workload', 'data-value': r ? String(r.workload) : null, text: r ? formatQuantity(r.workload, report) : '—' }),
    h('td', { class: 'ct-num' + (r && r.free < 0 ? ' ct-negative' : ''), 'data-testid': 'free', 'data-value': r ? String(r.free) : null, text: r ? formatQuantity(r.free, report) : '—' }),
    h('td', { class: 'ct-util-col' }, r ? this.utilisationCell(r.utilisation, r.status) :
      h('span', { class: 'ct-sub', text: removedHere ? AJS.I18n.getText('capacity-tracker.js.panel.not-on-the-team-in-this') : '—' })));
    return row;
  };

  /** A member's terms as the report applied them (this sprint's changes included). */
  Panel.prototype.reportTerms = function (r, report) {
    var perDay = report.baseUnit === 'minute' ? r.dailyCapacity / 60 : r.dailyCapacity / 100;
    var perDayText = String(Math.round(perDay * 100) / 100);
    var daily = report.unit === 'storyPoints' ? AJS.I18n.getText('capacity-tracker.js.panel.quantity.points-per-day', perDayText) : AJS.I18n.getText('capacity-tracker.js.panel.quantity.hours-per-day', perDayText);
    var alloc = typeof r.allocation === 'number' ? r.allocation : 100;
    return alloc !== 100 ? AJS.I18n.getText('capacity-tracker.js.panel.member.terms-at-allocation', daily, Math.round(alloc * 10) / 10) : daily;
  };

  /** A member's role name: schema 2 members point at a role by id, schema 1 named it. */
  Panel.prototype.roleName = function (member) {
    if (member.role) return member.role;
    var roles = (this.settings && this.settings.roles) || [];
    for (var i = 0; i < roles.length; i++) if (roles[i].id === member.roleId) return roles[i].name;
    return member.roleId || '';
  };

  Panel.prototype.roleSwatch = function (member) {
    var roles = (this.settings && this.settings.roles) || [];
    for (var i = 0; i < roles.length; i++) if (roles[i].id === member.roleId) return colourDot(roles[i].colour);
    return null;
  };

  Panel.prototype.unitPerDay = function () {
    return this.settings && this.settings.unit === 'storyPoints' ? AJS.I18n.getText('capacity-tracker.js.panel.points-a-day') : 'h a day';
  };

  Panel.prototype.memberTerms = function (member) {
    var daily = this.settings && this.settings.unit === 'storyPoints' ? AJS.I18n.getText('capacity-tracker.js.panel.quantity.points-per-day', String(member.dailyCapacity)) : AJS.I18n.getText('capacity-tracker.js.panel.quantity.hours-per-day', String(member.dailyCapacity));
    var alloc = member.allocation === undefined || member.allocation === null ? 100 : member.allocation;
    return alloc !== 100 ? AJS.I18n.getText('capacity-tracker.js.panel.member.terms-at-allocation', daily, alloc) : daily;
  };

  Panel.prototype.toggleEditor = function (key) {
    this.editing = this.editing === key ? null : key;
    this.adding = null;
    this.notice = null;
    this.render();
    if (this.editing) {
      var first = this.body.querySelector('[data-testid="member-editor"] input[name="dailyCapacity"]');
      if (first) first.focus();
    }
  };

  // ---------------------------------------------------------------- forms

  function fieldGroup(label, id, input, suffix, help) {
    return h('div', { class: 'field-group ct-field', 'data-field-name': input.name },
      h('label', { for: id, text: label }),
      suffix ? h('span', { class: 'ct-input-suffix' }, input, h('span', { class: 'ct-suffix', text: suffix })) : input,
      help ? h('div', { class: 'description', text: help }) : null,
      h('div', { class: 'error ct-field-error', 'data-testid': 'field-error', hidden: true }));
  }

  function textInput(id, name, value, extra) {
    return h('input', Object.assign({ class: 'text', type: 'text', id: id, name: name, value: value === undefined || value === null ? '' : value }, extra || {}));
  }

  function numberValue(input) {
    var text = String(input.value).trim();
    // An empty or unreadable number goes to the engine as null, so the engine names the field.
    if (text === '') return null;
    var n = Number(text);
    return isFinite(n) ? n : null;
  }

  /** Clears the previous errors of a form. */
  function resetErrors(form) {
    form.querySelectorAll('.ct-field-error').forEach(function (el) { el.hidden = true; el.textContent = ''; el.removeAttribute('data-field'); });
    form.querySelectorAll('[aria-invalid]').forEach(function (el) { el.removeAttribute('aria-invalid'); });
    var summary = form.querySelector('.ct-form-message');
    if (summary) clear(summary);
  }

  /**
   * Shows a REST error inside the form: next to the input the engine named when it is one
   * of this form's fields, and as a summary naming the field at the top of the form.
   */
  function showFormError(form, err, fieldToInput) {
    resetErrors(form);
    var summary = form.querySelector('.ct-form-message');
    var inputName = err.field ? fieldToInput(err.field) : null;
    var input = inputName ? form.querySelector('[name="' + inputName + '"]') : null;
    var label = err.field ? humanField(inputName || err.field) : null;
    var text = stripFieldPath(err.message, err.field);
    if (input) {
      var group = input.closest('.field-group');
      var slot = group && group.querySelector('.ct-field-error');
      input.setAttribute('aria-invalid', 'true');
      if (slot) {
        slot.textContent = text;
        slot.setAttribute('data-field', err.field);
        slot.hidden = false;
        input.setAttribute('aria-describedby', slot.id || (slot.id = 'ct-err-' + Math.random().toString(36).slice(2)));
      }
      input.focus();
    }
    var title = err.status === 403 ? AJS.I18n.getText('capacity-tracker.js.panel.you-cannot-change-this-boards-capacity') :
      err.status === 413 ? AJS.I18n.getText('capacity-tracker.js.panel.too-much-to-store') : AJS.I18n.getText('capacity-tracker.js.panel.the-change-was-not-saved');
    var detail = label ? text.charAt(0).toLowerCase() + text.slice(1) : text;
    append(summary, message('error', title,
      h('p', { 'data-testid': 'form-error', 'data-field': err.field || null }, label ? h('strong', { text: label + ': ' }) : null, detail),
      { 'data-testid': 'form-error-message' }));
  }

  function setBusy(form, busy) {
    form.querySelectorAll('button, input, select').forEach(function (el) { el.disabled = busy; });
    form.classList.toggle('ct-saving', busy);
    form.setAttribute('aria-busy', busy ? 'true' : 'false');
  }

  function memberFieldMapper(index) {
    return function (field) {
      var m = /^members\[(\d+)\]\.(accountKey|role|roleId|dailyCapacity|allocation)$/.exec(field);
      if (!m || Number(m[1]) !== index) return null;
      return m[2] === 'roleId' ? 'role' : m[2];
    };
  }

  Panel.prototype.roleDatalist = function (id) {
    var roles = {};
    var self = this;
    ((this.settings && this.settings.roles) || []).forEach(function (r) { roles[r.name] = true; });
    ((this.settings && this.settings.members) || []).forEach(function (m) { roles[self.roleName(m)] = true; });
    var list = h('datalist', { id: id });
    Object.keys(roles).sort().forEach(function (r) { append(list, h('option', { value: r })); });
    return list;
  };

  Panel.prototype.renderEditorRow = function (member, index) {
    if (index < 0) return this.renderSprintEditorRow(member);
    var self = this;
    var key = member.accountKey;
    var name = this.displayName(key);
    var unitPerDay = this.unitPerDay();
    var ids = 'ct-edit-' + index;

    var dailyInput = textInput(ids + '-daily', 'dailyCapacity', member.dailyCapacity, { type: 'number', step: 'any', inputmode: 'decimal', 'data-testid': 'daily-capacity-input' });
    var allocInput = textInput(ids + '-alloc', 'allocation', member.allocation === undefined ? 100 : member.allocation, { type: 'number', step: 'any', inputmode: 'decimal', 'data-testid': 'allocation-input' });
    var roleInput = textInput(ids + '-role', 'role', this.roleName(member), { list: ids + '-roles', 'data-testid': 'role-input', autocomplete: 'off' });

    var removeZone = h('div', { class: 'ct-remove-zone' });
    function showRemove() {
      clear(removeZone);
      append(removeZone, h('button', { type: 'button', class: 'aui-button aui-button-subtle ct-danger-link', 'data-testid': 'remove-member',
        onclick: function () {
          clear(removeZone);
          append(removeZone,
            h('span', { class: 'ct-confirm-text', text: AJS.I18n.getText('capacity-tracker.js.panel.member.remove-confirm', name) }),
            h('button', { type: 'button', class: 'aui-button ct-danger', 'data-testid': 'confirm-remove-member', onclick: function () { self.removeMember(form, key); } }, AJS.I18n.getText('capacity-tracker.js.panel.remove')),
            h('button', { type: 'button', class: 'aui-button aui-button-link', onclick: showRemove }, AJS.I18n.getText('capacity-tracker.js.panel.keep')));
        } }, AJS.I18n.getText('capacity-tracker.js.panel.remove-from-team')));
    }
    showRemove();

    var form = h('form', { class: 'aui ct-form', novalidate: true, 'data-testid': 'member-form',
      onsubmit: function (e) {
        e.preventDefault();
        self.saveMember(form, key, { role: roleInput.value.trim(), dailyCapacity: numberValue(dailyInput), allocation: numberValue(allocInput) });
      } },
      h('h4', { text: AJS.I18n.getText('capacity-tracker.js.panel.capacity-on-this-board') }),
      h('div', { class: 'ct-form-message' }),
      fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.role'), ids + '-role', roleInput),
      this.roleDatalist(ids + '-roles'),
      fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.daily-capacity'), ids + '-daily', dailyInput, unitPerDay, AJS.I18n.getText('capacity-tracker.js.panel.on-each-working-day-before-allocation')),
      fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.allocation'), ids + '-alloc', allocInput, '%', AJS.I18n.getText('capacity-tracker.js.panel.share-of-their-time-given-to')),
      h('div', { class: 'buttons-container' }, h('div', { class: 'buttons' },
        h('button', { type: 'submit', class: 'aui-button aui-button-primary', 'data-testid': 'save-member' }, AJS.I18n.getText('capacity-tracker.js.panel.save')),
        h('button', { type: 'button', class: 'aui-button aui-button-link', onclick: function () { self.toggleEditor(key); } }, AJS.I18n.getText('capacity-tracker.js.panel.cancel')))),
      removeZone);

    var notice = this.notice && this.notice.key === key ? message(this.notice.kind, this.notice.title,
      this.notice.text ? h('p', { text: this.notice.text }) : null, { 'data-testid': 'editor-notice' }) : null;

    return h('tr', { class: 'ct-editor-row' }, h('td', { colspan: '7' },
      h('div', { class: 'ct-editor', 'data-testid': 'member-editor', 'data-account-key': key, role: 'region', 'aria-label': AJS.I18n.getText('capacity-tracker.js.panel.member.edit', name) },
        h('div', { class: 'ct-editor-head' },
          h('h3', { text: name }),
          h('button', { type: 'button', class: 'aui-button aui-button-subtle ct-close-editor', 'aria-label': AJS.I18n.getText('capacity-tracker.js.panel.close'), title: AJS.I18n.getText('capacity-tracker.js.panel.close'), text: '\u00d7',
            onclick: function () { self.toggleEditor(key); } })),
        notice,
        h('div', { class: 'ct-editor-grid' }, h('div', { class: 'ct-editor-col' }, form, this.renderSprintForm(member)),
          this.renderDaysOffEditor(key, name)))));
  };

  Panel.prototype.renderDaysOffEditor = function (key, name) {
    var self = this;
    var doc = this.daysOff[key];
    var box = h('div', { class: 'ct-daysoff', 'data-testid': 'days-off-editor' },
      h('h4', { text: AJS.I18n.getText('capacity-tracker.js.panel.days-off') }),
      h('p', { class: 'ct-hint', text: AJS.I18n.getText('capacity-tracker.js.panel.days-off.every-board', name) }));
    if (!doc) {
      append(box, message('warning', null, h('p', { text: AJS.I18n.getText('capacity-tracker.js.panel.the-days-off-could-not-be') })));
      return box;
    }
    var ranges = doc.ranges.map(function (r, i) { return { range: r, index: i }; });
    ranges.sort(function (a, b) { return a.range.start < b.range.start ? -1 : a.range.start > b.range.start ? 1 : a.index - b.index; });
    var first = this.report ? this.report.iteration.firstDate : null;
    var last = this.report ? this.report.iteration.lastDate : null;
    var listForm = h('form', { class: 'aui ct-form', novalidate: true, onsubmit: function (e) { e.preventDefault(); } },
      h('div', { class: 'ct-form-message' }));
    if (ranges.length) {
      var table = h('table', { class: 'aui ct-table ct-daysoff-table', 'data-testid': 'days-off-list' },
        h('thead', null, h('tr', null, h('th', { text: AJS.I18n.getText('capacity-tracker.js.panel.dates') }), h('th', { text: AJS.I18n.getText('capacity-tracker.js.panel.part') }), h('th', { text: AJS.I18n.getText('capacity-tracker.js.panel.reason') }), h('th', null, h('span', { class: 'ct-visually-hidden', text: AJS.I18n.getText('capacity-tracker.js.panel.actions') })))));
      var tbody = h('tbody');
      ranges.forEach(function (item) {
        var r = item.range;
        var inSprint = first && last && r.start <= last && r.end >= first;
        var dates = r.start === r.end ? longDate(r.start) : longDate(r.start) + ' \u2013 ' + longDate(r.end);
        var part = DAY_FRACTIONS.filter(function (f) { return Number(f.value) === r.fraction; })[0];
        append(tbody, h('tr', { 'data-testid': 'day-off-range', 'data-start': r.start, 'data-end': r.end, class: inSprint ? 'ct-in-sprint' : null },
          h('td', null, dates, inSprint ? h('span', { class: 'aui-lozenge aui-lozenge-subtle aui-lozenge-current ct-in-sprint-tag', text: AJS.I18n.getText('capacity-tracker.js.panel.this-sprint') }) : null),
          h('td', { text: part ? part.label : AJS.I18n.getText('capacity-tracker.js.panel.fraction.percent-of-day', Math.round(r.fraction * 100)) }),
          h('td', { class: 'ct-reason', text: r.reason || '' }),
          h('td', { class: 'ct-actions' }, h('button', { type: 'button', class: 'aui-button aui-button-link', 'data-testid': 'remove-day-off',
            'aria-label': AJS.I18n.getText('capacity-tracker.js.panel.days-off.remove', dates),
            onclick: function () { self.removeDayOff(listForm, key, item.index); } }, AJS.I18n.getText('capacity-tracker.js.panel.remove')))));
      });
      append(table, tbody);
      append(listForm, table);
    } else {
      append(listForm, h('p', { class: 'ct-empty', text: AJS.I18n.getText('capacity-tracker.js.panel.no-days-off-recorded') }));
    }
    append(box, listForm);

    var ids = 'ct-off-' + this.memberIndex(key);
    var startInput = textInput(ids + '-start', 'start', '', { type: 'date', 'data-testid': 'day-off-start', required: true });
    var endInput = textInput(ids + '-end', 'end', '', { type: 'date', 'data-testid': 'day-off-end' });
    startInput.addEventListener('change', function () {
      if (!endInput.value || endInput.value < startInput.value) endInput.value = startInput.value;
    });
    var fractionSelect = h('select', { class: 'select', id: ids + '-fraction', name: 'fraction', 'data-testid': 'day-off-fraction' },
      DAY_FRACTIONS.map(function (f) { return h('option', { value: f.value, text: f.label }); }));
    var reasonInput = textInput(ids + '-reason', 'reason', '', { maxlength: '200', 'data-testid': 'day-off-reason', placeholder: AJS.I18n.getText('capacity-tracker.js.panel.optional-e-g-vacation') });
    var addForm = h('form', { class: 'aui ct-form ct-daysoff-form', novalidate: true, 'data-testid': 'day-off-form',
      onsubmit: function (e) {
        e.preventDefault();
        var range = { start: startInput.value, end: endInput.value || startInput.value, fraction: Number(fractionSelect.value) };
        if (reasonInput.value.trim()) range.reason = reasonInput.value.trim();
        self.addDayOff(addForm, key, range);
      } },
      h('h5', { text: AJS.I18n.getText('capacity-tracker.js.panel.add-days-off') }),
      h('div', { class: 'ct-form-message' }),
      h('div', { class: 'ct-inline-fields' },
        fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.from'), ids + '-start', startInput),
        fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.to'), ids + '-end', endInput),
        fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.part-of-day'), ids + '-fraction', fractionSelect)),
      fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.reason'), ids + '-reason', reasonInput),
      h('div', { class: 'buttons-container' }, h('div', { class: 'buttons' },
        h('button', { type: 'submit', class: 'aui-button', 'data-testid': 'add-day-off' }, AJS.I18n.getText('capacity-tracker.js.panel.add-days-off')))));
    append(box, addForm);
    return box;
  };

  Panel.prototype.renderAddRow = function () {
    var self = this;
    var ids = 'ct-add';
    var keyInput = textInput(ids + '-key', 'accountKey', this.adding.accountKey || '', { list: ids + '-users', autocomplete: 'off', 'data-testid': 'new-member-key', placeholder: AJS.I18n.getText('capacity-tracker.js.panel.member.key-placeholder') });
    var users = h('datalist', { id: ids + '-users' });
    var searchTimer = null;
    keyInput.addEventListener('input', function () {
      clearTimeout(searchTimer);
      var q = keyInput.value.trim();
      if (q.length < 2) return;
      // Suggestions only: a failed search leaves the field a plain text box.
      searchTimer = setTimeout(function () {
        self.api.get('/rest/api/2/user/search?username=' + enc(q) + '&maxResults=10').then(function (found) {
          clear(users);
          (found || []).forEach(function (u) {
            append(users, h('option', { value: u.key || u.name, label: u.displayName }));
          });
        }, function () {});
      }, 250);
    });
    var roleInput = textInput(ids + '-role', 'role', '', { list: ids + '-roles', 'data-testid': 'new-member-role', autocomplete: 'off', placeholder: AJS.I18n.getText('capacity-tracker.js.panel.e-g-developer') });
    var dailyInput = textInput(ids + '-daily', 'dailyCapacity', '', { type: 'number', step: 'any', inputmode: 'decimal', 'data-testid': 'new-member-daily' });
    var allocInput = textInput(ids + '-alloc', 'allocation', '100', { type: 'number', step: 'any', inputmode: 'decimal', 'data-testid': 'new-member-allocation' });
    var sprintScope = null;
    var scopeField = null;
    if (this.sprint && this.team) {
      var boardScope = h('input', { type: 'radio', class: 'radio', name: 'scope', value: 'board', id: ids + '-scope-board', checked: !this.adding.sprintOnly, 'data-testid': 'new-member-scope-board' });
      sprintScope = h('input', { type: 'radio', class: 'radio', name: 'scope', value: 'sprint', id: ids + '-scope-sprint', checked: Boolean(this.adding.sprintOnly), 'data-testid': 'new-member-scope-sprint' });
      scopeField = h('fieldset', { class: 'group ct-scope' },
        h('legend', null, h('span', { text: AJS.I18n.getText('capacity-tracker.js.panel.joins') })),
        radioOption(boardScope, AJS.I18n.getText('capacity-tracker.js.panel.the-boards-team-for-every-sprint')),
        radioOption(sprintScope, AJS.I18n.getText('capacity-tracker.js.panel.scope.sprint-only', this.sprint.name)));
    }
    var form = h('form', { class: 'aui ct-form ct-add-form', novalidate: true, 'data-testid': 'add-member-form',
      onsubmit: function (e) {
        e.preventDefault();
        var added = {
          accountKey: keyInput.value.trim(),
          role: roleInput.value.trim(),
          dailyCapacity: numberValue(dailyInput),
          allocation: numberValue(allocInput)
        };
        if (sprintScope && sprintScope.checked) self.addSprintMember(form, added);
        else self.addMember(form, added);
      } },
      h('h4', { text: AJS.I18n.getText('capacity-tracker.js.panel.add-a-team-member') }),
      h('div', { class: 'ct-form-message' }),
      h('div', { class: 'ct-inline-fields' },
        fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.account-key'), ids + '-key', keyInput), users,
        fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.role'), ids + '-role', roleInput), this.roleDatalist(ids + '-roles'),
        fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.daily-capacity'), ids + '-daily', dailyInput, this.unitPerDay()),
        fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.allocation'), ids + '-alloc', allocInput, '%')),
      scopeField,
      h('div', { class: 'buttons-container' }, h('div', { class: 'buttons' },
        h('button', { type: 'submit', class: 'aui-button aui-button-primary', 'data-testid': 'save-new-member' }, AJS.I18n.getText('capacity-tracker.js.panel.add-member')),
        h('button', { type: 'button', class: 'aui-button aui-button-link', onclick: function () { self.adding = null; self.render(); } }, AJS.I18n.getText('capacity-tracker.js.panel.cancel')))));
    setTimeout(function () { if (!keyInput.value) keyInput.focus(); }, 0);
    return h('tr', { class: 'ct-editor-row' }, h('td', { colspan: '7' }, h('div', { class: 'ct-editor ct-editor-add' }, form)));
  };

  // ---------------------------------------------------------------- writes

  Panel.prototype.settingsPath = function () {
    return '/rest/capacity/1.0/boards/' + enc(this.boardId) + '/settings';
  };

  /** Writes settings built from the last read; on a conflict, reloads and says so. */
  Panel.prototype.writeSettings = function (form, doc, fieldToInput, onSaved, editingKey) {
    var self = this;
    setBusy(form, true);
    return this.api.put(this.settingsPath(), doc).then(function (stored) {
      self.settings = stored;
      return self.refreshAfterWrite().then(function () { onSaved(stored); });
    }, function (err) {
      if (err.status === 409) {
        return self.reloadAfterConflict(editingKey, AJS.I18n.getText('capacity-tracker.js.panel.conflict.team-settings'));
      }
      setBusy(form, false);
      showFormError(form, err, fieldToInput);
      return null;
    });
  };

  Panel.prototype.refreshAfterWrite = function () {
    var self = this;
    return Promise.all([this.loadPeople(), this.computeReport()]).then(function () { self.render(); });
  };

  Panel.prototype.reloadAfterConflict = function (editingKey, text) {
    var self = this;
    if (editingKey && editingKey !== SETTINGS_SCOPE) delete this.daysOff[editingKey];
    return this.loadSettings().then(function () {
      var still = editingKey === SETTINGS_SCOPE || self.settings.members.some(function (m) { return m.accountKey === editingKey; });
      self.editing = still && editingKey !== SETTINGS_SCOPE ? editingKey : null;
      self.adding = null;
      if (still) self.notice = { key: editingKey, kind: 'warning', title: AJS.I18n.getText('capacity-tracker.js.panel.reloaded'), text: text };
      else { self.notice = null; self.flash = { kind: 'warning', title: AJS.I18n.getText('capacity-tracker.js.panel.reloaded'), text: text }; self.renderFlash(); }
      return self.refreshAfterWrite();
    }).catch(function (err) { self.showLoadError(err); });
  };

  Panel.prototype.saveMember = function (form, key, changes) {
    var self = this;
    var doc = JSON.parse(JSON.stringify(this.settings));
    var index = -1;
    doc.members.forEach(function (m, i) { if (m.accountKey === key) index = i; });
    if (index < 0) return;
    Object.keys(changes).forEach(function (k) {
      if (k === 'role') assignRole(doc.members[index], changes.role, doc);
      else doc.members[index][k] = changes[k];
    });
    var name = this.displayName(key);
    this.writeSettings(form, doc, memberFieldMapper(index), function () {
      self.editing = null;
      self.notice = null;
      self.flash = { kind: 'success', title: null, text: AJS.I18n.getText('capacity-tracker.js.panel.saved.capacity', name) };
      self.renderFlash();
      self.render();
    }, key);
  };

  Panel.prototype.removeMember = function (form, key) {
    var self = this;
    var doc = JSON.parse(JSON.stringify(this.settings));
    var name = this.displayName(key);
    doc.members = doc.members.filter(function (m) { return m.accountKey !== key; });
    this.writeSettings(form, doc, function () { return null; }, function () {
      self.editing = null;
      self.notice = null;
      self.flash = { kind: 'success', title: null, text: AJS.I18n.getText('capacity-tracker.js.panel.saved.removed', name) };
      self.renderFlash();
      self.render();
    }, key);
  };

  Panel.prototype.addMember = function (form, member) {
    var self = this;
    var doc = JSON.parse(JSON.stringify(this.settings));
    var index = doc.members.length;
    var added = { accountKey: member.accountKey, dailyCapacity: member.dailyCapacity, allocation: member.allocation };
    assignRole(added, member.role, doc);
    doc.members.push(added);
    var mapper = memberFieldMapper(index);
    setBusy(form, true);
    // A key Jira does not know would make a member nobody can ever be assigned work.
    var check = member.accountKey ? this.api.get('/rest/api/2/user?key=' + enc(member.accountKey)).then(function (u) {
      self.users[member.accountKey] = { displayName: (u && u.displayName) || member.accountKey, avatarUrls: u && u.avatarUrls, loaded: true };
      return true;
    }, function (err) {
      if (err.status === 404) {
        setBusy(form, false);
        showFormError(form, new ApiError(400, { field: 'members[' + index + '].accountKey', message: AJS.I18n.getText('capacity-tracker.js.panel.error.unknown-user-key', member.accountKey) }), mapper);
        return false;
      }
      return true;
    }) : Promise.resolve(true);
    check.then(function (ok) {
      if (!ok) return;
      self.writeSettings(form, doc, mapper, function () {
        self.adding = null;
        self.flash = { kind: 'success', title: null, text: AJS.I18n.getText('capacity-tracker.js.panel.saved.joined', self.displayName(member.accountKey)) };
        self.renderFlash();
        self.render();
      }, null);
    });
  };

  Panel.prototype.writeDaysOff = function (form, key, doc, fieldToInput, successText) {
    var self = this;
    setBusy(form, true);
    return this.api.put(this.daysOffUrl(key), doc).then(function (stored) {
      self.daysOff[key] = stored;
      self.notice = { key: key, kind: 'success', title: null, text: successText };
      return self.computeReport().then(function () { self.render(); });
    }, function (err) {
      if (err.status === 409) {
        return self.reloadAfterConflict(key, AJS.I18n.getText('capacity-tracker.js.panel.conflict.days-off', self.displayName(key)));
      }
      setBusy(form, false);
      showFormError(form, err, fieldToInput);
      return null;
    });
  };

  Panel.prototype.addDayOff = function (form, key, range) {
    var current = this.daysOff[key];
    var doc = JSON.parse(JSON.stringify(current));
    var index = doc.ranges.length;
    doc.ranges.push(range);
    var text = range.start === range.end ? AJS.I18n.getText('capacity-tracker.js.panel.days-off.added-one', longDate(range.start)) :
      AJS.I18n.getText('capacity-tracker.js.panel.days-off.added-range', longDate(range.start), longDate(range.end));
    this.writeDaysOff(form, key, doc, function (field) {
      var m = /^ranges\[(\d+)\]\.(start|end|fraction|reason)$/.exec(field);
      if (m && Number(m[1]) === index) return m[2];
      return /^ranges\[(\d+)\]$/.test(field) ? 'start' : null;
    }, text);
  };

  Panel.prototype.removeDayOff = function (form, key, index) {
    var doc = JSON.parse(JSON.stringify(this.daysOff[key]));
    var removed = doc.ranges.splice(index, 1)[0];
    var text = removed.start === removed.end ? AJS.I18n.getText('capacity-tracker.js.panel.days-off.removed-one', longDate(removed.start)) :
      AJS.I18n.getText('capacity-tracker.js.panel.days-off.removed-range', longDate(removed.start), longDate(removed.end));
    this.writeDaysOff(form, key, doc, function () { return null; }, text);
  };

  // ---------------------------------------------------------------- this sprint only

  Panel.prototype.teamPath = function (sprintId) {
    return '/rest/capacity/1.0/boards/' + enc(this.boardId) + '/iterations/' + enc(sprintId) + '/team';
  };

  /** The sprint's own team changes; when they cannot be read the board's team still shows. */
  Panel.prototype.loadTeam = function (sprintId) {
    var self = this;
    return this.api.get(this.teamPath(sprintId)).then(function (doc) {
      self.team = doc;
      self.teamError = null;
      return doc;
    }, function (err) {
      if (err.status === 401) throw err;
      self.team = null;
      self.teamError = err;
      return null;
    });
  };

  Panel.prototype.teamChange = function (key) {
    var list = (this.team && this.team.members) || [];
    for (var i = 0; i < list.length; i++) if (list[i].accountKey === key) return list[i];
    return null;
  };

  /** People added for this sprint only (not on the board's team). */
  Panel.prototype.sprintAdded = function () {
    var board = {};
    ((this.settings && this.settings.members) || []).forEach(function (m) { board[m.accountKey] = true; });
    return ((this.team && this.team.members) || []).filter(function (c) { return c.action === 'add' && !board[c.accountKey]; });
  };

  /** An `add` change shaped like a board member, for the row and its editor. */
  Panel.prototype.addedAsMember = function (change) {
    var roles = (this.settings && this.settings.roles) || [];
    var role = change.role || (roles.filter(function (r) { return r.id === change.roleId; })[0] || {}).name || change.roleId || '';
    return { accountKey: change.accountKey, role: role, dailyCapacity: change.dailyCapacity,
      allocation: change.allocation === undefined || change.allocation === null ? 100 : change.allocation, sprintOnly: true };
  };

  /** The team changes as last read, to build a write from. */
  Panel.prototype.teamDraft = function () {
    if (this.team) return JSON.parse(JSON.stringify(this.team));
    return { schema: 1, revision: 0, boardId: this.boardId, iterationId: String(this.sprint.id), members: [] };
  };

  /** The sprint just before this one by start date (the order the picker's dates show). */
  Panel.prototype.previousSprint = function () {
    var current = this.sprint;
    var start = current && instantMillis(current.startDate);
    if (!current || isNaN(start)) return null;
    var best = null;
    this.sprints.forEach(function (s) {
      var t = instantMillis(s.startDate);
      if (s === current || isNaN(t) || t >= start) return;
      if (!best || t > instantMillis(best.startDate)) best = s;
    });
    return best;
  };

  /** A radio button as AUI draws one: the input, its glyph, then the label. */
  function radioOption(input, text) {
    return h('div', { class: 'radio' }, input, h('span', { class: 'aui-form-glyph' }), h('label', { for: input.id, text: text }));
  }

  /** A checkbox as AUI draws one. */
  function checkboxOption(input, label) {
    return h('div', { class: 'checkbox' }, input, h('span', { class: 'aui-form-glyph' }), h('label', { for: input.id }, label));
  }

  function teamFieldMapper(index) {
    return function (field) {
      var m = /^members\[(\d+)\]\.(accountKey|role|roleId|dailyCapacity|allocation)$/.exec(field);
      if (!m || Number(m[1]) !== index) return null;
      return m[2] === 'roleId' ? 'role' : m[2];
    };
  }

  /** Writes the sprint's team changes built from the last read; on a conflict, reloads them and says so. */
  Panel.prototype.writeTeam = function (form, doc, fieldToInput, onSaved, editingKey) {
    var self = this;
    if (form) setBusy(form, true);
    return this.api.put(this.teamPath(this.sprint.id), doc).then(function (stored) {
      self.team = stored;
      return self.refreshAfterWrite().then(function () { onSaved(stored); });
    }, function (err) {
      if (err.status === 409) {
        var text = AJS.I18n.getText('capacity-tracker.js.panel.conflict.sprint-team', self.sprint.name);
        return self.loadTeam(self.sprint.id).then(function () {
          if (editingKey) self.notice = { key: editingKey, kind: 'warning', title: AJS.I18n.getText('capacity-tracker.js.panel.reloaded'), text: text };
          else { self.flash = { kind: 'warning', title: AJS.I18n.getText('capacity-tracker.js.panel.reloaded'), text: text }; self.renderFlash(); }
          return self.refreshAfterWrite();
        });
      }
      if (form) {
        setBusy(form, false);
        showFormError(form, err, fieldToInput);
      } else {
        self.flash = { kind: 'error', title: AJS.I18n.getText('capacity-tracker.js.panel.the-change-was-not-saved'), text: err.message };
        self.renderFlash();
      }
      return null;
    }).catch(function (err) { self.showLoadError(err); });
  };

  /**
   * Why the report skipped this sprint's change of a person, or null. The engine stores a
   * change before it can know it will not fit (the board may change later) and names it in
   * an `overrideSkipped` warning when the report cannot apply it.
   */
  Panel.prototype.skippedChange = function (key) {
    var prefix = 'the change for ' + key + ' in this iteration was skipped: '; // not-i18n: the engine's warning text, matched
    var warnings = (this.report && this.report.warnings) || [];
    for (var i = 0; i < warnings.length; i++) {
      var w = warnings[i];
      if (w.code === 'overrideSkipped' && String(w.message).indexOf(prefix) === 0) return w.message.slice(prefix.length);
    }
    return null;
  };

  /** "dailyCapacity: must be …" as "Daily capacity: must be …". */
  function humanReason(text) {
    var m = /^([A-Za-z][\w.\[\]]*): (.*)$/.exec(String(text));
    return m ? humanField(m[1]) + ': ' + m[2] : stripFieldPath(text, null);
  }

  Panel.prototype.sprintSaved = function (key, text) {
    var why = this.skippedChange(key);
    if (why) {
      // Stored, but the numbers do not include it: keep the editor open to correct it.
      this.flash = null;
      this.renderFlash();
      this.editing = key;
      this.notice = { key: key, kind: 'error', title: AJS.I18n.getText('capacity-tracker.js.panel.sprint-change.not-applied-title', this.sprint.name),
        text: AJS.I18n.getText('capacity-tracker.js.panel.sprint-change.not-applied-text', humanReason(why)) };
      this.render();
      return;
    }
    this.editing = null;
    this.notice = null;
    this.flash = { kind: 'success', title: null, text: text };
    this.renderFlash();
    this.render();
  };

  /**
   * A board member's capacity for this sprint only: only what differs from the board is
   * stored, so a later change on the board still reaches this sprint where it was not overridden.
   */
  Panel.prototype.saveSprintChange = function (form, member, values) {
    var key = member.accountKey;
    var doc = this.teamDraft();
    doc.members = doc.members.filter(function (c) { return c.accountKey !== key; });
    var index = doc.members.length;
    var boardAlloc = member.allocation === undefined || member.allocation === null ? 100 : member.allocation;
    var change = { accountKey: key, action: 'change' };
    if (values.dailyCapacity !== member.dailyCapacity) change.dailyCapacity = values.dailyCapacity;
    if (values.allocation !== boardAlloc) change.allocation = values.allocation;
    var same = !('dailyCapacity' in change) && !('allocation' in change);
    if (!same) doc.members.push(change);
    var name = this.displayName(key);
    var sprintName = this.sprint.name;
    this.writeTeam(form, doc, teamFieldMapper(index), this.sprintSaved.bind(this, key, same ?
      AJS.I18n.getText('capacity-tracker.js.panel.sprint-change.back-to-board', name, sprintName) : AJS.I18n.getText('capacity-tracker.js.panel.sprint-change.saved-sprint-only', name, sprintName)), key);
  };

  /** Drops this sprint's change of a person: back to the board's terms (or off the team, if they were added). */
  Panel.prototype.dropSprintChange = function (form, key, text) {
    var doc = this.teamDraft();
    doc.members = doc.members.filter(function (c) { return c.accountKey !== key; });
    this.writeTeam(form, doc, function () { return null; }, this.sprintSaved.bind(this, key, text), key);
  };

  Panel.prototype.removeForSprint = function (form, key) {
    var doc = this.teamDraft();
    doc.members = doc.members.filter(function (c) { return c.accountKey !== key; });
    doc.members.push({ accountKey: key, action: 'remove' });
    this.writeTeam(form, doc, function () { return null; },
      this.sprintSaved.bind(this, key, AJS.I18n.getText('capacity-tracker.js.panel.sprint-change.off-team', this.displayName(key), this.sprint.name)), key);
  };

  /** Someone who works on this sprint only: an `add` change, never the board's team. */
  Panel.prototype.addSprintMember = function (form, member) {
    var self = this;
    var doc = this.teamDraft();
    doc.members = doc.members.filter(function (c) { return c.accountKey !== member.accountKey; });
    var index = doc.members.length;
    doc.members.push({ accountKey: member.accountKey, action: 'add', role: member.role, dailyCapacity: member.dailyCapacity, allocation: member.allocation });
    var mapper = teamFieldMapper(index);
    setBusy(form, true);
    this.checkUser(member.accountKey, form, 'members[' + index + '].accountKey', mapper).then(function (ok) {
      if (!ok) return;
      self.writeTeam(form, doc, mapper, function () {
        self.adding = null;
        self.flash = { kind: 'success', title: null, text: AJS.I18n.getText('capacity-tracker.js.panel.sprint-change.joined', self.displayName(member.accountKey), self.sprint.name) };
        self.renderFlash();
        self.render();
      }, null);
    });
  };

  /** Resolves true when Jira knows the account key (or cannot say); shows the error next to the field otherwise. */
  Panel.prototype.checkUser = function (key, form, field, mapper) {
    var self = this;
    if (!key) return Promise.resolve(true);
    return this.api.get('/rest/api/2/user?key=' + enc(key)).then(function (u) {
      self.users[key] = { displayName: (u && u.displayName) || key, avatarUrls: u && u.avatarUrls, loaded: true };
      return true;
    }, function (err) {
      if (err.status === 404) {
        setBusy(form, false);
        showFormError(form, new ApiError(400, { field: field, message: AJS.I18n.getText('capacity-tracker.js.panel.error.unknown-user-key', key) }), mapper);
        return false;
      }
      return true;
    });
  };

  /** The part of a board member's editor that changes this sprint only. */
  Panel.prototype.renderSprintForm = function (member) {
    var self = this;
    if (!this.sprint || !this.team) return null;
    var key = member.accountKey;
    var change = this.teamChange(key);
    var name = this.displayName(key);
    var ids = 'ct-sprint-' + this.memberIndex(key);
    var boardAlloc = member.allocation === undefined || member.allocation === null ? 100 : member.allocation;
    var daily = change && typeof change.dailyCapacity === 'number' ? change.dailyCapacity : member.dailyCapacity;
    var alloc = change && typeof change.allocation === 'number' ? change.allocation : boardAlloc;
    var dailyInput = textInput(ids + '-daily', 'dailyCapacity', daily, { type: 'number', step: 'any', inputmode: 'decimal', 'data-testid': 'sprint-daily-capacity-input' });
    var allocInput = textInput(ids + '-alloc', 'allocation', alloc, { type: 'number', step: 'any', inputmode: 'decimal', 'data-testid': 'sprint-allocation-input' });
    if (change && change.action === 'remove') return this.renderRestoreForm(member);
    var form = h('form', { class: 'aui ct-form ct-sprint-form', novalidate: true, 'data-testid': 'sprint-member-form',
      onsubmit: function (e) {
        e.preventDefault();
        self.saveSprintChange(form, member, { dailyCapacity: numberValue(dailyInput), allocation: numberValue(allocInput) });
      } },
      h('h4', null, AJS.I18n.getText('capacity-tracker.js.panel.sprint-change.only-in', this.sprint.name)),
      h('p', { class: 'ct-hint', text: change && change.action === 'change' ?
        AJS.I18n.getText('capacity-tracker.js.panel.sprint-change.changed-hint', this.memberTerms(member)) :
        AJS.I18n.getText('capacity-tracker.js.panel.overrides-the-boards-values-for-this') }),
      h('div', { class: 'ct-form-message' }),
      h('div', { class: 'ct-inline-fields' },
        fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.daily-capacity'), ids + '-daily', dailyInput, this.unitPerDay()),
        fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.allocation'), ids + '-alloc', allocInput, '%')),
      h('div', { class: 'buttons-container' }, h('div', { class: 'buttons' },
        h('button', { type: 'submit', class: 'aui-button', 'data-testid': 'sprint-save-member' }, AJS.I18n.getText('capacity-tracker.js.panel.save-for-this-sprint')),
        change ? h('button', { type: 'button', class: 'aui-button aui-button-link', 'data-testid': 'sprint-reset-member',
          onclick: function () { self.dropSprintChange(form, key, AJS.I18n.getText('capacity-tracker.js.panel.sprint-change.back-to-board', name, self.sprint.name)); } },
        AJS.I18n.getText('capacity-tracker.js.panel.use-the-boards-values')) : null,
        h('button', { type: 'button', class: 'aui-button aui-button-link ct-danger-link ct-push-right', 'data-testid': 'sprint-remove-member',
          onclick: function () { self.removeForSprint(form, key); } }, AJS.I18n.getText('capacity-tracker.js.panel.remove-from-this-sprint')))));
    return form;
  };

  /** A board member taken off this sprint's team, and the way back. */
  Panel.prototype.renderRestoreForm = function (member) {
    var self = this;
    var key = member.accountKey;
    var name = this.displayName(key);
    var form = h('form', { class: 'aui ct-form ct-sprint-form', novalidate: true, 'data-testid': 'sprint-member-form', onsubmit: function (e) { e.preventDefault(); } },
      h('h4', null, AJS.I18n.getText('capacity-tracker.js.panel.sprint-change.only-in', this.sprint.name)),
      h('p', { text: AJS.I18n.getText('capacity-tracker.js.panel.sprint-change.removed-hint', name, this.memberTerms(member)) }),
      h('div', { class: 'ct-form-message' }),
      h('div', { class: 'buttons-container' }, h('div', { class: 'buttons' },
        h('button', { type: 'button', class: 'aui-button', 'data-testid': 'sprint-restore-member',
          onclick: function () { self.dropSprintChange(form, key, AJS.I18n.getText('capacity-tracker.js.panel.sprint-change.back-on-team', name, self.sprint.name)); } }, AJS.I18n.getText('capacity-tracker.js.panel.put-back-in-this-sprint')))));
    return form;
  };

  /** Editor of someone added to, or removed from, this sprint only. */
  Panel.prototype.renderSprintEditorRow = function (member) {
    var self = this;
    var key = member.accountKey;
    var name = this.displayName(key);
    var change = this.teamChange(key);
    var ids = 'ct-sprint-add-' + this.memberIndex(key);
    var left;
    if (change && change.action === 'add') {
      var roleInput = textInput(ids + '-role', 'role', member.role, { list: ids + '-roles', 'data-testid': 'role-input', autocomplete: 'off' });
      var dailyInput = textInput(ids + '-daily', 'dailyCapacity', member.dailyCapacity, { type: 'number', step: 'any', inputmode: 'decimal', 'data-testid': 'sprint-daily-capacity-input' });
      var allocInput = textInput(ids + '-alloc', 'allocation', member.allocation, { type: 'number', step: 'any', inputmode: 'decimal', 'data-testid': 'sprint-allocation-input' });
      left = h('form', { class: 'aui ct-form ct-sprint-form ct-sprint-form-only', novalidate: true, 'data-testid': 'sprint-member-form',
        onsubmit: function (e) {
          e.preventDefault();
          var doc = self.teamDraft();
          var index = -1;
          doc.members.forEach(function (c, i) { if (c.accountKey === key) index = i; });
          if (index < 0) return;
          var c = doc.members[index];
          c.role = roleInput.value.trim();
          delete c.roleId;
          c.dailyCapacity = numberValue(dailyInput);
          c.allocation = numberValue(allocInput);
          self.writeTeam(left, doc, teamFieldMapper(index), self.sprintSaved.bind(self, key, AJS.I18n.getText('capacity-tracker.js.panel.sprint-change.saved', name, self.sprint.name)), key);
        } },
        h('h4', null, AJS.I18n.getText('capacity-tracker.js.panel.sprint-change.only-in', this.sprint.name)),
        h('p', { class: 'ct-hint', text: AJS.I18n.getText('capacity-tracker.js.panel.sprint-change.added-hint', name) }),
        h('div', { class: 'ct-form-message' }),
        fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.role'), ids + '-role', roleInput),
        this.roleDatalist(ids + '-roles'),
        h('div', { class: 'ct-inline-fields' },
          fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.daily-capacity'), ids + '-daily', dailyInput, this.unitPerDay()),
          fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.allocation'), ids + '-alloc', allocInput, '%')),
        h('div', { class: 'buttons-container' }, h('div', { class: 'buttons' },
          h('button', { type: 'submit', class: 'aui-button aui-button-primary', 'data-testid': 'sprint-save-member' }, AJS.I18n.getText('capacity-tracker.js.panel.save')),
          h('button', { type: 'button', class: 'aui-button aui-button-link ct-danger-link ct-push-right', 'data-testid': 'sprint-remove-member',
            onclick: function () { self.dropSprintChange(left, key, AJS.I18n.getText('capacity-tracker.js.panel.sprint-change.left-team', name, self.sprint.name)); } }, AJS.I18n.getText('capacity-tracker.js.panel.remove-from-this-sprint')))));
    } else {
      left = this.renderRestoreForm(member);
    }
    var notice = this.notice && this.notice.key === key ? message(this.notice.kind, this.notice.title,
      this.notice.text ? h('p', { text: this.notice.text }) : null, { 'data-testid': 'editor-notice' }) : null;
    return h('tr', { class: 'ct-editor-row' }, h('td', { colspan: '7' },
      h('div', { class: 'ct-editor', 'data-testid': 'member-editor', 'data-account-key': key, role: 'region', 'aria-label': AJS.I18n.getText('capacity-tracker.js.panel.member.edit', name) },
        h('div', { class: 'ct-editor-head' },
          h('h3', { text: name }),
          h('button', { type: 'button', class: 'aui-button aui-button-subtle ct-close-editor', 'aria-label': AJS.I18n.getText('capacity-tracker.js.panel.close'), title: AJS.I18n.getText('capacity-tracker.js.panel.close'), text: '\u00d7',
            onclick: function () { self.toggleEditor(key); } })),
        notice,
        h('div', { class: 'ct-editor-grid' }, h('div', { class: 'ct-editor-col' }, left), this.renderDaysOffEditor(key, name)))));
  };

  // ------------------------------------------------ copy from the previous sprint

  Panel.prototype.copyTeamClicked = function (previous) {
    var own = (this.team && this.team.members) || [];
    if (own.length) {
      this.copyConfirm = { from: previous };
      this.templateBox = null;
      this.render();
      return;
    }
    this.copyTeam(previous, null);
  };

  Panel.prototype.renderCopyConfirm = function () {
    var self = this;
    var from = this.copyConfirm.from;
    var n = ((this.team && this.team.members) || []).length;
    var bar = h('div', { class: 'ct-confirm-bar', 'data-testid': 'copy-team-confirm' },
      h('span', { text: n === 1 ? AJS.I18n.getText('capacity-tracker.js.panel.copy-team.confirm-one', this.sprint.name, from.name) : AJS.I18n.getText('capacity-tracker.js.panel.copy-team.confirm', n, this.sprint.name, from.name) }),
      h('button', { type: 'button', class: 'aui-button aui-button-primary', 'data-testid': 'confirm-copy-team', onclick: function () { self.copyTeam(from, bar); } }, AJS.I18n.getText('capacity-tracker.js.panel.replace')),
      h('button', { type: 'button', class: 'aui-button aui-button-link', onclick: function () { self.copyConfirm = false; self.render(); } }, AJS.I18n.getText('capacity-tracker.js.panel.cancel')));
    return bar;
  };

  Panel.prototype.copyTeam = function (from, bar) {
    var self = this;
    var to = this.sprint;
    if (bar) bar.querySelectorAll('button').forEach(function (b) { b.disabled = true; });
    this.body.classList.add('ct-busy');
    var body = { fromIterationId: String(from.id), revision: this.team ? this.team.revision : 0 };
    return this.api.post(this.teamPath(to.id) + '/copy', body).then(function (stored) {
      self.team = stored;
      self.copyConfirm = false;
      var n = stored.members.length;
      self.flash = { kind: n ? 'success' : 'info', title: null, text: n ?
        (n === 1 ? AJS.I18n.getText('capacity-tracker.js.panel.copy-team.copied-one', from.name, to.name) : AJS.I18n.getText('capacity-tracker.js.panel.copy-team.copied', n, from.name, to.name)) :
        AJS.I18n.getText('capacity-tracker.js.panel.copy-team.copied-none', from.name, to.name) };
      self.renderFlash();
      return self.refreshAfterWrite();
    }, function (err) {
      self.copyConfirm = false;
      var conflict = err.status === 409;
      self.flash = { kind: conflict ? 'warning' : 'error', title: conflict ? AJS.I18n.getText('capacity-tracker.js.panel.reloaded') : AJS.I18n.getText('capacity-tracker.js.panel.the-team-changes-were-not-copied'),
        text: conflict ? AJS.I18n.getText('capacity-tracker.js.panel.copy-team.conflict', to.name) : err.message };
      self.renderFlash();
      return self.loadTeam(to.id).then(function () { return self.refreshAfterWrite(); });
    }).catch(function (err) { self.showLoadError(err); });
  };

  // ------------------------------------------------ templates

  Panel.prototype.toggleTemplateBox = function () {
    var self = this;
    if (this.templateBox) {
      this.templateBox = null;
      this.render();
      return;
    }
    this.copyConfirm = false;
    this.adding = null;
    this.editing = null;
    var box = this.templateBox = { loading: true, templates: [], error: null, chosen: null, details: {}, scope: 'sprint', result: null };
    this.render();
    this.api.get('/rest/capacity/1.0/templates').then(function (list) {
      box.templates = (list || []).slice().sort(function (a, b) { return String(a.name).localeCompare(String(b.name)); });
      box.chosen = box.templates.length ? box.templates[0].id : null;
      box.loading = false;
      return box.chosen ? self.loadTemplateDetails(box, box.chosen) : null;
    }, function (err) {
      box.loading = false;
      box.error = err;
    }).then(function () { if (self.templateBox === box) self.render(); });
  };

  Panel.prototype.loadTemplateDetails = function (box, id) {
    if (box.details[id]) return Promise.resolve(box.details[id]);
    return this.api.get('/rest/capacity/1.0/templates/' + enc(id)).then(function (doc) {
      box.details[id] = doc;
      return doc;
    }, function () { return null; });
  };

  Panel.prototype.renderTemplateBox = function () {
    var self = this;
    var box = this.templateBox;
    var wrap = h('div', { class: 'ct-editor ct-template-box', 'data-testid': 'template-box', role: 'region', 'aria-label': AJS.I18n.getText('capacity-tracker.js.panel.apply-a-template') },
      h('div', { class: 'ct-editor-head' },
        h('h3', { text: AJS.I18n.getText('capacity-tracker.js.panel.apply-a-team-template') }),
        h('button', { type: 'button', class: 'aui-button aui-button-subtle ct-close-editor', 'aria-label': AJS.I18n.getText('capacity-tracker.js.panel.close'), title: AJS.I18n.getText('capacity-tracker.js.panel.close'), text: '\u00d7',
          onclick: function () { self.toggleTemplateBox(); } })),
      h('p', { class: 'ct-hint ct-template-intro', text: AJS.I18n.getText('capacity-tracker.js.panel.adds-the-templates-people-and-gives') }));
    if (box.result) append(wrap, this.renderTemplateResult(box.result));
    if (box.loading) {
      append(wrap, h('div', { class: 'ct-loading ct-loading-inline', role: 'status' },
        h('div', { class: 'aui-progress-indicator' }, h('span', { class: 'aui-progress-indicator-value' })), h('p', { text: AJS.I18n.getText('capacity-tracker.js.panel.loading-templates') })));
      return wrap;
    }
    if (box.error) {
      append(wrap, message('error', AJS.I18n.getText('capacity-tracker.js.panel.the-templates-could-not-be-loaded'), h('p', { text: box.error.message })));
      return wrap;
    }
    if (!box.templates.length) {
      append(wrap, message('info', AJS.I18n.getText('capacity-tracker.js.panel.there-are-no-templates-yet'), h('p', null, aroundNode(AJS.I18n.getText('capacity-tracker.js.panel.templates.kept-in-admin', '\u0001'),
        h('a', { href: this.contextPath + '/plugins/servlet/capacity-tracker?view=admin', text: AJS.I18n.getText('capacity-tracker.js.panel.capacity-tracker-administration') }))),
        { 'data-testid': 'no-templates' }));
      return wrap;
    }
    var select = h('select', { class: 'select', id: 'ct-template', name: 'templateId', 'data-testid': 'template-select' },
      box.templates.map(function (t) { return h('option', { value: t.id, text: t.name }); }));
    select.value = box.chosen;
    select.addEventListener('change', function () {
      box.chosen = select.value;
      self.loadTemplateDetails(box, box.chosen).then(function () { if (self.templateBox === box) self.render(); });
    });
    var scopeSprint = h('input', { type: 'radio', class: 'radio', name: 'templateScope', value: 'sprint', id: 'ct-template-scope-sprint',
      checked: box.scope === 'sprint', 'data-testid': 'template-scope-sprint', onchange: function () { box.scope = 'sprint'; } });
    var scopeBoard = h('input', { type: 'radio', class: 'radio', name: 'templateScope', value: 'board', id: 'ct-template-scope-board',
      checked: box.scope === 'board', 'data-testid': 'template-scope-board', onchange: function () { box.scope = 'board'; } });
    var details = box.details[box.chosen];
    var preview = null;
    if (details && details.members) {
      preview = h('table', { class: 'aui ct-table ct-template-preview', 'data-testid': 'template-preview' },
        h('thead', null, h('tr', null, h('th', { text: AJS.I18n.getText('capacity-tracker.js.panel.person') }), h('th', { text: AJS.I18n.getText('capacity-tracker.js.panel.role') }), h('th', { class: 'ct-num', text: AJS.I18n.getText('capacity-tracker.js.panel.daily-capacity') }), h('th', { class: 'ct-num', text: AJS.I18n.getText('capacity-tracker.js.panel.allocation') }))),
        h('tbody', null, details.members.map(function (m) {
          return h('tr', null, h('td', { text: self.displayName(m.accountKey) + (self.displayName(m.accountKey) !== m.accountKey ? ' (' + m.accountKey + ')' : '') }),
            h('td', { text: m.role }), h('td', { class: 'ct-num', text: self.settings && self.settings.unit === 'storyPoints' ? AJS.I18n.getText('capacity-tracker.js.panel.quantity.points', m.dailyCapacity) : AJS.I18n.getText('capacity-tracker.js.panel.quantity.hours', m.dailyCapacity) }),
            h('td', { class: 'ct-num', text: (m.allocation === undefined || m.allocation === null ? '—' : m.allocation + '%') }));
        })));
    }
    var form = h('form', { class: 'aui ct-form', novalidate: true, 'data-testid': 'template-form',
      onsubmit: function (e) { e.preventDefault(); self.applyTemplate(form, box); } },
      h('div', { class: 'ct-form-message' }),
      h('div', { class: 'ct-template-grid' },
        h('div', null,
          fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.template'), 'ct-template', select),
          h('fieldset', { class: 'group ct-scope' },
            h('legend', null, h('span', { text: AJS.I18n.getText('capacity-tracker.js.panel.apply-to') })),
            radioOption(scopeSprint, AJS.I18n.getText('capacity-tracker.js.panel.scope.sprint-only', this.sprint.name)),
            radioOption(scopeBoard, AJS.I18n.getText('capacity-tracker.js.panel.the-boards-team-for-every-sprint')))),
        h('div', { class: 'ct-template-members' }, preview)),
      h('div', { class: 'buttons-container' }, h('div', { class: 'buttons' },
        h('button', { type: 'submit', class: 'aui-button aui-button-primary', 'data-testid': 'apply-template' }, AJS.I18n.getText('capacity-tracker.js.panel.apply-template')),
        h('button', { type: 'button', class: 'aui-button aui-button-link', onclick: function () { self.toggleTemplateBox(); } }, AJS.I18n.getText('capacity-tracker.js.panel.cancel')))));
    append(wrap, form);
    return wrap;
  };

  Panel.prototype.applyTemplate = function (form, box) {
    var self = this;
    var sprintScope = box.scope === 'sprint';
    var sprint = this.sprint;
    var body = { templateId: box.chosen, revision: sprintScope ? (this.team ? this.team.revision : 0) : this.settings.revision };
    if (sprintScope) body.iterationId = String(sprint.id);
    var template = box.templates.filter(function (t) { return t.id === box.chosen; })[0];
    setBusy(form, true);
    this.api.post('/rest/capacity/1.0/boards/' + enc(this.boardId) + '/apply-template', body).then(function (res) {
      if (sprintScope) self.team = res.document;
      else self.settings = res.document;
      box.result = { name: template ? template.name : box.chosen, scope: sprintScope ? AJS.I18n.getText('capacity-tracker.js.panel.scope.sprint-only', sprint.name) : AJS.I18n.getText('capacity-tracker.js.panel.the-boards-team'),
        added: res.added || [], changed: res.changed || [], unchanged: res.unchanged || [], leftAlone: res.leftAlone || [] };
      return self.refreshAfterWrite();
    }, function (err) {
      if (err.status === 409) {
        return Promise.all([self.loadSettings(), self.loadTeam(sprint.id)]).then(function () {
          self.flash = { kind: 'warning', title: AJS.I18n.getText('capacity-tracker.js.panel.reloaded'), text: AJS.I18n.getText('capacity-tracker.js.panel.the-team-was-changed-by-someone') };
          self.renderFlash();
          return self.refreshAfterWrite();
        });
      }
      setBusy(form, false);
      showFormError(form, err, function (field) { return field === 'templateId' ? 'templateId' : null; });
      return null;
    }).catch(function (err) { self.showLoadError(err); });
  };

  Panel.prototype.renderTemplateResult = function (result) {
    var self = this;
    function line(label, keys, testid, help) {
      return h('div', { class: 'ct-result-line', 'data-testid': testid, 'data-keys': keys.join(',') },
        h('dt', { text: label + ' (' + keys.length + ')' }),
        h('dd', { title: help, text: keys.length ? keys.map(function (k) { return self.displayName(k); }).join(', ') : AJS.I18n.getText('capacity-tracker.js.panel.template.nobody') }));
    }
    return message('success', AJS.I18n.getText('capacity-tracker.js.panel.template.applied', result.name, result.scope),
      h('dl', { class: 'ct-result-list' },
        line(AJS.I18n.getText('capacity-tracker.js.panel.added'), result.added, 'template-added', AJS.I18n.getText('capacity-tracker.js.panel.new-to-the-team')),
        line(AJS.I18n.getText('capacity-tracker.js.panel.changed'), result.changed, 'template-changed', AJS.I18n.getText('capacity-tracker.js.panel.now-with-the-templates-role-and')),
        line(AJS.I18n.getText('capacity-tracker.js.panel.unchanged'), result.unchanged, 'template-unchanged', AJS.I18n.getText('capacity-tracker.js.panel.already-as-in-the-template')),
        line(AJS.I18n.getText('capacity-tracker.js.panel.left-alone'), result.leftAlone, 'template-left-alone', AJS.I18n.getText('capacity-tracker.js.panel.on-the-team-but-not-in'))),
      { 'data-testid': 'template-result' });
  };

  // ---------------------------------------------------------------- board settings

  var SETTINGS_SCOPE = '\u0000board-settings';
  var WEEKDAYS = [
    { code: 'MON', label: AJS.I18n.getText('capacity-tracker.js.panel.mon') }, { code: 'TUE', label: AJS.I18n.getText('capacity-tracker.js.panel.tue') }, { code: 'WED', label: AJS.I18n.getText('capacity-tracker.js.panel.wed') }, { code: 'THU', label: AJS.I18n.getText('capacity-tracker.js.panel.thu') },
    { code: 'FRI', label: AJS.I18n.getText('capacity-tracker.js.panel.fri') }, { code: 'SAT', label: AJS.I18n.getText('capacity-tracker.js.panel.sat') }, { code: 'SUN', label: AJS.I18n.getText('capacity-tracker.js.panel.sun') }
  ];

  function selectInput(id, name, options, value, testid) {
    var select = h('select', { class: 'select', id: id, name: name, 'data-testid': testid || null },
      options.map(function (o) { return h('option', { value: o.value, text: o.label }); }));
    select.value = value;
    return select;
  }

  function settingsFieldMapper(holidayIndex) {
    return function (field) {
      if (/^(unit|estimateSource|subtaskPolicy|timeZone|focusFactor)$/.test(field)) return field;
      if (/^workingWeekdays(\[\d+\])?$/.test(field)) return 'workingWeekdays';
      if (field === 'thresholds.under') return 'thresholdsUnder';
      if (field === 'thresholds.over') return 'thresholdsOver';
      var m = /^holidays\[(\d+)\]\.(date|name|fraction)$/.exec(field);
      if (m && Number(m[1]) === holidayIndex) return m[2];
      return null;
    };
  }

  Panel.prototype.toggleBoardSettings = function () {
    this.showSettings = !this.showSettings;
    this.editing = null;
    this.adding = null;
    this.notice = null;
    this.renderHeader();
    this.render();
    if (this.showSettings) {
      var box = this.root.querySelector('[data-testid="board-settings"]');
      if (box && box.scrollIntoView) box.scrollIntoView({ block: 'start', behavior: 'smooth' });
    }
  };

  /** The board-wide settings: unit, estimates, calendar, thresholds and holidays. */
  Panel.prototype.renderBoardSettings = function (closable) {
    var self = this;
    var s = this.settings;
    var ids = 'ct-board';
    var unit = selectInput(ids + '-unit', 'unit', [
      { value: 'hours', label: AJS.I18n.getText('capacity-tracker.js.panel.hours') }, { value: 'storyPoints', label: AJS.I18n.getText('capacity-tracker.js.panel.story-points') }], s.unit, 'settings-unit');
    var source = selectInput(ids + '-source', 'estimateSource', [
      { value: 'remaining', label: AJS.I18n.getText('capacity-tracker.js.panel.remaining-estimate') }, { value: 'original', label: AJS.I18n.getText('capacity-tracker.js.panel.original-estimate') },
      { value: 'storyPoints', label: AJS.I18n.getText('capacity-tracker.js.panel.story-points') }], s.estimateSource, 'settings-estimate-source');
    unit.addEventListener('change', function () {
      // Points are only measured in points, and hours only by time estimates.
      if (unit.value === 'storyPoints') source.value = 'storyPoints';
      else if (source.value === 'storyPoints') source.value = 'remaining';
    });
    var policy = selectInput(ids + '-policy', 'subtaskPolicy', [
      { value: 'subtasks', label: AJS.I18n.getText('capacity-tracker.js.panel.sub-tasks-a-parent-only-when') },
      { value: 'parents', label: AJS.I18n.getText('capacity-tracker.js.panel.parents-only') },
      { value: 'all', label: AJS.I18n.getText('capacity-tracker.js.panel.every-issue-parents-and-sub-tasks') }], s.subtaskPolicy, 'settings-subtask-policy');
    var zones = h('datalist', { id: ids + '-zones' });
    try {
      if (Intl.supportedValuesOf) Intl.supportedValuesOf('timeZone').forEach(function (z) { append(zones, h('option', { value: z })); });
    } catch (e) { /* older browsers: a plain text box */ }
    var zone = textInput(ids + '-zone', 'timeZone', s.timeZone, { list: ids + '-zones', autocomplete: 'off', 'data-testid': 'settings-time-zone' });
    var days = h('div', { class: 'ct-weekdays', role: 'group', 'aria-labelledby': ids + '-days-label' });
    var dayInputs = WEEKDAYS.map(function (d) {
      var box = h('input', { type: 'checkbox', class: 'checkbox', name: 'workingWeekdays', value: d.code, id: ids + '-day-' + d.code,
        checked: s.workingWeekdays.indexOf(d.code) >= 0, 'data-testid': 'settings-day-' + d.code });
      append(days, h('label', { class: 'ct-weekday', for: ids + '-day-' + d.code }, box, d.label));
      return box;
    });
    var focus = textInput(ids + '-focus', 'focusFactor', s.focusFactor, { type: 'number', step: 'any', inputmode: 'decimal', 'data-testid': 'settings-focus' });
    var under = textInput(ids + '-under', 'thresholdsUnder', s.thresholds.under, { type: 'number', step: 'any', inputmode: 'decimal', 'data-testid': 'settings-under' });
    var over = textInput(ids + '-over', 'thresholdsOver', s.thresholds.over, { type: 'number', step: 'any', inputmode: 'decimal', 'data-testid': 'settings-over' });

    // Roles are renamed in place: members point at a role's id, so they keep it.
    var roleRows = (s.roles || []).map(function (role, i) {
      var used = s.members.some(function (m) { return m.roleId === role.id; });
      var nameInput = textInput(ids + '-role-' + i, 'roleName-' + i, role.name, { maxlength: '60', 'data-testid': 'settings-role-name', 'aria-label': AJS.I18n.getText('capacity-tracker.js.panel.settings.role-name', role.name) });
      var colourInput = h('input', { type: 'color', class: 'ct-colour-input', name: 'roleColour-' + i, value: role.colour, 'aria-label': AJS.I18n.getText('capacity-tracker.js.panel.settings.role-colour', role.name), 'data-testid': 'settings-role-colour' });
      var row = { role: role, index: i, name: nameInput, colour: colourInput, removed: false };
      row.el = h('div', { class: 'field-group ct-field ct-role-row', 'data-testid': 'settings-role', 'data-role-id': role.id },
        h('div', { class: 'ct-role-inputs' }, colourInput, nameInput,
          used ? h('span', { class: 'ct-hint ct-role-used', text: AJS.I18n.getText('capacity-tracker.js.panel.in-use') }) :
            h('button', { type: 'button', class: 'aui-button aui-button-link', 'data-testid': 'remove-role',
              onclick: function () { row.removed = true; row.el.hidden = true; } }, AJS.I18n.getText('capacity-tracker.js.panel.remove'))),
        h('div', { class: 'error ct-field-error', 'data-testid': 'field-error', hidden: true }));
      return row;
    });
    function roleMapper(field) {
      var m = /^roles\[(\d+)\]\.(name|colour|id)$/.exec(field);
      if (!m) return null;
      var row = roleRows.filter(function (r) { return !r.removed; })[Number(m[1])];
      return row ? (m[2] === 'colour' ? 'roleColour-' : 'roleName-') + row.index : null;
    }

    var form = h('form', { class: 'aui ct-form', novalidate: true, 'data-testid': 'board-settings-form',
      onsubmit: function (e) {
        e.preventDefault();
        var doc = JSON.parse(JSON.stringify(self.settings));
        doc.unit = unit.value;
        doc.estimateSource = source.value;
        doc.subtaskPolicy = policy.value;
        doc.timeZone = zone.value.trim();
        doc.workingWeekdays = dayInputs.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
        doc.focusFactor = numberValue(focus);
        doc.thresholds = { under: numberValue(under), over: numberValue(over) };
        if (doc.roles) {
          doc.roles = roleRows.filter(function (r) { return !r.removed; }).map(function (r) {
            return Object.assign({}, r.role, { name: r.name.value.trim(), colour: r.colour.value.toUpperCase() });
          });
        }
        var baseMapper = settingsFieldMapper(-1);
        self.writeSettings(form, doc, function (field) { return baseMapper(field) || roleMapper(field); }, function () {
          self.notice = { key: SETTINGS_SCOPE, kind: 'success', title: null, text: AJS.I18n.getText('capacity-tracker.js.panel.board-settings-saved') };
          self.render();
        }, SETTINGS_SCOPE);
      } },
      h('h4', { text: AJS.I18n.getText('capacity-tracker.js.panel.estimates-and-calendar') }),
      h('div', { class: 'ct-form-message' }),
      h('div', { class: 'ct-inline-fields' },
        fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.unit'), ids + '-unit', unit),
        fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.workload-from'), ids + '-source', source)),
      fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.sub-tasks'), ids + '-policy', policy, null, AJS.I18n.getText('capacity-tracker.js.panel.which-of-a-parents-and-its')),
      fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.time-zone'), ids + '-zone', zone, null, AJS.I18n.getText('capacity-tracker.js.panel.sprint-dates-are-read-as-local')),
      zones,
      h('div', { class: 'field-group ct-field', 'data-field-name': 'workingWeekdays' },
        h('label', { id: ids + '-days-label', text: AJS.I18n.getText('capacity-tracker.js.panel.working-days') }),
        days,
        h('div', { class: 'error ct-field-error', 'data-testid': 'field-error', hidden: true })),
      h('div', { class: 'ct-inline-fields' },
        fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.focus-factor'), ids + '-focus', focus, '%', AJS.I18n.getText('capacity-tracker.js.panel.plannable-share-of-a-day')),
        fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.under-used-below'), ids + '-under', under, '%'),
        fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.over-booked-above'), ids + '-over', over, '%')),
      roleRows.length ? h('div', { class: 'ct-roles-editor' },
        h('label', { class: 'ct-group-label', text: AJS.I18n.getText('capacity-tracker.js.panel.roles') }),
        h('p', { class: 'ct-hint', text: AJS.I18n.getText('capacity-tracker.js.panel.rename-a-role-or-change-its') }),
        roleRows.map(function (r) { return r.el; })) : null,
      h('div', { class: 'buttons-container' }, h('div', { class: 'buttons' },
        h('button', { type: 'submit', class: 'aui-button aui-button-primary', 'data-testid': 'save-board-settings' }, AJS.I18n.getText('capacity-tracker.js.panel.save-settings')),
        closable ? h('button', { type: 'button', class: 'aui-button aui-button-link', onclick: function () { self.toggleBoardSettings(); } }, AJS.I18n.getText('capacity-tracker.js.panel.close')) : null)));

    var notice = this.notice && this.notice.key === SETTINGS_SCOPE ? message(this.notice.kind, this.notice.title,
      this.notice.text ? h('p', { text: this.notice.text }) : null, { 'data-testid': 'settings-notice' }) : null;

    return h('section', { class: 'ct-section ct-board-settings', 'data-testid': 'board-settings', 'aria-label': AJS.I18n.getText('capacity-tracker.js.panel.board-settings') },
      h('div', { class: 'ct-editor' },
        h('div', { class: 'ct-editor-head' },
          h('h3', { text: AJS.I18n.getText('capacity-tracker.js.panel.board-settings') }),
          h('span', { class: 'ct-hint', text: AJS.I18n.getText('capacity-tracker.js.panel.holidays.apply-to-every-sprint', this.board ? this.board.name : AJS.I18n.getText('capacity-tracker.js.panel.this-board')) }),
          closable ? h('button', { type: 'button', class: 'aui-button aui-button-subtle ct-close-editor', 'aria-label': AJS.I18n.getText('capacity-tracker.js.panel.close'), title: AJS.I18n.getText('capacity-tracker.js.panel.close'), text: '\u00d7',
            onclick: function () { self.toggleBoardSettings(); } }) : null),
        notice,
        h('div', { class: 'ct-editor-grid' }, form, this.renderHolidays())));
  };

  Panel.prototype.renderHolidays = function () {
    var self = this;
    var holidays = this.settings.holidays.map(function (hd, i) { return { holiday: hd, index: i }; });
    holidays.sort(function (a, b) { return a.holiday.date < b.holiday.date ? -1 : a.holiday.date > b.holiday.date ? 1 : a.index - b.index; });
    var box = h('div', { class: 'ct-daysoff', 'data-testid': 'holidays-editor' },
      h('h4', { text: AJS.I18n.getText('capacity-tracker.js.panel.team-holidays') }),
      h('p', { class: 'ct-hint', text: AJS.I18n.getText('capacity-tracker.js.panel.nobody-on-this-board-works-on') }));
    var listForm = h('form', { class: 'aui ct-form', novalidate: true, onsubmit: function (e) { e.preventDefault(); } },
      h('div', { class: 'ct-form-message' }));
    if (holidays.length) {
      var tbody = h('tbody');
      holidays.forEach(function (item) {
        var hd = item.holiday;
        var part = DAY_FRACTIONS.filter(function (f) { return Number(f.value) === hd.fraction; })[0];
        append(tbody, h('tr', { 'data-testid': 'holiday', 'data-date': hd.date },
          h('td', { text: longDate(hd.date) }),
          h('td', { text: hd.name }),
          h('td', { text: part ? part.label : AJS.I18n.getText('capacity-tracker.js.panel.fraction.percent-of-day', Math.round(hd.fraction * 100)) }),
          h('td', { class: 'ct-actions' }, h('button', { type: 'button', class: 'aui-button aui-button-link', 'data-testid': 'remove-holiday',
            'aria-label': AJS.I18n.getText('capacity-tracker.js.panel.holidays.remove', hd.name, longDate(hd.date)),
            onclick: function () {
              var doc = JSON.parse(JSON.stringify(self.settings));
              doc.holidays.splice(item.index, 1);
              self.writeSettings(listForm, doc, function () { return null; }, function () {
                self.notice = { key: SETTINGS_SCOPE, kind: 'success', title: null, text: AJS.I18n.getText('capacity-tracker.js.panel.holidays.removed', hd.name) };
                self.render();
              }, SETTINGS_SCOPE);
            } }, AJS.I18n.getText('capacity-tracker.js.panel.remove')))));
      });
      append(listForm, h('table', { class: 'aui ct-table ct-daysoff-table', 'data-testid': 'holidays-list' },
        h('thead', null, h('tr', null, h('th', { text: AJS.I18n.getText('capacity-tracker.js.panel.date') }), h('th', { text: AJS.I18n.getText('capacity-tracker.js.panel.name') }), h('th', { text: AJS.I18n.getText('capacity-tracker.js.panel.part') }),
          h('th', null, h('span', { class: 'ct-visually-hidden', text: AJS.I18n.getText('capacity-tracker.js.panel.actions') })))),
        tbody));
    } else {
      append(listForm, h('p', { class: 'ct-empty', text: AJS.I18n.getText('capacity-tracker.js.panel.no-holidays') }));
    }
    append(box, listForm);

    var ids = 'ct-holiday';
    var date = textInput(ids + '-date', 'date', '', { type: 'date', 'data-testid': 'holiday-date' });
    var name = textInput(ids + '-name', 'name', '', { maxlength: '100', 'data-testid': 'holiday-name', placeholder: AJS.I18n.getText('capacity-tracker.js.panel.e-g-christmas-day') });
    var fraction = selectInput(ids + '-fraction', 'fraction', DAY_FRACTIONS, '1', 'holiday-fraction');
    var addForm = h('form', { class: 'aui ct-form ct-daysoff-form', novalidate: true, 'data-testid': 'holiday-form',
      onsubmit: function (e) {
        e.preventDefault();
        var doc = JSON.parse(JSON.stringify(self.settings));
        var index = doc.holidays.length;
        var added = { date: date.value, name: name.value.trim(), fraction: Number(fraction.value) };
        doc.holidays.push(added);
        self.writeSettings(addForm, doc, settingsFieldMapper(index), function () {
          self.notice = { key: SETTINGS_SCOPE, kind: 'success', title: null, text: AJS.I18n.getText('capacity-tracker.js.panel.holidays.added', added.name, longDate(added.date)) };
          self.render();
        }, SETTINGS_SCOPE);
      } },
      h('h5', { text: AJS.I18n.getText('capacity-tracker.js.panel.add-a-holiday') }),
      h('div', { class: 'ct-form-message' }),
      h('div', { class: 'ct-inline-fields' },
        fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.date'), ids + '-date', date),
        fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.part-of-day'), ids + '-fraction', fraction)),
      fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.name'), ids + '-name', name),
      h('div', { class: 'buttons-container' }, h('div', { class: 'buttons' },
        h('button', { type: 'submit', class: 'aui-button', 'data-testid': 'add-holiday' }, AJS.I18n.getText('capacity-tracker.js.panel.add-holiday')))));
    append(box, addForm);
    return box;
  };

  // ---------------------------------------------------------------- roles and buckets

  Panel.prototype.renderRoles = function (report) {
    var table = h('table', { class: 'aui ct-table', 'data-testid': 'roles-table' },
      h('thead', null, h('tr', null,
        h('th', { scope: 'col', text: AJS.I18n.getText('capacity-tracker.js.panel.role') }),
        h('th', { scope: 'col', class: 'ct-num', text: AJS.I18n.getText('capacity-tracker.js.panel.people') }),
        h('th', { scope: 'col', class: 'ct-num', text: AJS.I18n.getText('capacity-tracker.js.panel.capacity') }),
        h('th', { scope: 'col', class: 'ct-num', text: AJS.I18n.getText('capacity-tracker.js.panel.workload') }),
        h('th', { scope: 'col', class: 'ct-num', text: AJS.I18n.getText('capacity-tracker.js.panel.free') }),
        h('th', { scope: 'col', class: 'ct-util-col', text: AJS.I18n.getText('capacity-tracker.js.panel.utilisation') }))));
    var tbody = h('tbody');
    var self = this;
    report.roles.forEach(function (r) {
      append(tbody, h('tr', { 'data-testid': 'role-row', 'data-role': r.role, 'data-status': r.status },
        h('th', { scope: 'row' }, colourDot(r.colour), r.role),
        h('td', { class: 'ct-num', text: String(r.members) }),
        h('td', { class: 'ct-num', 'data-testid': 'capacity', 'data-value': String(r.capacity), text: formatQuantity(r.capacity, report) }),
        h('td', { class: 'ct-num', 'data-testid': 'workload', 'data-value': String(r.workload), text: formatQuantity(r.workload, report) }),
        h('td', { class: 'ct-num' + (r.free < 0 ? ' ct-negative' : ''), 'data-testid': 'free', 'data-value': String(r.free), text: formatQuantity(r.free, report) }),
        h('td', { class: 'ct-util-col' }, self.utilisationCell(r.utilisation, r.status))));
    });
    if (!report.roles.length) append(tbody, h('tr', null, h('td', { colspan: '6', class: 'ct-empty', text: AJS.I18n.getText('capacity-tracker.js.panel.no-roles-yet') })));
    append(table, tbody);
    return h('section', { class: 'ct-section', 'aria-label': AJS.I18n.getText('capacity-tracker.js.panel.by-role') }, h('div', { class: 'ct-section-head' }, h('h3', { text: AJS.I18n.getText('capacity-tracker.js.panel.by-role') })), table);
  };

  Panel.prototype.issueLinks = function (keys, markUnestimated) {
    var self = this;
    var unestimated = {};
    if (markUnestimated && this.report && this.report.unestimated) {
      this.report.unestimated.items.forEach(function (k) { unestimated[k] = true; });
    }
    var list = h('ul', { class: 'ct-issues' });
    keys.forEach(function (key) {
      var issue = self.issuesByKey[key];
      var summary = issue && issue.fields ? issue.fields.summary : null;
      var type = issue && issue.fields && issue.fields.issuetype ? issue.fields.issuetype.name : null;
      append(list, h('li', { 'data-issue-key': key },
        h('a', { href: self.contextPath + '/browse/' + enc(key), class: 'ct-issue-key', text: key, title: type ? type + ': ' + (summary || '') : summary }),
        summary ? h('span', { class: 'ct-issue-summary', text: summary }) : null,
        unestimated[key] ? lozenge(AJS.I18n.getText('capacity-tracker.js.panel.no-estimate'), 'aui-lozenge-subtle ct-no-estimate') : null));
    });
    return list;
  };

  Panel.prototype.renderBuckets = function (report) {
    var self = this;
    var un = report.unassigned || { workload: 0, items: [] };
    var est = report.unestimated || { count: 0, items: [] };
    var nm = report.nonMembers || [];

    function bucket(testid, title, figure, figureValue, help, body, empty) {
      return h('div', { class: 'ct-bucket' + (empty ? ' ct-bucket-empty' : ''), 'data-testid': testid },
        h('div', { class: 'ct-bucket-head' },
          h('h4', { text: title }),
          h('span', { class: 'ct-bucket-figure', 'data-testid': 'bucket-figure', 'data-value': figureValue, text: figure })),
        h('p', { class: 'ct-hint', text: help }),
        body);
    }

    var nonMemberBody = h('div');
    nm.forEach(function (entry) {
      var key = entry.assignee;
      append(nonMemberBody, h('div', { class: 'ct-nonmember', 'data-testid': 'non-member', 'data-account-key': key },
        h('div', { class: 'ct-nonmember-head' },
          h('div', { class: 'ct-who' }, self.avatar(key), h('span', { class: 'ct-name', text: self.displayName(key) })),
          h('span', { class: 'ct-bucket-figure', 'data-value': String(entry.workload), text: formatQuantity(entry.workload, report) }),
          h('button', { type: 'button', class: 'aui-button aui-button-link ct-add-them', 'data-testid': 'add-non-member',
            onclick: function () {
              self.adding = { accountKey: key };
              self.editing = null;
              self.render();
              var form = self.body.querySelector('[data-testid="add-member-form"]');
              if (form) { form.scrollIntoView({ block: 'center' }); var role = form.querySelector('[name="role"]'); if (role) role.focus(); }
            } }, AJS.I18n.getText('capacity-tracker.js.panel.add-to-team'))),
        self.issueLinks(entry.items, true)));
    });

    var nmTotal = nm.length ? (nm.length === 1 ? AJS.I18n.getText('capacity-tracker.js.panel.count.one-person') : AJS.I18n.getText('capacity-tracker.js.panel.count.people', nm.length)) : AJS.I18n.getText('capacity-tracker.js.panel.count.none');
    return h('section', { class: 'ct-section', 'aria-label': AJS.I18n.getText('capacity-tracker.js.panel.work-outside-the-team') },
      h('div', { class: 'ct-section-head' }, h('h3', { text: AJS.I18n.getText('capacity-tracker.js.panel.work-outside-the-teams-capacity') })),
      h('div', { class: 'ct-buckets' },
        bucket('bucket-unassigned', AJS.I18n.getText('capacity-tracker.js.panel.unassigned'), un.items.length ? formatQuantity(un.workload, report) : AJS.I18n.getText('capacity-tracker.js.panel.count.none'), String(un.workload),
          AJS.I18n.getText('capacity-tracker.js.panel.not-counted-against-anyone-until-assigned'), un.items.length ? this.issueLinks(un.items, true) : null, !un.items.length),
        bucket('bucket-non-members', AJS.I18n.getText('capacity-tracker.js.panel.assigned-outside-the-team'), nmTotal, String(nm.length),
          AJS.I18n.getText('capacity-tracker.js.panel.work-of-people-who-are-not'), nm.length ? nonMemberBody : null, !nm.length),
        bucket('bucket-unestimated', AJS.I18n.getText('capacity-tracker.js.panel.unestimated'), est.count ? (est.count === 1 ? AJS.I18n.getText('capacity-tracker.js.panel.count.one-item') : AJS.I18n.getText('capacity-tracker.js.panel.count.items', est.count)) : AJS.I18n.getText('capacity-tracker.js.panel.count.none'), String(est.count),
          AJS.I18n.getText('capacity-tracker.js.panel.no-estimate-so-they-add-nothing'), est.items.length ? this.issueLinks(est.items) : null, !est.count)));
  };

  // ---------------------------------------------------------------- per-day chart

  Panel.prototype.renderChart = function (report) {
    var self = this;
    var days = report.days || [];
    var members = report.members || [];
    var max = 0;
    days.forEach(function (d) { if (d.capacity > max) max = d.capacity; });
    var scale = max || 1;

    // Days off are marked from each person's stored ranges (dates only; the capacity
    // effect of each day off is already in the engine's per-day numbers).
    var offByDate = {};
    members.forEach(function (m) {
      var doc = self.daysOff[m.accountKey];
      if (!doc) return;
      doc.ranges.forEach(function (r) {
        days.forEach(function (d) {
          if (d.working && d.date >= r.start && d.date <= r.end) {
            (offByDate[d.date] = offByDate[d.date] || []).push({ key: m.accountKey, fraction: r.fraction, reason: r.reason });
          }
        });
      });
    });

    var chart = h('div', { class: 'ct-chart' + (days.length > 16 ? ' ct-chart-dense' : ''), 'data-testid': 'day-chart', role: 'list' });
    var prevMonth = null;
    days.forEach(function (d, i) {
      var holidayName = d.holiday ? (typeof d.holiday === 'string' ? d.holiday : (d.holiday.name || AJS.I18n.getText('capacity-tracker.js.panel.holiday'))) : null;
      var offs = offByDate[d.date] || [];
      var cls = 'ct-day';
      if (!d.working) cls += ' ct-day-off-week';
      if (holidayName) cls += ' ct-day-holiday';
      if (offs.length) cls += ' ct-day-with-off';
      var label = AJS.I18n.getText('capacity-tracker.js.panel.chart.day-label', longDate(d.date), formatQuantity(d.capacity, report));
      if (!d.working) label = AJS.I18n.getText('capacity-tracker.js.panel.chart.not-working-day', label);
      if (holidayName) label = AJS.I18n.getText('capacity-tracker.js.panel.chart.with-holiday', label, holidayName);
      offs.forEach(function (o) {
        var who = o.fraction < 1 ? AJS.I18n.getText('capacity-tracker.js.panel.chart.part-off', self.displayName(o.key), Math.round(o.fraction * 100)) : AJS.I18n.getText('capacity-tracker.js.panel.chart.off', self.displayName(o.key));
        if (o.reason) who = AJS.I18n.getText('capacity-tracker.js.panel.chart.with-reason', who, o.reason);
        label = AJS.I18n.getText('capacity-tracker.js.panel.chart.with-off', label, who);
      });

      var bar = h('div', { class: 'ct-day-bar', style: { height: (d.capacity / scale * 100) + '%' } });
      members.forEach(function (m) {
        var v = m.days ? m.days[i] : 0;
        if (!v) return;
        append(bar, h('div', {
          class: 'ct-seg ct-colour-' + (self.memberIndex(m.accountKey) % MEMBER_COLOURS),
          style: { 'flex-grow': String(v) },
          title: self.displayName(m.accountKey) + ': ' + formatQuantity(v, report)
        }));
      });

      var month = d.date.slice(0, 7);
      var showMonth = month !== prevMonth;
      prevMonth = month;
      var markers = h('div', { class: 'ct-day-marks' });
      if (holidayName) append(markers, h('span', { class: 'ct-mark ct-mark-holiday', 'data-testid': 'holiday-mark', title: holidayName, text: holidayName }));
      offs.forEach(function (o) {
        append(markers, h('span', {
          class: 'ct-mark ct-mark-off ct-colour-' + (self.memberIndex(o.key) % MEMBER_COLOURS),
          'data-testid': 'day-off-mark', 'data-account-key': o.key,
          title: o.reason ? AJS.I18n.getText('capacity-tracker.js.panel.chart.with-reason', AJS.I18n.getText('capacity-tracker.js.panel.chart.off', self.displayName(o.key)), o.reason) : AJS.I18n.getText('capacity-tracker.js.panel.chart.off', self.displayName(o.key)),
          text: initials(self.displayName(o.key)) + (o.fraction < 1 ? ' ' + fractionMark(o.fraction) : '')
        }));
      });

      append(chart, h('div', { class: cls, role: 'listitem', 'aria-label': label, title: label,
        'data-date': d.date, 'data-capacity': String(d.capacity), 'data-working': d.working ? 'true' : 'false' },
        h('div', { class: 'ct-day-value', text: d.working ? formatQuantity(d.capacity, report) : '' }),
        h('div', { class: 'ct-day-track' }, d.working ? bar : h('div', { class: 'ct-day-rest' })),
        h('div', { class: 'ct-day-label' },
          h('span', { class: 'ct-day-weekday', text: formatDate(d.date, { weekday: 'narrow' }) }),
          h('span', { class: 'ct-day-number', text: formatDate(d.date, { day: 'numeric' }) }),
          h('span', { class: 'ct-day-month', text: showMonth ? formatDate(d.date, { month: 'short' }) : '\u00a0' })),
        markers));
    });

    var legend = h('ul', { class: 'ct-legend', 'aria-label': AJS.I18n.getText('capacity-tracker.js.panel.legend') });
    members.forEach(function (m) {
      append(legend, h('li', null, h('span', { class: 'ct-swatch ct-colour-' + (self.memberIndex(m.accountKey) % MEMBER_COLOURS) }), self.displayName(m.accountKey)));
    });
    append(legend, h('li', null, h('span', { class: 'ct-swatch ct-swatch-holiday' }), AJS.I18n.getText('capacity-tracker.js.panel.holiday')));
    append(legend, h('li', null, h('span', { class: 'ct-swatch ct-swatch-rest' }), AJS.I18n.getText('capacity-tracker.js.panel.not-a-working-day')));

    return h('section', { class: 'ct-section', 'aria-label': AJS.I18n.getText('capacity-tracker.js.panel.capacity-per-day') },
      h('div', { class: 'ct-section-head' },
        h('h3', { text: AJS.I18n.getText('capacity-tracker.js.panel.team-capacity-per-day') }),
        h('span', { class: 'ct-hint', text: AJS.I18n.getText('capacity-tracker.js.panel.each-bar-is-split-by-person') })),
      h('div', { class: 'ct-chart-wrap' }, chart),
      legend);
  };

  // ---------------------------------------------------------------- boot

  function boot() {
    var root = document.getElementById('ct-panel');
    if (!root || root.getAttribute('data-ct-started')) return;
    // The reports and administration pages have their own scripts (capacity-report.js,
    // capacity-admin.js) in the same web resource.
    var view = root.getAttribute('data-view');
    if (view === 'reports' || view === 'admin') return;
    root.setAttribute('data-ct-started', 'true');
    new Panel(root).start();
  }

  // Exposed for the browser tests' unit checks of the mapping, not as an API.
  window.CapacityTrackerPanel = { toWorkItem: toWorkItem, sprintOrder: sprintOrder, formatQuantity: formatQuantity };
  // The other pages of the same web resource build on these, so that a sprint's issues
  // become work items in exactly one place and every page looks and fails alike.
  window.CapacityTrackerPanel.kit = {
    h: h, append: append, clear: clear, message: message, lozenge: lozenge, enc: enc,
    Api: Api, ApiError: ApiError, toWorkItem: toWorkItem, fetchSprintIssues: fetchSprintIssues, fetchAgilePages: fetchAgilePages,
    instantMillis: instantMillis, formatQuantity: formatQuantity, formatPercent: formatPercent, formatDate: formatDate, longDate: longDate,
    statusLozenge: statusLozenge, STATUS_LABEL: STATUS_LABEL, STATUS_HELP: STATUS_HELP, DEFAULT_POINTS_FIELD: DEFAULT_POINTS_FIELD,
    fieldGroup: fieldGroup, textInput: textInput, radioOption: radioOption, checkboxOption: checkboxOption, selectInput: selectInput, numberValue: numberValue,
    showFormError: showFormError, resetErrors: resetErrors, setBusy: setBusy, humanField: humanField
  };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
  else boot();
}());
