import { api, seg } from '../api.js';
import { h, notice, table } from '../dom.js';
import { csv, fileName, save } from '../download.js';

// The named read-only queries as forms. The URL holds the query and its parameters, so a result can be shared; opening
// such a URL runs the query (they only read).
export async function queriesPage(main, { params, query, navigate }) {
  const name = params[0] ?? null;
  main.replaceChildren(h('h1', null, 'Queries'), notice('Loading…'));
  const queries = await api('/v1/queries');
  const list = h('ul', { class: 'query-list' }, queries.map(q => h('li', null, h('a', { href: `/queries/${seg(q.name)}`, class: q.name === name ? 'current' : null }, q.name), ' — ', q.description)));
  const chosen = queries.find(q => q.name === name);
  if (!chosen) {
    main.replaceChildren(h('h1', null, 'Queries'), name ? notice(`No query named ${name}.`, 'warn') : null, h('p', { class: 'summary' }, 'Read-only queries with typed parameters; pick one.'), list);
    return;
  }

  const inputs = chosen.parameters.map(p => {
    const given = query.get(p.name);
    const input = h('input', {
      id: `param-${p.name}`, name: p.name, required: p.required,
      type: p.type === 'integer' ? 'number' : 'text',
      min: p.type === 'integer' ? p.min : null, max: p.type === 'integer' ? p.max : null,
      maxlength: p.type === 'string' ? p.max : null,
      value: given ?? (p.default ?? ''),
    });
    return { p, input, row: h('label', { class: 'param' }, h('span', null, p.name, p.required ? ' *' : ''), input, h('span', { class: 'hint' }, p.description)) };
  });
  const results = h('div', { id: 'query-results' });
  const form = h('form', { class: 'card query-form', id: 'query-form' },
    h('h2', null, chosen.name), h('p', null, chosen.description), inputs.map(i => i.row), h('button', { type: 'submit' }, 'Run'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const { p, input } of inputs) if (input.value !== '') next.set(p.name, input.value);
    navigate(`/queries/${seg(chosen.name)}?${next}`, { replace: true });
  });
  main.replaceChildren(h('h1', null, 'Queries'), list, form, results);

  if ([...query.keys()].length === 0 && chosen.parameters.some(p => p.required)) return;
  const body = {};
  for (const { p, input } of inputs) {
    if (input.value === '') continue;
    body[p.name] = p.type === 'integer' ? Number(input.value) : input.value;
  }
  results.replaceChildren(notice('Running…'));
  try {
    const answer = await api(`/v1/queries/${seg(chosen.name)}`, { method: 'POST', body });
    const columns = answer.rows.length ? Object.keys(answer.rows[0]) : [];
    const exportColumns = columns.map(c => ({ title: c, value: r => r[c] }));
    results.replaceChildren(
      h('p', { class: 'summary' }, `${answer.count} row(s). `,
        h('button', { type: 'button', onclick: () => save(csv(exportColumns, answer.rows), `${fileName(chosen.name)}.csv`) }, 'Export CSV')),
      answer.rows.length ? table(columns.map(c => ({ title: c, cell: r => (r[c] === null ? '' : String(r[c])) })), answer.rows) : notice('No rows.'));
  } catch (error) {
    results.replaceChildren(notice(error.message, 'error'));
  }
}
