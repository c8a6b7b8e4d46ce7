// Slack exports made by the tests: the files of an export as a map, served from memory,
// written as a folder, or zipped (fflate) and streamed in chunks.
import fs from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { folderSource, zipSource } from '../../shared/slack';
import type { ByteStream, ExportSource } from '../../shared/slack';

export type Files = Map<string, Uint8Array>;

/** A Slack `ts` for `seconds` after 00:00 UTC of `day`, with a micro part to keep it unique. */
export function slackTs(day: string, seconds: number, micro = 0): string {
  return `${Date.parse(`${day}T00:00:00Z`) / 1000 + seconds}.${String(micro).padStart(6, '0')}`;
}

/** A users.json entry. */
export function user(id: string, names: { display?: string; real?: string; name?: string }): object {
  return { id, name: names.name ?? id.toLowerCase(), real_name: names.real ?? '', profile: { display_name: names.display ?? '', real_name: names.real ?? '' } };
}

/** The files of an export: users, channels, and day files per channel (written as Slack writes them: 4-space JSON). */
export function exportFiles(spec: { users: object[]; channels?: object[]; days: Record<string, Record<string, unknown[] | string>> }, prefix = ''): Files {
  const files: Files = new Map();
  const put = (p: string, v: unknown) => files.set(prefix + p, strToU8(typeof v === 'string' ? v : JSON.stringify(v, null, 4)));
  put('channels.json', spec.channels ?? Object.keys(spec.days).map((name, i) => ({ id: `C${i}`, name })));
  put('users.json', spec.users);
  for (const [channel, days] of Object.entries(spec.days)) {
    for (const [day, messages] of Object.entries(days)) put(`${channel}/${day}.json`, messages);
  }
  return files;
}

/** An export held in memory, read as a folder is. */
export function memorySource(files: Files, label = 'export'): ExportSource {
  return folderSource(label, [...files].map(([p, bytes]) => ({ path: p, read: async () => bytes })));
}

/** The export as zip bytes. */
export function zipOf(files: Files): Uint8Array {
  return zipSync(Object.fromEntries(files), { level: 6 });
}

/** Bytes as a stream of chunks, as a file on disk or a browser's File streams them. */
export function streamOf(bytes: Uint8Array, chunk = 64 * 1024): ByteStream {
  return (async function* () {
    for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
  })();
}

/** A zip in memory as a source, streamed in chunks. */
export function memoryZip(files: Files, chunk?: number): ExportSource {
  const bytes = zipOf(files);
  return zipSource('export.zip', () => streamOf(bytes, chunk));
}

/** Writes the export as a folder under `dir`. */
export function writeFolder(dir: string, files: Files): void {
  for (const [p, bytes] of files) {
    fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    fs.writeFileSync(path.join(dir, p), bytes);
  }
}

const W = '2021-03-01';

/**
 * One export with every case the importer meets, for the book week of Monday 1 March 2021
 * (window 28 February to 6 March): joins, bots, Slackbot, broadcasts, replies on later days
 * and weeks later, parents with and without `replies` lists, empty display names, a person
 * missing from users.json, custom emoji, entities, links, a tombstone with replies, a bad day
 * file, messages without user or ts, another channel, messages outside the window.
 */
export function everyCase(prefix = ''): Files {
  const t1 = slackTs(W, 3600);
  const t2 = slackTs(W, 7200);
  const t3 = slackTs('2021-03-02', 600);
  const t4 = slackTs('2021-03-02', 900);
  const announce = slackTs('2021-02-28', 64_800);
  const old = slackTs('2021-02-20', 100);
  return exportFiles({
    users: [
      user('UHOST', { display: 'Alexey Grigorev', real: 'Alexey' }),
      user('UAUTH', { display: '', real: 'Ben Wilson' }),
      user('UASK', { display: 'Akshaya Natarajan', real: 'Akshaya N' }),
      { id: 'UNAME', name: 'doink', profile: { display_name: '', real_name: '' } },
      user('UBOT', { display: 'Reminder bot' }),
    ],
    channels: [{ id: 'CBOOK', name: 'book-of-the-week' }, { id: 'CGEN', name: 'general' }],
    days: {
      'book-of-the-week': {
        '2021-02-20': [{ type: 'message', user: 'UASK', text: 'An old question?', ts: old }],
        '2021-02-28': [
          { type: 'message', subtype: 'channel_join', user: 'UASK', text: '<@UASK> has joined the channel', ts: slackTs('2021-02-28', 100) },
          { type: 'message', user: 'UHOST', text: '<!channel> This week we have <@UAUTH> with us. Ask in threads!', ts: announce },
        ],
        [W]: [
          {
            type: 'message', user: 'UASK', ts: t1, thread_ts: t1, reply_count: 3,
            replies: [{ user: 'UAUTH', ts: slackTs(W, 3700) }],
            text: 'Hi <@UAUTH>! *Bold* question about _ML_ &amp; <https://example.com/a?b=1&amp;c=2|the site>? :+1::skin-tone-3:\n&gt; a quote from <#CGEN|general>',
          },
          { type: 'message', user: 'UAUTH', ts: slackTs(W, 3700), thread_ts: t1, text: 'Great question! See `a &lt;b&gt; *c*` and\n```x = _y_ &amp;&amp; z```' },
          { type: 'message', subtype: 'bot_message', bot_id: 'B1', username: 'reminder', text: 'Reminder: ask questions', ts: slackTs(W, 4000) },
          { type: 'message', user: 'UBOT', bot_id: 'B2', text: 'I am an app', ts: slackTs(W, 4100) },
          { type: 'message', user: 'USLACKBOT', text: 'You have been away', ts: slackTs(W, 4200) },
          { type: 'message', user: 'UNAME', ts: t2, text: 'What about ~old~ <mailto:me@example.com|me@example.com> ideas?' },
          { type: 'message', user: 'UAUTH', ts: slackTs(W, 7300), thread_ts: t2, text: 'Here are my slides', files: [{ id: 'F1', name: 'slides.pdf', title: 'Slides [v2]', permalink: 'https://x.slack.com/files/UAUTH/F1/slides.pdf' }] },
          { type: 'message', text: 'Nobody wrote this', ts: slackTs(W, 7400) },
          { type: 'message', user: 'UASK', text: 'No time stamp' },
        ],
        '2021-03-02': [
          { type: 'message', user: 'UGONE', user_profile: { display_name: '', real_name: 'Gone Person', name: 'gone' }, ts: t3, text: 'Custom :party-blob: emoji and :wave: in a question?' },
          { type: 'message', subtype: 'tombstone', user: 'USLACKBOT', hidden: true, ts: t4, thread_ts: t4, text: 'This message was deleted.', reply_count: 1 },
          { type: 'message', subtype: 'thread_broadcast', user: 'UASK', ts: slackTs('2021-03-03', 50), thread_ts: t1, text: 'Thanks, that helps!' },
          { type: 'message', subtype: 'thread_broadcast', user: 'UASK', ts: slackTs('2021-03-02', 1000), thread_ts: t1, text: 'Also sent to the channel' },
          { type: 'message', subtype: 'channel_topic', user: 'UHOST', ts: slackTs('2021-03-02', 1100), text: 'set the channel topic: books' },
        ],
        '2021-03-03': [
          { type: 'message', user: 'UASK', ts: slackTs('2021-03-03', 50), thread_ts: t1, text: 'Thanks, that helps!' },
          { type: 'message', user: 'UAUTH', ts: slackTs('2021-03-03', 60), thread_ts: t4, text: 'Answering the deleted one anyway.' },
          { type: 'message', user: 'UHOST', ts: slackTs('2021-03-03', 70), thread_ts: slackTs('2021-02-10', 10), text: 'A late reply to an old thread' },
        ],
        '2021-03-04': '[\n    {\n        "type": "message",\n        "user": "UASK",\n        "text": "broken"\n        "ts": "1614816000.000100"\n    }\n]',
        '2021-03-07': [{ type: 'message', user: 'UASK', text: 'After the window?', ts: slackTs('2021-03-07', 7200) }],
        '2021-03-20': [
          { type: 'message', user: 'UAUTH', ts: slackTs('2021-03-20', 500), thread_ts: t2, text: 'A late answer, weeks later.' },
          { type: 'message', user: 'UASK', ts: slackTs('2021-03-20', 600), text: 'A new question, another week?' },
        ],
      },
      general: {
        [W]: [{ type: 'message', user: 'UASK', ts: slackTs(W, 5000), text: 'Hello general?' }],
      },
    },
  }, prefix);
}

/** The book week everyCase is made for, as bookOf gives it. */
export const EVERY_CASE_BOOK = { start: '2021-03-01 00:00:00', end: '2021-03-05 23:59:59', archive: [] as { name: string; text: string }[] };
