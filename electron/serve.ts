/**
 * `npm run serve -- [--port N] [site folder]`: the editor on 127.0.0.1 for a browser.
 * Prints exactly one line on stdout, the address with its token; problems go to stderr.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHost } from './host/server';
import { parseServeArgs, SERVE_USAGE } from './host/serveArgs';

/** The app folder: the nearest folder above this file with a package.json (from dist/electron/ or, under tsx, electron/). */
function findAppRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

const appRoot = findAppRoot();

async function main(): Promise<void> {
  let args;
  try {
    args = parseServeArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`${(e as Error).message}\n${SERVE_USAGE}`);
    process.exit(2);
  }
  if (args.help) {
    console.error(SERVE_USAGE);
    return;
  }
  const host = await startHost({
    siteRoot: args.site ?? path.join(appRoot, 'content'),
    port: args.port,
    rendererDir: path.join(appRoot, 'dist', 'renderer'),
    ...(args.backupDir ? { backupDir: path.resolve(args.backupDir) } : {}),
  });
  console.log(host.url);
  const stop = () => void host.close().finally(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
