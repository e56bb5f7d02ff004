/*
 * Capacity Tracker administration page: the permissions tab.
 */
(function (layer, define) {
  var CT = globalThis.CapacityTracker = globalThis.CapacityTracker || {};
  var exported = define(CT);
  CT[layer] = Object.assign(CT[layer] || {}, exported);
  if (typeof module === 'object' && module && module.exports) module.exports = exported;
}('admin', function (CT) {
  'use strict';

  var kit = CT.kit;
  var append = kit.append, clear = kit.clear, h = kit.h, pickerField = kit.pickerField;
  var Admin = CT.admin.Admin, GRANTS = CT.admin.GRANTS, REST = CT.admin.REST, button = CT.admin.button,
      field = CT.admin.field, flash = CT.admin.flash, formMessage = CT.admin.formMessage,
      resetErrors = CT.admin.resetErrors, sectionHead = CT.admin.sectionHead, setBusy = CT.admin.setBusy,
      showError = CT.admin.showError, splitList = CT.admin.splitList, textInput = CT.admin.textInput;

  Admin.prototype.loadPermissions = function (pane) {
    var self = this;
    return Promise.all([this.api.get(REST + '/admin/permissions'), this.loadBoards()]).then(function (res) {
      self.renderPermissions(pane, res[0], res[1]);
    });
  };

  /**
   * A grant's two lists, each a picker over Jira's users or groups that still holds keys or
   * names as text; `labelled` false where the table's column heads already say which is which.
   */
  function grantInputs(api, path, grant, labelled) {
    grant = grant || {};
    var extra = labelled ? null : { class: 'field-group ct-field ct-label-hidden' };
    return [
      field(AJS.I18n.getText('capacity-tracker.js.admin.users'), path + '.users', pickerField(textInput(path + '.users', (grant.users || []).join(', '), { 'data-testid': path + '.users', placeholder: AJS.I18n.getText('capacity-tracker.js.admin.account-keys-comma-separated') }), api, 'user', true), null, extra),
      field(AJS.I18n.getText('capacity-tracker.js.admin.groups'), path + '.groups', pickerField(textInput(path + '.groups', (grant.groups || []).join(', '), { 'data-testid': path + '.groups', placeholder: AJS.I18n.getText('capacity-tracker.js.admin.group-names-comma-separated') }), api, 'group', true), null, extra)
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
        h('td', null, grantInputs(self.api, path + '.read', grants.read, true)),
        h('td', null, grantInputs(self.api, path + '.write', grants.write, true)),
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
        h('td', null, grantInputs(self.api, g.id, doc[g.id], false)[0]),
        h('td', null, grantInputs(self.api, g.id, doc[g.id], false)[1]));
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

  return {};
}));
