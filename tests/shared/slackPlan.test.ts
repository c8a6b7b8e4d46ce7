// Planning an import on an export with every case, read as a folder and as zips.
import { describe, expect, it } from 'vitest';
import { planImport } from '../../shared/slack';
import type { ImportPlan } from '../../shared/slack';
import { EVERY_CASE_BOOK, everyCase, exportFiles, memorySource, memoryZip, slackTs, user } from './slackFixtures';

const summary = (plan: ImportPlan) => ({
  threads: plan.threads.map((t) => [t.name, t.text, t.replies.map((r) => `${r.name}: ${r.text}`), t.flags]),
  skipped: Object.fromEntries(plan.skipped.map((s) => [s.reason, s.count])),
});

describe('planImport', () => {
  it('finds the week\'s threads with their replies, wherever they were posted, converted and flagged', async () => {
    const plan = await planImport(memorySource(everyCase()), EVERY_CASE_BOOK);
    expect(plan.channel).toBe('book-of-the-week');
    expect(plan.channels).toEqual(['book-of-the-week', 'general']);
    expect(plan.window).toEqual({ from: '2021-02-28', to: '2021-03-06' });
    expect(summary(plan).threads).toEqual([
      ['Alexey Grigorev', '@channel This week we have Ben Wilson with us. Ask in threads!', [], ['announcement', 'no-question']],
      [
        'Akshaya Natarajan',
        'Hi Ben Wilson! **Bold** question about *ML* & [the site](https://example.com/a?b=1&c=2)? 👍🏼\n> a quote from #general',
        ['Ben Wilson: Great question! See `a <b> *c*` and\n```x = _y_ && z```', 'Akshaya Natarajan: Also sent to the channel', 'Akshaya Natarajan: Thanks, that helps!'],
        [],
      ],
      ['doink', 'What about ~~old~~ me@example.com ideas?', ['Ben Wilson: Here are my slides\n[Slides \\[v2\\]](https://x.slack.com/files/UAUTH/F1/slides.pdf)', 'Ben Wilson: A late answer, weeks later.'], []],
      ['Gone Person', 'Custom :party-blob: emoji and 👋 in a question?', [], ['custom-emoji']],
      ['(deleted message)', 'This message was deleted.', ['Ben Wilson: Answering the deleted one anyway.'], ['no-question', 'tombstone']],
    ]);
    expect(plan.replies).toBe(6);
    expect(summary(plan).skipped).toEqual({ bot: 2, broadcast: 1, event: 1, join: 1, 'no-ts': 1, 'no-user': 1, slackbot: 1 });
    expect(plan.skipped.find((s) => s.reason === 'bot')!.message).toBe('posted by a bot');
    expect(plan.problems).toEqual([{ file: 'book-of-the-week/2021-03-04.json', line: 6, column: 9, message: 'comma expected (not valid JSON): skipped' }]);
    expect(plan.threads[3]!.customEmoji).toEqual(['party-blob']);
    expect(plan.threads.map((t) => t.firstLine)[1]).toBe('Hi Ben Wilson! **Bold** question about *ML* & [the site](https://example.com/a?b=1&c=2)? 👍🏼');
    expect(new Set(plan.threads.map((t) => t.id)).size).toBe(5);
  });

  it('plans the same from a zip, streamed in small chunks, and from a zip of a folder holding the export', async () => {
    const folder = await planImport(memorySource(everyCase()), EVERY_CASE_BOOK);
    expect(await planImport(memoryZip(everyCase(), 997), EVERY_CASE_BOOK)).toEqual(folder);
    const wrapped = await planImport(memoryZip(everyCase('slack-export/')), EVERY_CASE_BOOK);
    expect(summary(wrapped)).toEqual(summary(folder));
    expect(wrapped.problems.map((p) => p.file)).toEqual(['slack-export/book-of-the-week/2021-03-04.json']);
  });

  it('widens or moves the window and changes the channel on request', async () => {
    const wide = await planImport(memorySource(everyCase()), EVERY_CASE_BOOK, { to: '2021-03-31' });
    expect(wide.threads.map((t) => t.firstLine).slice(-2)).toEqual(['After the window?', 'A new question, another week?']);
    const earlier = await planImport(memorySource(everyCase()), EVERY_CASE_BOOK, { from: '2021-02-01', to: '2021-02-27' });
    expect(earlier.threads.map((t) => t.text)).toEqual(['An old question?']);
    const general = await planImport(memorySource(everyCase()), EVERY_CASE_BOOK, { channel: 'general' });
    expect(general.threads.map((t) => t.text)).toEqual(['Hello general?']);
    expect(general.problems).toEqual([]);
    const none = await planImport(memorySource(everyCase()), EVERY_CASE_BOOK, { channel: 'random' });
    expect(none.threads).toEqual([]);
    expect(none.problems).toEqual([{ file: 'random', message: 'the export has no channel "random"' }]);
  });

  it('filters by each message\'s ts, not by the day file it sits in', async () => {
    // An exporter east of UTC files a message of Sunday 23:30 UTC under Monday, and one of
    // Saturday 23:30 UTC (outside the window) under Sunday.
    const files = exportFiles({
      users: [user('U1', { display: 'Ann' })],
      days: { 'book-of-the-week': {
        '2021-03-01': [{ type: 'message', user: 'U1', ts: slackTs('2021-02-28', 84_600), text: 'In the window?' }],
        '2021-02-28': [{ type: 'message', user: 'U1', ts: slackTs('2021-02-27', 84_600), text: 'Before it?' }],
      } },
    });
    const plan = await planImport(memorySource(files), EVERY_CASE_BOOK);
    expect(plan.threads.map((t) => t.text)).toEqual(['In the window?']);
  });

  it('marks the threads the archive already holds (same name and text after conversion)', async () => {
    const archive = [{ name: 'doink', text: 'What about ~~old~~ me@example.com ideas?' }, { name: 'Someone else', text: 'Custom :party-blob: emoji and 👋 in a question?' }];
    const plan = await planImport(memorySource(everyCase()), { ...EVERY_CASE_BOOK, archive });
    expect(plan.threads.map((t) => t.inArchive)).toEqual([false, false, true, false, false]);
  });

  it('orders threads and replies by ts, exactly, and keeps one copy of a message an export repeats', async () => {
    const base = slackTs('2021-03-02', 0, 0).split('.')[0];
    const files = exportFiles({
      users: [user('U1', { display: 'Ann' }), user('U2', { display: 'Bob' })],
      days: { 'book-of-the-week': {
        '2021-03-02': [
          { type: 'message', user: 'U1', ts: `${base}.000010`, text: 'Second?' },
          { type: 'message', user: 'U1', ts: `${base}.000009`, text: 'First?' },
          { type: 'message', user: 'U2', ts: `${base}.000012`, thread_ts: `${base}.000009`, text: 'b' },
          { type: 'message', user: 'U2', ts: `${base}.000011`, thread_ts: `${base}.000009`, text: 'a' },
          { type: 'message', user: 'U1', ts: `${base}.000010`, text: 'Second?' },
        ],
      } },
    });
    const plan = await planImport(memorySource(files), EVERY_CASE_BOOK);
    expect(plan.threads.map((t) => [t.text, t.replies.map((r) => r.text)])).toEqual([['First?', ['a', 'b']], ['Second?', []]]);
  });

  it('names people by display name, else real name, else user name; by the message\'s profile when users.json lacks them', async () => {
    const files = exportFiles({
      users: [
        { id: 'U1', name: 'ann', real_name: 'Ann Real', profile: { display_name: 'Annie', real_name: 'Ann Real' } },
        { id: 'U2', name: 'bob', real_name: 'Bob Real', profile: { display_name: '  ', real_name: '' } },
        { id: 'U3', name: 'cy', profile: {} },
      ],
      days: { 'book-of-the-week': { '2021-03-02': [
        { type: 'message', user: 'U1', ts: slackTs('2021-03-02', 1), text: 'a' },
        { type: 'message', user: 'U2', ts: slackTs('2021-03-02', 2), text: 'b' },
        { type: 'message', user: 'U3', ts: slackTs('2021-03-02', 3), text: 'c' },
        { type: 'message', user: 'U4', ts: slackTs('2021-03-02', 4), text: 'd', user_profile: { display_name: 'Dee', real_name: 'Dee Real' } },
        { type: 'message', user: 'U5', ts: slackTs('2021-03-02', 5), text: 'e' },
      ] } },
    });
    const plan = await planImport(memorySource(files), EVERY_CASE_BOOK);
    expect(plan.threads.map((t) => t.name)).toEqual(['Annie', 'Bob Real', 'cy', 'Dee', 'U5']);
    expect(plan.problems).toEqual([{ file: 'users.json', message: '1 message by U5, who is in neither users.json nor the message\'s profile: named by the id' }]);
  });

  it('counts replies whose thread is missing or left out, and deleted messages without replies', async () => {
    const bot = slackTs('2021-03-02', 10);
    const files = exportFiles({
      users: [user('U1', { display: 'Ann' })],
      days: { 'book-of-the-week': { '2021-03-02': [
        { type: 'message', subtype: 'bot_message', bot_id: 'B1', ts: bot, text: 'Question of the day' },
        { type: 'message', user: 'U1', ts: slackTs('2021-03-02', 11), thread_ts: bot, text: 'An answer to a bot' },
        { type: 'message', subtype: 'tombstone', user: 'USLACKBOT', ts: slackTs('2021-03-02', 12), text: 'This message was deleted.' },
        { type: 'message', subtype: 'channel_leave', user: 'U1', ts: slackTs('2021-03-02', 13), text: 'left' },
        'not a message',
      ] } },
    });
    const plan = await planImport(memorySource(files), EVERY_CASE_BOOK);
    expect(plan.threads).toEqual([]);
    expect(summary(plan).skipped).toEqual({ bot: 1, orphan: 1, deleted: 1, leave: 1, 'not-a-message': 1 });
  });

  it('keeps a reply sent to the channel too when it is the thread\'s only copy of it', async () => {
    const t = slackTs('2021-03-02', 10);
    const files = exportFiles({
      users: [user('U1', { display: 'Ann' }), user('U2', { display: 'Bob' })],
      days: { 'book-of-the-week': { '2021-03-02': [
        { type: 'message', user: 'U1', ts: t, text: 'Q?' },
        { type: 'message', subtype: 'thread_broadcast', user: 'U2', ts: slackTs('2021-03-02', 11), thread_ts: t, text: 'Only here' },
        { type: 'message', subtype: 'thread_broadcast', user: 'U2', ts: slackTs('2021-03-02', 12), thread_ts: t, text: 'Twice' },
        { type: 'message', user: 'U2', ts: slackTs('2021-03-02', 13), thread_ts: t, text: 'Twice' },
      ] } },
    });
    const plan = await planImport(memorySource(files), EVERY_CASE_BOOK);
    expect(plan.threads[0]!.replies.map((r) => r.text)).toEqual(['Only here', 'Twice']);
    expect(summary(plan).skipped).toEqual({ broadcast: 1 });
  });
});
