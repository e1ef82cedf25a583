/** XML-escapes text for an element's content or an attribute. */
function xml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

/** A TwiML answer to an inbound text: one reply message, or none (an empty Response sends nothing). */
export function twiml(reply: string | null): string {
  const body = reply === null ? '' : `<Message>${xml(reply)}</Message>`;
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${body}</Response>`;
}
