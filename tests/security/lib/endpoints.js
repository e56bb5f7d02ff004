'use strict';
/*
 * The plugin's REST endpoints, read from its JAX-RS resources (the class's @Path, each
 * method's verb and @Path) and the <rest> module's path in atlassian-plugin.xml: the one
 * source the plugin itself is built from, so a new endpoint is in the security tests the
 * moment it exists. docs/rest-api.md's list is checked against it (documentedEndpoints).
 */

const fs = require('node:fs');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..', '..', '..');
const PLUGIN = path.join(REPO, 'java-bridge', 'plugin', 'src', 'main');
const RESOURCES = path.join(PLUGIN, 'java', 'org', 'capacitytracker', 'jira', 'rest');
const VERBS = ['GET', 'PUT', 'POST', 'DELETE'];

/** /rest/capacity/1.0: the <rest> module's path and version. */
function restBase() {
  const xml = fs.readFileSync(path.join(PLUGIN, 'resources', 'atlassian-plugin.xml'), 'utf8');
  const m = /<rest\b[^>]*\bpath="([^"]+)"[^>]*\bversion="([^"]+)"/s.exec(xml);
  if (!m) throw new Error('atlassian-plugin.xml has no <rest path=... version=...> module');
  return `/rest${m[1]}/${m[2]}`;
}

/** Every resource method: {method, path} with path templates such as /boards/{boardId}/settings. */
function pluginEndpoints() {
  const endpoints = [];
  for (const file of fs.readdirSync(RESOURCES).filter((f) => f.endsWith('.java')).sort()) {
    const source = fs.readFileSync(path.join(RESOURCES, file), 'utf8');
    const cls = /@Path\("([^"]*)"\)\s*(?:@\w+(?:\([^)]*\))?\s*)*public\s+(?:final\s+)?class/.exec(source);
    if (!cls) continue; // not a root resource
    // The annotations between a verb and the method's signature (other annotations may sit
    // on either side of the verb).
    const method = /@(GET|PUT|POST|DELETE)\b((?:\s*@\w+(?:\([^)]*\))?)*)\s*public\s/g;
    let m;
    while ((m = method.exec(source)) !== null) {
      const sub = /@Path\("([^"]*)"\)/.exec(m[2]);
      const before = source.slice(Math.max(0, m.index - 200), m.index);
      const subBefore = /@Path\("([^"]*)"\)\s*(?:@\w+(?:\([^)]*\))?\s*)*$/.exec(before);
      const tail = sub ? sub[1] : subBefore ? subBefore[1] : '';
      endpoints.push({ method: m[1], path: (cls[1] + tail).replace(/\/+$/, '') || '/', resource: file });
    }
  }
  return endpoints;
}

/** The writes: every method that is not GET. */
function writeEndpoints() {
  return pluginEndpoints().filter((e) => e.method !== 'GET');
}

/**
 * The endpoints docs/rest-api.md lists ("- GET/PUT /boards/{boardId}/settings", one method
 * or several per line), as "METHOD /path" strings.
 */
function documentedEndpoints() {
  const doc = fs.readFileSync(path.join(REPO, 'docs', 'rest-api.md'), 'utf8');
  const found = new Set();
  const line = /(?:^|[-;]\s+)((?:GET|PUT|POST|DELETE)(?:\/(?:GET|PUT|POST|DELETE))*)\s+(\/[^\s?`]+)/gm;
  let m;
  while ((m = line.exec(doc)) !== null) {
    for (const verb of m[1].split('/')) found.add(`${verb} ${m[2]}`);
  }
  return found;
}

module.exports = { restBase, pluginEndpoints, writeEndpoints, documentedEndpoints, VERBS };
