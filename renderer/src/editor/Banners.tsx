/** Banners above the editor: the text does not parse (forms read-only), or the file changed on disk. */
import { useServices } from '../services/services';
import { useEditor } from '../store/hooks';
import { isEditable } from '../store/bookSlice';
import { Icon } from '../ui/Icon';

export function Banners() {
  const { store, session } = useServices();
  const doc = useEditor((s) => s.book?.doc ?? null);
  const hasReadable = useEditor((s) => !!s.book?.readable);
  const external = useEditor((s) => s.ui.externalChange);
  const view = useEditor((s) => s.ui.view);
  const readOnly = useEditor((s) => s.ui.readOnly);
  const problem = doc && !isEditable(doc) ? doc.diagnostics.find((d) => d.severity === 'error') ?? null : null;
  return (
    <>
      {readOnly ? (
        <div className="banner banner-error" role="alert">
          <Icon name="error" />
          <div>
            <strong>Read-only.</strong> {readOnly}
          </div>
        </div>
      ) : null}
      {doc && !isEditable(doc) ? (
        <div className="banner banner-error" role="alert">
          <Icon name="error" />
          <div>
            <strong>The front matter cannot be read{problem ? ` (line ${problem.range.startLine}, column ${problem.range.startColumn})` : ''}.</strong>{' '}
            {problem?.message ?? 'It is not a mapping of keys.'} {hasReadable ? 'The form shows the last readable version, read-only.' : 'Fix it in the raw view.'}
          </div>
          {view !== 'raw' ? <button type="button" className="btn btn-small" onClick={() => store.setUi({ view: 'raw' })}>Open raw view</button> : null}
        </div>
      ) : null}
      {external ? (
        <div className="banner banner-warning" role="alert">
          <Icon name="warning" />
          <div>
            <strong>This file changed on disk.</strong> You have unsaved changes here; saving will ask before overwriting. Keep both puts your changes into the version on disk.
          </div>
          <button type="button" className="btn btn-small" onClick={() => void session.compare()}>Compare</button>
          <button type="button" className="btn btn-small" onClick={() => void session.keepBoth()}>Keep both</button>
          <button type="button" className="btn btn-small btn-danger" onClick={() => void session.reload()}>Reload</button>
          <button type="button" className="icon-btn" aria-label="Dismiss" onClick={() => store.setUi({ externalChange: false })}><Icon name="close" /></button>
        </div>
      ) : null}
    </>
  );
}
