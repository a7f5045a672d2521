// Persons: look a registry person up by identifier (BRN, DRN, MRN, UIN) and see every event that touched them:
// those applied to them, and those carrying one of their identifiers (including events still waiting for a match).
import { api } from '../api.js';
import { details, field, h, replace, select } from '../dom.js';
import { navigate, page } from '../app.js';
import { IDENTIFIER_TYPES, identifierList, personName, show } from '../ui.js';
import { eventsTable } from './events.js';

const EVENT_LIMIT = 100;

export async function personsView(params) {
  const { body } = page('Persons');
  const wanted = params.get('identifier') || '';
  const colon = wanted.indexOf(':');
  const [type, value] = colon > 0 ? [wanted.slice(0, colon), wanted.slice(colon + 1)] : ['UIN', ''];
  const typeSelect = select(IDENTIFIER_TYPES, type, { id: 'person-id-type' });
  const valueInput = h('input', { type: 'text', id: 'person-id-value', value, required: true,
    placeholder: 'e.g. U-1001', autocomplete: 'off', spellcheck: 'false' });
  const form = h('form', { class: 'card filters', id: 'person-search', 'aria-label': 'Look up a person' },
    h('div', { class: 'filter-grid' }, field('Identifier type', typeSelect), field('Identifier', valueInput)),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button primary', id: 'person-lookup',
      text: 'Look up' })));
  const results = h('div', { id: 'person-results' });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const v = valueInput.value.trim();
    if (!v) {
      show(results, 'error', 'Enter the identifier to look up.');
      valueInput.focus();
      return;
    }
    navigate(`#/persons?identifier=${encodeURIComponent(`${typeSelect.value}:${v}`)}`);
  });
  replace(body, h('p', { class: 'lead', text: 'Find a person of the registry by one of their identifiers and see '
    + 'every event that concerns them.' }), form, results);
  if (!wanted) {
    valueInput.focus();
    return;
  }
  show(results, 'progress', 'Looking up…');
  const found = await api('GET', `/persons?identifier=${encodeURIComponent(wanted)}`);
  if (found.items.length === 0) {
    show(results, 'info', `No person in the registry has ${type} ${value}. Events carrying it may still be waiting for `
      + 'the person to be registered: ', h('a', { href: `#/events?identifier=${encodeURIComponent(wanted)}`,
      text: 'see those events' }), '.');
    return;
  }
  const cards = [];
  for (const person of found.items) {
    cards.push(await personCard(person));
  }
  replace(results, found.items.length > 1
    ? h('p', { class: 'notice', text: `${found.items.length} persons carry ${type} ${value} (spouses share a marriage `
      + 'registration number).' })
    : null, cards);
}

export async function personView(idText) {
  const { body, retitle } = page(`Person ${idText}`);
  if (!/^[1-9][0-9]*$/.test(idText)) {
    show(body, 'error', `“${idText}” is not a person number.`);
    return;
  }
  const person = await api('GET', `/persons/${idText}`);
  retitle(`Person: ${personName(person.name) || `#${person.id}`}`);
  replace(body, await personCard(person), h('p', null, h('a', { class: 'button', href: '#/persons',
    text: 'Look up another person' })));
}

/** The person and the events that touched them, newest first. */
async function personCard(p) {
  const queries = [`person=${p.id}`, ...p.identifiers.map((i) => `identifier=${encodeURIComponent(`${i.type}:${i.value}`)}`)];
  const pages = await Promise.all(queries.map((q) => api('GET', `/events?${q}&limit=${EVENT_LIMIT}`)));
  const byId = new Map();
  let truncated = false;
  for (const result of pages) {
    truncated = truncated || result.total > result.items.length;
    for (const e of result.items) {
      byId.set(e.id, e);
    }
  }
  const events = [...byId.values()].sort((a, b) => b.id - a.id);
  const name = personName(p.name) || `Person ${p.id}`;
  const headingId = `person-${p.id}-name`;
  return h('section', { class: 'card person', 'aria-labelledby': headingId, 'data-person-id': p.id },
    h('h2', { id: headingId, text: name }),
    details([
      ['Registry id', String(p.id)],
      ['Identifiers', identifierList(p.identifiers)],
      ['Date of birth', p.birth_date || 'Not recorded'],
      ['Deceased', p.deceased ? `Yes${p.death_date ? `, on ${p.death_date}` : ''}` : 'No'],
      ['Civil status', p.civil_status ? `${p.civil_status}${p.civil_status_date ? ` since ${p.civil_status_date}` : ''}`
        : 'Not recorded'],
      ['Record version', String(p.version)],
    ], { class: 'details person-details' }),
    h('h3', { text: `Events that concern ${name} (${events.length}${truncated ? '+' : ''})` }),
    events.length === 0
      ? h('p', { text: 'No event concerns this person yet.' })
      : eventsTable(events, null, { class: 'data person-events' }),
    truncated ? h('p', { class: 'hint', text: `Only the ${EVENT_LIMIT} most recent events of each identifier are shown.` })
      : null);
}
