// Small DOM helpers. Everything the console shows is built with createElement and textContent: data from the API
// (which includes whatever a sender put in a notification) is never parsed as HTML.

/**
 * Creates an element. props: class, text, on (event name -> handler), any other key is set as an attribute
 * (false/null/undefined skip it, true sets it empty). Children: nodes, strings, numbers, arrays; null and false
 * are skipped.
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  if (props) {
    for (const [key, value] of Object.entries(props)) {
      if (value === null || value === undefined || value === false) {
        continue;
      }
      if (key === 'class') {
        el.className = value;
      } else if (key === 'text') {
        el.textContent = String(value);
      } else if (key === 'on') {
        for (const [name, handler] of Object.entries(value)) {
          el.addEventListener(name, handler);
        }
      } else if (key === 'value' && 'value' in el) {
        el.value = value;
      } else if (key === 'checked' || key === 'selected' || key === 'disabled') {
        el[key] = Boolean(value);
      } else {
        el.setAttribute(key, value === true ? '' : String(value));
      }
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(el, child);
    } else if (child instanceof Node) {
      el.appendChild(child);
    } else {
      el.appendChild(document.createTextNode(String(child)));
    }
  }
}

/** Replaces every child of el with the given children. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

let idCounter = 0;

/** A document-unique id with the given prefix, for label/aria wiring. */
export function uid(prefix) {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/** A labelled form field: a wrapper with label, control and an (initially empty) error line. */
export function field(label, control, hint) {
  if (!control.id) {
    control.id = uid('f');
  }
  const hintEl = hint ? h('p', { class: 'hint', id: `${control.id}-hint`, text: hint }) : null;
  const errorEl = h('p', { class: 'field-error', id: `${control.id}-error`, hidden: true });
  const describedBy = [hintEl ? hintEl.id : null, errorEl.id].filter(Boolean).join(' ');
  control.setAttribute('aria-describedby', describedBy);
  return h('div', { class: 'field' }, h('label', { for: control.id, text: label }), control, hintEl, errorEl);
}

/** Shows a message under a field made by field() and marks the control invalid; null clears it. */
export function setFieldError(control, message) {
  const errorEl = document.getElementById(`${control.id}-error`);
  if (!errorEl) {
    return;
  }
  if (message) {
    errorEl.textContent = message;
    errorEl.hidden = false;
    control.setAttribute('aria-invalid', 'true');
  } else {
    errorEl.textContent = '';
    errorEl.hidden = true;
    control.removeAttribute('aria-invalid');
  }
}

/** A select with [value, label] options; selected is the current value. */
export function select(options, selected, props) {
  return h('select', props, options.map(([value, label]) =>
    h('option', { value, selected: String(value) === String(selected ?? '') }, label)));
}

/** A definition list from [term, description] rows; rows whose description is null are left out. */
export function details(rows, props) {
  const dl = h('dl', Object.assign({ class: 'details' }, props));
  for (const [term, description] of rows) {
    if (description === null || description === undefined) {
      continue;
    }
    dl.appendChild(h('div', { class: 'details-row' }, h('dt', { text: term }), h('dd', null, description)));
  }
  return dl;
}

/** A table with a caption, column headers and rows of cells (each a node, string or null). */
export function table(caption, headers, rows, props) {
  return h('table', Object.assign({ class: 'data' }, props),
    caption ? h('caption', { text: caption }) : null,
    h('thead', null, h('tr', null, headers.map((label) => h('th', { scope: 'col', text: label })))),
    h('tbody', null, rows.map((cells) => h('tr', null, cells.map((cell) => h('td', null, cell))))));
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
