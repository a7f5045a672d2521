// State and navigation shared by the views: who is signed in, the hash route, page titles.
import { h, replace } from './dom.js';
import { flash, message } from './ui.js';

/** Who is signed in ({ name, role }), or null. */
export const session = { me: null };

export function isAdmin() {
  return session.me !== null && session.me.role === 'admin';
}

let renderer = () => {};

/** Set once by main.js: renders the current route. */
export function setRenderer(render) {
  renderer = render;
}

/** The current route: path segments and query parameters of the hash (#/events/12?tab=raw). */
export function currentRoute() {
  const hash = window.location.hash.startsWith('#/') ? window.location.hash.slice(2) : '';
  const [path, query] = hash.split('?');
  return {
    parts: path.split('/').filter((p) => p.length > 0).map(decodeURIComponent),
    params: new URLSearchParams(query || ''),
  };
}

/** Goes to a route (#/...); going to the current one renders it again. */
export function navigate(hash) {
  if (window.location.hash === hash) {
    renderer();
  } else {
    window.location.hash = hash;
  }
}

/** Changes one query parameter of the current route without rendering again (the selected tab, say). */
export function rememberParam(name, value) {
  const { parts, params } = currentRoute();
  if (value) {
    params.set(name, value);
  } else {
    params.delete(name);
  }
  const query = params.toString();
  const hash = `#/${parts.map(encodeURIComponent).join('/')}${query ? `?${query}` : ''}`;
  window.history.replaceState(null, '', hash);
}

/**
 * Starts a page at once (before its data arrives): the document title, the h1 (focused, for screen readers) and
 * a body that says "Loading…" until the view fills it. A view that finishes after the user went elsewhere fills
 * a body that is no longer shown, so a slow answer never overwrites a newer page.
 */
export function page(title) {
  document.title = `${title} – CRVS Receiver console`;
  const heading = h('h1', { tabindex: '-1', id: 'page-title', text: title });
  const body = h('div', { class: 'page-body' }, message('progress', 'Loading…'));
  replace(document.getElementById('main'), heading, body);
  heading.focus({ preventScroll: true });
  return { heading, body, retitle: (text) => {
    heading.textContent = text;
    document.title = `${text} – CRVS Receiver console`;
  } };
}

let keepFlash = false;

/** Shows a message that stays on the page the console goes to next (a success that leads elsewhere). */
export function flashAcrossNavigation(kind, text) {
  flash(kind, text);
  keepFlash = true;
}

/** Called on each navigation: clears the previous page's message unless it was meant to stay. */
export function navigated() {
  if (keepFlash) {
    keepFlash = false;
    return false;
  }
  return true;
}

/** Link to the events list with the given filter ({ state: 'error', sender: 'x' }). */
export function eventsHref(filter) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value !== null && value !== undefined && value !== '') {
      params.set(key, value);
    }
  }
  const query = params.toString();
  return `#/events${query ? `?${query}` : ''}`;
}

/** Link to a sender's page. */
export function senderHref(senderId, tab) {
  return `#/senders/${encodeURIComponent(senderId)}${tab ? `?tab=${tab}` : ''}`;
}
