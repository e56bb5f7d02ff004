/*
 * Capacity Tracker administration page: starts the page in <div id="ct-panel"
 * data-view="admin">. Last of the admin files (web resource capacity-admin-resources).
 */
(function (layer, define) {
  var CT = globalThis.CapacityTracker = globalThis.CapacityTracker || {};
  var exported = define(CT);
  CT[layer] = Object.assign(CT[layer] || {}, exported);
  if (typeof module === 'object' && module && module.exports) module.exports = exported;
}('admin', function (CT) {
  'use strict';

  var Admin = CT.admin.Admin;

  function boot() {
    var root = document.getElementById('ct-panel');
    if (!root || root.getAttribute('data-view') !== 'admin' || root.getAttribute('data-ct-admin-started')) return;
    root.setAttribute('data-ct-admin-started', 'true');
    new Admin(root).start();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
  else boot();
  return { boot: boot };
}));
