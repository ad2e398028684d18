import { h } from './dom.js';

export const score = value => (value === null || value === undefined ? '—' : value.toFixed(3));

export function time(ms) {
  if (ms === null || ms === undefined) return '—';
  return new Date(ms).toISOString().replace('T', ' ').replace(/:\d\d\.\d+Z$/, ' UTC');
}

export const when = iso => (iso ? time(Date.parse(iso)) : '—');

export function decisionBadge(decision) {
  return h('span', { class: `badge decision-${decision ?? 'none'}` }, decision ?? 'unscored');
}

export function labelBadge(label) {
  return h('span', { class: `badge label-${label ?? 'none'}` }, label ?? 'unlabelled');
}

export function kindBadge(kind) {
  return h('span', { class: `badge kind-${kind}` }, kind);
}

export function scoreBar(value) {
  const meter = h('meter', { min: 0, max: 1, low: 0.5, high: 0.9, optimum: 0, value: value ?? 0, title: score(value) });
  return h('span', { class: 'score' }, meter, ' ', score(value));
}

export const number = value => (value === null || value === undefined ? '—' : Number(value).toLocaleString('en-US', { maximumFractionDigits: 3 }));
