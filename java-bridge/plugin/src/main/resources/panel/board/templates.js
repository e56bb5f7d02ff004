/*
 * Capacity Tracker board page: applying a shared team template to the board or sprint.
 */
(function (layer, define) {
  var CT = globalThis.CapacityTracker = globalThis.CapacityTracker || {};
  var exported = define(CT);
  CT[layer] = Object.assign(CT[layer] || {}, exported);
  if (typeof module === 'object' && module && module.exports) module.exports = exported;
}('board', function (CT) {
  'use strict';

  var kit = CT.kit;
  var append = kit.append, aroundNode = kit.aroundNode, enc = kit.enc, fieldGroup = kit.fieldGroup, h = kit.h,
      message = kit.message, radioOption = kit.radioOption, setBusy = kit.setBusy, showFormError = kit.showFormError;
  var Panel = CT.board.Panel;

  Panel.prototype.toggleTemplateBox = function () {
    var self = this;
    if (this.templateBox) {
      this.templateBox = null;
      this.render();
      return;
    }
    this.copyConfirm = false;
    this.adding = null;
    this.editing = null;
    var box = this.templateBox = { loading: true, templates: [], error: null, chosen: null, details: {}, scope: 'sprint', result: null };
    this.render();
    this.api.get('/rest/capacity/1.0/templates').then(function (list) {
      box.templates = (list || []).slice().sort(function (a, b) { return String(a.name).localeCompare(String(b.name)); });
      box.chosen = box.templates.length ? box.templates[0].id : null;
      box.loading = false;
      return box.chosen ? self.loadTemplateDetails(box, box.chosen) : null;
    }, function (err) {
      box.loading = false;
      box.error = err;
    }).then(function () { if (self.templateBox === box) self.render(); });
  };

  Panel.prototype.loadTemplateDetails = function (box, id) {
    if (box.details[id]) return Promise.resolve(box.details[id]);
    return this.api.get('/rest/capacity/1.0/templates/' + enc(id)).then(function (doc) {
      box.details[id] = doc;
      return doc;
    }, function () { return null; });
  };

  Panel.prototype.renderTemplateBox = function () {
    var self = this;
    var box = this.templateBox;
    var wrap = h('div', { class: 'ct-editor ct-template-box', 'data-testid': 'template-box', role: 'region', 'aria-label': AJS.I18n.getText('capacity-tracker.js.panel.apply-a-template') },
      h('div', { class: 'ct-editor-head' },
        h('h3', { text: AJS.I18n.getText('capacity-tracker.js.panel.apply-a-team-template') }),
        h('button', { type: 'button', class: 'aui-button aui-button-subtle ct-close-editor', 'aria-label': AJS.I18n.getText('capacity-tracker.js.panel.close'), title: AJS.I18n.getText('capacity-tracker.js.panel.close'), text: '\u00d7',
          onclick: function () { self.toggleTemplateBox(); } })),
      h('p', { class: 'ct-hint ct-template-intro', text: AJS.I18n.getText('capacity-tracker.js.panel.adds-the-templates-people-and-gives') }));
    if (box.result) append(wrap, this.renderTemplateResult(box.result));
    if (box.loading) {
      append(wrap, h('div', { class: 'ct-loading ct-loading-inline', role: 'status' },
        h('div', { class: 'aui-progress-indicator' }, h('span', { class: 'aui-progress-indicator-value' })), h('p', { text: AJS.I18n.getText('capacity-tracker.js.panel.loading-templates') })));
      return wrap;
    }
    if (box.error) {
      append(wrap, message('error', AJS.I18n.getText('capacity-tracker.js.panel.the-templates-could-not-be-loaded'), h('p', { text: box.error.message })));
      return wrap;
    }
    if (!box.templates.length) {
      append(wrap, message('info', AJS.I18n.getText('capacity-tracker.js.panel.there-are-no-templates-yet'), h('p', null, aroundNode(AJS.I18n.getText('capacity-tracker.js.panel.templates.kept-in-admin', '\u0001'),
        h('a', { href: this.contextPath + '/plugins/servlet/capacity-tracker?view=admin', text: AJS.I18n.getText('capacity-tracker.js.panel.capacity-tracker-administration') }))),
        { 'data-testid': 'no-templates' }));
      return wrap;
    }
    var select = h('select', { class: 'select', id: 'ct-template', name: 'templateId', 'data-testid': 'template-select' },
      box.templates.map(function (t) { return h('option', { value: t.id, text: t.name }); }));
    select.value = box.chosen;
    select.addEventListener('change', function () {
      box.chosen = select.value;
      self.loadTemplateDetails(box, box.chosen).then(function () { if (self.templateBox === box) self.render(); });
    });
    var scopeSprint = h('input', { type: 'radio', class: 'radio', name: 'templateScope', value: 'sprint', id: 'ct-template-scope-sprint',
      checked: box.scope === 'sprint', 'data-testid': 'template-scope-sprint', onchange: function () { box.scope = 'sprint'; } });
    var scopeBoard = h('input', { type: 'radio', class: 'radio', name: 'templateScope', value: 'board', id: 'ct-template-scope-board',
      checked: box.scope === 'board', 'data-testid': 'template-scope-board', onchange: function () { box.scope = 'board'; } });
    var details = box.details[box.chosen];
    var preview = null;
    if (details && details.members) {
      preview = h('table', { class: 'aui ct-table ct-template-preview', 'data-testid': 'template-preview' },
        h('thead', null, h('tr', null, h('th', { text: AJS.I18n.getText('capacity-tracker.js.panel.person') }), h('th', { text: AJS.I18n.getText('capacity-tracker.js.panel.role') }), h('th', { class: 'ct-num', text: AJS.I18n.getText('capacity-tracker.js.panel.daily-capacity') }), h('th', { class: 'ct-num', text: AJS.I18n.getText('capacity-tracker.js.panel.allocation') }))),
        h('tbody', null, details.members.map(function (m) {
          return h('tr', null, h('td', { text: self.displayName(m.accountKey) + (self.displayName(m.accountKey) !== m.accountKey ? ' (' + m.accountKey + ')' : '') }),
            h('td', { text: m.role }), h('td', { class: 'ct-num', text: self.settings && self.settings.unit === 'storyPoints' ? AJS.I18n.getText('capacity-tracker.js.panel.quantity.points', m.dailyCapacity) : AJS.I18n.getText('capacity-tracker.js.panel.quantity.hours', m.dailyCapacity) }),
            h('td', { class: 'ct-num', text: (m.allocation === undefined || m.allocation === null ? '—' : m.allocation + '%') }));
        })));
    }
    var form = h('form', { class: 'aui ct-form', novalidate: true, 'data-testid': 'template-form',
      onsubmit: function (e) { e.preventDefault(); self.applyTemplate(form, box); } },
      h('div', { class: 'ct-form-message' }),
      h('div', { class: 'ct-template-grid' },
        h('div', null,
          fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.template'), 'ct-template', select),
          h('fieldset', { class: 'group ct-scope' },
            h('legend', null, h('span', { text: AJS.I18n.getText('capacity-tracker.js.panel.apply-to') })),
            radioOption(scopeSprint, AJS.I18n.getText('capacity-tracker.js.panel.scope.sprint-only', this.sprint.name)),
            radioOption(scopeBoard, AJS.I18n.getText('capacity-tracker.js.panel.the-boards-team-for-every-sprint')))),
        h('div', { class: 'ct-template-members' }, preview)),
      h('div', { class: 'buttons-container' }, h('div', { class: 'buttons' },
        h('button', { type: 'submit', class: 'aui-button aui-button-primary', 'data-testid': 'apply-template' }, AJS.I18n.getText('capacity-tracker.js.panel.apply-template')),
        h('button', { type: 'button', class: 'aui-button aui-button-link', onclick: function () { self.toggleTemplateBox(); } }, AJS.I18n.getText('capacity-tracker.js.panel.cancel')))));
    append(wrap, form);
    return wrap;
  };

  Panel.prototype.applyTemplate = function (form, box) {
    var self = this;
    var sprintScope = box.scope === 'sprint';
    var sprint = this.sprint;
    var body = { templateId: box.chosen, revision: sprintScope ? (this.team ? this.team.revision : 0) : this.settings.revision };
    if (sprintScope) body.iterationId = String(sprint.id);
    var template = box.templates.filter(function (t) { return t.id === box.chosen; })[0];
    setBusy(form, true);
    this.api.post('/rest/capacity/1.0/boards/' + enc(this.boardId) + '/apply-template', body).then(function (res) {
      if (sprintScope) self.team = res.document;
      else self.settings = res.document;
      box.result = { name: template ? template.name : box.chosen, scope: sprintScope ? AJS.I18n.getText('capacity-tracker.js.panel.scope.sprint-only', sprint.name) : AJS.I18n.getText('capacity-tracker.js.panel.the-boards-team'),
        added: res.added || [], changed: res.changed || [], unchanged: res.unchanged || [], leftAlone: res.leftAlone || [] };
      return self.refreshAfterWrite();
    }, function (err) {
      if (err.status === 409) {
        return Promise.all([self.loadSettings(), self.loadTeam(sprint.id)]).then(function () {
          self.flash = { kind: 'warning', title: AJS.I18n.getText('capacity-tracker.js.panel.reloaded'), text: AJS.I18n.getText('capacity-tracker.js.panel.the-team-was-changed-by-someone') };
          self.renderFlash();
          return self.refreshAfterWrite();
        });
      }
      setBusy(form, false);
      showFormError(form, err, function (field) { return field === 'templateId' ? 'templateId' : null; });
      return null;
    }).catch(function (err) { self.showLoadError(err); });
  };

  Panel.prototype.renderTemplateResult = function (result) {
    var self = this;
    function line(label, keys, testid, help) {
      return h('div', { class: 'ct-result-line', 'data-testid': testid, 'data-keys': keys.join(',') },
        h('dt', { text: label + ' (' + keys.length + ')' }),
        h('dd', { title: help, text: keys.length ? keys.map(function (k) { return self.displayName(k); }).join(', ') : AJS.I18n.getText('capacity-tracker.js.panel.template.nobody') }));
    }
    return message('success', AJS.I18n.getText('capacity-tracker.js.panel.template.applied', result.name, result.scope),
      h('dl', { class: 'ct-result-list' },
        line(AJS.I18n.getText('capacity-tracker.js.panel.added'), result.added, 'template-added', AJS.I18n.getText('capacity-tracker.js.panel.new-to-the-team')),
        line(AJS.I18n.getText('capacity-tracker.js.panel.changed'), result.changed, 'template-changed', AJS.I18n.getText('capacity-tracker.js.panel.now-with-the-templates-role-and')),
        line(AJS.I18n.getText('capacity-tracker.js.panel.unchanged'), result.unchanged, 'template-unchanged', AJS.I18n.getText('capacity-tracker.js.panel.already-as-in-the-template')),
        line(AJS.I18n.getText('capacity-tracker.js.panel.left-alone'), result.leftAlone, 'template-left-alone', AJS.I18n.getText('capacity-tracker.js.panel.on-the-team-but-not-in'))),
      { 'data-testid': 'template-result' });
  };

  return {};
}));
