// The importer in a real browser, fed as the editor's page will feed it: a zip chosen in a
// file input (a `File`, streamed with `file.stream()`) and a folder input (`File`s with their
// `webkitRelativePath`, read with `arrayBuffer()`). The page gets the importer bundled, the
// export as bytes, and must plan what Node plans.
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { planImport } from '../../shared/slack';
import { EVERY_CASE_BOOK, everyCase, memorySource, zipOf } from '../shared/slackFixtures';
import { CHROMIUM, hasChromium, launchChromium, ROOT } from './editorHarness';

const ENTRY = `
import { folderSource, planImport, zipSource } from './shared/slack';
window.plan = async (zip, folder, book) => {
  const file = new File([new Uint8Array(zip)], 'slack-export.zip', { type: 'application/zip' });
  const files = Object.entries(folder).map(([p, bytes]) => ({ path: 'slack-export/' + p, read: async () => new Uint8Array(await new File([new Uint8Array(bytes)], p).arrayBuffer()) }));
  return [await planImport(zipSource(file.name, () => file.stream()), book), await planImport(folderSource('slack-export', files), book)];
};
`;

describe.skipIf(!hasChromium)(`the importer in Chromium (${hasChromium ? CHROMIUM : 'no Chromium at ' + CHROMIUM})`, () => {
  it('plans from a File streamed as a zip and from a folder input\'s Files, as Node does', async () => {
    const bundle = await build({ stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts' }, bundle: true, format: 'iife', platform: 'browser', write: false, logLevel: 'warning' });
    const files = everyCase();
    const expected = await planImport(memorySource(files), EVERY_CASE_BOOK);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.setContent('<!doctype html><title>import</title>');
      await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
      const folder = Object.fromEntries([...files].map(([p, bytes]) => [p, [...bytes]]));
      const [fromZip, fromFolder] = await page.evaluate(
        ([zip, f, book]) => (window as unknown as { plan: (...a: unknown[]) => Promise<unknown[]> }).plan(zip, f, book),
        [[...zipOf(files)], folder, EVERY_CASE_BOOK] as const,
      );
      expect(fromZip).toEqual({ ...expected });
      expect(fromFolder).toEqual({ ...expected, problems: expected.problems.map((p) => ({ ...p, file: `slack-export/${p.file}` })) });
    } finally {
      await browser.close();
    }
  }, 120_000);
});

