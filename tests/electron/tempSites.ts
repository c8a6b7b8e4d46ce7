// Temp copies of sites for the Node-side tests: the project's own sample site (always there)
// and the real corpus (when this machine has it). Nothing here writes outside the temp folders.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CORPUS } from '../corpus';

export const CONTENT = path.resolve(import.meta.dirname, '..', '..', 'content');

const made: string[] = [];

/** A fresh temp folder, removed by `removeTemps`. */
export function tempDir(prefix = 'book-editor-test-'): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  made.push(dir);
  return dir;
}

function makeWritable(dir: string): void {
  fs.chmodSync(dir, 0o755);
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) makeWritable(p);
    else if (e.isFile()) fs.chmodSync(p, 0o644);
  }
}

/** Copies a site (only the given top-level folders) into a temp folder, writable, and returns its path. */
export function copySite(from: string, folders: readonly string[] = ['_books', '_people', 'images']): string {
  const site = path.join(tempDir(), 'site');
  fs.mkdirSync(site);
  for (const f of folders) if (fs.existsSync(path.join(from, f))) fs.cpSync(path.join(from, f), path.join(site, f), { recursive: true });
  makeWritable(site);
  return site;
}

/** A temp copy of the sample site `content/`. */
export const sampleSite = (): string => copySite(CONTENT);

/** A temp copy of the corpus books and people (no images unless asked). */
export const corpusSite = (withImages = false): string => copySite(CORPUS, withImages ? ['_books', '_people', 'images'] : ['_books', '_people']);

/** Removes every temp folder made so far. */
export function removeTemps(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** Files in a folder whose names look like our temp files. */
export function tempFilesIn(dir: string): string[] {
  return fs.readdirSync(dir).filter((n) => n.includes('.book-editor-') || n.endsWith('.tmp'));
}

/** Sets a file's modification time `deltaMs` away from its current one. */
export function moveMtime(file: string, deltaMs: number): void {
  const s = fs.statSync(file);
  const t = new Date(s.mtimeMs + deltaMs);
  fs.utimesSync(file, t, t);
}

/** Whether this machine can make FIFOs (`mkfifo`); tests of FIFOs skip with a printed reason when not. */
export const hasMkfifo: boolean = (() => {
  if (process.platform === 'win32') return false;
  try {
    execFileSync('mkfifo', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Makes a FIFO (named pipe) at `file`. */
export const mkfifo = (file: string): void => void execFileSync('mkfifo', [file]);
