// The baseline of `ui first raw view`: a page with nothing but one Monaco editor, the app's
// own Monaco setup (same features, grammars, theme and options), created on the same text.
// `startMonaco(text, width, height)` loads Monaco (its own chunk, as the app's raw view
// does) and creates the editor; the bench times it to the first frame showing the text.
import { OPTIONS } from '../../../renderer/src/raw/editorOptions';
import { BOOK_LANGUAGE } from '../../../renderer/src/raw/bookLanguage';

declare global {
  interface Window {
    startMonaco(text: string, width: number, height: number): Promise<void>;
  }
}

window.startMonaco = async (text, width, height) => {
  const el = document.getElementById('editor')!;
  el.style.width = `${width}px`;
  el.style.height = `${height}px`;
  const { monaco } = await import('../../../renderer/src/raw/monaco');
  monaco.editor.create(el, { ...OPTIONS, value: text, language: BOOK_LANGUAGE, theme: 'book-light' });
};
