'use strict';
/*
 * Pages on other origins than the host's, for cross-origin requests from a real browser: one
 * small HTTP server on a free port of 127.0.0.1 serves an empty page. Opened as
 * http://127.0.0.1:<port>/ it is same-site with the host (same scheme and host, another
 * port: the SameSite=Lax session cookie goes along); opened as http://localhost:<port>/
 * it is cross-site (the cookie stays home). Both are what a page an attacker controls
 * could be.
 */

const http = require('node:http');

async function startOtherOrigin() {
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>another origin</title><p>another origin</p>');
  });
  await new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    sameSite: `http://127.0.0.1:${port}/`,
    crossSite: `http://localhost:${port}/`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * Sends one request from inside `page` with fetch, as a page would: a request a page may
 * send without asking (POST with a form type, text/plain or no type, no custom header) goes
 * in no-cors mode, any other in cors mode, where the browser asks the server first (a
 * preflight) and sends nothing when the server does not agree. Resolves to {sent, status}:
 * status 0 for an opaque answer, sent false when the browser refused to send it.
 */
async function sendFrom(page, url, method, contentType, token, body) {
  return page.evaluate(async ({ url, method, contentType, token, body }) => {
    const headers = {};
    if (contentType) headers['Content-Type'] = contentType;
    if (token) headers['X-Atlassian-Token'] = 'no-check';
    const simpleType = !contentType || ['text/plain', 'application/x-www-form-urlencoded'].includes(contentType)
      || contentType.startsWith('multipart/form-data');
    const simple = method === 'POST' && simpleType && !token;
    const sameOrigin = new URL(url, location.href).origin === location.origin;
    try {
      const res = await fetch(url, {
        method,
        mode: sameOrigin ? 'same-origin' : simple ? 'no-cors' : 'cors',
        credentials: 'include',
        headers,
        // A Blob without a type: fetch then sends no Content-Type at all.
        body: contentType ? body : new Blob([body]),
      });
      const text = res.type === 'opaque' ? '' : await res.text();
      return { sent: true, status: res.status, text };
    } catch (e) {
      return { sent: false, status: 0, text: String(e) };
    }
  }, { url, method, contentType, token, body });
}

module.exports = { startOtherOrigin, sendFrom };
