'use strict';
/*
 * The host serving a generated dataset (--scale medium, anchored on Monday 2026-11-30: 35
 * projects, 50 boards 1001-1050 (every fifth Kanban, the rest Scrum with a year of sprints),
 * 1,000 people s00001...s01000 who log in with their user name, 30,000 issues; each board's
 * team and the report "scale-all-boards" over every board, by person and month from
 * 2026-02-23 to 2027-02-21, written through the engine at start). The numbers are not worked out here:
 * the page must show what the engine answered for the data Jira's REST served it, and the
 * teams must be the ones the dataset stored.
 */

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startHost } = require('../lib/host');
const { launchBrowser } = require('../lib/browser');
const { PANEL, openLoggedIn, withShotOnFailure, watchErrors, rest, screenshot } = require('../lib/panel');

const BOARDS = Array.from({ length: 50 }, (_, b) => String(1001 + b));
/** The generator's user key of person u (0-based): s00001 ... */
const userKey = (u) => `s${String(u + 1).padStart(5, '0')}`;

/** Monday to Friday in [from, to] (ISO dates; no holidays in the generated settings). */
function weekdays(from, to) {
  let n = 0;
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) n += 1;
  }
  return n;
}

let host;
let browser;

before(async () => {
  host = await startHost({ anchor: '2026-11-30', name: 'host-scale', scale: 'medium' });
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
    // The team is the one generated for the board: person u's first board is u mod 50, so
    // board 1001 has s00001, s00051, ..., s00951, and people whose further boards drew it.
    const settings = await rest(page, 'GET', '/rest/capacity/1.0/boards/1001/settings');
    const team = settings.body.members.map((m) => m.accountKey).sort();
    const firsts = Array.from({ length: 20 }, (_, i) => userKey(i * 50));
    assert.deepEqual(firsts.filter((k) => !team.includes(k)), [], JSON.stringify(team));
    assert.ok(team.length > 20 && team.length < 60, JSON.stringify(team));
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
    // Every state of the progress bar the page shows while the job runs, as it showed it.
    await page.addInitScript(() => {
      window.ctProgressSeen = [];
      new MutationObserver(() => {
        const bar = document.querySelector('[data-testid="report-progress"]');
        const text = bar && bar.getAttribute('aria-valuetext');
        if (bar && window.ctProgressSeen[window.ctProgressSeen.length - 1] !== text) window.ctProgressSeen.push(text);
      }).observe(document, { childList: true, subtree: true });
    });
    // Every person Jira is asked to name (one GET each).
    const userAsks = [];
    page.on('request', (r) => { if (/\/rest\/api\/2\/user\?/.test(r.url())) userAsks.push(new URL(r.url()).searchParams.get('key')); });
    await openLoggedIn(page, host, `${PANEL}?view=reports&reportId=scale-all-boards`);
    const job = await (await answered).json();
    assert.equal(job.state, 'done', JSON.stringify(job).slice(0, 300));
    assert.equal(job.boardsTotal, 50);
    const report = job.report;
    await page.getByTestId('heat-map').waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid="report-running"]'));

    // The progress bar was on screen while the job ran, and is gone with the heat map.
    // Names only for the people on screen: the first page of rows and of over-allocations, each once.
    await page.locator('[data-testid="report-result"][data-names="loaded"]').waitFor();
    assert.equal(new Set(userAsks).size, userAsks.length);
    assert.ok(userAsks.length >= 250 && userAsks.length <= 250 + 100, String(userAsks.length));
    // The header names the first 10 of the 50 boards, the rest behind a disclosure button.
    const boardsFact = page.getByTestId('report-boards');
    assert.equal(await boardsFact.getAttribute('data-count'), '50');
    const more = page.getByTestId('report-boards-more');
    assert.equal(await more.textContent(), 'and 40 more');
    assert.equal(await more.getAttribute('aria-expanded'), 'false');
    const collapsedText = await boardsFact.textContent();
    await more.click();
    assert.equal(await more.getAttribute('aria-expanded'), 'true');
    assert.equal(await more.textContent(), 'Show fewer');
    assert.ok((await boardsFact.textContent()).length > collapsedText.length);
    assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'report-boards-more');
    const seen = await page.evaluate(() => window.ctProgressSeen);
    assert.ok(seen.length >= 1, JSON.stringify(seen));
    assert.equal(await page.getByTestId('report-progress').count(), 0);

    // Its rows are everyone on the fifty boards' teams, as stored: all 1,000 generated people
    // (each is on one to three boards).
    const boardsOf = new Map();
    for (const id of BOARDS) {
      const settings = await rest(page, 'GET', `/rest/capacity/1.0/boards/${id}/settings`);
      settings.body.members.forEach((m) => {
        if (!boardsOf.has(m.accountKey)) boardsOf.set(m.accountKey, []);
        boardsOf.get(m.accountKey).push(m);
      });
    }
    const everyone = Array.from({ length: 1000 }, (_, u) => userKey(u));
    assert.deepEqual([...boardsOf.keys()].sort(), everyone);
    assert.deepEqual(report.rows.map((r) => r.key).sort(), everyone);
    // A column per month of the dataset's year.
    const months = ['2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09',
      '2026-10', '2026-11', '2026-12', '2027-01', '2027-02'];
    const heads = await page.locator('[data-testid="heat-map"] thead th[data-bucket]').evaluateAll((els) => els.map((e) => e.dataset.bucket));
    assert.equal(heads.length, months.length, JSON.stringify(heads));
    assert.equal(report.buckets.length, months.length);
    report.buckets.forEach((b, i) => assert.ok(b.start.startsWith(months[i]), JSON.stringify(b)));
    // One row per person, 250 a page: four pages, each drawn on its own; every cell shows the
    // engine's numbers.
    const readPage = () => page.locator('[data-testid="heat-cell"]').evaluateAll((els) => els.map((e) => ({
      key: e.closest('[data-testid="heat-row"]').dataset.key, bucket: e.dataset.bucket,
      capacity: e.dataset.capacity, workload: e.dataset.workload, status: e.dataset.status,
    })));
    const pager = page.getByTestId('heat-pager');
    assert.equal(await pager.getAttribute('data-pages'), '4');
    assert.equal(await page.getByTestId('heat-page-previous').isDisabled(), true);
    const cells = [];
    for (let p = 1; p <= 4; p += 1) {
      await page.locator(`[data-testid="heat-pager"][data-page="${p}"]`).waitFor();
      assert.equal(await page.getByTestId('heat-pager-text').textContent(), `Rows ${((p - 1) * 250 + 1).toLocaleString('en-US')}\u2013${(p * 250).toLocaleString('en-US')} of 1,000`);
      assert.equal(await page.locator('[data-testid="heat-row"]').count(), 250);
      cells.push(...await readPage());
      if (p < 4) await page.getByTestId('heat-page-next').click();
    }
    assert.equal(await page.getByTestId('heat-page-next').isDisabled(), true);
    // The button used keeps the keyboard's focus while it can be used again.
    await page.getByTestId('heat-page-previous').click();
    await page.locator('[data-testid="heat-pager"][data-page="3"]').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'heat-page-previous');
    const expected = [];
    for (const row of report.rows) {
      row.cells.forEach((c, i) => expected.push({ key: row.key, bucket: report.buckets[i].label,
        capacity: String(c.capacity), workload: String(c.workload), status: c.status }));
    }
    assert.deepEqual(cells, expected);
    // A whole month's capacity is what the generator gave the person: daily hours x allocation
    // on each of their boards, Monday to Friday (March 2026: 22 weekdays), in the report's
    // base unit (minute).
    assert.equal(report.baseUnit, 'minute');
    const march = report.buckets.findIndex((b) => b.start.startsWith('2026-03'));
    assert.equal(weekdays(report.buckets[march].start, report.buckets[march].end), 22);
    for (const key of ['s00001', 's00002', 's00500', 's01000']) {
      const want = boardsOf.get(key).reduce((sum, m) => sum + m.dailyCapacity * m.allocation / 100, 0) * 22 * 60;
      const cell = cells.find((c) => c.key === key && c.bucket === report.buckets[march].label);
      assert.ok(Math.abs(Number(cell.capacity) - want) < 1e-6, `${key}: ${cell.capacity} != ${want} (${JSON.stringify(boardsOf.get(key))})`);
    }
    // The dataset's sprints put workload into the heat map.
    assert.ok(report.rows.filter((r) => r.total.workload > 0).length > 500);
    // People booked above 100 % across boards (some are on three) are flagged as the engine says.
    const flagged = await page.locator('[data-testid="over-allocation"]').count();
    assert.equal(flagged > 0, (report.overAllocations || []).length > 0);
    // Listed 100 a page, with the total.
    assert.equal(flagged, Math.min(100, report.overAllocations.length));
    if (report.overAllocations.length > 100) {
      assert.equal(await page.getByTestId('over-pager-text').textContent(),
        `Over-allocations 1\u2013100 of ${report.overAllocations.length.toLocaleString('en-US')}`);
    }
    await screenshot(page, '31-scale-report');
  });
  watch.assertNone();
  await page.close();
});
