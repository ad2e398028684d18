// Every element is built from text: no string from the server or the URL is ever parsed as HTML, so an account
// named <img src=x onerror=alert(1)> is shown as those characters. Attribute names come from this code only.

export function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'href') element.setAttribute('href', internalHref(value));
    else if (name === 'value') element.value = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  add(element, children);
  return element;
}

export function add(element, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

// Links lead only to this console's own pages; anything else becomes a dead link.
function internalHref(value) {
  const text = String(value);
  return text.startsWith('/') && !text.startsWith('//') ? text : '#';
}

export const accountHref = id => `/accounts/${encodeURIComponent(id)}`;
export const clusterHref = id => `/clusters/${encodeURIComponent(id)}`;

export function link(href, ...children) {
  return h('a', { href }, ...children);
}

export function table(columns, rows, { sortable = false, onSort, sort } = {}) {
  const head = h('tr', null, columns.map(c => {
    const th = h('th', { scope: 'col', class: c.numeric ? 'num' : null }, c.title);
    if (sortable && c.sort) {
      th.classList.add('sortable');
      th.setAttribute('aria-sort', sort?.key === c.sort ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none');
      th.tabIndex = 0;
      const choose = () => onSort?.(c.sort);
      th.addEventListener('click', choose);
      th.addEventListener('keydown', e => { if (e.key === 'Enter') choose(); });
    }
    return th;
  }));
  const body = h('tbody', null, rows.map(row => h('tr', row.attributes ?? null, columns.map(c => h('td', { class: c.numeric ? 'num' : null }, c.cell(row.data ?? row))))));
  return h('table', { class: 'grid' }, h('thead', null, head), body);
}

export function notice(text, kind = 'info') {
  return h('p', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}
