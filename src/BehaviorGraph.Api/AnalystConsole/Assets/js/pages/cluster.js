import { api, seg } from '../api.js';
import { accountHref, h, link, notice, table } from '../dom.js';
import { csv, fileName, save } from '../download.js';
import { decisionBadge, kindBadge, labelBadge, number, score, scoreBar, time, when } from '../format.js';
import { createGraph, edgeData, exportPng, layout, legend, modes, nodeData, nodeId, recolour } from '../graph.js';
import { timeline, timelineCaption } from '../timeline.js';
import { verdictBox } from '../verdict.js';

// One cluster: the picture of its members, the edges among them and the devices and IPs they share (as nodes of their
// own), coloured by score, decision or label; the evidence beside it; the activity timeline; the members as a table.
export async function clusterPage(main, { params, query, navigate }) {
  const id = params[0];
  const mode = modes[query.get('color')] ? query.get('color') : 'score';
  main.replaceChildren(h('h1', null, 'Cluster ', id), notice('Loading…'));
  const [cluster, members, identifiers, activity] = await Promise.all([
    api(`/v1/clusters/${seg(id)}`),
    api(`/v1/clusters/${seg(id)}/members`),
    api(`/v1/clusters/${seg(id)}/identifiers`),
    api(`/v1/clusters/${seg(id)}/activity`),
  ]);
  const byAccount = new Map(members.map(m => [m.account, m]));
  let cy = null;

  const container = h('div', { id: 'graph', class: 'graph', role: 'img', 'aria-label': `Picture of cluster ${id}` });
  const selection = h('div', { id: 'selection', class: 'selection' }, h('p', { class: 'hint' }, 'Click a node for its details.'));
  const colour = h('select', { id: 'colour-mode', 'aria-label': 'Colour by' },
    Object.entries(modes).map(([key, m]) => h('option', { value: key, selected: key === mode }, m.title)));
  const legendSlot = h('div', null, legend(mode));
  const status = h('span', { class: 'hint', id: 'graph-status' }, 'Drawing…');
  const timelineBox = h('div', { id: 'timeline', class: 'timeline' });

  const memberColumns = [
    { title: 'Account', value: m => m.account, cell: m => link(accountHref(m.account), m.account) },
    { title: 'Score', value: m => m.score, numeric: true, cell: m => scoreBar(m.score) },
    { title: 'Decision', value: m => m.decision, cell: m => decisionBadge(m.decision) },
    { title: 'Label', value: m => m.label, cell: m => labelBadge(m.label) },
    { title: 'Labelled', value: m => m.labelledAt, cell: m => (m.labelledAt ? `${when(m.labelledAt)} by ${m.labelledBy ?? '?'}` : '') },
  ];
  const sortedMembers = [...members].sort((a, b) => (b.score ?? -1) - (a.score ?? -1));
  const membersTable = table(memberColumns, sortedMembers.map(m => ({ data: m, attributes: { 'data-account': m.account } })));
  membersTable.id = 'members';

  const verdict = verdictBox(members.map(m => m.account), {
    title: `Every member (${members.length}):`,
    onDone: (label, done) => {
      for (const d of done) {
        const member = byAccount.get(d.account);
        if (member) { member.label = label; member.labelledAt = d.labelledAt; member.labelledBy = d.analyst; }
        cy?.$id(nodeId('account', d.account)).data('labelled', label);
      }
      recolour(cy, colour.value);
      for (const row of membersTable.tBodies[0].rows) {
        if (done.some(d => d.account === row.dataset.account)) row.cells[3].replaceChildren(labelBadge(label));
      }
    },
  });

  const figures = Object.entries(cluster.figures ?? {});
  main.replaceChildren(
    h('h1', null, 'Cluster ', h('span', { class: 'mono' }, cluster.id), ' ', kindBadge(cluster.kind)),
    h('p', { class: 'summary' }, `${cluster.size.toLocaleString('en-US')} members, score ${score(cluster.score)}; `,
      `${identifiers.devices} shared device(s), ${identifiers.ips} shared IP(s)`,
      cluster.edgesTruncated ? `; the picture holds the first ${cluster.edges.length.toLocaleString('en-US')} internal edges` : '', '.'),
    h('div', { class: 'split' },
      h('section', { class: 'picture' },
        h('div', { class: 'toolbar' },
          h('label', null, 'Colour by ', colour),
          h('button', { type: 'button', id: 'export-png', onclick: async () => save(await exportPng(cy), `${fileName(cluster.id)}.png`) }, 'Export PNG'),
          h('button', { type: 'button', id: 'export-csv', onclick: () => save(csv(memberColumns, sortedMembers), `${fileName(cluster.id)}-members.csv`) }, 'Export members CSV'),
          h('button', { type: 'button', onclick: () => cy?.fit(undefined, 20) }, 'Fit'),
          status),
        container,
        legendSlot),
      h('aside', { class: 'side' },
        h('h2', null, 'Evidence'),
        h('p', { class: 'evidence', id: 'evidence' }, cluster.evidence),
        figures.length ? h('table', { class: 'figures' }, h('tbody', null, figures.map(([k, v]) => h('tr', null, h('th', { scope: 'row' }, k), h('td', { class: 'num' }, number(v)))))) : null,
        h('h2', null, 'Shared devices and IPs'),
        identifiers.identifiers.length === 0 ? h('p', { class: 'hint' }, 'No device or IP is used by two members or more.') :
          h('ul', { class: 'identifiers', id: 'identifiers' }, identifiers.identifiers.slice(0, 15).map(i => h('li', null,
            h('span', { class: `badge kind-${i.kind}` }, i.kind), ' ', h('span', { class: 'mono' }, i.identifier),
            `: ${i.membersUsing} member(s), ${i.accountsUsing} account(s) overall`))),
        h('h2', null, 'Selected'),
        selection,
        h('h2', null, 'Verdict'),
        verdict)),
    h('section', null, h('h2', null, 'Activity'), timelineBox, timelineCaption(activity)),
    h('section', null, h('h2', null, `Members (${members.length})`), membersTable));

  // The picture: members, their internal edges, and each shared identifier as a node linked to the members using it.
  const elements = [];
  for (const m of members) elements.push({ group: 'nodes', data: nodeData({ kind: 'account', key: m.account, score: m.score, decision: m.decision, label: m.label }, mode) });
  for (const i of identifiers.identifiers) {
    elements.push({ group: 'nodes', data: nodeData({ kind: i.kind, key: i.identifier }, mode) });
    for (const m of i.members) {
      elements.push({ group: 'edges', classes: 'identifier', data: edgeData({ source: m.account, sourceKind: 'account', target: i.identifier, targetKind: i.kind, type: i.kind === 'device' ? 'uses_device' : 'uses_ip', count: m.count }) });
    }
  }
  const known = new Set(elements.filter(e => e.group === 'nodes').map(e => e.data.id));
  for (const e of cluster.edges) {
    const data = edgeData(e);
    if (known.has(data.source) && known.has(data.target) && data.source !== data.target) elements.push({ group: 'edges', data });
  }

  const started = performance.now();
  cy = await createGraph(container, { elements, big: elements.length > 1500 });
  cy.on('tap', 'node', event => showNode(event.target));
  colour.addEventListener('change', () => {
    recolour(cy, colour.value);
    legendSlot.replaceChildren(legend(colour.value));
    const next = new URLSearchParams(query);
    if (colour.value === 'score') next.delete('color'); else next.set('color', colour.value);
    history.replaceState(null, '', `/clusters/${seg(id)}${next.size ? `?${next}` : ''}`);
  });
  await layout(cy, { quick: members.length > 300 });
  await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const elapsed = Math.round(performance.now() - started);
  container.dataset.drawn = 'true';
  container.dataset.members = String(cy.nodes('[kind = "account"]').length);
  container.dataset.identifiers = String(cy.nodes('[kind != "account"]').length);
  container.dataset.edges = String(cy.edges().length);
  container.dataset.drawMs = String(elapsed);
  status.textContent = `${cy.nodes().length} nodes, ${cy.edges().length} edges, drawn in ${elapsed} ms`;
  performance.mark('cluster-drawn');

  timeline(timelineBox, activity).catch(error => timelineBox.replaceChildren(notice(error.message, 'error')));

  function showNode(node) {
    const kind = node.data('kind');
    const key = node.data('key');
    if (kind === 'account') {
      const m = byAccount.get(key);
      selection.replaceChildren(
        h('p', null, link(accountHref(key), key)),
        h('p', null, scoreBar(m?.score), ' ', decisionBadge(m?.decision), ' ', labelBadge(m?.label)),
        verdictBox([key], { compact: true, onDone: (label) => { node.data('labelled', label); if (m) m.label = label; recolour(cy, colour.value); } }));
    } else {
      const i = identifiers.identifiers.find(x => x.identifier === key && x.kind === kind);
      selection.replaceChildren(
        h('p', null, h('span', { class: `badge kind-${kind}` }, kind), ' ', h('span', { class: 'mono' }, key)),
        h('p', null, `${i?.membersUsing ?? '?'} member(s) of ${members.length}; ${i?.accountsUsing ?? '?'} account(s) of the whole graph use it.`),
        h('ul', { class: 'compact-list' }, (i?.members ?? []).slice(0, 20).map(u => h('li', null, link(accountHref(u.account), u.account), ` ${u.count}× ${time(u.firstMs)} – ${time(u.lastMs)}`))));
    }
  }

  return () => cy.destroy();
}
