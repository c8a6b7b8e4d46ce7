import { bookEdit } from './bookEdit';

/** Moves link `from` to position `to` (nothing when it is there already, or `to` is before the first). */
export const moveLink = bookEdit('Move link', (_doc, { from, to }: { readonly from: number; readonly to: number }) =>
  to < 0 || from === to ? [] : [{ op: 'move', from: ['links', from], to: ['links'], index: to }],
);
