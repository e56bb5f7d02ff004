'use strict';
/*
 * Reports run on the server (POST /rest/capacity/1.0/reports/jobs), against the full demo
 * anchored on Monday 2026-11-30: the page shows the job's progress bar, then the same heat
 * map as the reports spec; a running job is cancelled from the page; restricted victor's
 * report has no work of the PAY board, which Jira does not let him see, and says so.
 *
 * The host's search waits 1 s per query here (CT_HOST_SEARCH_DELAY_MS, test only), so a job
 * over several sprints runs for several seconds: long enough to see it run and to cancel it.
 * Nothing asserts a duration.
 */

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startHost } = require('../lib/host');
const { launchBrowser } = require('../lib/browser');
const { PANEL, openLoggedIn, logOut, screenshot, withShotOnFailure, watchErrors, rest } = require('../lib/panel');
const { heatCell, cellNumbers, waitForHeatMap } = require('../lib/heat-map');

const PERIOD = { start: '2026-11-30', end: '2026-12-13' };
const REPORTS = `${PANEL}?view=reports`;
const JOB_URL = /\/rest\/capacity\/1\.0\/reports\/jobs$/;

let host;
let browser;

before(async () => {
  process.env.CT_HOST_SEARCH_DELAY_MS = '1000';
  try {
    host = await startHost({ demo: 'full', name: 'host-server-report' });
  } finally {
    delete process.env.CT_HOST_SEARCH_DELAY_MS;
  }
  browser = await launchBrowser();
});

after(async () => {
  try { if (browser) await browser.close(); } finally { if (host) await host.stop(); }
});

test('a saved report runs on the server: a progress bar, then the reports spec\'s heat map', async () => {
  const page = await browser.context.newPage();
  const watch = watchErrors(page);
  const posted = [];
  page.on('request', (r) => { if (r.method() === 'POST') posted.push(new URL(r.url()).pathname); });
  await withShotOnFailure(page, 'server-report', async () => {
    await openLoggedIn(page, host, REPORTS);
    const def = await rest(page, 'PUT', '/rest/capacity/1.0/reports/sprint-3-weeks', {
      revision: 0, name: 'Sprint 3 weeks', boardIds: ['1'], period: PERIOD, bucket: 'week', grouping: 'person',
    });
    assert.equal(def.status, 200, JSON.stringify(def.body));

    const started = page.waitForResponse((r) => r.request().method() === 'POST' && JOB_URL.test(r.url()));
    await page.goto(host.url(`${REPORTS}&reportId=sprint-3-weeks`));
    const bar = page.locator('[data-testid="report-running"] [role="progressbar"]');
    await bar.waitFor();
    assert.equal(await bar.getAttribute('aria-valuemin'), '0');
    assert.ok(await bar.getAttribute('aria-valuetext'));
    assert.equal((await started).status(), 202);
    await waitForHeatMap(page, { timeout: 60000 });

    // The reports spec's numbers (the full demo's board 1 is the basic demo's board).
    const rows = await page.locator('[data-testid="heat-row"]').evaluateAll((els) => els.map((e) => e.dataset.key));
    assert.deepEqual(rows, ['alice', 'bob', 'carol', 'dave']);
    assert.deepEqual(await cellNumbers(heatCell(page, 'alice', '2026-W49')), { capacity: '1800', workload: '840', status: 'under', text: '46.7%' });
    assert.deepEqual(await cellNumbers(heatCell(page, 'bob', '2026-W49')), { capacity: '900', workload: '720', status: 'ok', text: '80.0%' });
    assert.deepEqual(await cellNumbers(heatCell(page, 'carol', '2026-W49')), { capacity: '1500', workload: '1530', status: 'over', text: '102.0%' });
    assert.deepEqual(await cellNumbers(heatCell(page, 'dave', '2026-W50')), { capacity: '1200', workload: '180', status: 'under', text: '15.0%' });
    const total = page.locator('[data-testid="heat-totals"] [data-testid="heat-total"][data-bucket="2026-W49"]');
    assert.deepEqual(await cellNumbers(total), { capacity: '5400', workload: '3270', status: 'under', text: '60.6%' });
    assert.equal(await page.getByTestId('report-note').count(), 0);
    // The work was read on the server: the page posted jobs (the first page opened ran its
    // first saved report too), never the items.
    assert.ok(posted.includes('/jira/rest/capacity/1.0/reports/jobs'), posted.join(' '));
    assert.deepEqual(posted.filter((p) => p.endsWith('/reports/run')), []);
    await screenshot(page, 'server-report');
  });
  watch.assertNone();
  await page.close();
});

test('a running report is cancelled from the page, and the page says so', async () => {
  const page = await browser.context.newPage();
  const watch = watchErrors(page);
  await withShotOnFailure(page, 'server-report-cancel', async () => {
    await openLoggedIn(page, host, REPORTS);
    // Boards 1, 3 and 4 over six weeks: a dozen searches of a second each. A definition of
    // its own, so that the job is new (a running job for the same definition would be joined).
    const def = await rest(page, 'PUT', '/rest/capacity/1.0/reports/to-cancel', {
      revision: 0, name: 'To cancel', boardIds: ['1', '3', '4'], period: { start: '2026-11-16', end: '2026-12-27' },
      bucket: 'week', grouping: 'person',
    });
    assert.equal(def.status, 200, JSON.stringify(def.body));
    const started = page.waitForResponse((r) => r.request().method() === 'POST' && JOB_URL.test(r.url())
      && r.request().postData().includes('to-cancel'));
    await page.goto(host.url(`${REPORTS}&reportId=to-cancel`));
    const job = await (await started).json();
    const bar = page.locator('[data-testid="report-running"] [role="progressbar"]');
    await page.locator('[data-testid="report-running"] [role="progressbar"][aria-valuemax="3"]').waitFor();
    assert.match(await bar.getAttribute('aria-valuetext'), /of 3 boards read/);
    await screenshot(page, 'server-report-running');
    await page.getByTestId('report-cancel').click();

    const cancelled = page.getByTestId('report-cancelled');
    await cancelled.waitFor();
    assert.match(await cancelled.textContent(), /cancelled/);
    assert.equal(await page.getByTestId('heat-map').count(), 0);
    assert.equal(await page.getByTestId('report-running').count(), 0);
    const after = await rest(page, 'GET', `/rest/capacity/1.0/reports/jobs/${job.id}`);
    assert.equal(after.status, 200);
    assert.equal(after.body.state, 'cancelled');
    assert.ok(after.body.boardsDone < 3, JSON.stringify(after.body));
    assert.equal(after.body.report, undefined);
    await screenshot(page, 'server-report-cancelled');
  });
  watch.assertNone();
  await page.close();
});

test('picking the running report again cancels its job first, then runs it anew to the heat map', async () => {
  const page = await browser.context.newPage();
  const watch = watchErrors(page);
  // The order the server saw requests and answers: the new start must leave only after the
  // cancel has answered (a start that overtook it would join the job being cancelled).
  const events = [];
  const jobCall = (r) => /\/reports\/jobs(\/[^/?]+)?$/.test(new URL(r.url()).pathname) && ['POST', 'DELETE'].includes(r.method());
  page.on('request', (r) => { if (jobCall(r)) events.push(`sent ${r.method()}`); });
  page.on('requestfinished', (r) => { if (jobCall(r)) events.push(`answered ${r.method()}`); });
  await withShotOnFailure(page, 'server-report-pick-again', async () => {
    await openLoggedIn(page, host, REPORTS);
    const def = await rest(page, 'PUT', '/rest/capacity/1.0/reports/pick-again', {
      revision: 0, name: 'Pick again', boardIds: ['1', '3', '4'], period: { start: '2026-11-16', end: '2026-12-27' },
      bucket: 'week', grouping: 'person',
    });
    assert.equal(def.status, 200, JSON.stringify(def.body));
    const started = page.waitForResponse((r) => r.request().method() === 'POST' && JOB_URL.test(r.url())
      && r.request().postData().includes('pick-again'));
    await page.goto(host.url(`${REPORTS}&reportId=pick-again`));
    const first = await (await started).json();
    await page.locator('[data-testid="report-running"] [role="progressbar"][aria-valuemax="3"]').waitFor();
    events.length = 0;

    const restarted = page.waitForResponse((r) => r.request().method() === 'POST' && JOB_URL.test(r.url()));
    await page.locator('[data-testid="report-link"][data-report-id="pick-again"]').click();
    const second = await (await restarted).json();
    assert.notEqual(second.id, first.id, 'a new job, not the one being cancelled');
    assert.deepEqual(events.slice(0, 3), ['sent DELETE', 'answered DELETE', 'sent POST'], events.join(', '));
    await waitForHeatMap(page, { timeout: 60000 });
    assert.equal(await page.getByTestId('report-cancelled').count(), 0);
    assert.equal(await page.locator('[data-testid="heat-row"]').count() > 0, true);
    const old = await rest(page, 'GET', `/rest/capacity/1.0/reports/jobs/${first.id}`);
    assert.equal(old.body.state, 'cancelled', JSON.stringify(old.body));
  });
  watch.assertNone();
  await page.close();
});

test('restricted victor\'s report has no work of the PAY board, with the note saying why', async () => {
  const page = await browser.context.newPage();
  const watch = watchErrors(page);
  await withShotOnFailure(page, 'server-report-victor', async () => {
    await openLoggedIn(page, host, REPORTS);
    // Capacity Tracker lets every Jira Software user read board 2; Jira still hides PAY from victor.
    const perms = await rest(page, 'GET', '/rest/capacity/1.0/admin/permissions');
    assert.equal(perms.status, 200);
    const boards = { ...perms.body.boards, 2: { ...perms.body.boards['2'], read: { users: [], groups: ['jira-software-users'] } } };
    const put = await rest(page, 'PUT', '/rest/capacity/1.0/admin/permissions', { ...perms.body, boards });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    const def = await rest(page, 'PUT', '/rest/capacity/1.0/reports/pay-boards', {
      // PAY's Scrum and Kanban boards, in story points (a report sums one unit).
      revision: 0, name: 'PAY boards', boardIds: ['2', '5'], period: PERIOD, bucket: 'week', grouping: 'board',
    });
    assert.equal(def.status, 200, JSON.stringify(def.body));

    await page.goto(host.url(`${REPORTS}&reportId=pay-boards`));
    await waitForHeatMap(page, { timeout: 60000 });
    const payWork = await page.locator('[data-testid="heat-row"][data-key="2"] [data-testid="heat-row-total"]').getAttribute('data-workload');
    assert.ok(Number(payWork) > 0, 'the administrator sees PAY\'s work: ' + payWork);
    assert.equal(await page.getByTestId('report-note').count(), 0);

    await logOut(page, host);
    await openLoggedIn(page, host, `${REPORTS}&reportId=pay-boards`, 'victor', 'victor');
    await waitForHeatMap(page, { timeout: 60000 });
    const note = page.locator('[data-testid="report-note"][data-board-id="2"]');
    await note.waitFor();
    assert.match(await note.textContent(), /no board 2, or you may not see it/);
    assert.equal(await page.locator('[data-testid="report-note"][data-board-id="5"]').count(), 1, 'PAY support is hidden too');
    for (const board of ['2', '5']) {
      const his = await page.locator(`[data-testid="heat-row"][data-key="${board}"] [data-testid="heat-row-total"]`).getAttribute('data-workload');
      assert.equal(his, '0', `no work of PAY's board ${board} for victor`);
    }
    await screenshot(page, 'server-report-victor');
    await logOut(page, host);
  });
  watch.assertNone();
  await page.close();
});
