import { api, ApiError, seg } from '../api.js';
import { accountHref, clusterHref, h, link, notice, table } from '../dom.js';
import { csv, fileName, save } from '../download.js';
import { decisionBadge, kindBadge, labelBadge, number, scoreBar, when } from '../format.js';
import { createGraph, edgeColours, edgeData, exportPng, layout, legend, nodeData, nodeId } from '../graph.js';
import { verdictBox } from '../verdict.js';

const edgeTypes = ['follow', 'message', 'rate', 'report', 'like', 'comment', 'share', 'view', 'post', 'uses_device', 'uses_ip'];
const caps = [10, 25, 50, 100];

// One account: score, decision, reasons in words, clusters, label history and verdict, and its neighbourhood as a
// picture that grows: clicking a node adds its heaviest edges (at most the cap per edge type and direction, of the
// types ticked); Undo takes back the last expansion, Collapse the selected node's, with everything grown from it.
export async function accountPage(main, { params }) {
  const id = params[0];
  main.replaceChildren(h('h1', null, 'Account ', id), notice('Loading…'));
  const [risk, labels, start] = await Promise.all([
    api(`/v1/accounts/${seg(id)}/risk`).catch(e => (e instanceof ApiError && e.status === 404 ? null : Promise.reject(e))),
    api(`/v1/accounts/${seg(id)}/labels`).catch(e => (e instanceof ApiError && e.status === 404 ? [] : Promise.reject(e))),
    api(`/v1/nodes/account/${seg(id)}/edges?perType=10`).catch(e => (e instanceof ApiError && e.status === 404 ? null : Promise.reject(e))),
  ]);
  if (!risk && !start && labels.length === 0) {
    main.replaceChildren(h('h1', null, 'Account ', h('span', { class: 'mono' }, id)), notice('Neither the graph nor the latest scoring run holds this account.', 'warn'));
    return undefined;
  }

  const history = h('div', { id: 'label-history' });
  const renderHistory = list => history.replaceChildren(list.length === 0 ? h('p', { class: 'hint' }, 'No label yet.') : table([
    { title: 'Label', cell: l => labelBadge(l.label) },
    { title: 'When', cell: l => when(l.labelledAt) },
    { title: 'By', cell: l => l.analyst ?? l.source },
    { title: 'Note', cell: l => l.note ?? '' },
  ], list));
  renderHistory(labels);
  const verdict = verdictBox([id], {
    onDone: async () => renderHistory(await api(`/v1/accounts/${seg(id)}/labels`)),
  });

  const container = h('div', { id: 'neighbourhood', class: 'graph' });
  const selection = h('div', { id: 'selection', class: 'selection' }, h('p', { class: 'hint' }, 'Click a node to expand it.'));
  const typeBoxes = edgeTypes.map(t => {
    const box = h('input', { type: 'checkbox', checked: true, value: t, class: 'edge-type' });
    const swatch = h('span', { class: 'swatch line' });
    swatch.style.backgroundColor = edgeColours[t];
    return h('label', { class: 'type' }, box, swatch, t);
  });
  const cap = h('select', { id: 'cap', 'aria-label': 'Edges per type' }, caps.map(c => h('option', { value: c, selected: c === 25 }, `${c} per type`)));
  const undo = h('button', { type: 'button', id: 'undo', disabled: true }, 'Undo');
  const collapse = h('button', { type: 'button', id: 'collapse', disabled: true }, 'Collapse selected');
  const status = h('span', { class: 'hint', id: 'graph-status' });

  main.replaceChildren(
    h('h1', null, 'Account ', h('span', { class: 'mono', id: 'account-id' }, id)),
    risk ? h('p', { class: 'summary' }, scoreBar(risk.score), ' ', decisionBadge(risk.decision),
      ` review ≥ ${risk.thresholds.review}, block ≥ ${risk.thresholds.block}; model ${risk.modelVersion}, scoring run ${risk.runId}, scored ${when(risk.scoredAt)}.`)
      : notice('The latest scoring run does not hold this account.', 'warn'),
    h('div', { class: 'split' },
      h('section', { class: 'picture' },
        h('div', { class: 'toolbar' }, cap, undo, collapse,
          h('button', { type: 'button', id: 'export-png', onclick: async () => save(await exportPng(cy), `${fileName(id)}-neighbourhood.png`) }, 'Export PNG'),
          h('button', { type: 'button', id: 'export-csv', onclick: () => save(csv(edgeColumns, edgesShown()), `${fileName(id)}-edges.csv`) }, 'Export edges CSV'),
          status),
        h('div', { class: 'types' }, 'Expand along: ', typeBoxes),
        container,
        legend('score')),
      h('aside', { class: 'side' },
        h('h2', null, 'Why'),
        risk && risk.reasons.length ? h('ul', { class: 'reasons', id: 'reasons' }, risk.reasons.map(r => h('li', null, r.text, ' ', h('span', { class: 'hint mono' }, `${r.code} = ${number(r.value)}`)))) : h('p', { class: 'hint' }, 'No reasons recorded.'),
        h('h2', null, 'Clusters'),
        risk && risk.clusters.length ? h('ul', { id: 'account-clusters' }, risk.clusters.map(c => h('li', null, kindBadge(c.kind), ' ', link(clusterHref(c.id), c.id), ` — ${c.size} members, score ${c.score.toFixed(2)}`))) : h('p', { class: 'hint' }, 'In no cluster.'),
        h('h2', null, 'Verdict'),
        verdict,
        h('h2', null, 'Label history'),
        history,
        h('h2', null, 'Selected'),
        selection)));

  if (!start) {
    container.replaceChildren(notice('The graph holds no edges of this account.'));
    return undefined;
  }

  const scores = new Map();
  let cy = null;
  const expansions = [];          // in order: { node, nodes: [...], edges: [...] }
  const expanded = new Set();

  cy = await createGraph(container, { elements: [], directed: true });
  const root = nodeId('account', id);
  if (risk) scores.set(id, risk);
  cy.add({ group: 'nodes', data: nodeData({ kind: 'account', key: id, score: risk?.score, decision: risk?.decision }, 'score') });
  await addExpansion(root, start);
  cy.$id(root).addClass('focus');
  expansions.length = 0;          // the first picture is not an expansion to undo
  expanded.add(root);
  cy.$id(root).addClass('expanded');
  await layout(cy);
  finish();

  cy.on('tap', 'node', async event => {
    const node = event.target;
    showNode(node);
    if (expanded.has(node.id())) return;
    try {
      await expand(node);
      if (node.selected()) showNode(node);
    } catch (error) {
      status.textContent = `Could not expand ${node.data('key')}: ${error.message}`;
    }
  });
  undo.addEventListener('click', () => {
    const last = expansions.pop();
    if (last) removeExpansion(last);
    finish();
  });
  collapse.addEventListener('click', () => {
    const node = cy.$(':selected').first();
    if (node.nonempty()) collapseNode(node.id());
    finish();
  });

  async function expand(node) {
    const types = typeBoxes.map(l => l.querySelector('input')).filter(b => b.checked).map(b => b.value);
    if (types.length === 0) { status.textContent = 'Tick at least one edge type.'; return; }
    status.textContent = `Expanding ${node.data('key')}…`;
    const answer = await api(`/v1/nodes/${seg(node.data('kind'))}/${seg(node.data('key'))}/edges?perType=${cap.value}&types=${types.join(',')}`);
    const added = await addExpansion(node.id(), answer);
    expanded.add(node.id());
    node.addClass('expanded');
    if (added.nodes.length > 0) {
      const around = node.position();
      added.nodes.forEach((n, i) => {
        const angle = (2 * Math.PI * i) / added.nodes.length;
        cy.$id(n).position({ x: around.x + 120 * Math.cos(angle), y: around.y + 120 * Math.sin(angle) });
      });
      await layout(cy, { randomize: false, quick: true });
    }
    const more = answer.totals.filter(t => t.edges > t.shown).map(t => `${t.edges - t.shown} more ${t.type} (${t.direction})`);
    status.textContent = `${added.nodes.length} node(s) and ${added.edges.length} edge(s) added${more.length ? `; not shown: ${more.join(', ')}` : ''}.`;
    finish(false);
  }

  async function addExpansion(from, answer) {
    const nodes = [];
    const edges = [];
    const fresh = new Map();
    for (const e of answer.edges) {
      for (const [kind, key] of [[e.sourceKind, e.source], [e.targetKind, e.target]]) {
        const nid = nodeId(kind, key);
        if (cy.$id(nid).empty() && !fresh.has(nid)) fresh.set(nid, { kind, key });
      }
    }
    const accounts = [...fresh.values()].filter(n => n.kind === 'account' && !scores.has(n.key)).map(n => n.key);
    for (let i = 0; i < accounts.length; i += 1000) {
      const batch = await api('/v1/accounts/risk:batch', { method: 'POST', body: { accounts: accounts.slice(i, i + 1000) } });
      for (const r of batch.results) scores.set(r.account, r);
    }
    cy.batch(() => {
      for (const [nid, n] of fresh) {
        const r = scores.get(n.key);
        cy.add({ group: 'nodes', data: nodeData({ ...n, score: r?.score, decision: r?.decision }, 'score') });
        nodes.push(nid);
      }
      for (const e of answer.edges) {
        const data = edgeData(e);
        if (cy.$id(data.id).empty()) { cy.add({ group: 'edges', data }); edges.push(data.id); }
      }
    });
    const expansion = { node: from, nodes, edges };
    expansions.push(expansion);
    return expansion;
  }

  function removeExpansion(expansion) {
    cy.batch(() => {
      for (const e of expansion.edges) cy.$id(e).remove();
      for (const n of expansion.nodes) cy.$id(n).remove();
    });
    expanded.delete(expansion.node);
    cy.$id(expansion.node).removeClass('expanded');
    for (const n of expansion.nodes) expanded.delete(n);
  }

  // Collapsing a node takes back its expansion and every later expansion of a node that one added.
  function collapseNode(nid) {
    const gone = new Set();
    const doomed = [];
    for (const x of expansions) {
      if (x.node === nid || gone.has(x.node)) {
        doomed.push(x);
        for (const n of x.nodes) gone.add(n);
      }
    }
    for (const x of doomed.reverse()) {
      removeExpansion(x);
      expansions.splice(expansions.indexOf(x), 1);
    }
  }

  function finish(clearStatus = true) {
    undo.disabled = expansions.length === 0;
    collapse.disabled = expansions.length === 0;
    container.dataset.drawn = 'true';
    container.dataset.nodes = String(cy.nodes().length);
    container.dataset.edges = String(cy.edges().length);
    container.dataset.expansions = String(expansions.length);
    if (clearStatus) status.textContent = `${cy.nodes().length} nodes, ${cy.edges().length} edges; ${expansions.length} expansion(s) to undo.`;
  }

  function edgesShown() {
    return cy.edges().map(e => ({ source: e.source().data('key'), sourceKind: e.source().data('kind'), type: e.data('type'), target: e.target().data('key'), targetKind: e.target().data('kind'), count: e.data('count') }));
  }

  function showNode(node) {
    const kind = node.data('kind');
    const key = node.data('key');
    const r = scores.get(key);
    selection.replaceChildren(
      h('p', null, h('span', { class: `badge kind-${kind}` }, kind), ' ', kind === 'account' ? link(accountHref(key), key) : h('span', { class: 'mono' }, key)),
      kind === 'account' ? h('p', null, scoreBar(r?.score), ' ', decisionBadge(r?.decision)) : null,
      h('p', { class: 'hint' }, expanded.has(node.id()) ? 'Expanded; Collapse takes its expansion back.' : 'Expanding…'));
  }

  return () => cy?.destroy();
}

const edgeColumns = [
  { title: 'source_kind', value: e => e.sourceKind },
  { title: 'source', value: e => e.source },
  { title: 'type', value: e => e.type },
  { title: 'target_kind', value: e => e.targetKind },
  { title: 'target', value: e => e.target },
  { title: 'count', value: e => e.count },
];

