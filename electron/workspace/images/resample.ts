/** Scaling pictures down without the shimmer of a single big step: halve, then draw at the size wanted. */
import type { Canvas, Image } from '@napi-rs/canvas';
import type { CanvasLib } from './canvas';

type Drawable = Image | Canvas;

/** A canvas of `width`×`height` holding the part `crop` (default all) of `source`, on white (JPEG has no transparency). */
export function resample(lib: CanvasLib, source: Drawable, width: number, height: number, crop?: { x: number; y: number; w: number; h: number }): Canvas {
  let src: Drawable = source;
  let { x, y, w, h } = crop ?? { x: 0, y: 0, w: source.width, h: source.height };
  // Skia's high-quality filter is cubic: past 2× it skips pixels, so first halve in steps.
  while (w >= width * 2 && h >= height * 2) {
    const half = lib.createCanvas(Math.max(1, Math.round(w / 2)), Math.max(1, Math.round(h / 2)));
    const ctx = half.getContext('2d');
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(src, x, y, w, h, 0, 0, half.width, half.height);
    src = half;
    x = 0;
    y = 0;
    w = half.width;
    h = half.height;
  }
  const out = lib.createCanvas(width, height);
  const ctx = out.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(src, x, y, w, h, 0, 0, width, height);
  return out;
}
