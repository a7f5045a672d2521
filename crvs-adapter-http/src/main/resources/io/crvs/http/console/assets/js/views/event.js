// One event: Summary, Raw Data, Notes and History tabs; Retry when it is in error.
import { api, describeError } from '../api.js';
import { details, field, h, replace, sleep, table } from '../dom.js';
import { eventsHref, page, rememberParam, senderHref } from '../app.js';
import {
  STATES, confirmDialog, historyAction, historyReason, identifierList, identifiers, outcome, personName, prettyJson,
  problem, show, stateBadge, stateHint, tabs, time, typeLabel, withProgress,
} from '../ui.js';

const TABS = ['summary', 'raw', 'notes', 'history'];

export async function eventView(idText, params) {
  const { body, retitle } = page(`Event ${idText}`);
  if (!/^[1-9][0-9]*$/.test(idText)) {
    show(body, 'error', `“${idText}” is not an event number.`);
    return;
  }
  const event = await api('GET', `/events/${idText}`);
  retitle(`Event #${event.id}: ${typeLabel(event.type)}`);
  const tab = TABS.includes(params.get('tab')) ? params.get('tab') : 'summary';
  render(body, event, tab);
}

function render(body, event, tab) {
  const actionMessage = h('div', { id: 'event-message', 'aria-live': 'polite' });
  const headerLine = h('div', { class: 'toolbar' },
    h('p', { class: 'lead' }, stateBadge(event.state), ' ', stateHint(event.state)),
    h('div', { class: 'actions' },
      event.state === 'error'
        ? h('button', { type: 'button', class: 'button primary', id: 'retry-event', text: 'Retry',
          on: { click: (e) => retry(e.currentTarget, event, body, actionMessage) } })
        : null,
      h('a', { class: 'button', href: eventsHref({}), text: 'All events' })));

  replace(body, headerLine, actionMessage, buildTabs(event, tab));
}

function buildTabs(event, selected) {
  const defs = [
    { key: 'summary', label: 'Summary', render: (panel) => summary(panel, event) },
    { key: 'raw', label: 'Raw Data', render: (panel) => rawData(panel, event) },
    { key: 'notes', label: `Notes (${event.notes.length})`, render: (panel) => notes(panel, event) },
    { key: 'history', label: `History (${event.history.length})`, render: (panel) => history(panel, event) },
  ];
  return tabs('Event', defs, selected, (key) => rememberParam('tab', key === 'summary' ? null : key));
}

function summary(panel, e) {
  const personRecord = e.person || {};
  const recordLines = [
    ['Name', personName(personRecord.name)],
    ['Sex', personRecord.sex],
    ['Date of birth', personRecord.birth_date],
    ['Date of death', personRecord.death_date],
    ['Marital status', personRecord.marital_status],
    ['Marriage date', personRecord.marriage_date],
    ['Divorce date', personRecord.divorce_date],
    ['Parents’ identifiers', personRecord.parent_identifiers && personRecord.parent_identifiers.length
      ? identifiers(personRecord.parent_identifiers) : null],
  ];
  const problemText = problem(e.last_error);
  const problemBox = problemText && e.state === 'error'
    ? h('div', { class: 'message message-error', id: 'problem', role: 'note' },
      h('p', null, h('strong', { text: 'Why it is in error: ' }), problemText),
      h('p', null, e.next_attempt_at
        ? h('span', null, 'The receiver will try again by itself at ', time(e.next_attempt_at), '.')
        : 'It will not be retried automatically: press Retry once the cause is fixed.'),
      h('p', { class: 'small', text: `Technical detail: ${e.last_error.code} – ${e.last_error.message}` }))
    : null;
  replace(panel,
    problemBox,
    h('div', { class: 'columns' },
      h('section', { class: 'grow2', 'aria-labelledby': 'h-event' }, h('h2', { id: 'h-event', text: 'The event' }),
        details([
          ['Type', typeLabel(e.type) + (e.raw_event_type && e.raw_event_type.toLowerCase() !== e.type
            ? ` (sent as “${e.raw_event_type}”)` : '')],
          ['Event date', e.event_date || 'Not given'],
          ['Identifiers', identifierList(e.identifiers)],
          ['Matched registry person', e.matched_person
            ? h('a', { href: `#/persons/${e.matched_person}`, id: 'matched-person', text: `Person ${e.matched_person}` })
            : 'None yet'],
          ['State', h('span', null, stateBadge(e.state), ' ', stateHint(e.state))],
          ['Result', e.state === 'processed' ? outcome(e.outcome) : null],
          ['Last problem', problemText && e.state !== 'error' ? problemText : null],
          ['Next automatic retry', e.state === 'error'
            ? (e.next_attempt_at ? time(e.next_attempt_at) : 'None – it waits for someone to press Retry') : null],
          ['Attempts', String(e.attempts)],
          ['Received', time(e.received_at, true)],
          ['Last change', time(e.updated_at, true)],
        ], { id: 'event-summary' })),
      h('div', { class: 'grow' },
        h('section', { 'aria-labelledby': 'h-record' },
          h('h2', { id: 'h-record', text: 'Person in the notification' }), details(recordLines)),
        h('section', { 'aria-labelledby': 'h-message' }, h('h2', { id: 'h-message', text: 'Where it came from' }),
          details([
            ['Sender', h('a', { href: senderHref(e.sender_id), text: e.sender_id })],
            ['Message id', h('code', { text: e.message_id })],
            ['Item in the message', `${e.item_index + 1}`],
            ['Reference id', e.reference_id ? h('code', { text: e.reference_id }) : null],
            ['Transaction id', e.transaction_id ? h('code', { text: e.transaction_id }) : null],
            ['Signature profile', e.message ? e.message.profile : null],
            ['Our receipt (correlation id)', e.message ? h('code', { text: e.message.correlation_id }) : null],
          ])))));
}

async function rawData(panel, e) {
  replace(panel, h('p', null, 'Loading the notification…'));
  try {
    const text = await api('GET', `/events/${e.id}/raw`, { text: true });
    const pretty = prettyJson(text);
    const pre = h('pre', { class: 'raw', id: 'raw-envelope', tabindex: '0', 'aria-label': 'The notification as received',
      text: pretty });
    let formatted = true;
    const toggle = h('button', { type: 'button', class: 'button', id: 'raw-toggle', 'aria-pressed': 'false',
      text: 'Show exactly as received' });
    toggle.addEventListener('click', () => {
      formatted = !formatted;
      pre.textContent = formatted ? pretty : text;
      toggle.setAttribute('aria-pressed', formatted ? 'false' : 'true');
      toggle.textContent = formatted ? 'Show exactly as received' : 'Show formatted';
    });
    replace(panel,
      h('div', { class: 'toolbar' },
        h('p', null, `The whole notification (message ${e.message_id}) as the sender sent it`,
          e.item_index !== null ? `; this event is item ${e.item_index + 1} of its notify_event list.` : '.',
          ' Values are shown exactly as received.'),
        toggle),
      pre);
  } catch (err) {
    show(panel, 'error', describeError(err));
  }
}

function notes(panel, e) {
  const list = e.notes.length === 0
    ? h('p', { id: 'no-notes', text: 'No notes yet.' })
    : h('ol', { class: 'notes', id: 'notes-list' }, e.notes.map((n) => h('li', { class: 'note' },
      h('p', { class: 'note-meta' }, h('strong', { text: n.author }), ', ', time(n.at, true)),
      h('p', { class: 'note-text', text: n.text }))));
  const text = h('textarea', { id: 'note-text', rows: '4', maxlength: '10000', class: 'wide', required: true });
  const slot = h('div', { id: 'note-message', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'button primary', id: 'add-note', text: 'Add note' });
  const form = h('form', { class: 'card', 'aria-label': 'Add a note' },
    field('New note', text, 'Notes are kept with the event for everyone to read and cannot be changed later.'),
    slot, h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!text.value.trim()) {
      show(slot, 'error', 'Write the note first.');
      text.focus();
      return;
    }
    try {
      await withProgress(submit, 'Adding…', () => api('POST', `/events/${e.id}/notes`, { body: { text: text.value } }));
      const fresh = await api('GET', `/events/${e.id}`);
      e.notes = fresh.notes;
      e.history = fresh.history;
      notes(panel, e);
      show(document.getElementById('note-message'), 'success', 'Your note was added.');
      const tabButton = document.querySelector('[role=tab][data-tab=notes]');
      if (tabButton) {
        tabButton.textContent = `Notes (${e.notes.length})`;
      }
      const historyButton = document.querySelector('[role=tab][data-tab=history]');
      if (historyButton) {
        historyButton.textContent = `History (${e.history.length})`;
      }
      const historyPanel = document.querySelector('[role=tabpanel][data-panel=history]');
      if (historyPanel) {
        history(historyPanel, e);
      }
    } catch (err) {
      show(slot, 'error', describeError(err));
    }
  });
  replace(panel, list, form);
}

function history(panel, e) {
  replace(panel, table(null, ['When', 'What', 'State', 'By', 'Reason'], e.history.map((a) => [
    time(a.at, true),
    historyAction(a.action),
    a.from || a.to ? `${a.from ? STATES[a.from] || a.from : '–'} → ${a.to ? STATES[a.to] || a.to : '–'}` : '',
    a.actor,
    historyReason(a),
  ]), { id: 'history-table' }));
}

async function retry(button, e, body, slot) {
  const { confirmed, reason } = await confirmDialog({
    title: `Retry event #${e.id}?`,
    body: h('div', null, h('p', null, 'The event goes back in the queue and is processed again at once.'),
      problem(e.last_error) ? h('p', null, 'It failed because: ', problem(e.last_error)) : null),
    confirmLabel: 'Retry now',
    reasonLabel: 'Reason (optional, recorded in the history)',
  });
  if (!confirmed) {
    return;
  }
  try {
    await withProgress(button, 'Retrying…', async () => {
      await api('POST', `/events/${e.id}/retry`, { body: reason ? { reason } : {} });
      show(slot, 'progress', `Event #${e.id} is back in the queue. Waiting for the receiver to process it…`);
      const settled = await waitUntilSettled(e.id);
      const tab = new URLSearchParams(window.location.hash.split('?')[1] || '').get('tab') || 'summary';
      render(body, settled.event, tab);
      const after = document.getElementById('event-message');
      if (!settled.done) {
        show(after, 'info', `Event #${e.id} is queued and will be processed shortly. Refresh the page to see how it ended.`);
      } else if (settled.event.state === 'processed') {
        show(after, 'success', `Event #${e.id} was processed: ${outcome(settled.event.outcome)}`);
      } else {
        show(after, 'error', `Event #${e.id} failed again. ${problem(settled.event.last_error) || ''}`);
      }
    });
  } catch (err) {
    show(slot, 'error', describeError(err));
  }
}

/** Polls the event (up to 30 s) until it is neither received nor processing. */
async function waitUntilSettled(id) {
  let event = null;
  for (let i = 0; i < 60; i += 1) {
    event = await api('GET', `/events/${id}`);
    if (event.state !== 'received' && event.state !== 'processing') {
      return { event, done: true };
    }
    await sleep(500);
  }
  return { event, done: false };
}
