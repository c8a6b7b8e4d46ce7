// Builds what `npm start`, `npm run serve`, `npm run validate`, `npm run preview-image` and `npm run import-slack` run:
//   dist/electron/*.cjs|mjs  the Node side, bundled with esbuild (the image library @napi-rs/canvas stays outside
//                            every bundle: its binary is loaded from node_modules, with the fonts of @fontsource)
//   dist/renderer/           the editor page, bundled with Vite (Monaco included, no CDN)
// The renderer build is skipped when nothing under renderer/ or shared/ changed since the last one.
// Flags: --cli (only the command lines: validate, preview-image and import-slack), --force (rebuild the renderer).
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
// Vitest's global setup runs this script with NODE_ENV=test, which would give Vite React's development build; the
// editor page is always the production build, so end-to-end tests and the benchmark measure what users run.
process.env.NODE_ENV = 'production';
const args = new Set(process.argv.slice(2));
const out = path.join(root, 'dist');

const node = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning', absWorkingDir: root };
// CommonJS bundles have no import.meta: give them the bundle's own address instead.
const cjsImportMeta = { define: { 'import.meta.url': 'importMetaUrl' }, banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" } };

function exists(p) {
  return fs.existsSync(path.join(root, p));
}

async function buildNode() {
  const jobs = [];
  for (const cli of ['validate-cli', 'preview-image-cli', 'import-slack-cli']) {
    if (exists(`electron/${cli}.ts`)) jobs.push(build({ ...node, entryPoints: [`electron/${cli}.ts`], outfile: `dist/electron/${cli}.mjs`, format: 'esm', packages: 'external' }));
  }
  if (args.has('--cli')) return Promise.all(jobs);
  if (exists('electron/serve.ts')) jobs.push(build({ ...node, entryPoints: ['electron/serve.ts'], outfile: 'dist/electron/serve.mjs', format: 'esm', packages: 'external' }));
  // The workspace's checking worker: a bundle of its own beside the others, found from import.meta.url.
  if (exists('electron/workspace/checkWorker.ts')) jobs.push(build({ ...node, entryPoints: ['electron/workspace/checkWorker.ts'], outfile: 'dist/electron/checkWorker.cjs', format: 'cjs' }));
  // The main process is CommonJS: `import.meta.url` (how the image code finds its fonts, and the workspace its worker) is given its file's URL.
  if (exists('electron/main.ts')) jobs.push(build({ ...node, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs', format: 'cjs', external: ['electron', '@napi-rs/canvas'], ...cjsImportMeta }));
  // A sandboxed preload can require only 'electron': bundle everything else into it.
  if (exists('electron/preload.ts')) jobs.push(build({ ...node, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs', external: ['electron'], ...cjsImportMeta }));
  return Promise.all(jobs);
}

function newest(dir) {
  let t = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) t = Math.max(t, newest(p));
    else t = Math.max(t, fs.statSync(p).mtimeMs);
  }
  return t;
}

async function buildRenderer() {
  const stamp = path.join(out, 'renderer', '.stamp');
  const sources = Math.max(newest(path.join(root, 'renderer')), newest(path.join(root, 'shared')), fs.statSync(path.join(root, 'package-lock.json')).mtimeMs);
  if (!args.has('--force') && fs.existsSync(stamp) && Number(fs.readFileSync(stamp, 'utf8')) >= sources) return;
  await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  fs.writeFileSync(stamp, String(sources));
}

await buildNode();
if (!args.has('--cli')) await buildRenderer();
