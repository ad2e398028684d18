// The console's calls to this server. The session cookie goes with them (same origin); state-changing calls also send
// the antiforgery token of this page. The API key is never kept here: it goes once, in the sign-in body.

let antiforgery = null;
let onSessionEnded = null;

export function useToken(token) { antiforgery = token; }
export function whenSessionEnds(callback) { onSessionEnded = callback; }

export class ApiError extends Error {
  constructor(status, problem) {
    super(describe(status, problem));
    this.status = status;
    this.problem = problem;
  }
}

export async function api(path, { method = 'GET', body } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && antiforgery) headers.RequestVerificationToken = antiforgery;
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
    cache: 'no-store',
    redirect: 'error',
  });
  if (response.status === 204) return null;
  const type = response.headers.get('content-type') ?? '';
  const data = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    const error = new ApiError(response.status, data);
    if (response.status === 401 && !path.startsWith('/console/session')) onSessionEnded?.(error);
    throw error;
  }
  return data;
}

export const seg = value => encodeURIComponent(value);

function describe(status, problem) {
  if (problem && typeof problem === 'object') {
    const parts = [problem.title ?? `HTTP ${status}`];
    if (problem.detail) parts.push(problem.detail);
    for (const [field, messages] of Object.entries(problem.errors ?? {})) parts.push(`${field}: ${[messages].flat().join(' ')}`);
    return parts.join(' — ');
  }
  return `HTTP ${status}`;
}
