// Senders: the list; one sender's Details, Public Key (stored keys, Fetch Public Key) and Notes. Only an admin
// sees the controls that change a sender; the server refuses the calls for anyone else anyway.
import { api, describeError, senderSegment } from '../api.js';
import { details, field, h, replace, select, setFieldError, table } from '../dom.js';
import { eventsHref, flashAcrossNavigation, isAdmin, navigate, page, rememberParam, senderHref } from '../app.js';
import {
  PROFILES, confirmDialog, keyHealthBadge, profileLabel, show, tabs, time, withProgress,
} from '../ui.js';

const ALGORITHMS = ['EdDSA', 'Ed25519', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'];
const TABS = ['details', 'keys', 'notes'];

function keyHealth(s) {
  if (s.profile === 'none') {
    return 'not_needed';
  }
  if (s.last_key_fetch_error) {
    return s.keys_fetched_at ? 'stale' : 'failing';
  }
  if (!s.keys_fetched_at) {
    return 'never_fetched';
  }
  return s.key_count > 0 ? 'ok' : 'no_usable_keys';
}

export async function sendersView() {
  const { body } = page('Senders');
  const list = await api('GET', '/senders');
  const add = isAdmin()
    ? h('a', { class: 'button primary', href: '#/add-sender', id: 'add-sender', text: 'Add a sender' })
    : null;
  const intro = h('p', { class: 'lead' }, 'The CRVS systems allowed to send us notifications, and how their '
    + 'signatures are checked. ', isAdmin() ? null : 'You can read senders; only an administrator can change them.');
  replace(body,
    h('div', { class: 'toolbar' }, intro, add),
    list.items.length === 0
      ? h('p', null, 'No sender is registered yet.')
      : table(null, ['Sender id', 'Name', 'Signature profile', 'Active', 'Keys', 'Last key fetch'],
        list.items.map((s) => [
          h('a', { href: senderHref(s.sender_id), 'data-sender': s.sender_id, text: s.sender_id }),
          s.name,
          profileLabel(s.profile),
          s.active ? 'Yes' : 'No',
          h('span', null, keyHealthBadge(keyHealth(s)), ` ${s.key_count} usable`),
          time(s.last_key_fetch) || 'Never',
        ]), { id: 'senders-table' }));
}

/** A sender's page; senderId null is the "add a sender" form (admin only). */
export async function senderView(senderId, params) {
  if (senderId === null) {
    const { body } = page('Add a sender');
    if (!isAdmin()) {
      show(body, 'error', 'Only an administrator can add senders.');
      return;
    }
    replace(body, detailsForm(null));
    return;
  }
  const { body, retitle } = page(`Sender ${senderId}`);
  const sender = await api('GET', `/senders/${senderSegment(senderId)}`);
  retitle(`Sender: ${sender.name === sender.sender_id ? sender.sender_id : `${sender.name} (${sender.sender_id})`}`);
  const tab = TABS.includes(params.get('tab')) ? params.get('tab') : 'details';
  const toolbar = h('div', { class: 'toolbar' },
    h('p', { class: 'lead' }, h('span', { id: 'sender-key-health' }, keyHealthBadge(keyHealth(sender))), ' ',
      sender.active ? 'Active: its notifications are accepted.' : 'Inactive: its notifications are refused.'),
    h('div', { class: 'actions' },
      h('a', { class: 'button', href: eventsHref({ sender: sender.sender_id }), text: 'Events from this sender' }),
      isAdmin() ? h('button', { type: 'button', class: 'button danger', id: 'delete-sender', text: 'Delete sender',
        on: { click: (e) => deleteSender(e.currentTarget, sender) } }) : null,
      h('a', { class: 'button', href: '#/senders', text: 'All senders' })));
  const message = h('div', { id: 'sender-message', 'aria-live': 'polite' });
  const view = tabs('Sender', [
    { key: 'details', label: 'Details', render: (panel) => replace(panel, isAdmin() ? detailsForm(sender) : readOnlyDetails(sender)) },
    { key: 'keys', label: 'Public Key', render: (panel) => publicKeys(panel, sender) },
    { key: 'notes', label: 'Notes', render: (panel) => notesTab(panel, sender) },
  ], tab, (key) => rememberParam('tab', key === 'details' ? null : key));
  replace(body, toolbar, message, view);
}

function readOnlyDetails(s) {
  return h('div', null,
    h('p', { class: 'notice', id: 'read-only-notice' }, 'You can read this sender; only an administrator can change '
      + 'or delete it, or fetch its keys.'),
    details([
      ['Sender id', s.sender_id],
      ['Name', s.name],
      ['JWKS URL (where its public keys are published)', s.jwks_url || 'None'],
      ['Signature profile', profileLabel(s.profile)],
      ['Allowed algorithms', s.allowed_algorithms.length ? s.allowed_algorithms.join(', ') : 'The profile’s usual ones'],
      ['Active', s.active ? 'Yes' : 'No'],
    ], { id: 'sender-details' }));
}

/** The create (sender null) or edit form. */
function detailsForm(sender) {
  const creating = sender === null;
  const s = sender || { sender_id: '', name: '', jwks_url: '', profile: 'dci-cavage-ed25519', allowed_algorithms: [],
    active: true };
  const controls = {
    sender_id: h('input', { type: 'text', id: 'sender-id', value: s.sender_id, required: true, maxlength: '256',
      readonly: !creating, class: 'wide', autocomplete: 'off', spellcheck: 'false' }),
    name: h('input', { type: 'text', id: 'sender-name', value: s.name || '', maxlength: '200', class: 'wide' }),
    jwks_url: h('input', { type: 'url', id: 'sender-jwks-url', value: s.jwks_url || '', maxlength: '2048',
      class: 'wide', placeholder: 'https://crvs.example.gov/.well-known/jwks.json' }),
    profile: select(Object.entries(PROFILES), s.profile, { id: 'sender-profile' }),
    active: h('input', { type: 'checkbox', id: 'sender-active', checked: s.active }),
  };
  const algorithmBoxes = ALGORITHMS.map((alg) => h('input', { type: 'checkbox', id: `alg-${alg}`, value: alg,
    checked: s.allowed_algorithms.includes(alg) }));
  const algorithms = h('fieldset', { class: 'field checkboxes', id: 'sender-algorithms',
    'aria-describedby': 'alg-hint alg-error' },
  h('legend', { text: 'Allowed algorithms' }),
  h('p', { class: 'hint', id: 'alg-hint', text: 'Leave all unticked to accept the usual algorithms of the profile.' }),
  h('div', { class: 'checkbox-row' }, algorithmBoxes.map((box) => h('label', { for: box.id, class: 'checkbox' }, box,
    ` ${box.value}`))),
  h('p', { class: 'field-error', id: 'alg-error', hidden: true }));
  const slot = h('div', { id: 'sender-form-message', 'aria-live': 'polite' });
  const save = h('button', { type: 'submit', class: 'button primary', id: 'save-sender',
    text: creating ? 'Add sender' : 'Save changes' });
  const form = h('form', { class: 'card', id: 'sender-form', 'aria-label': creating ? 'New sender' : 'Sender details',
    novalidate: true },
  field('Sender id', controls.sender_id, creating
    ? 'The header.sender_id the CRVS system puts in its messages: letters, digits and . _ - : /'
    : 'The id cannot be changed.'),
  field('Name', controls.name, 'A name people recognise, e.g. “National CRVS”.'),
  field('JWKS URL', controls.jwks_url, 'Where the sender publishes its public keys. Needed for every profile but “none”.'),
  field('Signature profile', controls.profile, 'How the sender signs, as agreed when it was onboarded.'),
  algorithms,
  h('div', { class: 'field' }, h('label', { for: controls.active.id, class: 'checkbox' }, controls.active,
    ' Active – accept notifications from this sender')),
  slot,
  h('div', { class: 'actions' }, save));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    Object.values(controls).forEach((c) => setFieldError(c, null));
    const errorLine = document.getElementById('alg-error');
    errorLine.hidden = true;
    const payload = {
      name: controls.name.value.trim() || null,
      jwks_url: controls.jwks_url.value.trim() || null,
      profile: controls.profile.value,
      allowed_algorithms: algorithmBoxes.filter((b) => b.checked).map((b) => b.value),
      active: controls.active.checked,
    };
    if (creating) {
      payload.sender_id = controls.sender_id.value.trim();
      if (!payload.sender_id) {
        setFieldError(controls.sender_id, 'Enter the sender id.');
        controls.sender_id.focus();
        return;
      }
    }
    try {
      const saved = await withProgress(save, 'Saving…', () => (creating
        ? api('POST', '/senders', { body: payload })
        : api('PUT', `/senders/${senderSegment(s.sender_id)}`, { body: payload })));
      if (creating) {
        flashAcrossNavigation('success', `Sender ${saved.sender_id} was added. Now fetch its public key on the `
          + '“Public Key” tab to check that its JWKS URL works.');
        navigate(senderHref(saved.sender_id, 'keys'));
      } else {
        flashAcrossNavigation('success', 'Your changes were saved.');
        navigate(senderHref(saved.sender_id));
      }
    } catch (e) {
      const control = e.field === 'allowed_algorithms' ? null : controls[e.field];
      if (control) {
        setFieldError(control, e.message);
        control.focus();
      } else if (e.field === 'allowed_algorithms') {
        errorLine.textContent = e.message;
        errorLine.hidden = false;
      }
      show(slot, 'error', describeError(e));
    }
  });
  return form;
}

async function publicKeys(panel, sender) {
  replace(panel, h('p', null, 'Loading the stored keys…'));
  const result = h('div', { id: 'fetch-result', 'aria-live': 'polite' });
  const stored = h('div', { id: 'stored-keys' });
  const fetchButton = isAdmin() && sender.jwks_url
    ? h('button', { type: 'button', class: 'button primary', id: 'fetch-keys', text: 'Fetch Public Key' })
    : null;
  const status = h('div', { id: 'fetch-status' });
  const showStatus = (s) => replace(status, details([
    ['JWKS URL', s.jwks_url || 'None (this profile needs no keys)'],
    ['Last fetch attempt', time(s.last_key_fetch) || 'Never'],
    ['Last fetch problem', s.last_key_fetch_error],
  ]));
  showStatus(sender);
  if (fetchButton) {
    fetchButton.addEventListener('click', async () => {
      show(result, 'progress', `Fetching the public keys from ${sender.jwks_url}…`);
      try {
        const fetched = await withProgress(fetchButton, 'Fetching…', () =>
          api('POST', `/senders/${senderSegment(sender.sender_id)}/fetch-keys`));
        show(result, 'success',
          h('p', null, `Fetched ${fetched.keys.length} usable key${fetched.keys.length === 1 ? '' : 's'} from `
            + `${fetched.source_url} at `, time(fetched.fetched_at), '. They are stored and used from now on.'),
          fetched.skipped.length ? h('p', null, `${fetched.skipped.length} entr${fetched.skipped.length === 1 ? 'y' : 'ies'} `
            + 'could not be used: ' + fetched.skipped.join('; ')) : null,
          h('ul', null, fetched.keys.map((k) => h('li', { text: `${k.kid || '(no kid)'} – ${k.kty}${k.alg ? `, ${k.alg}` : ''}` }))));
      } catch (e) {
        show(result, 'error', describeError(e));
      }
      try {
        const fresh = await api('GET', `/senders/${senderSegment(sender.sender_id)}`);
        showStatus(fresh);
        const badge = document.getElementById('sender-key-health');
        if (badge) {
          replace(badge, keyHealthBadge(keyHealth(fresh)));
        }
        await loadStored(stored, sender);
      } catch (e) {
        show(stored, 'error', describeError(e));
      }
    });
  }
  replace(panel,
    h('p', null, 'The public keys this sender’s signatures are checked with, as last fetched from its JWKS URL. '
      + 'The receiver refreshes them by itself; fetch them now after the sender rotated its keys or to check the URL.'),
    status,
    fetchButton ? h('div', { class: 'actions' }, fetchButton) : (isAdmin() ? null
      : h('p', { class: 'notice' }, 'Only an administrator can fetch keys.')),
    result,
    h('h2', { text: 'Stored keys' }),
    stored);
  await loadStored(stored, sender);
}

async function loadStored(slot, sender) {
  try {
    const keys = await api('GET', `/senders/${senderSegment(sender.sender_id)}/keys`);
    replace(slot,
      keys.keys.length === 0
        ? h('p', { id: 'no-keys' }, keys.error ? `The stored document cannot be used: ${keys.error}` : 'No keys are stored yet.')
        : table(null, ['Key id (kid)', 'Key type', 'Algorithm', 'Use', 'Fetched at', 'From'],
          keys.keys.map((k) => [h('code', { text: k.kid || '(none)' }), k.kty, k.alg || 'any (profile decides)',
            k.use || '–', time(k.fetched_at), k.source_url]), { id: 'keys-table' }),
      keys.skipped.length
        ? h('div', null, h('h3', { text: 'Entries that cannot be used' }),
          h('ul', null, keys.skipped.map((reason) => h('li', { text: reason }))))
        : null);
  } catch (e) {
    show(slot, 'error', describeError(e));
  }
}

function notesTab(panel, sender) {
  if (!isAdmin()) {
    replace(panel, sender.notes
      ? h('p', { class: 'note-text', id: 'sender-notes', text: sender.notes })
      : h('p', { id: 'sender-notes', text: 'No notes.' }));
    return;
  }
  const text = h('textarea', { id: 'sender-notes', rows: '6', maxlength: '10000', class: 'wide', value: sender.notes || '' });
  const slot = h('div', { id: 'sender-notes-message', 'aria-live': 'polite' });
  const save = h('button', { type: 'submit', class: 'button primary', id: 'save-notes', text: 'Save notes' });
  const form = h('form', { class: 'card', 'aria-label': 'Sender notes' },
    field('Notes about this sender', text, 'Contacts, agreements, anything colleagues should know.'),
    slot, h('div', { class: 'actions' }, save));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const saved = await withProgress(save, 'Saving…', () => api('PUT', `/senders/${senderSegment(sender.sender_id)}`,
        { body: { notes: text.value } }));
      sender.notes = saved.notes;
      show(slot, 'success', 'The notes were saved.');
    } catch (e) {
      show(slot, 'error', describeError(e));
    }
  });
  replace(panel, form);
}

async function deleteSender(button, sender) {
  const { confirmed } = await confirmDialog({
    title: `Delete sender ${sender.sender_id}?`,
    body: h('div', null,
      h('p', null, 'Notifications from this sender will be refused from now on.'),
      h('p', null, 'Its messages and events are kept: they stay in the events list and their history.')),
    confirmLabel: 'Delete sender',
    danger: true,
  });
  if (!confirmed) {
    return;
  }
  const slot = document.getElementById('sender-message');
  try {
    await withProgress(button, 'Deleting…', () => api('DELETE', `/senders/${senderSegment(sender.sender_id)}`));
    flashAcrossNavigation('success', `Sender ${sender.sender_id} was deleted.`);
    navigate('#/senders');
  } catch (e) {
    show(slot, 'error', describeError(e));
  }
}
