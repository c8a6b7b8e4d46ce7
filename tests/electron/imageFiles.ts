// Images for the image tests: pictures drawn on the spot, decoded cards, and how busy a region of one is.
import fs from 'node:fs';
import path from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';

/** A `width`×`height` picture in `format`, with a pattern (so that scaling and cropping show). */
export async function picture(width: number, height: number, format: 'png' | 'jpeg' | 'webp' = 'png'): Promise<Buffer> {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#c0392b';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#2c3e50';
  ctx.fillRect(width / 4, height / 4, width / 2, height / 2);
  return format === 'png' ? canvas.encode('png') : format === 'jpeg' ? canvas.encode('jpeg', 90) : canvas.encode('webp', 90);
}

/** Decoded pixels of an image file's bytes. */
export async function pixels(bytes: Uint8Array): Promise<{ width: number; height: number; data: Uint8ClampedArray }> {
  const image = await loadImage(Buffer.from(bytes));
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  return { width: image.width, height: image.height, data: ctx.getImageData(0, 0, image.width, image.height).data };
}

/** The share of pixels in a box that are clearly not white (ink, picture). */
export function inked(img: { width: number; data: Uint8ClampedArray }, x0: number, y0: number, x1: number, y1: number): number {
  let n = 0;
  let dark = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * img.width + x) * 4;
      n++;
      if (img.data[i]! + img.data[i + 1]! + img.data[i + 2]! < 3 * 200) dark++;
    }
  }
  return dark / n;
}

/** The first and last columns with ink between rows `y0` and `y1`. */
export function inkedSpan(img: { width: number; data: Uint8ClampedArray }, y0: number, y1: number): { from: number; to: number } {
  let from = img.width;
  let to = -1;
  for (let y = y0; y < y1; y++) {
    for (let x = 0; x < img.width; x++) {
      const i = (y * img.width + x) * 4;
      if (img.data[i]! + img.data[i + 1]! + img.data[i + 2]! < 3 * 200) {
        from = Math.min(from, x);
        to = Math.max(to, x);
      }
    }
  }
  return { from, to };
}

/** The mean absolute difference of two same-sized images, 0–255. */
export function meanDifference(a: { data: Uint8ClampedArray }, b: { data: Uint8ClampedArray }): number {
  let sum = 0;
  for (let i = 0; i < a.data.length; i += 4) sum += (Math.abs(a.data[i]! - b.data[i]!) + Math.abs(a.data[i + 1]! - b.data[i + 1]!) + Math.abs(a.data[i + 2]! - b.data[i + 2]!)) / 3;
  return sum / (a.data.length / 4);
}

/** Writes a book file into a site and returns its site-relative path. */
export function writeBook(site: string, id: string, fields: { title: string; authors: string[]; cover?: string; image?: string }): string {
  const rel = `_books/${id}.md`;
  const list = fields.authors.join(', ');
  const text = `---\ntitle: ${JSON.stringify(fields.title)}\ndescription: "A book"\ncover: ${JSON.stringify(fields.cover ?? `images/books/${id}/cover.jpg`)}\nimage: ${JSON.stringify(fields.image ?? `images/books/${id}/preview.jpg`)}\nstart: 2024-05-06 00:00:00\nend: 2024-05-10 23:59:59\nauthors: [${list}]\n---\n\nBody.\n`;
  fs.writeFileSync(path.join(site, rel), text);
  return rel;
}
