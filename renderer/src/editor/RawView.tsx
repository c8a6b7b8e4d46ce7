/** The raw file text (a plain text area until the Monaco view lands); every change re-derives the forms. */
import { useServices } from '../app/services';
import { useEditor } from '../store/hooks';

export function RawView() {
  const { store } = useServices();
  const text = useEditor((s) => s.book?.doc.text ?? '');
  return (
    <div className="raw">
      <label htmlFor="raw-text" className="sr-only">Raw text</label>
      <textarea id="raw-text" className="raw-text" data-path="raw" spellCheck={false} value={text} onChange={(e) => store.replaceText(e.target.value)} />
    </div>
  );
}
