/*
 * Capacity Tracker administration page (Jira administrators only): the tabs, the engine's
 * health line, and the list of shared documents the templates and calendars tabs use.
 * Each tab's file adds its methods to Admin.prototype.
 */
(function (layer, define) {
  var CT = globalThis.CapacityTracker = globalThis.CapacityTracker || {};
  var exported = define(CT);
  CT[layer] = Object.assign(CT[layer] || {}, exported);
  if (typeof module === 'object' && module && module.exports) module.exports = exported;
}('admin', function (CT) {
  'use strict';

  var kit = CT.kit;
  var Api = kit.Api, append = kit.append, clear = kit.clear, enc = kit.enc, h = kit.h, message = kit.message;
  var button = CT.admin.button, confirmDialog = CT.admin.confirmDialog, loading = CT.admin.loading,
      lozenge = CT.admin.lozenge;

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
        // Linux only: the oldest glibc the library runs on, for an admin checking an old node.
        v.glibcFloor ? h('span', { 'data-testid': 'health-glibc', text: AJS.I18n.getText('capacity-tracker.js.admin.health.glibc', v.glibcFloor) }) : null,
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

  return {
    Admin: Admin, CATEGORY_LABELS: CATEGORY_LABELS, FRACTIONS: FRACTIONS, GRANTS: GRANTS, MONTHS: MONTHS,
    ORDINALS: ORDINALS, REST: REST, RULE_TYPES: RULE_TYPES, WEEKDAYS: WEEKDAYS, flash: flash, sectionHead: sectionHead
  };
}));
