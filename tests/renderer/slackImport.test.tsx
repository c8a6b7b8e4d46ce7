// @vitest-environment jsdom
// The Import from Slack dialog on the whole editor (fake API): choosing a zip or a folder,
// the threads with their flags, what was left out and why, the channel and the window that
// plan again, unticking, importing as one undo step, and exports that are not exports.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { strToU8 } from 'fflate';
import { bookOf, openBook } from '../../shared/index';
import { openEditor } from './render';
import { SMALL_BOOK } from './fakeApi';
import { exportFiles, slackTs, user, zipOf } from '../shared/slackFixtures';
import type { Files } from '../shared/slackFixtures';

vi.mock('../../renderer/src/raw/RawEditor', async () => ({ default: (await import('./fakeMonaco')).FakeRawEditor }));

afterEach(cleanup);

// jsdom's Blob has no arrayBuffer() (browsers and Node have): read it as a browser's FileReader does.
if (!('arrayBuffer' in Blob.prototype)) {
  Object.defineProperty(Blob.prototype, 'arrayBuffer', {
    value(this: Blob) {
      return new Promise<ArrayBuffer>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as ArrayBuffer);
        reader.onerror = () => reject(reader.error);
        reader.readAsArrayBuffer(this);
      });
    },
  });
}

// SMALL_BOOK runs 2024-03-04 to 2024-03-08: the window is 2024-03-03 to 2024-03-09.
const D = '2024-03-04';
const q1 = slackTs(D, 3600);
const q2 = slackTs(D, 7200);
const q3 = slackTs('2024-03-05', 600);
const tino = slackTs('2024-03-05', 900);
const early = slackTs('2024-03-01', 100);

/** An export of the book's week: three new threads, one the archive holds, noise, a later reply, a bad day file, another channel. */
function weekExport(): Files {
  return exportFiles({
    users: [
      user('UHOST', { display: 'Host Person' }),
      user('UASK', { display: 'Asha', real: 'Asha K' }),
      user('UAUTH', { display: '', real: 'Lena Voss' }),
      user('UTINO', { display: 'Tino' }),
    ],
    channels: [{ id: 'CBOOK', name: 'book-of-the-week' }, { id: 'CGEN', name: 'general' }],
    days: {
      'book-of-the-week': {
        '2024-03-01': [{ type: 'message', user: 'UASK', ts: early, text: 'An early question?' }],
        [D]: [
          { type: 'message', subtype: 'channel_join', user: 'UASK', ts: slackTs(D, 100), text: '<@UASK> has joined the channel' },
          { type: 'message', user: 'UHOST', ts: slackTs(D, 200), text: '<!channel> This week: <@UAUTH>. Ask in threads!' },
          { type: 'message', user: 'UASK', ts: q1, text: 'Is *soil* better than _sand_ &amp; why?\nSecond line' },
          { type: 'message', user: 'UAUTH', ts: slackTs(D, 3700), thread_ts: q1, text: 'Soil :+1:' },
          { type: 'message', subtype: 'bot_message', bot_id: 'B1', ts: slackTs(D, 4000), text: 'Reminder' },
          { type: 'message', user: 'UASK', ts: q2, text: 'Loved the :party-blob: chapter' },
        ],
        '2024-03-05': [
          { type: 'message', user: 'UTINO', ts: q3, text: 'Which seeds first?' },
          { type: 'message', user: 'UTINO', ts: tino, text: 'How do I start?' },
        ],
        '2024-03-06': '[\n    {\n        "user": "UASK"\n        "ts": "1709683200.000100"\n    }\n]',
        '2024-03-12': [{ type: 'message', user: 'UAUTH', ts: slackTs('2024-03-12', 50), thread_ts: q3, text: 'Beans, a week later.' }],
      },
      general: { [D]: [{ type: 'message', user: 'UASK', ts: slackTs(D, 5000), text: 'Hello general?' }] },
    },
  });
}

const zipFile = (bytes: Uint8Array, name = 'slack-export.zip') => new File([bytes as Uint8Array<ArrayBuffer>], name, { type: 'application/zip' });
const input = (label: string) => document.querySelector<HTMLInputElement>(`input[aria-label="${label}"]`)!;

/** Hands files to one of the dialog's file inputs, as the browser's picker does. */
function pick(label: string, files: File[]): void {
  const el = input(label);
  Object.defineProperty(el, 'files', { value: files, configurable: true });
  fireEvent.change(el);
}

async function openDialog(user: Awaited<ReturnType<typeof openEditor>>['user']) {
  await user.click(screen.getByRole('button', { name: 'Import from Slack…' }));
  // The dialog's module loads on first use.
  return screen.findByRole('dialog', { name: 'Import from Slack' }, SLOW);
}

/** Reading an export and planning takes a while on a loaded machine (the first time, the emoji load too). */
const SLOW = { timeout: 15_000 };
const status = (dialog: HTMLElement) => within(dialog).getByRole('status');
const rows = (dialog: HTMLElement) => within(within(dialog).getByRole('list', { name: 'Threads in the window' })).getAllByRole('listitem');

describe('Import from Slack', { timeout: 90_000 }, () => {
  it('lists the window\'s threads from a zip, imports the ticked ones as one undo step and says so', async () => {
    const { user, store, text } = await openEditor();
    const dialog = await openDialog(user);
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Choose .zip…' })));
    expect(within(dialog).getByRole('button', { name: 'Import' }).hasAttribute('disabled')).toBe(true);
    // The file inputs sit outside the dialog's box: its focus trap never lands on them.
    expect(dialog.contains(input('Slack export (.zip)'))).toBe(false);
    expect(input('Slack export (folder)').hasAttribute('webkitdirectory')).toBe(true);

    pick('Slack export (.zip)', [zipFile(zipOf(weekExport()))]);
    await waitFor(() => expect(status(dialog).textContent).toMatch(/^5 threads with 2 replies in #book-of-the-week from 2024-03-03 to 2024-03-09\. 1 already in the archive\.$/), SLOW);
    expect(within(dialog).getByText('slack-export.zip')).toBeTruthy();
    expect((within(dialog).getByLabelText('From') as HTMLInputElement).value).toBe('2024-03-03');
    expect((within(dialog).getByLabelText('To') as HTMLInputElement).value).toBe('2024-03-09');
    expect((within(dialog).getByLabelText('Channel') as HTMLSelectElement).value).toBe('book-of-the-week');

    const list = rows(dialog);
    expect(list.map((r) => within(r).getByRole('checkbox').getAttribute('aria-label'))).toEqual([
      'Host Person: @channel This week: Lena Voss. Ask in threads!',
      'Asha: Is **soil** better than *sand* & why?',
      'Asha: Loved the :party-blob: chapter',
      'Tino: Which seeds first?',
      'Tino: How do I start?',
    ]);
    const badges = (i: number) => [...list[i]!.querySelectorAll('.pill')].map((p) => p.textContent);
    expect(badges(0)).toEqual(["Host's announcement", 'No question mark']);
    expect(badges(1)).toEqual([]);
    expect(badges(2)).toEqual(['No question mark', 'Custom emoji: :party-blob:']);
    expect(badges(4)).toEqual(['Already in the archive']);
    expect(list[1]!.textContent).toContain('1 reply');
    expect(list[3]!.textContent).toContain('1 reply'); // posted a week after the window
    expect(list[2]!.textContent).toContain('no replies');
    const tinoBox = within(list[4]!).getByRole('checkbox') as HTMLInputElement;
    expect([tinoBox.checked, tinoBox.disabled]).toEqual([false, true]);
    // A flag's meaning is in its description: the checkbox is described by the row's meta line.
    expect(document.getElementById(within(list[0]!).getByRole('checkbox').getAttribute('aria-describedby')!)!.textContent).toMatch(/no replies.*Host's announcement/);

    // What was left out, with reasons and counts; the bad day file with its line and column.
    const skipped = within(within(dialog).getByRole('list', { name: 'Left out, 2 messages:' })).getAllByRole('listitem').map((l) => l.textContent);
    expect(skipped).toEqual(expect.arrayContaining(['1 joined the channel', '1 posted by a bot']));
    const problems = within(dialog).getByRole('group', { name: 'Problems in the export' });
    expect(problems.textContent).toMatch(/book-of-the-week\/2024-03-06\.json:4:9/);

    // Untick the announcement, import the other three.
    await user.click(within(list[0]!).getByRole('checkbox'));
    expect(within(dialog).getByText('3 of 4 new threads chosen')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Import 3 threads' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    const book = bookOf(openBook(text()).data)!;
    expect(book.archive.map((t) => [t.name, t.text, t.replies.map((r) => `${r.name}: ${r.text}`)])).toEqual([
      ['Tino', 'How do I start?', ['Lena Voss: With a seed.', 'Tino: Thanks!']],
      ['Mira', 'Which soil?', ['Lena Voss: Loam.']],
      ['Asha', 'Is **soil** better than *sand* & why?\nSecond line', ['Lena Voss: Soil 👍']],
      ['Asha', 'Loved the :party-blob: chapter', []],
      ['Tino', 'Which seeds first?', ['Lena Voss: Beans, a week later.']],
    ]);
    // Only lines were added, after the archive's last item.
    expect(text().startsWith(SMALL_BOOK.slice(0, SMALL_BOOK.indexOf('---\nThe body.')))).toBe(true);
    const history = store.get().book!.history.undo;
    expect(history.map((s) => s.label)).toEqual(['Import 3 threads from Slack']);
    // Focus on the first imported thread, and the live region says what came in.
    await waitFor(() => expect(document.activeElement?.getAttribute('data-path')).toBe('archive.2'));
    expect(screen.getAllByRole('status').some((s) => /Imported 3 threads from Slack as threads 3 to 5\./.test(s.textContent ?? ''))).toBe(true);

    store.undo();
    expect(text()).toBe(SMALL_BOOK);
  });

  it('plans again for another channel and a wider window, keeping what was unticked', async () => {
    const { user } = await openEditor();
    const dialog = await openDialog(user);
    pick('Slack export (.zip)', [zipFile(zipOf(weekExport()))]);
    await waitFor(() => expect(status(dialog).textContent).toMatch(/^5 threads/), SLOW);
    await user.click(within(rows(dialog)[1]!).getByRole('checkbox'));

    fireEvent.change(within(dialog).getByLabelText('From'), { target: { value: '2024-03-01' } });
    // While the export is read again, the last list stays (dimmed) and cannot be imported.
    expect(status(dialog).textContent).toBe('Reading slack-export.zip…');
    expect(rows(dialog)).toHaveLength(5);
    expect(within(dialog).getByRole('button', { name: 'Import 3 threads' }).hasAttribute('disabled')).toBe(true);
    await waitFor(() => expect(status(dialog).textContent).toMatch(/^6 threads with 2 replies in #book-of-the-week from 2024-03-01 to 2024-03-09\. 1 already in the archive\.$/), SLOW);
    expect(within(dialog).getByText('4 of 5 new threads chosen')).toBeTruthy();
    expect(within(rows(dialog)[0]!).getByRole('checkbox').getAttribute('aria-label')).toBe('Asha: An early question?');
    expect((within(rows(dialog)[2]!).getByRole('checkbox') as HTMLInputElement).checked).toBe(false);

    const channel = within(dialog).getByLabelText('Channel') as HTMLSelectElement;
    expect([...channel.options].map((o) => o.textContent)).toEqual(['#book-of-the-week', '#general']);
    await user.selectOptions(channel, 'general');
    await waitFor(() => expect(status(dialog).textContent).toMatch(/^1 thread with 0 replies in #general/), SLOW);
    expect(within(rows(dialog)[0]!).getByRole('checkbox').getAttribute('aria-label')).toBe('Asha: Hello general?');

    // A window that ends before it starts is said in words; nothing can be imported.
    fireEvent.change(within(dialog).getByLabelText('To'), { target: { value: '2024-02-01' } });
    expect((await within(dialog).findByRole('alert', {}, SLOW)).textContent).toBe('The window ends (2024-02-01) before it starts (2024-03-01).');
    expect(within(dialog).getByRole('button', { name: 'Import' }).hasAttribute('disabled')).toBe(true);
  });

  it('reads a folder input\'s files, only those it needs', async () => {
    const { user } = await openEditor();
    const dialog = await openDialog(user);
    const read: string[] = [];
    const files = [...weekExport()].map(([p, bytes]) => {
      const f = new File([bytes as Uint8Array<ArrayBuffer>], p.split('/').pop()!);
      Object.defineProperty(f, 'webkitRelativePath', { value: `slack-export/${p}` });
      const arrayBuffer = f.arrayBuffer.bind(f);
      Object.defineProperty(f, 'arrayBuffer', { value: () => (read.push(p), arrayBuffer()) });
      return f;
    });
    pick('Slack export (folder)', files);
    await waitFor(() => expect(status(dialog).textContent).toMatch(/^5 threads with 2 replies/), SLOW);
    expect(within(dialog).getByText('slack-export')).toBeTruthy();
    expect(read).not.toContain('general/2024-03-04.json');
    expect(read).toEqual(expect.arrayContaining(['users.json', 'channels.json', 'book-of-the-week/2024-03-04.json']));
  });

  it('says in words what is wrong with an export that is not one, and the book never changes', async () => {
    const { user, text } = await openEditor();
    const dialog = await openDialog(user);
    const cases: [File, RegExp][] = [
      [zipFile(strToU8('just some text'), 'notes.zip'), /^notes\.zip: not a zip file/],
      [zipFile(zipOf(new Map([['readme.txt', strToU8('hello')]])), 'other.zip'), /other\.zip.*users\.json/],
      [zipFile(zipOf(weekExport()).slice(0, 400), 'cut.zip'), /^cut\.zip.*(damaged|incomplete)/],
    ];
    for (const [file, message] of cases) {
      pick('Slack export (.zip)', [file]);
      await waitFor(() => expect(within(dialog).getByRole('alert').textContent).toMatch(message), SLOW);
      expect(within(dialog).queryByRole('list', { name: 'Threads in the window' })).toBeNull();
      expect(within(dialog).getByRole('button', { name: 'Import' }).hasAttribute('disabled')).toBe(true);
    }
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(text()).toBe(SMALL_BOOK);
  });
});
