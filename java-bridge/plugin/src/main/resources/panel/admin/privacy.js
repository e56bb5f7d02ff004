/*
 * Capacity Tracker administration page: personal data (what is stored about a person,
 * and removing it).
 */
(function (layer, define) {
  var CT = globalThis.CapacityTracker = globalThis.CapacityTracker || {};
  var exported = define(CT);
  CT[layer] = Object.assign(CT[layer] || {}, exported);
  if (typeof module === 'object' && module && module.exports) module.exports = exported;
}('admin', function (CT) {
  'use strict';

  var kit = CT.kit;
  var append = kit.append, clear = kit.clear, enc = kit.enc, h = kit.h, message = kit.message;
  var Admin = CT.admin.Admin, CATEGORY_LABELS = CT.admin.CATEGORY_LABELS, REST = CT.admin.REST,
      button = CT.admin.button, confirmDialog = CT.admin.confirmDialog, field = CT.admin.field,
      flash = CT.admin.flash, formMessage = CT.admin.formMessage, resetErrors = CT.admin.resetErrors,
      sectionHead = CT.admin.sectionHead, setBusy = CT.admin.setBusy, showError = CT.admin.showError,
      textInput = CT.admin.textInput;

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

  return {};
}));
