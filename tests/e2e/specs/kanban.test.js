'use strict';
/*
 * Kanban boards against the real host with the full demo (anchor Monday 2026-11-30): board 4
 * "OPS Kanban" (hours, original estimates) has no sprints; Jira answers its sprint list with
 * 400. Its fix version "OPS 2026.12" runs 2026-11-23 … 2026-12-11 and holds, by hand
 * (original estimates):
 *   oscar 12h (in progress), peggy 8h + 10h = 18h, quinn 6h, dave 4h; OPS-9 (3h) unassigned.
 * A date range counts the board's open, assigned work of every version instead:
 *   oscar 12h + 24h = 36h (his done 6h item left out), peggy 18h, quinn 6h + 12h = 18h, dave 4h;
 *   the unassigned bug is left out.
 * The saved report "Delivery teams (hours)" (2026-11-16 … 2026-12-27, boards 1, 3, 4) then
 * counts peggy's 18h of the version and 18h of the range: 2160 minutes in all.
 *
 * Planning ahead (Scrum, same host): board 1's active DEMO Sprint 3 shows a strip for the
 * future DEMO Sprint 4 (2026-12-14 … 2026-12-25) with the work already in it (remaining
 * estimates): alice 10h, bob 8h, carol 12h, dave 6h; 3h unassigned.
 */

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startHost } = require('../lib/host');
const { launchBrowser } = require('../lib/browser');
const { PANEL, openLoggedIn, memberNumbers, withShotOnFailure, watchErrors, rest } = require('../lib/panel');

let host;
let browser;

before(async () => {
  host = await startHost({ anchor: '2026-11-30', name: 'host-kanban', demo: 'full' });
  browser = await launchBrowser();
});

after(async () => {
  try { if (browser) await browser.close(); } finally { if (host) await host.stop(); }
});

async function settled(page) {
  await page.locator('[data-testid="member-row"]').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-testid="panel-body"].ct-busy'));
}

async function workloads(page, keys) {
  const out = {};
  for (const key of keys) out[key] = (await memberNumbers(page, key)).workload;
  return out;
}

test('the host answers a Kanban board like Jira: 400 for its sprints, versions with start and release dates', async () => {
  const page = await browser.context.newPage();
  await openLoggedIn(page, host, `${PANEL}?boardId=1`);
  const sprints = await rest(page, 'GET', '/rest/agile/1.0/board/4/sprint');
  assert.equal(sprints.status, 400);
  assert.deepEqual(sprints.body.errorMessages, ['The board does not support sprints']);
  const versions = await rest(page, 'GET', '/rest/agile/1.0/board/4/version');
  assert.equal(versions.status, 200);
  const v = versions.body.values.find((x) => x.name === 'OPS 2026.12');
  assert.match(v.startDate, /^2026-11-23T00:00:00\.000[+-]\d\d:\d\d$/);
  assert.match(v.releaseDate, /^2026-12-11T00:00:00\.000[+-]\d\d:\d\d$/);
  await page.close();
});

test('a Kanban board plans a fix version: its issues from its start to its release date', async () => {
  const page = await browser.context.newPage();
  const watch = watchErrors(page);
  await withShotOnFailure(page, 'kanban-version', async () => {
    await openLoggedIn(page, host, `${PANEL}?boardId=4`);
    const picker = page.getByTestId('sprint-picker');
    await picker.waitFor();
    assert.equal(await page.locator('label[for="ct-sprint-picker"]').textContent(), 'Period');
    await picker.selectOption({ label: 'OPS 2026.12' });
    await page.locator('[data-testid="sprint-name"]', { hasText: 'OPS 2026.12' }).waitFor();
    await settled(page);
    assert.match(await page.getByTestId('date-reading').textContent(), /2026-11-23.*2026-12-11/);
    assert.deepEqual(await workloads(page, ['oscar', 'peggy', 'quinn', 'dave']), { oscar: '12h', peggy: '18h', quinn: '6h', dave: '4h' });
    const unassigned = page.getByTestId('bucket-unassigned');
    assert.deepEqual(await unassigned.locator('[data-issue-key]').evaluateAll((els) => els.map((e) => e.dataset.issueKey)), ['OPS-9']);
    assert.equal(await unassigned.getByTestId('bucket-figure').textContent(), '3h');
    // The Scrum view's empty state is not shown for a Kanban board.
    assert.equal(await page.getByTestId('no-sprints').count(), 0);
  });
  watch.assertNone();
  await page.close();
});

test('a custom date range is saved for the board, checked by the engine, and counts open assigned work', async () => {
  const page = await browser.context.newPage();
  const watch = watchErrors(page);
  await withShotOnFailure(page, 'kanban-range', async () => {
    await openLoggedIn(page, host, `${PANEL}?boardId=4`);
    await settled(page);
    const form = page.getByTestId('range-form');
    // An end before the start is refused next to the field the engine names; nothing stored.
    await form.getByTestId('range-name').fill('December push');
    await form.getByTestId('range-start').fill('2026-12-18');
    await form.getByTestId('range-end').fill('2026-12-01');
    await form.getByTestId('range-save').click();
    await form.locator('[data-testid="field-error"][data-field="ranges[0].end"]').waitFor();
    assert.equal((await rest(page, 'GET', '/rest/capacity/1.0/boards/4/ranges')).body.ranges.length, 0);

    await form.getByTestId('range-start').fill('2026-12-01');
    await form.getByTestId('range-end').fill('2026-12-18');
    await form.getByTestId('range-save').click();
    await page.locator('[data-testid="sprint-name"]', { hasText: 'December push' }).waitFor();
    await settled(page);
    assert.match(await page.getByTestId('date-reading').textContent(), /2026-12-01.*2026-12-18/);
    assert.deepEqual(await workloads(page, ['oscar', 'peggy', 'quinn', 'dave']), { oscar: '36h', peggy: '18h', quinn: '18h', dave: '4h' });
    // The unassigned bug is not part of a range.
    assert.equal(await page.getByTestId('bucket-unassigned').locator('[data-issue-key]').count(), 0);

    // Saved per board: a second range, then both survive a reload and the picker offers them.
    const saved = await rest(page, 'GET', '/rest/capacity/1.0/boards/4/ranges');
    assert.deepEqual(saved.body.ranges.map((r) => [r.name, r.start, r.end]), [['December push', '2026-12-01', '2026-12-18']]);
    await page.getByTestId('range-form').getByTestId('range-name').fill('Q1 2027');
    await page.getByTestId('range-form').getByTestId('range-start').fill('2027-01-04');
    await page.getByTestId('range-form').getByTestId('range-end').fill('2027-03-31');
    await page.getByTestId('range-form').getByTestId('range-save').click();
    await page.locator('[data-testid="sprint-name"]', { hasText: 'Q1 2027' }).waitFor();
    await page.reload();
    const picker = page.getByTestId('sprint-picker');
    await picker.waitFor();
    const labels = await picker.locator('optgroup').evaluateAll((groups) => groups.map((g) => [g.label, Array.from(g.querySelectorAll('option')).map((o) => o.textContent)]));
    assert.deepEqual(labels.find((g) => g[0] === 'Date ranges'), ['Date ranges', ['December push', 'Q1 2027']]);
    assert.ok(labels.find((g) => g[0] === 'Fix versions')[1].includes('OPS 2026.12'));

    // Deleting one keeps the other.
    await settled(page);
    await page.locator('[data-testid="range"]', { hasText: 'Q1 2027' }).getByTestId('range-delete').click();
    await page.locator('[data-testid="range"]', { hasText: 'Q1 2027' }).waitFor({ state: 'detached' });
    assert.deepEqual((await rest(page, 'GET', '/rest/capacity/1.0/boards/4/ranges')).body.ranges.map((r) => r.name), ['December push']);
  });
  watch.assertNone();
  await page.close();
});

test('the multi-project report counts a Kanban board by its versions and ranges', async () => {
  const page = await browser.context.newPage();
  const watch = watchErrors(page);
  await withShotOnFailure(page, 'kanban-report', async () => {
    await openLoggedIn(page, host, `${PANEL}?view=reports&reportId=delivery-hours`);
    await page.getByTestId('heat-map').waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid="report-running"]'));
    const total = page.locator('[data-testid="heat-row"][data-key="peggy"] [data-testid="heat-row-total"]');
    // 18h in OPS 2026.12 and 18h of open, assigned work in the range "December push".
    assert.equal(await total.getAttribute('data-workload'), String(36 * 60));
    assert.equal(await page.locator('[data-testid="report-note"][data-board-id="4"]').count(), 0);
  });
  watch.assertNone();
  await page.close();
});

test('planning the next sprint: the active sprint shows the future sprint\'s capacity against its committed work', async () => {
  const page = await browser.context.newPage();
  const watch = watchErrors(page);
  await withShotOnFailure(page, 'planning-strip', async () => {
    await openLoggedIn(page, host, `${PANEL}?boardId=1&sprintId=3`);
    await page.locator('[data-testid="sprint-name"]', { hasText: 'DEMO Sprint 3' }).waitFor();
    const strip = page.getByTestId('planning-strip');
    await strip.waitFor();
    assert.match(await strip.locator('h3').textContent(), /DEMO Sprint 4/);
    const figures = async (key) => (await strip.locator(`[data-testid="plan-member"][data-account-key="${key}"] [data-testid="plan-figures"]`).textContent()).trim();
    const committed = {};
    for (const key of ['alice', 'bob', 'carol', 'dave']) committed[key] = (await figures(key)).split(' ')[0];
    assert.deepEqual(committed, { alice: '10h', bob: '8h', carol: '12h', dave: '6h' });
    assert.match(await strip.getByTestId('plan-unassigned').textContent(), /^3h /);
    const aliceLine = await figures('alice');

    // The strip's capacity is the one the sprint's own page shows; there the strip is not repeated.
    await strip.getByTestId('plan-open').click();
    await page.locator('[data-testid="sprint-name"]', { hasText: 'DEMO Sprint 4' }).waitFor();
    await settled(page);
    const alice = await memberNumbers(page, 'alice');
    assert.equal(aliceLine, `${alice.workload} committed of ${alice.capacity}`);
    assert.equal(await page.getByTestId('planning-strip').count(), 0);
  });
  watch.assertNone();
  await page.close();
});
