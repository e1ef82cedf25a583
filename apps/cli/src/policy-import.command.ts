import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

import { draftVerificationGuess, importPolicy, type PolicyDraft } from '#policy';

export interface CommandOutput {
  exitCode: number;
  stdout: string;
  stderr: string;
}

function summary(file: string, draft: PolicyDraft): string {
  const sure = (c: number, reason?: string): string => (reason ? `  [${c.toFixed(2)}: ${reason}]` : '');
  const lines = [
    `policy import: ${file}`,
    `regimes: ${draft.regimes.map((r) => r.regime).join(', ') || 'none named'}`,
    'rights:',
    ...draft.rights.map((r) => `  ${r.type} (${r.regime}): "${r.citation.quote}"${sure(r.confidence, r.reason)}`),
    'deadlines:',
    ...draft.deadlines.map(
      (d) =>
        `  ${d.wording} (${d.regime}: ${d.rightTypes.join(', ')}): "${d.citation.quote}"${sure(d.confidence, d.reason)}`,
    ),
    'channels:',
    ...draft.channels.map(
      (c) => `  ${c.kind}${c.value ? ` ${c.value}` : ''}: "${c.citation.quote}"${sure(c.confidence, c.reason)}`,
    ),
    'special rules:',
    ...draft.specialRules.map((s) => `  ${s.kind}: "${s.citation.quote}"${sure(s.confidence, s.reason)}`),
  ];
  const verification = draftVerificationGuess(draft);
  if (verification)
    lines.push(`data points asked to verify identity: ${verification.kinds.join(', ')}  [${verification.reason}]`);
  return `${lines.join('\n')}\n`;
}

/** `rightsdesk policy import FILE [--json]`: the draft on stdout (exit 0), or why there is none on stderr (exit 1). */
export async function policyImportCommand(file: string, json: boolean): Promise<CommandOutput> {
  let content: Buffer;
  try {
    content = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    return { exitCode: 1, stdout: '', stderr: `policy import: cannot read ${file}: ${why}\n` };
  }
  const result = await importPolicy({ content, fileName: basename(file) });
  if (!result.ok) return { exitCode: 1, stdout: '', stderr: `policy import: ${file}: ${result.reason}\n` };
  return {
    exitCode: 0,
    stdout: json ? `${JSON.stringify(result.draft, null, 2)}\n` : summary(file, result.draft),
    stderr: '',
  };
}
