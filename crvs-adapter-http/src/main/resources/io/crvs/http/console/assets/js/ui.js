// Console-wide pieces: progress indication, messages, tabs, confirmation dialogs, and how values are put into
// plain words (states, types, errors, times).
import { h, replace, uid } from './dom.js';

// ---- progress -------------------------------------------------------------------------------------------------

let inFlight = 0;
let busyTimer = null;

/** Counts running requests; the "Working…" bar shows after 150 ms so quick answers do not flicker. */
export function activity(delta) {
  inFlight = Math.max(0, inFlight + delta);
  const bar = document.getElementById('busy');
  const main = document.getElementById('main');
  if (inFlight > 0) {
    main.setAttribute('aria-busy', 'true');
    if (!busyTimer && bar.hidden) {
      busyTimer = setTimeout(() => {
        busyTimer = null;
        if (inFlight > 0) {
          bar.hidden = false;
        }
      }, 150);
    }
  } else {
    main.removeAttribute('aria-busy');
    clearTimeout(busyTimer);
    busyTimer = null;
    bar.hidden = true;
  }
}

/**
 * Runs a long operation behind a button: the button is disabled and says what is happening, a status line shows
 * progress, and the button comes back when done (even on failure).
 */
export async function withProgress(button, workingLabel, operation) {
  const label = button.textContent;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  button.textContent = workingLabel;
  try {
    return await operation();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
    button.textContent = label;
  }
}

// ---- messages -------------------------------------------------------------------------------------------------

/** A message box: kind is 'error' (announced at once), 'success', 'info' or 'progress'. */
export function message(kind, ...content) {
  const role = kind === 'error' ? 'alert' : 'status';
  return h('div', { class: `message message-${kind}`, role },
    kind === 'progress' ? h('span', { class: 'spinner', 'aria-hidden': 'true' }) : null, ...content);
}

/** Shows a message in a placeholder element (replacing what it showed); null clears it. */
export function show(slot, kind, ...content) {
  if (kind === null) {
    replace(slot);
  } else {
    replace(slot, message(kind, ...content));
  }
}

/** A short message at the top of the page that survives the next navigation (after a save, say). */
export function flash(kind, text) {
  replace(document.getElementById('flash'), message(kind, text));
}

export function clearFlash() {
  replace(document.getElementById('flash'));
}

// ---- tabs -----------------------------------------------------------------------------------------------------

/**
 * Tabs (WAI-ARIA pattern: arrow keys, Home and End move between tabs). defs: [{ key, label, render(panel) }];
 * a panel is rendered the first time its tab is shown. onChange(key) is told of every switch.
 */
export function tabs(label, defs, selectedKey, onChange) {
  const base = uid('tabs');
  const list = h('div', { role: 'tablist', 'aria-label': label, class: 'tablist' });
  const panels = h('div', { class: 'tabpanels' });
  const rendered = new Set();
  const buttons = [];
  const panelEls = [];
  const select = (index, focus) => {
    buttons.forEach((button, i) => {
      const on = i === index;
      button.setAttribute('aria-selected', on ? 'true' : 'false');
      button.tabIndex = on ? 0 : -1;
      panelEls[i].hidden = !on;
    });
    const def = defs[index];
    if (!rendered.has(def.key)) {
      rendered.add(def.key);
      def.render(panelEls[index]);
    }
    if (focus) {
      buttons[index].focus();
    }
    if (onChange) {
      onChange(def.key);
    }
  };
  defs.forEach((def, i) => {
    const button = h('button', {
      type: 'button', role: 'tab', id: `${base}-tab-${def.key}`, 'aria-controls': `${base}-panel-${def.key}`,
      class: 'tab', 'data-tab': def.key, text: def.label,
      on: {
        click: () => select(i, false),
        keydown: (event) => {
          const last = defs.length - 1;
          const to = { ArrowRight: i === last ? 0 : i + 1, ArrowLeft: i === 0 ? last : i - 1, Home: 0, End: last }[event.key];
          if (to !== undefined) {
            event.preventDefault();
            select(to, true);
          }
        },
      },
    });
    const panel = h('div', {
      role: 'tabpanel', id: `${base}-panel-${def.key}`, 'aria-labelledby': button.id, tabindex: '0',
      class: 'tabpanel', 'data-panel': def.key,
    });
    buttons.push(button);
    panelEls.push(panel);
    list.appendChild(button);
    panels.appendChild(panel);
  });
  const start = Math.max(0, defs.findIndex((d) => d.key === selectedKey));
  const container = h('div', { class: 'tabs' }, list, panels);
  select(start, false);
  /** Re-renders a tab's panel (after its data changed) the next time it is shown, or now if it is shown. */
  container.refresh = (key) => {
    const index = defs.findIndex((d) => d.key === key);
    rendered.delete(key);
    replace(panelEls[index]);
    if (!panelEls[index].hidden) {
      rendered.add(key);
      defs[index].render(panelEls[index]);
    }
  };
  container.setLabel = (key, text) => {
    const index = defs.findIndex((d) => d.key === key);
    buttons[index].textContent = text;
  };
  return container;
}

// ---- dialogs --------------------------------------------------------------------------------------------------

/**
 * A modal confirmation (native dialog: focus stays inside, Escape cancels). With reasonLabel it asks for an
 * optional reason. Resolves to { confirmed, reason }.
 */
export function confirmDialog({ title, body, confirmLabel, danger, reasonLabel }) {
  return new Promise((resolve) => {
    const titleId = uid('dialog-title');
    const reason = reasonLabel ? h('input', { type: 'text', id: uid('reason'), maxlength: '1000', class: 'wide' }) : null;
    const confirm = h('button', { type: 'submit', class: danger ? 'button danger' : 'button primary', text: confirmLabel,
      'data-action': 'confirm' });
    const cancel = h('button', { type: 'button', class: 'button', text: 'Cancel', 'data-action': 'cancel' });
    const form = h('form', { method: 'dialog' },
      h('h2', { id: titleId, text: title }),
      h('div', { class: 'dialog-body' }, body),
      reason ? h('div', { class: 'field' }, h('label', { for: reason.id, text: reasonLabel }), reason) : null,
      h('div', { class: 'actions' }, confirm, cancel));
    const dialog = h('dialog', { 'aria-labelledby': titleId, class: 'dialog' }, form);
    let confirmed = false;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      confirmed = true;
      dialog.close();
    });
    cancel.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => {
      const value = reason ? reason.value.trim() : '';
      dialog.remove();
      resolve({ confirmed, reason: value || null });
    });
    document.body.appendChild(dialog);
    dialog.showModal();
    (reason || cancel).focus();
  });
}

// ---- plain words ----------------------------------------------------------------------------------------------

export const STATES = {
  received: 'Received',
  processing: 'Processing',
  processed: 'Processed',
  error: 'In error',
};

const STATE_HINTS = {
  received: 'Waiting to be processed.',
  processing: 'A worker is applying it to the registry now.',
  processed: 'Done.',
  error: 'Processing failed; see the problem below.',
};

export function stateHint(state) {
  return STATE_HINTS[state] || '';
}

export const TYPES = {
  birth: 'Birth',
  death: 'Death',
  marriage: 'Marriage',
  divorce: 'Divorce',
  fetal_death: 'Fetal death',
  adoption: 'Adoption',
  annulment: 'Annulment',
  separation: 'Separation',
  demographic_change: 'Demographic change',
  registration: 'Registration',
  update: 'Update',
  unregister: 'Unregister',
};

export const IDENTIFIER_TYPES = [
  ['UIN', 'UIN – national id number'],
  ['BRN', 'BRN – birth registration number'],
  ['DRN', 'DRN – death registration number'],
  ['MRN', 'MRN – marriage registration number'],
];

export function typeLabel(type) {
  return TYPES[type] || type;
}

/** A state badge: text plus colour (never colour alone). */
export function stateBadge(state) {
  return h('span', { class: `badge state-${state}`, 'data-state': state, text: STATES[state] || state });
}

const PROBLEMS = {
  no_match: 'No one in the registry has any of this event’s identifiers. If the person has been registered '
    + 'since, retry the event.',
  ambiguous_match: 'More than one person in the registry has these identifiers, so nobody was changed. Resolve '
    + 'the duplicate records in the registry, then retry.',
  birthdate_conflict: 'The person already has a different date of birth in the registry, and it was not '
    + 'overwritten. Check which date is right and correct the registry if needed, then retry.',
  death_date_conflict: 'The person is already recorded as deceased on a different date, and it was not '
    + 'overwritten. Check with the civil registry, then retry.',
  missing_event_date: 'The notification has no event date, and this kind of event needs one. Ask the sender to '
    + 'send it again with the date.',
  identifier_conflict: 'An identifier in this event already belongs to another person in the registry. Check both '
    + 'records, then retry.',
  concurrent_update: 'The person’s record was being changed at the same moment. This usually clears by itself; '
    + 'retry if the event stays in error.',
  handler_failure: 'The receiver hit an unexpected problem while applying the event. Retry it; if it fails again, '
    + 'give the event number to your technical team.',
};

/** What went wrong, in plain words, or null. */
export function problem(lastError) {
  if (!lastError) {
    return null;
  }
  return PROBLEMS[lastError.code] || `Processing failed (${lastError.code}): ${lastError.message}`;
}

/** A short version for tables. */
const PROBLEM_SHORT = {
  no_match: 'No matching person',
  ambiguous_match: 'Several persons match',
  birthdate_conflict: 'Birth date differs',
  death_date_conflict: 'Death date differs',
  missing_event_date: 'No event date',
  identifier_conflict: 'Identifier belongs to someone else',
  concurrent_update: 'Changed at the same time',
  handler_failure: 'Unexpected failure',
};

const OUTCOMES = {
  applied: 'Applied to the registry person.',
  already_applied: 'The registry already showed this; nothing needed changing.',
  superseded: 'A newer event had already set the civil status; this older one changed nothing.',
  unsupported: 'This kind of event is recorded but does not change the registry.',
};

const OUTCOMES_SHORT = {
  applied: 'Applied',
  already_applied: 'Already in the registry',
  superseded: 'Superseded by a newer event',
  unsupported: 'Recorded only',
};

export function outcome(code) {
  return code ? OUTCOMES[code] || code : null;
}

/** The one-line result of an event for lists: its outcome, or its problem. */
export function resultShort(event) {
  if (event.state === 'processed') {
    return OUTCOMES_SHORT[event.outcome] || event.outcome || '';
  }
  if (event.last_error) {
    return PROBLEM_SHORT[event.last_error.code] || event.last_error.code;
  }
  return '';
}

const HISTORY_ACTIONS = {
  receive: 'Received',
  claim: 'Picked up for processing',
  complete: 'Processed',
  fail: 'Failed',
  retry: 'Retried',
  release: 'Put back (receiver stopping)',
  lease_expired: 'Put back (worker stopped answering)',
  note: 'Note added',
};

export function historyAction(action) {
  return HISTORY_ACTIONS[action] || action;
}

/** The reason of an audit line: a failure's or outcome's code in words, else the operator's text. */
export function historyReason(entry) {
  if (!entry.reason) {
    return '';
  }
  if (entry.action === 'fail' && PROBLEM_SHORT[entry.reason]) {
    return `${PROBLEM_SHORT[entry.reason]} (${entry.reason})`;
  }
  if (entry.action === 'complete' && OUTCOMES_SHORT[entry.reason]) {
    return OUTCOMES_SHORT[entry.reason];
  }
  return entry.reason;
}

export const PROFILES = {
  'dci-cavage-ed25519': 'OpenSPP style – signature in the message, Ed25519 (dci-cavage-ed25519)',
  'jws-compact': 'OpenCRVS style – compact JWS in the message (jws-compact)',
  'jws-detached-header': 'OpenG2P style – detached JWS in the Signature header (jws-detached-header)',
  none: 'No signature – for development only (none)',
};

export function profileLabel(code) {
  return PROFILES[code] || code;
}

const KEY_HEALTH = {
  ok: ['ok', 'Keys OK'],
  stale: ['warn', 'Last fetch failed – older keys still in use'],
  failing: ['bad', 'No keys – fetching fails, messages are refused'],
  never_fetched: ['info', 'Not fetched yet'],
  no_usable_keys: ['bad', 'Fetched, but no usable key'],
  not_needed: ['info', 'No keys needed (unsigned)'],
};

export function keyHealthBadge(code) {
  const [tone, text] = KEY_HEALTH[code] || ['info', code];
  return h('span', { class: `badge tone-${tone}`, 'data-key-health': code, text });
}

// ---- times ----------------------------------------------------------------------------------------------------

function pad(n) {
  return String(n).padStart(2, '0');
}

/** An ISO instant as "2026-01-31 14:05 UTC" (with seconds if asked) in a time element, the exact value in its title. */
export function time(iso, seconds) {
  if (!iso) {
    return null;
  }
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) {
    return iso;
  }
  const text = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} `
    + `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}${seconds ? `:${pad(d.getUTCSeconds())}` : ''} UTC`;
  return h('time', { datetime: iso, title: iso, text });
}

/** A duration in seconds as "3 min", "2 h 5 min", "4 days". */
export function age(seconds) {
  if (seconds === null || seconds === undefined) {
    return null;
  }
  if (seconds < 60) {
    return `${seconds} s`;
  }
  if (seconds < 3600) {
    return `${Math.floor(seconds / 60)} min`;
  }
  if (seconds < 86400) {
    return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
  }
  const days = Math.floor(seconds / 86400);
  return `${days} day${days === 1 ? '' : 's'}`;
}

/** "UIN U-1001, BRN B-1" */
export function identifiers(list) {
  return (list || []).map((i) => `${i.type} ${i.value}`).join(', ');
}

/** The same as identifiers(), each identifier kept on one line. */
export function identifierList(list) {
  if (!list || list.length === 0) {
    return 'None';
  }
  const parts = [];
  list.forEach((i, index) => {
    if (index > 0) {
      parts.push(', ');
    }
    parts.push(h('span', { class: 'nowrap', text: `${i.type} ${i.value}` }));
  });
  return h('span', null, parts);
}

export function personName(name) {
  if (!name) {
    return null;
  }
  return [name.prefix, name.given_name, name.second_name, name.surname, name.suffix].filter(Boolean).join(' ')
    + (name.maiden_name ? ` (born ${name.maiden_name})` : '');
}

/**
 * Re-indents JSON text without re-reading its values: numbers, strings and key order stay exactly as received
 * (JSON.parse would turn 1.10 into 1.1). Text that is not JSON is returned unchanged.
 */
export function prettyJson(text) {
  try {
    JSON.parse(text);
  } catch (e) {
    return text;
  }
  let out = '';
  let depth = 0;
  let inString = false;
  let escaped = false;
  const newline = () => `\n${'  '.repeat(depth)}`;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (inString) {
      out += c;
      if (escaped) {
        escaped = false;
      } else if (c === '\\') {
        escaped = true;
      } else if (c === '"') {
        inString = false;
      }
      continue;
    }
    if (c === '"') {
      inString = true;
      out += c;
    } else if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      let j = i + 1;
      while (j < text.length && ' \t\r\n'.includes(text[j])) {
        j += 1;
      }
      if (text[j] === close) {
        out += c + close;
        i = j;
      } else {
        depth += 1;
        out += c + newline();
      }
    } else if (c === '}' || c === ']') {
      depth = Math.max(0, depth - 1);
      out += newline() + c;
    } else if (c === ',') {
      out += `,${newline()}`;
    } else if (c === ':') {
      out += ': ';
    } else if (!' \t\r\n'.includes(c)) {
      out += c;
    }
  }
  return out;
}
