/**
 * One message of a day file: which ones are a person's words, and the little the importer
 * keeps of each (a real day file holds much more: reactions, blocks, edits, attachments).
 */

/** Why a message was left out, as counted for the user. */
export const SKIP_REASONS = {
  'not-a-message': 'not a message (no JSON object)',
  'no-ts': 'no ts (time stamp)',
  'no-user': 'no user',
  join: 'joined the channel',
  leave: 'left the channel',
  bot: 'posted by a bot',
  slackbot: 'posted by Slackbot',
  broadcast: 'a second copy of a reply also sent to the channel',
  event: 'a channel event (topic, purpose, pin, …)',
  deleted: 'a deleted message without replies',
  orphan: 'a reply whose thread is not in the export or was left out',
} as const;

/** A reason in SKIP_REASONS. */
export type SkipReason = keyof typeof SKIP_REASONS;

/** A file shared with a message: linked to its permalink. */
export interface SharedFile {
  readonly title: string;
  readonly url: string;
}

/** What the importer keeps of a person's message. */
export interface KeptMessage {
  readonly ts: string;
  /** The parent's ts for a reply; null for a message at the top of the channel. */
  readonly threadTs: string | null;
  readonly user: string;
  /** The name the message carries itself (`user_profile`), for people missing from users.json. */
  readonly profileName: string | null;
  readonly text: string;
  readonly files: readonly SharedFile[];
  /** A deleted message Slack keeps because it has replies. */
  readonly tombstone: boolean;
  /** A reply also sent to the channel. */
  readonly broadcast: boolean;
}

const TS = /^\d+(?:\.\d+)?$/;
const PERSON_SUBTYPES = new Set(['file_share', 'me_message', 'thread_broadcast', 'reply_broadcast', 'tombstone']);

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** The first non-empty of a profile's names: display name, real name, user name. */
export function nameOf(...candidates: unknown[]): string | null {
  for (const c of candidates) {
    if (typeof c === 'string' && c.trim() !== '') return c.trim();
  }
  return null;
}

function filesOf(raw: unknown): SharedFile[] {
  if (!Array.isArray(raw)) return [];
  const out: SharedFile[] = [];
  for (const f of raw) {
    if (f === null || typeof f !== 'object') continue;
    const file = f as Record<string, unknown>;
    const url = str(file.permalink) ?? str(file.url_private);
    if (url) out.push({ title: nameOf(file.title, file.name) ?? url, url });
  }
  return out;
}

/**
 * Sorts one element of a day file: `ignore` when it is not in the window (neither posted in
 * it nor a reply to a thread started in it), `skip` with a reason when it is not a person's
 * message, `keep` otherwise.
 */
export function classify(raw: unknown, inWindow: (ts: string) => boolean): { kind: 'ignore' } | { kind: 'skip'; reason: SkipReason } | { kind: 'keep'; message: KeptMessage } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { kind: 'skip', reason: 'not-a-message' };
  const m = raw as Record<string, unknown>;
  const ts = str(m.ts);
  if (ts === null || !TS.test(ts)) return { kind: 'skip', reason: 'no-ts' };
  const parent = str(m.thread_ts);
  const threadTs = parent !== null && parent !== ts && TS.test(parent) ? parent : null;
  if (!inWindow(threadTs ?? ts)) return { kind: 'ignore' };
  const subtype = str(m.subtype);
  if (subtype === 'channel_join') return { kind: 'skip', reason: 'join' };
  if (subtype === 'channel_leave') return { kind: 'skip', reason: 'leave' };
  const tombstone = subtype === 'tombstone';
  if (subtype === 'bot_message' || (m.bot_id != null && m.bot_id !== '')) return { kind: 'skip', reason: 'bot' };
  if (subtype !== null && !PERSON_SUBTYPES.has(subtype)) return { kind: 'skip', reason: 'event' };
  const user = str(m.user);
  if (!tombstone && user === 'USLACKBOT') return { kind: 'skip', reason: 'slackbot' };
  if (!tombstone && (user === null || user === '')) return { kind: 'skip', reason: 'no-user' };
  if (tombstone && threadTs !== null) return { kind: 'skip', reason: 'deleted' };
  const profile = m.user_profile !== null && typeof m.user_profile === 'object' ? (m.user_profile as Record<string, unknown>) : {};
  return {
    kind: 'keep',
    message: {
      ts,
      threadTs,
      user: user ?? '',
      profileName: nameOf(profile.display_name, profile.real_name, profile.name),
      text: str(m.text) ?? '',
      files: filesOf(m.files),
      tombstone,
      broadcast: subtype === 'thread_broadcast' || subtype === 'reply_broadcast',
    },
  };
}
