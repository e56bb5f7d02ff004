'use strict';
/*
 * The administration page (?view=admin) in a real browser against the real host (plugin
 * jar, Rust engine through JNI, H2 storage) with the demo data anchored on Monday
 * 2026-11-30. One host for the whole file; the tests run in order and build on each
 * other's writes (the template and calendar created first are in the export, dave is
 * erased near the end, the non-administrator comes last).
 */

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { startHost, RESULTS } = require('../lib/host');
const { launchBrowser } = require('../lib/browser');
const {
  PANEL, openLoggedIn, logOut, screenshot, withShotOnFailure, watchErrors, rest,
} = require('../lib/panel');

const ADMIN = `${PANEL}?view=admin`;

let host;
let browser;

before(async () => {
  host = await startHost({ anchor: '2026-11-30', name: 'host-admin' });
  browser = await launchBrowser();
});

after(async () => {
  try { if (browser) await browser.close(); } finally { if (host) await host.stop(); }
});

async function openTab(page, tab) {
  await page.getByTestId(`tab-${tab}`).click();
  const pane = page.getByTestId(`pane-${tab}`);
  await pane.waitFor();
  await page.waitForFunction((id) => !document.querySelector(`[data-testid="pane-${id}"] [data-testid="loading"]`), tab);
  return pane;
}

test('the page shows the engine\'s health and the permissions of a fresh instance', async () => {
  const page = await browser.context.newPage();
  const watch = watchErrors(page);
  await withShotOnFailure(page, 'admin-health', async () => {
    await openLoggedIn(page, host, ADMIN);
    const health = page.getByTestId('health');
    await health.waitFor();
    assert.equal(await health.getAttribute('data-ok'), 'true');
    assert.match(await page.getByTestId('health-native').textContent(), /^Native engine \d+\.\d+\.\d+/);
    assert.match(await page.getByTestId('health-platform').textContent(), /^Platform linux-/);
    assert.equal(await page.getByTestId('health-glibc').textContent(), 'Needs glibc 2.17 or newer');
    assert.match(await page.getByTestId('health-plugin').textContent(), /^Plugin \d+\.\d+\.\d+/);
    // The board panel's script leaves this page alone.
    assert.equal(await page.locator('[data-testid="sprint-picker"]').count(), 0);

    await page.getByTestId('permissions-form').waitFor();
    assert.equal(await page.getByTestId('permissions-enabled').isChecked(), false);
    await screenshot(page, 'admin-01-permissions');
  });
  watch.assertNone();
  await page.close();
});

test('permissions: a board restricted to a group is saved, and a stale save is a conflict', async () => {
  const page = await browser.context.newPage();
  const watch = watchErrors(page);
  await withShotOnFailure(page, 'admin-permissions', async () => {
    await openLoggedIn(page, host, ADMIN);
    await page.getByTestId('permissions-form').waitFor();
    // AUI draws the box on the label, which is what a person clicks.
    await page.locator('label[for="ct-perm-enabled"]').click();
    assert.equal(await page.getByTestId('permissions-enabled').isChecked(), true);
    await page.getByTestId('add-board-picker').selectOption('1');
    await page.getByTestId('add-board-grant').click();
    await page.getByTestId('boards.1.write.groups').fill('team-leads');
    await page.getByTestId('boards.1.write.users').fill('alice, bob');
    await page.getByTestId('templates.users').fill('carol');
    await page.getByTestId('save-permissions').click();
    await page.getByTestId('permissions-saved').waitFor();
    const stored = (await rest(page, 'GET', '/rest/capacity/1.0/admin/permissions')).body;
    assert.equal(stored.enabled, true);
    assert.deepEqual(stored.boards['1'].write, { users: ['alice', 'bob'], groups: ['team-leads'] });
    assert.deepEqual(stored.templates.users, ['carol']);

    // Someone else saves meanwhile: this form's revision is now stale.
    const other = await rest(page, 'PUT', '/rest/capacity/1.0/admin/permissions', { ...stored, enabled: false });
    assert.equal(other.status, 200);
    await page.getByTestId('boards.1.read.users').fill('dave');
    await page.getByTestId('save-permissions').click();
    const error = page.getByTestId('form-error-message');
    await error.waitFor();
    assert.match(await error.textContent(), /Someone else saved a change first/);
    await screenshot(page, 'admin-02-permissions-conflict');
    await page.getByTestId('reload-after-conflict').click();
    await page.getByTestId('permissions-form').waitFor();
    assert.equal(await page.getByTestId('permissions-enabled').isChecked(), false);
    assert.equal(await page.getByTestId('boards.1.read.users').inputValue(), '');

    // An invalid entry is refused by the engine, named next to its field.
    await page.getByTestId('boards.1.read.users').fill('x'.repeat(300));
    await page.getByTestId('save-permissions').click();
    const fieldError = page.locator('[data-field="boards.1.read.users"] [data-testid="field-error"]');
    await fieldError.waitFor();
    assert.equal(await fieldError.getAttribute('data-field'), 'boards.1.read.users[0]');
  });
  watch.assertNone();
  await page.close();
});

test('templates: create one with two members, an invalid capacity is named next to its field', async () => {
  const page = await browser.context.newPage();
  const watch = watchErrors(page);
  await withShotOnFailure(page, 'admin-template', async () => {
    await openLoggedIn(page, host, `${ADMIN}#templates`);
    const pane = await openTab(page, 'templates');
    await pane.getByTestId('create-template').click();
    const form = page.getByTestId('template-form');
    await form.getByTestId('template-id').fill('squad');
    await form.getByTestId('template-name').fill('Squad');
    for (const [key, role, capacity, allocation] of [['alice', 'Developer', '6', '100'], ['erin', 'Developer', '-1', '']]) {
      await form.getByTestId('add-template-member').click();
      const row = form.getByTestId('template-member').last();
      await row.getByTestId('member-account-key').fill(key);
      await row.getByTestId('member-role').fill(role);
      await row.getByTestId('member-daily-capacity').fill(capacity);
      await row.getByTestId('member-allocation').fill(allocation);
    }
    const erin = form.getByTestId('template-member').last();
    for (const day of ['Monday', 'Tuesday', 'Wednesday']) await erin.getByLabel(day).check();
    await form.getByTestId('save-template').click();
    const fieldError = form.locator('[data-field="members[1].dailyCapacity"] [data-testid="field-error"]');
    await fieldError.waitFor();
    assert.ok((await fieldError.textContent()).length > 0);
    await screenshot(page, 'admin-03-template-error');

    await erin.getByTestId('member-daily-capacity').fill('4');
    await form.getByTestId('save-template').click();
    await page.getByTestId('template-saved').waitFor();
    await page.locator('[data-testid="template-row"][data-id="squad"]').waitFor();
    const stored = (await rest(page, 'GET', '/rest/capacity/1.0/templates/squad')).body;
    assert.equal(stored.name, 'Squad');
    assert.deepEqual(stored.members.map((m) => [m.accountKey, m.role, m.dailyCapacity]), [['alice', 'Developer', 6], ['erin', 'Developer', 4]]);
    assert.deepEqual(stored.members[1].workingWeekdays, ['MON', 'TUE', 'WED']);

    // Editing opens the stored template.
    await page.locator('[data-testid="template-row"][data-id="squad"]').getByTestId('edit-template').click();
    await page.getByTestId('template-form').waitFor();
    assert.equal(await page.getByTestId('template-member').count(), 2);
    await screenshot(page, 'admin-04-templates');
  });
  watch.assertNone();
  await page.close();
});

test('holiday calendars: dates and the four kinds of yearly rule are stored as entered', async () => {
  const page = await browser.context.newPage();
  const watch = watchErrors(page);
  await withShotOnFailure(page, 'admin-calendar', async () => {
    await openLoggedIn(page, host, `${ADMIN}#calendars`);
    const pane = await openTab(page, 'calendars');
    await pane.getByTestId('create-calendar').click();
    const form = page.getByTestId('calendar-form');
    await form.getByTestId('calendar-id').fill('germany');
    await form.getByTestId('calendar-name').fill('Germany');
    const rules = [
      { type: 'fixed', name: 'Christmas Day', month: '12', day: '25' },
      { type: 'nthWeekday', name: 'Thanksgiving', month: '11', n: '4', weekday: 'THU' },
      { type: 'lastWeekday', name: 'Memorial Day', month: '5', weekday: 'MON' },
      { type: 'easter', name: 'Good Friday', offset: '-2' },
    ];
    for (const r of rules) {
      await form.getByTestId('add-calendar-rule').click();
      const row = form.getByTestId('calendar-rule').last();
      await row.getByTestId('rule-type').selectOption(r.type);
      await row.getByTestId('rule-name').fill(r.name);
      if (r.month) await row.getByTestId('rule-month').selectOption(r.month);
      if (r.day) await row.getByTestId('rule-day').fill(r.day);
      if (r.n) await row.getByTestId('rule-n').selectOption(r.n);
      if (r.weekday) await row.getByTestId('rule-weekday').selectOption(r.weekday);
      if (r.offset) await row.getByTestId('rule-offset').fill(r.offset);
    }
    const words = await form.getByTestId('rule-words').allTextContents();
    assert.deepEqual(words, ['Every year on 25 December', 'Every year on the fourth Thursday of November',
      'Every year on the last Monday of May', 'Every year 2 days before Easter Sunday']);
    await form.getByTestId('add-calendar-date').click();
    await form.getByTestId('calendar-date-input').fill('2026-12-31');
    await form.getByTestId('calendar-date-name').fill('New Year\'s Eve');
    await form.getByTestId('calendar-date').locator('select[name="fraction"]').selectOption('0.5');
    await screenshot(page, 'admin-05-calendar-form');
    await form.getByTestId('save-calendar').click();
    await page.getByTestId('calendar-saved').waitFor();

    const stored = (await rest(page, 'GET', '/rest/capacity/1.0/calendars/germany')).body;
    assert.equal(stored.name, 'Germany');
    assert.deepEqual(stored.dates, [{ date: '2026-12-31', name: 'New Year\'s Eve', fraction: 0.5 }]);
    assert.deepEqual(stored.rules.map((r) => r.type), ['fixed', 'nthWeekday', 'lastWeekday', 'easter']);
    assert.equal(stored.rules[0].day, 25);
    assert.equal(stored.rules[1].n, 4);
    assert.equal(stored.rules[3].offset, -2);
    await page.locator('[data-testid="calendar-row"][data-id="germany"]').waitFor();
  });
  watch.assertNone();
  await page.close();
});

test('backup: the export downloads with every document, and merging it back changes nothing', async () => {
  const page = await browser.context.newPage();
  const watch = watchErrors(page);
  await withShotOnFailure(page, 'admin-backup', async () => {
    await openLoggedIn(page, host, `${ADMIN}#backup`);
    await openTab(page, 'backup');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-export').click()]);
    assert.equal(download.suggestedFilename(), 'capacity-tracker-export.json');
    const file = path.join(RESULTS, 'admin-export.json');
    await download.saveAs(file);
    const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.equal(exported.format, 'capacity-tracker-export');
    const kinds = exported.documents.map((d) => `${d.kind}:${d.id}`);
    for (const k of ['board:1', 'template:squad', 'calendar:germany']) assert.ok(kinds.includes(k), `${k} in ${kinds}`);
    assert.ok(JSON.stringify(exported).includes('"dave"'));

    await page.getByTestId('import-file').setInputFiles(file);
    await page.locator('label[for="ct-import-merge"]').click();
    await page.getByTestId('import-submit').click();
    const summary = page.getByTestId('import-summary');
    await summary.waitFor();
    assert.match(await summary.textContent(), new RegExp(`0 written, ${exported.documents.length} unchanged, 0 in conflict`));

    // "Empty" refuses an instance that holds data, and says so.
    await page.locator('label[for="ct-import-empty"]').click();
    await page.getByTestId('import-submit').click();
    await page.getByTestId('form-error-message').waitFor();
    await screenshot(page, 'admin-06-backup');
  });
  watch.assertNone();
  await page.close();
});

test('personal data: dave\'s data is shown, then erased after confirming, from the board and the export', async () => {
  const page = await browser.context.newPage();
  const watch = watchErrors(page);
  await withShotOnFailure(page, 'admin-privacy', async () => {
    await openLoggedIn(page, host, `${ADMIN}#privacy`);
    await openTab(page, 'privacy');
    const people = page.getByTestId('inventory');
    await people.waitFor();
    await page.getByTestId('person-key').fill('dave');
    await page.getByTestId('person-lookup').click();
    const items = page.getByTestId('person-items');
    await items.waitFor();
    assert.match(await items.textContent(), /Board 1.*Designer/);
    const json = JSON.parse(await page.getByTestId('person-json').textContent());
    assert.equal(json.accountKey, 'dave');
    assert.equal(json.boards[0].member.dailyCapacity, 4);
    await screenshot(page, 'admin-07-person');

    // Cancelling the dialog erases nothing.
    await page.getByTestId('erase-person').click();
    await page.getByTestId('confirm-dialog').waitFor();
    await page.getByTestId('dialog-cancel').click();
    assert.equal(await page.getByTestId('confirm-dialog').count(), 0);
    assert.equal((await rest(page, 'GET', '/rest/capacity/1.0/admin/people/dave')).body.boards.length, 1);

    await page.getByTestId('erase-person').click();
    await page.getByTestId('confirm-dialog').waitFor();
    await screenshot(page, 'admin-08-erase-dialog');
    await page.getByTestId('dialog-confirm').click();
    await page.getByTestId('person-erased').waitFor();
    assert.match(await page.getByTestId('erase-result').textContent(), /Removed from boards: 1/);
    await screenshot(page, 'admin-09-erased');

    const settings = (await rest(page, 'GET', '/rest/capacity/1.0/boards/1/settings')).body;
    assert.deepEqual(settings.members.map((m) => m.accountKey), ['alice', 'bob', 'carol']);
    const exported = (await rest(page, 'GET', '/rest/capacity/1.0/admin/export')).body;
    assert.ok(!JSON.stringify(exported).includes('dave'), 'the export still names dave');

    // The board panel no longer lists him.
    await page.goto(host.url(`${PANEL}?boardId=1`));
    await page.locator('[data-testid="member-row"][data-account-key="alice"]').waitFor();
    assert.equal(await page.locator('[data-testid="member-row"][data-account-key="dave"]').count(), 0);
  });
  watch.assertNone();
  await page.close();
});

test('a user who is not a Jira administrator gets 403 from the admin endpoints and the page', async () => {
  const page = await browser.context.newPage();
  await withShotOnFailure(page, 'admin-non-admin', async () => {
    await logOut(page, host);
    await openLoggedIn(page, host, `${PANEL}?boardId=1`, 'alice', 'alice');
    for (const [method, p] of [['GET', '/admin/export'], ['GET', '/admin/permissions'], ['DELETE', '/admin/people/bob'],
      ['PUT', '/calendars/germany']]) {
      const r = await rest(page, method, `/rest/capacity/1.0${p}`, method === 'PUT' ? { revision: 1, name: 'x' } : undefined);
      assert.equal(r.status, 403, `${method} ${p}`);
      // @AdminOnly: Jira's REST layer refuses before the plugin runs, in its own error shape.
      assert.equal(r.body['status-code'], 403, JSON.stringify(r.body));
    }
    const response = await page.goto(host.url(ADMIN));
    assert.equal(response.status(), 403);
    assert.match(await page.locator('.aui-message-error').textContent(), /Only Jira administrators/);
    await screenshot(page, 'admin-10-not-admin');
    await logOut(page, host);
  });
  await page.close();
});
