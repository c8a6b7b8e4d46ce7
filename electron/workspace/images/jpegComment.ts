/**
 * JPEG comment (COM, 0xFFFE) segments: how a card carries the record of what it was made
 * from. Written by hand because the image libraries at hand encode JPEG without comments
 * and the EXIF libraries do not touch COM; the format is a few lines of the JPEG standard
 * (ITU T.81 B.1.1): markers and lengths up to the start of the scan.
 */

/** The most bytes one comment segment holds (its length field counts itself). */
export const MAX_COMMENT_BYTES = 0xffff - 2;

const SOI = 0xd8;
const SOS = 0xda;
const EOI = 0xd9;
const COM = 0xfe;

/** Whether a marker stands alone, without a length (TEM, RSTn). */
const standalone = (m: number) => m === 0x01 || (m >= 0xd0 && m <= 0xd7);

/** The segments before the scan: marker, where the segment starts, and where its payload starts and ends. Null when `jpeg` is not a JPEG. */
function segments(jpeg: Uint8Array): { marker: number; start: number; from: number; to: number }[] | null {
  if (jpeg.length < 4 || jpeg[0] !== 0xff || jpeg[1] !== SOI) return null;
  const out: { marker: number; start: number; from: number; to: number }[] = [];
  let at = 2;
  while (at < jpeg.length) {
    if (jpeg[at] !== 0xff) return null;
    const start = at;
    while (at < jpeg.length && jpeg[at] === 0xff) at++;
    const marker = jpeg[at++];
    if (marker === undefined) return null;
    if (standalone(marker)) continue;
    if (marker === SOS || marker === EOI) return out;
    if (at + 2 > jpeg.length) return null;
    const length = (jpeg[at]! << 8) | jpeg[at + 1]!;
    if (length < 2 || at + length > jpeg.length) return null;
    out.push({ marker, start, from: at + 2, to: at + length });
    at += length;
  }
  return null;
}

/** A copy of `jpeg` with a comment segment holding `text` (UTF-8) after its leading APPn segments (JFIF wants APP0 first). */
export function withComment(jpeg: Uint8Array, text: string): Buffer {
  const payload = Buffer.from(text, 'utf8');
  if (payload.length > MAX_COMMENT_BYTES) throw new RangeError(`A JPEG comment holds at most ${MAX_COMMENT_BYTES} bytes, not ${payload.length}.`);
  const list = segments(jpeg);
  if (!list) throw new TypeError('Not a JPEG: cannot add a comment.');
  const app = list.findIndex((s) => s.marker < 0xe0 || s.marker > 0xef);
  const at = app < 0 ? (list.at(-1)?.to ?? 2) : list[app]!.start;
  const head = Buffer.from([0xff, COM, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]);
  return Buffer.concat([jpeg.subarray(0, at), head, payload, jpeg.subarray(at)]);
}

/** The texts of every comment segment of `jpeg` (UTF-8), in order; empty for a JPEG without comments, null for bytes that are not a JPEG. */
export function readComments(jpeg: Uint8Array): string[] | null {
  const list = segments(jpeg);
  if (!list) return null;
  return list.filter((s) => s.marker === COM).map((s) => Buffer.from(jpeg.subarray(s.from, s.to)).toString('utf8'));
}
