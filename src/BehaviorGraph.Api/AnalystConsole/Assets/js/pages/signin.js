import { api, ApiError } from '../api.js';
import { h, notice } from '../dom.js';

// The sign-in form. The key is read from the password field, sent once in the POST body and then cleared; it is
// never put in the URL or in browser storage. The session lives in an HttpOnly cookie the page cannot read.
export function signInPage(main, { message, onSignedIn }) {
  const key = h('input', { type: 'password', id: 'key', name: 'key', autocomplete: 'off', spellcheck: 'false', required: true, 'aria-describedby': 'key-hint' });
  const error = h('div', { id: 'sign-in-error' });
  const button = h('button', { type: 'submit' }, 'Sign in');
  const form = h('form', { class: 'card sign-in', method: 'post', action: '/console/session', autocomplete: 'off' },
    h('h1', null, 'Analyst console'),
    message ? notice(message, 'warn') : null,
    h('label', { for: 'key' }, 'API key'),
    key,
    h('p', { id: 'key-hint', class: 'hint' }, 'An analyst or admin key, from ', h('code', null, 'bgraph keys create --role analyst'), '.'),
    button,
    error);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    error.replaceChildren();
    button.disabled = true;
    const value = key.value;
    key.value = '';
    try {
      const session = await api('/console/session', { method: 'POST', body: { key: value } });
      onSignedIn(session);
    } catch (failure) {
      const text = failure instanceof ApiError && failure.problem?.detail ? failure.problem.detail : failure.message;
      error.replaceChildren(notice(text, 'error'));
      button.disabled = false;
      key.focus();
    }
  });
  main.replaceChildren(form);
  key.focus();

}
