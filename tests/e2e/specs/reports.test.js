'use strict';
/*
 * The multi-project reports page against the real host, demo anchored on Monday
 * 2026-11-30 (/work/helpers/DEMO.md). Expected numbers, by hand, for the two weeks of the
 * active DEMO Sprint 3 (2026-11-30 … 2026-12-11; period 2026-11-30 … 2026-12-13):
 *   capacity a week = 5 working days × daily capacity × allocation:
 *     alice 30h, bob 15h, carol 25h, dave 20h; everyone 90h;
 *   workload: each person's sprint workload split between the two weeks in proportion to
 *   their capacity there (equal), so half of it in each:
 *     alice 28h → 14h (46.7 %), bob 24h → 12h (80.0 %), carol 51h → 25.5h (102.0 %),
 *     dave 6h → 3h (15.0 %); everyone 54.5h (60.6 %).
 * Quantities are checked in the report's base unit, minutes.
 */

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startHost } = require('../lib/host');
const { launchBrowser } = require('../lib/browser');
const { PANEL, openLoggedIn, screenshot, withShotOnFailure, watchErrors, rest } = require('../lib/panel');
const { heatCell, cellNumbers, waitForHeatMap } = require('../lib/heat-map');

const ANCHOR = '2026-11-30';
const PERIOD = { start: '2026-11-30', end: '2026-12-13' };
const REPORTS = `${PANEL}?view=reports`;

let host;
let browser;

before(async () => {
  host = await startHost({ anchor: ANCHOR, name: 'host-reports' });
  browser = await launchBrowser();
});

after(async () => {
  try { if (browser) await browser.close(); } finally { if (host) await host.stop(); }
});

test('a report over the demo board for sprint 3\'s weeks shows the engine\'s numbers', async () => {
  const page = await browser.context.newPage();
  const watch = watchErrors(page);
  await withShotOnFailure(page, 'report', async () => {
    // The panel's header leads to the reports page.
    await openLoggedIn(page, host, `${PANEL}?boardId=1`);
    await page.getByTestId('multi-project-report-link').click();
    await page.waitForURL((url) => url.search.includes('view=reports'));
    await page.getByTestId('no-reports').waitFor();

    await page.getByTestId('create-report').click();
    const form = page.getByTestId('report-form');
    await form.getByTestId('report-name-input').fill('Sprint 3 <weeks> & more');
    // The demo's only board is chosen already.
    assert.equal(await form.getByTestId('report-board-1').isChecked(), true);
    // A period ending before it starts is refused next to the field the engine names.
    await form.getByTestId('report-start').fill(PERIOD.end);
    await form.getByTestId('report-end').fill(PERIOD.start);
    await form.getByTestId('save-report').click();
    await form.locator('[data-testid="field-error"][data-field="period.end"]').waitFor();
    assert.match(await form.getByTestId('form-error').textContent(), /To/);

    await form.getByTestId('report-start').fill(PERIOD.start);
    await form.getByTestId('report-end').fill(PERIOD.end);
    await form.getByTestId('report-bucket').selectOption('week');
    await form.getByTestId('report-grouping').selectOption('person');
    await screenshot(page, '12-report-form');
    await form.getByTestId('save-report').click();
    await waitForHeatMap(page);

    assert.equal(await page.getByTestId('report-name').textContent(), 'Sprint 3 <weeks> & more');
    assert.equal(await page.locator('[data-testid="report-link"]').count(), 1);
    const rows = await page.locator('[data-testid="heat-row"]').evaluateAll((els) => els.map((e) => e.dataset.key));
    assert.deepEqual(rows, ['alice', 'bob', 'carol', 'dave']);
    const buckets = await page.locator('[data-testid="heat-map"] thead th[data-bucket]').evaluateAll((els) => els.map((e) => e.dataset.bucket));
    assert.deepEqual(buckets, ['2026-W49', '2026-W50']);

    assert.deepEqual(await cellNumbers(heatCell(page, 'alice', '2026-W49')), { capacity: '1800', workload: '840', status: 'under', text: '46.7%' });
    assert.deepEqual(await cellNumbers(heatCell(page, 'alice', '2026-W50')), { capacity: '1800', workload: '840', status: 'under', text: '46.7%' });
    assert.deepEqual(await cellNumbers(heatCell(page, 'bob', '2026-W49')), { capacity: '900', workload: '720', status: 'ok', text: '80.0%' });
    assert.deepEqual(await cellNumbers(heatCell(page, 'carol', '2026-W49')), { capacity: '1500', workload: '1530', status: 'over', text: '102.0%' });
    assert.deepEqual(await cellNumbers(heatCell(page, 'dave', '2026-W50')), { capacity: '1200', workload: '180', status: 'under', text: '15.0%' });
    const title = await heatCell(page, 'alice', '2026-W49').getAttribute('title');
    assert.match(title, /Alice Andersen/);
    assert.match(title, /capacity 30h, workload 14h/);
    const total = page.locator('[data-testid="heat-totals"] [data-testid="heat-total"][data-bucket="2026-W49"]');
    assert.deepEqual(await cellNumbers(total), { capacity: '5400', workload: '3270', status: 'under', text: '60.6%' });
    const aliceTotal = page.locator('[data-testid="heat-row"][data-key="alice"] [data-testid="heat-row-total"]');
    assert.deepEqual(await cellNumbers(aliceTotal), { capacity: '3600', workload: '1680', status: 'under', text: '46.7%' });
    assert.equal(await page.getByTestId('over-allocation-message').count(), 0);
    await screenshot(page, '12-report');

    // Stored: a fresh page opens the same report.
    await page.reload();
    await waitForHeatMap(page);
    assert.equal(await page.getByTestId('report-name').textContent(), 'Sprint 3 <weeks> & more');

    // Monthly buckets: Nov 30 alone, then Dec 1 – 13.
    await page.getByTestId('edit-report').click();
    await page.getByTestId('report-form').getByTestId('report-bucket').selectOption('month');
    await page.getByTestId('report-form').getByTestId('save-report').click();
    await page.locator('[data-testid="heat-map"][data-bucket="month"]').waitFor();
    await waitForHeatMap(page);
    const months = await page.locator('[data-testid="heat-map"] thead th[data-bucket]').evaluateAll((els) => els.map((e) => e.dataset.bucket));
    assert.deepEqual(months, ['2026-11', '2026-12']);
    // Nov 30: one day of alice (6h); her 28h over 10 days of equal capacity: 2.8h of it.
    assert.deepEqual(await cellNumbers(heatCell(page, 'alice', '2026-11')), { capacity: '360', workload: '168', status: 'under', text: '46.7%' });
  });
  watch.assertNone();
  await page.close();
});

test('a person booked above 100 % across two boards is flagged in the rows and listed', async () => {
  const page = await browser.context.newPage();
  const watch = watchErrors(page);
  await withShotOnFailure(page, 'over-allocation', async () => {
    await openLoggedIn(page, host, REPORTS);
    // Board 2 exists only in Capacity Tracker (Jira has no board 2): alice gives it 60 %.
    const defaults = await rest(page, 'GET', '/rest/capacity/1.0/boards/2/settings');
    assert.equal(defaults.status, 200);
    const settings = { ...defaults.body, timeZone: 'Europe/Berlin', members: [{ accountKey: 'alice', role: 'Developer', dailyCapacity: 6, allocation: 60 }] };
    const put = await rest(page, 'PUT', '/rest/capacity/1.0/boards/2/settings', settings);
    assert.equal(put.status, 200, JSON.stringify(put.body));
    const def = await rest(page, 'PUT', '/rest/capacity/1.0/reports/across-boards', {
      name: 'Across boards', boardIds: ['1', '2'], period: PERIOD, bucket: 'week', grouping: 'person',
    });
    assert.equal(def.status, 200, JSON.stringify(def.body));

    // Jira's answers about people are held: the heat map is drawn without them, keys for names.
    const asked = [];
    const held = [];
    let released = false;
    await page.route('**/rest/api/2/user?*', (route) => {
      asked.push(new URL(route.request().url()).searchParams.get('key'));
      if (released) return route.continue();
      held.push(route);
      return undefined;
    });
    await page.goto(host.url(`${REPORTS}&reportId=across-boards`));
    await page.getByTestId('heat-map').waitFor();
    await page.locator('[data-testid="report-result"][data-names="loading"]').waitFor();
    assert.equal(await page.locator('[data-testid="heat-row"][data-key="alice"] .ct-heat-name').textContent(), 'alice');
    assert.match(await page.getByTestId('over-allocation-message').textContent(), /alice is booked above 100 % across boards/);
    released = true;
    for (const route of held) await route.continue();
    await waitForHeatMap(page);
    // Each person on screen asked once (rows and over-allocations name the same alice).
    assert.deepEqual([...asked].sort(), [...new Set(asked)].sort());
    assert.ok(asked.includes('alice'));
    assert.equal(await page.locator('[data-testid="heat-row"][data-key="alice"] .ct-heat-name').textContent(), 'Alice Andersen');
    assert.match(await heatCell(page, 'alice', '2026-W49').getAttribute('aria-label'), /Alice Andersen/);
    assert.equal(await page.getByTestId('report-name').textContent(), 'Across boards');
    assert.equal(await page.locator('[data-testid="report-note"][data-board-id="2"]').count(), 1);

    // 100 % on board 1 and 60 % on board 2 on every working day of both weeks.
    const overs = await page.locator('[data-testid="over-allocation"]').evaluateAll((els) => els.map((e) => ({
      key: e.dataset.accountKey, bucket: e.dataset.bucket, boards: e.dataset.boards,
      percent: e.querySelector('[data-testid="over-allocation-percent"]').textContent,
    })));
    assert.deepEqual(overs, [
      { key: 'alice', bucket: '2026-W49', boards: '1,2', percent: '160%' },
      { key: 'alice', bucket: '2026-W50', boards: '1,2', percent: '160%' },
    ]);
    const cell = heatCell(page, 'alice', '2026-W49');
    assert.equal(await cell.getAttribute('data-over-allocated'), 'true');
    assert.equal(await heatCell(page, 'bob', '2026-W49').getAttribute('data-over-allocated'), null);
    // Her capacity adds both boards: 30h + 5 × 6h × 60 % = 48h; the workload is board 1's.
    assert.deepEqual(await cellNumbers(cell), { capacity: '2880', workload: '840', status: 'under', text: '29.2%' });
    assert.match(await cell.getAttribute('title'), /Booked 160% across DEMO board, Board 2/);
    assert.match(await page.getByTestId('over-allocation-message').textContent(), /Alice Andersen is booked above 100 % across boards/);
    await screenshot(page, '13-over-allocation');

    // Deleting a report removes it from the list.
    await page.getByTestId('delete-report').click();
    await page.getByTestId('confirm-delete-report').click();
    await page.locator('[data-testid="report-link"][data-report-id="across-boards"]').waitFor({ state: 'detached' });
    assert.equal((await rest(page, 'GET', '/rest/capacity/1.0/reports')).body.some((r) => r.id === 'across-boards'), false);
  });
  watch.assertNone();
  await page.close();
});
