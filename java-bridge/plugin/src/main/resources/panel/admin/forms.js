/*
 * Capacity Tracker administration page: its form helpers (fields named by the engine's
 * field path), error display and the confirmation dialog.
 */
(function (layer, define) {
  var CT = globalThis.CapacityTracker = globalThis.CapacityTracker || {};
  var exported = define(CT);
  CT[layer] = Object.assign(CT[layer] || {}, exported);
  if (typeof module === 'object' && module && module.exports) module.exports = exported;
}('admin', function (CT) {
  'use strict';

  var kit = CT.kit;
  var append = kit.append, clear = kit.clear, h = kit.h, message = kit.message;

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

  var uid = 0;

  /** A page-unique number for element ids. */
  function nextUid() {
    return ++uid;
  }

  /**
   * A labelled field; `name` is the engine's field path (`members[2].dailyCapacity`), so an
   * error the engine names lands here.
   */
  function field(label, name, input, help, extra) {
    // The label names the control itself, also when it comes wrapped with a button.
    var control = input.matches('input, select, textarea') ? input : input.querySelector('input, select, textarea');
    var id = control.id || (control.id = 'ct-admin-' + nextUid());
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

  /**
   * An AUI dialog asking to confirm; resolves true when confirmed. Drawn with AUI's dialog2
   * classes and shown without AUI's JavaScript.
   */
  function confirmDialog(opts) {
    return new Promise(function (resolve) {
      var blanket = h('div', { class: 'aui-blanket', tabindex: '0', 'aria-hidden': 'false' });
      var titleId = 'ct-dialog-title-' + nextUid();
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

  return {
    button: button, confirmDialog: confirmDialog, field: field, formMessage: formMessage, loading: loading,
    lozenge: lozenge, numberOrNull: numberOrNull, resetErrors: resetErrors, selectInput: selectInput,
    setBusy: setBusy, showError: showError, splitList: splitList, textInput: textInput, nextUid: nextUid
  };
}));
