/**
 * The Monaco the app bundles: the editor API and its features, only the YAML and markdown
 * grammars (plus `book-md`, which joins them), the editor worker through Vite, and the
 * React wrapper pointed at this copy, so nothing is fetched from a CDN.
 */
import 'monaco-editor/features/register.all';
import * as monaco from 'monaco-editor/editor/editor.api';
import { loader } from '@monaco-editor/react';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import * as yaml from 'monaco-editor/languages/definitions/yaml/yaml';
import * as markdown from 'monaco-editor/languages/definitions/markdown/markdown';
import { BOOK_LANGUAGE, bookLanguage, multiLineYaml } from './bookLanguage';
import { defineThemes } from './monacoThemes';

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

for (const [id, grammar] of [['yaml', { conf: yaml.conf, language: multiLineYaml(yaml.language) }], ['markdown', markdown]] as const) {
  monaco.languages.register({ id });
  monaco.languages.setLanguageConfiguration(id, grammar.conf);
  monaco.languages.setMonarchTokensProvider(id, grammar.language);
}
monaco.languages.register({ id: BOOK_LANGUAGE });
monaco.languages.setLanguageConfiguration(BOOK_LANGUAGE, yaml.conf);
monaco.languages.setMonarchTokensProvider(BOOK_LANGUAGE, bookLanguage);
defineThemes(monaco);

loader.config({ monaco });

export { monaco };
