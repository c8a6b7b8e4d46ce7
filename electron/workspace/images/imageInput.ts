/**
 * Image bytes from outside (a chosen cover, a picture of the site) checked before they are
 * decoded: only JPEG, PNG and WebP, by their bytes and not by a name; an SVG is refused
 * (never rendered); size and pixel count are bounded, so a huge or hostile file costs a
 * header read and a clear message, never the memory or time of decoding it.
 */
import type { Image } from '@napi-rs/canvas';
import { imageSize } from 'image-size';
import { WorkspaceError } from '../errors';
import type { CanvasLib } from './canvas';

/** The image types taken, as image-size names them. */
const TAKEN: Readonly<Record<string, string>> = { jpg: 'JPEG', png: 'PNG', webp: 'WebP' };

/** The longest side decoded, in pixels. */
export const MAX_IMAGE_SIDE = 12_000;
/** The most pixels decoded (about 160 MB of RGBA). */
export const MAX_IMAGE_PIXELS = 40_000_000;

/** What the header of an image says. */
export interface ImageHeader {
  readonly type: 'JPEG' | 'PNG' | 'WebP';
  readonly width: number;
  readonly height: number;
}

const refuse = (message: string): never => {
  throw new WorkspaceError('bad-request', message);
};

/** Reads the type and size from the header of `bytes`; refuses what is not a JPEG, PNG or WebP of a decodable size. `label` names the file in messages. */
export function checkImage(bytes: Uint8Array, label: string, maxBytes: number): ImageHeader {
  if (bytes.length === 0) refuse(`${label} is empty, not an image.`);
  if (bytes.length > maxBytes) throw new WorkspaceError('too-large', `${label} is ${megabytes(bytes.length)}, more than the ${megabytes(maxBytes)} an image may be.`);
  if (looksLikeSvg(bytes)) refuseSvg(label);
  let found: { type?: string; width?: number; height?: number };
  try {
    found = imageSize(bytes);
  } catch {
    return refuse(`${label} is not an image this editor reads: choose a JPEG, PNG or WebP file.`);
  }
  if (found.type === 'svg') refuseSvg(label);
  const type = TAKEN[found.type ?? ''];
  if (!type) return refuse(`${label} is a ${String(found.type).toUpperCase()} image: choose a JPEG, PNG or WebP file.`);
  const { width = 0, height = 0 } = found;
  if (width < 1 || height < 1) refuse(`${label} says it is ${width}×${height} pixels: it is damaged.`);
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS) {
    throw new WorkspaceError('too-large', `${label} is ${width}×${height} pixels, more than this editor decodes (${MAX_IMAGE_SIDE} pixels a side, ${MAX_IMAGE_PIXELS / 1_000_000} million in all): make it smaller first.`);
  }
  return { type: type as ImageHeader['type'], width, height };
}

/** Decodes checked image bytes (EXIF orientation applied); a damaged file becomes a clear refusal. */
export async function decodeImage(lib: CanvasLib, bytes: Uint8Array, label: string): Promise<Image> {
  try {
    const image = await lib.loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    if (image.width > 0 && image.height > 0) return image;
  } catch {
    // reported below
  }
  return refuse(`${label} could not be decoded: the file is damaged or incomplete.`);
}

const refuseSvg = (label: string): never => refuse(`${label} is an SVG drawing: choose a JPEG, PNG or WebP picture (SVG files are never drawn, they may hold scripts and links).`);

/** Whether bytes are markup whose first element is `<svg` (after a BOM, an XML prolog, comments or a doctype), sized or not. */
function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('utf8').replace(/^\uFEFF/, '');
  return /^\s*(<\?xml[^>]*>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s/>]/i.test(head);
}

function megabytes(n: number): string {
  return `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}
