/** The middle pane: the open book's header, banners, the Form and Raw views, and the problems list. */
import { useEffect, useState } from 'react';
import { useServices } from '../services/services';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { CommandButton } from '../commands/CommandButton';
import { useEditor } from '../store/hooks';
import { diagnosticsOf } from '../store/derived';
import { FormPane } from './FormPane';
import { ProblemsPanel } from '../problems/ProblemsPanel';
import { goToProblem } from '../problems/goToProblem';
import { applyFix } from '../services/fixes';
import { formReadOnly } from '../store/editorStore';
import { Icon } from '../ui/Icon';
import { Banners } from './Banners';
import { EditorHeader } from './EditorHeader';
import { RawView } from './RawView';
import { preloadRawEditor } from '../raw/loadRawEditor';

export function EditorPane() {
  const { store } = useServices();
  const hasBook = useEditor((s) => s.book !== null);
  const view = useEditor((s) => s.ui.view);
  const problemsOpen = useEditor((s) => s.ui.problemsOpen);
  const path = useEditor((s) => s.book?.path ?? null);
  // The raw view starts on first use for a book, then stays (hidden) so switching back is instant.
  const [rawFor, setRawFor] = useState<string | null>(null);
  if (view === 'raw' && path !== null && rawFor !== path) setRawFor(path);
  // Once a book shows, Monaco's code loads in idle time, so the first raw view does not wait for it.
  useEffect(() => (hasBook ? preloadRawEditor() : undefined), [hasBook]);
  if (!hasBook) {
    return (
      <main className="editor editor-empty">
        <div className="welcome">
          <Icon name="book" size={32} />
          <h1>Pick a book</h1>
          <p className="muted">Choose a book from the library on the left, or start a new one.</p>
          <CommandButton command="newBook" className="btn btn-primary" icon={<Icon name="plus" size={14} />} />
        </div>
      </main>
    );
  }
  return (
    <main className="editor">
      <EditorHeader />
      <Banners />
      <div className="editor-body">
        <div role="tabpanel" id="panel-form" aria-labelledby="tab-form" hidden={view !== 'form'} className="tabpanel">
          {view === 'form' ? (
            <ErrorBoundary
              resetKey={path}
              title="The form could not show this book."
              note="Your text is safe in the editor. The raw view shows it as it is."
              action={<button type="button" className="btn" onClick={() => store.setUi({ view: 'raw' })}>Open raw view</button>}
            >
              <FormPane />
            </ErrorBoundary>
          ) : null}
        </div>
        <div role="tabpanel" id="panel-raw" aria-labelledby="tab-raw" hidden={view !== 'raw'} className="tabpanel">
          {rawFor === path ? <RawView active={view === 'raw'} /> : null}
        </div>
      </div>
      {problemsOpen ? <Problems /> : null}
    </main>
  );
}

/** The problems list's container: subscribes to the diagnostics only while it is open. */
function Problems() {
  const services = useServices();
  const { store } = services;
  const diagnostics = useEditor(diagnosticsOf);
  const readOnly = useEditor(formReadOnly);
  return <ProblemsPanel diagnostics={diagnostics} onGo={(d) => goToProblem(store, d)} onClose={() => store.setUi({ problemsOpen: false })} onFix={readOnly ? undefined : (d, fix) => applyFix(services, d, fix)} />;
}
