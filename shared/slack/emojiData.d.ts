// Typed by hand so the type-checker does not infer a type for the 1.3 MB file (6 s per run).
declare module 'emoji-datasource/emoji.json' {
  /** One emoji of iamcal's dataset (the names Slack uses). Only the fields we read. */
  interface EmojiEntry {
    readonly unified: string;
    readonly non_qualified?: string | null;
    readonly short_names: readonly string[];
    readonly skin_variations?: { readonly [tones: string]: { readonly unified: string } };
  }
  const data: readonly EmojiEntry[];
  export default data;
}
