/** Counts in words, for messages and announcements: `plural(2, 'thread')` is "2 threads", `plural(1, 'reply', 'replies')` "1 reply". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
