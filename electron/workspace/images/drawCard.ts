/**
 * Draws a book's 940×550 preview card from its source, as the site's card template looks:
 * white, the site's line and the title centred, the cover with a thin black border beside
 * the rules list, and every author's round picture (or initials) and name. The JPEG
 * carries the record of what it was drawn from in a comment segment.
 */
import type { Image, SKRSContext2D } from '@napi-rs/canvas';
import { FONT, loadCanvas } from './canvas';
import type { CanvasLib } from './canvas';
import { CARD_HEIGHT, CARD_WIDTH, layoutCard } from './cardLayout';
import type { TextLine } from './cardLayout';
import { recordComment } from './cardRecord';
import type { CardSource } from './cardSource';
import { checkImage, decodeImage } from './imageInput';
import { withComment } from './jpegComment';
import { resample } from './resample';

/** The card's JPEG quality: the site's own script took its screenshots at 85. */
const CARD_QUALITY = 85;
const MAX_PICTURE_BYTES = 20 * 1024 * 1024;

/** A drawn card: the JPEG bytes (with the record) and the files that were left out. */
export interface DrawnCard {
  readonly jpeg: Buffer;
  readonly warnings: readonly string[];
}

/** Decodes an image of the site for the card, or null with a warning when it cannot be. */
async function tryDecode(lib: CanvasLib, bytes: Buffer | null, label: string, warnings: string[]): Promise<Image | null> {
  if (!bytes) return null;
  try {
    checkImage(bytes, label, MAX_PICTURE_BYTES);
    return await decodeImage(lib, bytes, label);
  } catch (e) {
    warnings.push(e instanceof Error ? e.message : String(e));
    return null;
  }
}

/** The initials of a name: the first letters of its first and last words. */
export function initialsOf(name: string): string {
  const words = name.split(/[\s\-_.]+/).filter((w) => /\p{L}/u.test(w));
  const first = (w: string | undefined) => (w ? (Array.from(w.replace(/^[^\p{L}]+/u, ''))[0] ?? '') : '');
  const picked = words.length > 1 ? first(words[0]) + first(words.at(-1)) : first(words[0]);
  return picked.toLocaleUpperCase() || '?';
}

function text(ctx: SKRSContext2D, line: TextLine, align: 'left' | 'center'): void {
  ctx.font = line.font;
  ctx.textAlign = align;
  ctx.fillText(line.text, line.x, line.baseline);
}

/** Draws the card; the JPEG's comment records the source's title, authors and cover hash. */
export async function drawCard(source: CardSource): Promise<DrawnCard> {
  const lib = await loadCanvas();
  const warnings = [...source.warnings];
  const cover = await tryDecode(lib, source.cover, `The cover ${source.coverPath}`, warnings);
  const pictures = await Promise.all(source.authors.map((a) => tryDecode(lib, a.picture, `The picture ${a.picturePath}`, warnings)));

  const canvas = lib.createCanvas(CARD_WIDTH, CARD_HEIGHT);
  const ctx = canvas.getContext('2d');
  // Setting a font costs more than measuring with it: set it only when it changes.
  let current = '';
  const measure = (s: string, font: string) => {
    if (font !== current) ctx.font = current = font;
    return ctx.measureText(s).width;
  };
  const layout = layoutCard({ title: source.title, cover: cover && { width: cover.width, height: cover.height }, authors: source.authors.map((a) => a.name) }, measure);

  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, CARD_WIDTH, CARD_HEIGHT);
  ctx.fillStyle = '#000';
  ctx.strokeStyle = '#000';
  ctx.lineWidth = 1;
  ctx.textBaseline = 'alphabetic';
  text(ctx, layout.site, 'center');
  for (const line of layout.title) text(ctx, line, 'center');

  if (cover && layout.cover) {
    const box = layout.cover;
    ctx.drawImage(resample(lib, cover, box.width, box.height), box.x, box.y);
    ctx.strokeRect(box.x - 0.5, box.y - 0.5, box.width + 1, box.height + 1);
  }

  for (const rule of layout.rules) {
    text(ctx, rule.text, 'left');
    if (rule.code) text(ctx, rule.code, 'left');
    ctx.beginPath();
    ctx.arc(rule.bullet.x, rule.bullet.y, rule.bullet.r, 0, Math.PI * 2);
    ctx.fill();
  }

  for (const box of layout.authors) {
    const { x, y, size } = box.picture;
    const r = size / 2;
    ctx.save();
    ctx.beginPath();
    ctx.arc(x + r, y + r, r - 0.5, 0, Math.PI * 2);
    ctx.clip();
    const picture = pictures[box.index];
    if (picture) {
      // The picture's centre square, as the site crops people's pictures.
      const side = Math.min(picture.width, picture.height);
      const crop = { x: (picture.width - side) / 2, y: (picture.height - side) / 2, w: side, h: side };
      ctx.drawImage(resample(lib, picture, Math.round(size), Math.round(size), crop), x, y, size, size);
    } else {
      ctx.fillStyle = '#e4e4e4';
      ctx.fillRect(x, y, size, size);
      ctx.fillStyle = '#333';
      ctx.font = `${Math.round(size * 0.42)}px "${FONT.text}"`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(initialsOf(source.authors[box.index]!.name), x + r, y + r + size * 0.03);
      ctx.textBaseline = 'alphabetic';
      ctx.fillStyle = '#000';
    }
    ctx.restore();
    ctx.beginPath();
    ctx.arc(x + r, y + r, r - 0.5, 0, Math.PI * 2);
    ctx.stroke();
    text(ctx, box.name, 'left');
  }
  if (layout.more) text(ctx, layout.more, 'left');

  const jpeg = await canvas.encode('jpeg', CARD_QUALITY);
  return { jpeg: withComment(jpeg, recordComment(source.record)), warnings };
}
