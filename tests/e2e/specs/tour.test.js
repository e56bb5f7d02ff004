'use strict';
/*
 * A tour of the full demo (`make run`'s, `--demo full`, anchored on Monday 2026-11-30) that
 * visits every feature on the README's feature list where the README says the demo shows it.
 * The demo's documents are in java-bridge/host/.../DemoPlan.java, its Jira data in
 * jira/RichDemo.java; board 1 is DEMO.md's, which the other specs check in detail.
 */

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startHost } = require('../lib/host');
const { launchBrowser } = require('../lib/browser');
const {
  PANEL, openLoggedIn, logOut, openSprint, memberRow, screenshot, withShotOnFailure, watchErrors, rest,
} = require('../lib/panel');

let host;
let browser;

before(async () => {
  host = await startHost({ anchor: '2026-11-30', name: 'host-tour', demo: 'full' });
  browser = await launchBrowser();
});

after(async () => {
  try { if (browser) await browser.close(); } finally { if (host) await host.stop(); }
});

async function changeOf(page, key) {
  const tag = memberRow(page, key).getByTestId('iteration-change');
  return (await tag.count()) ? tag.getAttribute('data-change') : null;
}

async function boardRows(page) {
  return page.locator('[data-testid="board-row"]').evaluateAll((rows) => rows.map((r) => `${r.dataset.boardId}:${r.dataset.boardType}`));
}

test('the full demo shows every feature on the README list', async () => {
  const page = await browser.context.newPage();
  const watch = watchErrors(page);
  await withShotOnFailure(page, 'tour', async () => {
    // 1. Sprint capacity panel: members, roles, team totals, status (DEMO board, DEMO Sprint 3).
    await openSprint(page, host, 1, 'DEMO Sprint 3');
    assert.equal(await page.getByTestId('board-name').textContent(), 'DEMO board');
    assert.deepEqual(await page.locator('[data-testid="member-row"]').evaluateAll((rows) => rows.map((r) => r.dataset.accountKey)),
      ['alice', 'bob', 'carol', 'dave']);
    assert.equal(await memberRow(page, 'carol').getByTestId('role').textContent(), 'QA');
    assert.equal(await memberRow(page, 'carol').getAttribute('data-status'), 'over');
    await page.getByTestId('team-capacity').waitFor();
    // 2. Work outside the team is never dropped: unassigned, unestimated, non-member.
    await page.getByTestId('bucket-unassigned').waitFor();
    await page.getByTestId('bucket-unestimated').waitFor();
    await page.locator('[data-testid="non-member"][data-account-key="erin"]').waitFor();
    await screenshot(page, 'tour-01-demo-board');

    // 3. Home page: the board directory, filtered by project and by name.
    await page.goto(host.url('/'));
    assert.deepEqual(await boardRows(page), ['1:scrum', '2:scrum', '3:scrum', '4:kanban', '5:kanban']);
    assert.equal(await page.locator('[data-testid="project-row"]').count(), 4);
    await page.selectOption('#board-filter-project', 'OPS');
    await Promise.all([page.waitForURL((url) => url.search.includes('project=OPS')), page.click('[data-testid="board-filter"] button')]);
    assert.deepEqual(await boardRows(page), ['4:kanban']);
    await page.goto(host.url('/?name=pay'));
    assert.deepEqual(await boardRows(page), ['2:scrum', '5:kanban']);
    await screenshot(page, 'tour-02-home');

    // 4. Time zones, holiday calendars with yearly rules, days off (half days too), sprint-only
    // team changes: WEB board (New York, US calendar), WEB Sprint 9 (2026-11-25 … 2026-12-08).
    await page.goto(host.url('/'));
    await Promise.all([page.waitForURL((url) => url.search.includes('boardId=3')),
      page.click('[data-testid="board-row"][data-board-id="3"] a.board-name')]);
    await page.getByTestId('sprint-picker').waitFor();
    await page.getByTestId('sprint-picker').selectOption({ label: 'WEB Sprint 9' });
    await page.locator('[data-testid="sprint-name"]', { hasText: 'WEB Sprint 9' }).waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid="panel-body"].ct-busy'));
    await memberRow(page, 'ken').waitFor();
    assert.ok((await page.getByTestId('date-reading').textContent()).includes('America/New_York'));
    const thanksgiving = page.locator('[data-testid="day-chart"] [data-date="2026-11-26"] [data-testid="holiday-mark"]');
    assert.equal(await thanksgiving.textContent(), 'Thanksgiving Day');
    assert.equal(await page.locator('[data-testid="day-chart"] [data-date="2026-12-02"] [data-testid="day-off-mark"][data-account-key="ken"]').count(), 1);
    assert.equal(await page.locator('[data-testid="day-chart"] [data-date="2026-12-04"] [data-testid="day-off-mark"][data-account-key="laura"]').count(), 1);
    assert.equal(await changeOf(page, 'ken'), 'changed');
    assert.equal(await changeOf(page, 'xavier'), 'added');
    await page.locator('[data-testid="member-row"][data-account-key="uma"][data-iteration-change="removed"]').waitFor();
    await page.getByTestId('sprint-changes-note').waitFor();
    // Members' allocation and start dates: Bob gives WEB 60 %, Yara joins with the next sprint.
    assert.match(await memberRow(page, 'bob').textContent(), /60\s*%/);
    assert.equal((await memberRow(page, 'yara').getByTestId('capacity').first().textContent()).trim().split(/\s/)[0], '0h');
    await page.getByTestId('apply-template-button').waitFor();
    await screenshot(page, 'tour-03-web-board');

    // 5. Story points: PAY board, PAY Sprint 23 (German calendar, a half-day team offsite).
    await openSprint(page, host, 2, 'PAY Sprint 23');
    await memberRow(page, 'frank').waitFor();
    assert.match(await memberRow(page, 'frank').getByTestId('capacity').first().textContent(), /pt/);
    assert.equal(await page.locator('[data-testid="day-chart"] [data-date="2026-12-10"] [data-testid="holiday-mark"]').textContent(), 'Team offsite');
    assert.equal(await page.locator('[data-testid="day-chart"] [data-date="2026-12-03"] [data-testid="day-off-mark"][data-account-key="frank"]').count(), 1);
    await screenshot(page, 'tour-04-pay-board');

    // 6. A Kanban board of the demo opens in the panel (its project has dated fix versions).
    await openLoggedIn(page, host, `${PANEL}?boardId=4`);
    await page.getByTestId('board-name').filter({ hasText: 'OPS Kanban' }).waitFor();
    const versions = await rest(page, 'GET', '/rest/api/2/project/OPS/versions');
    assert.deepEqual(versions.body.map((v) => [v.name, Boolean(v.startDate), Boolean(v.releaseDate)]),
      [['OPS 2026.11', true, true], ['OPS 2026.12', true, true], ['OPS 2027.01', true, true]]);
    assert.equal((await rest(page, 'GET', '/rest/capacity/1.0/boards/4/settings')).body.estimateSource, 'original');

    // 7. Multi-project report, saved, flagging people booked above 100 % across boards.
    await openLoggedIn(page, host, `${PANEL}?view=reports&reportId=delivery-hours`);
    await page.getByTestId('heat-map').waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid="report-running"]'));
    assert.equal(await page.getByTestId('report-name').textContent(), 'Delivery teams (hours)');
    const overs = await page.locator('[data-testid="over-allocation"]').evaluateAll((els) => els.map((e) => ({
      key: e.dataset.accountKey, percent: e.querySelector('[data-testid="over-allocation-percent"]').textContent,
    })));
    assert.deepEqual([...new Set(overs.map((o) => `${o.key} ${o.percent}`))].sort(), ['bob 110%', 'dave 160%']);
    assert.equal(await page.locator('[data-testid="report-link"]').count(), 2);
    await screenshot(page, 'tour-05-report');

    // 8. Administration: health, permissions (on), templates, holiday calendars, backup, personal data.
    await openLoggedIn(page, host, `${PANEL}?view=admin`);
    assert.equal(await page.getByTestId('health').getAttribute('data-ok'), 'true');
    await page.getByTestId('permissions-form').waitFor();
    assert.equal(await page.getByTestId('permissions-enabled').isChecked(), true);
    for (const [tab, row, ids] of [['templates', 'template-row', ['support-rotation', 'web-squad']], ['calendars', 'calendar-row', ['germany', 'us']]]) {
      await page.getByTestId(`tab-${tab}`).click();
      const pane = page.getByTestId(`pane-${tab}`);
      await pane.locator(`[data-testid="${row}"]`).first().waitFor();
      assert.deepEqual((await pane.locator(`[data-testid="${row}"]`).evaluateAll((els) => els.map((e) => e.dataset.id))).sort(), ids);
    }
    await page.getByTestId('tab-backup').click();
    await page.getByTestId('download-export').waitFor();
    await page.getByTestId('tab-privacy').click();
    await page.getByTestId('inventory').waitFor();
    await screenshot(page, 'tour-06-admin');
  });
  watch.assertNone();
  await page.close();
});

test('permissions: the restricted user victor reads board 1 but cannot open board 2', async () => {
  const page = await browser.context.newPage();
  const watch = watchErrors(page);
  await withShotOnFailure(page, 'tour-permissions', async () => {
    await logOut(page, host);
    await openLoggedIn(page, host, `${PANEL}?boardId=2`, 'victor', 'victor');
    const refused = page.getByTestId('load-error');
    await refused.waitFor();
    assert.match(await refused.textContent(), /permission/i);
    await screenshot(page, 'tour-07-restricted');
    await page.goto(host.url(`${PANEL}?boardId=1`));
    await memberRow(page, 'alice').waitFor();
    await logOut(page, host);
  });
  watch.assertNone();
  await page.close();
});
