/*
 * Capacity Tracker administration page: shared team templates.
 */
(function (layer, define) {
  var CT = globalThis.CapacityTracker = globalThis.CapacityTracker || {};
  var exported = define(CT);
  CT[layer] = Object.assign(CT[layer] || {}, exported);
  if (typeof module === 'object' && module && module.exports) module.exports = exported;
}('admin', function (CT) {
  'use strict';

  var kit = CT.kit;
  var append = kit.append, clear = kit.clear, enc = kit.enc, h = kit.h, message = kit.message, pickerField = kit.pickerField;
  var Admin = CT.admin.Admin, REST = CT.admin.REST, WEEKDAYS = CT.admin.WEEKDAYS, button = CT.admin.button,
      field = CT.admin.field, flash = CT.admin.flash, formMessage = CT.admin.formMessage, loading = CT.admin.loading,
      numberOrNull = CT.admin.numberOrNull, resetErrors = CT.admin.resetErrors, sectionHead = CT.admin.sectionHead,
      setBusy = CT.admin.setBusy, showError = CT.admin.showError, textInput = CT.admin.textInput, nextUid = CT.admin.nextUid;

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
      var id = 'ct-admin-' + nextUid();
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
        h('td', { 'data-col': 'accountKey' }, pickerField(textInput('accountKey', m.accountKey, { 'data-testid': 'member-account-key', 'aria-label': AJS.I18n.getText('capacity-tracker.js.admin.account-key'), placeholder: AJS.I18n.getText('capacity-tracker.js.admin.template.member-placeholder') }), self.api, 'user', false)),
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

  return {};
}));
