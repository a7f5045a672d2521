// The admin API client: bearer token from sessionStorage, JSON in and out, every failure as an ApiError whose
// plain-words text a clerk can act on.

const TOKEN_KEY = 'crvs-console-token';
/** The API lives beside the console: /console/ -> /api. Relative, so it also works behind a path prefix. */
const API_BASE = new URL('../api', document.baseURI).pathname;

export class ApiError extends Error {
  constructor(status, code, message, field) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field || null;
  }
}

export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(value) {
  if (value) {
    sessionStorage.setItem(TOKEN_KEY, value);
  } else {
    sessionStorage.removeItem(TOKEN_KEY);
  }
}

let onUnauthorized = () => {};
let activity = () => {};

/** What to do when the token stops working (sign the user out). */
export function handleUnauthorized(handler) {
  onUnauthorized = handler;
}

/** Called with +1 when a request starts and -1 when it ends (the busy indicator). */
export function trackActivity(handler) {
  activity = handler;
}

/**
 * Calls the API. path is below /api ("/events?state=error"). Options: body (sent as JSON), text (answer the
 * body as text instead of JSON), token (use this token instead of the stored one, for signing in).
 */
export async function api(method, path, options = {}) {
  const bearer = options.token || token();
  const headers = { Accept: 'application/json' };
  if (bearer) {
    headers.Authorization = `Bearer ${bearer}`;
  }
  const init = { method, headers, cache: 'no-store', credentials: 'omit' };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  activity(1);
  try {
    let response;
    try {
      response = await fetch(API_BASE + path, init);
    } catch (e) {
      throw new ApiError(0, 'network', 'The receiver could not be reached. Check that it is running and that '
        + 'this computer can reach it, then try again.');
    }
    if (!response.ok) {
      throw await failure(response);
    }
    return options.text ? await response.text() : await response.json();
  } catch (e) {
    if (e instanceof ApiError && e.code === 'unauthorized' && !options.token) {
      onUnauthorized(e);
    }
    throw e;
  } finally {
    activity(-1);
  }
}

async function failure(response) {
  let code = null;
  let message = null;
  let field = null;
  try {
    const body = await response.json();
    if (body && body.error) {
      ({ code, message, field } = body.error);
    }
  } catch (e) {
    // not a JSON error body (a proxy, say): described by its status below
  }
  return new ApiError(response.status, code || `http_${response.status}`, message || response.statusText, field);
}

/** Field names of the API as the console labels them. */
const FIELD_LABELS = {
  sender_id: 'Sender id',
  name: 'Name',
  jwks_url: 'JWKS URL',
  profile: 'Signature profile',
  allowed_algorithms: 'Allowed algorithms',
  active: 'Active',
  notes: 'Notes',
  text: 'Note',
  reason: 'Reason',
  identifier: 'Identifier',
  from: 'Received from',
  to: 'Received until',
  type: 'Type',
  state: 'State',
  sender: 'Sender',
  person: 'Person',
};

/** The failure in plain words, with what to do about it. */
export function describeError(e) {
  if (!(e instanceof ApiError)) {
    return `Something went wrong in the console: ${e && e.message ? e.message : e}. Reload the page and try again.`;
  }
  const detail = e.message ? ` (${e.message})` : '';
  switch (e.code) {
    case 'network':
      return e.message;
    case 'unauthorized':
      return 'Your sign-in is no longer valid: the token is unknown or its user was deactivated. Please sign in '
        + 'again.';
    case 'forbidden':
      return 'Your role does not allow this. Ask an administrator to do it for you.';
    case 'bad_request':
      return e.field
        ? `Please check “${FIELD_LABELS[e.field] || e.field}”: ${e.message}.`
        : `The request was not accepted: ${e.message}.`;
    case 'not_found':
      return `Not found: ${e.message}. It may have been deleted, or the address is mistyped.`;
    case 'conflict':
      return `This cannot be done right now: ${e.message}.`;
    case 'key_fetch_failed':
      return `The public key could not be fetched: ${e.message}. The keys stored before (if any) are still used.`;
    case 'unavailable':
      return 'The database cannot be reached at the moment. Nothing was changed; try again in a minute.';
    case 'payload_too_large':
      return 'That is too much text to send at once. Shorten it and try again.';
    case 'internal_error':
      return 'The receiver hit an unexpected problem. Nothing more is known here; the server log has the details.';
    default:
      return `The receiver answered with an error ${e.status}${detail}.`;
  }
}

/** A path segment for a sender id (ids may contain '/', sent as %2F). */
export function senderSegment(id) {
  return encodeURIComponent(id);
}
