'use strict';
/*
 * "This sprint only" team changes on the capacity panel: a member's capacity changed for
 * one sprint, copied to the next, people removed from and added to one sprint, and team
 * templates applied to a sprint and to the board; and the remaining capacity from today.
 *
 * The demo is anchored on the Monday of the current week (Europe/Berlin), so that today
 * always lies inside the active DEMO Sprint 3 (A … A+11) and its remaining capacity shows.
 * Members' sprint numbers do not depend on the anchor (docs in /work/helpers/DEMO.md):
 * alice 6h × 10 days = 60h, bob 30h, carol 50h, dave 40h.
 */

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startHost } = require('../lib/host');
const { launchBrowser } = require('../lib/browser');
const {
  openSprint, memberRow, memberNumbers, waitForCapacity, screenshot, withShotOnFailure, watchErrors, rest,
} = require('../lib/panel');

/** Today in Europe/Berlin as YYYY-MM-DD (the board's zone and the browser's). */
function berlinToday() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

function addDays(iso, n) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const TODAY = berlinToday();
const ANCHOR = addDays(TODAY, -((new Date(`${TODAY}T00:00:00Z`).getUTCDay() + 6) % 7));
const SPRINT_3_LAST = addDays(ANCHOR, 11);

/** Mon–Fri days from `from` to `to`, both included. */
function weekdays(from, to) {
  let n = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (wd !== 0 && wd !== 6) n += 1;
  }
  return n;
}

let host;
let browser;

before(async () => {
  host = await startHost({ anchor: ANCHOR, name: 'host-sprint-team' });
  browser = await launchBrowser();
});

after(async () => {
  try { if (browser) await browser.close(); } finally { if (host) await host.stop(); }
});

async function iterationChange(page, key) {
  const tag = memberRow(page, key).getByTestId('iteration-change');
  return (await tag.count()) ? tag.getAttribute('data-change') : null;
}

async function chooseSprint(page, name) {
  await page.getByTestId('sprint-picker').selectOption({ label: name });
  await page.locator('[data-testid="sprint-name"]', { hasText: name }).waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-testid="panel-body"].ct-busy'));
  await memberRow(page, 'alice').waitFor();
}

test('remaining capacity from today shows per member and for the team in the active sprint', async () => {
  const page = await browser.context.newPage();
  const watch = watchErrors(page);
  await withShotOnFailure(page, 'remaining', async () => {
    await openSprint(page, host, 1, 'DEMO Sprint 3');
    const left = weekdays(TODAY, SPRINT_3_LAST);
    // Daily capacities in minutes: alice 6h, bob 6h at 50 %, carol 5h, dave 4h.
    const expected = { alice: left * 360, bob: left * 180, carol: left * 300, dave: left * 240 };
    for (const [key, minutes] of Object.entries(expected)) {
      assert.equal(await memberRow(page, key).getByTestId('remaining').getAttribute('data-value'), String(minutes), `${key} left from ${TODAY}`);
    }
    assert.equal(await page.getByTestId('team-remaining').getAttribute('data-value'), String(left * (360 + 180 + 300 + 240)));
    assert.equal((await memberNumbers(page, 'alice')).capacity, '60h');
  });
  watch.assertNone();
  await page.close();
});

test('a capacity change for sprint 3 only changes sprint 3, and copies to sprint 4', async () => {
  const page = await browser.context.newPage();
  const watch = watchErrors(page);
  await withShotOnFailure(page, 'sprint-only', async () => {
    await openSprint(page, host, 1, 'DEMO Sprint 3');
    const boardBefore = (await rest(page, 'GET', '/rest/capacity/1.0/boards/1/settings')).body;

    await memberRow(page, 'alice').click();
    const form = page.getByTestId('sprint-member-form');
    await form.getByTestId('sprint-daily-capacity-input').fill('3');
    await screenshot(page, '09-sprint-only-editor');
    await form.getByTestId('sprint-save-member').click();
    await waitForCapacity(page, 'alice', '30h');
    assert.deepEqual(await memberNumbers(page, 'alice'), {
      capacity: '30h', workload: '28h', free: '2h', utilisation: '93.3%', status: 'ok', statusLabel: 'OK',
    });
    assert.equal(await iterationChange(page, 'alice'), 'changed');
    assert.equal(await iterationChange(page, 'bob'), null);
    assert.equal(await page.getByTestId('sprint-changes-note').getAttribute('data-count'), '1');
    assert.equal(await page.getByTestId('team-capacity').textContent(), '150h');

    // Only the sprint's document changed: the board's team is as it was.
    const team = await rest(page, 'GET', '/rest/capacity/1.0/boards/1/iterations/3/team');
    assert.equal(team.status, 200);
    assert.deepEqual(team.body.members, [{ accountKey: 'alice', action: 'change', dailyCapacity: 3 }]);
    assert.deepEqual((await rest(page, 'GET', '/rest/capacity/1.0/boards/1/settings')).body, boardBefore);
    await screenshot(page, '09-sprint-only-change');

    // Sprint 4 still has the board's numbers.
    await chooseSprint(page, 'DEMO Sprint 4');
    assert.equal((await memberNumbers(page, 'alice')).capacity, '60h');
    assert.equal(await iterationChange(page, 'alice'), null);
    assert.equal(await page.getByTestId('sprint-changes-note').count(), 0);

    // Copy the changes from the sprint before (sprint 3).
    const copy = page.getByTestId('copy-team-button');
    assert.equal((await copy.textContent()).trim(), 'Copy team changes from DEMO Sprint 3');
    await copy.click();
    await waitForCapacity(page, 'alice', '30h');
    assert.equal(await iterationChange(page, 'alice'), 'changed');
    assert.match(await page.getByTestId('flash').textContent(), /Copied one team change from DEMO Sprint 3 to DEMO Sprint 4/);
    const copied = await rest(page, 'GET', '/rest/capacity/1.0/boards/1/iterations/4/team');
    assert.deepEqual(copied.body.members, [{ accountKey: 'alice', action: 'change', dailyCapacity: 3 }]);

    // Bob is off the team in sprint 4 only; erin joins sprint 4 only.
    await memberRow(page, 'bob').click();
    await page.getByTestId('sprint-member-form').getByTestId('sprint-remove-member').click();
    await page.locator('[data-testid="member-row"][data-account-key="bob"][data-iteration-change="removed"]').waitFor();
    assert.equal((await memberRow(page, 'bob').getByTestId('capacity').textContent()).trim(), '—');

    await page.getByTestId('add-member-button').click();
    const add = page.getByTestId('add-member-form');
    await add.getByTestId('new-member-key').fill('erin');
    await add.getByTestId('new-member-role').fill('Writer');
    await add.getByTestId('new-member-daily').fill('4');
    await add.locator('label[for="ct-add-scope-sprint"]').click();
    await add.getByTestId('save-new-member').click();
    await memberRow(page, 'erin').waitFor();
    assert.equal(await iterationChange(page, 'erin'), 'added');
    assert.equal((await memberNumbers(page, 'erin')).capacity, '40h');
    assert.equal(await page.getByTestId('sprint-changes-note').getAttribute('data-count'), '3');
    await screenshot(page, '10-sprint-4-changes');

    // Someone on this sprint only is edited in the sprint's changes too.
    await memberRow(page, 'erin').click();
    const erinForm = page.getByTestId('sprint-member-form');
    await erinForm.getByTestId('sprint-daily-capacity-input').fill('30');
    await erinForm.getByTestId('sprint-save-member').click();
    // 30h a day does not fit an hours board: the engine refuses the save, naming the field,
    // and the sprint's stored changes stay as they were.
    const summary = erinForm.getByTestId('form-error');
    await summary.waitFor();
    assert.match(await summary.getAttribute('data-field'), /^members\[\d+\]\.dailyCapacity$/);
    assert.match(await summary.textContent(), /at most 24 hours, got 30/);
    assert.equal(await iterationChange(page, 'erin'), 'added');
    const unchanged = (await rest(page, 'GET', '/rest/capacity/1.0/boards/1/iterations/4/team')).body.members.find((c) => c.accountKey === 'erin');
    assert.equal(unchanged.dailyCapacity, 4);
    await screenshot(page, '10-sprint-change-refused');
    await erinForm.getByTestId('sprint-daily-capacity-input').fill('5');
    await erinForm.getByTestId('sprint-save-member').click();
    await waitForCapacity(page, 'erin', '50h');
    const erin = (await rest(page, 'GET', '/rest/capacity/1.0/boards/1/iterations/4/team')).body.members.find((c) => c.accountKey === 'erin');
    assert.equal(erin.action, 'add');
    assert.equal(erin.dailyCapacity, 5);

    // The board's team still has bob and not erin; sprint 3 is untouched by sprint 4's changes.
    const board = (await rest(page, 'GET', '/rest/capacity/1.0/boards/1/settings')).body;
    assert.deepEqual(board.members.map((m) => m.accountKey), ['alice', 'bob', 'carol', 'dave']);
    await chooseSprint(page, 'DEMO Sprint 3');
    assert.equal((await memberNumbers(page, 'bob')).capacity, '30h');
    assert.equal(await memberRow(page, 'erin').count(), 0);

    // Putting bob back in sprint 4 drops just that change.
    await chooseSprint(page, 'DEMO Sprint 4');
    await memberRow(page, 'bob').click();
    await page.getByTestId('sprint-restore-member').click();
    await waitForCapacity(page, 'bob', '30h');
    assert.equal(await iterationChange(page, 'bob'), null);
  });
  watch.assertNone();
  await page.close();
});

test('a team template applies to one sprint, or to the board', async () => {
  const page = await browser.context.newPage();
  const watch = watchErrors(page);
  await withShotOnFailure(page, 'template', async () => {
    await openSprint(page, host, 1, 'DEMO Sprint 3');
    const squad = await rest(page, 'PUT', '/rest/capacity/1.0/templates/squad', {
      name: 'Squad',
      members: [
        { accountKey: 'carol', role: 'QA', dailyCapacity: 4 },
        { accountKey: 'erin', role: 'Writer', dailyCapacity: 2 },
        { accountKey: 'dave', role: 'Designer', dailyCapacity: 4 },
      ],
    });
    assert.equal(squad.status, 200, JSON.stringify(squad.body));
    const core = await rest(page, 'PUT', '/rest/capacity/1.0/templates/core', {
      name: 'Core', members: [{ accountKey: 'dave', role: 'Designer', dailyCapacity: 5 }],
    });
    assert.equal(core.status, 200, JSON.stringify(core.body));

    await page.getByTestId('apply-template-button').click();
    const box = page.getByTestId('template-box');
    await box.getByTestId('template-select').waitFor();
    assert.deepEqual(await box.getByTestId('template-select').locator('option').allTextContents(), ['Core', 'Squad']);
    await box.getByTestId('template-select').selectOption({ label: 'Squad' });
    await box.getByTestId('template-preview').locator('tbody tr').nth(2).waitFor();
    await box.locator('label[for="ct-template-scope-sprint"]').click();
    await box.getByTestId('apply-template').click();

    const result = page.getByTestId('template-result');
    await result.waitFor();
    assert.equal(await result.getByTestId('template-added').getAttribute('data-keys'), 'erin');
    assert.equal(await result.getByTestId('template-changed').getAttribute('data-keys'), 'carol');
    assert.equal(await result.getByTestId('template-unchanged').getAttribute('data-keys'), 'dave');
    assert.equal(await result.getByTestId('template-left-alone').getAttribute('data-keys'), 'alice,bob');
    await waitForCapacity(page, 'carol', '40h');
    assert.equal(await iterationChange(page, 'carol'), 'changed');
    assert.equal(await iterationChange(page, 'erin'), 'added');
    assert.equal((await memberNumbers(page, 'erin')).capacity, '20h');
    // Alice's earlier change for this sprint is left as it was.
    assert.equal((await memberNumbers(page, 'alice')).capacity, '30h');
    await screenshot(page, '11-template-sprint');

    // Sprint 4 keeps the board's carol.
    await chooseSprint(page, 'DEMO Sprint 4');
    assert.equal((await memberNumbers(page, 'carol')).capacity, '50h');

    // "Core" on the whole board: dave works 5h a day in every sprint from now on.
    await page.getByTestId('apply-template-button').click();
    await box.getByTestId('template-select').waitFor();
    await box.getByTestId('template-select').selectOption({ label: 'Core' });
    await box.locator('label[for="ct-template-scope-board"]').click();
    await box.getByTestId('apply-template').click();
    await result.waitFor();
    assert.equal(await result.getByTestId('template-changed').getAttribute('data-keys'), 'dave');
    assert.equal(await result.getByTestId('template-left-alone').getAttribute('data-keys'), 'alice,bob,carol');
    await waitForCapacity(page, 'dave', '50h');
    assert.equal(await iterationChange(page, 'dave'), null);
    const board = (await rest(page, 'GET', '/rest/capacity/1.0/boards/1/settings')).body;
    assert.equal(board.members.find((m) => m.accountKey === 'dave').dailyCapacity, 5);
    await chooseSprint(page, 'DEMO Sprint 3');
    assert.equal((await memberNumbers(page, 'dave')).capacity, '50h');
  });
  watch.assertNone();
  await page.close();
});
