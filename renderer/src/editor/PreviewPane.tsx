/** The place of the live preview (the shared preview renderer plugs in here). */
import { useEditor } from '../store/hooks';
import { formBookOf } from '../store/derived';

export function PreviewPane() {
  const book = useEditor(formBookOf);
  return (
    <aside className="preview" aria-label="Preview">
      <header className="pane-head">
        <h2>Preview</h2>
      </header>
      <div className="preview-body">
        {book ? (
          <div className="preview-placeholder">
            <p className="preview-title">{book.title || 'Untitled'}</p>
            <p className="muted">The page preview appears here.</p>
          </div>
        ) : (
          <p className="empty">Open a book to preview it.</p>
        )}
      </div>
    </aside>
  );
}
