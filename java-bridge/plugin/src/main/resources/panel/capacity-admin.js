/*
 * Capacity Tracker: the administration page (Jira administrators only).
 *
 * Renders inside <div id="ct-panel" data-view="admin" data-context-path>, and only there:
 * the same web resource carries the board panel and the reports page, which render the
 * other views. Sections, as tabs: permissions, templates, holiday calendars, backup, and
 * personal data, under a health line of the native engine.
 *
 * Every document is read from and written to the plugin's REST API as the engine defines
 * it (docs/json-api.md); the engine validates and names the offending field, and the error
 * is shown next to that field. Nothing is computed here: no capacity, no holiday date, no
 * count beyond the length of a list the engine returned.
 *
 * Plain ES2020, no build step, no framework, AUI's CSS classes; of AUI's JavaScript only
 * AJS.format, which Jira's jsI18n transformation puts in place of each
 * AJS.I18n.getText('capacity-tracker.js.…') call (texts in i18n/capacity-tracker-js.properties).
 * All text reaches the DOM through textContent or attributes.
 */
(function () {
  'use strict';

  var REST = '/rest/capacity/1.0';
  var WEEKDAYS = [
    { id: 'MON', label: AJS.I18n.getText('capacity-tracker.js.admin.mon'), long: AJS.I18n.getText('capacity-tracker.js.admin.monday') }, { id: 'TUE', label: AJS.I18n.getText('capacity-tracker.js.admin.tue'), long: AJS.I18n.getText('capacity-tracker.js.admin.tuesday') },
    { id: 'WED', label: AJS.I18n.getText('capacity-tracker.js.admin.wed'), long: AJS.I18n.getText('capacity-tracker.js.admin.wednesday') }, { id: 'THU', label: AJS.I18n.getText('capacity-tracker.js.admin.thu'), long: AJS.I18n.getText('capacity-tracker.js.admin.thursday') },
    { id: 'FRI', label: AJS.I18n.getText('capacity-tracker.js.admin.fri'), long: AJS.I18n.getText('capacity-tracker.js.admin.friday') }, { id: 'SAT', label: AJS.I18n.getText('capacity-tracker.js.admin.sat'), long: AJS.I18n.getText('capacity-tracker.js.admin.saturday') },
    { id: 'SUN', label: AJS.I18n.getText('capacity-tracker.js.admin.sun'), long: AJS.I18n.getText('capacity-tracker.js.admin.sunday') }
  ];
  var MONTHS = [AJS.I18n.getText('capacity-tracker.js.admin.january'), AJS.I18n.getText('capacity-tracker.js.admin.february'), AJS.I18n.getText('capacity-tracker.js.admin.march'), AJS.I18n.getText('capacity-tracker.js.admin.april'), AJS.I18n.getText('capacity-tracker.js.admin.may'), AJS.I18n.getText('capacity-tracker.js.admin.june'), AJS.I18n.getText('capacity-tracker.js.admin.july'), AJS.I18n.getText('capacity-tracker.js.admin.august'), AJS.I18n.getText('capacity-tracker.js.admin.september'),
    AJS.I18n.getText('capacity-tracker.js.admin.october'), AJS.I18n.getText('capacity-tracker.js.admin.november'), AJS.I18n.getText('capacity-tracker.js.admin.december')];
  var ORDINALS = [{ n: 1, label: AJS.I18n.getText('capacity-tracker.js.admin.first') }, { n: 2, label: AJS.I18n.getText('capacity-tracker.js.admin.second') }, { n: 3, label: AJS.I18n.getText('capacity-tracker.js.admin.third') },
    { n: 4, label: AJS.I18n.getText('capacity-tracker.js.admin.fourth') }, { n: 5, label: AJS.I18n.getText('capacity-tracker.js.admin.fifth') }];
  var FRACTIONS = [
    { value: '1', label: AJS.I18n.getText('capacity-tracker.js.admin.full-day') }, { value: '0.75', label: AJS.I18n.getText('capacity-tracker.js.admin.three-quarters') },
    { value: '0.5', label: AJS.I18n.getText('capacity-tracker.js.admin.half-day') }, { value: '0.25', label: AJS.I18n.getText('capacity-tracker.js.admin.quarter-day') }
  ];
  var RULE_TYPES = [
    { id: 'fixed', label: AJS.I18n.getText('capacity-tracker.js.admin.same-date-every-year') },
    { id: 'nthWeekday', label: AJS.I18n.getText('capacity-tracker.js.admin.n-th-weekday-of-a-month') },
    { id: 'lastWeekday', label: AJS.I18n.getText('capacity-tracker.js.admin.last-weekday-of-a-month') },
    { id: 'easter', label: AJS.I18n.getText('capacity-tracker.js.admin.days-from-easter-sunday') }
  ];
  var TABS = [
    { id: 'permissions', label: AJS.I18n.getText('capacity-tracker.js.admin.permissions') },
    { id: 'templates', label: AJS.I18n.getText('capacity-tracker.js.admin.templates') },
    { id: 'calendars', label: AJS.I18n.getText('capacity-tracker.js.admin.holiday-calendars') },
    { id: 'backup', label: AJS.I18n.getText('capacity-tracker.js.admin.backup') },
    { id: 'privacy', label: AJS.I18n.getText('capacity-tracker.js.admin.personal-data') }
  ];
  var GRANTS = [
    { id: 'templates', label: AJS.I18n.getText('capacity-tracker.js.admin.manage-templates'), help: AJS.I18n.getText('capacity-tracker.js.admin.may-create-change-and-delete-team') },
    { id: 'reports', label: AJS.I18n.getText('capacity-tracker.js.admin.manage-multi-project-reports'), help: AJS.I18n.getText('capacity-tracker.js.admin.may-create-change-and-delete-report') },
    { id: 'rest', label: AJS.I18n.getText('capacity-tracker.js.admin.use-the-rest-api'), help: AJS.I18n.getText('capacity-tracker.js.admin.named-for-scripts-and-integrations-that') }
  ];
  var CATEGORY_LABELS = {
    boardMembership: AJS.I18n.getText('capacity-tracker.js.admin.board-membership'),
    daysOff: AJS.I18n.getText('capacity-tracker.js.admin.days-off'),
    iterationTeamChanges: AJS.I18n.getText('capacity-tracker.js.admin.sprint-team-changes'),
    templates: AJS.I18n.getText('capacity-tracker.js.admin.templates'),
    permissions: AJS.I18n.getText('capacity-tracker.js.admin.permissions')
  };

  // ---------------------------------------------------------------- DOM helpers

  // The panel's own helpers (capacity-panel.js comes first in the web resource), so every
  // page of the app builds and escapes its DOM the same way.
  var kit = window.CapacityTrackerPanel.kit;
  var h = kit.h, append = kit.append, clear = kit.clear, message = kit.message, enc = kit.enc;

  function lozenge(text, cls) {
    return h('span', { class: 'aui-lozenge aui-lozenge-subtle ' + (cls || ''), text: text });
  }

  function button(label, props) {
    return h('button', Object.assign({ type: 'button', class: 'aui-button' }, props || {}), label);
  }

  /** Comma- or line-separated names as a list, blanks dropped. */
  function splitList(text) {
    return String(text || '').split(/[,\n]/).map(function (s) { return s.trim(); }).filter(Boolean);
  }

  function loading(text) {
    return h('div', { class: 'ct-loading', 'data-testid': 'loading' },
      h('span', { class: 'aui-icon aui-icon-wait', text: AJS.I18n.getText('capacity-tracker.js.admin.loading-label') }), h('p', { text: text }));
  }

  function selectInput(name, options, value, extra) {
    var select = h('select', Object.assign({ class: 'select', name: name }, extra || {}),
      options.map(function (o) { return h('option', { value: String(o.value), text: o.label }); }));
    if (value !== undefined && value !== null) select.value = String(value);
    return select;
  }

  function textInput(name, value, extra) {
    return h('input', Object.assign({ class: 'text', type: 'text', name: name, value: value === undefined || value === null ? '' : value }, extra || {}));
  }

  /** What a number field holds, for the engine to judge: null when empty or unreadable (the engine then names the field). */
  function numberOrNull(input) {
    var text = String(input.value).trim();
    if (text === '') return null;
    var n = Number(text);
    return isFinite(n) ? n : null;
  }

  // ---------------------------------------------------------------- forms and errors

  var uid = 0;

  /**
   * A labelled field; `name` is the engine's field path (`members[2].dailyCapacity`), so an
   * error the engine names lands here.
   */
  function field(label, name, input, help, extra) {
    // The label names the control itself, also when it comes wrapped with a button.
    var control = input.matches('input, select, textarea') ? input : input.querySelector('input, select, textarea');
    var id = control.id || (control.id = 'ct-admin-' + (++uid));
    return h('div', Object.assign({ class: 'field-group ct-field', 'data-field': name }, extra || {}),
      h('label', { for: id, text: label }),
      input,
      help ? h('div', { class: 'description', text: help }) : null,
      h('div', { class: 'error ct-field-error', 'data-testid': 'field-error', hidden: true }));
  }

  function formMessage() {
    return h('div', { class: 'ct-form-message', 'aria-live': 'polite' });
  }

  function resetErrors(form) {
    form.querySelectorAll('.ct-field-error').forEach(function (el) { el.hidden = true; el.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach(function (el) { el.removeAttribute('aria-invalid'); });
    var summary = form.querySelector('.ct-form-message');
    if (summary) clear(summary);
  }

  /** The field's container for an engine path: the exact one, else the nearest enclosing one. */
  function fieldFor(form, path) {
    var p = String(path || '');
    while (p) {
      var found = Array.prototype.filter.call(form.querySelectorAll('[data-field]'), function (el) {
        return el.getAttribute('data-field') === p;
      })[0];
      if (found) return found;
      var cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut > 0 ? p.slice(0, cut) : '';
    }
    return null;
  }

  /** The engine's messages start with the field path; next to the field it goes without. */
  function withoutPath(text, path) {
    var msg = String(text || '');
    if (path && msg.indexOf(path + ':') === 0) msg = msg.slice(path.length + 1).trim();
    return msg.charAt(0).toUpperCase() + msg.slice(1);
  }

  /** Shows a REST error in a form: next to the field named, and as a summary at the top. */
  function showError(form, err, title) {
    resetErrors(form);
    var box = err.field ? fieldFor(form, err.field) : null;
    if (box) {
      var slot = box.querySelector(':scope > .ct-field-error') || box.querySelector('.ct-field-error');
      slot.textContent = withoutPath(err.message, err.field);
      slot.setAttribute('data-field', err.field);
      slot.hidden = false;
      var input = box.querySelector('input, select, textarea');
      if (input) {
        input.setAttribute('aria-invalid', 'true');
        input.focus();
      }
    }
    var summary = form.querySelector('.ct-form-message');
    if (summary) {
      append(summary, message('error', err.status === 409 ? AJS.I18n.getText('capacity-tracker.js.admin.someone-else-saved-a-change-first') : (title || AJS.I18n.getText('capacity-tracker.js.admin.not-saved')),
        h('p', { 'data-testid': 'form-error', 'data-field': err.field || null },
          err.field ? h('strong', { text: err.field + ': ' }) : null, withoutPath(err.message, err.field)),
        { 'data-testid': 'form-error-message' }));
    }
  }

  function setBusy(form, busy) {
    form.querySelectorAll('button, input, select, textarea').forEach(function (el) {
      if (busy) {
        if (!el.disabled) { el.disabled = true; el.setAttribute('data-ct-busy', ''); }
      } else if (el.hasAttribute('data-ct-busy')) {
        el.disabled = false;
        el.removeAttribute('data-ct-busy');
      }
    });
    form.setAttribute('aria-busy', busy ? 'true' : 'false');
  }

  // ---------------------------------------------------------------- REST

  function ApiError(status, body, text) {
    this.status = status;
    this.body = body || null;
    this.field = body && typeof body.field === 'string' && body.field ? body.field : null;
    this.currentRevision = body && body.currentRevision !== undefined ? body.currentRevision : null;
    this.message = (body && body.message) || text || AJS.I18n.getText('capacity-tracker.js.admin.error.http', status);
  }
  ApiError.prototype = Object.create(Error.prototype);
  ApiError.prototype.constructor = ApiError;

  function Api(contextPath) {
    this.base = contextPath || '';
  }

  /** `rawBody` (a string) is sent as it is; otherwise `body` is sent as JSON. */
  Api.prototype.request = function (method, path, body, rawBody) {
    var headers = { Accept: 'application/json' };
    var init = { method: method, headers: headers, credentials: 'same-origin' };
    if (method !== 'GET' && method !== 'DELETE') {
      // Jira's XSRF rule: writes need this header (or a JSON content type); we send both.
      headers['X-Atlassian-Token'] = 'no-check';
      headers['Content-Type'] = 'application/json';
      init.body = rawBody !== undefined ? rawBody : JSON.stringify(body === undefined ? {} : body);
    } else if (method === 'DELETE') {
      headers['X-Atlassian-Token'] = 'no-check';
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
      throw new ApiError(0, null, AJS.I18n.getText('capacity-tracker.js.admin.error.unreachable', err && err.message ? err.message : AJS.I18n.getText('capacity-tracker.js.admin.network-error')));
    });
  };
  Api.prototype.get = function (path) { return this.request('GET', path); };
  Api.prototype.put = function (path, body) { return this.request('PUT', path, body); };
  Api.prototype.post = function (path, body) { return this.request('POST', path, body); };
  Api.prototype.del = function (path) { return this.request('DELETE', path); };

  // ---------------------------------------------------------------- dialog

  /**
   * An AUI dialog asking to confirm; resolves true when confirmed. Drawn with AUI's dialog2
   * classes and shown without AUI's JavaScript.
   */
  function confirmDialog(opts) {
    return new Promise(function (resolve) {
      var blanket = h('div', { class: 'aui-blanket', tabindex: '0', 'aria-hidden': 'false' });
      var titleId = 'ct-dialog-title-' + (++uid);
      var confirm = button(opts.confirmLabel, { class: 'aui-button aui-button-primary ct-danger', 'data-testid': 'dialog-confirm' });
      var cancel = button(AJS.I18n.getText('capacity-tracker.js.admin.cancel'), { class: 'aui-button aui-button-link', 'data-testid': 'dialog-cancel' });
      var dialog = h('section', {
        class: 'aui-dialog2 aui-dialog2-small aui-dialog2-warning aui-layer ct-dialog', role: 'dialog',
        'aria-modal': 'true', 'aria-labelledby': titleId, open: true, 'data-testid': 'confirm-dialog'
      },
      h('header', { class: 'aui-dialog2-header' }, h('h2', { class: 'aui-dialog2-header-main', id: titleId, text: opts.title })),
      h('div', { class: 'aui-dialog2-content' }, opts.body),
      h('footer', { class: 'aui-dialog2-footer' }, h('div', { class: 'aui-dialog2-footer-actions' }, confirm, cancel)));
      function close(answer) {
        document.removeEventListener('keydown', onKey, true);
        dialog.remove();
        blanket.remove();
        resolve(answer);
      }
      function onKey(e) { if (e.key === 'Escape') { e.preventDefault(); close(false); } }
      confirm.addEventListener('click', function () { close(true); });
      cancel.addEventListener('click', function () { close(false); });
      document.addEventListener('keydown', onKey, true);
      document.body.appendChild(blanket);
      document.body.appendChild(dialog);
      cancel.focus();
    });
  }

  // ---------------------------------------------------------------- the page

  function Admin(root) {
    this.root = root;
    this.contextPath = root.getAttribute('data-context-path') || '';
    this.api = new Api(this.contextPath);
    this.panes = {};
    this.loaded = {};
    this.boards = null;
  }

  Admin.prototype.start = function () {
    var self = this;
    this.root.classList.add('ct-panel', 'ct-admin');
    clear(this.root);
    this.health = h('div', { class: 'ct-admin-health', 'data-testid': 'health-line' }, loading(AJS.I18n.getText('capacity-tracker.js.admin.checking-the-engine')));
    var header = h('header', { class: 'aui-page-header ct-header' },
      h('div', { class: 'aui-page-header-inner' },
        h('div', { class: 'aui-page-header-main' },
          h('h1', { text: AJS.I18n.getText('capacity-tracker.js.admin.capacity-tracker') }),
          h('p', { class: 'ct-admin-lede', text: AJS.I18n.getText('capacity-tracker.js.admin.who-may-change-what-shared-templates') }))));
    var menu = h('ul', { class: 'tabs-menu', role: 'tablist' });
    var tabs = h('div', { class: 'aui-tabs horizontal-tabs ct-admin-tabs' }, menu);
    TABS.forEach(function (t) {
      var link = h('a', { href: '#' + t.id, role: 'tab', id: 'ct-tab-' + t.id, 'aria-controls': 'ct-pane-' + t.id, 'data-testid': 'tab-' + t.id, text: t.label });
      link.addEventListener('click', function (e) {
        e.preventDefault();
        if (window.history && window.history.replaceState) window.history.replaceState(null, '', '#' + t.id);
        self.show(t.id);
      });
      append(menu, h('li', { class: 'menu-item', 'data-tab': t.id }, link));
      var pane = h('div', { class: 'tabs-pane', id: 'ct-pane-' + t.id, role: 'tabpanel', 'aria-labelledby': 'ct-tab-' + t.id, 'data-testid': 'pane-' + t.id });
      self.panes[t.id] = pane;
      append(tabs, pane);
    });
    var content = [header, this.health, tabs];
    var inPagePanel = this.root.closest && this.root.closest('.aui-page-panel');
    if (inPagePanel) append(this.root, content);
    else {
      append(this.root, h('div', { class: 'aui-page-panel ct-page' },
        h('div', { class: 'aui-page-panel-inner' }, h('section', { class: 'aui-page-panel-content' }, content))));
    }
    this.loadHealth();
    var wanted = (window.location.hash || '').replace('#', '');
    this.show(TABS.some(function (t) { return t.id === wanted; }) ? wanted : TABS[0].id);
  };

  Admin.prototype.show = function (id) {
    var self = this;
    TABS.forEach(function (t) {
      var active = t.id === id;
      var item = self.root.querySelector('.tabs-menu [data-tab="' + t.id + '"]');
      item.classList.toggle('active-tab', active);
      item.querySelector('a').setAttribute('aria-selected', active ? 'true' : 'false');
      self.panes[t.id].classList.toggle('active-pane', active);
    });
    if (!this.loaded[id]) {
      this.loaded[id] = true;
      this.reload(id);
    }
  };

  Admin.prototype.reload = function (id) {
    var self = this;
    var pane = this.panes[id];
    clear(pane);
    append(pane, loading(AJS.I18n.getText('capacity-tracker.js.admin.loading')));
    var load = {
      permissions: this.loadPermissions, templates: this.loadTemplates, calendars: this.loadCalendars,
      backup: this.renderBackup, privacy: this.loadPrivacy
    }[id];
    return Promise.resolve().then(function () { return load.call(self, pane); }).catch(function (err) {
      clear(pane);
      append(pane, message('error', AJS.I18n.getText('capacity-tracker.js.admin.this-section-could-not-be-loaded'), h('p', { text: err && err.message ? err.message : String(err) }),
        { 'data-testid': 'load-error' }));
    });
  };

  Admin.prototype.loadHealth = function () {
    var box = this.health;
    this.api.get(REST + '/health').then(function (v) {
      clear(box);
      box.setAttribute('data-ok', 'true');
      append(box, h('div', { class: 'ct-health', 'data-testid': 'health', 'data-ok': 'true' },
        lozenge(AJS.I18n.getText('capacity-tracker.js.admin.engine-running'), 'aui-lozenge-success'),
        h('span', { 'data-testid': 'health-native', text: AJS.I18n.getText('capacity-tracker.js.admin.health.native', v.nativeVersion) }),
        h('span', { 'data-testid': 'health-platform', text: AJS.I18n.getText('capacity-tracker.js.admin.health.platform', v.platform) }),
        h('span', { 'data-testid': 'health-plugin', text: AJS.I18n.getText('capacity-tracker.js.admin.health.plugin', v.pluginVersion) })));
    }, function (err) {
      clear(box);
      box.setAttribute('data-ok', 'false');
      append(box, message('error', AJS.I18n.getText('capacity-tracker.js.admin.the-capacity-engine-is-not-available'), h('p', { text: err.message }),
        { 'data-testid': 'health', 'data-ok': 'false' }));
    });
  };

  function sectionHead(title, hint, actions) {
    return h('div', { class: 'ct-section-head' }, h('h2', { class: 'ct-admin-h2', text: title }),
      hint ? h('span', { class: 'ct-hint', text: hint }) : null,
      actions ? h('div', { class: 'ct-section-actions' }, actions) : null);
  }

  function flash(pane, kind, title, text, testid) {
    var slot = pane.querySelector('.ct-pane-flash');
    if (!slot) return;
    clear(slot);
    append(slot, message(kind, title, text ? h('p', { text: text }) : null, { 'data-testid': testid || 'pane-flash' }));
  }

  /** Jira's boards (name by id), for the permission rows; read through Jira's REST so only boards the admin sees are offered. */
  Admin.prototype.loadBoards = function () {
    var self = this;
    if (this.boards) return Promise.resolve(this.boards);
    var all = [];
    function page(startAt, n) {
      return self.api.get('/rest/agile/1.0/board?startAt=' + startAt + '&maxResults=50').then(function (res) {
        var values = (res && res.values) || [];
        Array.prototype.push.apply(all, values);
        if (res && res.isLast === false && values.length && n < 100) return page(startAt + values.length, n + 1);
        return all;
      });
    }
    return page(0, 0).then(function (boards) {
      self.boards = boards;
      return boards;
    }, function () {
      // Without Jira Software's board list the rows still show board ids.
      self.boards = [];
      return self.boards;
    });
  };

  // ---------------------------------------------------------------- permissions

  Admin.prototype.loadPermissions = function (pane) {
    var self = this;
    return Promise.all([this.api.get(REST + '/admin/permissions'), this.loadBoards()]).then(function (res) {
      self.renderPermissions(pane, res[0], res[1]);
    });
  };

  /** A grant's two lists; `labelled` false where the table's column heads already say which is which. */
  function grantInputs(path, grant, labelled) {
    grant = grant || {};
    var extra = labelled ? null : { class: 'field-group ct-field ct-label-hidden' };
    return [
      field(AJS.I18n.getText('capacity-tracker.js.admin.users'), path + '.users', textInput(path + '.users', (grant.users || []).join(', '), { 'data-testid': path + '.users', placeholder: AJS.I18n.getText('capacity-tracker.js.admin.account-keys-comma-separated') }), null, extra),
      field(AJS.I18n.getText('capacity-tracker.js.admin.groups'), path + '.groups', textInput(path + '.groups', (grant.groups || []).join(', '), { 'data-testid': path + '.groups', placeholder: AJS.I18n.getText('capacity-tracker.js.admin.group-names-comma-separated') }), null, extra)
    ];
  }

  Admin.prototype.renderPermissions = function (pane, doc, boards) {
    var self = this;
    clear(pane);
    var names = {};
    boards.forEach(function (b) { names[String(b.id)] = b.name; });
    var form = h('form', { class: 'aui ct-form ct-permissions', 'data-testid': 'permissions-form', novalidate: true });
    var enabled = h('input', { type: 'checkbox', class: 'checkbox', id: 'ct-perm-enabled', name: 'enabled', checked: doc.enabled, 'data-testid': 'permissions-enabled' });
    var rows = h('tbody', { 'data-testid': 'board-grants' });
    var boardIds = Object.keys(doc.boards || {});

    function boardRow(boardId, grants) {
      var path = 'boards.' + boardId;
      var remove = button(AJS.I18n.getText('capacity-tracker.js.admin.remove'), { class: 'aui-button aui-button-link', 'data-testid': 'remove-board-grant' });
      var row = h('tr', { 'data-board-id': boardId, 'data-testid': 'board-grant' },
        h('th', { scope: 'row' }, h('div', { class: 'ct-name', text: names[boardId] || AJS.I18n.getText('capacity-tracker.js.admin.board.fallback-name', boardId) }),
          h('div', { class: 'ct-sub', text: AJS.I18n.getText('capacity-tracker.js.admin.permissions.board-id', boardId) })),
        h('td', null, grantInputs(path + '.read', grants.read, true)),
        h('td', null, grantInputs(path + '.write', grants.write, true)),
        h('td', { class: 'ct-actions' }, remove));
      remove.addEventListener('click', function () { row.remove(); refreshPicker(); });
      return row;
    }
    boardIds.forEach(function (id) { append(rows, boardRow(id, doc.boards[id])); });

    var picker = h('select', { class: 'select', id: 'ct-perm-board', 'data-testid': 'add-board-picker' });
    var addBoard = button(AJS.I18n.getText('capacity-tracker.js.admin.restrict-board'), { 'data-testid': 'add-board-grant' });
    function refreshPicker() {
      var taken = {};
      rows.querySelectorAll('tr[data-board-id]').forEach(function (r) { taken[r.getAttribute('data-board-id')] = true; });
      clear(picker);
      boards.filter(function (b) { return !taken[String(b.id)]; }).forEach(function (b) {
        append(picker, h('option', { value: String(b.id), text: AJS.I18n.getText('capacity-tracker.js.admin.permissions.board-option', b.name, b.id) }));
      });
      // Every board already has a row: nothing left to restrict.
      picker.hidden = addBoard.hidden = !picker.options.length;
      empty.hidden = rows.children.length > 0;
    }
    addBoard.addEventListener('click', function () {
      if (!picker.value) return;
      append(rows, boardRow(picker.value, {}));
      refreshPicker();
    });
    var empty = h('p', { class: 'ct-empty', text: AJS.I18n.getText('capacity-tracker.js.admin.no-board-is-restricted-every-board') });

    var others = h('tbody', null, GRANTS.map(function (g) {
      return h('tr', { 'data-testid': 'grant-' + g.id },
        h('th', { scope: 'row' }, h('div', { class: 'ct-name', text: g.label }), h('div', { class: 'ct-sub', text: g.help })),
        h('td', null, grantInputs(g.id, doc[g.id], false)[0]),
        h('td', null, grantInputs(g.id, doc[g.id], false)[1]));
    }));

    var save = h('button', { type: 'submit', class: 'aui-button aui-button-primary', 'data-testid': 'save-permissions' }, AJS.I18n.getText('capacity-tracker.js.admin.save-permissions'));
    append(form,
      h('div', { class: 'ct-pane-flash' }),
      formMessage(),
      h('section', { class: 'ct-section' },
        sectionHead(AJS.I18n.getText('capacity-tracker.js.admin.access'), AJS.I18n.getText('capacity-tracker.js.admin.revision', doc.revision)),
        h('div', { class: 'field-group ct-field ct-toggle', 'data-field': 'enabled' },
          h('div', { class: 'checkbox' }, enabled, h('label', { for: 'ct-perm-enabled', text: AJS.I18n.getText('capacity-tracker.js.admin.enable-capacity-tracker-permissions') })),
          h('div', { class: 'description', text: AJS.I18n.getText('capacity-tracker.js.admin.permissions.enable-description') }),
          h('div', { class: 'error ct-field-error', hidden: true }))),
      h('section', { class: 'ct-section' },
        sectionHead(AJS.I18n.getText('capacity-tracker.js.admin.boards'), AJS.I18n.getText('capacity-tracker.js.admin.read-see-the-boards-capacity-write'),
          h('div', { class: 'ct-picker' }, h('label', { for: 'ct-perm-board', class: 'assistive', text: AJS.I18n.getText('capacity-tracker.js.admin.board') }), picker, addBoard)),
        h('table', { class: 'aui ct-table ct-grant-table' },
          h('thead', null, h('tr', null, h('th', { scope: 'col', text: AJS.I18n.getText('capacity-tracker.js.admin.board') }), h('th', { scope: 'col', text: AJS.I18n.getText('capacity-tracker.js.admin.read') }),
            h('th', { scope: 'col', text: AJS.I18n.getText('capacity-tracker.js.admin.write') }), h('th', { scope: 'col' }, h('span', { class: 'assistive', text: AJS.I18n.getText('capacity-tracker.js.admin.actions') })))),
          rows),
        empty),
      h('section', { class: 'ct-section' },
        sectionHead(AJS.I18n.getText('capacity-tracker.js.admin.shared-settings')),
        h('table', { class: 'aui ct-table ct-grant-table' },
          h('thead', null, h('tr', null, h('th', { scope: 'col', text: AJS.I18n.getText('capacity-tracker.js.admin.permission') }), h('th', { scope: 'col', text: AJS.I18n.getText('capacity-tracker.js.admin.users') }), h('th', { scope: 'col', text: AJS.I18n.getText('capacity-tracker.js.admin.groups') }))),
          others)),
      h('div', { class: 'buttons-container' }, h('div', { class: 'buttons' }, save)));
    refreshPicker();

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var next = { revision: doc.revision, enabled: enabled.checked, boards: {} };
      function list(name) { return splitList(form.querySelector('[name="' + name + '"]').value); }
      rows.querySelectorAll('tr[data-board-id]').forEach(function (r) {
        var id = r.getAttribute('data-board-id');
        var p = 'boards.' + id;
        next.boards[id] = { read: { users: list(p + '.read.users'), groups: list(p + '.read.groups') },
          write: { users: list(p + '.write.users'), groups: list(p + '.write.groups') } };
      });
      GRANTS.forEach(function (g) { next[g.id] = { users: list(g.id + '.users'), groups: list(g.id + '.groups') }; });
      resetErrors(form);
      clear(form.querySelector('.ct-pane-flash'));
      setBusy(form, true);
      self.api.put(REST + '/admin/permissions', next).then(function (stored) {
        self.renderPermissions(pane, stored, boards);
        flash(pane, 'success', AJS.I18n.getText('capacity-tracker.js.admin.permissions-saved'), stored.enabled ? AJS.I18n.getText('capacity-tracker.js.admin.permissions-are-enabled') : AJS.I18n.getText('capacity-tracker.js.admin.permissions-are-disabled-everyone-logged-in'), 'permissions-saved');
      }, function (err) {
        setBusy(form, false);
        showError(form, err, AJS.I18n.getText('capacity-tracker.js.admin.the-permissions-were-not-saved'));
        if (err.status === 409) self.offerReload(form, 'permissions');
      });
    });
    append(pane, form);
  };

  /** After a conflict: the form keeps the admin's edits, and offers the stored version. */
  Admin.prototype.offerReload = function (form, tab) {
    var self = this;
    var summary = form.querySelector('.ct-form-message .aui-message');
    if (!summary) return;
    append(summary, h('p', null, button(AJS.I18n.getText('capacity-tracker.js.admin.load-the-saved-version'), {
      class: 'aui-button aui-button-link', 'data-testid': 'reload-after-conflict',
      onclick: function () { self.reload(tab); }
    }), ' ' + AJS.I18n.getText('capacity-tracker.js.admin.conflict.changes-discarded')));
  };

  // ---------------------------------------------------------------- shared documents: lists

  /** A list of {id,name} documents with edit and delete, and a create button. */
  Admin.prototype.renderDocList = function (pane, kind, list, onEdit) {
    var self = this;
    var table = h('table', { class: 'aui ct-table', 'data-testid': kind.id + '-list' },
      h('thead', null, h('tr', null, h('th', { scope: 'col', text: AJS.I18n.getText('capacity-tracker.js.admin.name') }), h('th', { scope: 'col', text: AJS.I18n.getText('capacity-tracker.js.admin.id') }),
        h('th', { scope: 'col' }, h('span', { class: 'assistive', text: AJS.I18n.getText('capacity-tracker.js.admin.actions') })))));
    var body = h('tbody');
    list.forEach(function (d) {
      var edit = button(AJS.I18n.getText('capacity-tracker.js.admin.edit'), { class: 'aui-button aui-button-link', 'data-testid': 'edit-' + kind.id });
      var del = button(AJS.I18n.getText('capacity-tracker.js.admin.delete'), { class: 'aui-button aui-button-link ct-danger-link', 'data-testid': 'delete-' + kind.id });
      edit.addEventListener('click', function () { onEdit(d.id); });
      del.addEventListener('click', function () {
        confirmDialog({
          title: kind.deleteTitle(d.name),
          body: h('p', { text: kind.deleteNote }),
          confirmLabel: AJS.I18n.getText('capacity-tracker.js.admin.delete')
        }).then(function (yes) {
          if (!yes) return null;
          return self.api.del(REST + '/' + kind.path + '/' + enc(d.id)).then(function () {
            return self.reload(kind.tab).then(function () {
              flash(pane, 'success', kind.deletedTitle, AJS.I18n.getText('capacity-tracker.js.admin.document.deleted', d.name), kind.id + '-deleted');
            });
          }, function (err) {
            flash(pane, 'error', kind.notDeletedTitle, err.message, 'delete-error');
          });
        });
      });
      append(body, h('tr', { 'data-testid': kind.id + '-row', 'data-id': d.id },
        h('th', { scope: 'row', text: d.name }), h('td', null, h('code', { text: d.id })),
        h('td', { class: 'ct-actions' }, edit, del)));
    });
    if (!list.length) append(body, h('tr', null, h('td', { colspan: '3', class: 'ct-empty', text: kind.none })));
    append(table, body);
    return table;
  };

  // ---------------------------------------------------------------- templates

  var TEMPLATE_KIND = {
    id: 'template', path: 'templates', tab: 'templates',
    deleteTitle: function (name) { return AJS.I18n.getText('capacity-tracker.js.admin.template.delete-title', name); },
    deletedTitle: AJS.I18n.getText('capacity-tracker.js.admin.template.deleted'),
    notDeletedTitle: AJS.I18n.getText('capacity-tracker.js.admin.template.not-deleted'),
    none: AJS.I18n.getText('capacity-tracker.js.admin.no-templates-yet'),
    deleteNote: AJS.I18n.getText('capacity-tracker.js.admin.boards-the-template-was-applied-to')
  };

  Admin.prototype.loadTemplates = function (pane) {
    var self = this;
    return this.api.get(REST + '/templates').then(function (list) {
      clear(pane);
      var create = button(AJS.I18n.getText('capacity-tracker.js.admin.create-template'), { class: 'aui-button', 'data-testid': 'create-template' });
      create.addEventListener('click', function () { self.editTemplate(pane, null); });
      append(pane,
        h('div', { class: 'ct-pane-flash' }),
        h('section', { class: 'ct-section' },
          sectionHead(AJS.I18n.getText('capacity-tracker.js.admin.team-templates'), AJS.I18n.getText('capacity-tracker.js.admin.a-named-team-that-board-administrators'), create),
          self.renderDocList(pane, TEMPLATE_KIND, list, function (id) { self.editTemplate(pane, id); })),
        h('div', { class: 'ct-editor-slot' }));
    });
  };

  function weekdayChecks(name, selected) {
    var chosen = {};
    (selected || []).forEach(function (d) { chosen[d] = true; });
    return h('div', { class: 'ct-weekdays', role: 'group', 'data-name': name }, WEEKDAYS.map(function (d) {
      var id = 'ct-admin-' + (++uid);
      return h('span', { class: 'ct-weekday' },
        h('input', { type: 'checkbox', id: id, value: d.id, checked: Boolean(chosen[d.id]), 'aria-label': d.long }),
        h('label', { for: id, text: d.label }));
    }));
  }

  function checkedWeekdays(box) {
    return Array.prototype.filter.call(box.querySelectorAll('input[type="checkbox"]'), function (c) { return c.checked; })
      .map(function (c) { return c.value; });
  }

  Admin.prototype.editTemplate = function (pane, id) {
    var self = this;
    var slot = pane.querySelector('.ct-editor-slot');
    clear(slot);
    append(slot, loading(AJS.I18n.getText('capacity-tracker.js.admin.loading-the-template')));
    var load = id ? this.api.get(REST + '/templates/' + enc(id)) : Promise.resolve({ revision: 0, name: '', members: [] });
    return load.then(function (doc) {
      clear(slot);
      append(slot, self.templateForm(pane, id, doc));
      slot.scrollIntoView({ block: 'nearest' });
    }, function (err) {
      clear(slot);
      append(slot, message('error', AJS.I18n.getText('capacity-tracker.js.admin.the-template-could-not-be-loaded'), h('p', { text: err.message })));
    });
  };

  Admin.prototype.templateForm = function (pane, id, doc) {
    var self = this;
    var form = h('form', { class: 'aui ct-form ct-editor', 'data-testid': 'template-form', novalidate: true });
    var idInput = textInput('templateId', id || '', { 'data-testid': 'template-id', disabled: Boolean(id), placeholder: AJS.I18n.getText('capacity-tracker.js.admin.template.id-placeholder') });
    var nameInput = textInput('name', doc.name, { 'data-testid': 'template-name', placeholder: AJS.I18n.getText('capacity-tracker.js.admin.e-g-squad') });
    var members = h('tbody', { 'data-testid': 'template-members' });

    function memberRow(m) {
      var row = h('tr', { 'data-testid': 'template-member' });
      var remove = button(AJS.I18n.getText('capacity-tracker.js.admin.remove'), { class: 'aui-button aui-button-link', 'data-testid': 'remove-template-member' });
      remove.addEventListener('click', function () { row.remove(); renumber(); });
      append(row,
        h('td', { 'data-col': 'accountKey' }, textInput('accountKey', m.accountKey, { 'data-testid': 'member-account-key', 'aria-label': AJS.I18n.getText('capacity-tracker.js.admin.account-key') })),
        h('td', { 'data-col': 'role' }, textInput('role', m.role, { 'data-testid': 'member-role', 'aria-label': AJS.I18n.getText('capacity-tracker.js.admin.role'), placeholder: AJS.I18n.getText('capacity-tracker.js.admin.e-g-developer') })),
        h('td', { 'data-col': 'dailyCapacity' }, textInput('dailyCapacity', m.dailyCapacity, { inputmode: 'decimal', class: 'text ct-short', 'data-testid': 'member-daily-capacity', 'aria-label': AJS.I18n.getText('capacity-tracker.js.admin.daily-capacity') })),
        h('td', { 'data-col': 'allocation' }, textInput('allocation', m.allocation === undefined || m.allocation === null ? '' : m.allocation,
          { inputmode: 'decimal', class: 'text ct-short', placeholder: '100', 'data-testid': 'member-allocation', 'aria-label': AJS.I18n.getText('capacity-tracker.js.admin.allocation-in-percent') })),
        h('td', { 'data-col': 'workingWeekdays' }, weekdayChecks('workingWeekdays', m.workingWeekdays)),
        h('td', { class: 'ct-actions' }, remove));
      // Each cell is a field the engine can name: members[i].dailyCapacity and so on.
      Array.prototype.forEach.call(row.querySelectorAll('td[data-col]'), function (td) {
        td.classList.add('ct-cell-field');
        append(td, h('div', { class: 'error ct-field-error', 'data-testid': 'field-error', hidden: true }));
      });
      return row;
    }
    function renumber() {
      Array.prototype.forEach.call(members.children, function (row, i) {
        row.setAttribute('data-field', 'members[' + i + ']');
        Array.prototype.forEach.call(row.querySelectorAll('td[data-col]'), function (td) {
          td.setAttribute('data-field', 'members[' + i + '].' + td.getAttribute('data-col'));
        });
      });
      noMembers.hidden = members.children.length > 0;
    }
    var noMembers = h('p', { class: 'ct-empty', text: AJS.I18n.getText('capacity-tracker.js.admin.no-members-yet') });
    (doc.members || []).forEach(function (m) { append(members, memberRow(m)); });
    var addMember = button(AJS.I18n.getText('capacity-tracker.js.admin.add-member'), { 'data-testid': 'add-template-member' });
    addMember.addEventListener('click', function () {
      append(members, memberRow({}));
      renumber();
      members.lastChild.querySelector('input').focus();
    });
    var cancel = button(AJS.I18n.getText('capacity-tracker.js.admin.cancel'), { class: 'aui-button aui-button-link', 'data-testid': 'cancel-template' });
    cancel.addEventListener('click', function () { clear(form.parentNode); });

    append(form,
      h('div', { class: 'ct-editor-head' }, h('h3', { text: id ? AJS.I18n.getText('capacity-tracker.js.admin.template.edit-title', doc.name) : AJS.I18n.getText('capacity-tracker.js.admin.new-template') }),
        id ? h('span', { class: 'ct-hint', text: AJS.I18n.getText('capacity-tracker.js.admin.revision', doc.revision) }) : null),
      formMessage(),
      h('div', { class: 'ct-inline-fields' },
        field(AJS.I18n.getText('capacity-tracker.js.admin.id'), 'templateId', idInput, id ? AJS.I18n.getText('capacity-tracker.js.admin.the-id-cannot-change') : AJS.I18n.getText('capacity-tracker.js.admin.template.id-hint')),
        field(AJS.I18n.getText('capacity-tracker.js.admin.name'), 'name', nameInput)),
      h('div', { 'data-field': 'members' },
        h('table', { class: 'aui ct-table ct-edit-table' },
          h('thead', null, h('tr', null,
            h('th', { scope: 'col', text: AJS.I18n.getText('capacity-tracker.js.admin.account-key') }), h('th', { scope: 'col', text: AJS.I18n.getText('capacity-tracker.js.admin.role') }),
            h('th', { scope: 'col', text: AJS.I18n.getText('capacity-tracker.js.admin.daily-capacity') }), h('th', { scope: 'col', text: AJS.I18n.getText('capacity-tracker.js.admin.allocation') }),
            h('th', { scope: 'col', text: AJS.I18n.getText('capacity-tracker.js.admin.own-working-days') }),
            h('th', { scope: 'col' }, h('span', { class: 'assistive', text: AJS.I18n.getText('capacity-tracker.js.admin.actions') })))),
          members),
        noMembers,
        h('div', { class: 'description', text: AJS.I18n.getText('capacity-tracker.js.admin.template.members-description') }),
        h('div', { class: 'error ct-field-error', hidden: true })),
      h('div', { class: 'ct-add-row' }, addMember),
      h('div', { class: 'buttons-container' }, h('div', { class: 'buttons' },
        h('button', { type: 'submit', class: 'aui-button aui-button-primary', 'data-testid': 'save-template' }, AJS.I18n.getText('capacity-tracker.js.admin.save-template')), cancel)));
    renumber();

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var templateId = id || idInput.value.trim();
      var next = {
        revision: doc.revision,
        name: nameInput.value.trim(),
        members: Array.prototype.map.call(members.children, function (row) {
          var m = {
            accountKey: row.querySelector('[name="accountKey"]').value.trim(),
            role: row.querySelector('[name="role"]').value.trim(),
            dailyCapacity: numberOrNull(row.querySelector('[name="dailyCapacity"]'))
          };
          var allocation = row.querySelector('[name="allocation"]');
          if (allocation.value.trim() !== '') m.allocation = numberOrNull(allocation);
          var days = checkedWeekdays(row.querySelector('.ct-weekdays'));
          if (days.length) m.workingWeekdays = days;
          return m;
        })
      };
      resetErrors(form);
      if (!templateId) {
        showError(form, { field: 'templateId', message: AJS.I18n.getText('capacity-tracker.js.admin.templateid-give-the-template-an-id') });
        return;
      }
      setBusy(form, true);
      self.api.put(REST + '/templates/' + enc(templateId), next).then(function (stored) {
        return self.reload('templates').then(function () {
          flash(pane, 'success', AJS.I18n.getText('capacity-tracker.js.admin.template-saved'), AJS.I18n.getText('capacity-tracker.js.admin.document.saved', stored.name, stored.revision), 'template-saved');
        });
      }, function (err) {
        setBusy(form, false);
        showError(form, err, AJS.I18n.getText('capacity-tracker.js.admin.the-template-was-not-saved'));
        if (err.status === 409) self.offerReload(form, 'templates');
      });
    });
    return form;
  };

  // ---------------------------------------------------------------- holiday calendars

  var CALENDAR_KIND = {
    id: 'calendar', path: 'calendars', tab: 'calendars',
    deleteTitle: function (name) { return AJS.I18n.getText('capacity-tracker.js.admin.calendar.delete-title', name); },
    deletedTitle: AJS.I18n.getText('capacity-tracker.js.admin.calendar.deleted'),
    notDeletedTitle: AJS.I18n.getText('capacity-tracker.js.admin.calendar.not-deleted'),
    none: AJS.I18n.getText('capacity-tracker.js.admin.no-holiday-calendars-yet'),
    deleteNote: AJS.I18n.getText('capacity-tracker.js.admin.boards-that-use-this-calendar-lose')
  };

  Admin.prototype.loadCalendars = function (pane) {
    var self = this;
    return this.api.get(REST + '/calendars').then(function (list) {
      clear(pane);
      var create = button(AJS.I18n.getText('capacity-tracker.js.admin.create-calendar'), { class: 'aui-button', 'data-testid': 'create-calendar' });
      create.addEventListener('click', function () { self.editCalendar(pane, null); });
      append(pane,
        h('div', { class: 'ct-pane-flash' }),
        h('section', { class: 'ct-section' },
          sectionHead(AJS.I18n.getText('capacity-tracker.js.admin.holiday-calendars'), AJS.I18n.getText('capacity-tracker.js.admin.public-holidays-shared-by-boards-a'), create),
          self.renderDocList(pane, CALENDAR_KIND, list, function (id) { self.editCalendar(pane, id); })),
        h('div', { class: 'ct-editor-slot' }));
    });
  };

  Admin.prototype.editCalendar = function (pane, id) {
    var self = this;
    var slot = pane.querySelector('.ct-editor-slot');
    clear(slot);
    append(slot, loading(AJS.I18n.getText('capacity-tracker.js.admin.loading-the-calendar')));
    var load = id ? this.api.get(REST + '/calendars/' + enc(id)) : Promise.resolve({ revision: 0, name: '', dates: [], rules: [] });
    return load.then(function (doc) {
      clear(slot);
      append(slot, self.calendarForm(pane, id, doc));
      slot.scrollIntoView({ block: 'nearest' });
    }, function (err) {
      clear(slot);
      append(slot, message('error', AJS.I18n.getText('capacity-tracker.js.admin.the-calendar-could-not-be-loaded'), h('p', { text: err.message })));
    });
  };

  /** A rule in words, as stored: which day of the year it names (no date is worked out here). */
  function describeRule(r) {
    var weekday = (WEEKDAYS.filter(function (d) { return d.id === r.weekday; })[0] || {}).long || r.weekday;
    var month = MONTHS[r.month - 1] || AJS.I18n.getText('capacity-tracker.js.admin.rule.month-number', r.month);
    var gap = '…';
    switch (r.type) {
      case 'fixed': return AJS.I18n.getText('capacity-tracker.js.admin.rule.fixed', r.day === null || r.day === undefined ? gap : r.day, month);
      case 'nthWeekday': return AJS.I18n.getText('capacity-tracker.js.admin.rule.nth-weekday', ((ORDINALS.filter(function (o) { return o.n === r.n; })[0] || {}).label || String(r.n)).toLowerCase(), weekday, month);
      case 'lastWeekday': return AJS.I18n.getText('capacity-tracker.js.admin.rule.last-weekday', weekday, month);
      case 'easter':
        if (r.offset === null || r.offset === undefined) return AJS.I18n.getText('capacity-tracker.js.admin.rule.easter-incomplete', gap);
        if (r.offset === 0) return AJS.I18n.getText('capacity-tracker.js.admin.every-year-on-easter-sunday');
        var days = Math.abs(r.offset);
        if (r.offset < 0) return days === 1 ? AJS.I18n.getText('capacity-tracker.js.admin.rule.easter-day-before') : AJS.I18n.getText('capacity-tracker.js.admin.rule.easter-days-before', days);
        return days === 1 ? AJS.I18n.getText('capacity-tracker.js.admin.rule.easter-day-after') : AJS.I18n.getText('capacity-tracker.js.admin.rule.easter-days-after', days);
      default: return r.type;
    }
  }

  function fractionSelect(name, value) {
    var v = value === undefined || value === null ? '1' : String(value);
    var options = FRACTIONS.slice();
    if (!options.some(function (o) { return o.value === v; })) options.push({ value: v, label: AJS.I18n.getText('capacity-tracker.js.admin.fraction.of-a-day', v) });
    return selectInput(name, options.map(function (o) { return { value: o.value, label: o.label }; }), v, { 'aria-label': AJS.I18n.getText('capacity-tracker.js.admin.part-of-day') });
  }

  Admin.prototype.calendarForm = function (pane, id, doc) {
    var self = this;
    var form = h('form', { class: 'aui ct-form ct-editor', 'data-testid': 'calendar-form', novalidate: true });
    var idInput = textInput('calendarId', id || '', { 'data-testid': 'calendar-id', disabled: Boolean(id), placeholder: AJS.I18n.getText('capacity-tracker.js.admin.calendar.id-placeholder') });
    var nameInput = textInput('name', doc.name, { 'data-testid': 'calendar-name', placeholder: AJS.I18n.getText('capacity-tracker.js.admin.e-g-germany') });
    var dates = h('tbody', { 'data-testid': 'calendar-dates' });
    var rules = h('tbody', { 'data-testid': 'calendar-rules' });

    function cell(col, input) {
      return h('td', { 'data-col': col, class: 'ct-cell-field' }, input, h('div', { class: 'error ct-field-error', 'data-testid': 'field-error', hidden: true }));
    }
    function dateRow(d) {
      var row = h('tr', { 'data-testid': 'calendar-date' });
      var remove = button(AJS.I18n.getText('capacity-tracker.js.admin.remove'), { class: 'aui-button aui-button-link', 'data-testid': 'remove-calendar-date' });
      remove.addEventListener('click', function () { row.remove(); renumber(); });
      append(row,
        cell('date', h('input', { class: 'text', type: 'date', name: 'date', value: d.date || '', 'aria-label': AJS.I18n.getText('capacity-tracker.js.admin.date'), 'data-testid': 'calendar-date-input' })),
        cell('name', textInput('name', d.name, { 'aria-label': AJS.I18n.getText('capacity-tracker.js.admin.name'), placeholder: AJS.I18n.getText('capacity-tracker.js.admin.e-g-company-day'), 'data-testid': 'calendar-date-name' })),
        cell('fraction', fractionSelect('fraction', d.fraction)),
        h('td', { class: 'ct-actions' }, remove));
      return row;
    }
    function ruleRow(r) {
      var row = h('tr', { 'data-testid': 'calendar-rule' });
      var type = selectInput('type', RULE_TYPES.map(function (t) { return { value: t.id, label: t.label }; }), r.type || 'fixed', { 'aria-label': AJS.I18n.getText('capacity-tracker.js.admin.kind-of-rule'), 'data-testid': 'rule-type' });
      var name = textInput('name', r.name, { 'aria-label': AJS.I18n.getText('capacity-tracker.js.admin.name'), placeholder: AJS.I18n.getText('capacity-tracker.js.admin.e-g-christmas-day'), 'data-testid': 'rule-name' });
      var month = selectInput('month', MONTHS.map(function (m, i) { return { value: i + 1, label: m }; }), r.month || 1, { 'aria-label': AJS.I18n.getText('capacity-tracker.js.admin.month'), 'data-testid': 'rule-month' });
      var day = textInput('day', r.day === undefined ? '' : r.day, { inputmode: 'numeric', class: 'text ct-short', 'aria-label': AJS.I18n.getText('capacity-tracker.js.admin.day-of-the-month'), 'data-testid': 'rule-day' });
      var n = selectInput('n', ORDINALS.map(function (o) { return { value: o.n, label: o.label }; }), r.n || 1, { 'aria-label': AJS.I18n.getText('capacity-tracker.js.admin.which-one'), 'data-testid': 'rule-n' });
      var weekday = selectInput('weekday', WEEKDAYS.map(function (d) { return { value: d.id, label: d.long }; }), r.weekday || 'MON', { 'aria-label': AJS.I18n.getText('capacity-tracker.js.admin.weekday'), 'data-testid': 'rule-weekday' });
      var offset = textInput('offset', r.offset === undefined ? '' : r.offset, { inputmode: 'numeric', class: 'text ct-short', 'aria-label': AJS.I18n.getText('capacity-tracker.js.admin.days-from-easter-sunday-negative-before'), 'data-testid': 'rule-offset' });
      var words = h('div', { class: 'ct-rule-words', 'data-testid': 'rule-words' });
      var parts = {
        month: cell('month', month), day: cell('day', day), n: cell('n', n), weekday: cell('weekday', weekday), offset: cell('offset', offset)
      };
      var when = h('td', { class: 'ct-rule-when' },
        h('div', { class: 'ct-rule-parts' }, parts.n, parts.weekday, parts.day, parts.month, parts.offset), words);
      function shape() {
        var t = type.value;
        parts.month.hidden = t === 'easter';
        parts.day.hidden = t !== 'fixed';
        parts.n.hidden = t !== 'nthWeekday';
        parts.weekday.hidden = t !== 'nthWeekday' && t !== 'lastWeekday';
        parts.offset.hidden = t !== 'easter';
        if (t === 'easter') offset.placeholder = 'e.g. -2';
        // The rule as the stored document will say it, once saved; nothing is computed.
        var r2 = readRule(row);
        words.textContent = describeRule(r2);
      }
      [type, month, day, n, weekday, offset].forEach(function (el) { el.addEventListener('change', shape); el.addEventListener('input', shape); });
      var remove = button(AJS.I18n.getText('capacity-tracker.js.admin.remove'), { class: 'aui-button aui-button-link', 'data-testid': 'remove-calendar-rule' });
      remove.addEventListener('click', function () { row.remove(); renumber(); });
      append(row, cell('type', type), cell('name', name), when, cell('fraction', fractionSelect('fraction', r.fraction)), h('td', { class: 'ct-actions' }, remove));
      row.shape = shape;
      shape();
      return row;
    }
    function readRule(row) {
      var get = function (n) { return row.querySelector('[name="' + n + '"]'); };
      var t = get('type').value;
      var r = { type: t, name: get('name').value.trim() };
      if (t !== 'easter') r.month = Number(get('month').value);
      if (t === 'fixed') r.day = numberOrNull(get('day'));
      if (t === 'nthWeekday') r.n = Number(get('n').value);
      if (t === 'nthWeekday' || t === 'lastWeekday') r.weekday = get('weekday').value;
      if (t === 'easter') r.offset = numberOrNull(get('offset'));
      r.fraction = Number(get('fraction').value);
      return r;
    }
    function renumber() {
      [[dates, 'dates'], [rules, 'rules']].forEach(function (pair) {
        Array.prototype.forEach.call(pair[0].children, function (row, i) {
          row.setAttribute('data-field', pair[1] + '[' + i + ']');
          Array.prototype.forEach.call(row.querySelectorAll('td[data-col]'), function (td) {
            td.setAttribute('data-field', pair[1] + '[' + i + '].' + td.getAttribute('data-col'));
          });
        });
      });
      noDates.hidden = dates.children.length > 0;
      noRules.hidden = rules.children.length > 0;
    }
    var noDates = h('p', { class: 'ct-empty', text: AJS.I18n.getText('capacity-tracker.js.admin.no-single-dates') });
    var noRules = h('p', { class: 'ct-empty', text: AJS.I18n.getText('capacity-tracker.js.admin.no-yearly-rules') });
    (doc.dates || []).forEach(function (d) { append(dates, dateRow(d)); });
    (doc.rules || []).forEach(function (r) { append(rules, ruleRow(r)); });
    var addDate = button(AJS.I18n.getText('capacity-tracker.js.admin.add-date'), { 'data-testid': 'add-calendar-date' });
    addDate.addEventListener('click', function () { append(dates, dateRow({})); renumber(); dates.lastChild.querySelector('input').focus(); });
    var addRule = button(AJS.I18n.getText('capacity-tracker.js.admin.add-yearly-rule'), { 'data-testid': 'add-calendar-rule' });
    addRule.addEventListener('click', function () { append(rules, ruleRow({ type: 'fixed' })); renumber(); rules.lastChild.querySelector('input').focus(); });
    var cancel = button(AJS.I18n.getText('capacity-tracker.js.admin.cancel'), { class: 'aui-button aui-button-link', 'data-testid': 'cancel-calendar' });
    cancel.addEventListener('click', function () { clear(form.parentNode); });

    append(form,
      h('div', { class: 'ct-editor-head' }, h('h3', { text: id ? AJS.I18n.getText('capacity-tracker.js.admin.calendar.edit-title', doc.name) : AJS.I18n.getText('capacity-tracker.js.admin.new-holiday-calendar') }),
        id ? h('span', { class: 'ct-hint', text: AJS.I18n.getText('capacity-tracker.js.admin.revision', doc.revision) }) : null),
      formMessage(),
      h('div', { class: 'ct-inline-fields' },
        field(AJS.I18n.getText('capacity-tracker.js.admin.id'), 'calendarId', idInput, id ? AJS.I18n.getText('capacity-tracker.js.admin.the-id-cannot-change') : AJS.I18n.getText('capacity-tracker.js.admin.calendar.id-hint')),
        field(AJS.I18n.getText('capacity-tracker.js.admin.name'), 'name', nameInput)),
      h('h4', { text: AJS.I18n.getText('capacity-tracker.js.admin.yearly-rules') }),
      h('div', { 'data-field': 'rules' },
        h('table', { class: 'aui ct-table ct-edit-table' },
          h('thead', null, h('tr', null, h('th', { scope: 'col', text: AJS.I18n.getText('capacity-tracker.js.admin.kind') }), h('th', { scope: 'col', text: AJS.I18n.getText('capacity-tracker.js.admin.name') }),
            h('th', { scope: 'col', text: AJS.I18n.getText('capacity-tracker.js.admin.when') }), h('th', { scope: 'col', text: AJS.I18n.getText('capacity-tracker.js.admin.part-of-day') }),
            h('th', { scope: 'col' }, h('span', { class: 'assistive', text: AJS.I18n.getText('capacity-tracker.js.admin.actions') })))),
          rules),
        noRules, h('div', { class: 'error ct-field-error', hidden: true })),
      h('div', { class: 'ct-add-row' }, addRule),
      h('h4', { text: AJS.I18n.getText('capacity-tracker.js.admin.single-dates') }),
      h('div', { 'data-field': 'dates' },
        h('table', { class: 'aui ct-table ct-edit-table' },
          h('thead', null, h('tr', null, h('th', { scope: 'col', text: AJS.I18n.getText('capacity-tracker.js.admin.date') }), h('th', { scope: 'col', text: AJS.I18n.getText('capacity-tracker.js.admin.name') }),
            h('th', { scope: 'col', text: AJS.I18n.getText('capacity-tracker.js.admin.part-of-day') }), h('th', { scope: 'col' }, h('span', { class: 'assistive', text: AJS.I18n.getText('capacity-tracker.js.admin.actions') })))),
          dates),
        noDates, h('div', { class: 'error ct-field-error', hidden: true })),
      h('div', { class: 'ct-add-row' }, addDate),
      h('div', { class: 'buttons-container' }, h('div', { class: 'buttons' },
        h('button', { type: 'submit', class: 'aui-button aui-button-primary', 'data-testid': 'save-calendar' }, AJS.I18n.getText('capacity-tracker.js.admin.save-calendar')), cancel)));
    renumber();

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var calendarId = id || idInput.value.trim();
      var next = {
        revision: doc.revision,
        name: nameInput.value.trim(),
        dates: Array.prototype.map.call(dates.children, function (row) {
          return { date: row.querySelector('[name="date"]').value, name: row.querySelector('[name="name"]').value.trim(),
            fraction: Number(row.querySelector('[name="fraction"]').value) };
        }),
        rules: Array.prototype.map.call(rules.children, readRule)
      };
      resetErrors(form);
      if (!calendarId) {
        showError(form, { field: 'calendarId', message: AJS.I18n.getText('capacity-tracker.js.admin.calendarid-give-the-calendar-an-id') });
        return;
      }
      setBusy(form, true);
      self.api.put(REST + '/calendars/' + enc(calendarId), next).then(function (stored) {
        return self.reload('calendars').then(function () {
          flash(pane, 'success', AJS.I18n.getText('capacity-tracker.js.admin.holiday-calendar-saved'), AJS.I18n.getText('capacity-tracker.js.admin.document.saved', stored.name, stored.revision), 'calendar-saved');
        });
      }, function (err) {
        setBusy(form, false);
        showError(form, err, AJS.I18n.getText('capacity-tracker.js.admin.the-calendar-was-not-saved'));
        if (err.status === 409) self.offerReload(form, 'calendars');
      });
    });
    return form;
  };

  // ---------------------------------------------------------------- backup

  Admin.prototype.renderBackup = function (pane) {
    var self = this;
    clear(pane);
    var download = h('a', { class: 'aui-button', href: this.contextPath + REST + '/admin/export', download: 'capacity-tracker-export.json', 'data-testid': 'download-export' },
      h('span', { class: 'aui-icon aui-icon-small aui-iconfont-download' }), ' ' + AJS.I18n.getText('capacity-tracker.js.admin.backup.download-export'));
    var file = h('input', { type: 'file', class: 'upfile', name: 'file', accept: 'application/json,.json', 'data-testid': 'import-file' });
    var modes = h('div', { class: 'field-group ct-field ct-radio-group', role: 'radiogroup', 'aria-labelledby': 'ct-import-mode-label', 'data-field': 'mode' },
      h('div', { class: 'ct-group-label', id: 'ct-import-mode-label', text: AJS.I18n.getText('capacity-tracker.js.admin.how-to-import') }),
      [{ id: 'merge', label: AJS.I18n.getText('capacity-tracker.js.admin.merge'), help: AJS.I18n.getText('capacity-tracker.js.admin.write-what-is-missing-here-leave') },
        { id: 'empty', label: AJS.I18n.getText('capacity-tracker.js.admin.into-an-empty-instance'), help: AJS.I18n.getText('capacity-tracker.js.admin.refused-when-capacity-tracker-here-already') }].map(function (m, i) {
        var id = 'ct-import-' + m.id;
        return h('div', { class: 'radio' },
          h('input', { type: 'radio', class: 'radio', name: 'mode', id: id, value: m.id, checked: i === 0, 'data-testid': 'import-mode-' + m.id }),
          h('label', { for: id, text: m.label }),
          h('div', { class: 'description', text: m.help }));
      }),
      h('div', { class: 'error ct-field-error', hidden: true }));
    var result = h('div', { class: 'ct-import-result', 'data-testid': 'import-result' });
    var form = h('form', { class: 'aui ct-form ct-import', 'data-testid': 'import-form', novalidate: true },
      formMessage(),
      field(AJS.I18n.getText('capacity-tracker.js.admin.export-file'), 'export', file, AJS.I18n.getText('capacity-tracker.js.admin.a-file-downloaded-with-download-export')),
      modes,
      h('div', { class: 'buttons-container' }, h('div', { class: 'buttons' },
        h('button', { type: 'submit', class: 'aui-button aui-button-primary', 'data-testid': 'import-submit' }, AJS.I18n.getText('capacity-tracker.js.admin.import')))));
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      resetErrors(form);
      clear(result);
      var chosen = file.files && file.files[0];
      if (!chosen) {
        showError(form, { field: 'export', message: AJS.I18n.getText('capacity-tracker.js.admin.export-choose-an-export-file') }, AJS.I18n.getText('capacity-tracker.js.admin.nothing-imported'));
        return;
      }
      var mode = form.querySelector('input[name="mode"]:checked').value;
      setBusy(form, true);
      chosen.text().then(function (text) {
        var parsed;
        try { parsed = JSON.parse(text); } catch (err) {
          throw new ApiError(400, { field: 'export', message: AJS.I18n.getText('capacity-tracker.js.admin.backup.not-json', err.message) });
        }
        return self.api.post(REST + '/admin/import', { mode: mode, export: parsed });
      }).then(function (res) {
        setBusy(form, false);
        append(result, self.importResult(res));
      }, function (err) {
        setBusy(form, false);
        showError(form, err, AJS.I18n.getText('capacity-tracker.js.admin.nothing-was-imported'));
      });
    });
    append(pane,
      h('section', { class: 'ct-section' },
        sectionHead(AJS.I18n.getText('capacity-tracker.js.admin.export'), AJS.I18n.getText('capacity-tracker.js.admin.every-boards-settings-days-off-sprint')),
        h('p', null, download)),
      h('section', { class: 'ct-section' },
        sectionHead(AJS.I18n.getText('capacity-tracker.js.admin.import'), AJS.I18n.getText('capacity-tracker.js.admin.every-document-in-the-file-is')),
        form, result));
  };

  Admin.prototype.importResult = function (res) {
    function list(items, testid, render) {
      return h('ul', { class: 'ct-doc-list', 'data-testid': testid }, items.map(function (x) { return h('li', null, render(x)); }));
    }
    var code = function (x) { return h('code', { text: x }); };
    return h('div', { class: 'ct-section' },
      message(res.conflicts.length ? 'warning' : 'success', res.conflicts.length ? AJS.I18n.getText('capacity-tracker.js.admin.imported-with-documents-left-as-they') : AJS.I18n.getText('capacity-tracker.js.admin.imported'),
        h('p', { text: AJS.I18n.getText('capacity-tracker.js.admin.backup.import-counts', res.written.length, res.unchanged.length, res.conflicts.length) }),
        { 'data-testid': 'import-summary' }),
      h('div', { class: 'ct-import-columns' },
        h('div', null, h('h4', { text: AJS.I18n.getText('capacity-tracker.js.admin.written') }), res.written.length ? list(res.written, 'import-written', code) : h('p', { class: 'ct-empty', text: AJS.I18n.getText('capacity-tracker.js.admin.none') })),
        h('div', null, h('h4', { text: AJS.I18n.getText('capacity-tracker.js.admin.unchanged') }), res.unchanged.length ? list(res.unchanged, 'import-unchanged', code) : h('p', { class: 'ct-empty', text: AJS.I18n.getText('capacity-tracker.js.admin.none') })),
        h('div', null, h('h4', { text: AJS.I18n.getText('capacity-tracker.js.admin.conflicts-not-overwritten') }), res.conflicts.length ? list(res.conflicts, 'import-conflicts', function (c) {
          return [code(c.document), ' ', h('span', { class: 'ct-sub', text: c.reason })];
        }) : h('p', { class: 'ct-empty', text: AJS.I18n.getText('capacity-tracker.js.admin.none') }))));
  };

  // ---------------------------------------------------------------- personal data

  Admin.prototype.loadPrivacy = function (pane) {
    var self = this;
    return this.api.get(REST + '/admin/inventory').then(function (inventory) {
      clear(pane);
      var keyInput = textInput('accountKey', '', { 'data-testid': 'person-key', placeholder: AJS.I18n.getText('capacity-tracker.js.admin.e-g-jirauser10100-or-alice'), autocomplete: 'off' });
      var person = h('div', { class: 'ct-person', 'data-testid': 'person' });
      var form = h('form', { class: 'aui ct-form ct-person-form', 'data-testid': 'person-form', novalidate: true },
        formMessage(),
        field(AJS.I18n.getText('capacity-tracker.js.admin.account-key'), 'accountKey', h('div', { class: 'ct-input-row' }, keyInput,
          h('button', { type: 'submit', class: 'aui-button', 'data-testid': 'person-lookup' }, AJS.I18n.getText('capacity-tracker.js.admin.show-stored-data'))),
        AJS.I18n.getText('capacity-tracker.js.admin.the-persons-jira-user-key-as')));
      form.addEventListener('submit', function (e) {
        e.preventDefault();
        var key = keyInput.value.trim();
        resetErrors(form);
        clear(person);
        if (!key) {
          showError(form, { field: 'accountKey', message: AJS.I18n.getText('capacity-tracker.js.admin.accountkey-enter-an-account-key') }, AJS.I18n.getText('capacity-tracker.js.admin.nothing-to-show'));
          return;
        }
        setBusy(form, true);
        self.api.get(REST + '/admin/people/' + enc(key)).then(function (data) {
          setBusy(form, false);
          append(person, self.renderPerson(pane, data));
        }, function (err) {
          setBusy(form, false);
          showError(form, err, AJS.I18n.getText('capacity-tracker.js.admin.the-data-could-not-be-read'));
        });
      });
      append(pane,
        h('div', { class: 'ct-pane-flash' }),
        h('section', { class: 'ct-section' },
          sectionHead(AJS.I18n.getText('capacity-tracker.js.admin.what-capacity-tracker-stores-about-people'), inventory.people === 1 ? AJS.I18n.getText('capacity-tracker.js.admin.personal.one-person-named') : AJS.I18n.getText('capacity-tracker.js.admin.personal.people-named', inventory.people)),
          self.renderInventory(inventory)),
        h('section', { class: 'ct-section' },
          sectionHead('A person\'s data', AJS.I18n.getText('capacity-tracker.js.admin.export-everything-stored-about-one-person')),
          form, person));
    });
  };

  Admin.prototype.renderInventory = function (inventory) {
    var body = h('tbody', null, inventory.categories.map(function (c) {
      var count = c.documents !== undefined ? (c.documents === 1 ? AJS.I18n.getText('capacity-tracker.js.admin.personal.one-document') : AJS.I18n.getText('capacity-tracker.js.admin.personal.documents', c.documents))
        : (c.entries === 1 ? AJS.I18n.getText('capacity-tracker.js.admin.personal.one-entry') : AJS.I18n.getText('capacity-tracker.js.admin.personal.entries', c.entries));
      return h('tr', { 'data-testid': 'inventory-row', 'data-category': c.category },
        h('th', { scope: 'row', text: CATEGORY_LABELS[c.category] || c.category }),
        h('td', null, c.fields.map(function (f, i) { return [i ? ', ' : null, h('code', { text: f })]; })),
        h('td', { text: c.where }),
        h('td', { class: 'ct-num', text: count }));
    }));
    return h('div', { 'data-testid': 'inventory' },
      h('table', { class: 'aui ct-table' },
        h('thead', null, h('tr', null, h('th', { scope: 'col', text: AJS.I18n.getText('capacity-tracker.js.admin.category') }), h('th', { scope: 'col', text: AJS.I18n.getText('capacity-tracker.js.admin.fields') }),
          h('th', { scope: 'col', text: AJS.I18n.getText('capacity-tracker.js.admin.where') }), h('th', { scope: 'col', class: 'ct-num', text: AJS.I18n.getText('capacity-tracker.js.admin.stored') }))),
        body),
      h('p', { class: 'ct-hint ct-not-stored', text: inventory.notStored }));
  };

  function memberSummary(m) {
    if (!m) return '';
    var parts = [];
    if (m.dailyCapacity !== undefined) parts.push(AJS.I18n.getText('capacity-tracker.js.admin.person.daily-capacity', m.dailyCapacity));
    if (m.allocation !== undefined && m.allocation !== null) parts.push(AJS.I18n.getText('capacity-tracker.js.admin.person.allocation', m.allocation));
    if (m.workingWeekdays) parts.push(AJS.I18n.getText('capacity-tracker.js.admin.person.works', m.workingWeekdays.join(', ')));
    if (m.activeFrom) parts.push(AJS.I18n.getText('capacity-tracker.js.admin.person.from', m.activeFrom));
    if (m.activeTo) parts.push(AJS.I18n.getText('capacity-tracker.js.admin.person.to', m.activeTo));
    if (m.action) parts.unshift(m.action);
    if (m.role) parts.push(AJS.I18n.getText('capacity-tracker.js.admin.person.role', m.role));
    return parts.join(' · ');
  }

  Admin.prototype.renderPerson = function (pane, data) {
    var self = this;
    var key = data.accountKey;
    var pretty = JSON.stringify(data, null, 2);
    var blobUrl = URL.createObjectURL(new Blob([pretty], { type: 'application/json' }));
    var nothing = !data.boards.length && !data.daysOff && !data.iterations.length && !data.templates.length && !data.permissions.length;
    var rows = [];
    data.boards.forEach(function (b) {
      rows.push(h('tr', { 'data-testid': 'person-item', 'data-kind': 'board' }, h('th', { scope: 'row', text: AJS.I18n.getText('capacity-tracker.js.admin.board.fallback-name', b.boardId) }),
        h('td', { text: b.role ? AJS.I18n.getText('capacity-tracker.js.admin.person.member-as', b.role) : AJS.I18n.getText('capacity-tracker.js.admin.person.member') }), h('td', { text: memberSummary(b.member) })));
    });
    if (data.daysOff) {
      rows.push(h('tr', { 'data-testid': 'person-item', 'data-kind': 'daysOff' }, h('th', { scope: 'row', text: AJS.I18n.getText('capacity-tracker.js.admin.days-off') }),
        h('td', { text: data.daysOff.ranges.length === 1 ? AJS.I18n.getText('capacity-tracker.js.admin.person.one-range') : AJS.I18n.getText('capacity-tracker.js.admin.person.ranges', data.daysOff.ranges.length) }),
        h('td', { text: data.daysOff.ranges.map(function (r) { return r.start === r.end ? r.start : AJS.I18n.getText('capacity-tracker.js.admin.person.range', r.start, r.end); }).join(', ') })));
    }
    data.iterations.forEach(function (it) {
      rows.push(h('tr', { 'data-testid': 'person-item', 'data-kind': 'iteration' }, h('th', { scope: 'row', text: AJS.I18n.getText('capacity-tracker.js.admin.person.board-sprint', it.boardId, it.iterationId) }),
        h('td', { text: AJS.I18n.getText('capacity-tracker.js.admin.sprint-team-change') }), h('td', { text: memberSummary(it.change) })));
    });
    data.templates.forEach(function (t) {
      rows.push(h('tr', { 'data-testid': 'person-item', 'data-kind': 'template' }, h('th', { scope: 'row', text: AJS.I18n.getText('capacity-tracker.js.admin.person.template', t.templateId) }),
        h('td', { text: AJS.I18n.getText('capacity-tracker.js.admin.member') }), h('td', { text: memberSummary(t.member) })));
    });
    data.permissions.forEach(function (p) {
      rows.push(h('tr', { 'data-testid': 'person-item', 'data-kind': 'permission' }, h('th', { scope: 'row', text: AJS.I18n.getText('capacity-tracker.js.admin.permissions') }),
        h('td', { text: AJS.I18n.getText('capacity-tracker.js.admin.named-in-a-list') }), h('td', null, h('code', { text: p }))));
    });
    var erase = button(AJS.I18n.getText('capacity-tracker.js.admin.erase-this-person'), { class: 'aui-button ct-danger', 'data-testid': 'erase-person', disabled: nothing });
    erase.addEventListener('click', function () {
      confirmDialog({
        title: AJS.I18n.getText('capacity-tracker.js.admin.erase.title', key),
        body: [h('p', { text: AJS.I18n.getText('capacity-tracker.js.admin.erase.body', key) }),
        h('p', { class: 'ct-hint', text: AJS.I18n.getText('capacity-tracker.js.admin.download-the-export-first-if-the') })],
        confirmLabel: AJS.I18n.getText('capacity-tracker.js.admin.erase')
      }).then(function (yes) {
        if (!yes) return null;
        erase.disabled = true;
        return self.api.del(REST + '/admin/people/' + enc(key)).then(function (removed) {
          return self.reload('privacy').then(function () {
            flash(pane, 'success', AJS.I18n.getText('capacity-tracker.js.admin.erase.done', key), null, 'person-erased');
            var slot = pane.querySelector('.ct-pane-flash .aui-message');
            append(slot, self.renderRemoved(removed));
          });
        }, function (err) {
          erase.disabled = false;
          flash(pane, 'error', AJS.I18n.getText('capacity-tracker.js.admin.erase.failed', key), err.message, 'erase-error');
        });
      });
    });
    return h('div', { class: 'ct-person-data', 'data-account-key': key },
      h('h3', { text: AJS.I18n.getText('capacity-tracker.js.admin.person.stored-about', key) }),
      nothing ? message('info', AJS.I18n.getText('capacity-tracker.js.admin.person.nothing-stored', key), h('p', { text: AJS.I18n.getText('capacity-tracker.js.admin.no-board-days-off-sprint-team') }), { 'data-testid': 'person-nothing' })
        : h('table', { class: 'aui ct-table', 'data-testid': 'person-items' },
          h('thead', null, h('tr', null, h('th', { scope: 'col', text: AJS.I18n.getText('capacity-tracker.js.admin.where') }), h('th', { scope: 'col', text: AJS.I18n.getText('capacity-tracker.js.admin.what') }), h('th', { scope: 'col', text: AJS.I18n.getText('capacity-tracker.js.admin.details') }))),
          h('tbody', null, rows)),
      h('details', { class: 'ct-json' }, h('summary', { text: AJS.I18n.getText('capacity-tracker.js.admin.the-export-as-json') }),
        h('pre', { class: 'ct-json-text', 'data-testid': 'person-json', text: pretty })),
      h('div', { class: 'ct-person-actions' },
        h('a', { class: 'aui-button', href: blobUrl, download: 'capacity-tracker-' + key + '.json', 'data-testid': 'person-download' },
          h('span', { class: 'aui-icon aui-icon-small aui-iconfont-download' }), ' ' + AJS.I18n.getText('capacity-tracker.js.admin.person.download')),
        erase));
  };

  Admin.prototype.renderRemoved = function (removed) {
    var lines = [];
    if (removed.boards.length) lines.push(AJS.I18n.getText('capacity-tracker.js.admin.erase.removed-boards', removed.boards.join(', ')));
    if (removed.daysOff) lines.push(AJS.I18n.getText('capacity-tracker.js.admin.days-off-deleted'));
    if (removed.iterations.length) lines.push(AJS.I18n.getText('capacity-tracker.js.admin.erase.removed-sprint-teams', removed.iterations.join(', ')));
    if (removed.templates.length) lines.push(AJS.I18n.getText('capacity-tracker.js.admin.erase.removed-templates', removed.templates.join(', ')));
    if (removed.permissions.length) lines.push(AJS.I18n.getText('capacity-tracker.js.admin.erase.removed-permissions', removed.permissions.join(', ')));
    if (!lines.length) lines.push(AJS.I18n.getText('capacity-tracker.js.admin.nothing-was-stored-about-this-person'));
    return h('ul', { 'data-testid': 'erase-result' }, lines.map(function (l) { return h('li', { text: l }); }));
  };

  // ---------------------------------------------------------------- boot

  function boot() {
    var root = document.getElementById('ct-panel');
    if (!root || root.getAttribute('data-view') !== 'admin' || root.getAttribute('data-ct-admin-started')) return;
    root.setAttribute('data-ct-admin-started', 'true');
    new Admin(root).start();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
  else boot();
}());
