'use strict';
/*
 * Another plugin calling Capacity Tracker (java-bridge/examples/consumer-plugin), installed
 * beside it: its page shows a board member's remaining capacity in the running sprint, got
 * through the CapacityService Capacity Tracker publishes, and a board member reads there the
 * same number as in Capacity Tracker's own panel. A user the board's permissions keep out
 * gets Capacity Tracker's refusal on the consumer's page too.
 *
 * CT_JIRA=11 installs the example's Jira 11 (Jakarta) jar, examples/consumer-plugin-jira11.
 */

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { startHost } = require('../lib/host');
const { launchBrowser } = require('../lib/browser');
const {
  openLoggedIn, memberRow, withShotOnFailure, watchErrors, rest, logOut,
} = require('../lib/panel');

const JIRA = process.env.CT_JIRA || '10';
const PANEL = '/plugins/servlet/capacity-tracker';
const CONSUMER = '/plugins/servlet/member-capacity';

function consumerJar() {
  const dir = path.resolve(__dirname, '..', '..', '..', 'java-bridge', 'examples',
    JIRA === '11' ? 'consumer-plugin-jira11' : 'consumer-plugin', 'target');
  const name = new RegExp(`^capacity-consumer-example-jira${JIRA}-.*\\.jar$`);
  const jars = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => name.test(f)) : [];
  if (jars.length !== 1) {
    throw new Error(`expected one consumer jar in ${dir}, found ${JSON.stringify(jars)}; build: mvn -f java-bridge/pom.xml install -DskipTests`);
  }
  return path.join(dir, jars[0]);
}

/** Today in Europe/Berlin (the board's zone), and the Monday of its week: the demo's anchor. */
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

let host;
let browser;

before(async () => {
  host = await startHost({ anchor: ANCHOR, name: 'host-consumer-plugin', plugins: [consumerJar()] });
  browser = await launchBrowser();
});

after(async () => {
  try { if (browser) await browser.close(); } finally { if (host) await host.stop(); }
});

/** The active sprint of board 1, as Jira Software's REST gives it to every plugin. */
async function activeSprint(page) {
  const r = await rest(page, 'GET', '/rest/agile/1.0/board/1/sprint?state=active');
  assert.equal(r.status, 200);
  assert.equal(r.body.values.length, 1, JSON.stringify(r.body));
  return r.body.values[0];
}

function consumerUrl(sprint, accountKey) {
  const q = new URLSearchParams({
    boardId: '1', sprintId: String(sprint.id), sprintName: sprint.name, start: sprint.startDate, end: sprint.endDate, accountKey,
  });
  return `${CONSUMER}?${q}`;
}

test('the consumer page shows the remaining capacity the panel shows, for a board member', async () => {
  const page = await browser.context.newPage();
  const watch = watchErrors(page);
  await withShotOnFailure(page, 'consumer-remaining', async () => {
    await openLoggedIn(page, host, `${PANEL}?boardId=1`, 'carol', 'carol');
    const sprint = await activeSprint(page);
    await page.getByTestId('sprint-picker').selectOption({ label: sprint.name });
    await page.locator('[data-testid="sprint-name"]', { hasText: sprint.name }).waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid="panel-body"].ct-busy'));
    const results = {};
    for (const key of ['bob', 'carol']) {
      const cell = memberRow(page, key).getByTestId('remaining');
      await cell.waitFor();
      results[key] = await cell.getAttribute('data-value');
      assert.match(results[key], /^[0-9]+$/, `${key}'s remaining capacity shows in the panel`);
    }

    // The way a user gets there: the board only, then the current sprint from the list.
    await page.goto(host.url(`${CONSUMER}?boardId=1&accountKey=bob`));
    await page.getByTestId('pick-future').waitFor();
    await Promise.all([page.waitForURL(/sprintId=/), page.getByTestId('pick-active').click()]);
    assert.equal(await page.getByTestId('remaining').getAttribute('data-value'), results.bob, 'bob, through the sprint picker');
    assert.match(await page.getByTestId('sprint').innerText(), new RegExp(sprint.name));

    for (const key of ['bob', 'carol']) {
      const response = await page.goto(host.url(consumerUrl(sprint, key)));
      assert.equal(response.status(), 200, await page.content());
      const remaining = page.getByTestId('remaining');
      assert.equal(await remaining.getAttribute('data-value'), results[key], `${key}: the consumer and the panel agree`);
      assert.match(await remaining.innerText(), / h$/);
      // Decorated as a Jira page: the host's header around the consumer's own content.
      assert.equal(await page.locator('#header').count(), 1, 'Jira header');
      assert.equal(await page.locator('#member-capacity').count(), 1);
    }
    // Without accountKey: the logged-in user's own capacity.
    await page.goto(host.url(consumerUrl(sprint, '')));
    assert.equal(await page.getByTestId('remaining').getAttribute('data-value'), results.carol);
  });
  assert.deepEqual(watch.errors, []);
  await page.close();
});

test('a user the board\'s permissions keep out gets the refusal on the consumer page', async () => {
  const page = await browser.context.newPage();
  await withShotOnFailure(page, 'consumer-refused', async () => {
    await logOut(page, host); // carol, from the test before (one browser context)
    await openLoggedIn(page, host, `${PANEL}?boardId=1`, 'admin', 'admin');
    const sprint = await activeSprint(page);
    const current = await rest(page, 'GET', '/rest/capacity/1.0/admin/permissions');
    const put = await rest(page, 'PUT', '/rest/capacity/1.0/admin/permissions', {
      revision: current.body.revision,
      enabled: true,
      boards: { 1: { read: { users: ['carol'] }, write: { users: ['alice'] } } },
      templates: { users: [], groups: [] },
      reports: { users: [], groups: [] },
    });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    await logOut(page, host);

    await page.goto(host.url(`/login.jsp?os_destination=${encodeURIComponent(consumerUrl(sprint, 'bob'))}`));
    await page.fill('#login-form-username', 'erin');
    await page.fill('#login-form-password', 'erin');
    await Promise.all([page.waitForURL((url) => url.pathname.endsWith(CONSUMER)), page.click('#login-form-submit')]);
    const error = page.getByTestId('consumer-error');
    await error.waitFor();
    assert.match(await error.innerText(), /board/i);
    assert.equal(await page.getByTestId('remaining').count(), 0, 'no figures for a user who may not read the board');
  });
  await page.close();
});
