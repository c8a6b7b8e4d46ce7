// The Slack row of `npm run bench`: one book week out of a synthetic one-year export zip
// (365 day files, ~50,000 messages in #book-of-the-week, two busy channels beside it, messages
// shaped as Slack exports them: user profile, blocks, threads), against the floor any importer
// pays: reading the zip and inflating and JSON.parse-ing that channel's day files (fflate's
// unzipSync with a filter). The week is the first of the year, the costliest for the import:
// replies may come in any later day file, so all of them are read.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { applyEdits, bookOf, openBook } from '../../shared/index';
import { importEdits, planImport, zipSource } from '../../shared/slack';
import { compare, row, type Row } from './core';

const CHANNEL = 'book-of-the-week';
const YEAR = 2023;
const PER_DAY = 137; // 365 × 137 ≈ 50,000 messages

let seed = 1;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
const WORDS = 'the model data training we book chapter learning question answer pipeline feature production team about would think really example deploy metric results *bold* _italic_ :smile: :+1::skin-tone-2: &amp; <https://example.com/page|a link>'.split(' ');

function text(words: number): string {
  return Array.from({ length: words }, () => pick(WORDS)).join(' ');
}

function profile(id: string) {
  return { avatar_hash: 'g0123456789a', image_72: `https://avatars.slack-edge.com/${id}_72.jpg`, first_name: id, real_name: `Person ${id}`, display_name: id, team: 'T0123', name: id.toLowerCase(), is_restricted: false, is_ultra_restricted: false };
}

/** One day of a channel: threads started that day and replies to threads of the last few days. */
function day(date: string, open: string[], users: string[]): unknown[] {
  const base = Date.parse(`${date}T00:00:00Z`) / 1000;
  const out: unknown[] = [];
  for (let i = 0; i < PER_DAY; i++) {
    const ts = `${base + i * 600 + Math.floor(random() * 500)}.${String(Math.floor(random() * 1e6)).padStart(6, '0')}`;
    const user = pick(users);
    const body = text(20 + Math.floor(random() * 40));
    const reply = open.length > 0 && random() < 0.7;
    const message: Record<string, unknown> = {
      client_msg_id: `${ts}-${user}`, type: 'message', text: body, user, ts, team: 'T0123', user_team: 'T0123', source_team: 'T0123', user_profile: profile(user),
      blocks: [{ type: 'rich_text', block_id: ts.slice(-5), elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: body }] }] }],
    };
    if (reply) message.thread_ts = pick(open.slice(-30));
    else {
      open.push(ts);
      message.reply_count = 3;
    }
    if (random() < 0.02) out.push({ type: 'message', subtype: 'channel_join', user, ts: `${base + i * 600 + 550}.000000`, text: `<@${user}> has joined the channel` });
    out.push(message);
  }
  return out;
}

/** The export zip and the number of messages in the channel. */
export function makeExport(file: string): number {
  const users = Array.from({ length: 300 }, (_, i) => `U${String(i).padStart(5, '0')}`);
  const files: Record<string, Uint8Array> = {
    'users.json': strToU8(JSON.stringify(users.map((id) => ({ id, name: id.toLowerCase(), real_name: `Person ${id}`, profile: profile(id) })), null, 4)),
    'channels.json': strToU8(JSON.stringify([CHANNEL, 'general', 'random'].map((name, i) => ({ id: `C${i}`, name })), null, 4)),
  };
  let messages = 0;
  for (const channel of [CHANNEL, 'general', 'random']) {
    const open: string[] = [];
    for (let d = 0; d < 365; d++) {
      const date = new Date(Date.UTC(YEAR, 0, 1 + d)).toISOString().slice(0, 10);
      const list = day(date, open, users);
      if (channel === CHANNEL) messages += list.length;
      files[`${channel}/${date}.json`] = strToU8(JSON.stringify(list, null, 4));
    }
  }
  fs.writeFileSync(file, zipSync(files, { level: 6 }));
  return messages;
}

/** The Slack row. */
export async function slackRows(): Promise<{ rows: Row[]; skipped: string[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-slack-'));
  const zip = path.join(dir, 'export.zip');
  try {
    const messages = makeExport(zip);
    const book = openBook(`---\ntitle: "A book"\nstart: ${YEAR}-01-02 00:00:00\nend: ${YEAR}-01-06 23:59:59\nauthors: [someone]\n---\n\nBody.\n`);
    const source = zipSource(zip, () => fs.createReadStream(zip, { highWaterMark: 1 << 20 }));
    let threads = 0;
    const ours = async () => {
      const plan = await planImport(source, bookOf(book.data)!);
      const after = applyEdits(book, importEdits(book, plan.threads).edits);
      threads = bookOf(after.data)!.archive.length;
    };
    const floor = () => {
      const files = unzipSync(fs.readFileSync(zip), { filter: (f) => f.name.startsWith(`${CHANNEL}/`) });
      let n = 0;
      for (const bytes of Object.values(files)) n += (JSON.parse(strFromU8(bytes)) as unknown[]).length;
      return n;
    };
    const [ms, base] = await compare(ours, floor, 5, 2);
    const size = (fs.statSync(zip).size / (1 << 20)).toFixed(0);
    console.log(`import-slack bench: ${messages} messages in #${CHANNEL}, zip of ${size} MiB with two other channels; ${threads} threads imported`);
    return { rows: [row('import-slack: one week out of a 1-year export', ms, `fflate unzipSync + JSON.parse of the channel's 365 day files (${size} MiB zip)`, base!, 'ratio ≤ 2')], skipped: [] };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
