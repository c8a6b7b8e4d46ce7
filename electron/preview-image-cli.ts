/**
 * `npm run preview-image -- <book files or folders> [--check]`: makes each book's 940×550
 * preview card with the editor's own renderer and prints the paths written (a book whose
 * `image` was empty gets it set, through the lossless core). With `--check` nothing is
 * written: it lists the books whose card is missing or out of date and exits 1 if any, for
 * the site's CI. Exit 2 for an unreadable argument or a file outside a site.
 */
import fs from 'node:fs';
import path from 'node:path';
import { applyEdit, openBook } from '../shared/index';
import { booksOf, siteRootOf } from './bookFiles';
import { Workspace } from './workspace/workspace';

/** What the command needs from outside, for tests. */
interface Output {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

const shown = (file: string) => path.relative(process.cwd(), file) || file;

/** The workspace of each site met, opened once. */
function workspaces(): (file: string) => { ws: Workspace; rel: string } | null {
  const open = new Map<string, Workspace>();
  return (file) => {
    const root = siteRootOf(file);
    if (!root) return null;
    let ws = open.get(root);
    if (!ws) {
      ws = new Workspace(root);
      open.set(root, ws);
    }
    const rel = path.relative(ws.root, fs.realpathSync(file)).split(path.sep).join('/');
    return /^_books\/[^/]+\.md$/.test(rel) ? { ws, rel } : null;
  };
}

/** Makes (or with `check`, checks) the card of one book; returns whether it went well. */
async function one(ws: Workspace, rel: string, file: string, check: boolean, io: Output): Promise<{ ok: boolean; ms: number }> {
  if (check) {
    const state = await ws.previewImageState(rel, null);
    if (state.status !== 'current') io.out(`${shown(file)}: ${state.status}: ${state.message}`);
    else if (state.imageEmpty) io.out(`${shown(file)}: image is empty: the page does not point at its card ${state.path}.`);
    return { ok: state.status === 'current' && !state.imageEmpty, ms: 0 };
  }
  const made = await ws.makePreviewImage(rel, null, true);
  if (!made.ok) throw new Error(`${made.path} exists.`);
  for (const w of made.warnings) io.err(`${shown(file)}: warning: ${w}`);
  io.out(shown(path.join(ws.root, made.path)));
  if (made.setImage) {
    const disk = await ws.readBook(rel);
    const saved = await ws.saveBook(rel, applyEdit(openBook(disk.text), { op: 'set', path: ['image'], value: made.path }).text, disk.fingerprint);
    if (!saved.ok) throw new Error(`${rel} changed while its image was set; run again.`);
    io.out(shown(file));
  }
  return { ok: true, ms: made.ms };
}

/** Runs the command line; resolves to the exit status. */
export async function main(args: string[], io: Output = { out: console.log, err: console.error }): Promise<number> {
  const check = args.includes('--check');
  const targets = args.filter((a) => a !== '--check');
  if (targets.length === 0 || targets.some((a) => a.startsWith('--'))) {
    io.err('usage: npm run preview-image -- <book files, _books folders or site folders> [--check]');
    return 2;
  }
  const siteOf = workspaces();
  let failed = 0;
  let unreadable = false;
  let made = 0;
  let drawing = 0;
  for (const arg of targets) {
    let files: string[];
    try {
      files = booksOf(arg);
    } catch (e) {
      io.err(`${arg}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      unreadable = true;
      continue;
    }
    for (const file of files) {
      const site = siteOf(file);
      if (!site) {
        io.err(`${shown(file)}: not a book of a site (books are _books/<name>.md in a folder with _books/).`);
        unreadable = true;
        continue;
      }
      try {
        const r = await one(site.ws, site.rel, file, check, io);
        if (!r.ok) failed++;
        else if (!check) {
          made++;
          drawing += r.ms;
        }
      } catch (e) {
        io.err(`${shown(file)}: error: ${e instanceof Error ? e.message : String(e)}`);
        failed++;
      }
    }
  }
  if (check) io.err(failed ? `${failed} preview image${failed === 1 ? ' is' : 's are'} missing or out of date.` : 'Every preview image is up to date.');
  else if (made) io.err(`${made} preview image${made === 1 ? '' : 's'} made, ${Math.round(drawing / made)} ms each to draw.`);
  if (unreadable) return 2;
  return failed ? 1 : 0;
}

const invokedDirectly = process.argv[1] && /preview-image-cli\.(m?js|ts)$/.test(process.argv[1]);
if (invokedDirectly) process.exitCode = await main(process.argv.slice(2));
