/** A book's cover as the site keeps it: the picture fitted into 400×400 px (never enlarged), as a JPEG. */
import { MAX_COVER_BYTES } from '../../../shared/api';
import { loadCanvas } from './canvas';
import { checkImage, decodeImage } from './imageInput';
import { resample } from './resample';

/** The box a cover is fitted into, in pixels. */
export const COVER_BOX = 400;
/** The JPEG quality of a written cover. */
const COVER_QUALITY = 90;

/** A fitted cover. */
export interface FittedCover {
  readonly jpeg: Buffer;
  readonly width: number;
  readonly height: number;
}

/** The size of a `width`×`height` picture fitted into `box`×`box`, keeping its proportions and never enlarging it. */
export function fitSize(width: number, height: number, box = COVER_BOX): { width: number; height: number } {
  const scale = Math.min(1, box / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Fits JPEG, PNG or WebP bytes into the cover box and encodes a JPEG; refuses anything else with a clear message. */
export async function fitCover(bytes: Uint8Array, label = 'The chosen file'): Promise<FittedCover> {
  checkImage(bytes, label, MAX_COVER_BYTES);
  const lib = await loadCanvas();
  const image = await decodeImage(lib, bytes, label);
  const size = fitSize(image.width, image.height);
  const canvas = resample(lib, image, size.width, size.height);
  return { jpeg: await canvas.encode('jpeg', COVER_QUALITY), ...size };
}
