import { api } from './api.js';
import { h } from './dom.js';

// Abusive / benign with a note, through POST /v1/labels (the author is the signed-in key's name). One account or many.
export function verdictBox(accounts, { onDone, compact = false, title } = {}) {
  const note = h('input', { type: 'text', maxlength: 2000, placeholder: 'Note (optional)', 'aria-label': 'Verdict note', class: 'note' });
  const status = h('span', { class: 'verdict-status', role: 'status' });
  const buttons = ['abusive', 'benign'].map(label => h('button', {
    type: 'button', class: `verdict ${label}`, dataset: { verdict: label },
    onclick: () => submit(label),
  }, label === 'abusive' ? 'Abusive' : 'Benign'));

  async function submit(label) {
    const list = typeof accounts === 'function' ? accounts() : accounts;
    if (list.length === 0) { status.textContent = 'Select accounts first.'; return; }
    if (list.length > 1 && !window.confirm(`Label ${list.length} accounts ${label}?`)) return;
    buttons.forEach(b => { b.disabled = true; });
    const done = [];
    const failed = [];
    for (const account of list) {
      try {
        const body = { account, label };
        if (note.value.trim()) body.note = note.value.trim();
        done.push(await api('/v1/labels', { method: 'POST', body }));
        status.textContent = `Labelled ${done.length} of ${list.length} ${label}…`;
      } catch (error) {
        failed.push(`${account}: ${error.message}`);
      }
    }
    status.textContent = failed.length === 0
      ? `Labelled ${done.length} ${label}${done.length === 1 ? '' : ' accounts'}.`
      : `Labelled ${done.length}; ${failed.length} failed: ${failed.slice(0, 3).join('; ')}`;
    buttons.forEach(b => { b.disabled = false; });
    if (done.length > 0) note.value = '';
    onDone?.(label, done, failed);
  }

  return h('div', { class: compact ? 'verdicts compact' : 'verdicts' }, title ? h('strong', null, title) : null, note, buttons, status);
}
