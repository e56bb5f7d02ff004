'use strict';
/*
 * The host serving a generated dataset (--scale small, anchored on Monday 2026-11-30: 3
 * projects, 4 Scrum boards 1001-1004 with a year of sprints, 40 people s00001... who log in
 * with their user name, 2,400 issues; each board's team and the report "scale-all-boards" over
 * every board written through the engine at start). The numbers are not worked out here:
 * the page must show what the engine answered for the data Jira's REST served it, and the
 * teams must be the ones the dataset stored.
 */

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startHost } = require('../lib/host');
const { launchBrowser } = require('../lib/browser');
const { PANEL, openLoggedIn, withShotOnFailure, watchErrors, rest, screenshot } = require('../lib/panel');

let host;
let browser;

before(async () => {
  host = await startHost({ anchor: '2026-11-30', name: 'host-scale', scale: 'small' });
  browser = await launchBrowser();
});

after(async () => {
  try { if (browser) await browser.close(); } finally { if (host) await host.stop(); }
});

test('a generated board\'s panel shows its stored team with the engine\'s numbers for the active sprint', async () => {
  const page = await browser.context.newPage();
  const watch = watchErrors(page);
  await withShotOnFailure(page, 'scale-panel', async () => {
    // A generated person, not the admin: the dataset's people can log in.
    // The panel asks for two reports, in either order: the sprint on screen and the next
    // sprint (the planning strip). Every answer is kept; the active sprint's is checked.
    const answers = [];
    page.on('response', (r) => {
      if (r.request().method() === 'POST' && r.url().endsWith('/rest/capacity/1.0/boards/1001/report')) {
        answers.push(r.json());
      }
    });
    await openLoggedIn(page, host, `${PANEL}?boardId=1001`, 's00001', 's00001');
    await page.locator('[data-testid="member-row"]').first().waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid="panel-body"].ct-busy'));

    // The panel opened the board's active sprint, as Jira's agile REST lists it.
    const active = await rest(page, 'GET', '/rest/agile/1.0/board/1001/sprint?state=active');
    assert.equal(active.body.values.length, 1);
    const activeId = String(active.body.values[0].id);
    const reports = await Promise.all(answers);
    const report = reports.find((r) => r.iteration && r.iteration.id === activeId);
    assert.ok(report, `no report of the active sprint ${activeId} among ${JSON.stringify(reports.map((r) => r.iteration && r.iteration.id))}`);
    // The team is the one generated for the board (1 to 3 boards each, so a dozen here).
    const settings = await rest(page, 'GET', '/rest/capacity/1.0/boards/1001/settings');
    const team = settings.body.members.map((m) => m.accountKey).sort();
    assert.ok(team.length >= 10, JSON.stringify(team));
    assert.deepEqual(report.members.map((m) => m.accountKey).sort(), team);
    const rows = await page.locator('[data-testid="member-row"]').evaluateAll((els) => els.map((e) => e.dataset.accountKey));
    assert.deepEqual([...rows].sort(), team);
    // The sprint's work lands on the team: the engine counted some of it.
    assert.ok(report.team.workload > 0 && report.team.capacity > 0, JSON.stringify(report.team));
    for (const m of report.members) {
      const row = page.locator(`[data-testid="member-row"][data-account-key="${m.accountKey}"]`);
      assert.equal(await row.getAttribute('data-status'), m.status, m.accountKey);
      assert.equal(await row.getByTestId('capacity').getAttribute('data-value'), String(m.capacity), m.accountKey);
      assert.equal(await row.getByTestId('workload').getAttribute('data-value'), String(m.workload), m.accountKey);
    }
    await screenshot(page, '30-scale-panel');
  });
  watch.assertNone();
  await page.close();
});

test('the saved report over every generated board shows the engine\'s heat map', async () => {
  const page = await browser.context.newPage();
  const watch = watchErrors(page);
  await withShotOnFailure(page, 'scale-report', async () => {
    // The page runs the report on the server: its last poll of the job (200: finished) carries the report.
    const answered = page.waitForResponse((r) => r.request().method() === 'GET' && r.status() === 200
      && /\/rest\/capacity\/1\.0\/reports\/jobs\/[0-9a-f]{32}$/.test(r.url()), { timeout: 120000 });
    await openLoggedIn(page, host, `${PANEL}?view=reports&reportId=scale-all-boards`);
    const job = await (await answered).json();
    assert.equal(job.state, 'done', JSON.stringify(job).slice(0, 300));
    assert.equal(job.boardsTotal, 4);
    const report = job.report;
    await page.getByTestId('heat-map').waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid="report-running"]'));

    // Its rows are everyone on the four boards' teams, as stored.
    const people = new Set();
    for (const id of ['1001', '1002', '1003', '1004']) {
      const settings = await rest(page, 'GET', `/rest/capacity/1.0/boards/${id}/settings`);
      settings.body.members.forEach((m) => people.add(m.accountKey));
    }
    assert.equal(people.size, 40);
    assert.deepEqual(report.rows.map((r) => r.key).sort(), [...people].sort());
    // A year by month: the dataset's sprints put workload into the heat map.
    assert.ok(report.buckets.length >= 12, String(report.buckets.length));
    assert.ok(report.rows.some((r) => r.total.workload > 0));
    // Every cell shows the engine's numbers.
    const cells = await page.locator('[data-testid="heat-cell"]').evaluateAll((els) => els.map((e) => ({
      key: e.closest('[data-testid="heat-row"]').dataset.key, bucket: e.dataset.bucket,
      capacity: e.dataset.capacity, workload: e.dataset.workload, status: e.dataset.status,
    })));
    const expected = [];
    for (const row of report.rows) {
      row.cells.forEach((c, i) => expected.push({ key: row.key, bucket: report.buckets[i].label,
        capacity: String(c.capacity), workload: String(c.workload), status: c.status }));
    }
    assert.deepEqual(cells, expected);
    // People booked above 100 % across boards (some are on three) are flagged as the engine says.
    const flagged = await page.locator('[data-testid="over-allocation"]').count();
    assert.equal(flagged > 0, (report.overAllocations || []).length > 0);
    await screenshot(page, '31-scale-report');
  });
  watch.assertNone();
  await page.close();
});
