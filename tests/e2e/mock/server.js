#!/usr/bin/env node
/*
 * Development mock of the host, for working on the panel's look without the Java build:
 * serves the panel files inside a Jira-like page plus canned Jira and capacity REST.
 * Its report is a rough stand-in for the engine (Mon–Fri, whole days, remaining
 * estimates) and is never used by the browser tests, which run against the real host.
 *
 *   node tests/e2e/mock/server.js [port]      AUI_DIR=<dir with aui-prototyping.css> optional
 */
'use strict';

const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');

const repo = path.resolve(__dirname, '..', '..', '..');
const panelDir = path.join(repo, 'java-bridge', 'plugin', 'src', 'main', 'resources', 'panel');
const auiDir = process.env.AUI_DIR || '';
const port = Number(process.argv[2] || process.env.PORT || 4990);
const ctx = '/jira';

const A = '2026-11-30';
function addDays(iso, n) {
  const d = new Date(iso + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
const users = {
  admin: 'Administrator', alice: 'Alice Andersen', bob: 'Bob Brown', carol: 'Carol Chen', dave: 'Dave Diaz', erin: 'Erin Evans',
};
const sprints = [
  { id: 1, state: 'closed', name: 'DEMO Sprint 1', startDate: `${addDays(A, -28)}T09:00:00.000+01:00`, endDate: `${addDays(A, -17)}T17:00:00.000+01:00`, completeDate: `${addDays(A, -17)}T17:05:00.000+01:00` },
  { id: 2, state: 'closed', name: 'DEMO Sprint 2', startDate: `${addDays(A, -14)}T09:00:00.000+01:00`, endDate: `${addDays(A, -3)}T17:00:00.000+01:00`, completeDate: `${addDays(A, -3)}T17:05:00.000+01:00` },
  { id: 3, state: 'active', name: 'DEMO Sprint 3', startDate: `${A}T09:00:00.000+01:00`, endDate: `${addDays(A, 11)}T17:00:00.000+01:00`, goal: 'Ship the capacity panel' },
  { id: 4, state: 'future', name: 'DEMO Sprint 4', startDate: `${addDays(A, 14)}T09:00:00.000+01:00`, endDate: `${addDays(A, 25)}T17:00:00.000+01:00` },
].map((s) => ({ ...s, self: '', originBoardId: 1 }));
const H = 3600;
function issue(key, assignee, type, status, cat, remaining, original, points, parent, summary) {
  return {
    key, id: key.split('-')[1],
    fields: {
      summary, issuetype: { name: type, subtask: type === 'Sub-task' },
      assignee: assignee ? { key: assignee, name: assignee, displayName: users[assignee] } : null,
      status: { name: status, statusCategory: { key: cat } },
      parent: parent ? { key: parent } : undefined,
      timeestimate: remaining, timeoriginalestimate: original, customfield_10106: points,
    },
  };
}
const sprint3 = [
  issue('DEMO-5', 'alice', 'Story', 'In Progress', 'indeterminate', 8 * H, 8 * H, 5, null, 'Sprint picker lists active sprint first'),
  issue('DEMO-6', 'alice', 'Story', 'To Do', 'new', 12 * H, 16 * H, 8, null, 'Days off editor with ranges'),
  issue('DEMO-7', 'alice', 'Bug', 'Done', 'done', 4 * H, 4 * H, 2, null, 'Utilisation rounds wrongly'),
  issue('DEMO-8', 'alice', 'Story', 'In Progress', 'indeterminate', 6 * H, 6 * H, 5, null, 'Per-day capacity chart'),
  issue('DEMO-9', 'alice', 'Sub-task', 'To Do', 'new', 3 * H, 3 * H, null, 'DEMO-8', 'Chart bars'),
  issue('DEMO-10', 'alice', 'Sub-task', 'In Progress', 'indeterminate', 5 * H, 5 * H, null, 'DEMO-8', 'Chart markers'),
  issue('DEMO-11', 'bob', 'Story', 'To Do', 'new', 10 * H, 10 * H, 5, null, 'Board settings REST'),
  issue('DEMO-12', 'bob', 'Story', 'In Progress', 'indeterminate', 14 * H, 14 * H, 8, null, 'Report REST'),
  issue('DEMO-13', 'carol', 'Story', 'To Do', 'new', 20 * H, 20 * H, null, null, 'Test plan for sprint reports'),
  issue('DEMO-14', 'carol', 'Bug', 'In Progress', 'indeterminate', 16 * H, 16 * H, null, null, 'Time zone shifts sprint by a day'),
  issue('DEMO-15', 'carol', 'Task', 'To Do', 'new', 15 * H, 15 * H, null, null, 'Regression suite'),
  issue('DEMO-16', 'dave', 'Task', 'To Do', 'new', 6 * H, 6 * H, 3, null, 'Panel visual design'),
  issue('DEMO-17', 'erin', 'Story', 'To Do', 'new', 5 * H, 5 * H, null, null, 'Docs for administrators'),
  issue('DEMO-18', null, 'Task', 'To Do', 'new', 4 * H, 4 * H, null, null, 'Upgrade build plugins'),
  issue('DEMO-19', null, 'Story', 'To Do', 'new', null, null, null, null, 'Export capacity as CSV'),
];
let settings = {
  schema: 2, revision: 1, unit: 'hours', estimateSource: 'remaining', subtaskPolicy: 'subtasks', timeZone: 'Europe/Berlin',
  workingWeekdays: ['MON', 'TUE', 'WED', 'THU', 'FRI'], holidays: [], focusFactor: 100, thresholds: { under: 80, over: 100 },
  roles: [
    { id: 'developer', name: 'Developer', colour: '#0052CC' },
    { id: 'qa', name: 'QA', colour: '#00875A' },
    { id: 'designer', name: 'Designer', colour: '#FF8B00' },
  ],
  members: [
    { accountKey: 'alice', roleId: 'developer', dailyCapacity: 6, allocation: 100 },
    { accountKey: 'bob', roleId: 'developer', dailyCapacity: 6, allocation: 50 },
    { accountKey: 'carol', roleId: 'qa', dailyCapacity: 5, allocation: 100 },
    { accountKey: 'dave', roleId: 'designer', dailyCapacity: 4, allocation: 100 },
  ],
};
const daysOff = {};

function send(res, status, body, type) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': type || 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}
function bad(res, field, message) {
  send(res, 400, { code: 1, error: 'validation', field, message: `${field}: ${message}` });
}
function readBody(req) {
  return new Promise((resolve) => {
    let data = '';
    req.on('data', (c) => { data += c; });
    req.on('end', () => resolve(data ? JSON.parse(data) : null));
  });
}

function report(req) {
  const start = req.iteration.start.slice(0, 10);
  const end = req.iteration.end.slice(0, 10);
  const dates = [];
  for (let d = start; d <= end; d = addDays(d, 1)) dates.push(d);
  const working = (d) => { const w = new Date(d + 'T00:00:00Z').getUTCDay(); return w >= 1 && w <= 5; };
  const status = (u) => (u === null ? 'noCapacity' : u < settings.thresholds.under ? 'under' : u > settings.thresholds.over ? 'over' : 'ok');
  const util = (w, c) => (c ? Math.round((w / c) * 1000) / 10 : null);
  const memberKeys = new Set(settings.members.map((m) => m.accountKey));
  const withSubs = new Set(req.items.filter((i) => i.subtask && i.remainingSeconds != null).map((i) => i.parent));
  const counted = req.items.filter((i) => i.statusCategory !== 'done' && !withSubs.has(i.key));
  const work = (i) => Math.round((i.remainingSeconds || 0) / 60);
  const members = settings.members.map((m) => {
    const off = (d) => Math.max(0, ...((daysOff[m.accountKey] || {}).ranges || []).filter((r) => r.start <= d && d <= r.end).map((r) => r.fraction));
    const hol = (d) => settings.holidays.filter((x) => x.date === d).reduce((a, x) => a + x.fraction, 0);
    const days = dates.map((d) => (working(d) ? Math.round(m.dailyCapacity * 60 * (m.allocation / 100) * (1 - Math.min(1, off(d) + hol(d)))) : 0));
    const capacity = days.reduce((a, b) => a + b, 0);
    const items = counted.filter((i) => i.assignee === m.accountKey && i.remainingSeconds != null);
    const workload = items.reduce((a, i) => a + work(i), 0);
    const u = util(workload, capacity);
    const roleDoc = settings.roles.find((r) => r.id === m.roleId) || { id: m.roleId, name: m.roleId, colour: '#6B778C' };
    return {
      accountKey: m.accountKey, roleId: roleDoc.id, role: roleDoc.name, colour: roleDoc.colour, dailyCapacity: m.dailyCapacity * 60, capacity, workload, free: capacity - workload,
      utilisation: u, status: status(u), remainingCapacity: capacity, daysOff: dates.filter((d) => working(d)).reduce((a, d) => a + off(d), 0),
      holidays: 0, workingDays: dates.filter(working).length, items: items.map((i) => i.key), days,
    };
  });
  const sum = (list, f) => list.reduce((a, x) => a + x[f], 0);
  const roles = [...new Set(members.map((m) => m.roleId))].map((roleId) => {
    const ms = members.filter((m) => m.roleId === roleId);
    const c = sum(ms, 'capacity'); const w = sum(ms, 'workload'); const u = util(w, c);
    return { roleId, role: ms[0].role, colour: ms[0].colour, members: ms.length, capacity: c, workload: w, free: c - w, utilisation: u, status: status(u) };
  });
  const c = sum(members, 'capacity'); const w = sum(members, 'workload'); const u = util(w, c);
  const unassigned = counted.filter((i) => !i.assignee && i.remainingSeconds != null);
  const nonMember = counted.filter((i) => i.assignee && !memberKeys.has(i.assignee) && i.remainingSeconds != null);
  const unestimated = counted.filter((i) => i.remainingSeconds == null);
  const byAssignee = {};
  nonMember.forEach((i) => { (byAssignee[i.assignee] = byAssignee[i.assignee] || []).push(i); });
  const warnings = [];
  if (nonMember.length) warnings.push({ code: 'nonMemberWork', message: `${nonMember.length} item is assigned to people who are not members of this board: ${Object.keys(byAssignee).join(', ')}` });
  if (unestimated.length) warnings.push({ code: 'unestimated', message: `${unestimated.length} item has no estimate: ${unestimated.map((i) => i.key).join(', ')}` });
  return {
    schema: 1, boardId: '1', unit: 'hours', baseUnit: 'minute',
    iteration: { id: req.iteration.id, name: req.iteration.name, firstDate: start, lastDate: end, dates,
      reading: `Dates read in Europe/Berlin: start ${req.iteration.start} is ${start}, end ${req.iteration.end} is ${end} (the end date is included).` },
    team: { capacity: c, workload: w, free: c - w, utilisation: u, status: status(u), remainingCapacity: c },
    roles, members,
    days: dates.map((d, i) => ({ date: d, working: working(d), holiday: settings.holidays.filter((x) => x.date === d).map((x) => x.name).join(', ') || null, capacity: sum(members.map((m) => ({ v: m.days[i] })), 'v') })),
    unassigned: { workload: unassigned.reduce((a, i) => a + work(i), 0), items: unassigned.map((i) => i.key) },
    nonMembers: Object.entries(byAssignee).map(([assignee, list]) => ({ assignee, workload: list.reduce((a, i) => a + work(i), 0), items: list.map((i) => i.key) })),
    unestimated: { count: unestimated.length, items: unestimated.map((i) => i.key) },
    warnings,
  };
}

function page(boardId, view) {
  const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const aui = auiDir ? `<link rel="stylesheet" href="${ctx}/aui/aui-prototyping.css">` : '';
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Team capacity - Jira</title>
${aui}<link rel="stylesheet" href="${ctx}/panel/capacity-panel.css"><script src="${ctx}/panel/capacity-panel.js"></script>
<style>body{margin:0;background:var(--aui-page-background,#f4f5f7)} #mock-header{background:#0747a6;color:#fff;height:40px;display:flex;align-items:center;padding:0 20px;font:600 14px/1 -apple-system,"Segoe UI",Roboto,sans-serif} #mock-header span{margin-left:auto;font-weight:400}</style>
</head><body class="aui-layout aui-theme-default"><header id="mock-header">Jira (mock) <span>Administrator</span></header>
<div id="page"><section id="content" role="main"><div id="ct-panel" data-board-id="${esc(boardId)}" data-context-path="${ctx}" data-current-user="admin" data-view="${esc(view)}"></div></section></div></body></html>`;
}

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const p = url.pathname;
  let m;
  try {
    if (p === `${ctx}/plugins/servlet/capacity-tracker`) return send(res, 200, page(url.searchParams.get('boardId') || '', url.searchParams.get('view') || 'board'), 'text/html; charset=utf-8');
    if ((m = /^\/jira\/panel\/([\w.-]+)$/.exec(p))) {
      const file = path.join(panelDir, m[1]);
      if (!fs.existsSync(file)) return send(res, 404, 'no such file', 'text/plain');
      return send(res, 200, fs.readFileSync(file, 'utf8'), m[1].endsWith('.css') ? 'text/css' : 'text/javascript');
    }
    if ((m = /^\/jira\/aui\/(.+)$/.exec(p)) && auiDir) {
      const file = path.join(auiDir, path.normalize(m[1]).replace(/^(\.\.[/\\])+/, ''));
      if (!fs.existsSync(file)) return send(res, 404, 'no such file', 'text/plain');
      const type = file.endsWith('.css') ? 'text/css' : file.endsWith('.woff') ? 'font/woff' : 'application/octet-stream';
      res.writeHead(200, { 'Content-Type': type });
      return res.end(fs.readFileSync(file));
    }
    if (p === `${ctx}/rest/agile/1.0/board`) {
      const boards = [{ id: 1, name: 'DEMO board', type: 'scrum' }, { id: 2, name: 'DEMO kanban', type: 'kanban' }];
      return send(res, 200, { startAt: 0, maxResults: 50, isLast: true, values: boards });
    }
    if (p === `${ctx}/rest/capacity/1.0/health`) return send(res, 200, { nativeVersion: '0.1.0', platform: 'linux-x86_64', pluginVersion: '0.1.0' });
    if (p === `${ctx}/rest/agile/1.0/board/1`) return send(res, 200, { id: 1, name: 'DEMO board', type: 'scrum', location: { projectKey: 'DEMO', projectName: 'Demo Project', displayName: 'Demo Project (DEMO)' } });
    if (p === `${ctx}/rest/agile/1.0/board/1/configuration`) return send(res, 200, { id: 1, name: 'DEMO board', estimation: { type: 'field', field: { fieldId: 'customfield_10106', displayName: 'Story Points' } } });
    if (p === `${ctx}/rest/agile/1.0/board/1/sprint`) {
      const startAt = Number(url.searchParams.get('startAt') || 0);
      const max = Math.min(2, Number(url.searchParams.get('maxResults') || 50)); // small pages exercise paging
      const values = sprints.slice(startAt, startAt + max);
      return send(res, 200, { maxResults: max, startAt, isLast: startAt + values.length >= sprints.length, values });
    }
    if ((m = /^\/jira\/rest\/agile\/1\.0\/sprint\/(\d+)\/issue$/.exec(p))) {
      const all = m[1] === '3' ? sprint3 : [];
      const startAt = Number(url.searchParams.get('startAt') || 0);
      const max = Math.min(6, Number(url.searchParams.get('maxResults') || 50));
      return send(res, 200, { startAt, maxResults: max, total: all.length, issues: all.slice(startAt, startAt + max) });
    }
    if (p === `${ctx}/rest/api/2/user`) {
      const key = url.searchParams.get('key');
      if (!users[key]) return send(res, 404, { errorMessages: [`The user with the key '${key}' does not exist`] });
      return send(res, 200, { key, name: key, displayName: users[key], active: true });
    }
    if (p === `${ctx}/rest/api/2/user/search`) {
      const q = (url.searchParams.get('username') || '').toLowerCase();
      return send(res, 200, Object.entries(users).filter(([k, n]) => k.includes(q) || n.toLowerCase().includes(q)).map(([k, n]) => ({ key: k, name: k, displayName: n })));
    }
    if (p === `${ctx}/rest/capacity/1.0/boards/1/settings`) {
      if (req.method === 'GET') return send(res, 200, settings);
      const doc = await readBody(req);
      if (doc.revision !== settings.revision) return send(res, 409, { code: 2, error: 'conflict', message: 'revision: stale', currentRevision: settings.revision });
      for (const [i, mem] of doc.members.entries()) {
        if (mem.role !== undefined) {
          if (!mem.role) return bad(res, `members[${i}].role`, 'must be 1 to 60 characters, got 0');
          let role = doc.roles.find((r) => r.name === mem.role);
          if (!role) { role = { id: mem.role.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').slice(0, 40) || 'role', name: mem.role, colour: '#6554C0' }; doc.roles.push(role); }
          delete mem.role;
          mem.roleId = role.id;
        }
        if (typeof mem.dailyCapacity !== 'number' || mem.dailyCapacity < 0 || mem.dailyCapacity > 24) return bad(res, `members[${i}].dailyCapacity`, `must be between 0 and 24 hours, got ${mem.dailyCapacity}`);
        if (typeof mem.allocation !== 'number' || mem.allocation < 0 || mem.allocation > 100) return bad(res, `members[${i}].allocation`, `must be a percentage between 0 and 100, got ${mem.allocation}`);
      }
      settings = { ...doc, revision: settings.revision + 1 };
      return send(res, 200, settings);
    }
    if ((m = /^\/jira\/rest\/capacity\/1\.0\/people\/([^/]+)\/days-off$/.exec(p))) {
      const key = decodeURIComponent(m[1]);
      const current = daysOff[key] || { schema: 1, revision: 0, accountKey: key, ranges: [] };
      if (req.method === 'GET') return send(res, 200, current);
      const doc = await readBody(req);
      if (doc.revision !== current.revision) return send(res, 409, { code: 2, error: 'conflict', message: 'revision: stale', currentRevision: current.revision });
      for (const [i, r] of doc.ranges.entries()) {
        if (!/^\d{4}-\d\d-\d\d$/.test(r.start)) return bad(res, `ranges[${i}].start`, `must be a date YYYY-MM-DD, got "${r.start}"`);
        if (r.end < r.start) return bad(res, `ranges[${i}].end`, `must not be before start (${r.start})`);
      }
      daysOff[key] = { ...doc, revision: current.revision + 1 };
      return send(res, 200, daysOff[key]);
    }
    if (p === `${ctx}/rest/capacity/1.0/boards/1/report`) return send(res, 200, report(await readBody(req)));
    send(res, 404, { errorMessages: ['not found: ' + p] });
  } catch (err) {
    send(res, 500, { message: String(err && err.stack || err) });
  }
});

server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`mock listening on http://127.0.0.1:${port}${ctx}/plugins/servlet/capacity-tracker?boardId=1\n`);
});
