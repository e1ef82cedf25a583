import { escapeHtml, SafeHtml } from './html.js';
import type { KitaIntrinsicElements } from './kita-elements.js';

/**
 * The JSX runtime of pages and mails (tsconfig `jsxImportSource: "#mail"`). It takes @kitajs/html's element typings
 * but renders with our own escaping (`escapeHtml`), as the pages were written before they were components: every
 * string child and attribute is escaped (`&<>"'`) unless it is SafeHtml, and an element is SafeHtml, never a string,
 * so nothing needs a `safe` mark and nothing is escaped twice.
 */
export type Child = SafeHtml | string | number | boolean | null | undefined | readonly Child[];

type AttributeValue = string | number | boolean | null | undefined;
type Props = { children?: Child } & Record<string, unknown>;

// Written without a closing slash, as the pages always were.
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

export function renderChild(child: Child): string {
  if (child === null || child === undefined || child === false || child === true) return '';
  if (child instanceof SafeHtml) return child.value;
  if (Array.isArray(child)) return child.map(renderChild).join('');
  return escapeHtml(String(child));
}

function attributes(props: Props): string {
  let out = '';
  for (const [name, value] of Object.entries(props) as [string, AttributeValue][]) {
    if (name === 'children' || value === null || value === undefined || value === false) continue;
    out += value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`;
  }
  return out;
}

export function jsx(tag: string | ((props: never) => SafeHtml), props: Props): SafeHtml {
  if (typeof tag === 'function') return (tag as (props: Props) => SafeHtml)(props);
  const open = `<${tag}${attributes(props)}>`;
  return new SafeHtml(VOID.has(tag) ? open : `${open}${renderChild(props.children)}</${tag}>`);
}

export const jsxs = jsx;

export function Fragment(props: { children?: Child }): SafeHtml {
  return new SafeHtml(renderChild(props.children));
}

// `autofocus` is global in HTML (any focusable element, e.g. an error summary with tabindex -1); kitajs types it on
// form controls only.
type Attributes<T> = Omit<T, 'children' | 'safe' | 'attrs' | 'of' | 'style'> & {
  children?: Child;
  style?: string;
  autofocus?: boolean;
};

export declare namespace JSX {
  type Element = SafeHtml;
  type ElementType = string | ((props: never) => SafeHtml);
  interface ElementChildrenAttribute {
    children: unknown;
  }
  // A link's bare `download` (keep the server's file name) is a boolean attribute kitajs types as a string only.
  type IntrinsicElements = {
    [Tag in keyof KitaIntrinsicElements]: Tag extends 'a'
      ? Omit<Attributes<KitaIntrinsicElements[Tag]>, 'download'> & { download?: boolean | string }
      : Attributes<KitaIntrinsicElements[Tag]>;
  };
}
