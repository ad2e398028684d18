import { api } from '../api.js';
import { clusterHref, h, link, notice, table } from '../dom.js';
import { kindBadge, score } from '../format.js';

const kinds = ['', 'ring', 'bot', 'block', 'identity'];

// Clusters of the latest analysis run, highest score first; kind and minimum size in the URL.
export async function clustersPage(main, { query, navigate }) {
  const kind = kinds.includes(query.get('kind') ?? '') ? query.get('kind') ?? '' : '';
  const minSize = Math.max(2, Number.parseInt(query.get('minSize') ?? '2', 10) || 2);
  main.replaceChildren(h('h1', null, 'Clusters'), notice('Loading…'));
  const clusters = await api(`/v1/clusters?limit=1000&minSize=${minSize}${kind ? `&kind=${kind}` : ''}`);
  const setQuery = changes => {
    const next = new URLSearchParams(query);
    for (const [k, v] of Object.entries(changes)) { if (v) next.set(k, v); else next.delete(k); }
    navigate(`/clusters${next.size ? `?${next}` : ''}`, { replace: true });
  };
  const counts = clusters.reduce((m, c) => ({ ...m, [c.kind]: (m[c.kind] ?? 0) + 1 }), {});
  const grid = table([
    { title: 'Cluster', cell: c => link(clusterHref(c.id), c.id) },
    { title: 'Kind', cell: c => kindBadge(c.kind) },
    { title: 'Size', numeric: true, cell: c => c.size.toLocaleString('en-US') },
    { title: 'Score', numeric: true, cell: c => score(c.score) },
    { title: 'Evidence', cell: c => h('span', { class: 'evidence' }, c.evidence) },
  ], clusters);
  grid.id = 'clusters';
  main.replaceChildren(
    h('h1', null, 'Clusters'),
    h('p', { class: 'summary' }, `${clusters.length} cluster(s)`, Object.keys(counts).length ? `: ${Object.entries(counts).map(([k, n]) => `${n} ${k}`).join(', ')}` : '', '.'),
    h('div', { class: 'toolbar' },
      h('label', null, 'Kind ', h('select', { id: 'cluster-kind', onchange: e => setQuery({ kind: e.target.value }) },
        kinds.map(k => h('option', { value: k, selected: k === kind }, k || 'all')))),
      h('label', null, 'At least ', h('input', { type: 'number', min: 2, value: minSize, class: 'narrow', onchange: e => setQuery({ minSize: e.target.value === '2' ? '' : e.target.value }) }), ' members')),
    clusters.length === 0 ? notice('No clusters: run `bgraph analyze` (or the demo) first.') : grid);
}
