/** The book's links: add, edit, remove, and reorder by drag or by Move up / Move down. */
import { memo, useMemo } from 'react';
import { byPathOf, isObj, str } from '../../../shared/index';
import type { Diagnostic, Value } from '../../../shared/index';
import { withShortcut } from '../commands/shortcut';
import { Icon } from '../ui/Icon';
import { SortableList } from '../ui/SortableList';
import { FieldMessages, severityOf } from '../ui/FieldMessages';
import { altStep, viaOf } from '../ui/moveKeys';
import type { MoveVia } from '../../../shared/commands';

interface Props {
  /** The raw `links` value (shared with the document, so unchanged links keep their identity). */
  readonly value: Value | undefined;
  readonly diagnostics: readonly Diagnostic[];
  readonly onSet: (index: number, key: 'text' | 'link', value: string) => void;
  readonly onAdd: () => void;
  readonly onRemove: (index: number) => void;
  /** `via`: the control that keeps the focus in the link's new slot. */
  readonly onMove: (from: number, to: number, via?: MoveVia) => void;
  readonly readOnly?: boolean;
}

export const LinksEditor = memo(function LinksEditor({ value, diagnostics: list, onSet, onAdd, onRemove, onMove, readOnly }: Props) {
  const links = useMemo(() => (Array.isArray(value) ? value : []).map((l) => (isObj(l) ? { text: str(l.text), link: str(l.link) } : { text: '', link: '' })), [value]);
  const diagnostics = useMemo(() => byPathOf(list), [list]);
  const ids = useMemo(() => links.map((_, i) => `link-${i}`), [links]);
  return (
    <section className="section" aria-labelledby="links-title">
      <header className="section-head">
        <h2 id="links-title">Links</h2>
        <span className="count">{links.length}</span>
        <div className="spacer" />
        {readOnly ? null : (
          <button type="button" className="btn btn-small" data-control="links:add" onClick={onAdd}>
            <Icon name="plus" size={14} />
            <span>Add link</span>
          </button>
        )}
      </header>
      {links.length === 0 ? <p className="empty">No links yet.</p> : null}
      <ol className="links" data-path="links">
        <SortableList
          ids={ids}
          onMove={(from, to) => onMove(from, to, 'handle')}
          describe={(i) => `link ${i + 1}, ${links[i]?.text || links[i]?.link || 'empty'}`}
          renderItem={(i, item, handle) => {
            const l = links[i]!;
            const row = [...(diagnostics.get(`links.${i}`) ?? []), ...(diagnostics.get(`links.${i}.text`) ?? []), ...(diagnostics.get(`links.${i}.link`) ?? [])];
            return (
              <li ref={item.ref as React.Ref<HTMLLIElement>} style={item.style} className={`link-row${item.dragging ? ' dragging' : ''}`} aria-label={`Link ${i + 1}: ${l.text || l.link || 'empty'}`} data-path={`links.${i}`}
                onKeyDown={(e) => {
                  const step = altStep(e);
                  if (!step || readOnly) return;
                  e.preventDefault();
                  if (i + step >= 0 && i + step < links.length) onMove(i, i + step, viaOf(document.activeElement, `links.${i}`));
                }}
              >
                <div className="link-fields">
                  <button type="button" ref={handle.ref} {...handle.props} className="handle" data-control={`links.${i}:handle`} aria-label={`Drag link ${i + 1}`} title="Drag to reorder (or Space, arrows, Space; Alt+Up or Alt+Down)" disabled={readOnly}>
                    <Icon name="grip" size={14} />
                  </button>
                  <input className={`input${severityOf(diagnostics.get(`links.${i}.text`)) ? ` input-${severityOf(diagnostics.get(`links.${i}.text`))}` : ''}`} aria-label="Text" placeholder="Text" value={l.text} readOnly={readOnly} data-path={`links.${i}.text`} onChange={(e) => onSet(i, 'text', e.target.value)} />
                  <input className={`input input-url${severityOf(diagnostics.get(`links.${i}.link`)) ? ` input-${severityOf(diagnostics.get(`links.${i}.link`))}` : ''}`} aria-label="Link" placeholder="https://…" value={l.link} readOnly={readOnly} spellCheck={false} data-path={`links.${i}.link`} onChange={(e) => onSet(i, 'link', e.target.value)} />
                  {readOnly ? null : (
                    <div className="row-actions">
                      <button type="button" className="icon-btn" data-control={`links.${i}:up`} aria-label="Move up" title={withShortcut('Move up (Alt+Up)', 'link.move')} disabled={i === 0} onClick={() => onMove(i, i - 1, 'up')}><Icon name="up" /></button>
                      <button type="button" className="icon-btn" data-control={`links.${i}:down`} aria-label="Move down" title={withShortcut('Move down (Alt+Down)', 'link.move')} disabled={i === links.length - 1} onClick={() => onMove(i, i + 1, 'down')}><Icon name="down" /></button>
                      <button type="button" className="icon-btn danger" data-control={`links.${i}:delete`} aria-label="Delete" title={withShortcut('Delete link', 'link.delete')} onClick={(e) => e.detail < 2 && onRemove(i)}><Icon name="trash" /></button>
                    </div>
                  )}
                </div>
                <FieldMessages diagnostics={row} />
              </li>
            );
          }}
        />
      </ol>
    </section>
  );
});
