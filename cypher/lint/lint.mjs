// Lints every .cypher file with Neo4j's own Cypher front-end (@neo4j-cypher/language-support).
// Usage: node lint.mjs [file-or-directory ...]   (default: the cypher/ directory above this script)
// Each file must hold exactly one statement after a header of // comments that declares its parameters:
//   // params: none
// or
//   // params:
//   //   $name: description
// Parameters are passed to the linter as declared, so a $param used but not declared is a diagnostic;
// a declared parameter the statement never uses is one too. Exit code 1 on any diagnostic.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintCypherQuery, parseParameters, parseStatementsStrs } from '@neo4j-cypher/language-support';

const here = dirname(fileURLToPath(import.meta.url));
const cypherRoot = resolve(here, '..');

// The graph model the adapter writes; a misspelt relationship type is reported against it.
const schema = {
  labels: ['Node', 'Account', 'Content', 'Device', 'IP'],
  relationshipTypes: [
    'FOLLOWS', 'MESSAGES', 'REPORTS', 'RATES', 'LIKES', 'COMMENTS_ON', 'SHARES', 'VIEWS', 'POSTS',
    'USES_DEVICE', 'USES_IP', 'INTERACTS',
  ],
};

function collect(path, out) {
  const stat = statSync(path);
  if (stat.isDirectory()) {
    for (const entry of readdirSync(path).sort()) {
      if (entry === 'node_modules' || entry === 'lint') continue;
      collect(join(path, entry), out);
    }
  } else if (path.endsWith('.cypher')) {
    out.push(path);
  }
}

// Returns { declared: string[] | null, problems: string[] } from the leading // comment block.
function readHeader(lines) {
  const problems = [];
  let declared = null;
  let inParams = false;
  for (const line of lines) {
    const trimmed = line.trim();
    if (!trimmed.startsWith('//')) break;
    const body = trimmed.slice(2).trim();
    const paramsLine = /^params:\s*(.*)$/.exec(body);
    if (paramsLine) {
      if (declared !== null) problems.push('the header has more than one "params:" line');
      declared = [];
      inParams = true;
      const rest = paramsLine[1].trim();
      if (rest === 'none') inParams = false;
      else if (rest !== '') {
        const inline = /^\$([A-Za-z_][A-Za-z0-9_]*)\s*:/.exec(rest);
        if (inline) declared.push(inline[1]);
        else problems.push(`cannot read the params line "${body}"; write "params: none" or list $name: description`);
      }
      continue;
    }
    if (inParams) {
      const param = /^\$([A-Za-z_][A-Za-z0-9_]*)\s*:/.exec(body);
      if (param) declared.push(param[1]);
    }
  }
  if (declared === null) problems.push('the header comment declares no parameters; add "// params: none" or "// params:" with "//   $name: description" lines');
  return { declared: declared ?? [], problems };
}

const targets = process.argv.slice(2);
const files = [];
for (const target of targets.length > 0 ? targets : [cypherRoot]) collect(resolve(target), files);

let diagnostics = 0;
const report = (file, line, column, severity, message) => {
  diagnostics += 1;
  const shown = relative(process.cwd(), file);
  console.log(`${shown.startsWith('..') ? file : shown}:${line}:${column}: ${severity}: ${message}`);
};

for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const { declared, problems } = readHeader(text.split('\n'));
  for (const problem of problems) report(file, 1, 1, 'error', problem);

  const statements = parseStatementsStrs(text).filter((s) => s.replace(/\/\/[^\n]*/g, '').trim().length > 0);
  if (statements.length !== 1) {
    report(file, 1, 1, 'error', `expected exactly one statement, found ${statements.length}`);
  }

  const parameters = Object.fromEntries(declared.map((name) => [name, null]));
  const { diagnostics: found } = lintCypherQuery(text, { ...schema, parameters });
  for (const d of found) {
    const severity = d.severity === 1 ? 'error' : d.severity === 2 ? 'warning' : 'info';
    report(file, d.range.start.line + 1, d.range.start.character + 1, severity, d.message);
  }

  const used = new Set(parseParameters(text, false));
  for (const name of declared) {
    if (!used.has(name)) report(file, 1, 1, 'error', `parameter $${name} is declared in the header but never used`);
  }
}

console.log(`cypher lint: ${files.length} file(s), ${diagnostics} diagnostic(s)`);
if (files.length === 0) {
  console.log('cypher lint: no .cypher files found');
  process.exit(1);
}
process.exit(diagnostics === 0 ? 0 : 1);
