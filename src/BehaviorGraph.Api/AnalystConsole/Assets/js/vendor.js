// The drawing libraries are loaded when a page first needs them, from this server (never a CDN), in order.
const loaded = new Map();

function script(src) {
  if (!loaded.has(src)) {
    loaded.set(src, new Promise((resolve, reject) => {
      const element = document.createElement('script');
      element.src = src;
      element.async = false;
      element.onload = resolve;
      element.onerror = () => reject(new Error(`Could not load ${src}`));
      document.head.append(element);
    }));
  }
  return loaded.get(src);
}

function stylesheet(href) {
  if (!loaded.has(href)) {
    loaded.set(href, new Promise((resolve, reject) => {
      const element = document.createElement('link');
      element.rel = 'stylesheet';
      element.href = href;
      element.onload = resolve;
      element.onerror = () => reject(new Error(`Could not load ${href}`));
      document.head.append(element);
    }));
  }
  return loaded.get(href);
}

let cytoscapeReady = null;
export function cytoscape() {
  cytoscapeReady ??= Promise.all([
    script('/console/vendor/cytoscape-3.34.4/cytoscape.min.js'),
    script('/console/vendor/layout-base-2.0.1/layout-base.js'),
    script('/console/vendor/cose-base-2.2.0/cose-base.js'),
    script('/console/vendor/cytoscape-fcose-2.2.0/cytoscape-fcose.js'),
  ]).then(() => {
    window.cytoscape.use(window.cytoscapeFcose);
    return window.cytoscape;
  });
  return cytoscapeReady;
}

export async function uPlot() {
  await Promise.all([script('/console/vendor/uplot-1.6.32/uPlot.iife.min.js'), stylesheet('/console/vendor/uplot-1.6.32/uPlot.min.css')]);
  return window.uPlot;
}
