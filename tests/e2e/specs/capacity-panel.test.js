'use strict';
/*
 * The capacity panel in a real browser against the real host (plugin jar, Rust engine
 * through JNI, H2 storage) with the demo data anchored on Monday 2026-11-30 (docs in
 * /work/helpers/DEMO.md: the expected numbers below are the engine's for that data).
 * One host for the whole file; the tests run in order and build on each other's writes
 * only where they say so.
 */

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startHost } = require('../lib/host');
const { launchBrowser } = require('../lib/browser');
const {
  PANEL, openLoggedIn, openSprint, memberRow, memberNumbers, waitForCapacity, screenshot, withShotOnFailure, watchErrors, rest,
} = require('../lib/panel');

const ANCHOR = '2026-11-30';
const WEDNESDAY = '2026-12-02'; // A + 2

let host;
let browser;

before(async () => {
  host = await startHost({ anchor: ANCHOR, name: 'host-capacity-panel' });
  browser = await launchBrowser();
});

after(async () => {
  // Both always run: a browser that failed to close must not keep the host alive.
  try { if (browser) await browser.close(); } finally { if (host) await host.stop(); }
});

test('sprint picker lists the active sprint first, then future, then closed newest first', async () => {
  const page = await browser.context.newPage();
  const watch = watchErrors(page);
  await withShotOnFailure(page, 'sprint-picker', async () => {
    await openLoggedIn(page, host, `${PANEL}?boardId=1`);
    const picker = page.getByTestId('sprint-picker');
    await picker.waitFor();
    const names = await picker.locator('option').allTextContents();
    assert.deepEqual(names, ['DEMO Sprint 3', 'DEMO Sprint 4', 'DEMO Sprint 2', 'DEMO Sprint 1']);
    // With no sprint in the address, the active one is shown.
    await page.locator('[data-testid="sprint-name"]', { hasText: 'DEMO Sprint 3' }).waitFor();
    assert.equal(await page.getByTestId('board-name').textContent(), 'DEMO board');
  });
  watch.assertNone();
  await page.close();
});

test('DEMO Sprint 3: numbers, a day off for alice, and the change survives a reload', async () => {
  const page = await browser.context.newPage();
  const watch = watchErrors(page);
  await withShotOnFailure(page, 'sprint-3', async () => {
    await openSprint(page, host, 1, 'DEMO Sprint 3');

    assert.deepEqual(await memberNumbers(page, 'alice'), {
      capacity: '60h', workload: '28h', free: '32h', utilisation: '46.7%', status: 'under', statusLabel: 'Under',
    });
    assert.deepEqual(await memberNumbers(page, 'bob'), {
      capacity: '30h', workload: '24h', free: '6h', utilisation: '80.0%', status: 'ok', statusLabel: 'OK',
    });
    assert.deepEqual(await memberNumbers(page, 'carol'), {
      capacity: '50h', workload: '51h', free: '\u22121h', utilisation: '102.0%', status: 'over', statusLabel: 'Over',
    });
    assert.deepEqual(await memberNumbers(page, 'dave'), {
      capacity: '40h', workload: '6h', free: '34h', utilisation: '15.0%', status: 'under', statusLabel: 'Under',
    });
    assert.equal(await memberRow(page, 'alice').getByTestId('member-name').textContent(), 'Alice Andersen');
    assert.equal(await memberRow(page, 'carol').getByTestId('role').textContent(), 'QA');

    // Team totals: 180h capacity, 109h workload (members only; buckets are apart).
    assert.equal(await page.getByTestId('team-capacity').textContent(), '180h');
    assert.equal(await page.getByTestId('team-workload').textContent(), '109h');
    assert.equal(await page.getByTestId('team-free').textContent(), '71h');
    assert.equal(await page.getByTestId('team-utilisation').textContent(), '60.6%');
    assert.match(await page.getByTestId('sprint-dates').textContent(), /Nov 30, 2026.*Dec 11, 2026/);
    assert.ok((await page.getByTestId('date-reading').textContent()).includes('Europe/Berlin'));
    // The chart has a bar per date of the sprint; the weekend carries no capacity.
    assert.equal(await page.locator('[data-testid="day-chart"] [data-date]').count(), 12);
    assert.equal(await page.locator('[data-testid="day-chart"] [data-date="2026-12-05"]').getAttribute('data-capacity'), '0');
    await screenshot(page, '01-sprint-3');

    // Alice takes Wednesday off.
    await memberRow(page, 'alice').click();
    const form = page.getByTestId('day-off-form');
    await form.getByTestId('day-off-start').fill(WEDNESDAY);
    await form.getByTestId('day-off-end').fill(WEDNESDAY);
    await form.getByTestId('day-off-fraction').selectOption('1');
    await form.getByTestId('day-off-reason').fill('Dentist <3 & co');
    await form.getByTestId('add-day-off').click();
    await waitForCapacity(page, 'alice', '54h');
    assert.deepEqual(await memberNumbers(page, 'alice'), {
      capacity: '54h', workload: '28h', free: '26h', utilisation: '51.9%', status: 'under', statusLabel: 'Under',
    });
    assert.equal(await memberRow(page, 'alice').getByTestId('days-off').getAttribute('data-value'), '1');
    const range = page.locator(`[data-testid="day-off-range"][data-start="${WEDNESDAY}"]`);
    assert.equal(await range.count(), 1);
    // Text with markup characters is shown as typed, never interpreted.
    assert.ok((await range.textContent()).includes('Dentist <3 & co'));
    assert.equal(await page.locator(`[data-testid="day-chart"] [data-date="${WEDNESDAY}"] [data-testid="day-off-mark"][data-account-key="alice"]`).count(), 1);
    await screenshot(page, '02-alice-day-off');

    // Stored, not just drawn: a fresh page shows the same.
    await page.reload();
    await page.locator('[data-testid="sprint-name"]', { hasText: 'DEMO Sprint 3' }).waitFor();
    await memberRow(page, 'alice').waitFor();
    assert.deepEqual(await memberNumbers(page, 'alice'), {
      capacity: '54h', workload: '28h', free: '26h', utilisation: '51.9%', status: 'under', statusLabel: 'Under',
    });
    const stored = await rest(page, 'GET', '/rest/capacity/1.0/people/alice/days-off');
    assert.equal(stored.status, 200);
    assert.deepEqual(stored.body.ranges, [{ start: WEDNESDAY, end: WEDNESDAY, fraction: 1, reason: 'Dentist <3 & co' }]);

    // Carol is over, and the work outside the team is listed, not dropped.
    assert.equal(await memberRow(page, 'carol').getAttribute('data-status'), 'over');
    assert.equal(await memberRow(page, 'carol').getByTestId('status').textContent(), 'Over');
    // DEMO-18 (4h) is unassigned; DEMO-19 is unassigned too, and flagged as having no estimate.
    const unassigned = page.getByTestId('bucket-unassigned');
    assert.deepEqual(await unassigned.locator('[data-issue-key]').evaluateAll((els) => els.map((e) => e.dataset.issueKey)), ['DEMO-18', 'DEMO-19']);
    assert.equal(await unassigned.getByTestId('bucket-figure').textContent(), '4h');
    assert.equal(await unassigned.locator('[data-issue-key="DEMO-18"] .ct-no-estimate').count(), 0);
    assert.equal(await unassigned.locator('[data-issue-key="DEMO-19"] .ct-no-estimate').count(), 1);
    const unestimated = page.getByTestId('bucket-unestimated');
    assert.deepEqual(await unestimated.locator('[data-issue-key]').evaluateAll((els) => els.map((e) => e.dataset.issueKey)), ['DEMO-19']);
    const erin = page.locator('[data-testid="non-member"][data-account-key="erin"]');
    assert.ok((await erin.textContent()).includes('Erin Evans'));
    assert.ok((await erin.textContent()).includes('DEMO-17'));
    assert.ok((await erin.textContent()).includes('5h'));
    await screenshot(page, '03-after-reload');
  });
  watch.assertNone();
  await page.close();
});

test('a negative daily capacity is refused with an error naming the field; nothing changes', async () => {
  const page = await browser.context.newPage();
  const watch = watchErrors(page);
  await withShotOnFailure(page, 'validation', async () => {
    await openSprint(page, host, 1, 'DEMO Sprint 3');
    const before = await memberNumbers(page, 'dave');
    const settingsBefore = await rest(page, 'GET', '/rest/capacity/1.0/boards/1/settings');

    await memberRow(page, 'dave').click();
    const form = page.getByTestId('member-form');
    await form.getByTestId('daily-capacity-input').fill('-2');
    await form.getByTestId('save-member').click();

    const summary = form.getByTestId('form-error');
    await summary.waitFor();
    assert.equal(await summary.getAttribute('data-field'), 'members[3].dailyCapacity');
    assert.match(await summary.textContent(), /Daily capacity/);
    assert.match(await summary.textContent(), /-2/);
    const fieldError = form.locator('[data-testid="field-error"][data-field="members[3].dailyCapacity"]');
    assert.ok(await fieldError.isVisible(), 'the error is shown next to the daily capacity field');
    assert.equal(await form.getByTestId('daily-capacity-input').getAttribute('aria-invalid'), 'true');
    // What the person typed stays in the form for them to correct.
    assert.equal(await form.getByTestId('daily-capacity-input').inputValue(), '-2');
    await screenshot(page, '04-validation-error');

    assert.deepEqual(await memberNumbers(page, 'dave'), before);
    const settingsAfter = await rest(page, 'GET', '/rest/capacity/1.0/boards/1/settings');
    assert.deepEqual(settingsAfter.body, settingsBefore.body, 'nothing was stored');
  });
  watch.assertNone();
  await page.close();
});

test('a save over someone else\'s change reloads the latest settings and says so', async () => {
  const page = await browser.context.newPage();
  const watch = watchErrors(page);
  await withShotOnFailure(page, 'conflict', async () => {
    await openSprint(page, host, 1, 'DEMO Sprint 3');
    await memberRow(page, 'bob').click();
    await page.getByTestId('member-form').getByTestId('daily-capacity-input').fill('7');

    // Meanwhile another person gives bob a full allocation.
    const current = await rest(page, 'GET', '/rest/capacity/1.0/boards/1/settings');
    const changed = structuredClone(current.body);
    changed.members.find((m) => m.accountKey === 'bob').allocation = 100;
    const put = await rest(page, 'PUT', '/rest/capacity/1.0/boards/1/settings', changed);
    assert.equal(put.status, 200);

    await page.getByTestId('member-form').getByTestId('save-member').click();
    const notice = page.getByTestId('editor-notice');
    await notice.waitFor();
    assert.match(await notice.textContent(), /changed by someone else/);
    // The other person's change is shown (6h a day at 100 % = 60h), ours was not written.
    await waitForCapacity(page, 'bob', '60h');
    assert.equal(await page.getByTestId('member-form').getByTestId('allocation-input').inputValue(), '100');
    assert.equal(await page.getByTestId('member-form').getByTestId('daily-capacity-input').inputValue(), '6');
    await screenshot(page, '05-conflict');

    // Saving again now works, and the numbers follow.
    await page.getByTestId('member-form').getByTestId('daily-capacity-input').fill('7');
    await page.getByTestId('member-form').getByTestId('save-member').click();
    await waitForCapacity(page, 'bob', '70h');
    assert.equal((await memberNumbers(page, 'bob')).free, '46h');
  });
  watch.assertNone();
  await page.close();
});

test('adding a member moves their work from the outside bucket into the team', async () => {
  const page = await browser.context.newPage();
  const watch = watchErrors(page);
  await withShotOnFailure(page, 'add-member', async () => {
    await openSprint(page, host, 1, 'DEMO Sprint 3');
    await page.getByTestId('add-member-button').click();
    const form = page.getByTestId('add-member-form');

    // An account key Jira does not know is refused next to the field.
    await form.getByTestId('new-member-key').fill('nobody-here');
    await form.getByTestId('new-member-role').fill('Writer');
    await form.getByTestId('new-member-daily').fill('4');
    await form.getByTestId('save-new-member').click();
    await form.locator('[data-testid="field-error"][data-field$=".accountKey"]').waitFor();

    await form.getByTestId('new-member-key').fill('erin');
    await form.getByTestId('new-member-role').fill('<b>Docs</b> & QA');
    await form.getByTestId('save-new-member').click();
    await memberRow(page, 'erin').waitFor();
    assert.deepEqual(await memberNumbers(page, 'erin'), {
      capacity: '40h', workload: '5h', free: '35h', utilisation: '12.5%', status: 'under', statusLabel: 'Under',
    });
    // The role is text, not markup.
    assert.equal(await memberRow(page, 'erin').getByTestId('role').textContent(), '<b>Docs</b> & QA');
    assert.equal(await memberRow(page, 'erin').locator('b').count(), 0);
    assert.equal(await page.locator('[data-testid="non-member"]').count(), 0);
    await screenshot(page, '06-member-added');

    // And removing them again puts the work back outside the team.
    await memberRow(page, 'erin').click();
    await page.getByTestId('remove-member').click();
    await page.getByTestId('confirm-remove-member').click();
    await page.locator('[data-testid="non-member"][data-account-key="erin"]').waitFor();
    assert.equal(await memberRow(page, 'erin').count(), 0);
  });
  watch.assertNone();
  await page.close();
});

test('a team holiday in the board settings takes a day from everyone and is marked on the chart', async () => {
  const page = await browser.context.newPage();
  const watch = watchErrors(page);
  await withShotOnFailure(page, 'holiday', async () => {
    await openSprint(page, host, 1, 'DEMO Sprint 3');
    await page.getByTestId('board-settings-button').click();
    const settings = page.getByTestId('board-settings');
    await settings.waitFor();

    // A focus factor above 100 % is refused next to its field.
    await settings.getByTestId('settings-focus').fill('150');
    await settings.getByTestId('save-board-settings').click();
    const error = settings.locator('[data-testid="field-error"][data-field="focusFactor"]');
    await error.waitFor();
    assert.match(await settings.getByTestId('form-error').textContent(), /Focus factor/);
    await settings.getByTestId('settings-focus').fill('100');

    const offsite = '2026-12-08'; // Tuesday of the sprint's second week
    await settings.getByTestId('holiday-date').fill(offsite);
    await settings.getByTestId('holiday-name').fill('Team offsite');
    await settings.getByTestId('add-holiday').click();
    await waitForCapacity(page, 'carol', '45h');
    const day = page.locator(`[data-testid="day-chart"] [data-date="${offsite}"]`);
    assert.equal(await day.getAttribute('data-capacity'), '0');
    assert.equal(await day.getByTestId('holiday-mark').textContent(), 'Team offsite');
    assert.equal(await page.locator(`[data-testid="holiday"][data-date="${offsite}"]`).count(), 1);
    await screenshot(page, '07-holiday');

    await page.locator(`[data-testid="holiday"][data-date="${offsite}"]`).getByTestId('remove-holiday').click();
    await waitForCapacity(page, 'carol', '50h');
    assert.equal(await page.locator(`[data-testid="day-chart"] [data-date="${offsite}"] [data-testid="holiday-mark"]`).count(), 0);
  });
  watch.assertNone();
  await page.close();
});

test('the administration page shows the engine\'s health', async () => {
  const page = await browser.context.newPage();
  const watch = watchErrors(page);
  await withShotOnFailure(page, 'admin', async () => {
    await openLoggedIn(page, host, `${PANEL}?view=admin`);
    const health = page.getByTestId('health');
    await health.waitFor();
    assert.equal(await health.getAttribute('data-ok'), 'true');
    assert.match(await health.textContent(), /Native engine \d+\.\d+\.\d+/);
    assert.match(await health.textContent(), /Platform linux-/);
    await screenshot(page, '08-admin');
  });
  watch.assertNone();
  await page.close();
});

test('the issue-to-item mapping follows docs/json-api.md', async () => {
  const page = await browser.context.newPage();
  await openLoggedIn(page, host, `${PANEL}?boardId=1`);
  const items = await page.evaluate(() => {
    const map = window.CapacityTrackerPanel.toWorkItem;
    return [
      map({ key: 'X-1', fields: { assignee: { key: 'JIRAUSER10100', name: 'alice' }, status: { statusCategory: { key: 'indeterminate' } },
        issuetype: { subtask: true }, parent: { key: 'X-0' }, timeestimate: 3600, timeoriginalestimate: 7200, customfield_10106: 2.5 } }, 'customfield_10106'),
      map({ key: 'X-2', fields: { assignee: null, status: { statusCategory: { key: 'undefined' } }, issuetype: { subtask: false } } }, 'customfield_10106'),
      map({ key: 'X-3', fields: { status: { statusCategory: { key: 'done' } }, timeestimate: 0, customfield_10200: 3 } }, 'customfield_10200'),
    ];
  });
  assert.deepEqual(items, [
    { key: 'X-1', assignee: 'JIRAUSER10100', statusCategory: 'indeterminate', remainingSeconds: 3600, originalSeconds: 7200, storyPoints: 2.5, parent: 'X-0', subtask: true },
    { key: 'X-2', assignee: null, statusCategory: 'new', remainingSeconds: null, originalSeconds: null, storyPoints: null, parent: null, subtask: false },
    { key: 'X-3', assignee: null, statusCategory: 'done', remainingSeconds: 0, originalSeconds: null, storyPoints: 3, parent: null, subtask: false },
  ]);
  await page.close();
});
