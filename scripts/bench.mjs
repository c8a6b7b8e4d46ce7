// Bundles the benchmark (TypeScript) with esbuild, builds its Monaco-alone page with Vite, and runs it: `npm run bench`.
// BENCH_ONLY=core|ui|memory|hostile|slack (comma-separated) runs only those groups of rows.
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outfile = path.join(root, 'dist', 'bench', 'run.mjs');
await build({ entryPoints: [path.join(root, 'tests', 'bench', 'run.ts')], outfile, bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', logLevel: 'warning' });
// The workspace's checking worker beside the bundle, where the workspace looks for it (as in dist/electron): the rows run as the app does.
await build({ entryPoints: [path.join(root, 'electron', 'workspace', 'checkWorker.ts')], outfile: path.join(root, 'dist', 'bench', 'checkWorker.cjs'), bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
// The baseline page of `ui first raw view`: the app's Monaco setup and nothing else.
process.env.NODE_ENV = 'production';
await viteBuild({
  configFile: false,
  root: path.join(root, 'tests', 'bench', 'monaco-alone'),
  base: './',
  logLevel: 'warn',
  build: { outDir: path.join(root, 'dist', 'bench', 'monaco-alone'), emptyOutDir: true, chunkSizeWarningLimit: 6000, sourcemap: false },
  worker: { format: 'es' },
});
const r = spawnSync(process.execPath, ['--expose-gc', outfile, root], { stdio: 'inherit', cwd: root });
process.exit(r.status ?? 1);
