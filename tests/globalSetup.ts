// Builds the renderer and the localhost host once before the end-to-end tests need them.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export default function setup(): void {
  const root = path.resolve(import.meta.dirname, '..');
  const e2e = path.join(root, 'tests', 'e2e');
  const wanted = fs.existsSync(e2e) && fs.readdirSync(e2e).some((f) => f.endsWith('.test.ts'));
  if (!wanted) return;
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
}
