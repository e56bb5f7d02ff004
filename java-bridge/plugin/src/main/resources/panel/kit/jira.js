/*
 * Capacity Tracker kit: Jira issues and sprints as the engine wants them.
 * toWorkItem is the one mapping from a Jira issue to an engine work item (docs/json-api.md,
 * "items[]"); every page uses it. The pure parts run in Node (tests/js/jira.test.js).
 */
(function (layer, define) {
  var CT = globalThis.CapacityTracker = globalThis.CapacityTracker || {};
  var exported = define(CT);
  CT[layer] = Object.assign(CT[layer] || {}, exported);
  if (typeof module === 'object' && module && module.exports) module.exports = exported;
}('kit', function (CT) {
  'use strict';

  var kit = CT.kit;
  var enc = kit.enc, instantMillis = kit.instantMillis;

  var ISSUE_FIELDS = ['summary', 'assignee', 'status', 'issuetype', 'parent', 'timeestimate', 'timeoriginalestimate'];
  // The Story Points field of a default Jira Software install; the board configuration
  // names the real one when the board estimates with a different field.
  var DEFAULT_POINTS_FIELD = 'customfield_10106';
  var SPRINT_PAGE = 50;
  var ISSUE_PAGE = 100;
  // Paging stops here whatever the server claims, so a misbehaving endpoint cannot loop.
  var MAX_PAGES = 500;

  /**
   * A Jira issue as an engine work item (docs/json-api.md, "items[]"). `pointsField` is the
   * board's Story Points field; `customField`, given when the board's estimate source is a
   * custom number field (settings `customField`), adds that field's value as the item's
   * `customEstimate` (null when the issue has none). Example:
   *   toWorkItem({ key: 'X-1', fields: { customfield_10300: 2.5 } }, 'customfield_10106', 'customfield_10300')
   *   → { key: 'X-1', …, storyPoints: null, …, customEstimate: 2.5 }
   */
  function toWorkItem(issue, pointsField, customField) {
    var f = issue.fields || {};
    var category = f.status && f.status.statusCategory ? f.status.statusCategory.key : null;
    // Jira's fourth category ("undefined", no category) is work not yet done.
    if (category !== 'new' && category !== 'indeterminate' && category !== 'done') category = 'new';
    var points = f[pointsField];
    var item = {
      key: issue.key,
      assignee: f.assignee ? (f.assignee.key || f.assignee.name || null) : null,
      statusCategory: category,
      remainingSeconds: typeof f.timeestimate === 'number' ? f.timeestimate : null,
      originalSeconds: typeof f.timeoriginalestimate === 'number' ? f.timeoriginalestimate : null,
      storyPoints: typeof points === 'number' ? points : null,
      parent: f.parent && f.parent.key ? f.parent.key : null,
      subtask: Boolean(f.issuetype && f.issuetype.subtask)
    };
    if (customField) item.customEstimate = typeof f[customField] === 'number' ? f[customField] : null;
    return item;
  }

  /** The custom number field a board's settings estimate with, or null when they use another source. */
  function customEstimateField(settings) {
    return settings && settings.estimateSource === 'custom' && settings.customField ? settings.customField : null;
  }

  /**
   * The engine's id rules, as the page root carries them (data-id-rules: the engine's
   * IdRules.json(), {"boardId": {"pattern": ...}, ...}); the scripts hold no pattern of their own.
   */
  function idRulesOf(root) {
    return JSON.parse(root.getAttribute('data-id-rules') || '{}');
  }

  /** Whether the engine accepts this Jira board's id, by its rules: boards it would refuse are not offered. */
  function isBoardId(id, rules) {
    return new RegExp(rules.boardId.pattern).test(String(id));
  }

  /** Jira's custom number fields (GET /rest/api/2/field), by name: what a board may estimate with. */
  function customNumberFields(fields) {
    return (fields || []).filter(function (f) {
      return f && f.custom === true && f.schema && f.schema.type === 'number' && typeof f.id === 'string';
    }).map(function (f) { return { id: f.id, name: String(f.name || f.id) }; })
      .sort(function (a, b) { return a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1); });
  }

  /** The `fields` to ask Jira for: what the mapping reads, the points field and the custom estimate field if any. */
  function issueFields(pointsField, customField) {
    var fields = ISSUE_FIELDS.concat([pointsField]);
    if (customField && fields.indexOf(customField) < 0) fields.push(customField);
    return fields;
  }

  /** Every issue of a Jira issue list (`base` has its query already) with the fields the mapping reads, page by page. */
  function fetchIssuePages(api, base, pointsField, customField) {
    var fields = issueFields(pointsField, customField).join(',');
    var path = base + (base.indexOf('?') >= 0 ? '&' : '?') + 'fields=' + enc(fields) + '&maxResults=' + ISSUE_PAGE;
    var all = [];
    function page(startAt, n) {
      return api.get(path + '&startAt=' + startAt).then(function (res) {
        var issues = (res && res.issues) || [];
        Array.prototype.push.apply(all, issues);
        var total = typeof res.total === 'number' ? res.total : all.length;
        if (issues.length && startAt + issues.length < total && n < MAX_PAGES) return page(startAt + issues.length, n + 1);
        return all;
      });
    }
    return page(0, 1);
  }

  /** Every issue of a sprint with the fields the mapping reads, page by page. */
  function fetchSprintIssues(api, sprintId, pointsField, customField) {
    return fetchIssuePages(api, '/rest/agile/1.0/sprint/' + enc(sprintId) + '/issue', pointsField, customField);
  }

  /**
   * The issues of a Kanban board's period (a period from `kanbanPeriods`): a version's are the
   * board's issues with that fix version; a range's, the board's issues not done and assigned.
   * The query only spares the transfer: the engine applies the range's rule to whatever it
   * is sent (iteration kind `range`, docs/json-api.md).
   */
  function fetchPeriodIssues(api, boardId, period, pointsField, customField) {
    var jql = period.kind === 'version' ? 'fixVersion = ' + period.versionId
      : 'statusCategory != done AND assignee IS NOT EMPTY'; // not-i18n: a JQL query sent to Jira, never shown
    return fetchIssuePages(api, '/rest/agile/1.0/board/' + enc(boardId) + '/issue?jql=' + enc(jql), pointsField, customField);
  }

  /** The date of a Jira date or instant as Jira wrote it (`2026-12-15T00:00:00.000+01:00` → `2026-12-15`), or null. */
  function dateOf(value) {
    var m = /^(\d{4}-\d{2}-\d{2})(T|$)/.exec(String(value || ''));
    return m ? m[1] : null;
  }

  /**
   * A Kanban board's periods, as the panel offers them in place of sprints: its fix versions
   * with both a start and a release date (unreleased first; a version's days run from its
   * start date to its release date, both included) and its saved date ranges. Each is
   * `{id, kind, name, startDate, endDate}` with the engine's iteration id (`version-<id>`,
   * `range-<id>`); `undated` lists the versions left out for want of a date.
   */
  function kanbanPeriods(versions, ranges) {
    var periods = [];
    var undated = [];
    var list = (versions || []).filter(function (v) { return v && !v.archived; });
    list.sort(function (a, b) { return (a.released ? 1 : 0) - (b.released ? 1 : 0); });
    list.forEach(function (v) {
      var start = dateOf(v.startDate), end = dateOf(v.releaseDate);
      if (!start || !end) { undated.push(v.name); return; }
      periods.push({ id: 'version-' + v.id, kind: 'version', versionId: String(v.id), name: v.name,
        startDate: start, endDate: end, released: Boolean(v.released) });
    });
    ((ranges && ranges.ranges) || []).forEach(function (r) {
      periods.push({ id: 'range-' + r.id, kind: 'range', rangeId: r.id, name: r.name, startDate: r.start, endDate: r.end });
    });
    return { periods: periods, undated: undated };
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

  return {
    DEFAULT_POINTS_FIELD: DEFAULT_POINTS_FIELD, ISSUE_FIELDS: ISSUE_FIELDS, MAX_PAGES: MAX_PAGES,
    SPRINT_PAGE: SPRINT_PAGE, fetchAgilePages: fetchAgilePages, fetchSprintIssues: fetchSprintIssues,
    fetchPeriodIssues: fetchPeriodIssues, kanbanPeriods: kanbanPeriods, dateOf: dateOf,
    sprintOrder: sprintOrder, toWorkItem: toWorkItem, customEstimateField: customEstimateField,
    customNumberFields: customNumberFields, issueFields: issueFields, isBoardId: isBoardId, idRulesOf: idRulesOf
  };
}));
