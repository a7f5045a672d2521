// The console's shell: sign-in, who is signed in, the navigation and the hash router (#/events/12?tab=raw).
import { api, describeError, handleUnauthorized, setToken, token, trackActivity } from './api.js';
import { h, replace, field } from './dom.js';
import { activity, clearFlash, flash, show } from './ui.js';
import { currentRoute, navigated, page, session, setRenderer } from './app.js';
import { dashboardView } from './views/dashboard.js';
import { eventsView } from './views/events.js';
import { eventView } from './views/event.js';
import { sendersView, senderView } from './views/senders.js';
import { personsView, personView } from './views/persons.js';

const main = document.getElementById('main');

function markNav(section) {
  for (const link of document.querySelectorAll('#nav a')) {
    if (link.dataset.nav === section) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
}

let generation = 0;

async function render() {
  generation += 1;
  const current = generation;
  if (!session.me) {
    signInView();
    return;
  }
  const { parts, params } = currentRoute();
  const section = parts[0] || 'dashboard';
  markNav(section === 'add-sender' ? 'senders' : section);
  try {
    if (section === 'dashboard') {
      await dashboardView(params);
    } else if (section === 'events' && parts.length === 1) {
      await eventsView(params);
    } else if (section === 'events') {
      await eventView(parts[1], params);
    } else if (section === 'senders' && parts.length === 1) {
      await sendersView();
    } else if (section === 'senders') {
      await senderView(parts.slice(1).join('/'), params);
    } else if (section === 'add-sender') {
      await senderView(null, params);
    } else if (section === 'persons' && parts.length === 1) {
      await personsView(params);
    } else if (section === 'persons') {
      await personView(parts[1]);
    } else {
      replace(page('Page not found').body, h('p', null, 'There is no such page. ',
        h('a', { href: '#/dashboard', text: 'Go to the dashboard' }), '.'));
    }
  } catch (e) {
    if (session.me && current === generation) {
      const { body } = page('Could not load this page');
      show(body, 'error', describeError(e));
      body.appendChild(h('p', null, h('button', { type: 'button', class: 'button', text: 'Try again',
        on: { click: () => render() } })));
    }
  }
}

function signInView(reason) {
  document.title = 'Sign in – CRVS Receiver console';
  document.getElementById('nav').hidden = true;
  document.getElementById('whoami').hidden = true;
  const input = h('input', { type: 'password', id: 'token', name: 'token', autocomplete: 'off', required: true,
    spellcheck: 'false', class: 'wide' });
  const errors = h('div', { id: 'signin-message', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'button primary', id: 'signin', text: 'Sign in' });
  const form = h('form', { class: 'card signin', 'aria-labelledby': 'page-title' },
    h('h1', { id: 'page-title', tabindex: '-1', text: 'Sign in' }),
    h('p', null, 'Paste your API token to work with the CRVS Receiver. An administrator creates tokens with ',
      h('code', { text: './crvs users add NAME --role user' }), ' (or ', h('code', { text: '--role admin' }), ').'),
    field('API token', input, 'The token is kept only in this browser tab and forgotten when you close it.'),
    errors,
    h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = input.value.trim();
    if (!value) {
      show(errors, 'error', 'Paste your API token first.');
      input.focus();
      return;
    }
    submit.disabled = true;
    show(errors, 'progress', 'Checking your token…');
    try {
      session.me = await api('GET', '/me', { token: value });
      setToken(value);
      signedIn();
      clearFlash();
      render();
    } catch (e) {
      show(errors, 'error', e.code === 'unauthorized'
        ? 'This token was not accepted. Check that you copied all of it, or ask an administrator for a new one.'
        : describeError(e));
      input.focus();
    } finally {
      submit.disabled = false;
    }
  });
  replace(main, form);
  if (reason) {
    show(errors, 'error', reason);
  }
  input.focus();
}

function signedIn() {
  document.getElementById('nav').hidden = false;
  document.getElementById('whoami').hidden = false;
  document.getElementById('whoami-text').textContent = `Signed in as ${session.me.name} (${session.me.role})`;
  document.body.dataset.role = session.me.role;
}

function signOut(reason) {
  setToken(null);
  session.me = null;
  delete document.body.dataset.role;
  clearFlash();
  signInView(reason);
}

async function start() {
  setRenderer(render);
  trackActivity(activity);
  handleUnauthorized(() => {
    if (session.me) {
      signOut('Your sign-in is no longer valid: the token is unknown or its user was deactivated. Please sign in again.');
    }
  });
  document.getElementById('signout').addEventListener('click', () => {
    signOut(null);
    flash('info', 'You are signed out.');
  });
  document.getElementById('skip-link').addEventListener('click', (event) => {
    event.preventDefault();
    main.focus();
  });
  window.addEventListener('hashchange', () => {
    if (navigated()) {
      clearFlash();
    }
    render();
  });
  if (token()) {
    try {
      session.me = await api('GET', '/me');
      signedIn();
    } catch (e) {
      if (e.code === 'unauthorized') {
        setToken(null);
        signInView(describeError(e));
      } else {
        const { body } = page('The console cannot start');
        show(body, 'error', describeError(e));
        body.appendChild(h('p', null, h('button', { type: 'button', class: 'button', text: 'Try again',
          on: { click: () => window.location.reload() } })));
      }
      return;
    }
  }
  render();
}

start();
