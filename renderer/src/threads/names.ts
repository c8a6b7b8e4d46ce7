/** People names for display. */
import type { Person } from '../../../shared/api';

/** The display name of an author (a people id or a free name). */
export function formatPeopleName(author: string, people: readonly Person[]): string {
  return people.find((p) => p.id === author)?.name ?? author;
}
