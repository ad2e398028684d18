import { h } from './dom.js';
import { cytoscape } from './vendor.js';

// Colours of the picture: by score (green → amber → red), by decision or by label. Devices, IPs and content keep
// their own shapes and greys so the members stand out.
export const modes = {
  score: { title: 'Score', legend: [['0.0', scoreColour(0)], ['0.5', scoreColour(0.5)], ['1.0', scoreColour(1)], ['unscored', '#9e9e9e']] },
  decision: { title: 'Decision', legend: [['allow', '#43a047'], ['review', '#fb8c00'], ['block', '#c62828'], ['unscored', '#9e9e9e']] },
  label: { title: 'Label', legend: [['abusive', '#c62828'], ['benign', '#1e88e5'], ['unlabelled', '#cfd8dc']] },
};

export function scoreColour(value) {
  if (value === null || value === undefined) return '#9e9e9e';
  const t = Math.max(0, Math.min(1, value));
  const [a, b, f] = t < 0.5 ? [[67, 160, 71], [251, 192, 45], t / 0.5] : [[251, 192, 45], [198, 40, 40], (t - 0.5) / 0.5];
  const c = a.map((v, i) => Math.round(v + (b[i] - v) * f));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

export function colourOf(mode, node) {
  if (node.kind !== 'account') return { device: '#78909c', ip: '#b0bec5', content: '#d4a72c' }[node.kind] ?? '#bdbdbd';
  if (mode === 'decision') return { allow: '#43a047', review: '#fb8c00', block: '#c62828' }[node.decision] ?? '#9e9e9e';
  if (mode === 'label') return { abusive: '#c62828', benign: '#1e88e5' }[node.label] ?? '#cfd8dc';
  return scoreColour(node.score);
}

export const edgeColours = {
  follow: '#5c6bc0', message: '#26a69a', like: '#ec407a', comment: '#ab47bc', share: '#7e57c2', view: '#90a4ae',
  rate: '#8d6e63', report: '#ef5350', post: '#d4a72c', uses_device: '#9e9e9e', uses_ip: '#bdbdbd',
};

export function legend(mode) {
  return h('ul', { class: 'legend' },
    modes[mode].legend.map(([text, colour]) => h('li', null, swatch(colour), text)),
    h('li', null, swatch('#78909c', 'square'), 'device'),
    h('li', null, swatch('#b0bec5', 'diamond'), 'IP'));
}

function swatch(colour, shape = 'round') {
  const element = h('span', { class: `swatch ${shape}` });
  element.style.backgroundColor = colour;
  return element;
}

export const nodeId = (kind, key) => `${kind}:${key}`;

// Cytoscape draws on a canvas: labels are painted as text, never parsed as markup.
export async function createGraph(container, { elements, big = false, directed = false }) {
  const cytoscapeLibrary = await cytoscape();
  const cy = cytoscapeLibrary({
    container,
    elements,
    wheelSensitivity: 0.3,
    hideEdgesOnViewport: big,
    textureOnViewport: big,
    minZoom: 0.05,
    maxZoom: 4,
    style: [
      { selector: 'node', style: {
        'background-color': 'data(colour)', width: 'data(size)', height: 'data(size)', label: 'data(label)',
        'font-size': 9, 'min-zoomed-font-size': 7, 'text-valign': 'bottom', 'text-margin-y': 2, color: '#263238',
        'text-max-width': 120, 'text-wrap': 'ellipsis', 'border-width': 1, 'border-color': '#37474f',
      } },
      { selector: 'node[kind = "device"]', style: { shape: 'round-rectangle' } },
      { selector: 'node[kind = "ip"]', style: { shape: 'diamond' } },
      { selector: 'node[kind = "content"]', style: { shape: 'triangle' } },
      { selector: 'node.focus', style: { 'border-width': 4, 'border-color': '#000' } },
      { selector: 'node.expanded', style: { 'border-style': 'double', 'border-width': 4 } },
      { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#1565c0' } },
      { selector: 'edge', style: {
        width: 'data(width)', 'line-color': 'data(colour)', opacity: 0.7,
        'curve-style': big ? 'haystack' : 'bezier',
        'target-arrow-shape': directed ? 'triangle' : 'none', 'target-arrow-color': 'data(colour)', 'arrow-scale': 0.7,
      } },
      { selector: 'edge.identifier', style: { 'line-style': 'dashed', opacity: 0.5 } },
    ],
  });
  container.cy = cy;
  return cy;
}

export function nodeData(node, mode) {
  return {
    id: nodeId(node.kind, node.key),
    kind: node.kind,
    key: node.key,
    label: node.key,
    score: node.score ?? null,
    decision: node.decision ?? null,
    labelled: node.label ?? null,
    colour: colourOf(mode, { ...node }),
    size: node.kind === 'account' ? 10 + Math.round(14 * (node.score ?? 0)) : 14,
  };
}

export function edgeData(edge) {
  const source = nodeId(edge.sourceKind, edge.source);
  const target = nodeId(edge.targetKind, edge.target);
  return {
    id: `${source}|${edge.type}|${target}`,
    source,
    target,
    type: edge.type,
    count: edge.count,
    colour: edgeColours[edge.type] ?? '#90a4ae',
    width: Math.min(6, 1 + Math.log2(Math.max(1, edge.count))),
  };
}

export function recolour(cy, mode) {
  cy.batch(() => cy.nodes().forEach(n => n.data('colour', colourOf(mode, { kind: n.data('kind'), score: n.data('score'), decision: n.data('decision'), label: n.data('labelled') }))));
}

export async function exportPng(cy) {
  return cy.png({ output: 'blob-promise', full: true, scale: 2, bg: '#ffffff', maxWidth: 8000, maxHeight: 8000 });
}

export function layout(cy, { randomize = true, fit = true, quick = false } = {}) {
  const run = cy.layout({
    // fCoSE's draft quality works only from random positions (from kept positions it throws), so an incremental
    // layout after an expansion is a shorter default-quality run.
    name: 'fcose', quality: quick && randomize ? 'draft' : 'default', randomize, animate: false, fit, padding: 20,
    // Strong repulsion and long edges: rings are near-cliques, and weaker settings pile their members on each other.
    nodeRepulsion: () => 200000, idealEdgeLength: () => 150, edgeElasticity: () => 0.3, nodeSeparation: 100,
    packComponents: true, numIter: quick ? 1200 : 2500,
  });
  const done = new Promise(resolve => run.one('layoutstop', resolve));
  run.run();
  return done;
}
