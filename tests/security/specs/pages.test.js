'use strict';
/*
 * Every page and REST route of the host and the plugin, probed as an attacker would (issue
 * 10, defect 7 and the security suite): the headers every answer carries, error pages that
 * never show exception text, login throttling and logout by POST in a real browser.
 *
 * The routes come from the running instance and the plugin's sources, not a hand list:
 * every link and resource reachable from the home page and the plugin's pages (crawled
 * logged in), every plugin REST endpoint (lib/endpoints.js), and the host's Jira REST paths
 * the panel itself calls (read from the plugin's scripts).
 */

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { startHost, REPO } = require('../../e2e/lib/host');
const { launchBrowser } = require('../../e2e/lib/browser');
const { PANEL, openLoggedIn } = require('../../e2e/lib/panel');
const { restBase, pluginEndpoints } = require('../lib/endpoints');
const { startOtherOrigin, sendFrom } = require('../lib/origins');

const BASE = restBase();
const CONTEXT = '/jira';
// What exception text looks like: a qualified Java class name, a stack frame, "Caused by",
// an exception's simple name, or the servlet container's own error page.
const EXCEPTION_TEXT = /\b(?:java|javax|jakarta|org\.apache|org\.glassfish|org\.springframework|com\.sun|org\.capacitytracker)\.[a-z_$][\w$]*\.|\bat [\w$.]+\([\w$]+\.java:\d+\)|Caused by:|\b\w+(?:Exception|Error)\b(?!s)|Apache Tomcat\/|Stack ?trace/i;
// Words the plugin's own texts use that the pattern above would mistake for exception text.
const HARMLESS = [/\b(?:validationError|parseError|serverError|RangeError|TypeError|networkError)\b/g];

let host;
let browser;
let cookie;
const routes = new Map(); // path -> why it is probed

function exceptionText(text) {
  let t = text;
  for (const re of HARMLESS) t = t.replace(re, '');
  const m = EXCEPTION_TEXT.exec(t);
  return m ? t.slice(Math.max(0, m.index - 80), m.index + 120) : null;
}

async function request(method, p, { auth = true, headers = {}, body } = {}) {
  const res = await fetch(host.base + p, {
    method, redirect: 'manual', body, headers: { ...(auth ? { Cookie: cookie } : {}), ...headers },
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** Same-origin links and resources of a page (href, src, action), within the app's context. */
function linksOf(html) {
  const found = [];
  const re = /\b(?:href|src|action)="([^"#]+)"/g;
  let m;
  while ((m = re.exec(html)) !== null) {
    const url = new URL(m[1].replace(/&amp;/g, '&'), `${host.base}${CONTEXT}/`);
    if (url.origin === host.base && url.pathname.startsWith(CONTEXT)) found.push(url.pathname + url.search);
  }
  return found;
}

/** The Jira REST paths the plugin's scripts call, as literals in its JavaScript. */
function jiraRestPathsOfTheScripts() {
  const dir = path.join(REPO, 'java-bridge', 'plugin', 'src', 'main', 'resources');
  const paths = new Set();
  const walk = (d) => {
    for (const f of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, f.name);
      if (f.isDirectory()) walk(full);
      else if (f.name.endsWith('.js')) {
        // '/rest/agile/1.0/board/' + id + '/version': each concatenated value becomes 1 (the
        // demo has board 1 and sprint 1).
        for (const line of fs.readFileSync(full, 'utf8').split('\n')) {
          const at = line.search(/'\/rest\/(?:api\/2|agile\/1\.0)\//);
          if (at < 0) continue;
          const joined = line.slice(at).replace(/'\s*\+\s*[\w.()[\]]+\s*\+\s*'/g, '1').replace(/'\s*\+\s*[\w.()[\]]+/, "1'");
          const m = /^'(\/[^'?]*)/.exec(joined);
          if (m) paths.add(m[1].replace(/\/$/, ''));
        }
      }
    }
  };
  walk(dir);
  // And every fixed path the host's Jira REST platform resource routes (its `case "/..."`).
  const platform = fs.readFileSync(path.join(REPO, 'java-bridge', 'host', 'src', 'main', 'java', 'org', 'capacitytracker',
    'host', 'jira', 'PlatformResources.java'), 'utf8');
  for (const m of platform.matchAll(/case "(\/[\w/]+)"/g)) paths.add(`/rest/api/2${m[1]}`);
  return [...paths];
}

before(async () => {
  host = await startHost({ anchor: '2026-11-30', name: 'host-pages' });
  browser = await launchBrowser();
  const page = await browser.context.newPage();
  await openLoggedIn(page, host, `${PANEL}?boardId=1`);
  cookie = `JSESSIONID=${(await browser.context.cookies(host.url('/'))).find((c) => c.name === 'JSESSIONID').value}`;
  await page.close();

  // Crawl: the home page and the plugin's pages, then every page they link, two levels deep.
  const start = ['/', '/login.jsp', '/logout', `${PANEL}?boardId=1`, `${PANEL}?view=reports`, `${PANEL}?view=admin`];
  // And every servlet the host maps (CapacityHost's addServlet patterns; "/*" gets a demo
  // issue key), so that a page no link leads to is probed too.
  const hostSource = fs.readFileSync(path.join(REPO, 'java-bridge', 'host', 'src', 'main', 'java', 'org', 'capacitytracker',
    'host', 'CapacityHost.java'), 'utf8');
  for (const m of hostSource.matchAll(/addServlet\(app,[^;]*;/gs)) {
    for (const q of m[0].matchAll(/"(\/[^"]*)"/g)) {
      if (!q[1].startsWith('/rest/')) start.push(q[1].replace(/\/\*$/, '/DEMO-1'));
    }
  }
  let frontier = [...new Set(start)].map((p) => CONTEXT + p);
  for (const p of frontier) routes.set(p, 'start');
  for (let depth = 0; depth < 3 && frontier.length; depth++) {
    const next = [];
    for (const p of frontier) {
      const r = await request('GET', p);
      if (!/html/.test(r.headers.get('content-type') || '')) continue;
      for (const link of linksOf(r.text)) {
        if (link.startsWith(`${CONTEXT}/logout`) || routes.has(link)) continue;
        routes.set(link, `linked from ${p}`);
        next.push(link);
      }
    }
    frontier = next;
  }
  for (const e of pluginEndpoints()) {
    routes.set(CONTEXT + BASE + e.path.replace('{boardId}', '1').replace('{iterationId}', '3')
      .replace('{accountKey}', 'alice').replace(/\{\w+\}/g, 'none') + (e.path.startsWith('/people/') ? '?boardId=1' : ''), `plugin ${e.method}`);
  }
  for (const p of jiraRestPathsOfTheScripts()) routes.set(CONTEXT + p, 'called by the panel');
});

after(async () => {
  try { if (browser) await browser.close(); } finally { if (host) await host.stop(); }
});

test('the crawl reaches the host\'s pages, the plugin\'s pages and their resources', () => {
  const all = [...routes.keys()];
  for (const expected of [`${CONTEXT}/browse/`, `${CONTEXT}/download/resources/`, `${CONTEXT}${PANEL}`,
    `${CONTEXT}/rest/agile/1.0/`, `${CONTEXT}/rest/api/2/`, `${CONTEXT}${BASE}/`]) {
    assert.ok(all.some((p) => p.startsWith(expected)), `a route under ${expected} in ${all.join(' ')}`);
  }
  assert.ok(all.length >= 40, `${all.length} routes`);
});

test('every answer carries X-Frame-Options and nosniff; REST and the plugin\'s pages are not cached', async () => {
  const problems = [];
  for (const p of routes.keys()) {
    for (const auth of [true, false]) {
      const r = await request('GET', p, { auth });
      const who = `${auth ? 'admin' : 'anonymous'} GET ${p} (${r.status})`;
      if (r.headers.get('x-frame-options') !== 'SAMEORIGIN') problems.push(`${who}: X-Frame-Options ${r.headers.get('x-frame-options')}`);
      if (r.headers.get('x-content-type-options') !== 'nosniff') problems.push(`${who}: no nosniff`);
      const cache = r.headers.get('cache-control') || '';
      const isRest = p.startsWith(`${CONTEXT}/rest/`);
      const isPluginPage = p.startsWith(CONTEXT + PANEL);
      if ((isRest || isPluginPage) && r.status < 300 && !/no-store/.test(cache)) problems.push(`${who}: Cache-Control "${cache}"`);
      if (isRest && r.status >= 400 && !/no-(store|cache)/.test(cache)) problems.push(`${who}: error without Cache-Control ("${cache}")`);
      if (isPluginPage && r.status === 200 && !/frame-ancestors 'self'/.test(r.headers.get('content-security-policy') || '')) {
        problems.push(`${who}: no frame-ancestors`);
      }
    }
  }
  assert.equal(problems.length, 0, problems.join('\n'));
});

/** The ways a path can be broken: malformed and huge ids, NUL, dot segments, over-long names. */
function brokenVariants(p) {
  const [pathname] = p.split('?');
  const segments = pathname.split('/');
  const variants = new Set();
  const last = segments.length - 1;
  for (const bad of ['%00', '99999999999999999999999999', '-1', '%2e%2e', 'a%2Fb', '%ZZ', 'x'.repeat(3000), '%C0%AF', '<script>']) {
    variants.add([...segments.slice(0, last), bad].join('/'));
    variants.add(`${pathname}/${bad}`);
    // Every numeric or id-like segment after the context and the REST prefix, replaced.
    segments.forEach((s, i) => {
      if (i > 2 && /^(?:\d+|alice|none|[A-Z]+-\d+)$/.test(s)) {
        variants.add([...segments.slice(0, i), bad, ...segments.slice(i + 1)].join('/'));
      }
    });
  }
  variants.add(`${pathname}?boardId=%00&os_destination=/jira/../..//x&startAt=-1&maxResults=99999999999999999999`);
  variants.add(`${pathname}?jql=${encodeURIComponent('project = "')}&startAt=abc`);
  return [...variants];
}

test('no error answer shows exception text: broken ids, huge numbers, NUL, bad methods, bad bodies', async () => {
  const problems = [];
  let probes = 0;
  const check = async (method, p, options) => {
    let r;
    try {
      r = await request(method, p, options);
    } catch (e) {
      problems.push(`${method} ${p.slice(0, 120)}: no answer (${e.message})`);
      return;
    }
    probes += 1;
    const found = exceptionText(r.text);
    if (found) problems.push(`${method} ${p.slice(0, 120)} (${r.status}): ${JSON.stringify(found)}`);
    // 501 is Tomcat's (and so Jira's) answer to a method no servlet implements.
    if (r.status >= 500 && r.status !== 501 && r.status !== 503) problems.push(`${method} ${p.slice(0, 120)}: ${r.status}`);
  };
  for (const p of routes.keys()) {
    if (p.includes('/download/resources/')) continue; // static files: one probe below is enough
    for (const broken of brokenVariants(p)) await check('GET', broken);
    // (Node's fetch refuses to send TRACE; Tomcat turns it off by default.)
    for (const method of ['PATCH', 'OPTIONS', 'PUT', 'DELETE', 'POST']) {
      await check(method, p, { body: '{"revision":', headers: { 'Content-Type': 'application/json', 'X-Atlassian-Token': 'no-check' } });
    }
  }
  for (const p of ['/x%00y', '/%00', '/jira/download/resources/%00', '/jira/download/resources/../../etc/passwd',
    '/jira/secure/useravatar?ownerId=%00&avatarId=99999999999999999999', '/jira/login.jsp?os_destination=%00',
    '/jira/browse/%00', '/jira/browse/DEMO-99999999999999999999']) {
    await check('GET', p);
    await check('GET', p, { auth: false });
  }
  assert.ok(probes > 500, `${probes} probes`);
  assert.equal(problems.length, 0, `${problems.length} problems in ${probes} probes:\n${problems.join('\n')}`);
});

test('login throttling in the browser: after five wrong passwords even the right one is turned away', async () => {
  const other = await launchBrowser();
  try {
    const page = await other.context.newPage();
    const reasons = [];
    page.on('response', (res) => {
      if (res.url().includes('/login.jsp') && res.request().method() === 'POST') reasons.push(res.headers()['x-seraph-loginreason']);
    });
    const attempt = async (user, password) => {
      await page.goto(host.url('/login.jsp'));
      await page.fill('#login-form-username', user);
      await page.fill('#login-form-password', password);
      await Promise.all([page.waitForLoadState('load'), page.waitForNavigation(), page.click('#login-form-submit')]);
    };
    for (let i = 0; i < 5; i++) await attempt('carol', 'not-her-password');
    assert.match(await page.locator('#login-form-error').textContent(), /incorrect/);
    await attempt('carol', 'carol');
    assert.match(await page.locator('#login-form-error').textContent(), /Too many failed logins\. Try again in \d+ seconds/);
    assert.deepEqual(reasons, [...Array(5).fill('AUTHENTICATED_FAILED'), 'AUTHENTICATION_DENIED']);
    assert.equal((await other.context.cookies(host.url('/'))).some((c) => c.name === 'JSESSIONID'
      && c.value === cookie.split('=')[1]), false);
    // HTTP Basic for carol is paused as well; the right password does not get through.
    const basic = await request('GET', `${CONTEXT}${BASE}/health`, { auth: false, headers: { Authorization: `Basic ${Buffer.from('carol:carol').toString('base64')}` } });
    assert.ok([401, 403].includes(basic.status), `Basic while paused: ${basic.status}`);
    // The pause is carol's: the administrator still logs in from the same address.
    await openLoggedIn(page, host, `${PANEL}?boardId=1`);
    const health = await page.evaluate(async (url) => (await fetch(url)).status, host.url(`${BASE}/health`));
    assert.equal(health, 200);
  } finally {
    await other.close();
  }
});

test('logout is a POST with the page\'s token: GET asks, a same-site page cannot log anyone out', async () => {
  const other = await launchBrowser();
  const origins = await startOtherOrigin();
  try {
    const page = await other.context.newPage();
    await openLoggedIn(page, host, `${PANEL}?boardId=1`, 'alice', 'alice');
    const healthStatus = async () => page.evaluate(async (url) => (await fetch(url, { credentials: 'include' })).status, host.url(`${BASE}/health`));

    await page.goto(host.url('/logout'));
    await page.locator('#logout-submit').waitFor();
    assert.equal(await healthStatus(), 200, 'a GET of /logout only asks');

    const attacker = await other.context.newPage();
    await attacker.goto(origins.sameSite);
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=ct-boundary', 'text/plain', null]) {
      await sendFrom(attacker, host.url('/logout'), 'POST', type, false, 'atl_token=guess');
    }
    // A form a same-site page submits (a top-level navigation, which carries the cookie).
    await attacker.setContent(`<form method="post" action="${host.url('/logout')}"><input name="atl_token" value="guess"></form>`);
    await Promise.all([attacker.waitForNavigation(), attacker.evaluate(() => document.forms[0].submit())]);
    assert.match(await attacker.content(), /did not come from this site/);
    assert.equal(await healthStatus(), 200, 'still logged in after the other page\'s POSTs');

    await page.goto(host.url('/logout'));
    await Promise.all([page.waitForURL(/login\.jsp\?logout=true/), page.click('#logout-submit')]);
    assert.equal(await healthStatus(), 401, 'logged out by the page\'s own form');
  } finally {
    await other.close();
    await origins.close();
  }
});
