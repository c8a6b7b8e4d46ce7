// `npm run bench`: prints a table and writes bench-results.json at the repository root.
import fs from 'node:fs';
import path from 'node:path';
import { coreRows, type Row } from './core';
import { slackRows } from './slack';
import { hostileRows } from './hostile';
import { uiRows } from './ui';
import { memoryRow } from './memory';

const root = path.resolve(process.argv[2] ?? '.');
const corpusDir = path.resolve(process.env.BOOK_EDITOR_CORPUS || path.join(root, '..', 'shared', 'corpus'));
const corpus = fs.existsSync(path.join(corpusDir, '_books')) ? corpusDir : null;

function table(rows: Row[]): string {
  const head = ['name', 'ours ms', 'baseline ms', 'ratio', 'target'];
  const body = rows.map((r) => [r.name, r.ours_ms.toFixed(3), r.baseline_ms === null ? '—' : r.baseline_ms.toFixed(3), r.ratio === null ? '—' : r.ratio.toFixed(3), r.target ?? (r.note ? '(baseline)' : '')]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

// BENCH_ONLY=core,ui,… runs only those groups (the others are listed as skipped).
const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((s) => s.trim())) : null;
const runs = (group: string) => !only || only.has(group);
const notRun = [...['core', 'memory', 'hostile', 'slack', 'ui'].filter((g) => !runs(g)).map((g) => `${g} rows: not in BENCH_ONLY`)];

const started = performance.now();
const { rows, growth, skipped } = runs('core') ? await coreRows(corpus) : { rows: [] as Row[], growth: [], skipped: [] as string[] };
const { rows: slackRowList, skipped: slackSkipped } = runs('slack') ? await slackRows().catch((e: Error) => ({ rows: [] as Row[], skipped: [`import-slack row: ${e.message}`] })) : { rows: [], skipped: [] };
const { rows: uiRowList, skipped: uiSkipped } = runs('ui') ? await uiRows(root, corpus).catch((e: Error) => ({ rows: [] as Row[], skipped: [`ui rows: ${e.message}`] })) : { rows: [], skipped: [] };
const all = [...rows, ...(runs('memory') ? [memoryRow()] : []), ...(runs('hostile') ? await hostileRows() : []), ...slackRowList, ...uiRowList];
console.log(table(all));
if (growth.length) console.log('\nGrowth (synthetic books, median ms; ratio to the 100-thread figure):');
const g0 = growth[0]!;
for (const g of growth) {
  console.log(`  ${String(g.threads).padStart(5)} threads, ${(g.bytes / 1024).toFixed(0).padStart(5)} KB: open ${g.open_ms.toFixed(2)} ms (×${(g.open_ms / g0.open_ms).toFixed(1)}), edit ${g.edit_ms.toFixed(3)} ms (×${(g.edit_ms / g0.edit_ms).toFixed(1)}), js-yaml ${g.jsyaml_ms.toFixed(2)} ms (×${(g.jsyaml_ms / g0.jsyaml_ms).toFixed(1)})`);
}
for (const s of [...skipped, ...slackSkipped, ...uiSkipped, ...notRun]) console.log(`skipped: ${s}`);
fs.writeFileSync(path.join(root, 'bench-results.json'), JSON.stringify(all.map(({ name, ours_ms, baseline, baseline_ms, ratio, target, note }) => ({ name, ours_ms, baseline, baseline_ms, ratio, target: target ?? null, ...(note ? { note } : {}) })), null, 2) + '\n');
console.log(`\nwrote bench-results.json (${all.length} rows) in ${((performance.now() - started) / 1000).toFixed(0)} s`);
