// `npm start [-- folder or book file]`: builds, then opens the desktop app on the sample site
// in content/ (or the given folder). Where the Electron binary cannot be had (no network,
// ELECTRON_SKIP_BINARY_DOWNLOAD), it says so and serves the same editor to the browser instead.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const target = process.argv[2] ?? path.join(root, 'content');

const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit', cwd: root });
if (built.status !== 0) process.exit(built.status ?? 1);

let electron = null;
let why = '';
try {
  // The electron package fetches its binary on first use; without network that throws.
  electron = createRequire(import.meta.url)('electron');
} catch (e) {
  why = e instanceof Error ? e.message.split('\n')[0] : String(e);
}

function run(command, args) {
  const child = spawn(command, args, { stdio: 'inherit', cwd: root });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}

if (typeof electron === 'string') {
  run(electron, [root, target]);
} else {
  console.error(`The Electron binary is not available (${why || 'not installed'}).`);
  console.error('Serving the same editor to your browser instead: open the address below.');
  run(process.execPath, [path.join(root, 'dist', 'electron', 'serve.mjs'), target]);
}
