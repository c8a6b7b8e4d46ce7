// The command line on what broke it: FIFOs given or in the site, names with line breaks,
// a file past the size limit the hosts use, bytes that are not UTF-8.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../shared/api';
import { main } from '../../electron/validate-cli';
import { hasMkfifo, mkfifo, removeTemps, sampleSite } from '../electron/tempSites';

afterAll(removeTemps);

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(args, (l) => out.push(l), (l) => err.push(l));
  return { status, out, err };
}

if (!hasMkfifo) console.warn('[cli hostile] FIFO cases skipped: no mkfifo on this machine');

describe.skipIf(!hasMkfifo)('a FIFO', () => {
  it('given directly is unreadable, and the message says what it is', async () => {
    const site = sampleSite();
    const fifo = path.join(site, '_books', '20240101-pipe.md');
    mkfifo(fifo);
    const r = await run([fifo]);
    expect(r.status).toBe(2);
    expect(r.err.join('\n')).toMatch(/20240101-pipe\.md: cannot read: it is a FIFO \(named pipe\), not a file or folder/);
    expect(r.err.join('\n')).not.toMatch(/ENOTDIR/);
  });

  it('in the site is reported as a problem, and the other books are checked', async () => {
    const site = sampleSite();
    mkfifo(path.join(site, '_books', '20240101-pipe.md'));
    mkfifo(path.join(site, '_people', 'pipe.md'));
    const r = await run([site]);
    expect(r.status).toBe(1);
    expect(r.out.find((l) => l.includes('20240101-pipe.md'))).toMatch(/:1:1: error: It is a FIFO \(named pipe\), not a file: it was not read\./);
    expect(r.out.at(-1)).toBe('5 files checked: 1 error, 1 warning.');
  });
});

describe('names and bytes', () => {
  it('a name with a line break stays on one line', async () => {
    const site = sampleSite();
    fs.writeFileSync(path.join(site, '_books', '20240101-new\nline.md'), '---\ntitle: [\n---\n');
    const r = await run([site]);
    const line = r.out.find((l) => l.includes('20240101-new'))!;
    expect(line).toContain('20240101-new\\nline.md');
    expect(r.out.every((l) => !l.includes('\n'))).toBe(true);
  });

  it('a file past the size limit is refused as the hosts refuse it', async () => {
    const site = sampleSite();
    const file = path.join(site, '_books', '20240101-big.md');
    fs.writeFileSync(file, '---\n');
    fs.truncateSync(file, MAX_FILE_BYTES + 1);
    const r = await run([file]);
    expect(r.status).toBe(1);
    expect(r.out[0]).toMatch(/20240101-big\.md:1:1: error: .*more than the 33554432 this editor opens/);
  });

  it('bytes that are not UTF-8 are an error at their place, with the byte offset', async () => {
    const site = sampleSite();
    const file = path.join(site, '_books', '20240101-latin1.md');
    fs.writeFileSync(file, Buffer.from('---\ntitle: "Caf\xe9"\n---\n', 'latin1'));
    const r = await run([file]);
    expect(r.status).toBe(1);
    expect(r.out[0]).toMatch(/20240101-latin1\.md:2:12: error: The file is not valid UTF-8: its first bad byte is at byte offset 15\./);
  });
});
