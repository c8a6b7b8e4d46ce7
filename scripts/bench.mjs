// Bundles the benchmark (TypeScript) with esbuild and runs it: `npm run bench`.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outfile = path.join(root, 'dist', 'bench', 'run.mjs');
await build({ entryPoints: [path.join(root, 'tests', 'bench', 'run.ts')], outfile, bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', logLevel: 'warning' });
const r = spawnSync(process.execPath, ['--expose-gc', outfile, root], { stdio: 'inherit', cwd: root });
process.exit(r.status ?? 1);
