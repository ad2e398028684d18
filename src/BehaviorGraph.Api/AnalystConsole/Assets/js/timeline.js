import { h } from './dom.js';
import { uPlot } from './vendor.js';

// The group's activity over time: signups (bars), first actions (line) and co-actions (bars), one bucket per point.
export async function timeline(container, data) {
  const plot = await uPlot();
  const buckets = data.buckets;
  const x = buckets.map(b => b.startMs / 1000);
  const width = Math.max(320, container.clientWidth || 800);
  const bars = plot.paths.bars({ size: [0.9, 40] });
  const chart = new plot({
    width,
    height: 220,
    scales: { x: { time: true } },
    legend: { live: true },
    series: [
      {},
      { label: 'Signups (first seen)', stroke: '#1565c0', fill: 'rgba(21, 101, 192, 0.35)', paths: bars, points: { show: false } },
      { label: 'First actions', stroke: '#607d8b', width: 1.5, points: { show: false } },
      { label: 'Co-actions', stroke: '#c62828', fill: 'rgba(198, 40, 40, 0.35)', paths: bars, points: { show: false } },
    ],
    axes: [{}, { label: 'per bucket', size: 50 }],
  }, [x, buckets.map(b => b.signups), buckets.map(b => b.actions), buckets.map(b => b.coActions)], container);
  container.dataset.drawn = 'true';
  return chart;
}

export function timelineCaption(data) {
  const width = data.bucketMs >= 86_400_000 ? `${data.bucketMs / 86_400_000} day(s)` : data.bucketMs >= 3_600_000 ? `${data.bucketMs / 3_600_000} hour(s)` : `${data.bucketMs / 60_000} minute(s)`;
  return h('p', { class: 'caption' },
    `Buckets of ${width}. Actions are the first time a member acted on a target (the graph keeps first and last times per edge); ` +
    'a co-action is a first action on a target that another member also first acted on in the same bucket.',
    data.truncated ? ` Only the first ${data.actionsRead.toLocaleString('en-US')} edges were read.` : '');
}
