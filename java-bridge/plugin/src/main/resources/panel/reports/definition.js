/*
 * Capacity Tracker reports page: a definition's summary and its editor.
 */
(function (layer, define) {
  var CT = globalThis.CapacityTracker = globalThis.CapacityTracker || {};
  var exported = define(CT);
  CT[layer] = Object.assign(CT[layer] || {}, exported);
  if (typeof module === 'object' && module && module.exports) module.exports = exported;
}('reports', function (CT) {
  'use strict';

  var kit = CT.kit;
  var h = kit.h;
  var BUCKETS = CT.reports.BUCKETS, BUCKET_WORD = CT.reports.BUCKET_WORD, GROUPINGS = CT.reports.GROUPINGS,
      REPORT_FIELDS = CT.reports.REPORT_FIELDS, ROW_ONE = CT.reports.ROW_ONE, Reports = CT.reports.Reports,
      localIso = CT.reports.localIso, newReportId = CT.reports.newReportId;

  Reports.prototype.periodText = function (period) {
    return this.kit.longDate(period.start) + ' \u2013 ' + this.kit.longDate(period.end);
  };

  Reports.prototype.renderSummary = function () {
    var self = this;
    var h = this.kit.h;
    var def = this.definition;
    var boards = (def.boardIds || []).map(function (id) { return self.boardName(id); });
    var projects = def.projectKeys || [];
    var where = boards.concat(projects.map(function (k) { return AJS.I18n.getText('capacity-tracker.js.report.definition.project', k); }));
    var actions = h('div', { class: 'ct-section-actions' },
      h('button', { type: 'button', class: 'aui-button', 'data-testid': 'run-report', onclick: function () { self.runReport(); } }, AJS.I18n.getText('capacity-tracker.js.report.refresh')),
      h('button', { type: 'button', class: 'aui-button', 'data-testid': 'edit-report', onclick: function () { self.edit(def); } }, AJS.I18n.getText('capacity-tracker.js.report.edit')),
      h('button', { type: 'button', class: 'aui-button aui-button-subtle ct-danger-link', 'data-testid': 'delete-report',
        onclick: function () { self.confirmDelete = true; self.render(); } }, AJS.I18n.getText('capacity-tracker.js.report.delete')));
    var box = h('section', { class: 'ct-report-head', 'aria-label': AJS.I18n.getText('capacity-tracker.js.report.report') },
      h('div', { class: 'ct-report-title' },
        h('h2', { class: 'ct-sprint-name', 'data-testid': 'report-name', text: def.name }),
        actions),
      h('ul', { class: 'ct-report-facts' },
        h('li', null, h('span', { class: 'ct-fact-label', text: AJS.I18n.getText('capacity-tracker.js.report.boards') }), this.renderWhere(where)),
        h('li', null, h('span', { class: 'ct-fact-label', text: AJS.I18n.getText('capacity-tracker.js.report.period') }), h('span', { 'data-testid': 'report-period', text: this.periodText(def.period) })),
        h('li', null, h('span', { class: 'ct-fact-label', text: AJS.I18n.getText('capacity-tracker.js.report.buckets') }), h('span', { text: BUCKET_WORD[def.bucket] || def.bucket })),
        h('li', null, h('span', { class: 'ct-fact-label', text: AJS.I18n.getText('capacity-tracker.js.report.rows') }), h('span', { text: ROW_ONE[def.grouping] || def.grouping }))));
    if (this.confirmDelete) {
      self.kit.append(box, h('div', { class: 'ct-confirm-bar', 'data-testid': 'delete-confirm' },
        h('span', { text: AJS.I18n.getText('capacity-tracker.js.report.delete.confirm', def.name) }),
        h('button', { type: 'button', class: 'aui-button ct-danger', 'data-testid': 'confirm-delete-report', onclick: function () { self.remove(def); } }, AJS.I18n.getText('capacity-tracker.js.report.delete')),
        h('button', { type: 'button', class: 'aui-button aui-button-link', onclick: function () { self.confirmDelete = false; self.render(); } }, AJS.I18n.getText('capacity-tracker.js.report.keep'))));
    }
    return box;
  };

  /**
   * The definition's boards and projects: the first few, then "and N more" as a disclosure
   * button that lists the rest (and "Show fewer" to fold them again).
   */
  Reports.prototype.renderWhere = function (where) {
    var self = this;
    var h = this.kit.h;
    var box = h('span', { 'data-testid': 'report-boards' });
    function draw(open, focus) {
      self.kit.clear(box);
      var list = CT.reports.collapsedList(where, open ? where.length : CT.reports.HEADER_NAMES);
      var more = list.more || (open && where.length > CT.reports.HEADER_NAMES);
      box.setAttribute('data-count', String(where.length));
      self.kit.append(box, list.shown.join(', ') || '\u2014');
      if (!more) return;
      var button = h('button', { type: 'button', class: 'aui-button aui-button-link ct-boards-more', 'data-testid': 'report-boards-more',
        'aria-expanded': open ? 'true' : 'false', onclick: function () { draw(!open, true); } },
        open ? AJS.I18n.getText('capacity-tracker.js.report.definition.boards-fewer') :
          AJS.I18n.getText('capacity-tracker.js.report.definition.boards-more', list.more.toLocaleString()));
      self.kit.append(box, ' ', button);
      if (focus) button.focus();
    }
    draw(false, false);
    return box;
  };

  Reports.prototype.edit = function (def) {
    this.runToken++;
    this.abandonJob(); // the editor replaces the result: a report still running is cancelled
    this.mode = def ? 'edit' : 'create';
    this.editing = def;
    this.flash = null;
    this.render();
    var first = this.body.querySelector('input[name="name"]');
    if (first) first.focus();
  };

  Reports.prototype.renderForm = function () {
    var self = this;
    var kit = this.kit;
    var h = kit.h;
    var def = this.editing;
    var today = new Date();
    var monday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - ((today.getDay() + 6) % 7));
    var eightWeeks = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + 55);
    var ids = 'ct-report';
    var nameInput = kit.textInput(ids + '-name', 'name', def ? def.name : '', { maxlength: '100', 'data-testid': 'report-name-input', placeholder: AJS.I18n.getText('capacity-tracker.js.report.e-g-platform-teams-q1') });
    var startInput = kit.textInput(ids + '-start', 'start', def ? def.period.start : localIso(monday), { type: 'date', 'data-testid': 'report-start' });
    var endInput = kit.textInput(ids + '-end', 'end', def ? def.period.end : localIso(eightWeeks), { type: 'date', 'data-testid': 'report-end' });
    var bucket = kit.selectInput(ids + '-bucket', 'bucket', BUCKETS, def ? def.bucket : 'week', 'report-bucket');
    var grouping = kit.selectInput(ids + '-grouping', 'grouping', GROUPINGS, def ? def.grouping : 'person', 'report-grouping');

    var chosen = def ? (def.boardIds || []).map(String) : (this.boards.length === 1 ? [String(this.boards[0].id)] : []);
    var known = this.boards.map(function (b) { return String(b.id); });
    var listed = this.boards.map(function (b) { return { id: String(b.id), name: b.name, location: b.location }; });
    chosen.forEach(function (id) { if (known.indexOf(id) < 0) listed.push({ id: id, name: AJS.I18n.getText('capacity-tracker.js.report.board.fallback-name', id), missing: true }); });
    var boxes = listed.map(function (b) {
      var box = h('input', { type: 'checkbox', class: 'checkbox', name: 'boardIds', value: b.id, id: ids + '-board-' + b.id,
        checked: chosen.indexOf(b.id) >= 0, 'data-testid': 'report-board-' + b.id });
      var where = b.missing ? AJS.I18n.getText('capacity-tracker.js.report.not-a-board-jira-shows-you') : b.location && (b.location.projectName || b.location.displayName);
      var el = kit.checkboxOption(box, [h('span', { class: 'ct-board-choice-name', text: b.name }), where ? h('span', { class: 'ct-sub', text: where }) : null]);
      el.classList.add('ct-board-choice');
      return { input: box, el: el };
    });
    var boardGroup = h('div', { class: 'field-group ct-field', 'data-field-name': 'boardIds' },
      h('label', { id: ids + '-boards-label', text: AJS.I18n.getText('capacity-tracker.js.report.boards') }),
      h('div', { class: 'ct-board-choices', role: 'group', 'aria-labelledby': ids + '-boards-label' },
        boxes.length ? boxes.map(function (b) { return b.el; }) : h('p', { class: 'ct-empty', text: AJS.I18n.getText('capacity-tracker.js.report.jira-shows-you-no-boards') })),
      (def && def.projectKeys && def.projectKeys.length) ? h('div', { class: 'description', text: AJS.I18n.getText('capacity-tracker.js.report.definition.also-projects', def.projectKeys.join(', ')) }) : null,
      h('div', { class: 'error ct-field-error', 'data-testid': 'field-error', hidden: true }));

    var form = h('form', { class: 'aui ct-form ct-report-form', novalidate: true, 'data-testid': 'report-form',
      onsubmit: function (e) {
        e.preventDefault();
        var doc = {
          schema: def ? def.schema : 1,
          revision: def ? def.revision : 0,
          name: nameInput.value.trim(),
          boardIds: boxes.filter(function (b) { return b.input.checked; }).map(function (b) { return b.input.value; }),
          projectKeys: def ? (def.projectKeys || []) : [],
          period: { start: startInput.value, end: endInput.value },
          bucket: bucket.value,
          grouping: grouping.value
        };
        self.save(form, def ? def.id : newReportId(doc.name), doc);
      } },
      h('h3', { text: def ? AJS.I18n.getText('capacity-tracker.js.report.edit-report') : AJS.I18n.getText('capacity-tracker.js.report.create-report') }),
      h('div', { class: 'ct-form-message' }),
      kit.fieldGroup(AJS.I18n.getText('capacity-tracker.js.report.name'), ids + '-name', nameInput),
      boardGroup,
      h('div', { class: 'ct-inline-fields' },
        kit.fieldGroup(AJS.I18n.getText('capacity-tracker.js.report.from'), ids + '-start', startInput),
        kit.fieldGroup(AJS.I18n.getText('capacity-tracker.js.report.to'), ids + '-end', endInput)),
      h('div', { class: 'ct-inline-fields' },
        kit.fieldGroup(AJS.I18n.getText('capacity-tracker.js.report.buckets'), ids + '-bucket', bucket, null, AJS.I18n.getText('capacity-tracker.js.report.the-columns-of-the-heat-map')),
        kit.fieldGroup(AJS.I18n.getText('capacity-tracker.js.report.rows'), ids + '-grouping', grouping, null, AJS.I18n.getText('capacity-tracker.js.report.who-or-what-each-row-adds'))),
      h('div', { class: 'buttons-container' }, h('div', { class: 'buttons' },
        h('button', { type: 'submit', class: 'aui-button aui-button-primary', 'data-testid': 'save-report' }, def ? AJS.I18n.getText('capacity-tracker.js.report.save-and-run') : AJS.I18n.getText('capacity-tracker.js.report.create-and-run')),
        h('button', { type: 'button', class: 'aui-button aui-button-link', 'data-testid': 'cancel-report', onclick: function () {
          self.mode = 'view';
          if (self.definition) { self.render(); self.runReport(); } else { self.renderNav(); self.renderEmpty(); }
        } }, AJS.I18n.getText('capacity-tracker.js.report.cancel')))));
    kit.clear(this.body);
    kit.append(this.body, h('section', { class: 'ct-editor ct-report-editor' }, form));
  };

  Reports.prototype.save = function (form, id, doc) {
    var self = this;
    var kit = this.kit;
    kit.setBusy(form, true);
    this.api.put('/rest/capacity/1.0/reports/' + kit.enc(id), doc).then(function (stored) {
      self.flash = { kind: 'success', title: null, text: AJS.I18n.getText('capacity-tracker.js.report.saved', stored.name) };
      return self.loadList().then(function () { return self.select(id); });
    }, function (err) {
      kit.setBusy(form, false);
      if (err.status === 409) {
        err.message = AJS.I18n.getText('capacity-tracker.js.report.someone-else-changed-this-report-while');
      }
      kit.showFormError(form, err, function (field) {
        if (REPORT_FIELDS[field]) return REPORT_FIELDS[field];
        if (/^boardIds(\[\d+\])?$/.test(field)) return 'boardIds';
        return null;
      });
    }).catch(function (err) { self.showError(err); });
  };

  Reports.prototype.remove = function (def) {
    var self = this;
    this.api.request('DELETE', '/rest/capacity/1.0/reports/' + this.kit.enc(def.id)).then(function () {
      self.definition = null;
      self.selectedId = null;
      self.confirmDelete = false;
      self.flash = { kind: 'success', title: null, text: AJS.I18n.getText('capacity-tracker.js.report.deleted', def.name) };
      return self.loadList().then(function () {
        if (self.list.length) return self.select(self.list[0].id);
        self.remember(null);
        self.render();
        return null;
      });
    }, function (err) {
      self.confirmDelete = false;
      self.flash = { kind: 'error', title: AJS.I18n.getText('capacity-tracker.js.report.the-report-was-not-deleted'), text: err.message };
      self.render();
    }).catch(function (err) { self.showError(err); });
  };

  return {};
}));
