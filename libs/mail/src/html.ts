/** Markup that is already safe to emit: what the JSX runtime renders, and `raw` for trusted markup. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Trusted markup written by us (never requester input). */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
