import { api } from '../api.js';
import { accountHref, clusterHref, h, link, notice, table } from '../dom.js';
import { decisionBadge, kindBadge, scoreBar, when } from '../format.js';
import { verdictBox } from '../verdict.js';

const kinds = ['', 'ring', 'bot', 'block', 'identity'];
const sorts = {
  score: (a, b) => a.score - b.score,
  account: (a, b) => (a.account < b.account ? -1 : a.account > b.account ? 1 : 0),
  clusters: (a, b) => a.clusters.length - b.clusters.length,
  decision: (a, b) => (a.why === b.why ? a.score - b.score : a.why === 'review' ? 1 : -1),
};

// The review queue: accounts the latest run decided "review" that no label has judged since, then the highest
// unlabelled scores. Filter by cluster kind and sort by column (both in the URL, so a view can be shared); verdicts
// one at a time or for the selected rows.
export async function queuePage(main, { query, navigate }) {
  const kind = kinds.includes(query.get('kind') ?? '') ? query.get('kind') ?? '' : '';
  const sort = { key: sorts[query.get('sort')] ? query.get('sort') : 'decision', dir: query.get('dir') === 'asc' ? 'asc' : 'desc' };
  main.replaceChildren(h('h1', null, 'Review queue'), notice('Loading…'));
  const data = await api(`/v1/review-queue?limit=300${kind ? `&kind=${kind}` : ''}`);
  const items = [...data.items].sort((a, b) => (sort.dir === 'asc' ? 1 : -1) * sorts[sort.key](a, b));
  const selected = new Set();

  const setQuery = changes => {
    const next = new URLSearchParams(query);
    for (const [k, v] of Object.entries(changes)) { if (v) next.set(k, v); else next.delete(k); }
    navigate(`/queue${next.size ? `?${next}` : ''}`, { replace: true });
  };

  const filter = h('select', { id: 'kind-filter', 'aria-label': 'Cluster kind', onchange: e => setQuery({ kind: e.target.value }) },
    kinds.map(k => h('option', { value: k, selected: k === kind }, k ? `in a ${k} cluster` : 'any cluster or none')));
  const summary = data.runId === null
    ? notice('No scoring run has been published yet: run `bgraph demo`, or analyze, train and score.', 'warn')
    : h('p', { class: 'summary' },
      h('strong', null, data.reviewPending.toLocaleString('en-US')), ` account(s) await review${kind ? ` in ${kind} clusters` : ''}; `,
      `scoring run ${data.runId}, model ${data.modelVersion}, scored ${when(data.scoredAt)}.`);

  const rows = items.map(item => ({ data: item, attributes: { 'data-account': item.account } }));
  const columns = [
    { title: h('input', { type: 'checkbox', 'aria-label': 'Select all', onchange: e => toggleAll(e.target.checked) }), cell: item => h('input', {
      type: 'checkbox', class: 'pick', 'aria-label': `Select ${item.account}`,
      onchange: e => { if (e.target.checked) selected.add(item.account); else selected.delete(item.account); },
    }) },
    { title: 'Account', sort: 'account', cell: item => link(accountHref(item.account), item.account) },
    { title: 'Score', sort: 'score', numeric: true, cell: item => scoreBar(item.score) },
    { title: 'Why', sort: 'decision', cell: item => h('span', null, decisionBadge(item.decision), ' ', item.why === 'review' ? 'awaits review' : 'unlabelled') },
    { title: 'Top reasons', cell: item => h('ul', { class: 'reasons' }, item.reasons.map(r => h('li', { title: r.code }, r.text))) },
    { title: 'Clusters', sort: 'clusters', cell: item => item.clusters.map(c => h('span', { class: 'cluster-ref' }, kindBadge(c.kind), ' ', link(clusterHref(c.id), c.id), ` (${c.size})`)) },
    { title: 'Verdict', cell: item => verdictBox([item.account], { compact: true, onDone: (label, done) => markDone([item.account], label, done) }) },
  ];
  const grid = table(columns, rows, {
    sortable: true,
    sort,
    onSort: key => setQuery({ sort: key, dir: sort.key === key && sort.dir === 'desc' ? 'asc' : 'desc' }),
  });
  grid.id = 'queue';

  function toggleAll(on) {
    for (const box of grid.querySelectorAll('input.pick')) {
      box.checked = on;
      const account = box.closest('tr').dataset.account;
      if (on) selected.add(account); else selected.delete(account);
    }
  }

  // A verdict shows at once: the row is marked with it and leaves the queue on the next load.
  function markDone(accounts, label, done) {
    const labelled = new Set(done.map(d => d.account));
    for (const account of accounts) {
      if (!labelled.has(account)) continue;
      const row = [...grid.tBodies[0].rows].find(r => r.dataset.account === account);
      if (!row) continue;
      row.classList.add('done', `done-${label}`);
      row.dataset.verdict = label;
      row.cells[row.cells.length - 1].replaceChildren(h('span', { class: `badge label-${label}` }, `labelled ${label}`));
      selected.delete(account);
    }
  }

  const bulk = verdictBox(() => [...selected], { title: 'Selected rows:', onDone: (label, done) => markDone(done.map(d => d.account), label, done) });
  bulk.id = 'bulk-verdict';
  main.replaceChildren(
    h('h1', null, 'Review queue'),
    summary,
    h('div', { class: 'toolbar' }, h('label', null, 'Show accounts ', filter), bulk),
    items.length === 0 ? notice('Nothing waits for a verdict here.') : grid);
}
