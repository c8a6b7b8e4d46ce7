/** Images of the site (covers, pictures) as the page may show them: by extension, size-capped. */
import path from 'node:path';
import type { Asset } from '../../shared/api';
import { WorkspaceError } from './errors';
import { readRegularFile } from './fileBytes';

/** The image types served, by lower-case extension. SVG is served only as an image (never as a document). */
export const IMAGE_TYPES: Readonly<Record<string, string>> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
};

/** The largest image served. */
export const MAX_ASSET_BYTES = 10 * 1024 * 1024;

/** The mime type of an image path, or null when it is not an image the editor serves. */
export function imageTypeOf(file: string): string | null {
  return IMAGE_TYPES[path.extname(file).toLowerCase()] ?? null;
}

/** Reads an image; `real` is its confined real path, `rel` what the page asked for. */
export async function readImage(real: string, rel: string): Promise<Asset> {
  const mime = imageTypeOf(rel);
  if (!mime || imageTypeOf(real) !== mime) throw new WorkspaceError('bad-path', `${rel} is not an image (jpg, jpeg, png, gif, webp or svg).`);
  const { bytes } = await readRegularFile(real, rel, MAX_ASSET_BYTES);
  return { mime, base64: bytes.toString('base64') };
}
