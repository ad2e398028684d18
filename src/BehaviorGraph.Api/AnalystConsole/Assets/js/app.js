import { api, ApiError, useToken, whenSessionEnds } from './api.js';
import { h, notice } from './dom.js';
import { accountPage } from './pages/account.js';
import { clusterPage } from './pages/cluster.js';
import { clustersPage } from './pages/clusters.js';
import { queriesPage } from './pages/queries.js';
import { queuePage } from './pages/queue.js';
import { signInPage } from './pages/signin.js';

// The console's pages by URL; each URL can be bookmarked or shared and shows the same page to whoever opens it.
const routes = [
  [/^\/$/, null],
  [/^\/queue$/, queuePage],
  [/^\/clusters$/, clustersPage],
  [/^\/clusters\/([^/]+)$/, clusterPage],
  [/^\/accounts\/([^/]+)$/, accountPage],
  [/^\/queries$/, queriesPage],
  [/^\/queries\/([^/]+)$/, queriesPage],
];

const main = document.getElementById('app');
let session = null;
let cleanup = null;
let rendering = 0;

function navigate(url, { replace = false } = {}) {
  if (replace) history.replaceState(null, '', url); else history.pushState(null, '', url);
  render();
}

async function render() {
  const ticket = ++rendering;
  cleanup?.();
  cleanup = null;
  if (!session?.signedIn) {
    showSignIn();
    return;
  }
  const path = location.pathname;
  if (path === '/') { navigate('/queue', { replace: true }); return; }
  const route = routes.find(([pattern]) => pattern.test(path));
  markNav(path);
  if (!route || !route[1]) {
    main.replaceChildren(h('h1', null, 'Not found'), notice('The console has no such page.', 'warn'));
    return;
  }
  const params = path.match(route[0]).slice(1).map(decodeURIComponent);
  try {
    const done = await route[1](main, { params, query: new URLSearchParams(location.search), navigate });
    if (ticket === rendering) cleanup = typeof done === 'function' ? done : null;
    else if (typeof done === 'function') done();
  } catch (error) {
    if (ticket !== rendering) return;
    if (error instanceof ApiError && error.status === 401) return;
    main.replaceChildren(h('h1', null, 'Could not show this page'), notice(error.message, 'error'));
  }
}

function showSignIn(message) {
  document.getElementById('nav').hidden = true;
  document.getElementById('who').hidden = true;
  signInPage(main, {
    message,
    onSignedIn: signedIn => {
      setSession(signedIn);
      render();
    },
  });
}

function setSession(next) {
  session = next;
  useToken(next.antiforgery);
  const signedIn = next.signedIn;
  document.getElementById('nav').hidden = !signedIn;
  document.getElementById('who').hidden = !signedIn;
  document.getElementById('who-name').textContent = signedIn ? `${next.name} (${next.role})` : '';
}

function markNav(path) {
  for (const a of document.querySelectorAll('#nav a')) {
    a.classList.toggle('current', path === a.getAttribute('href') || path.startsWith(`${a.getAttribute('href')}/`));
  }
}

// Links to the console's own pages change the page without reloading it.
document.addEventListener('click', event => {
  const anchor = event.target.closest?.('a[href]');
  if (!anchor || anchor.hasAttribute('download') || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
  const href = anchor.getAttribute('href');
  if (!href.startsWith('/') || href.startsWith('//') || href.startsWith('/console/') || href.startsWith('/v1/')) return;
  event.preventDefault();
  navigate(href);
});
window.addEventListener('popstate', render);

document.getElementById('sign-out').addEventListener('click', async () => {
  try {
    await api('/console/session', { method: 'DELETE' });
  } finally {
    const fresh = await api('/console/session');
    setSession(fresh);
    history.replaceState(null, '', '/');
    showSignIn('Signed out.');
  }
});

whenSessionEnds(async () => {
  const fresh = await api('/console/session');
  setSession(fresh);
  showSignIn('Your session has ended (signed out elsewhere, expired, or its key was revoked); sign in again.');
});

setSession(await api('/console/session'));
render();
