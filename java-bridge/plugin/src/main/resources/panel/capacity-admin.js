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
 * Plain ES2020, no build step, no framework, AUI's CSS classes only (AUI's JavaScript is
 * never required). All text reaches the DOM through textContent or attributes.
 */
(function () {
  'use strict';

  var REST = '/rest/capacity/1.0';
  var WEEKDAYS = [
    { id: 'MON', label: 'Mon', long: 'Monday' }, { id: 'TUE', label: 'Tue', long: 'Tuesday' },
    { id: 'WED', label: 'Wed', long: 'Wednesday' }, { id: 'THU', label: 'Thu', long: 'Thursday' },
    { id: 'FRI', label: 'Fri', long: 'Friday' }, { id: 'SAT', label: 'Sat', long: 'Saturday' },
    { id: 'SUN', label: 'Sun', long: 'Sunday' }
  ];
  var MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
    'October', 'November', 'December'];
  var ORDINALS = [{ n: 1, label: 'First' }, { n: 2, label: 'Second' }, { n: 3, label: 'Third' },
    { n: 4, label: 'Fourth' }, { n: 5, label: 'Fifth' }];
  var FRACTIONS = [
    { value: '1', label: 'Full day' }, { value: '0.75', label: 'Three quarters' },
    { value: '0.5', label: 'Half day' }, { value: '0.25', label: 'Quarter day' }
  ];
  var RULE_TYPES = [
    { id: 'fixed', label: 'Same date every year' },
    { id: 'nthWeekday', label: 'N-th weekday of a month' },
    { id: 'lastWeekday', label: 'Last weekday of a month' },
    { id: 'easter', label: 'Days from Easter Sunday' }
  ];
  var TABS = [
    { id: 'permissions', label: 'Permissions' },
    { id: 'templates', label: 'Templates' },
    { id: 'calendars', label: 'Holiday calendars' },
    { id: 'backup', label: 'Backup' },
    { id: 'privacy', label: 'Personal data' }
  ];
  var GRANTS = [
    { id: 'templates', label: 'Manage templates', help: 'May create, change and delete team templates.' },
    { id: 'reports', label: 'Manage multi-project reports', help: 'May create, change and delete report definitions.' },
    { id: 'rest', label: 'Use the REST API', help: 'Named for scripts and integrations that call Capacity Tracker\'s REST API.' }
  ];
  var CATEGORY_LABELS = {
    boardMembership: 'Board membership',
    daysOff: 'Days off',
    iterationTeamChanges: 'Sprint team changes',
    templates: 'Templates',
    permissions: 'Permissions'
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
      h('span', { class: 'aui-icon aui-icon-wait', text: 'Loading' }), h('p', { text: text }));
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
      append(summary, message('error', err.status === 409 ? 'Someone else saved a change first' : (title || 'Not saved'),
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
    this.message = (body && body.message) || text || ('HTTP ' + status);
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
      throw new ApiError(0, null, 'The server could not be reached (' + (err && err.message ? err.message : 'network error') + ').');
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
      var cancel = button('Cancel', { class: 'aui-button aui-button-link', 'data-testid': 'dialog-cancel' });
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
    this.health = h('div', { class: 'ct-admin-health', 'data-testid': 'health-line' }, loading('Checking the engine…'));
    var header = h('header', { class: 'aui-page-header ct-header' },
      h('div', { class: 'aui-page-header-inner' },
        h('div', { class: 'aui-page-header-main' },
          h('h1', { text: 'Capacity Tracker' }),
          h('p', { class: 'ct-admin-lede', text: 'Who may change what, shared templates and holiday calendars, backup, and the personal data Capacity Tracker keeps.' }))));
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
    append(pane, loading('Loading…'));
    var load = {
      permissions: this.loadPermissions, templates: this.loadTemplates, calendars: this.loadCalendars,
      backup: this.renderBackup, privacy: this.loadPrivacy
    }[id];
    return Promise.resolve().then(function () { return load.call(self, pane); }).catch(function (err) {
      clear(pane);
      append(pane, message('error', 'This section could not be loaded', h('p', { text: err && err.message ? err.message : String(err) }),
        { 'data-testid': 'load-error' }));
    });
  };

  Admin.prototype.loadHealth = function () {
    var box = this.health;
    this.api.get(REST + '/health').then(function (v) {
      clear(box);
      box.setAttribute('data-ok', 'true');
      append(box, h('div', { class: 'ct-health', 'data-testid': 'health', 'data-ok': 'true' },
        lozenge('Engine running', 'aui-lozenge-success'),
        h('span', { 'data-testid': 'health-native', text: 'Native engine ' + v.nativeVersion }),
        h('span', { 'data-testid': 'health-platform', text: 'Platform ' + v.platform }),
        h('span', { 'data-testid': 'health-plugin', text: 'Plugin ' + v.pluginVersion })));
    }, function (err) {
      clear(box);
      box.setAttribute('data-ok', 'false');
      append(box, message('error', 'The capacity engine is not available', h('p', { text: err.message }),
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
      field('Users', path + '.users', textInput(path + '.users', (grant.users || []).join(', '), { 'data-testid': path + '.users', placeholder: 'account keys, comma-separated' }), null, extra),
      field('Groups', path + '.groups', textInput(path + '.groups', (grant.groups || []).join(', '), { 'data-testid': path + '.groups', placeholder: 'group names, comma-separated' }), null, extra)
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
      var remove = button('Remove', { class: 'aui-button aui-button-link', 'data-testid': 'remove-board-grant' });
      var row = h('tr', { 'data-board-id': boardId, 'data-testid': 'board-grant' },
        h('th', { scope: 'row' }, h('div', { class: 'ct-name', text: names[boardId] || 'Board ' + boardId }),
          h('div', { class: 'ct-sub', text: 'Board id ' + boardId })),
        h('td', null, grantInputs(path + '.read', grants.read, true)),
        h('td', null, grantInputs(path + '.write', grants.write, true)),
        h('td', { class: 'ct-actions' }, remove));
      remove.addEventListener('click', function () { row.remove(); refreshPicker(); });
      return row;
    }
    boardIds.forEach(function (id) { append(rows, boardRow(id, doc.boards[id])); });

    var picker = h('select', { class: 'select', id: 'ct-perm-board', 'data-testid': 'add-board-picker' });
    var addBoard = button('Restrict board', { 'data-testid': 'add-board-grant' });
    function refreshPicker() {
      var taken = {};
      rows.querySelectorAll('tr[data-board-id]').forEach(function (r) { taken[r.getAttribute('data-board-id')] = true; });
      clear(picker);
      boards.filter(function (b) { return !taken[String(b.id)]; }).forEach(function (b) {
        append(picker, h('option', { value: String(b.id), text: b.name + ' (board ' + b.id + ')' }));
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
    var empty = h('p', { class: 'ct-empty', text: 'No board is restricted: every board is readable by everyone, and writable by administrators once permissions are enabled.' });

    var others = h('tbody', null, GRANTS.map(function (g) {
      return h('tr', { 'data-testid': 'grant-' + g.id },
        h('th', { scope: 'row' }, h('div', { class: 'ct-name', text: g.label }), h('div', { class: 'ct-sub', text: g.help })),
        h('td', null, grantInputs(g.id, doc[g.id], false)[0]),
        h('td', null, grantInputs(g.id, doc[g.id], false)[1]));
    }));

    var save = h('button', { type: 'submit', class: 'aui-button aui-button-primary', 'data-testid': 'save-permissions' }, 'Save permissions');
    append(form,
      h('div', { class: 'ct-pane-flash' }),
      formMessage(),
      h('section', { class: 'ct-section' },
        sectionHead('Access', 'Revision ' + doc.revision),
        h('div', { class: 'field-group ct-field ct-toggle', 'data-field': 'enabled' },
          h('div', { class: 'checkbox' }, enabled, h('label', { for: 'ct-perm-enabled', text: 'Enable Capacity Tracker permissions' })),
          h('div', { class: 'description', text: 'Off: every logged-in user may plan every board\'s capacity (Jira\'s own board permissions still decide who sees a board). ' +
            'On: administrators may do everything; a board without restrictions is readable by all and writable by administrators only; write implies read.' }),
          h('div', { class: 'error ct-field-error', hidden: true }))),
      h('section', { class: 'ct-section' },
        sectionHead('Boards', 'Read: see the board\'s capacity. Write: change its settings, team and sprints.',
          h('div', { class: 'ct-picker' }, h('label', { for: 'ct-perm-board', class: 'assistive', text: 'Board' }), picker, addBoard)),
        h('table', { class: 'aui ct-table ct-grant-table' },
          h('thead', null, h('tr', null, h('th', { scope: 'col', text: 'Board' }), h('th', { scope: 'col', text: 'Read' }),
            h('th', { scope: 'col', text: 'Write' }), h('th', { scope: 'col' }, h('span', { class: 'assistive', text: 'Actions' })))),
          rows),
        empty),
      h('section', { class: 'ct-section' },
        sectionHead('Shared settings'),
        h('table', { class: 'aui ct-table ct-grant-table' },
          h('thead', null, h('tr', null, h('th', { scope: 'col', text: 'Permission' }), h('th', { scope: 'col', text: 'Users' }), h('th', { scope: 'col', text: 'Groups' }))),
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
        flash(pane, 'success', 'Permissions saved', stored.enabled ? 'Permissions are enabled.' : 'Permissions are disabled: everyone logged in may use Capacity Tracker.', 'permissions-saved');
      }, function (err) {
        setBusy(form, false);
        showError(form, err, 'The permissions were not saved');
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
    append(summary, h('p', null, button('Load the saved version', {
      class: 'aui-button aui-button-link', 'data-testid': 'reload-after-conflict',
      onclick: function () { self.reload(tab); }
    }), ' (your changes here are discarded)'));
  };

  // ---------------------------------------------------------------- shared documents: lists

  /** A list of {id,name} documents with edit and delete, and a create button. */
  Admin.prototype.renderDocList = function (pane, kind, list, onEdit) {
    var self = this;
    var table = h('table', { class: 'aui ct-table', 'data-testid': kind.id + '-list' },
      h('thead', null, h('tr', null, h('th', { scope: 'col', text: 'Name' }), h('th', { scope: 'col', text: 'Id' }),
        h('th', { scope: 'col' }, h('span', { class: 'assistive', text: 'Actions' })))));
    var body = h('tbody');
    list.forEach(function (d) {
      var edit = button('Edit', { class: 'aui-button aui-button-link', 'data-testid': 'edit-' + kind.id });
      var del = button('Delete', { class: 'aui-button aui-button-link ct-danger-link', 'data-testid': 'delete-' + kind.id });
      edit.addEventListener('click', function () { onEdit(d.id); });
      del.addEventListener('click', function () {
        confirmDialog({
          title: 'Delete ' + kind.one + ' "' + d.name + '"?',
          body: h('p', { text: kind.deleteNote }),
          confirmLabel: 'Delete'
        }).then(function (yes) {
          if (!yes) return null;
          return self.api.del(REST + '/' + kind.path + '/' + enc(d.id)).then(function () {
            return self.reload(kind.tab).then(function () {
              flash(pane, 'success', kind.One + ' deleted', '"' + d.name + '" was deleted.', kind.id + '-deleted');
            });
          }, function (err) {
            flash(pane, 'error', 'The ' + kind.one + ' was not deleted', err.message, 'delete-error');
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
    id: 'template', one: 'template', One: 'Template', path: 'templates', tab: 'templates',
    none: 'No templates yet.',
    deleteNote: 'Boards the template was applied to keep their members. This cannot be undone.'
  };

  Admin.prototype.loadTemplates = function (pane) {
    var self = this;
    return this.api.get(REST + '/templates').then(function (list) {
      clear(pane);
      var create = button('Create template', { class: 'aui-button', 'data-testid': 'create-template' });
      create.addEventListener('click', function () { self.editTemplate(pane, null); });
      append(pane,
        h('div', { class: 'ct-pane-flash' }),
        h('section', { class: 'ct-section' },
          sectionHead('Team templates', 'A named team that board administrators apply to a board or a sprint, then adjust.', create),
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
    append(slot, loading('Loading the template…'));
    var load = id ? this.api.get(REST + '/templates/' + enc(id)) : Promise.resolve({ revision: 0, name: '', members: [] });
    return load.then(function (doc) {
      clear(slot);
      append(slot, self.templateForm(pane, id, doc));
      slot.scrollIntoView({ block: 'nearest' });
    }, function (err) {
      clear(slot);
      append(slot, message('error', 'The template could not be loaded', h('p', { text: err.message })));
    });
  };

  Admin.prototype.templateForm = function (pane, id, doc) {
    var self = this;
    var form = h('form', { class: 'aui ct-form ct-editor', 'data-testid': 'template-form', novalidate: true });
    var idInput = textInput('templateId', id || '', { 'data-testid': 'template-id', disabled: Boolean(id), placeholder: 'e.g. squad' });
    var nameInput = textInput('name', doc.name, { 'data-testid': 'template-name', placeholder: 'e.g. Squad' });
    var members = h('tbody', { 'data-testid': 'template-members' });

    function memberRow(m) {
      var row = h('tr', { 'data-testid': 'template-member' });
      var remove = button('Remove', { class: 'aui-button aui-button-link', 'data-testid': 'remove-template-member' });
      remove.addEventListener('click', function () { row.remove(); renumber(); });
      append(row,
        h('td', { 'data-col': 'accountKey' }, textInput('accountKey', m.accountKey, { 'data-testid': 'member-account-key', 'aria-label': 'Account key' })),
        h('td', { 'data-col': 'role' }, textInput('role', m.role, { 'data-testid': 'member-role', 'aria-label': 'Role', placeholder: 'e.g. Developer' })),
        h('td', { 'data-col': 'dailyCapacity' }, textInput('dailyCapacity', m.dailyCapacity, { inputmode: 'decimal', class: 'text ct-short', 'data-testid': 'member-daily-capacity', 'aria-label': 'Daily capacity' })),
        h('td', { 'data-col': 'allocation' }, textInput('allocation', m.allocation === undefined || m.allocation === null ? '' : m.allocation,
          { inputmode: 'decimal', class: 'text ct-short', placeholder: '100', 'data-testid': 'member-allocation', 'aria-label': 'Allocation in percent' })),
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
    var noMembers = h('p', { class: 'ct-empty', text: 'No members yet.' });
    (doc.members || []).forEach(function (m) { append(members, memberRow(m)); });
    var addMember = button('Add member', { 'data-testid': 'add-template-member' });
    addMember.addEventListener('click', function () {
      append(members, memberRow({}));
      renumber();
      members.lastChild.querySelector('input').focus();
    });
    var cancel = button('Cancel', { class: 'aui-button aui-button-link', 'data-testid': 'cancel-template' });
    cancel.addEventListener('click', function () { clear(form.parentNode); });

    append(form,
      h('div', { class: 'ct-editor-head' }, h('h3', { text: id ? 'Edit template "' + doc.name + '"' : 'New template' }),
        id ? h('span', { class: 'ct-hint', text: 'Revision ' + doc.revision }) : null),
      formMessage(),
      h('div', { class: 'ct-inline-fields' },
        field('Id', 'templateId', idInput, id ? 'The id cannot change.' : '1 to 60 letters, digits, - or _. Used in the REST API.'),
        field('Name', 'name', nameInput)),
      h('div', { 'data-field': 'members' },
        h('table', { class: 'aui ct-table ct-edit-table' },
          h('thead', null, h('tr', null,
            h('th', { scope: 'col', text: 'Account key' }), h('th', { scope: 'col', text: 'Role' }),
            h('th', { scope: 'col', text: 'Daily capacity' }), h('th', { scope: 'col', text: 'Allocation %' }),
            h('th', { scope: 'col', text: 'Own working days' }),
            h('th', { scope: 'col' }, h('span', { class: 'assistive', text: 'Actions' })))),
          members),
        noMembers,
        h('div', { class: 'description', text: 'Daily capacity is in the unit of the board the template is applied to (hours, or story points a day). ' +
          'Roles are matched by name. Without own working days, a member works the board\'s days.' }),
        h('div', { class: 'error ct-field-error', hidden: true })),
      h('div', { class: 'ct-add-row' }, addMember),
      h('div', { class: 'buttons-container' }, h('div', { class: 'buttons' },
        h('button', { type: 'submit', class: 'aui-button aui-button-primary', 'data-testid': 'save-template' }, 'Save template'), cancel)));
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
        showError(form, { field: 'templateId', message: 'templateId: give the template an id' });
        return;
      }
      setBusy(form, true);
      self.api.put(REST + '/templates/' + enc(templateId), next).then(function (stored) {
        return self.reload('templates').then(function () {
          flash(pane, 'success', 'Template saved', '"' + stored.name + '" is saved (revision ' + stored.revision + ').', 'template-saved');
        });
      }, function (err) {
        setBusy(form, false);
        showError(form, err, 'The template was not saved');
        if (err.status === 409) self.offerReload(form, 'templates');
      });
    });
    return form;
  };

  // ---------------------------------------------------------------- holiday calendars

  var CALENDAR_KIND = {
    id: 'calendar', one: 'holiday calendar', One: 'Holiday calendar', path: 'calendars', tab: 'calendars',
    none: 'No holiday calendars yet.',
    deleteNote: 'Boards that use this calendar lose its holidays; their reports warn that it is missing. This cannot be undone.'
  };

  Admin.prototype.loadCalendars = function (pane) {
    var self = this;
    return this.api.get(REST + '/calendars').then(function (list) {
      clear(pane);
      var create = button('Create calendar', { class: 'aui-button', 'data-testid': 'create-calendar' });
      create.addEventListener('click', function () { self.editCalendar(pane, null); });
      append(pane,
        h('div', { class: 'ct-pane-flash' }),
        h('section', { class: 'ct-section' },
          sectionHead('Holiday calendars', 'Public holidays shared by boards: a board that names a calendar adds its days to the board\'s own holidays.', create),
          self.renderDocList(pane, CALENDAR_KIND, list, function (id) { self.editCalendar(pane, id); })),
        h('div', { class: 'ct-editor-slot' }));
    });
  };

  Admin.prototype.editCalendar = function (pane, id) {
    var self = this;
    var slot = pane.querySelector('.ct-editor-slot');
    clear(slot);
    append(slot, loading('Loading the calendar…'));
    var load = id ? this.api.get(REST + '/calendars/' + enc(id)) : Promise.resolve({ revision: 0, name: '', dates: [], rules: [] });
    return load.then(function (doc) {
      clear(slot);
      append(slot, self.calendarForm(pane, id, doc));
      slot.scrollIntoView({ block: 'nearest' });
    }, function (err) {
      clear(slot);
      append(slot, message('error', 'The calendar could not be loaded', h('p', { text: err.message })));
    });
  };

  /** A rule in words, as stored: which day of the year it names (no date is worked out here). */
  function describeRule(r) {
    var weekday = (WEEKDAYS.filter(function (d) { return d.id === r.weekday; })[0] || {}).long || r.weekday;
    var month = MONTHS[r.month - 1] || ('month ' + r.month);
    var gap = '…';
    switch (r.type) {
      case 'fixed': return 'Every year on ' + (r.day === null || r.day === undefined ? gap : r.day) + ' ' + month;
      case 'nthWeekday': return 'Every year on the ' + ((ORDINALS.filter(function (o) { return o.n === r.n; })[0] || {}).label || String(r.n)).toLowerCase() + ' ' + weekday + ' of ' + month;
      case 'lastWeekday': return 'Every year on the last ' + weekday + ' of ' + month;
      case 'easter':
        if (r.offset === null || r.offset === undefined) return 'Every year, some days from Easter Sunday (' + gap + ')';
        if (r.offset === 0) return 'Every year on Easter Sunday';
        return 'Every year ' + Math.abs(r.offset) + (Math.abs(r.offset) === 1 ? ' day ' : ' days ') + (r.offset < 0 ? 'before' : 'after') + ' Easter Sunday';
      default: return r.type;
    }
  }

  function fractionSelect(name, value) {
    var v = value === undefined || value === null ? '1' : String(value);
    var options = FRACTIONS.slice();
    if (!options.some(function (o) { return o.value === v; })) options.push({ value: v, label: v + ' of a day' });
    return selectInput(name, options.map(function (o) { return { value: o.value, label: o.label }; }), v, { 'aria-label': 'Part of day' });
  }

  Admin.prototype.calendarForm = function (pane, id, doc) {
    var self = this;
    var form = h('form', { class: 'aui ct-form ct-editor', 'data-testid': 'calendar-form', novalidate: true });
    var idInput = textInput('calendarId', id || '', { 'data-testid': 'calendar-id', disabled: Boolean(id), placeholder: 'e.g. germany' });
    var nameInput = textInput('name', doc.name, { 'data-testid': 'calendar-name', placeholder: 'e.g. Germany' });
    var dates = h('tbody', { 'data-testid': 'calendar-dates' });
    var rules = h('tbody', { 'data-testid': 'calendar-rules' });

    function cell(col, input) {
      return h('td', { 'data-col': col, class: 'ct-cell-field' }, input, h('div', { class: 'error ct-field-error', 'data-testid': 'field-error', hidden: true }));
    }
    function dateRow(d) {
      var row = h('tr', { 'data-testid': 'calendar-date' });
      var remove = button('Remove', { class: 'aui-button aui-button-link', 'data-testid': 'remove-calendar-date' });
      remove.addEventListener('click', function () { row.remove(); renumber(); });
      append(row,
        cell('date', h('input', { class: 'text', type: 'date', name: 'date', value: d.date || '', 'aria-label': 'Date', 'data-testid': 'calendar-date-input' })),
        cell('name', textInput('name', d.name, { 'aria-label': 'Name', placeholder: 'e.g. Company day', 'data-testid': 'calendar-date-name' })),
        cell('fraction', fractionSelect('fraction', d.fraction)),
        h('td', { class: 'ct-actions' }, remove));
      return row;
    }
    function ruleRow(r) {
      var row = h('tr', { 'data-testid': 'calendar-rule' });
      var type = selectInput('type', RULE_TYPES.map(function (t) { return { value: t.id, label: t.label }; }), r.type || 'fixed', { 'aria-label': 'Kind of rule', 'data-testid': 'rule-type' });
      var name = textInput('name', r.name, { 'aria-label': 'Name', placeholder: 'e.g. Christmas Day', 'data-testid': 'rule-name' });
      var month = selectInput('month', MONTHS.map(function (m, i) { return { value: i + 1, label: m }; }), r.month || 1, { 'aria-label': 'Month', 'data-testid': 'rule-month' });
      var day = textInput('day', r.day === undefined ? '' : r.day, { inputmode: 'numeric', class: 'text ct-short', 'aria-label': 'Day of the month', 'data-testid': 'rule-day' });
      var n = selectInput('n', ORDINALS.map(function (o) { return { value: o.n, label: o.label }; }), r.n || 1, { 'aria-label': 'Which one', 'data-testid': 'rule-n' });
      var weekday = selectInput('weekday', WEEKDAYS.map(function (d) { return { value: d.id, label: d.long }; }), r.weekday || 'MON', { 'aria-label': 'Weekday', 'data-testid': 'rule-weekday' });
      var offset = textInput('offset', r.offset === undefined ? '' : r.offset, { inputmode: 'numeric', class: 'text ct-short', 'aria-label': 'Days from Easter Sunday (negative: before)', 'data-testid': 'rule-offset' });
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
      var remove = button('Remove', { class: 'aui-button aui-button-link', 'data-testid': 'remove-calendar-rule' });
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
    var noDates = h('p', { class: 'ct-empty', text: 'No single dates.' });
    var noRules = h('p', { class: 'ct-empty', text: 'No yearly rules.' });
    (doc.dates || []).forEach(function (d) { append(dates, dateRow(d)); });
    (doc.rules || []).forEach(function (r) { append(rules, ruleRow(r)); });
    var addDate = button('Add date', { 'data-testid': 'add-calendar-date' });
    addDate.addEventListener('click', function () { append(dates, dateRow({})); renumber(); dates.lastChild.querySelector('input').focus(); });
    var addRule = button('Add yearly rule', { 'data-testid': 'add-calendar-rule' });
    addRule.addEventListener('click', function () { append(rules, ruleRow({ type: 'fixed' })); renumber(); rules.lastChild.querySelector('input').focus(); });
    var cancel = button('Cancel', { class: 'aui-button aui-button-link', 'data-testid': 'cancel-calendar' });
    cancel.addEventListener('click', function () { clear(form.parentNode); });

    append(form,
      h('div', { class: 'ct-editor-head' }, h('h3', { text: id ? 'Edit calendar "' + doc.name + '"' : 'New holiday calendar' }),
        id ? h('span', { class: 'ct-hint', text: 'Revision ' + doc.revision }) : null),
      formMessage(),
      h('div', { class: 'ct-inline-fields' },
        field('Id', 'calendarId', idInput, id ? 'The id cannot change.' : '1 to 60 letters, digits, - or _. Boards name the calendar by this id.'),
        field('Name', 'name', nameInput)),
      h('h4', { text: 'Yearly rules' }),
      h('div', { 'data-field': 'rules' },
        h('table', { class: 'aui ct-table ct-edit-table' },
          h('thead', null, h('tr', null, h('th', { scope: 'col', text: 'Kind' }), h('th', { scope: 'col', text: 'Name' }),
            h('th', { scope: 'col', text: 'When' }), h('th', { scope: 'col', text: 'Part of day' }),
            h('th', { scope: 'col' }, h('span', { class: 'assistive', text: 'Actions' })))),
          rules),
        noRules, h('div', { class: 'error ct-field-error', hidden: true })),
      h('div', { class: 'ct-add-row' }, addRule),
      h('h4', { text: 'Single dates' }),
      h('div', { 'data-field': 'dates' },
        h('table', { class: 'aui ct-table ct-edit-table' },
          h('thead', null, h('tr', null, h('th', { scope: 'col', text: 'Date' }), h('th', { scope: 'col', text: 'Name' }),
            h('th', { scope: 'col', text: 'Part of day' }), h('th', { scope: 'col' }, h('span', { class: 'assistive', text: 'Actions' })))),
          dates),
        noDates, h('div', { class: 'error ct-field-error', hidden: true })),
      h('div', { class: 'ct-add-row' }, addDate),
      h('div', { class: 'buttons-container' }, h('div', { class: 'buttons' },
        h('button', { type: 'submit', class: 'aui-button aui-button-primary', 'data-testid': 'save-calendar' }, 'Save calendar'), cancel)));
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
        showError(form, { field: 'calendarId', message: 'calendarId: give the calendar an id' });
        return;
      }
      setBusy(form, true);
      self.api.put(REST + '/calendars/' + enc(calendarId), next).then(function (stored) {
        return self.reload('calendars').then(function () {
          flash(pane, 'success', 'Holiday calendar saved', '"' + stored.name + '" is saved (revision ' + stored.revision + ').', 'calendar-saved');
        });
      }, function (err) {
        setBusy(form, false);
        showError(form, err, 'The calendar was not saved');
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
      h('span', { class: 'aui-icon aui-icon-small aui-iconfont-download' }), ' Download export');
    var file = h('input', { type: 'file', class: 'upfile', name: 'file', accept: 'application/json,.json', 'data-testid': 'import-file' });
    var modes = h('div', { class: 'field-group ct-field ct-radio-group', role: 'radiogroup', 'aria-labelledby': 'ct-import-mode-label', 'data-field': 'mode' },
      h('div', { class: 'ct-group-label', id: 'ct-import-mode-label', text: 'How to import' }),
      [{ id: 'merge', label: 'Merge', help: 'Write what is missing here, leave what is equal, and list what differs without overwriting it.' },
        { id: 'empty', label: 'Into an empty instance', help: 'Refused when Capacity Tracker here already holds data: for moving to a new Jira.' }].map(function (m, i) {
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
      field('Export file', 'export', file, 'A file downloaded with "Download export" here or on another Jira instance.'),
      modes,
      h('div', { class: 'buttons-container' }, h('div', { class: 'buttons' },
        h('button', { type: 'submit', class: 'aui-button aui-button-primary', 'data-testid': 'import-submit' }, 'Import'))));
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      resetErrors(form);
      clear(result);
      var chosen = file.files && file.files[0];
      if (!chosen) {
        showError(form, { field: 'export', message: 'export: choose an export file' }, 'Nothing imported');
        return;
      }
      var mode = form.querySelector('input[name="mode"]:checked').value;
      setBusy(form, true);
      chosen.text().then(function (text) {
        var parsed;
        try { parsed = JSON.parse(text); } catch (err) {
          throw new ApiError(400, { field: 'export', message: 'export: the file is not JSON (' + err.message + ')' });
        }
        return self.api.post(REST + '/admin/import', { mode: mode, export: parsed });
      }).then(function (res) {
        setBusy(form, false);
        append(result, self.importResult(res));
      }, function (err) {
        setBusy(form, false);
        showError(form, err, 'Nothing was imported');
      });
    });
    append(pane,
      h('section', { class: 'ct-section' },
        sectionHead('Export', 'Every board\'s settings, days off, sprint teams, templates, calendars, report definitions and permissions, as one JSON file.'),
        h('p', null, download)),
      h('section', { class: 'ct-section' },
        sectionHead('Import', 'Every document in the file is checked before any is written: an invalid file changes nothing.'),
        form, result));
  };

  Admin.prototype.importResult = function (res) {
    function list(items, testid, render) {
      return h('ul', { class: 'ct-doc-list', 'data-testid': testid }, items.map(function (x) { return h('li', null, render(x)); }));
    }
    var code = function (x) { return h('code', { text: x }); };
    return h('div', { class: 'ct-section' },
      message(res.conflicts.length ? 'warning' : 'success', res.conflicts.length ? 'Imported, with documents left as they were' : 'Imported',
        h('p', { text: res.written.length + ' written, ' + res.unchanged.length + ' unchanged, ' + res.conflicts.length + ' in conflict.' }),
        { 'data-testid': 'import-summary' }),
      h('div', { class: 'ct-import-columns' },
        h('div', null, h('h4', { text: 'Written' }), res.written.length ? list(res.written, 'import-written', code) : h('p', { class: 'ct-empty', text: 'None.' })),
        h('div', null, h('h4', { text: 'Unchanged' }), res.unchanged.length ? list(res.unchanged, 'import-unchanged', code) : h('p', { class: 'ct-empty', text: 'None.' })),
        h('div', null, h('h4', { text: 'Conflicts (not overwritten)' }), res.conflicts.length ? list(res.conflicts, 'import-conflicts', function (c) {
          return [code(c.document), ' ', h('span', { class: 'ct-sub', text: c.reason })];
        }) : h('p', { class: 'ct-empty', text: 'None.' }))));
  };

  // ---------------------------------------------------------------- personal data

  Admin.prototype.loadPrivacy = function (pane) {
    var self = this;
    return this.api.get(REST + '/admin/inventory').then(function (inventory) {
      clear(pane);
      var keyInput = textInput('accountKey', '', { 'data-testid': 'person-key', placeholder: 'e.g. JIRAUSER10100 or alice', autocomplete: 'off' });
      var person = h('div', { class: 'ct-person', 'data-testid': 'person' });
      var form = h('form', { class: 'aui ct-form ct-person-form', 'data-testid': 'person-form', novalidate: true },
        formMessage(),
        field('Account key', 'accountKey', h('div', { class: 'ct-input-row' }, keyInput,
          h('button', { type: 'submit', class: 'aui-button', 'data-testid': 'person-lookup' }, 'Show stored data')),
        'The person\'s Jira user key, as boards store it.'));
      form.addEventListener('submit', function (e) {
        e.preventDefault();
        var key = keyInput.value.trim();
        resetErrors(form);
        clear(person);
        if (!key) {
          showError(form, { field: 'accountKey', message: 'accountKey: enter an account key' }, 'Nothing to show');
          return;
        }
        setBusy(form, true);
        self.api.get(REST + '/admin/people/' + enc(key)).then(function (data) {
          setBusy(form, false);
          append(person, self.renderPerson(pane, data));
        }, function (err) {
          setBusy(form, false);
          showError(form, err, 'The data could not be read');
        });
      });
      append(pane,
        h('div', { class: 'ct-pane-flash' }),
        h('section', { class: 'ct-section' },
          sectionHead('What Capacity Tracker stores about people', inventory.people + (inventory.people === 1 ? ' person' : ' people') + ' named in stored data'),
          self.renderInventory(inventory)),
        h('section', { class: 'ct-section' },
          sectionHead('A person\'s data', 'Export everything stored about one person, or erase them from every document.'),
          form, person));
    });
  };

  Admin.prototype.renderInventory = function (inventory) {
    var body = h('tbody', null, inventory.categories.map(function (c) {
      var count = c.documents !== undefined ? c.documents + (c.documents === 1 ? ' document' : ' documents')
        : c.entries + (c.entries === 1 ? ' entry' : ' entries');
      return h('tr', { 'data-testid': 'inventory-row', 'data-category': c.category },
        h('th', { scope: 'row', text: CATEGORY_LABELS[c.category] || c.category }),
        h('td', null, c.fields.map(function (f, i) { return [i ? ', ' : null, h('code', { text: f })]; })),
        h('td', { text: c.where }),
        h('td', { class: 'ct-num', text: count }));
    }));
    return h('div', { 'data-testid': 'inventory' },
      h('table', { class: 'aui ct-table' },
        h('thead', null, h('tr', null, h('th', { scope: 'col', text: 'Category' }), h('th', { scope: 'col', text: 'Fields' }),
          h('th', { scope: 'col', text: 'Where' }), h('th', { scope: 'col', class: 'ct-num', text: 'Stored' }))),
        body),
      h('p', { class: 'ct-hint ct-not-stored', text: inventory.notStored }));
  };

  function memberSummary(m) {
    if (!m) return '';
    var parts = [];
    if (m.dailyCapacity !== undefined) parts.push('daily capacity ' + m.dailyCapacity);
    if (m.allocation !== undefined && m.allocation !== null) parts.push('allocation ' + m.allocation + ' %');
    if (m.workingWeekdays) parts.push('works ' + m.workingWeekdays.join(', '));
    if (m.activeFrom) parts.push('from ' + m.activeFrom);
    if (m.activeTo) parts.push('to ' + m.activeTo);
    if (m.action) parts.unshift(m.action);
    if (m.role) parts.push('role ' + m.role);
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
      rows.push(h('tr', { 'data-testid': 'person-item', 'data-kind': 'board' }, h('th', { scope: 'row', text: 'Board ' + b.boardId }),
        h('td', { text: 'Member' + (b.role ? ' as ' + b.role : '') }), h('td', { text: memberSummary(b.member) })));
    });
    if (data.daysOff) {
      rows.push(h('tr', { 'data-testid': 'person-item', 'data-kind': 'daysOff' }, h('th', { scope: 'row', text: 'Days off' }),
        h('td', { text: data.daysOff.ranges.length + (data.daysOff.ranges.length === 1 ? ' range' : ' ranges') }),
        h('td', { text: data.daysOff.ranges.map(function (r) { return r.start === r.end ? r.start : r.start + ' to ' + r.end; }).join(', ') })));
    }
    data.iterations.forEach(function (it) {
      rows.push(h('tr', { 'data-testid': 'person-item', 'data-kind': 'iteration' }, h('th', { scope: 'row', text: 'Board ' + it.boardId + ', sprint ' + it.iterationId }),
        h('td', { text: 'Sprint team change' }), h('td', { text: memberSummary(it.change) })));
    });
    data.templates.forEach(function (t) {
      rows.push(h('tr', { 'data-testid': 'person-item', 'data-kind': 'template' }, h('th', { scope: 'row', text: 'Template ' + t.templateId }),
        h('td', { text: 'Member' }), h('td', { text: memberSummary(t.member) })));
    });
    data.permissions.forEach(function (p) {
      rows.push(h('tr', { 'data-testid': 'person-item', 'data-kind': 'permission' }, h('th', { scope: 'row', text: 'Permissions' }),
        h('td', { text: 'Named in a list' }), h('td', null, h('code', { text: p }))));
    });
    var erase = button('Erase this person', { class: 'aui-button ct-danger', 'data-testid': 'erase-person', disabled: nothing });
    erase.addEventListener('click', function () {
      confirmDialog({
        title: 'Erase ' + key + ' from Capacity Tracker?',
        body: [h('p', { text: 'Removes ' + key + ' from every board, sprint team, template and permission list, and deletes their days off. ' +
          'Other people\'s data is untouched. This cannot be undone.' }),
        h('p', { class: 'ct-hint', text: 'Download the export first if the person asked for a copy.' })],
        confirmLabel: 'Erase'
      }).then(function (yes) {
        if (!yes) return null;
        erase.disabled = true;
        return self.api.del(REST + '/admin/people/' + enc(key)).then(function (removed) {
          return self.reload('privacy').then(function () {
            flash(pane, 'success', key + ' was erased', null, 'person-erased');
            var slot = pane.querySelector('.ct-pane-flash .aui-message');
            append(slot, self.renderRemoved(removed));
          });
        }, function (err) {
          erase.disabled = false;
          flash(pane, 'error', key + ' was not erased', err.message, 'erase-error');
        });
      });
    });
    return h('div', { class: 'ct-person-data', 'data-account-key': key },
      h('h3', { text: 'Stored about ' + key }),
      nothing ? message('info', 'Nothing is stored about ' + key, h('p', { text: 'No board, days off, sprint team, template or permission names this account key.' }), { 'data-testid': 'person-nothing' })
        : h('table', { class: 'aui ct-table', 'data-testid': 'person-items' },
          h('thead', null, h('tr', null, h('th', { scope: 'col', text: 'Where' }), h('th', { scope: 'col', text: 'What' }), h('th', { scope: 'col', text: 'Details' }))),
          h('tbody', null, rows)),
      h('details', { class: 'ct-json' }, h('summary', { text: 'The export as JSON' }),
        h('pre', { class: 'ct-json-text', 'data-testid': 'person-json', text: pretty })),
      h('div', { class: 'ct-person-actions' },
        h('a', { class: 'aui-button', href: blobUrl, download: 'capacity-tracker-' + key + '.json', 'data-testid': 'person-download' },
          h('span', { class: 'aui-icon aui-icon-small aui-iconfont-download' }), ' Download'),
        erase));
  };

  Admin.prototype.renderRemoved = function (removed) {
    var lines = [];
    if (removed.boards.length) lines.push('Removed from boards: ' + removed.boards.join(', '));
    if (removed.daysOff) lines.push('Days off deleted');
    if (removed.iterations.length) lines.push('Removed from sprint teams: ' + removed.iterations.join(', '));
    if (removed.templates.length) lines.push('Removed from templates: ' + removed.templates.join(', '));
    if (removed.permissions.length) lines.push('Removed from permission lists: ' + removed.permissions.join(', '));
    if (!lines.length) lines.push('Nothing was stored about this person.');
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
