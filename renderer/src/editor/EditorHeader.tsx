/** The editor's top bar: the book, the Form / Raw tabs, and the main commands. */
import { CommandButton } from '../commands/CommandButton';
import { useCommand } from '../commands/useCommand';
import { withShortcut } from '../commands/shortcut';
import { useServices } from '../services/services';
import { useEditor } from '../store/hooks';
import { dirtyOf, formTextOf } from '../store/derived';
import { redoLabel, undoLabel } from '../store/history';
import { switchView } from '../place/revealPlace';
import { Icon } from '../ui/Icon';

export function EditorHeader() {
  const { store, session, registry } = useServices();
  const title = useEditor((s) => formTextOf(s, 'title'));
  const path = useEditor((s) => s.book?.path ?? '');
  const view = useEditor((s) => s.ui.view);
  const preview = useEditor((s) => s.ui.preview);
  const dirty = useEditor(dirtyOf);
  const undo = useEditor((s) => (s.book ? undoLabel(s.book.history) : null));
  const redo = useEditor((s) => (s.book ? redoLabel(s.book.history) : null));
  const hostGone = useEditor((s) => s.ui.hostGone);
  const tab = (id: 'form' | 'raw', label: string) => (
    <button type="button" role="tab" id={`tab-${id}`} aria-selected={view === id} aria-controls={`panel-${id}`} tabIndex={view === id ? 0 : -1} className={`tab${view === id ? ' active' : ''}`}
      onClick={() => registry.dispatch(`view.${id}`, { store, session }, 'button')}
      onKeyDown={(e) => {
        if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
          const next = view === 'form' ? 'raw' : 'form';
          // Arrows move between tabs: the place is shown, the keyboard stays on the tab.
          session.flush();
          switchView(store, next, false);
          document.getElementById(`tab-${next}`)?.focus();
        }
      }}>
      {label}
    </button>
  );
  return (
    <header className="editor-head">
      <div className="editor-title">
        <h1 title={path}>
          {dirty ? <span className="dirty-dot" aria-label="unsaved changes">●</span> : null}
          {title || 'Untitled'}
        </h1>
        <span className="muted editor-path">{path}</span>
      </div>
      <div role="tablist" aria-label="View" className="tabs">
        {tab('form', 'Form')}
        {tab('raw', 'Raw')}
      </div>
      <div className="spacer" />
      <div className="toolbar" role="toolbar" aria-label="Book">
        <CommandButton command="undo" className="icon-btn" iconOnly icon={<Icon name="undo" />} detail={undo ? `Undo ${undo}` : null} />
        <CommandButton command="redo" className="icon-btn" iconOnly icon={<Icon name="redo" />} detail={redo ? `Redo ${redo}` : null} />
        <CommandButton command="review" className="btn" icon={<Icon name="diff" />} detail="Review changes: the file on disk against what Save will write" />
        <CommandButton command="save" className="btn btn-primary" icon={<Icon name="save" />} detail={hostGone ? "Save is off: the editor's host is not reachable" : null} describedBy={hostGone ? 'status-connection' : undefined} />
        <ChangesButton />
        <button type="button" className={`icon-btn${preview ? ' on' : ''}`} aria-pressed={preview} aria-label="Preview" title={withShortcut(`${preview ? 'Hide' : 'Show'} the preview`, 'view.preview')} onClick={() => registry.dispatch('view.preview', { store, session }, 'button')}>
          <Icon name="panel" />
        </button>
      </div>
    </header>
  );
}

/** Opens the Changes view: the git icon and how many files changed since the last commit; hidden without git (the status bar says why). */
function ChangesButton() {
  const c = useCommand('changes');
  const count = useEditor((s) => (s.site.git?.available ? s.site.git.files.length : null));
  if (count === null) return null;
  const words = `${count || 'No'} changed file${count === 1 ? '' : 's'}`;
  return (
    <button type="button" className="btn changes-btn" disabled={!c.enabled} onClick={c.run} aria-label={`${c.label}: ${words}`} title={`${c.label} since the last commit: ${words.toLowerCase()}; commit and sync${c.shortcut ? ` (${c.shortcut})` : ''}`}>
      <Icon name="git" />
      {count ? <span className="changes-count">{count}</span> : null}
    </button>
  );
}
