// Events: filters (state, type, sender, received dates, identifier), paging, and "retry all errors matching this
// filter" with a confirmation.
import { api, describeError } from '../api.js';
import { field, h, replace, select, sleep, table } from '../dom.js';
import { eventsHref, navigate, page, senderHref } from '../app.js';
import {
  IDENTIFIER_TYPES, STATES, TYPES, confirmDialog, flash, identifierList, resultShort, show, stateBadge, time,
  typeLabel, withProgress,
} from '../ui.js';

const FILTERS = ['state', 'type', 'sender', 'from', 'to', 'identifier', 'person'];
const PAGE_SIZES = ['25', '50', '100'];

/** The filter of a route's parameters (only the known, non-empty ones). */
function filterOf(params) {
  const filter = {};
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value) {
      filter[name] = value;
    }
  }
  return filter;
}

function query(filter, extra) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(Object.assign({}, filter, extra))) {
    if (value !== null && value !== undefined && value !== '') {
      params.set(key, value);
    }
  }
  return params.toString();
}

/** The events table shared by the list and the person page. */
export function eventsTable(items, caption, props) {
  return table(caption, ['Event', 'Received', 'Type', 'Event date', 'Identifiers', 'Sender', 'State', 'Tries', 'Result'],
    items.map((e) => [
      h('a', { href: `#/events/${e.id}`, 'data-event-id': e.id, text: `#${e.id}` }),
      time(e.received_at),
      typeLabel(e.type),
      h('span', { class: 'nowrap', text: e.event_date || '–' }),
      identifierList(e.identifiers),
      h('a', { href: senderHref(e.sender_id), text: e.sender_id }),
      stateBadge(e.state),
      String(e.attempts),
      resultShort(e),
    ]), props);
}

function dateInput(name, value) {
  const isDate = !value || /^\d{4}-\d{2}-\d{2}$/.test(value);
  return h('input', { type: isDate ? 'date' : 'text', name, id: `filter-${name}`, value: value || '' });
}

export async function eventsView(params) {
  const { body } = page('Events');
  const filter = filterOf(params);
  const offset = Math.max(0, parseInt(params.get('offset') || '0', 10) || 0);
  const limit = PAGE_SIZES.includes(params.get('limit')) ? params.get('limit') : '50';
  const [list, senders] = await Promise.all([
    api('GET', `/events?${query(filter, { offset, limit })}`),
    api('GET', '/senders'),
  ]);

  // ---- the filter form -------------------------------------------------------------------------------------
  const [idType, idValue] = filter.identifier ? [filter.identifier.split(':')[0],
    filter.identifier.slice(filter.identifier.indexOf(':') + 1)] : ['UIN', ''];
  const controls = {
    state: select([['', 'Any state'], ...Object.entries(STATES)], filter.state, { id: 'filter-state', name: 'state' }),
    type: select([['', 'Any type'], ...Object.entries(TYPES)], filter.type, { id: 'filter-type', name: 'type' }),
    sender: select([['', 'Any sender'], ...senders.items.map((s) => [s.sender_id,
      s.name === s.sender_id ? s.sender_id : `${s.name} (${s.sender_id})`])], filter.sender,
    { id: 'filter-sender', name: 'sender' }),
    from: dateInput('from', filter.from),
    to: dateInput('to', filter.to),
    idType: select(IDENTIFIER_TYPES, idType, { id: 'filter-id-type', name: 'id-type' }),
    idValue: h('input', { type: 'text', id: 'filter-id-value', name: 'id-value', value: idValue,
      placeholder: 'e.g. U-1001' }),
  };
  const form = h('form', { class: 'filters card', id: 'event-filters', 'aria-label': 'Filter events' },
    h('div', { class: 'filter-grid' },
      field('State', controls.state),
      field('Type', controls.type),
      field('Sender', controls.sender),
      field('Received from', controls.from, 'UTC date'),
      field('Received until', controls.to, 'UTC date, included'),
      field('Identifier type', controls.idType),
      field('Identifier value', controls.idValue)),
    filter.person ? h('p', { class: 'hint' }, `Only events applied to registry person ${filter.person}. `,
      h('a', { href: eventsHref(Object.assign({}, filter, { person: null })), text: 'Show all persons' })) : null,
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'button primary', id: 'apply-filters', text: 'Apply filters' }),
      h('a', { href: '#/events', class: 'button', id: 'clear-filters', text: 'Clear filters' })));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = {
      state: controls.state.value,
      type: controls.type.value,
      sender: controls.sender.value,
      from: controls.from.value,
      to: controls.to.value,
      identifier: controls.idValue.value.trim() ? `${controls.idType.value}:${controls.idValue.value.trim()}` : '',
      person: filter.person || '',
      limit: limit === '50' ? '' : limit,
    };
    navigate(`#/events${query(next) ? `?${query(next)}` : ''}`);
  });

  // ---- the result --------------------------------------------------------------------------------------------
  const first = list.total === 0 ? 0 : offset + 1;
  const last = offset + list.items.length;
  const summary = h('p', { id: 'result-summary', role: 'status' }, list.total === 0
    ? 'No event matches these filters.'
    : `Showing events ${first}–${last} of ${list.total}, newest first.`);
  const pageLink = (to, label, id) => h('a', { class: 'button', id, href: `#/events?${query(filter,
    { offset: to === 0 ? null : to, limit: limit === '50' ? null : limit })}`, text: label });
  const size = select(PAGE_SIZES.map((s) => [s, `${s} per page`]), limit, { id: 'page-size' });
  size.addEventListener('change', () => navigate(`#/events?${query(filter, { limit: size.value === '50' ? null : size.value })}`));
  const paging = h('nav', { class: 'paging', 'aria-label': 'Pages of events' },
    offset > 0 ? pageLink(Math.max(0, offset - Number(limit)), '← Newer', 'page-prev') : null,
    last < list.total ? pageLink(offset + Number(limit), 'Older →', 'page-next') : null,
    h('label', { for: 'page-size', class: 'visually-hidden', text: 'Events per page' }), size);

  // ---- retry all errors matching this filter ----------------------------------------------------------------
  const bulkMessage = h('div', { id: 'bulk-message', 'aria-live': 'polite' });
  const bulk = h('button', { type: 'button', class: 'button', id: 'retry-matching',
    text: 'Retry all errors matching this filter' });
  bulk.addEventListener('click', () => retryMatching(filter, bulk, bulkMessage));

  replace(body, form,
    h('div', { class: 'toolbar' }, summary, bulk),
    bulkMessage,
    list.items.length > 0 ? eventsTable(list.items, null, { id: 'events-table' }) : null,
    paging);
}

async function retryMatching(filter, button, slot) {
  const criteria = Object.assign({}, filter);
  delete criteria.state;
  try {
    const errors = await api('GET', `/events?${query(criteria, { state: 'error', limit: 1 })}`);
    if (errors.total === 0) {
      show(slot, 'info', 'No event in error matches this filter, so there is nothing to retry.');
      return;
    }
    const n = errors.total;
    const what = `${n} event${n === 1 ? '' : 's'} in error`;
    const { confirmed, reason } = await confirmDialog({
      title: `Retry ${what}?`,
      body: h('div', null,
        h('p', null, `${what} ${n === 1 ? 'matches' : 'match'} the filters above`,
          filter.state && filter.state !== 'error' ? ' (the state filter is ignored: only events in error are retried)' : '',
          '. ', n === 1 ? 'It' : 'They', ' will be put back in the queue and processed again at once.'),
        h('p', null, 'Each retry is recorded in the event’s history with your name and the reason.')),
      confirmLabel: `Retry ${n} event${n === 1 ? '' : 's'}`,
      reasonLabel: 'Reason (optional, recorded in the history)',
    });
    if (!confirmed) {
      show(slot, null);
      return;
    }
    const result = await withProgress(button, 'Retrying…', () => api('POST', '/events/retry',
      { body: Object.assign({}, criteria, reason ? { reason } : {},
        Object.keys(criteria).length === 0 ? { all: true } : {}) }));
    show(slot, 'progress', `${result.retried} event${result.retried === 1 ? ' was' : 's were'} put back in the queue. `
      + 'Waiting for the receiver to process them…');
    await waitForQueue(criteria);
    flash('success', `${result.retried} event${result.retried === 1 ? ' was' : 's were'} retried. `
      + 'The list below shows how they ended.');
    navigate(window.location.hash || '#/events');
  } catch (e) {
    show(slot, 'error', describeError(e));
  }
}

/** Waits (up to 30 s) until no event matching the criteria is received or processing. */
async function waitForQueue(criteria) {
  for (let i = 0; i < 60; i += 1) {
    const [received, processing] = await Promise.all(['received', 'processing'].map((state) =>
      api('GET', `/events?${query(criteria, { state, limit: 1 })}`)));
    if (received.total === 0 && processing.total === 0) {
      return;
    }
    await sleep(500);
  }
}
