'use strict';
/*
 * Cross-site request forgery against every REST write of the plugin, in a real browser
 * (issue 10, defect 1: a write with no Content-Type, sent by a page on another port with
 * the admin's session, changed an iteration team). Every write endpoint, found in the
 * plugin's resources (lib/endpoints.js), is sent a body that would change something, with
 * no Content-Type, text/plain, a form type, multipart and application/json, with and
 * without X-Atlassian-Token: no-check, from a same-site page (another port of 127.0.0.1,
 * which the SameSite=Lax session cookie reaches), a cross-site page (localhost) and the
 * host's own page, all with the administrator logged in. Only JSON from the host's own page
 * may change anything; after every other request the whole stored state (the admin export
 * and the permissions document, revisions included) must be what it was. The other
 * origins go first, so that a lenient plugin is caught by the attack itself: with the
 * pre-fix rule (no Content-Type accepted) the same-site page's no-cors POST changed the
 * import, team copy and apply-template endpoints (checked 2026-12-04, docs/security.md).
 */

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startHost } = require('../../e2e/lib/host');
const { launchBrowser } = require('../../e2e/lib/browser');
const { PANEL, openLoggedIn } = require('../../e2e/lib/panel');
const { restBase, pluginEndpoints, writeEndpoints, documentedEndpoints } = require('../lib/endpoints');
const { startOtherOrigin, sendFrom } = require('../lib/origins');

const BASE = restBase();
const TYPES = [null, 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=ct-boundary',
  'application/json'];
const JSON_TYPE = 'application/json';
// The types Jira's REST XSRF check refuses without X-Atlassian-Token: no-check.
const XSRF_TYPES = TYPES.slice(1, 4);

// The values the path templates are filled with: the demo's board 1 and its sprint 3, a
// demo person, documents this test creates, and a report job it starts (jobId, set below).
const PATH_VALUES = {
  boardId: '1', iterationId: '3', accountKey: 'erin', calendarId: 'xsrf-calendar', reportId: 'xsrf-report',
  templateId: 'xsrf-template', jobId: null,
};
const PERIOD = { start: '2026-11-30', end: '2026-12-11' };
const JOB_DEFINITION = { name: 'Job', boardIds: ['1'], period: PERIOD, bucket: 'week', grouping: 'person' };

let host;
let browser;
let others;
let hostPage;
let cookie;

/** A JSON call with the admin's session from the test itself (not through a page). */
async function call(method, p, body) {
  const res = await fetch(host.url(BASE + p), {
    method,
    headers: { Cookie: cookie, Accept: 'application/json', 'Content-Type': JSON_TYPE },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** Everything stored: the export (every document with its revision) and the permissions. */
async function state() {
  const exported = await call('GET', '/admin/export');
  const permissions = await call('GET', '/admin/permissions');
  assert.equal(exported.status, 200);
  assert.equal(permissions.status, 200);
  return JSON.stringify({ exported: exported.body, permissions: permissions.body });
}

/** The stored document at `p`, or `fresh` when there is none yet (a create). */
async function current(p, fresh) {
  const r = await call('GET', p);
  if (r.status === 404) return fresh;
  assert.equal(r.status, 200, `GET ${p}: ${JSON.stringify(r.body)}`);
  return r.body;
}

/**
 * For each write endpoint, a body that changes something when accepted (or, for the two
 * report POSTs, that computes a report), built from what is stored now. Keyed like
 * "PUT /boards/{boardId}/settings"; the test insists every endpoint has one.
 */
const BODIES = {
  'PUT /admin/permissions': async () => current('/admin/permissions'),
  'POST /admin/import': async () => {
    // A merge that adds one template the instance does not have.
    const exported = (await call('GET', '/admin/export')).body;
    return { mode: 'merge', export: withTemplateCopy(exported, `xsrf-import-${exported.documents.length}`) };
  },
  'DELETE /admin/people/{accountKey}': null,
  'PUT /boards/{boardId}/settings': async () => current('/boards/1/settings'),
  'PUT /boards/{boardId}/ranges': async () => {
    const doc = await current('/boards/1/ranges');
    return { ...doc, ranges: [...doc.ranges, { id: `r${doc.revision}`, name: `Range ${doc.revision}`, ...PERIOD }] };
  },
  'POST /boards/{boardId}/report': async () => ({
    iteration: { id: '3', start: '2026-11-30T09:00:00+01:00', end: '2026-12-11T17:00:00+01:00' }, items: [],
  }),
  'PUT /boards/{boardId}/iterations/{iterationId}/team': async () => {
    const doc = await current('/boards/1/iterations/3/team');
    return { ...doc, members: [{ accountKey: 'alice', action: 'change', dailyCapacity: doc.revision + 1 }] };
  },
  'POST /boards/{boardId}/iterations/{iterationId}/team/copy': async () => ({
    fromIterationId: '2', revision: (await current('/boards/1/iterations/3/team')).revision,
  }),
  'POST /boards/{boardId}/apply-template': async () => ({
    templateId: 'xsrf-seed', revision: (await current('/boards/1/settings')).revision,
  }),
  'PUT /calendars/{calendarId}': async () => {
    const doc = await current('/calendars/xsrf-calendar', { name: 'XSRF', dates: [], rules: [] });
    return { ...doc, dates: [{ date: `2026-12-${String(24 + doc.dates.length).padStart(2, '0')}`, name: 'Day', fraction: 1 }, ...doc.dates] };
  },
  'DELETE /calendars/{calendarId}': null,
  'PUT /people/{accountKey}/days-off': async () => {
    const doc = await current('/people/erin/days-off?boardId=1');
    const day = `2026-12-${String(1 + doc.ranges.length).padStart(2, '0')}`;
    return { ...doc, ranges: [...doc.ranges, { start: day, end: day }] };
  },
  'POST /reports/run': async () => ({
    definition: { name: 'Run', boardIds: ['1'], period: PERIOD, bucket: 'week', grouping: 'person' },
    boards: [{ boardId: '1', iterations: [] }],
  }),
  'PUT /reports/{reportId}': async () => {
    const doc = await current('/reports/xsrf-report', { name: 'XSRF', boardIds: ['1'], period: PERIOD, bucket: 'week', grouping: 'person' });
    return { ...doc, name: `XSRF ${doc.revision || 0}` };
  },
  'DELETE /reports/{reportId}': null,
  'POST /reports/jobs': async () => ({ definition: JOB_DEFINITION }),
  'DELETE /reports/jobs/{jobId}': null,
  'PUT /templates/{templateId}': async () => {
    const doc = await current('/templates/xsrf-template', { name: 'XSRF', members: [] });
    return { ...doc, name: `XSRF ${doc.revision || 0}` };
  },
  'DELETE /templates/{templateId}': null,
};
// The report POSTs compute, and report jobs live in the node's memory: they store nothing, so
// "nothing changed" is all there is to see (their refusals are checked by status above).
const COMPUTES = new Set(['POST /boards/{boardId}/report', 'POST /reports/run', 'POST /reports/jobs',
  'DELETE /reports/jobs/{jobId}']);

/** The export with one more template: the seeded one's entry copied under a new id. */
function withTemplateCopy(exported, newId) {
  const seed = exported.documents.find((d) => d.kind === 'template' && d.id === 'xsrf-seed');
  assert.ok(seed, 'the export holds the seeded template');
  return { ...exported, documents: [...exported.documents, { ...seed, id: newId, document: { ...seed.document, id: newId } }] };
}

function fill(template) {
  return template.replace(/\{(\w+)\}/g, (m, name) => {
    assert.ok(PATH_VALUES[name], `no value for the path parameter {${name}}`);
    return PATH_VALUES[name];
  });
}

function urlOf(endpoint) {
  const p = fill(endpoint.path);
  return host.url(BASE + p + (p.startsWith('/people/') ? '?boardId=1' : ''));
}

before(async () => {
  host = await startHost({ anchor: '2026-11-30', name: 'host-xsrf' });
  browser = await launchBrowser();
  others = await startOtherOrigin();
  hostPage = await browser.context.newPage();
  await openLoggedIn(hostPage, host, `${PANEL}?boardId=1`);
  const session = (await browser.context.cookies(host.url('/'))).find((c) => c.name === 'JSESSIONID');
  assert.ok(session, 'logged in: a session cookie');
  assert.equal(session.sameSite, 'Lax');
  cookie = `JSESSIONID=${session.value}`;
  // What the writes build on: a template to apply and import, erin's days off to erase.
  const seed = await call('PUT', '/templates/xsrf-seed', {
    name: 'Seed', members: [{ accountKey: 'dave', role: 'Designer', dailyCapacity: 3 }],
  });
  assert.equal(seed.status, 200, JSON.stringify(seed.body));
  const daysOff = await call('PUT', '/people/erin/days-off?boardId=1', { revision: 0, ranges: [{ start: '2026-12-14', end: '2026-12-14' }] });
  assert.equal(daysOff.status, 200, JSON.stringify(daysOff.body));
  // A report job of the admin's, for the job endpoints' paths.
  const job = await call('POST', '/reports/jobs', { definition: JOB_DEFINITION });
  assert.equal(job.status, 202, JSON.stringify(job.body));
  PATH_VALUES.jobId = job.body.id;
});

after(async () => {
  try {
    if (browser) await browser.close();
  } finally {
    if (others) await others.close();
    if (host) await host.stop();
  }
});

test('the endpoints under test are the plugin\'s, as documented', () => {
  const norm = (s) => s.replace(/\{\w+\}/g, '{}');
  const source = new Set(pluginEndpoints().map((e) => norm(`${e.method} ${e.path}`)));
  const documented = new Set([...documentedEndpoints()].map(norm));
  assert.deepEqual([...source].sort(), [...documented].sort(), 'docs/rest-api.md lists exactly the resources\' methods');
  const writes = writeEndpoints();
  assert.equal(writes.length, Object.keys(BODIES).length, 'a body for every write endpoint');
  for (const e of writes) assert.ok(`${e.method} ${e.path}` in BODIES, `a body for ${e.method} ${e.path}`);
});

test('the plugin serves every endpoint it declares (no 404 or 405 with the admin\'s session)', async () => {
  for (const e of pluginEndpoints()) {
    if (e.method !== 'GET') continue; // the writes are sent below, and must then succeed
    const r = await fetch(host.url(BASE + fill(e.path) + (e.path.startsWith('/people/') ? '?boardId=1' : '')),
      { headers: { Cookie: cookie, Accept: 'application/json' } });
    await r.arrayBuffer();
    assert.ok(![404, 405].includes(r.status) || /\{(calendarId|reportId|templateId)\}/.test(e.path),
      `GET ${e.path}: ${r.status}`);
  }
});

for (const endpoint of writeEndpoints()) {
  const name = `${endpoint.method} ${endpoint.path}`;
  test(`XSRF: ${name} changes only for JSON from the host's own page`, async () => {
    const pages = {
      'same-site': await browser.context.newPage(),
      'cross-site': await browser.context.newPage(),
    };
    await pages['same-site'].goto(others.sameSite);
    await pages['cross-site'].goto(others.crossSite);
    try {
      const build = BODIES[name];
      const body = JSON.stringify(build ? await build() : {});
      const url = urlOf(endpoint);
      const refused = [];
      const before = await state();
      for (const [origin, page] of [...Object.entries(pages), ['own', hostPage]]) {
        for (const type of TYPES) {
          for (const token of [false, true]) {
            if (origin === 'own' && type === JSON_TYPE) continue; // the accepted case, below
            // A DELETE has no body, so no type to check: from the host's own page it is the
            // panel's own request. Other pages cannot send it without a preflight (below).
            if (origin === 'own' && endpoint.method === 'DELETE') continue;
            const r = await sendFrom(page, url, endpoint.method, type, token, body);
            const label = `${name} from ${origin} page, type ${type || 'none'}, ${token ? 'with' : 'without'} token`;
            assert.equal(await state(), before, `${label} changed stored data (answer ${r.status} ${r.text.slice(0, 200)})`);
            if (origin === 'own') {
              // From the host's own page the answer is readable. Jira's XSRF rule comes first:
              // a type a form can send, without the token, is refused (403) before the plugin
              // runs; everything else reaches the plugin, which wants JSON (415 naming
              // Content-Type) whatever the runtime's XSRF filter let through.
              if (XSRF_TYPES.includes(type) && !token) {
                assert.equal(r.status, 403, `${label}: ${r.status} ${r.text}`);
                assert.match(r.text, /XSRF check failed/, label);
              } else {
                assert.equal(r.status, 415, `${label}: ${r.status} ${r.text}`);
                const problem = JSON.parse(r.text);
                assert.equal(problem.error, 'unsupportedMediaType', label);
                assert.equal(problem.field, 'Content-Type', label);
              }
            }
            refused.push(label);
          }
        }
      }
      assert.equal(refused.length, 2 * 5 * 2 + (endpoint.method === 'DELETE' ? 0 : 4 * 2));

      // The same body as JSON from the host's page (the panel's own way) is accepted, which is
      // what makes every refusal above mean something.
      const accepted = await sendFrom(hostPage, url, endpoint.method, JSON_TYPE, true, body);
      assert.ok(accepted.status >= 200 && accepted.status < 300, `${name} as JSON: ${accepted.status} ${accepted.text.slice(0, 300)}`);
      if (COMPUTES.has(name)) {
        assert.equal(await state(), before, `${name} only computes`);
      } else {
        assert.notEqual(await state(), before, `${name} as JSON from the host's page changed stored data`);
      }
      if (endpoint.method !== 'DELETE') {
        // Jira's XSRF check passes JSON without the token too: the type alone cannot be sent cross-site.
        const again = JSON.stringify(build ? await build() : {});
        const noToken = await sendFrom(hostPage, url, endpoint.method, JSON_TYPE, false, again);
        assert.ok(noToken.status >= 200 && noToken.status < 300, `${name} as JSON without token: ${noToken.status} ${noToken.text.slice(0, 300)}`);
      }
    } finally {
      for (const page of Object.values(pages)) await page.close();
    }
  });
}
