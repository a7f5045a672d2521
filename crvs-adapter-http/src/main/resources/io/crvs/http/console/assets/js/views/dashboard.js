// Dashboard: the queue at a glance, what arrived in the last 24 hours, events by type, each sender's keys.
import { api } from '../api.js';
import { h, replace, table } from '../dom.js';
import { eventsHref, page, senderHref } from '../app.js';
import { STATES, TYPES, age, keyHealthBadge, time } from '../ui.js';

const MAIN_TYPES = ['birth', 'death', 'marriage', 'divorce'];

export async function dashboardView() {
  const { body } = page('Dashboard');
  const d = await api('GET', '/dashboard');
  const refresh = h('button', { type: 'button', class: 'button', id: 'refresh', text: 'Refresh',
    on: { click: () => dashboardView() } });

  const stateCards = h('ul', { class: 'cards', 'aria-label': 'Events by state' },
    Object.keys(STATES).map((state) => h('li', { class: `card count state-card-${state}` },
      h('a', { href: eventsHref({ state }), 'data-count': state },
        h('span', { class: 'count-number', text: d.counts[state] }),
        h('span', { class: 'count-label', text: STATES[state] })))));

  const queue = d.due === 0
    ? h('p', { id: 'queue-status' }, 'Nothing is waiting: every event has been handled or is scheduled for a later retry.')
    : h('p', { id: 'queue-status' }, `${d.due} event${d.due === 1 ? ' is' : 's are'} waiting to be processed now. `,
      'The oldest has been waiting since ', time(d.oldest_due_since), ` (${age(d.oldest_due_age_seconds)}).`);

  const recent = d.last_24h;
  const recentErrors = h('p', { id: 'recent' },
    h('strong', { text: `${recent.received} event${recent.received === 1 ? '' : 's'}` }),
    ' received in the last 24 hours; ',
    recent.error === 0
      ? 'none of them is in error.'
      : h('a', { href: eventsHref({ state: 'error', from: recent.since }),
        text: `${recent.error} of them ${recent.error === 1 ? 'is' : 'are'} in error` }),
    recent.error === 0 ? null : '.');

  const types = Object.keys(TYPES).filter((t) => MAIN_TYPES.includes(t) || d.by_type[t] > 0);
  const byType = table(null, ['Type', 'Events'], types.map((t) => [
    h('a', { href: eventsHref({ type: t }), text: TYPES[t] }), String(d.by_type[t] || 0)]),
  { id: 'by-type', class: 'data narrow' });

  const senders = d.senders.length === 0
    ? h('p', null, 'No sender is registered yet. ', h('a', { href: '#/senders', text: 'Go to Senders' }), '.')
    : table(null, ['Sender', 'Active', 'Key health', 'Usable keys', 'Last key fetch', 'Keys fetched',
      'Received (24\u00a0h)', 'In error (24\u00a0h)'],
    d.senders.map((s) => [
      h('a', { href: senderHref(s.sender_id), text: s.name === s.sender_id ? s.sender_id : `${s.name} (${s.sender_id})` }),
      s.active ? 'Yes' : 'No – messages refused',
      h('div', null, keyHealthBadge(s.key_health),
        s.last_key_fetch_error ? h('div', { class: 'small muted', text: s.last_key_fetch_error }) : null),
      String(s.key_count),
      time(s.last_key_fetch) || 'Never',
      time(s.keys_fetched_at) || '–',
      h('a', { href: eventsHref({ sender: s.sender_id, from: recent.since }), text: String(s.received_24h) }),
      s.error_24h === 0 ? '0' : h('a', { href: eventsHref({ sender: s.sender_id, state: 'error', from: recent.since }),
        class: 'bad-text', text: String(s.error_24h) }),
    ]), { id: 'sender-health' });

  replace(body,
    h('p', { class: 'lead' }, 'As of ', time(d.generated_at), '. ', refresh),
    h('div', { class: 'columns' },
      h('div', { class: 'grow' },
        h('section', { 'aria-labelledby': 'h-states' }, h('h2', { id: 'h-states', text: `All events (${d.total})` }),
          stateCards, queue),
        h('section', { 'aria-labelledby': 'h-recent' },
          h('h2', { id: 'h-recent', text: 'Last 24 hours' }), recentErrors)),
      h('section', { 'aria-labelledby': 'h-types' }, h('h2', { id: 'h-types', text: 'Events by type' }), byType)),
    h('section', { 'aria-labelledby': 'h-senders' },
      h('h2', { id: 'h-senders', text: 'Senders and their keys' }), senders));
}
