import type { Child } from '../jsx-runtime.js';

/** The one-time link that confirms a request, with its address written out for mail clients that hide links. */
export function ConfirmLink({ url, children }: { url: string; children: Child }) {
  return (
    <p>
      <a href={url}>{children}</a>
      <br />
      <span style="font-size:.9em">{url}</span>
    </p>
  );
}

/** The private link to a request's status page, after a sentence that says what it is for. */
export function StatusLink({ url, children }: { url: string; children: Child }) {
  return (
    <p>
      {children} <a href={url}>{url}</a>
    </p>
  );
}
