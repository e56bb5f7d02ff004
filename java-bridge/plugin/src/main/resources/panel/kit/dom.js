/*
 * Capacity Tracker kit: building DOM. Text reaches the page through textContent or
 * attributes only, never innerHTML; AUI classes give the native look.
 */
(function (layer, define) {
  var CT = globalThis.CapacityTracker = globalThis.CapacityTracker || {};
  var exported = define(CT);
  CT[layer] = Object.assign(CT[layer] || {}, exported);
  if (typeof module === 'object' && module && module.exports) module.exports = exported;
}('kit', function (CT) {
  'use strict';

  var kit = CT.kit;
  var STATUS_HELP = kit.STATUS_HELP, STATUS_LABEL = kit.STATUS_LABEL, STATUS_LOZENGE = kit.STATUS_LOZENGE,
      formatPercent = kit.formatPercent;

  /** Builds an element; props never go through innerHTML, children are nodes or text. */
  function h(tag, props) {
    var el = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (name) {
        var value = props[name];
        if (value === null || value === undefined || value === false) return;
        if (name === 'class') el.className = value;
        else if (name === 'text') el.textContent = String(value);
        else if (name === 'dataset') Object.keys(value).forEach(function (k) {
          if (value[k] !== null && value[k] !== undefined) el.dataset[k] = String(value[k]);
        });
        else if (name === 'style') Object.keys(value).forEach(function (k) { el.style.setProperty(k, value[k]); });
        else if (name.slice(0, 2) === 'on' && typeof value === 'function') el.addEventListener(name.slice(2), value);
        else if (name === 'value') el.value = String(value);
        else if (name === 'checked' || name === 'disabled' || name === 'selected') el[name] = Boolean(value);
        else el.setAttribute(name, value === true ? '' : String(value));
      });
    }
    for (var i = 2; i < arguments.length; i++) append(el, arguments[i]);
    return el;
  }

  /** Appends each argument after the first: nodes, text, arrays of them; null is skipped. */
  function append(parent) {
    for (var i = 1; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined || child === false) continue;
      if (Array.isArray(child)) child.forEach(function (c) { append(parent, c); });
      else parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
    }
  }

  /** A message with a node in place of its {0}: format it with '\u0001' as the argument, get [text, node, text]. */
  function aroundNode(text, node) {
    var parts = String(text).split('\u0001');
    return [parts[0] || null, node, parts.slice(1).join('') || null];
  }

  function clear(el) {
    while (el.firstChild) el.removeChild(el.firstChild);
  }

  function message(kind, title, body, extra) {
    return h('div', Object.assign({ class: 'aui-message aui-message-' + kind + ' ct-message', role: kind === 'error' ? 'alert' : 'status' }, extra || {}),
      title ? h('p', { class: 'title' }, h('strong', { text: title })) : null,
      body);
  }

  function lozenge(text, cls, title) {
    return h('span', { class: 'aui-lozenge ' + (cls || ''), title: title || null, text: text });
  }

  /** A role's colour as a dot; the engine has checked it is #RRGGBB. */
  function colourDot(colour) {
    if (!colour || !/^#[0-9A-Fa-f]{6}$/.test(colour)) return null;
    return h('span', { class: 'ct-role-dot', 'aria-hidden': 'true', style: { 'background-color': colour } });
  }

  function utilisationBar(value, status, testid) {
    var width = value === null || value === undefined ? 0 : Math.max(0, Math.min(100, value));
    var bar = h('div', {
      class: 'aui-progress-indicator aui-progress-indicator-static ct-bar ct-status-' + status,
      'data-value': String(width / 100),
      'data-testid': testid || null,
      role: 'img',
      'aria-label': AJS.I18n.getText('capacity-tracker.js.panel.utilisation.bar-label', formatPercent(value), STATUS_LABEL[status] || status)
    }, h('span', { class: 'aui-progress-indicator-value', style: { width: width + '%' } }));
    if (value > 100) bar.classList.add('ct-bar-overflow');
    return bar;
  }

  function statusLozenge(status, testid) {
    return h('span', {
      class: 'aui-lozenge ' + (STATUS_LOZENGE[status] || '') + ' ct-status-lozenge',
      title: STATUS_HELP[status] || null,
      'data-testid': testid || null,
      'data-status': status,
      text: STATUS_LABEL[status] || status
    });
  }

  return {
    append: append, aroundNode: aroundNode, clear: clear, colourDot: colourDot, h: h, lozenge: lozenge,
    message: message, statusLozenge: statusLozenge, utilisationBar: utilisationBar
  };
}));
