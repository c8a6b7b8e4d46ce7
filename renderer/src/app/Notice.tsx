/** Short messages (saved, did not apply, reloaded), announced politely and gone after a while. */
import { useEffect } from 'react';
import { useServices } from '../services/services';
import { useEditor } from '../store/hooks';
import { Icon } from '../ui/Icon';

export function Notice() {
  const { store } = useServices();
  const notice = useEditor((s) => s.ui.notice);
  useEffect(() => {
    if (!notice) return;
    const t = setTimeout(() => store.get().ui.notice?.id === notice.id && store.setUi({ notice: null }), notice.kind === 'error' ? 8000 : 3500);
    return () => clearTimeout(t);
  }, [notice, store]);
  return (
    <div className="notice-region" role="status" aria-live="polite">
      {notice ? (
        <div className={`notice notice-${notice.kind}`} key={notice.id}>
          <span>{notice.text}</span>
          <button type="button" className="icon-btn" aria-label="Dismiss" onClick={() => store.setUi({ notice: null })}><Icon name="close" size={14} /></button>
        </div>
      ) : null}
    </div>
  );
}
