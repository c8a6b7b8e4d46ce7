/**
 * One pass over an export: users.json, channels.json and the chosen channel's day files from
 * just before the window on (replies come after their thread, sometimes weeks after). Each
 * day file is read, sorted and dropped as it comes, so what stays in memory is what the window
 * needs; a day file after the window is parsed only when it names one of the window's threads.
 * An export may sit inside one folder of the zip or folder chosen (`export/users.json`).
 */
import { strFromU8 } from 'fflate';
import { readJson } from './json';
import { classify, nameOf } from './message';
import type { KeptMessage, SkipReason } from './message';
import { ImportError } from './source';
import type { ExportSource } from './source';
import { addDays, inWindow } from './window';
import type { ImportWindow } from './window';

/** A file of the export that could not be used, and where. */
export interface ExportProblem {
  /** The path inside what was chosen (the folder or the zip). */
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
}

/** What one pass found, for the chosen channel and window. */
export interface ExportContent {
  /** User id to name (display name, else real name, else user name). */
  readonly users: ReadonlyMap<string, string>;
  /** Channel id to name. */
  readonly channels: ReadonlyMap<string, string>;
  /** Every channel with day files, sorted. */
  readonly channelNames: readonly string[];
  /** The person's messages of the window and the replies to its threads, in the order read. */
  readonly messages: readonly KeptMessage[];
  readonly skipped: ReadonlyMap<SkipReason, number>;
  readonly problems: readonly ExportProblem[];
}

interface Part {
  users: Map<string, string> | null;
  channels: Map<string, string>;
  channelNames: Set<string>;
  messages: KeptMessage[];
  skipped: Map<SkipReason, number>;
  problems: ExportProblem[];
}

const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.json$/;
// A reply's thread as a day file writes it (JSON escapes any quote inside a text, so this is a key).
const THREAD_TS = /"thread_ts"\s*:\s*"(\d+(?:\.\d+)?)"/g;

/** The path's segments when it stays inside the export; null for `../x`, `/x`, `C:/x`. */
function segmentsOf(path: string): string[] | null {
  const parts = path.split('/').filter((s) => s !== '' && s !== '.');
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path) || parts.some((s) => s === '..')) return null;
  return parts;
}

/** Reads what an import of `channel` over `window` needs from an export. */
export async function readExport(source: ExportSource, channel: string, window: ImportWindow): Promise<ExportContent> {
  const parts = new Map<string, Part>();
  const unsafe: ExportProblem[] = [];
  const part = (prefix: string) => {
    let p = parts.get(prefix);
    if (!p) parts.set(prefix, (p = { users: null, channels: new Map(), channelNames: new Set(), messages: [], skipped: new Map(), problems: [] }));
    return p;
  };
  // Day files are named in the exporter's time zone: two days' margin either side of the window.
  const earliest = addDays(window.from, -2);
  const latest = addDays(window.to, 2);
  const within = inWindow(window);
  const holdsReplies = (source: string) => {
    for (const m of source.matchAll(THREAD_TS)) if (within(m[1]!)) return true;
    return false;
  };

  // A file's place: which export (prefix) it belongs to and what it is.
  const placeOf = (path: string) => {
    const s = segmentsOf(path);
    if (!s || s.length === 0 || s.length > 3) return null;
    const name = s[s.length - 1]!;
    if ((name === 'users.json' || name === 'channels.json') && s.length <= 2) return { prefix: s.slice(0, -1).join('/'), kind: name, channel: '', day: '' } as const;
    const day = DAY_FILE.exec(name);
    if (day && s.length >= 2) return { prefix: s.slice(0, -2).join('/'), kind: 'day', channel: s[s.length - 2]!, day: day[1]! } as const;
    return null;
  };

  const want = (path: string): boolean => {
    if (segmentsOf(path) === null) {
      unsafe.push({ file: path, message: 'a path that leads out of the export: left alone' });
      return false;
    }
    const place = placeOf(path);
    if (!place) return false;
    if (place.kind !== 'day') return true;
    part(place.prefix).channelNames.add(place.channel);
    return place.channel === channel && place.day >= earliest;
  };

  const take = (path: string, bytes: Uint8Array) => {
    const place = placeOf(path)!;
    const p = part(place.prefix);
    const source = strFromU8(bytes);
    // After the window a day file can only hold replies to its threads, and replies go on for
    // years: one that names none of the window's threads is not parsed.
    const after = place.kind === 'day' && place.day > latest;
    if (after && !holdsReplies(source)) return;
    const json = readJson(source);
    if (!json.ok) {
      if (place.kind === 'users.json') throw new ImportError(json.error.message, path, json.error.line, json.error.column);
      p.problems.push({ file: path, ...json.error, message: `${json.error.message}: skipped` });
      return;
    }
    if (place.kind === 'users.json') p.users = usersOf(json.value, path);
    else if (place.kind === 'channels.json') p.channels = channelsOf(json.value);
    else if (!Array.isArray(json.value)) p.problems.push({ file: path, line: 1, column: 1, message: 'not a list of messages: skipped' });
    else {
      for (const raw of json.value) {
        const c = classify(raw, within);
        if (c.kind === 'keep') p.messages.push(c.message);
        // A message without a ts cannot be placed in time: it counts where the window's day files are.
        else if (c.kind === 'skip' && !(after && (c.reason === 'no-ts' || c.reason === 'not-a-message'))) p.skipped.set(c.reason, (p.skipped.get(c.reason) ?? 0) + 1);
      }
    }
  };

  await source.scan(want, take);
  // The export is where users.json is, the shallowest one if there are several.
  const root = [...parts.entries()].filter(([, p]) => p.users !== null).sort(([a], [b]) => a.split('/').length - b.split('/').length || a.localeCompare(b))[0];
  if (!root) throw new ImportError('not a Slack export: it has no users.json', source.label);
  const p = root[1];
  return {
    users: p.users!,
    channels: p.channels,
    channelNames: [...p.channelNames].sort(),
    messages: p.messages,
    skipped: p.skipped,
    problems: [...unsafe, ...p.problems],
  };
}

function usersOf(value: unknown, path: string): Map<string, string> {
  if (!Array.isArray(value)) throw new ImportError('not a list of users', path, 1, 1);
  const users = new Map<string, string>();
  for (const u of value) {
    if (u === null || typeof u !== 'object') continue;
    const user = u as Record<string, unknown>;
    const profile = (user.profile !== null && typeof user.profile === 'object' ? user.profile : {}) as Record<string, unknown>;
    const name = nameOf(profile.display_name, profile.real_name, user.real_name, user.name);
    if (typeof user.id === 'string' && name !== null) users.set(user.id, name);
  }
  return users;
}

function channelsOf(value: unknown): Map<string, string> {
  const channels = new Map<string, string>();
  if (!Array.isArray(value)) return channels;
  for (const c of value) {
    if (c !== null && typeof c === 'object' && typeof (c as Record<string, unknown>).id === 'string' && typeof (c as Record<string, unknown>).name === 'string') {
      channels.set((c as Record<string, string>).id!, (c as Record<string, string>).name!);
    }
  }
  return channels;
}
