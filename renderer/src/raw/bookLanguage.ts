/**
 * The raw view's language, `book-md`: the front matter between the opening and closing
 * `---` lines is YAML, everything after is markdown (both embedded, as markdown embeds
 * fenced code). The front matter opens only on the first line, as in Jekyll.
 */
import type { languages } from 'monaco-editor/editor/editor.api';

/** The id the raw view's models use. */
export const BOOK_LANGUAGE = 'book-md';

const FENCE = /^(?:---|\.\.\.)[ \t]*$/;

/**
 * Monaco's YAML grammar reads quoted strings one line at a time and marks a quote that
 * continues on the next line as invalid; book files hold many such texts (PyYAML folds
 * long ones, single-quoted replies span paragraphs). This copy reads them across lines.
 */
export function multiLineYaml(base: languages.IMonarchLanguage): languages.IMonarchLanguage {
  return {
    ...base,
    tokenizer: {
      ...base.tokenizer,
      flowScalars: [
        [/'/, 'string', '@singleQuotedString'],
        [/"/, 'string', '@doubleQuotedString'],
      ],
      // YAML's escapes, and a backslash that folds the line.
      doubleQuotedString: [
        [/[^\\"]+/, 'string'],
        [/\\(?:[0abtnvfre "/\\N_LP\t]|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|$)/, 'string.escape'],
        [/\\./, 'string.escape.invalid'],
        [/"/, 'string', '@pop'],
      ],
      singleQuotedString: [
        [/[^']+/, 'string'],
        [/''/, 'string.escape'],
        [/'/, 'string', '@pop'],
      ],
    },
  };
}

/** The Monarch grammar of `book-md`; the `yaml` and `markdown` languages must be registered. */
export const bookLanguage: languages.IMonarchLanguage = {
  defaultToken: '',
  tokenPostfix: '.book',
  tokenizer: {
    // Only the first line is read in this state.
    root: [
      [/^\uFEFF?---[ \t]*$/, { token: 'metatag', next: '@frontMatter', nextEmbedded: 'yaml' }],
      [/^/, { token: '@rematch', next: '@body', nextEmbedded: 'markdown' }],
    ],
    // YAML until the closing line; leaving one embedded language and entering the next takes two steps.
    frontMatter: [[FENCE, { token: '@rematch', next: '@closer', nextEmbedded: '@pop' }]],
    closer: [[FENCE, { token: 'metatag', switchTo: '@body', nextEmbedded: 'markdown' }]],
    // Markdown to the end: the pop rule never matches.
    body: [[/(?!)/, { token: '', nextEmbedded: '@pop' }]],
  },
};
