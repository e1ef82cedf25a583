/**
 * Lays out generated SQL for a migration file: one template literal per statement, a table's columns one a line,
 * long statements broken before REFERENCES and WHERE. Only whitespace between tokens changes; quoted identifiers,
 * string literals and dollar-quoted bodies are copied as they are.
 */

const WIDTH = 100;
const BREAK_BEFORE = new Set(['REFERENCES', 'WHERE']);

type Token = { text: string; kind: 'space' | 'quoted' | 'open' | 'close' | 'comma' | 'word' };

function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    let end = i + 1;
    let kind: Token['kind'];
    if (/\s/.test(c)) {
      while (end < sql.length && /\s/.test(sql[end])) end++;
      kind = 'space';
    } else if (c === "'" || c === '"') {
      // A doubled quote inside is an escaped quote, not the end. E'…' strings may also escape with a backslash.
      const backslashEscapes = c === "'" && /[eE]$/.test(sql.slice(0, i)) && !/\w[eE]$/.test(sql.slice(0, i));
      for (;;) {
        if (end >= sql.length) throw new Error(`unterminated ${c} in: ${sql}`);
        if (backslashEscapes && sql[end] === '\\') end += 2;
        else if (sql[end] === c && sql[end + 1] === c) end += 2;
        else if (sql[end] === c) break;
        else end++;
      }
      end++;
      kind = 'quoted';
    } else if (c === '$' && /^\$[A-Za-z_]*\$/.test(sql.slice(i))) {
      const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i))![0];
      const close = sql.indexOf(tag, i + tag.length);
      if (close < 0) throw new Error(`unterminated ${tag} in: ${sql}`);
      end = close + tag.length;
      kind = 'quoted';
    } else if (c === '(' || c === ')' || c === ',') {
      kind = c === '(' ? 'open' : c === ')' ? 'close' : 'comma';
    } else {
      while (
        end < sql.length &&
        !/[\s'"(),]/.test(sql[end]) &&
        !(sql[end] === '$' && /^\$[A-Za-z_]*\$/.test(sql.slice(end)))
      )
        end++;
      kind = 'word';
    }
    tokens.push({ text: sql.slice(i, end), kind });
    i = end;
  }
  return tokens;
}

/** The statement on one line: each run of whitespace between tokens becomes one space (none next to brackets). */
function oneLine(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const token of tokens) {
    if (token.kind !== 'space') {
      out.push(token);
      continue;
    }
    const before = out.at(-1);
    if (before && before.kind !== 'open') out.push({ text: ' ', kind: 'space' });
  }
  while (out.at(-1)?.kind === 'space') out.pop();
  return out.filter((t, i) => !(t.kind === 'space' && (out[i + 1]?.kind === 'close' || out[i + 1]?.kind === 'comma')));
}

/**
 * The statement's lines, the first unindented and the others indented by `indent` (more inside a table's columns).
 */
export function migrationSqlLines(sql: string, indent: string): string {
  const tokens = oneLine(tokenize(sql.trim()));
  const flat = tokens.map((t) => t.text).join('');
  if (flat.length <= WIDTH) return flat;
  const isCreateTable = /^CREATE TABLE\b/i.test(flat);
  let out = '';
  let depth = 0;
  let tableList: 'before' | 'open' | 'done' = isCreateTable ? 'before' : 'done';
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind === 'open') {
      depth++;
      out += '(';
      if (depth === 1 && tableList === 'before') {
        tableList = 'open';
        out += `\n${indent}  `;
      }
    } else if (token.kind === 'close') {
      if (tableList === 'open' && depth === 1) {
        tableList = 'done';
        out += `\n${indent}`;
      }
      depth--;
      out += ')';
    } else if (token.kind === 'comma' && tableList === 'open' && depth === 1) {
      out += `,\n${indent}  `;
      if (tokens[i + 1]?.kind === 'space') i++;
    } else if (token.kind === 'space' && depth === 0 && BREAK_BEFORE.has(tokens[i + 1]?.text.toUpperCase())) {
      out += `\n${indent}`;
    } else {
      out += token.text;
    }
  }
  return out;
}

/** `sql` as the body of a template literal: backslashes, backquotes and `${` escaped. */
export function templateLiteral(sql: string): string {
  return '`' + sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
}

/** One `await queryRunner.query(`…`);` line per statement, as a migration's up or down body. */
export function migrationQueries(queries: string[], indent = '    '): string {
  return queries
    .map((q) => `${indent}await queryRunner.query(${templateLiteral(migrationSqlLines(q, `${indent}  `))});`)
    .join('\n');
}
