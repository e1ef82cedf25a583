// The policy page as blocks of text (paragraphs, list items, cells, headings), read from the DOM or from lines.

import { parseDocument } from 'htmlparser2';

type DomNode = ReturnType<typeof parseDocument>['children'][number];
type Element = Extract<DomNode, { attribs: Record<string, string> }>;
type TextNode = Extract<DomNode, { type: 'text' }>;

export interface BlockLink {
  /** Offsets within the block's text. */
  start: number;
  end: number;
  href: string;
}

export interface Block {
  text: string;
  /** 1-6 for h1-h6, 7 for a line that only looks like a heading (short, bold or capitalised, no full stop). */
  headingLevel?: number;
  links: BlockLink[];
}

const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'head',
  'iframe',
  'nav',
  'footer',
  'select',
  'option',
  'button',
  'input',
  'textarea',
  'canvas',
  'video',
  'audio',
  'object',
]);
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'aside',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'table',
  'thead',
  'tbody',
  'tr',
  'td',
  'th',
  'blockquote',
  'pre',
  'address',
  'figure',
  'figcaption',
  'form',
  'fieldset',
  'details',
  'summary',
  'center',
  'body',
  'html',
]);
// Cookie banners repeat "opt out" and "sell" words that are not the policy's.
const BANNER = /onetrust|ot-sdk|cookie-?(banner|consent|notice|bar)|cc-window|cky-consent/i;
const LINK_SCHEMES = /^(https?:|mailto:|tel:)/i;

class BlockWriter {
  readonly blocks: Block[] = [];
  private text = '';
  private links: BlockLink[] = [];

  append(raw: string): void {
    const piece = raw.replace(/[\s\u00a0\u200b]+/g, ' ');
    if (piece === ' ' && (this.text === '' || this.text.endsWith(' '))) return;
    this.text += this.text.endsWith(' ') && piece.startsWith(' ') ? piece.slice(1) : piece;
  }

  get length(): number {
    return this.text.length;
  }

  link(start: number, href: string): void {
    if (this.text.length > start) this.links.push({ start, end: this.text.length, href });
  }

  flush(headingLevel?: number): void {
    const leading = this.text.length - this.text.trimStart().length;
    const text = this.text.trim();
    if (text !== '') {
      const links = this.links
        .map((l) => ({ ...l, start: Math.max(0, l.start - leading), end: Math.min(text.length, l.end - leading) }))
        .filter((l) => l.end > l.start);
      this.blocks.push({ text, ...(headingLevel ? { headingLevel } : {}), links });
    }
    this.text = '';
    this.links = [];
  }
}

// Only what is hidden for good: aria-hidden and display:none are toggled by scripts (modals, accordions) on policy text.
function hidden(el: Element): boolean {
  return el.attribs.role === 'navigation' || BANNER.test(`${el.attribs.id ?? ''} ${el.attribs.class ?? ''}`);
}

/** A link's target as an absolute http(s), mailto: or tel: address, or undefined for anything else or in-page. */
type LinkTarget = (href: string) => string | undefined;

function walk(nodes: readonly DomNode[], out: BlockWriter, target: LinkTarget): void {
  for (const node of nodes) {
    if (isText(node)) {
      out.append(node.data);
      continue;
    }
    if (!isElement(node) || SKIPPED.has(node.name) || hidden(node)) continue;
    const heading = /^h([1-6])$/.exec(node.name);
    if (node.name === 'br' || node.name === 'hr') {
      out.flush();
    } else if (heading) {
      out.flush();
      walk(node.children, out, target);
      out.flush(Number(heading[1]));
    } else if (BLOCKS.has(node.name)) {
      out.flush();
      walk(node.children, out, target);
      out.flush();
    } else if (node.name === 'a' && target(node.attribs.href ?? '') !== undefined) {
      const start = out.length;
      walk(node.children, out, target);
      out.link(start, target(node.attribs.href)!);
    } else {
      walk(node.children, out, target);
    }
  }
}

function isText(node: DomNode): node is TextNode {
  return node.type === 'text';
}

function isElement(node: DomNode): node is Element {
  return 'attribs' in node;
}

function textLength(nodes: readonly DomNode[]): number {
  let length = 0;
  for (const node of nodes) {
    if (isText(node)) length += node.data.trim().length;
    else if (isElement(node) && !SKIPPED.has(node.name)) length += textLength(node.children);
  }
  return length;
}

function findElements(nodes: readonly DomNode[], wanted: (el: Element) => boolean, found: Element[] = []): Element[] {
  for (const node of nodes) {
    if (!isElement(node)) continue;
    if (wanted(node)) found.push(node);
    findElements(node.children, wanted, found);
  }
  return found;
}

/** The element holding the policy when the page marks one (main, article), else the whole body. */
function mainContent(roots: readonly DomNode[]): readonly DomNode[] {
  const whole = textLength(roots);
  const candidates = findElements(
    roots,
    (el) => el.name === 'main' || el.name === 'article' || el.attribs.role === 'main',
  );
  const largest = candidates.sort((a, b) => textLength([b]) - textLength([a]))[0];
  // A page's <main> is sometimes only a banner; use it only when it holds most of the page's text.
  return largest && textLength([largest]) > whole * 0.4 ? [largest] : roots;
}

const SENTENCE_END = /[.;,:!]$/;

/** A short line without a full stop, capitalised: a heading in a page that does not mark its headings. */
export function looksLikeHeading(text: string): boolean {
  const words = text.split(' ');
  if (words.length > 14 || text.length > 120 || SENTENCE_END.test(text)) return false;
  if (/@|https?:|www\.|\d{3}[^\d]?\d{4}/.test(text) || !/[A-Za-z]{3}/.test(text)) return false;
  const capitalised = words.filter((w) => /^[A-Z0-9(]/.test(w)).length;
  return /^[A-Z0-9(]/.test(text) && (capitalised >= words.length / 2 || text.endsWith('?'));
}

function markHeadings(blocks: Block[]): Block[] {
  return blocks.map((b) => (b.headingLevel === undefined && looksLikeHeading(b.text) ? { ...b, headingLevel: 7 } : b));
}

const absolute = (url: string | undefined): string | undefined =>
  url !== undefined && /^https?:\/\//i.test(url.trim()) ? url.trim() : undefined;

/**
 * The address relative links are read against: the page's <base>, else where it was saved from, else the address
 * the page gives itself (canonical link, og:url). Crawled and saved pages link their request forms relatively.
 */
function pageAddress(roots: readonly DomNode[], savedFrom: string | undefined): string | undefined {
  const first = (wanted: (el: Element) => boolean, attribute: string): string | undefined =>
    absolute(findElements(roots, wanted)[0]?.attribs[attribute]);
  return (
    first((el) => el.name === 'base' && el.attribs.href !== undefined, 'href') ??
    absolute(savedFrom) ??
    first((el) => el.name === 'link' && /\bcanonical\b/i.test(el.attribs.rel ?? ''), 'href') ??
    first((el) => el.name === 'meta' && el.attribs.property === 'og:url', 'content')
  );
}

function linkTarget(page: string | undefined): LinkTarget {
  return (raw) => {
    const href = raw.trim();
    if (LINK_SCHEMES.test(href)) return href;
    if (page === undefined || href === '' || href.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(href))
      return undefined;
    try {
      const url = new URL(href, page);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
    } catch {
      return undefined;
    }
  };
}

/** savedFrom: the address the page was saved from, when the file says (a saved page's Content-Location). */
export function htmlBlocks(html: string, savedFrom?: string): Block[] {
  const document = parseDocument(html);
  const out = new BlockWriter();
  walk(mainContent(document.children), out, linkTarget(pageAddress(document.children, savedFrom)));
  out.flush();
  return markHeadings(out.blocks);
}

export function textBlocks(text: string): Block[] {
  const blocks = text
    .split(/\r?\n|\r/)
    .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter((line) => line !== '')
    .map((line): Block => {
      const shouted = line === line.toUpperCase() && /[A-Z]{3}/.test(line) && line.length < 120;
      return { text: line, ...(shouted ? { headingLevel: 2 } : {}), links: [] };
    });
  return markHeadings(blocks);
}
