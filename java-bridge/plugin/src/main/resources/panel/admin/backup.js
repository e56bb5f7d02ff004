/*
 * Capacity Tracker administration page: backup export and import.
 */
(function (layer, define) {
  var CT = globalThis.CapacityTracker = globalThis.CapacityTracker || {};
  var exported = define(CT);
  CT[layer] = Object.assign(CT[layer] || {}, exported);
  if (typeof module === 'object' && module && module.exports) module.exports = exported;
}('admin', function (CT) {
  'use strict';

  var kit = CT.kit;
  var ApiError = kit.ApiError, append = kit.append, clear = kit.clear, h = kit.h, message = kit.message;
  var Admin = CT.admin.Admin, REST = CT.admin.REST, field = CT.admin.field, formMessage = CT.admin.formMessage,
      resetErrors = CT.admin.resetErrors, sectionHead = CT.admin.sectionHead, setBusy = CT.admin.setBusy,
      showError = CT.admin.showError;

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

  return {};
}));
