// Files the browser saves: CSV made here from the data (cells that a spreadsheet would run as formulas are defused),
// PNG from the picture.

export function csv(columns, rows) {
  const cell = value => {
    let text = value === null || value === undefined ? '' : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = [columns.map(c => cell(c.title)).join(',')];
  for (const row of rows) lines.push(columns.map(c => cell(c.value(row))).join(','));
  return new Blob(['\ufeff' + lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' });
}

export function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const fileName = text => String(text).replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80) || 'export';
