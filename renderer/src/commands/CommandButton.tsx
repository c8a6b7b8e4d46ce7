/** A button that runs a named command: its text is the command's label, its tooltip adds the shortcut. */
import type { ReactNode } from 'react';
import { useCommand } from './useCommand';

interface Props {
  readonly command: string;
  /** The command's arguments, for a command that takes some. */
  readonly args?: unknown;
  readonly icon?: ReactNode;
  /** More words for the tooltip, e.g. what Undo will undo. */
  readonly detail?: string | null;
  readonly className?: string;
  readonly iconOnly?: boolean;
  /** The id of what says why it is off, when it is. */
  readonly describedBy?: string;
}

export function CommandButton({ command, args, icon, detail, className, iconOnly, describedBy }: Props) {
  const c = useCommand(command, args);
  const tip = [detail ?? c.label, c.shortcut ? `(${c.shortcut})` : ''].filter(Boolean).join(' ');
  return (
    <button type="button" className={className ?? 'btn'} onClick={c.run} disabled={!c.enabled} title={tip} aria-label={iconOnly ? c.label : undefined} aria-describedby={describedBy}>
      {icon}
      {iconOnly ? null : <span>{c.label}</span>}
    </button>
  );
}
