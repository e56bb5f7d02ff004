'use strict';
/*
 * User and group pickers (kit/picker.js) in a real browser against the real host: a person
 * searches Jira's users and groups by name, sees display names and avatars, picks with the
 * keyboard (arrow keys, Enter; Escape closes), and what is stored stays account keys and
 * group names. Permissions (several users and groups), the template editor and the board's
 * "add a team member" form each use one.
 */

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startHost } = require('../lib/host');
const { launchBrowser } = require('../lib/browser');
const {
  PANEL, openLoggedIn, openSprint, memberRow, screenshot, withShotOnFailure, watchErrors, rest,
} = require('../lib/panel');

const ADMIN = `${PANEL}?view=admin`;

let host;
let browser;

before(async () => {
  host = await startHost({ anchor: '2026-11-30', name: 'host-pickers' });
  browser = await launchBrowser();
});

after(async () => {
  try { if (browser) await browser.close(); } finally { if (host) await host.stop(); }
});

/** The listbox a combobox controls, once it shows Jira's matches. */
async function openList(page, input) {
  const list = page.locator(`#${await input.getAttribute('aria-controls')}`);
  await list.locator('[role="option"]').first().waitFor();
  assert.equal(await input.getAttribute('aria-expanded'), 'true');
  return list;
}

test('permissions: picking a user and a group by name with the keyboard stores their key and name', async () => {
  const page = await browser.context.newPage();
  const watch = watchErrors(page);
  await withShotOnFailure(page, 'pickers-permissions', async () => {
    await openLoggedIn(page, host, ADMIN);
    await page.getByTestId('permissions-form').waitFor();
    await page.getByTestId('add-board-picker').selectOption('1');
    await page.getByTestId('add-board-grant').click();

    const users = page.getByTestId('boards.1.write.users');
    assert.equal(await users.getAttribute('role'), 'combobox');
    await users.pressSequentially('Ali');
    let list = await openList(page, users);
    const alice = list.locator('[role="option"][data-value="alice"]');
    assert.match(await alice.textContent(), /Alice Andersen/);
    assert.match(await alice.locator('img').getAttribute('src'), /useravatar\?ownerId=alice&size=24$/);
    assert.ok(await alice.locator('img').evaluate((img) => img.complete && img.naturalWidth > 0), 'the avatar loads');
    await screenshot(page, 'pickers-01-user-list');
    await users.press('ArrowDown');
    assert.equal(await users.getAttribute('aria-activedescendant'), await alice.getAttribute('id'));
    assert.equal(await alice.getAttribute('aria-selected'), 'true');
    await users.press('Enter');
    assert.equal(await users.inputValue(), 'alice, ');
    assert.equal(await users.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.getByTestId('permissions-saved').count(), 0, 'Enter picked; it did not submit the form');

    // A second user into the same list; Escape closes the list and leaves the text alone.
    await users.pressSequentially('Bob');
    list = await openList(page, users);
    await users.press('Escape');
    assert.equal(await list.isHidden(), true);
    assert.equal(await users.inputValue(), 'alice, Bob');
    await users.press('Backspace');
    list = await openList(page, users);
    await users.press('ArrowDown');
    await users.press('Enter');
    assert.equal(await users.inputValue(), 'alice, bob, ');

    const groups = page.getByTestId('boards.1.write.groups');
    await groups.pressSequentially('soft');
    list = await openList(page, groups);
    assert.deepEqual(await list.locator('[role="option"]').evaluateAll((os) => os.map((o) => o.dataset.value)), ['jira-software-users']);
    await groups.press('ArrowDown');
    await groups.press('Enter');
    assert.equal(await groups.inputValue(), 'jira-software-users, ');
    await screenshot(page, 'pickers-02-picked');

    await page.getByTestId('save-permissions').click();
    await page.getByTestId('permissions-saved').waitFor();
    const stored = (await rest(page, 'GET', '/rest/capacity/1.0/admin/permissions')).body;
    assert.deepEqual(stored.boards['1'].write, { users: ['alice', 'bob'], groups: ['jira-software-users'] });
  });
  watch.assertNone();
  await page.close();
});

test('a search without matches says so; the template editor and the team form pick users too', async () => {
  const page = await browser.context.newPage();
  const watch = watchErrors(page);
  await withShotOnFailure(page, 'pickers-team', async () => {
    await openLoggedIn(page, host, `${ADMIN}#templates`);
    await page.getByTestId('tab-templates').click();
    await page.getByTestId('create-template').click();
    const template = page.getByTestId('template-form');
    await template.getByTestId('add-template-member').click();
    const member = template.getByTestId('template-member').last().getByTestId('member-account-key');
    await member.pressSequentially('Chen');
    const carol = (await openList(page, member)).locator('[role="option"]').first();
    assert.match(await carol.textContent(), /Carol Chen/);
    await member.press('ArrowDown');
    await member.press('Enter');
    assert.equal(await member.inputValue(), 'carol');

    await openSprint(page, host, 1, 'DEMO Sprint 3');
    await page.getByTestId('add-member-button').click();
    const form = page.getByTestId('add-member-form');
    const key = form.getByTestId('new-member-key');
    await key.pressSequentially('zzz');
    const list = page.locator(`#${await key.getAttribute('aria-controls')}`);
    await list.locator('.ct-picker-none').waitFor();
    assert.equal(await list.locator('[role="option"]').count(), 0);
    await key.fill('');
    await key.pressSequentially('Evans');
    await openList(page, key);
    await key.press('ArrowDown');
    await key.press('Enter');
    assert.equal(await key.inputValue(), 'erin');
    await form.getByTestId('new-member-role').fill('Writer');
    await form.getByTestId('new-member-daily').fill('4');
    await form.getByTestId('save-new-member').click();
    await memberRow(page, 'erin').waitFor();
    await screenshot(page, 'pickers-03-team-member-added');
  });
  watch.assertNone();
  await page.close();
});
