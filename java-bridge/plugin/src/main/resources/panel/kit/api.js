/*
 * Capacity Tracker kit: the REST client every page uses (Jira's and the plugin's REST),
 * with one error type, ApiError, carrying the status and the engine's field path.
 */
(function (layer, define) {
  var CT = globalThis.CapacityTracker = globalThis.CapacityTracker || {};
  var exported = define(CT);
  CT[layer] = Object.assign(CT[layer] || {}, exported);
  if (typeof module === 'object' && module && module.exports) module.exports = exported;
}('kit', function (CT) {
  'use strict';

  /** A failed request: the HTTP status (0 when the server was not reached) and the engine's error body. */
  function ApiError(status, body, text) {
    this.status = status;
    this.body = body || null;
    this.field = body && typeof body.field === 'string' && body.field ? body.field : null;
    this.code = body && body.error ? body.error : null;
    this.currentRevision = body && body.currentRevision !== undefined ? body.currentRevision : null;
    var msg = body && (body.message || (Array.isArray(body.errorMessages) && body.errorMessages.join(' ')));
    this.message = msg || text || AJS.I18n.getText('capacity-tracker.js.panel.error.http', status);
  }
  ApiError.prototype = Object.create(Error.prototype);
  ApiError.prototype.constructor = ApiError;

  /** JSON over fetch, same-origin, relative to Jira's context path; rejects with an ApiError. */
  function Api(contextPath) {
    this.base = contextPath || '';
  }

  Api.prototype.request = function (method, path, body) {
    var headers = { Accept: 'application/json' };
    var init = { method: method, headers: headers, credentials: 'same-origin' };
    if (method === 'DELETE') {
      headers['X-Atlassian-Token'] = 'no-check';
    } else if (method !== 'GET') {
      // Jira's XSRF rule: writes need this header (or a JSON content type); we send both.
      headers['X-Atlassian-Token'] = 'no-check';
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body === undefined ? {} : body);
    }
    return fetch(this.base + path, init).then(function (res) {
      return res.text().then(function (text) {
        var json = null;
        if (text) {
          try { json = JSON.parse(text); } catch (e) { json = null; }
        }
        if (!res.ok) throw new ApiError(res.status, json, res.status >= 500 ? null : text.slice(0, 300));
        return json;
      });
    }, function (err) {
      throw new ApiError(0, null, AJS.I18n.getText('capacity-tracker.js.panel.error.unreachable', err && err.message ? err.message : AJS.I18n.getText('capacity-tracker.js.panel.network-error')));
    });
  };

  Api.prototype.get = function (path) { return this.request('GET', path); };
  Api.prototype.put = function (path, body) { return this.request('PUT', path, body); };
  Api.prototype.post = function (path, body) { return this.request('POST', path, body); };
  Api.prototype.del = function (path) { return this.request('DELETE', path); };

  function enc(v) { return encodeURIComponent(String(v)); }

  /** Runs `fn` over `list` with at most `limit` calls in flight; results keep the list's order. */
  function mapLimit(list, limit, fn) {
    var results = new Array(list.length);
    var next = 0;
    function worker() {
      if (next >= list.length) return Promise.resolve();
      var i = next++;
      return Promise.resolve(fn(list[i], i)).then(function (value) {
        results[i] = value;
        return worker();
      });
    }
    var workers = [];
    for (var w = 0; w < Math.min(limit, list.length); w++) workers.push(worker());
    return Promise.all(workers).then(function () { return results; });
  }

  return { Api: Api, ApiError: ApiError, enc: enc, mapLimit: mapLimit };
}));
