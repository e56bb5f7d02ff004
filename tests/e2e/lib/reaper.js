'use strict';
/*
 * Stops the host when the test process is gone, however it went (a crash, SIGKILL, a closed
 * pipe): started detached by host.js, it polls the test process and, once that has
 * vanished, ends the host's process group. It exits by itself when the host is gone.
 *   node reaper.js <test pid> <host process group id> <host data dir, or an empty argument to keep it>
 */
const fs = require('node:fs');

const watched = Number(process.argv[2]);
const group = Number(process.argv[3]);
const dataDir = process.argv[4];

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

const timer = setInterval(() => {
  if (!alive(group)) {
    clearInterval(timer);
    return;
  }
  if (alive(watched)) return;
  clearInterval(timer);
  try { process.kill(-group, 'SIGTERM'); } catch (e) { /* already gone */ }
  const deadline = Date.now() + 15000;
  const finish = setInterval(() => {
    if (alive(group) && Date.now() < deadline) return;
    clearInterval(finish);
    try { process.kill(-group, 'SIGKILL'); } catch (e) { /* already gone */ }
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }, 250);
}, 500);
