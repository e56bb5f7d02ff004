'use strict';
/*
 * Starts the Jira-compatible host with the plugin and the demo data on a free port, in the
 * Jira mode CT_JIRA names (10, the default: Jira 10.3 host and jar on the default java; 11:
 * the Jira 11 host and jar on a JDK 21+ found by scripts/find-jdk.sh), in a fresh data directory, and stops it again. The host runs in its own
 * process group so that stop() (or the exit handler, if the test runner dies first) ends
 * the JVM and anything it started.
 */

const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const http = require('node:http');

const REPO = path.resolve(__dirname, '..', '..', '..');
const JIRA = process.env.CT_JIRA || '10';
if (JIRA !== '10' && JIRA !== '11') {
  throw new Error(`CT_JIRA must be 10 or 11, not ${JIRA}`);
}
const RESULTS = path.join(REPO, 'tests', 'e2e', 'test-results', `jira${JIRA}`);
const CONTEXT = '/jira';

// The Jira 10 (javax) jar, capacity-tracker-jira10-<version>.jar: the one this host loads.
// (The Jira 11 jar is built in java-bridge/plugin-jira11/target.)
function findPluginJar() {
  if (process.env.CT_PLUGIN_JAR) return path.resolve(process.env.CT_PLUGIN_JAR);
  const dir = path.join(REPO, 'java-bridge', JIRA === '11' ? 'plugin-jira11' : 'plugin', 'target');
  const jars = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.jar')
    && !/(sources|javadoc|tests)\.jar$/.test(f) && !f.startsWith('original-')) : [];
  if (jars.length !== 1) {
    throw new Error(`expected one plugin jar in ${dir}, found ${JSON.stringify(jars)}; `
      + 'build with: cargo build --release && mvn -B -q -f java-bridge/pom.xml install -DskipTests');
  }
  return path.join(dir, jars[0]);
}

function findHostJar() {
  const jar = process.env.CT_HOST_JAR
    ? path.resolve(process.env.CT_HOST_JAR)
    : JIRA === '11' ? path.join(REPO, 'java-bridge', 'host-jira11', 'target', 'capacity-host-jira11.jar')
      : path.join(REPO, 'java-bridge', 'host', 'target', 'capacity-host-jira10.jar');
  if (!fs.existsSync(jar)) {
    throw new Error(`host jar ${jar} is missing; build with: cargo build --release && mvn -B -q -f java-bridge/pom.xml install -DskipTests`);
  }
  return jar;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function get(url) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.setTimeout(5000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

const running = new Set();
process.on('exit', () => {
  // Last resort when the runner exits without the test's after() hook (a crash, a signal).
  for (const child of running) {
    try { process.kill(-child.pid, 'SIGKILL'); } catch (e) { /* already gone */ }
  }
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => process.exit(130));
}

/**
 * Starts the host; resolves once its login page answers.
 * @param {{anchor?: string, name?: string, timeoutMs?: number, demo?: 'basic'|'full', scale?: 'small'|'medium'|'dcapt',
 *   plugins?: string[], dataDir?: string, heap?: string}} options
 *   demo: 'basic' (default) is DEMO.md's one board, which the specs' numbers come from;
 *   'full' is what `make run` serves (4 projects, 5 boards incl. Kanban, 25 people, every feature).
 *   plugins: more plugin jars, installed after Capacity Tracker (--plugin repeated).
 *   dataDir: an existing data directory (e.g. a generated dataset), kept when the host stops;
 *   by default each host gets a fresh temporary one, removed when it stops.
 *   heap: the host's heap ceiling (e.g. '1g', passed as -Xmx), as Jira always runs with one.
 */
/** The java to run the host on: $JAVA, else the default java (Jira 10) or a JDK 21+ (Jira 11). */
function javaCommand() {
  if (process.env.JAVA) return process.env.JAVA;
  if (JIRA === '10') return 'java';
  const home = execFileSync(path.join(REPO, 'scripts', 'find-jdk.sh'), ['21'], { encoding: 'utf8' }).trim();
  return path.join(home, 'bin', 'java');
}

async function startHost(options = {}) {
  const hostJar = findHostJar();
  const pluginJar = findPluginJar();
  const port = await freePort();
  const ownData = !options.dataDir;
  const dataDir = ownData ? fs.mkdtempSync(path.join(os.tmpdir(), 'ct-e2e-data-')) : path.resolve(options.dataDir);
  fs.mkdirSync(RESULTS, { recursive: true });
  const logPath = path.join(RESULTS, `${options.name || 'host'}.log`);
  const log = fs.openSync(logPath, 'w');
  const args = [...(options.heap ? [`-Xmx${options.heap}`] : []), '-jar', hostJar, '--jira', JIRA, '--plugin', pluginJar, '--port', String(port), '--data-dir', dataDir,
    '--demo-anchor', options.anchor || '2026-11-30', '--demo', options.demo || 'basic',
    ...(options.plugins || []).flatMap((jar) => ['--plugin', jar])];
  // scale: 'small' | 'medium' serves a generated dataset (docs: README "--scale") instead of the demo.
  if (options.scale) args.push('--scale', options.scale);
  const child = spawn(javaCommand(), args, { cwd: REPO, detached: true, stdio: ['ignore', log, log] });
  running.add(child);
  let exited = null;
  child.on('exit', (code, signal) => { exited = { code, signal }; running.delete(child); });
  // A separate watcher, for the deaths no exit handler sees (SIGKILL, a runner that dies).
  const reaper = spawn(process.execPath, [path.join(__dirname, 'reaper.js'), String(process.pid), String(child.pid), ownData ? dataDir : ''],
    { detached: true, stdio: 'ignore' });
  reaper.unref();

  const base = `http://127.0.0.1:${port}`;
  const host = {
    base,
    url: (p) => base + CONTEXT + p,
    port,
    pid: child.pid,
    dataDir,
    logPath,
    async stop() {
      if (exited === null) {
        try { process.kill(-child.pid, 'SIGTERM'); } catch (e) { /* already gone */ }
        const deadline = Date.now() + 15000;
        while (exited === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
        if (exited === null) {
          try { process.kill(-child.pid, 'SIGKILL'); } catch (e) { /* already gone */ }
          while (exited === null) await new Promise((r) => setTimeout(r, 50));
        }
      }
      try { reaper.kill(); } catch (e) { /* it ends by itself once the host is gone */ }
      fs.closeSync(log);
      if (ownData) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };

  const deadline = Date.now() + (options.timeoutMs || 180000);
  for (;;) {
    if (exited !== null) {
      await host.stop();
      const tail = fs.readFileSync(logPath, 'utf8').split('\n').slice(-40).join('\n');
      throw new Error(`host exited (${JSON.stringify(exited)}) before answering; log ${logPath}:\n${tail}`);
    }
    try {
      const status = await get(host.url('/login.jsp'));
      if (status < 500) return host;
    } catch (e) { /* not listening yet */ }
    if (Date.now() > deadline) {
      await host.stop();
      throw new Error(`host did not answer on port ${port} in time; log ${logPath}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

module.exports = { startHost, findHostJar, javaCommand, REPO, RESULTS, JIRA };
