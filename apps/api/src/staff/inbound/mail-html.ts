import sanitizeHtml from 'sanitize-html';

/**
 * A sender's HTML reduced to text structure for staff to read: no scripts, styles, forms, frames or event
 * handlers, and no images (a remote image is a read receipt for the sender). Links keep only http(s) and mailto
 * targets, and open nothing by themselves. The page's CSP would block scripts anyway; this makes sure none is there.
 */
export function sanitiseMailHtml(dirty: string): string {
  return sanitizeHtml(dirty, {
    allowedTags: [
      'p', 'br', 'div', 'span', 'b', 'strong', 'i', 'em', 'u', 's', 'small', 'sub', 'sup', 'blockquote', 'pre', 'code',
      'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr',
      'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'a',
    ],
    allowedAttributes: { a: ['href', 'rel'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesAppliedToAttributes: ['href'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    // A link never tells its target where it was followed from.
    transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }) },
  });
}
