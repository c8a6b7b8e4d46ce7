/**
 * The drawing library (@napi-rs/canvas: Skia, its binary shipped in an npm package per
 * platform) and the card's fonts (Alegreya Sans and DejaVu Sans Mono from @fontsource), loaded on
 * first use so that the editor starts, and still edits, where the binary is missing.
 * Fonts are read with Node's fs (which also reads inside an Electron asar) and handed to
 * Skia as bytes: nothing is fetched, and no system font decides how a card looks.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type * as Canvas from '@napi-rs/canvas';
import { WorkspaceError } from '../errors';

/** The drawing library's module. */
export type CanvasLib = typeof Canvas;

/** The family names the card draws with. */
export const FONT = { text: 'Alegreya Sans', code: 'DejaVu Sans Mono' } as const;

// Each family as @fontsource splits it: a file per subset. Skia falls back glyph by glyph
// across the files registered under one family name.
const FONT_FILES: readonly (readonly [string, string])[] = [
  ...['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'vietnamese'].map(
    (subset) => [FONT.text, `@fontsource/alegreya-sans/files/alegreya-sans-${subset}-400-normal.woff2`] as const,
  ),
  [FONT.code, '@fontsource/dejavu-mono/files/dejavu-mono-latin-400-normal.woff2'],
];

let loading: Promise<CanvasLib> | null = null;

/** The drawing library with the card's fonts registered; a clear error when it cannot be loaded on this machine. */
export function loadCanvas(): Promise<CanvasLib> {
  loading ??= (async () => {
    let lib: CanvasLib;
    try {
      lib = await import('@napi-rs/canvas');
    } catch (e) {
      loading = null;
      throw new WorkspaceError('not-found', `Images cannot be drawn here: the image library @napi-rs/canvas has no binary for ${process.platform}-${process.arch} (${(e as Error).message.split('\n')[0]}).`);
    }
    const require = createRequire(import.meta.url);
    for (const [family, file] of FONT_FILES) {
      const key = lib.GlobalFonts.register(fs.readFileSync(require.resolve(file)), family);
      if (!key) throw new WorkspaceError('not-found', `The font ${file} could not be loaded.`);
    }
    return lib;
  })();
  return loading;
}
