/**
 * Slack's emoji names (`:thumbsup:`, `:+1::skin-tone-3:`) to Unicode, from iamcal's
 * emoji-datasource: the dataset Slack's own names come from, kept up to date with each
 * Unicode release. Loaded on first use, so the editor's page pays for it only when it imports.
 */

/** Slack's short names to Unicode, with skin tones. */
export interface EmojiTable {
  /** The emoji for `name`, with a skin tone (2–6) when given and the emoji has one; null for an unknown (custom) name. */
  lookup(name: string, tone?: number): string | null;
  /** The Slack name of an emoji character sequence, and its skin tone; null when it is none. */
  nameOf(emoji: string): { name: string; tone?: number } | null;
}

const TONES = ['1F3FB', '1F3FC', '1F3FD', '1F3FE', '1F3FF'];

function chars(unified: string): string {
  return String.fromCodePoint(...unified.split('-').map((h) => parseInt(h, 16)));
}

function build(data: readonly { unified: string; non_qualified?: string | null; short_names: readonly string[]; skin_variations?: { readonly [tones: string]: { readonly unified: string } } }[]): EmojiTable {
  const byName = new Map<string, { base: string; tones: (string | undefined)[] }>();
  const byChars = new Map<string, { name: string; tone?: number }>();
  for (const e of data) {
    const name = e.short_names[0]!;
    const tones = TONES.map((t) => {
      const v = e.skin_variations?.[t] ?? e.skin_variations?.[`${t}-${t}`];
      return v ? chars(v.unified) : undefined;
    });
    const entry = { base: chars(e.unified), tones };
    for (const n of e.short_names) byName.set(n, entry);
    byChars.set(entry.base, { name });
    if (e.non_qualified) byChars.set(chars(e.non_qualified), { name });
    tones.forEach((t, i) => t && byChars.set(t, { name, tone: i + 2 }));
  }
  return {
    lookup(name, tone) {
      const e = byName.get(name);
      if (!e) return null;
      return (tone !== undefined ? e.tones[tone - 2] : undefined) ?? e.base;
    },
    nameOf: (emoji) => byChars.get(emoji) ?? null,
  };
}

let table: Promise<EmojiTable> | null = null;

/** The table, loaded once. */
export function loadEmoji(): Promise<EmojiTable> {
  table ??= import('emoji-datasource/emoji.json', { with: { type: 'json' } }).then((m) => build(m.default));
  return table;
}
