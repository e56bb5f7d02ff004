'use strict';
/*
 * kit/jira.js: Jira issues as the engine's work items (docs/json-api.md, "items[]"), the
 * sprint picker's order, the fields asked of Jira, and paging. Run: node --test tests/js/
 */
var test = require('node:test');
var assert = require('node:assert');
var loader = require('./panel-loader.js');

var kit = loader.load.apply(null, loader.PURE_KIT).kit;
var POINTS = 'customfield_10106';
var EFFORT = 'customfield_10300';

function issue(key, fields) { return { key: key, fields: fields }; }

test('estimates: remaining and original seconds, the board\'s points field, absent or non-numbers as null', function () {
  var item = kit.toWorkItem(issue('X-1', { timeestimate: 3600, timeoriginalestimate: 7200, customfield_10106: 2.5, customfield_99: 8 }), POINTS);
  assert.deepStrictEqual(item, { key: 'X-1', assignee: null, statusCategory: 'new', remainingSeconds: 3600, originalSeconds: 7200,
    storyPoints: 2.5, parent: null, subtask: false });
  assert.strictEqual(kit.toWorkItem(issue('X-2', { customfield_99: 8 }), 'customfield_99').storyPoints, 8, 'the board\'s own points field');
  var none = kit.toWorkItem(issue('X-3', { timeestimate: null, timeoriginalestimate: '2h', customfield_10106: '3' }), POINTS);
  assert.strictEqual(none.remainingSeconds, null);
  assert.strictEqual(none.originalSeconds, null);
  assert.strictEqual(none.storyPoints, null);
  assert.strictEqual(kit.toWorkItem(issue('X-4', { timeestimate: 0 }), POINTS).remainingSeconds, 0, 'zero is an estimate');
  assert.deepStrictEqual(kit.toWorkItem({ key: 'X-5' }, POINTS), { key: 'X-5', assignee: null, statusCategory: 'new', remainingSeconds: null,
    originalSeconds: null, storyPoints: null, parent: null, subtask: false }, 'an issue without fields');
});

test('a custom estimate field becomes customEstimate, only when the board estimates with one', function () {
  var fields = { timeestimate: 3600, customfield_10300: 4.5 };
  assert.strictEqual(kit.toWorkItem(issue('X-1', fields), POINTS, EFFORT).customEstimate, 4.5);
  assert.strictEqual(kit.toWorkItem(issue('X-2', { customfield_10300: null }), POINTS, EFFORT).customEstimate, null);
  assert.strictEqual(kit.toWorkItem(issue('X-3', {}), POINTS, EFFORT).customEstimate, null);
  assert.strictEqual(kit.toWorkItem(issue('X-4', { customfield_10300: '4' }), POINTS, EFFORT).customEstimate, null, 'text is no number');
  assert.ok(!('customEstimate' in kit.toWorkItem(issue('X-5', fields), POINTS)), 'no custom source, no customEstimate');
  assert.ok(!('customEstimate' in kit.toWorkItem(issue('X-6', fields), POINTS, null)));
  assert.strictEqual(kit.customEstimateField({ estimateSource: 'custom', customField: EFFORT }), EFFORT);
  assert.strictEqual(kit.customEstimateField({ estimateSource: 'remaining', customField: EFFORT }), null);
  assert.strictEqual(kit.customEstimateField({ estimateSource: 'custom' }), null);
  assert.strictEqual(kit.customEstimateField(null), null);
});

test('sub-tasks keep their parent; status categories; unassigned and assignee keys', function () {
  var sub = kit.toWorkItem(issue('X-9', { issuetype: { subtask: true }, parent: { key: 'X-8' }, assignee: { key: 'JIRAUSER10100', name: 'alice' },
    status: { statusCategory: { key: 'indeterminate' } } }), POINTS);
  assert.strictEqual(sub.subtask, true);
  assert.strictEqual(sub.parent, 'X-8');
  assert.strictEqual(sub.assignee, 'JIRAUSER10100', 'the user key, which survives renames');
  assert.strictEqual(sub.statusCategory, 'indeterminate');
  assert.strictEqual(kit.toWorkItem(issue('X-1', { assignee: { name: 'bob' } }), POINTS).assignee, 'bob', 'name when there is no key');
  assert.strictEqual(kit.toWorkItem(issue('X-1', { assignee: null }), POINTS).assignee, null);
  assert.strictEqual(kit.toWorkItem(issue('X-1', { assignee: {} }), POINTS).assignee, null);
  ['new', 'indeterminate', 'done'].forEach(function (c) {
    assert.strictEqual(kit.toWorkItem(issue('X', { status: { statusCategory: { key: c } } }), POINTS).statusCategory, c);
  });
  assert.strictEqual(kit.toWorkItem(issue('X', { status: { statusCategory: { key: 'undefined' } } }), POINTS).statusCategory, 'new',
    'Jira\'s "no category" is work not yet done');
  assert.strictEqual(kit.toWorkItem(issue('X', { status: {} }), POINTS).statusCategory, 'new');
  assert.strictEqual(kit.toWorkItem(issue('X', { issuetype: { subtask: false }, parent: { key: 'EPIC-1' } }), POINTS).subtask, false);
});

test('the fields asked of Jira: what the mapping reads, the points field, the custom field once', function () {
  assert.deepStrictEqual(kit.issueFields(POINTS), kit.ISSUE_FIELDS.concat([POINTS]));
  assert.deepStrictEqual(kit.issueFields(POINTS, EFFORT), kit.ISSUE_FIELDS.concat([POINTS, EFFORT]));
  assert.deepStrictEqual(kit.issueFields(POINTS, POINTS), kit.ISSUE_FIELDS.concat([POINTS]));
  ['timeestimate', 'timeoriginalestimate', 'status', 'assignee', 'issuetype', 'parent'].forEach(function (f) {
    assert.ok(kit.ISSUE_FIELDS.indexOf(f) >= 0, f);
  });
});

test('Jira\'s custom number fields, by name, for the custom estimate picker', function () {
  var fields = [
    { id: 'timeestimate', name: 'Remaining Estimate', custom: false, schema: { type: 'number', system: 'timeestimate' } },
    { id: EFFORT, name: 'Effort (hours)', custom: true, schema: { type: 'number', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float' } },
    { id: 'customfield_10200', name: 'Team', custom: true, schema: { type: 'string' } },
    { id: POINTS, name: 'Story Points', custom: true, schema: { type: 'number' } },
    { id: 'customfield_1', name: 'Broken', custom: true },
    null
  ];
  assert.deepStrictEqual(kit.customNumberFields(fields), [{ id: EFFORT, name: 'Effort (hours)' }, { id: POINTS, name: 'Story Points' }]);
  assert.deepStrictEqual(kit.customNumberFields(null), []);
});

test('sprints: active first, then future by start, then closed newest first', function () {
  var sprints = [
    { id: 1, state: 'closed', completeDate: '2026-11-13T17:30:00.000+01:00' },
    { id: 5, state: 'future' },
    { id: 4, state: 'future', startDate: '2026-12-14T09:00:00.000+0100' },
    { id: 3, state: 'active', startDate: '2026-11-30T09:00:00.000+0100' },
    { id: 2, state: 'closed', completeDate: '2026-11-27T17:30:00.000+01:00' },
    { id: 6, state: 'future', startDate: '2026-12-01T09:00:00.000+0100' },
    { id: 7, state: 'odd' }
  ];
  assert.deepStrictEqual(sprints.slice().sort(kit.sprintOrder).map(function (s) { return s.id; }), [3, 6, 4, 5, 2, 1, 7]);
  var sameDay = [{ id: 9, state: 'closed', endDate: '2026-01-01T00:00:00Z' }, { id: 8, state: 'closed', endDate: '2026-01-01T00:00:00Z' }];
  assert.deepStrictEqual(sameDay.sort(kit.sprintOrder).map(function (s) { return s.id; }), [9, 8], 'ties: higher id first when closed');
});

test('a sprint\'s issues are read page by page with the fields asked, and paging stops', function () {
  var asked = [];
  var api = { get: function (path) {
    asked.push(path);
    var start = Number(/startAt=(\d+)/.exec(path)[1]);
    var issues = start >= 250 ? [] : Array.from({ length: Math.min(100, 250 - start) }, function (_, i) { return { key: 'X-' + (start + i) }; });
    return Promise.resolve({ total: 250, issues: issues });
  } };
  return kit.fetchSprintIssues(api, 3, POINTS, EFFORT).then(function (all) {
    assert.strictEqual(all.length, 250);
    assert.strictEqual(asked.length, 3);
    assert.match(asked[0], /^\/rest\/agile\/1\.0\/sprint\/3\/issue\?fields=/);
    var fields = decodeURIComponent(/fields=([^&]+)/.exec(asked[0])[1]).split(',');
    assert.ok(fields.indexOf(POINTS) >= 0 && fields.indexOf(EFFORT) >= 0, fields.join());
    assert.deepStrictEqual(asked.map(function (p) { return /startAt=(\d+)/.exec(p)[1]; }), ['0', '100', '200']);
    var lying = { get: function () { return Promise.resolve({ total: 1e9, issues: [{ key: 'X' }] }); } };
    return kit.fetchSprintIssues(lying, 1, POINTS).then(function (endless) {
      assert.strictEqual(endless.length, kit.MAX_PAGES, 'a server that never ends is read for MAX_PAGES pages');
    });
  });
});

test('agile lists follow isLast', function () {
  var calls = 0;
  var api = { get: function (path) {
    calls++;
    assert.match(path, /\?startAt=\d+&maxResults=2$/);
    return Promise.resolve(calls < 3 ? { isLast: false, values: [calls * 2 - 1, calls * 2] } : { isLast: true, values: [5] });
  } };
  return kit.fetchAgilePages(api, '/rest/agile/1.0/board', 2).then(function (all) {
    assert.deepStrictEqual(all, [1, 2, 3, 4, 5]);
  });
});

test('board ids are checked by the rules the page carries', function () {
  // The engine's rule as IdRules.json() gives it (core/src/documents/ids.rs); the scripts hold no copy.
  const root = { getAttribute: (name) => (name === 'data-id-rules'
    ? JSON.stringify({ boardId: { pattern: '^[A-Za-z0-9_-]{1,40}$', minChars: 1, maxChars: 40 } }) : null) };
  const rules = kit.idRulesOf(root);
  const ok = (id) => kit.isBoardId(id, rules);
  assert.ok(ok(1) && ok('abc_D-9') && ok('x'.repeat(40)));
  assert.ok(!ok('') && !ok('a b') && !ok('x'.repeat(41)) && !ok('1/2'));
});

test('a Kanban board\'s periods: dated versions (unreleased first, instants read as their dates) and saved ranges', function () {
  var versions = [
    { id: 10000, name: '1.0', released: true, archived: false, startDate: '2026-10-01T00:00:00.000+02:00', releaseDate: '2026-10-30T00:00:00.000+01:00' },
    { id: 10001, name: '1.1', released: false, archived: false, startDate: '2026-11-02', releaseDate: '2026-12-15' },
    { id: 10002, name: '2.0', released: false, archived: false, releaseDate: '2027-02-01' },
    { id: 10003, name: 'old', released: true, archived: true, startDate: '2025-01-01', releaseDate: '2025-02-01' }
  ];
  var ranges = { revision: 2, ranges: [{ id: 'q1', name: 'Q1 2027', start: '2027-01-01', end: '2027-03-31' }] };
  var got = kit.kanbanPeriods(versions, ranges);
  assert.deepStrictEqual(got.periods.map(function (p) { return [p.id, p.kind, p.startDate, p.endDate]; }), [
    ['version-10001', 'version', '2026-11-02', '2026-12-15'],
    ['version-10000', 'version', '2026-10-01', '2026-10-30'],
    ['range-q1', 'range', '2027-01-01', '2027-03-31']
  ]);
  assert.deepStrictEqual(got.undated, ['2.0'], 'a version without a start date cannot be planned; archived ones are not offered');
  assert.deepStrictEqual(kit.kanbanPeriods(null, null), { periods: [], undated: [] });
  assert.strictEqual(kit.dateOf('nonsense'), null);
});

test('a period\'s issues: a version asks for its fix version, a range for open assigned work, page by page', function () {
  var asked = [];
  var api = { get: function (path) {
    asked.push(path);
    var start = Number(/startAt=(\d+)/.exec(path)[1]);
    return Promise.resolve({ total: 101, issues: start === 0 ? new Array(100).fill({ key: 'K-1' }) : [{ key: 'K-2' }] });
  } };
  return kit.fetchPeriodIssues(api, '2', { kind: 'version', versionId: '10001' }, POINTS, null).then(function (issues) {
    assert.strictEqual(issues.length, 101);
    assert.strictEqual(asked.length, 2);
    assert.ok(asked[0].indexOf('/rest/agile/1.0/board/2/issue?jql=' + encodeURIComponent('fixVersion = 10001') + '&fields=') === 0, asked[0]);
    asked.length = 0;
    return kit.fetchPeriodIssues(api, '2', { kind: 'range', rangeId: 'q1' }, POINTS, null);
  }).then(function () {
    assert.ok(asked[0].indexOf(encodeURIComponent('statusCategory != done AND assignee IS NOT EMPTY')) > 0, asked[0]);
  });
});
