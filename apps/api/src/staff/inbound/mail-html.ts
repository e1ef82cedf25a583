import sanitizeHtml from 'sanitize-html';

/**
 * A sender's HTML reduced to text structure for staff to read: no scripts, styles, forms, frames or event
 * handlers, and no images (a remote image is a read receipt for the sender). Links keep only http(s) and mailto
 * targets, and open nothing by themselves (the console's stylesheet shows each link's real target beside it).
 * Headings are reduced to emphasised paragraphs. The page's CSP would block scripts anyway; this makes sure none is there.
 */
const HEADINGS = Object.fromEntries(
  ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((h) => [h, sanitizeHtml.simpleTransform('p', { class: 'sender-heading' })]),
);

export function sanitiseMailHtml(dirty: string): string {
  return sanitizeHtml(dirty, {
    allowedTags: [
      'p',
      'br',
      'div',
      'span',
      'b',
      'strong',
      'i',
      'em',
      'u',
      's',
      'small',
      'sub',
      'sup',
      'blockquote',
      'pre',
      'code',
      'ul',
      'ol',
      'li',
      'dl',
      'dt',
      'dd',
      'h1',
      'h2',
      'h3',
      'h4',
      'h5',
      'h6',
      'hr',
      'table',
      'caption',
      'thead',
      'tbody',
      'tfoot',
      'tr',
      'th',
      'td',
      'a',
    ],
    allowedAttributes: { a: ['href', 'rel'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'], p: ['class'] },
    allowedClasses: { p: ['sender-heading'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesAppliedToAttributes: ['href'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    // A link never tells its target where it was followed from.
    // The sender's headings become emphasised paragraphs: in the console's outline they would read as its own sections.
    transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }), ...HEADINGS },
  });
}
