/** Short messages (saved, did not apply, reloaded), announced politely and gone after a while. */
import { useEffect } from 'react';
import { useServices } from '../services/services';
import { useEditor } from '../store/hooks';
import { Icon } from '../ui/Icon';
import { withShortcut } from '../commands/shortcut';

export function Notice() {
  const { store, registry, session } = useServices();
  const notice = useEditor((s) => s.ui.notice);
  useEffect(() => {
    if (!notice) return;
    const t = setTimeout(() => store.get().ui.notice?.id === notice.id && store.setUi({ notice: null }), notice.kind === 'error' || notice.action ? 8000 : 3500);
    return () => clearTimeout(t);
  }, [notice, store]);
  return (
    <div className="notice-region" role="status" aria-live="polite">
      {notice ? (
        <div className={`notice notice-${notice.kind}`} key={notice.id}>
          <span>{notice.text}</span>
          {notice.action ? (
            <button
              type="button"
              className="btn btn-small notice-action"
              title={withShortcut(notice.action.label, notice.action.command)}
              onClick={() => {
                store.setUi({ notice: null });
                registry.dispatch(notice.action!.command, { store, session }, 'button');
              }}
            >
              {notice.action.label}
            </button>
          ) : null}
          <button type="button" className="icon-btn" aria-label="Dismiss" onClick={() => store.setUi({ notice: null })}><Icon name="close" size={14} /></button>
        </div>
      ) : null}
    </div>
  );
}
