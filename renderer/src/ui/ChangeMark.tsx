/** A file's change since the last commit as VS Code's explorer marks it: a letter, with the words for screen readers and the tooltip. */
import type { GitChangeKind } from '../../../shared/api';

const MARKS: Readonly<Record<GitChangeKind, { readonly letter: string; readonly words: string }>> = {
  modified: { letter: 'M', words: 'modified since the last commit' },
  added: { letter: 'A', words: 'new since the last commit' },
  untracked: { letter: 'A', words: 'new since the last commit' },
  deleted: { letter: 'D', words: 'deleted since the last commit' },
};

/** The words of a change ("modified since the last commit"). */
export const changeWords = (change: GitChangeKind): string => MARKS[change].words;

export function ChangeMark({ change }: { readonly change: GitChangeKind }) {
  const { letter, words } = MARKS[change];
  return (
    <span className={`change-mark change-${change}`} title={capital(words)}>
      <span aria-hidden="true">{letter}</span>
      <span className="sr-only">{`, ${words}`}</span>
    </span>
  );
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
