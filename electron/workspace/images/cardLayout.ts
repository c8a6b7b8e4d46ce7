/**
 * Where everything of a preview card goes: the site's card template
 * (`previews/template_book.html` and `styles.css`) laid out as Chromium lays it out, and
 * made to hold what the template cannot: a long title shrinks, then is cut with an
 * ellipsis; several authors share the bottom band in one to three rows. Pure geometry
 * over a text-measuring function, so it is tested without drawing.
 */
import { FONT } from './canvas';

/** Measures the advance width of `text` in a CSS `font`. */
export type Measure = (text: string, font: string) => number;

/** The card's size, in pixels. */
export const CARD_WIDTH = 940;
export const CARD_HEIGHT = 550;

// From styles.css: #inner has 35 px padding; h4 30 px, h2 45 px zoomed 120 %, h3 45 px;
// the cover at most 240 px tall with a 1 px border; the rules list zoomed 220 % (16 px text,
// 13 px monospace, 40 px indent, 1 em margins); pictures 55 px tall, names 15 px after them.
const PAD = 35;
const INNER_WIDTH = CARD_WIDTH - 2 * PAD;
const INNER_HEIGHT = CARD_HEIGHT - 2 * PAD;
const SITE_SIZE = 30;
const TITLE_SIZE = 54;
const TITLE_MIN_SIZE = 26;
const COVER_MAX_HEIGHT = 240;
/** Not in the template: keeps a very wide picture from pushing the rules off the card. */
const COVER_MAX_WIDTH = 380;
const BORDER = 1;
const ZOOM = 2.2;
const RULE_SIZE = 16 * ZOOM;
const CODE_SIZE = 13 * ZOOM;
const RULE_INDENT = 40 * ZOOM;
const RULE_MARGIN = 16 * ZOOM;
/** Below an image inside a line sits the rest of the 16 px body font's line, which the template's blocks keep. */
const IMAGE_DESCENT = lineOf(16).height - lineOf(16).baseline;
const PICTURE = 55;
const NAME_SIZE = 45;
const NAME_GAP = 15;
/** Not in the template (it draws one author): the space between authors in a row, and between rows. */
const AUTHOR_GAP = 40;
const AUTHOR_ROW_GAP = 8;
/** The tallest author band, and the smallest scale authors are drawn at before "+N more". */
const AUTHORS_MAX_HEIGHT = 118;
const AUTHOR_MIN_SCALE = 0.45;
/** The least space kept between the three blocks when the title is long. */
const MIN_GAP = 2;

/**
 * A line of Alegreya Sans at `size` px as Blink lays it out (line-height normal): the font's
 * typo metrics (ascender 0.8 em, descender 0.2 em, line gap 0.2 em, USE_TYPO_METRICS set)
 * each rounded to whole pixels, half the leading (rounded down) above the text.
 */
export function lineOf(size: number): { height: number; baseline: number } {
  const ascent = Math.round(0.8 * size);
  const descent = Math.round(0.2 * size);
  const height = ascent + descent + Math.round(0.2 * size);
  return { height, baseline: Math.floor((height - ascent - descent) / 2) + ascent };
}

/** The card's fixed words. */
export const SITE_LINE = 'Book of the Week at DataTalks.Club';
export const RULES: readonly (readonly [string, string])[] = [
  ['Register in DataTalks.Club', ''],
  ['Join ', '#book-of-the-week'],
  ['Ask questions', ''],
  ['Win a free copy!', ''],
];

const font = (size: number, family: string = FONT.text) => `${Math.round(size * 100) / 100}px "${family}"`;
const lineHeight = (size: number) => lineOf(size).height;
const ELLIPSIS = '…';

/** What a card draws, before layout: the title, the cover's size (null: none) and the authors' names. */
export interface CardContent {
  readonly title: string;
  readonly cover: { readonly width: number; readonly height: number } | null;
  readonly authors: readonly string[];
}

/** One line of text: where its baseline starts, and its font. */
export interface TextLine {
  readonly text: string;
  readonly x: number;
  readonly baseline: number;
  readonly font: string;
}

/** An author's place: the round picture's box and the name; `index` into the content's authors. */
export interface AuthorBox {
  readonly index: number;
  readonly picture: { readonly x: number; readonly y: number; readonly size: number };
  readonly name: TextLine;
}

/** Everything placed. */
export interface CardLayout {
  readonly site: TextLine;
  readonly title: readonly TextLine[];
  /** The cover's box (inside its 1 px border). */
  readonly cover: { readonly x: number; readonly y: number; readonly width: number; readonly height: number } | null;
  /** Each rule: its text, then its code part (may be empty), and the bullet's centre. */
  readonly rules: readonly { readonly text: TextLine; readonly code: TextLine | null; readonly bullet: { readonly x: number; readonly y: number; readonly r: number } }[];
  readonly authors: readonly AuthorBox[];
  /** "+N more" when not every author fits. */
  readonly more: TextLine | null;
}

/** Splits `text` into lines no wider than `width`; a word wider than a line is broken between characters. */
export function wrapText(text: string, width: number, fontCss: string, measure: Measure): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const tried = line ? `${line} ${word}` : word;
    if (measure(tried, fontCss) <= width) {
      line = tried;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    if (measure(word, fontCss) <= width) {
      line = word;
      continue;
    }
    for (const ch of Array.from(word)) {
      if (line && measure(line + ch, fontCss) > width) {
        lines.push(line);
        line = '';
      }
      line += ch;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** `text` cut so that it and an ellipsis fit `width` (unchanged when it fits and `force` is false). */
export function ellipsize(text: string, width: number, fontCss: string, measure: Measure, force = false): string {
  if (!force && measure(text, fontCss) <= width) return text;
  const chars = Array.from(text);
  // Binary search on the number of characters kept: measuring is the cost, and titles can be long.
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(chars.slice(0, mid).join('').trimEnd() + ELLIPSIS, fontCss) <= width) lo = mid;
    else hi = mid - 1;
  }
  return chars.slice(0, lo).join('').trimEnd() + ELLIPSIS;
}

/** The title's lines and size: the template's 54 px when it fits in `height`, smaller down to 26 px, then cut with an ellipsis. */
export function fitTitle(title: string, height: number, measure: Measure): { lines: string[]; size: number } {
  const text = title.trim();
  if (!text) return { lines: [], size: TITLE_SIZE };
  const fits = (size: number) => {
    const lines = wrapText(text, INNER_WIDTH, font(size), measure);
    return lines.length * lineHeight(size) <= height ? lines : null;
  };
  const largest = fits(TITLE_SIZE);
  if (largest) return { lines: largest, size: TITLE_SIZE };
  // The largest whole size that fits, by bisection (a smaller size never needs more lines).
  let lo = TITLE_MIN_SIZE - 1;
  let hi = TITLE_SIZE;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  if (lo >= TITLE_MIN_SIZE) return { lines: fits(lo)!, size: lo };
  const size = TITLE_MIN_SIZE;
  const all = wrapText(text, INNER_WIDTH, font(size), measure);
  const keep = Math.max(1, Math.floor(height / lineHeight(size)));
  if (all.length <= keep) return { lines: all, size };
  const lines = all.slice(0, keep);
  lines[keep - 1] = ellipsize(lines[keep - 1]!, INNER_WIDTH, font(size), measure, true);
  return { lines, size };
}

interface AuthorRows {
  readonly rows: readonly (readonly number[])[];
  readonly scale: number;
  readonly names: readonly string[];
  readonly more: string | null;
}

const itemWidth = (nameWidth: number) => PICTURE + 2 * BORDER + NAME_GAP + nameWidth;
const rowHeight = PICTURE + 2 * BORDER + IMAGE_DESCENT;
const bandHeight = (rows: number, scale: number) => (rows * rowHeight + (rows - 1) * AUTHOR_ROW_GAP) * scale;

/** Splits items of these widths into `count` consecutive rows with the narrowest widest row. */
function splitRows(widths: readonly number[], count: number): number[][] {
  const n = widths.length;
  const span = (a: number, b: number) => widths.slice(a, b).reduce((s, w) => s + w, 0) + (b - a - 1) * AUTHOR_GAP;
  // best[k][i]: the narrowest widest row for the first i items in k rows, and where its last row starts.
  const best: { w: number; from: number }[][] = [[{ w: 0, from: 0 }, ...Array.from({ length: n }, () => ({ w: Infinity, from: 0 }))]];
  for (let k = 1; k <= count; k++) {
    const row = [{ w: Infinity, from: 0 }];
    for (let i = 1; i <= n; i++) {
      let pick = { w: Infinity, from: 0 };
      for (let j = k - 1; j < i; j++) {
        const w = Math.max(best[k - 1]![j]!.w, span(j, i));
        if (w < pick.w) pick = { w, from: j };
      }
      row.push(pick);
    }
    best.push(row);
  }
  const rows: number[][] = [];
  for (let k = count, i = n; k > 0; k--) {
    const from = best[k]![i]!.from;
    rows.unshift(Array.from({ length: i - from }, (_, t) => from + t));
    i = from;
  }
  return rows;
}

/** How the authors share the bottom band: the fewest rows drawn at three quarters of the template's size or more, else the largest size; "+N more" below the smallest. */
export function fitAuthors(names: readonly string[], measure: Measure): AuthorRows {
  if (names.length === 0) return { rows: [], scale: 1, names: [], more: null };
  const widths = names.map((n) => itemWidth(measure(n, font(NAME_SIZE))));
  let best: { rows: number[][]; scale: number } | null = null;
  for (let count = 1; count <= Math.min(3, names.length); count++) {
    const rows = splitRows(widths, count);
    const widest = Math.max(...rows.map((r) => r.reduce((s, i) => s + widths[i]!, 0) + (r.length - 1) * AUTHOR_GAP));
    const scale = Math.min(1, INNER_WIDTH / widest, AUTHORS_MAX_HEIGHT / bandHeight(count, 1));
    if (!best || scale > best.scale + 1e-9) best = { rows, scale };
    if (scale >= 0.75) break;
  }
  if (best!.scale >= AUTHOR_MIN_SCALE) return { ...best!, names, more: null };
  // Too many to draw legibly: the first ones at the smallest scale, then "+N more".
  const rowsFit = Math.max(1, Math.floor((AUTHORS_MAX_HEIGHT / AUTHOR_MIN_SCALE + AUTHOR_ROW_GAP) / (rowHeight + AUTHOR_ROW_GAP)));
  const limit = INNER_WIDTH / AUTHOR_MIN_SCALE;
  const rows: number[][] = [[]];
  let used = 0;
  const moreWidth = (left: number) => measure(`+${left} more`, font(NAME_SIZE));
  const shown: string[] = [];
  for (let i = 0; i < names.length; i++) {
    const w = Math.min(widths[i]!, limit);
    const reserve = i < names.length - 1 && rows.length === rowsFit ? AUTHOR_GAP + moreWidth(names.length - i - 1) : 0;
    const need = (rows.at(-1)!.length ? AUTHOR_GAP : 0) + w + reserve;
    if (used + need > limit) {
      if (rows.length === rowsFit) break;
      rows.push([]);
      used = 0;
    }
    used += (rows.at(-1)!.length ? AUTHOR_GAP : 0) + w;
    rows.at(-1)!.push(i);
    shown.push(names[i]!);
  }
  const left = names.length - shown.length;
  return { rows, scale: AUTHOR_MIN_SCALE, names, more: left > 0 ? `+${left} more` : null };
}

/** Lays out a card's content. */
export function layoutCard(content: CardContent, measure: Measure): CardLayout {
  const authors = fitAuthors(content.authors, measure);
  const authorsHeight = authors.rows.length ? bandHeight(authors.rows.length, authors.scale) : 0;

  const cover = content.cover && coverSize(content.cover);
  const ruleWidths = RULES.map(([text, code]) => measure(text, font(RULE_SIZE)) + (code ? measure(code, font(CODE_SIZE, FONT.code)) : 0));
  const rulesHeight = 2 * RULE_MARGIN + RULES.length * lineHeight(RULE_SIZE);
  const coverBlock = cover ? cover.height + 2 * BORDER + IMAGE_DESCENT : 0;
  const rowBlock = Math.max(coverBlock, rulesHeight);

  const siteHeight = lineHeight(SITE_SIZE);
  const titleRoom = INNER_HEIGHT - siteHeight - rowBlock - authorsHeight - 2 * MIN_GAP;
  const title = fitTitle(content.title, titleRoom, measure);
  const headHeight = siteHeight + title.lines.length * lineHeight(title.size);

  // justify-content: space-between over the three blocks.
  const blocks = authorsHeight ? 3 : 2;
  const gap = Math.max(MIN_GAP, (INNER_HEIGHT - headHeight - rowBlock - authorsHeight) / (blocks - 1));
  const headTop = PAD;
  const rowTop = headTop + headHeight + gap;
  const authorsTop = rowTop + rowBlock + gap;

  const center = CARD_WIDTH / 2;
  const site: TextLine = { text: SITE_LINE, x: center, baseline: headTop + lineOf(SITE_SIZE).baseline, font: font(SITE_SIZE) };
  const titleLines = title.lines.map((text, i) => ({ text, x: center, baseline: headTop + siteHeight + i * lineHeight(title.size) + lineOf(title.size).baseline, font: font(title.size) }));

  const coverOuter = cover ? cover.width + 2 * BORDER : 0;
  const rowWidth = coverOuter + RULE_INDENT + Math.max(...ruleWidths);
  // Whole pixels, as Chromium places images: the cover's border stays one crisp pixel.
  const rowLeft = Math.round(Math.max(PAD, (CARD_WIDTH - rowWidth) / 2));
  const coverBox = cover ? { x: rowLeft + BORDER, y: rowTop + BORDER, width: cover.width, height: cover.height } : null;
  const textLeft = rowLeft + coverOuter + RULE_INDENT;
  const rules = RULES.map(([text, code], i) => {
    const baseline = rowTop + RULE_MARGIN + i * lineHeight(RULE_SIZE) + lineOf(RULE_SIZE).baseline;
    const textWidth = measure(text, font(RULE_SIZE));
    return {
      text: { text, x: textLeft, baseline, font: font(RULE_SIZE) },
      code: code ? { text: code, x: textLeft + textWidth, baseline, font: font(CODE_SIZE, FONT.code) } : null,
      // Chromium's disc: about a quarter em wide, its centre 0.6 em before the text, on the x-height's middle.
      bullet: { x: textLeft - 0.6 * RULE_SIZE, y: baseline - 0.27 * RULE_SIZE, r: 0.125 * RULE_SIZE },
    };
  });

  const placed = placeAuthors(authors, authorsTop, measure);
  return { site, title: titleLines, cover: coverBox, rules, authors: placed.boxes, more: placed.more };
}

/** The cover's drawn size: at most 240 px tall (never enlarged), at most 380 px wide. */
function coverSize(natural: { width: number; height: number }): { width: number; height: number } {
  const scale = Math.min(1, COVER_MAX_HEIGHT / natural.height, COVER_MAX_WIDTH / natural.width);
  return { width: Math.max(1, Math.round(natural.width * scale)), height: Math.max(1, Math.round(natural.height * scale)) };
}

function placeAuthors(fit: AuthorRows, top: number, measure: Measure): { boxes: AuthorBox[]; more: TextLine | null } {
  const s = fit.scale;
  const nameFont = font(NAME_SIZE * s);
  const limit = INNER_WIDTH - itemWidth(0) * s;
  const boxes: AuthorBox[] = [];
  let more: TextLine | null = null;
  fit.rows.forEach((row, r) => {
    const names = row.map((i) => ellipsize(fit.names[i]!, limit, nameFont, measure));
    const widths = names.map((n) => itemWidth(0) * s + measure(n, nameFont));
    const last = r === fit.rows.length - 1 && fit.more;
    const moreWidth = last ? AUTHOR_GAP * s + measure(fit.more!, nameFont) : 0;
    const total = widths.reduce((a, b) => a + b, 0) + (row.length - 1) * AUTHOR_GAP * s + moreWidth;
    let x = (CARD_WIDTH - total) / 2;
    const y = top + r * (rowHeight + AUTHOR_ROW_GAP) * s;
    const size = (PICTURE + 2 * BORDER) * s;
    // align-items: center between the picture's block (with the descender below it) and the name's line.
    const middle = y + (rowHeight * s) / 2;
    const baseline = middle - lineHeight(NAME_SIZE * s) / 2 + lineOf(NAME_SIZE * s).baseline;
    row.forEach((index, k) => {
      boxes.push({ index, picture: { x, y, size }, name: { text: names[k]!, x: x + size + NAME_GAP * s, baseline, font: nameFont } });
      x += widths[k]! + AUTHOR_GAP * s;
    });
    if (last) more = { text: fit.more!, x, baseline, font: nameFont };
  });
  return { boxes, more };
}
