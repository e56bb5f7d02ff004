/*
 * Capacity Tracker kit: AUI form fields and showing the engine's errors next to the field
 * it names.
 */
(function (layer, define) {
  var CT = globalThis.CapacityTracker = globalThis.CapacityTracker || {};
  var exported = define(CT);
  CT[layer] = Object.assign(CT[layer] || {}, exported);
  if (typeof module === 'object' && module && module.exports) module.exports = exported;
}('kit', function (CT) {
  'use strict';

  var kit = CT.kit;
  var append = kit.append, clear = kit.clear, h = kit.h, humanField = kit.humanField, message = kit.message,
      stripFieldPath = kit.stripFieldPath;

  function fieldGroup(label, id, input, suffix, help) {
    // The field is named after its control, also when the control comes wrapped (a picker).
    var control = input.matches('input, select, textarea') ? input : input.querySelector('input, select, textarea');
    return h('div', { class: 'field-group ct-field', 'data-field-name': control.name },
      h('label', { for: id, text: label }),
      suffix ? h('span', { class: 'ct-input-suffix' }, input, h('span', { class: 'ct-suffix', text: suffix })) : input,
      help ? h('div', { class: 'description', text: help }) : null,
      h('div', { class: 'error ct-field-error', 'data-testid': 'field-error', hidden: true }));
  }

  function textInput(id, name, value, extra) {
    return h('input', Object.assign({ class: 'text', type: 'text', id: id, name: name, value: value === undefined || value === null ? '' : value }, extra || {}));
  }

  function numberValue(input) {
    var text = String(input.value).trim();
    // An empty or unreadable number goes to the engine as null, so the engine names the field.
    if (text === '') return null;
    var n = Number(text);
    return isFinite(n) ? n : null;
  }

  /** Clears the previous errors of a form. */
  function resetErrors(form) {
    form.querySelectorAll('.ct-field-error').forEach(function (el) { el.hidden = true; el.textContent = ''; el.removeAttribute('data-field'); });
    form.querySelectorAll('[aria-invalid]').forEach(function (el) { el.removeAttribute('aria-invalid'); });
    var summary = form.querySelector('.ct-form-message');
    if (summary) clear(summary);
  }

  /**
   * Shows a REST error inside the form: next to the input the engine named when it is one
   * of this form's fields, and as a summary naming the field at the top of the form.
   */
  function showFormError(form, err, fieldToInput) {
    resetErrors(form);
    var summary = form.querySelector('.ct-form-message');
    var inputName = err.field ? fieldToInput(err.field) : null;
    var input = inputName ? form.querySelector('[name="' + inputName + '"]') : null;
    var label = err.field ? humanField(inputName || err.field) : null;
    var text = stripFieldPath(err.message, err.field);
    if (input) {
      var group = input.closest('.field-group');
      var slot = group && group.querySelector('.ct-field-error');
      input.setAttribute('aria-invalid', 'true');
      if (slot) {
        slot.textContent = text;
        slot.setAttribute('data-field', err.field);
        slot.hidden = false;
        input.setAttribute('aria-describedby', slot.id || (slot.id = 'ct-err-' + Math.random().toString(36).slice(2)));
      }
      input.focus();
    }
    var title = err.status === 403 ? AJS.I18n.getText('capacity-tracker.js.panel.you-cannot-change-this-boards-capacity') :
      err.status === 413 ? AJS.I18n.getText('capacity-tracker.js.panel.too-much-to-store') : AJS.I18n.getText('capacity-tracker.js.panel.the-change-was-not-saved');
    var detail = label ? text.charAt(0).toLowerCase() + text.slice(1) : text;
    append(summary, message('error', title,
      h('p', { 'data-testid': 'form-error', 'data-field': err.field || null }, label ? h('strong', { text: label + ': ' }) : null, detail),
      { 'data-testid': 'form-error-message' }));
  }

  function setBusy(form, busy) {
    form.querySelectorAll('button, input, select').forEach(function (el) { el.disabled = busy; });
    form.classList.toggle('ct-saving', busy);
    form.setAttribute('aria-busy', busy ? 'true' : 'false');
  }

  /** A radio button as AUI draws one: the input, its glyph, then the label. */
  function radioOption(input, text) {
    return h('div', { class: 'radio' }, input, h('span', { class: 'aui-form-glyph' }), h('label', { for: input.id, text: text }));
  }

  /** A checkbox as AUI draws one. */
  function checkboxOption(input, label) {
    return h('div', { class: 'checkbox' }, input, h('span', { class: 'aui-form-glyph' }), h('label', { for: input.id }, label));
  }

  function selectInput(id, name, options, value, testid) {
    var select = h('select', { class: 'select', id: id, name: name, 'data-testid': testid || null },
      options.map(function (o) { return h('option', { value: o.value, text: o.label }); }));
    select.value = value;
    return select;
  }

  return {
    checkboxOption: checkboxOption, fieldGroup: fieldGroup, numberValue: numberValue, radioOption: radioOption,
    resetErrors: resetErrors, selectInput: selectInput, setBusy: setBusy, showFormError: showFormError,
    textInput: textInput
  };
}));
