/**
 * A date and time as the files write it, `YYYY-MM-DD HH:MM:SS`: a text field that shows and
 * takes exactly that (never the browser's locale), a calendar button that picks the day (the
 * native date picker; the time is kept), and the week's shortcut (Start: Monday 00:00:00,
 * End: Friday 23:59:59). Typing is written to the book as soon as it is a whole date-time,
 * so the file keeps its plain style; text that is not one yet stays in the field, marked,
 * and is written as typed when the field is left (or before a save), so nothing is lost and
 * the validation flags it like any other problem of the file.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useServices } from '../services/services';
import { addDays, mondayOf } from '../../../shared/index';
import { FieldMessages, severityOf } from '../ui/FieldMessages';
import type { FieldProps } from '../ui/FieldMessages';
import { Icon } from '../ui/Icon';

const FORM = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/;
const DAY = /^\d{4}-\d{2}-\d{2}/;

/** `2021-07-05T09:30` or `2021-07-05T09:30:15.000` from a date-time picker → `2021-07-05 09:30:15`. */
export function fromPicker(v: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2}))?/.exec(v);
  return m ? `${m[1]} ${m[2]}:${m[3] ?? '00'}` : null;
}

/** Which end of the site's week a field is: its shortcut and the time a picked day gets. */
export type WeekEnd = 'start' | 'end';

const TIME: Record<WeekEnd, string> = { start: '00:00:00', end: '23:59:59' };

/** The week's start (Monday 00:00:00) or end (Friday 23:59:59) for the week holding `day`; null when `day` is not a real day. */
export function weekShortcut(which: WeekEnd, day: string): string | null {
  const monday = mondayOf(day);
  if (!monday) return null;
  return which === 'start' ? `${monday} ${TIME.start}` : `${addDays(monday, 4)} ${TIME.end}`;
}

/** The value with its day replaced by `day` (the time kept, or the week end's time when there is none). */
export function withDay(value: string, day: string, which: WeekEnd): string {
  const m = FORM.exec(value.trim());
  return `${day} ${m ? m[2] : TIME[which]}`;
}

interface Props extends FieldProps {
  readonly which: WeekEnd;
  /** The other field's day: End's shortcut is the Friday of Start's week; Start's falls back to End's week. */
  readonly weekDay?: string | null;
}

/** Whether text is a whole, real `YYYY-MM-DD HH:MM:SS`. */
const isDateTime = (s: string): boolean => {
  const m = FORM.exec(s);
  return !!m && mondayOf(m[1]!) !== null && /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/.test(m[2]!);
};

export function DateTimeField({ label, value, onChange, path, diagnostics, readOnly, which, weekDay }: Props) {
  const id = useId();
  const { session } = useServices();
  const picker = useRef<HTMLInputElement>(null);
  // Text typed that is not a whole date-time yet (null: the field shows the book's value).
  const [draft, setDraftState] = useState<string | null>(null);
  // The draft as of now (the state lags a render): a commit takes it once, even when the edit it makes flushes drafts again.
  const pendingText = useRef<string | null>(null);
  const setDraft = (d: string | null) => {
    pendingText.current = d;
    setDraftState(d);
  };
  const commit = useRef(() => undefined as void);
  commit.current = () => {
    const text = pendingText.current;
    if (text === null) return;
    setDraft(null);
    if (text !== value) onChange(text);
  };
  // A save or a switch commits the draft first, as the raw view's typing is.
  useEffect(() => (draft === null ? undefined : session.addDraft(() => commit.current())), [session, draft === null]); // eslint-disable-line react-hooks/exhaustive-deps
  const shown = draft ?? value;
  const pending = draft !== null && draft !== value;
  const severity = pending ? 'error' : severityOf(diagnostics);
  const described = [diagnostics?.length ? `${id}-msg` : '', pending ? `${id}-draft` : ''].filter(Boolean).join(' ') || undefined;
  const found = DAY.exec(value.trim())?.[0];
  const own = found && mondayOf(found) ? found : null;
  const base = which === 'end' ? (weekDay ?? own) : (own ?? weekDay ?? null);
  const shortcut = base ? weekShortcut(which, base) : null;
  const shortcutLabel = which === 'start' ? 'Monday 00:00:00' : 'Friday 23:59:59';
  const openPicker = () => {
    const input = picker.current;
    if (!input) return;
    try {
      input.showPicker();
    } catch {
      // No picker here (or not allowed now): the day can still be typed in the field.
      input.focus();
    }
  };
  return (
    <div className="field field-date">
      <label htmlFor={id} className="field-label">{label}</label>
      <div className="date-row">
        <input
          id={id}
          type="text"
          className={`input input-date${severity ? ` input-${severity}` : ''}`}
          data-path={path}
          readOnly={readOnly}
          aria-describedby={described}
          aria-invalid={severity === 'error' ? true : undefined}
          value={shown}
          placeholder="YYYY-MM-DD HH:MM:SS"
          spellCheck={false}
          onChange={(e) => {
            const next = e.target.value;
            if (isDateTime(next.trim())) {
              setDraft(null);
              if (next.trim() !== value) onChange(next.trim());
            } else {
              setDraft(next);
            }
          }}
          onBlur={() => commit.current()}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit.current();
          }}
        />
        <span className="date-pick">
          <button type="button" className="icon-btn" aria-label={`Pick the day of ${label} from a calendar`} title="Pick the day from a calendar (the time is kept)" disabled={readOnly} onClick={openPicker}>
            <Icon name="calendar" />
          </button>
          <input
            ref={picker}
            type="date"
            className="date-picker-input"
            tabIndex={-1}
            aria-label={`Day of ${label}`}
            aria-hidden="true"
            value={own ?? ''}
            disabled={readOnly}
            onChange={(e) => {
              if (DAY.test(e.target.value)) onChange(withDay(value, e.target.value, which));
            }}
          />
        </span>
      </div>
      <button
        type="button"
        className="btn btn-small btn-ghost date-shortcut"
        disabled={readOnly || !shortcut || shortcut === value}
        aria-label={shortcut ? `Set ${label} to ${shortcutLabel} of the week: ${shortcut}` : `Set ${label} to ${shortcutLabel} of the week`}
        title={shortcut ? `Set to ${shortcut}` : 'Needs a date to know the week'}
        onClick={() => shortcut && onChange(shortcut)}
      >
        {shortcutLabel}
      </button>
      {pending ? <p className="field-note msg-draft" id={`${id}-draft`}>Not a date and time yet: write it as YYYY-MM-DD HH:MM:SS. It is kept as typed.</p> : null}
      <FieldMessages id={`${id}-msg`} diagnostics={diagnostics} />
    </div>
  );
}
