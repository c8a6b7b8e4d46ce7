/**
 * Tracking parameters in a link → removed. Everywhere: `utm_*` and the ad networks' click
 * ids. On shops: their referral parameters (`ref`, `tag`, …); on an Amazon product page
 * (`/dp/<ASIN>`, `/gp/product/<ASIN>`) the whole query and the `/ref=…` step, which only
 * carry search, session and affiliate state, leaving the product's plain address.
 * Elsewhere `ref` is kept: on GitHub it names a branch.
 */
import type { BookDocument, Edit } from '../book/document';
import type { Diagnostic } from '../book/diagnostic';
import type { Value } from '../yaml/tree';
import { valueAt } from './fix';
import type { Fix, FixProvider, Report } from './fix';

const EVERYWHERE = /^(?:utm_.+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|twclid|igshid|mc_cid|mc_eid|_hsenc|_hsmi|mkt_tok)$/i;
const SHOP_PARAMS = /^(?:ref|ref_|tag|a_aid|a_bid|affiliate|aff_id|linkcode|linkid|camp|creative|creativeasin|ascsubtag)$/i;
const SHOPS = /(?:^|\.)(?:amazon\.[a-z.]+|amzn\.(?:to|eu|com)|manning\.com|oreilly\.com|packtpub\.com|packt\.com|leanpub\.com|pragprog\.com|nostarch\.com|informit\.com|wiley\.com|routledge\.com|springer\.com|apress\.com|barnesandnoble\.com|bookshop\.org)$/i;
const AMAZON = /(?:^|\.)amazon\.[a-z.]+$/i;
const AMAZON_PRODUCT = /\/(?:dp|gp\/product)\/[A-Z0-9]{10}(?:\/|$)/i;

/** A parameter's name, decoded when it can be. */
function nameOf(param: string): string {
  const raw = param.split('=')[0]!;
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/** `url` without its tracking parameters, and the names removed; every other character kept as written. */
export function withoutTracking(url: string): { readonly url: string; readonly removed: readonly string[] } {
  const m = /^(https?:\/\/(?:[^/?#@]*@)?([^/?#:]+)(?::\d+)?)([^?#]*)(?:\?([^#]*))?(#.*)?$/i.exec(url);
  if (!m) return { url, removed: [] };
  const [, origin, host, path = '', query, fragment = ''] = m;
  const shop = SHOPS.test(host!);
  const product = AMAZON.test(host!) && AMAZON_PRODUCT.test(path);
  const removed: string[] = [];
  let newPath = path;
  if (product) {
    const step = /\/ref=[^/]*\/?$/.exec(path);
    if (step) {
      newPath = path.slice(0, step.index);
      removed.push('ref');
    }
  }
  const kept: string[] = [];
  for (const param of query === undefined ? [] : query.split('&')) {
    if (!param) continue;
    const name = nameOf(param);
    if (product || EVERYWHERE.test(name) || (shop && SHOP_PARAMS.test(name))) removed.push(name);
    else kept.push(param);
  }
  if (removed.length === 0) return { url, removed };
  return { url: `${origin}${newPath}${kept.length ? `?${kept.join('&')}` : ''}${fragment}`, removed: [...new Set(removed)] };
}

const listed = (names: readonly string[]) => (names.length > 4 ? `${names.slice(0, 4).join(', ')} and ${names.length - 4} more` : names.join(', '));

/** Warns for each link whose address carries tracking parameters. */
export function checkTracking(links: readonly Value[], report: Report): void {
  links.forEach((l, i) => {
    const link = valueAt(l, ['link']);
    if (typeof link !== 'string' || !/^https?:\/\//i.test(link)) return;
    const { removed } = withoutTracking(link);
    if (removed.length) report('warning', 'tracking', ['links', i, 'link'], `Link ${i + 1}: the address carries tracking parameters (${listed(removed)}).`);
  });
}

function cleaned(doc: BookDocument, d: Diagnostic): { readonly url: string; readonly removed: readonly string[] } | null {
  const link = valueAt(doc.data, d.keys);
  if (typeof link !== 'string') return null;
  const out = withoutTracking(link);
  return out.removed.length ? out : null;
}

function offer(doc: BookDocument, d: Diagnostic): Fix[] {
  const c = cleaned(doc, d);
  return c ? [{ kind: 'edit', id: 'remove-tracking', label: `Remove the tracking parameters (${listed(c.removed)})`, safe: true }] : [];
}

function edits(doc: BookDocument, d: Diagnostic): Edit[] {
  const c = cleaned(doc, d);
  return c ? [{ op: 'set', path: d.keys, value: c.url }] : [];
}

/** Removes tracking parameters from a link. */
export const trackingParamsFix: FixProvider = { codes: ['tracking'], offer, edits };
