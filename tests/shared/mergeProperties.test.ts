// "Keep both" on the real corpus: random edits on both sides, each side on nodes of its
// own (ours: even threads, links and body lines, and the title; theirs: odd ones, and the
// description), always merge to the value of both, read back by js-yaml, with no conflict,
// and the merged text differs from the disk's by exactly the lines ours changed.
// One node changed differently on both sides is one conflict, whatever the node.
// Runs are few in CI; for a longer search: MERGE_RUNS=2000 npx vitest run tests/shared/mergeProperties.test.ts
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffArrays } from 'diff';
import * as jsyaml from 'js-yaml';
import { applyEdit, applyEdits, demoteThread, mergeBook, openBook } from '../../shared/index';
import type { BookDocument, Edit, Value } from '../../shared/index';
import { corpusBooks, corpusSkipReason, hasCorpus } from '../corpus';

type Side = 'ours' | 'theirs';
interface Item { id: number; value: Value }
interface Thread { id: number; fields: { [k: string]: Value }; replies: Item[]; listed: boolean }
interface Line { id: number; text: string }

/** One side's book as the model holds it: items carry ids, so the two sides can be merged by id. */
interface Model {
  top: { [k: string]: Value };
  links: Item[];
  archive: Thread[];
  body: Line[];
}

interface Intent { kind: number; a: number; b: number; c: number; style: number }

const TEXTS = ['plain words', 'with: a colon', "it's quoted", 'a "double" one', 'yes', 'ünïcödé ✓ 😀', 'two\nlines', 'a long sentence that goes on and on and on, well past the eighty columns a PyYAML writer folds at, to see the folding'];

const books = corpusBooks().filter(([, text]) => {
  const data = openBook(text).data as { archive?: unknown[] } | null;
  return Array.isArray(data?.archive) && data.archive.every((t) => Array.isArray((t as { replies?: unknown }).replies));
});

function modelOf(doc: BookDocument, ids: { next: number }): Model {
  const data = structuredClone(doc.data) as { [k: string]: Value };
  const { links, archive, ...top } = data;
  return {
    top,
    links: ((links as Value[] | undefined) ?? []).map((value) => ({ id: ids.next++, value })),
    archive: ((archive as { [k: string]: Value }[] | undefined) ?? []).map(({ replies, ...fields }) => ({ id: ids.next++, fields, listed: true, replies: (replies as Value[]).map((value) => ({ id: ids.next++, value })) })),
    body: doc.body.split('\n').map((text) => ({ id: ids.next++, text })),
  };
}

function copy(m: Model): Model {
  return { top: { ...m.top }, links: [...m.links], archive: m.archive.map((t) => ({ ...t, replies: [...t.replies] })), body: [...m.body] };
}

/** The front matter value a model stands for. */
function valueOf(m: Model, hadLinks: boolean, hadArchive: boolean): Value {
  const v: { [k: string]: Value } = { ...m.top };
  if (hadLinks || m.links.length) v.links = m.links.map((l) => l.value);
  if (hadArchive || m.archive.length) v.archive = m.archive.map((t) => (t.listed || t.replies.length ? { ...t.fields, replies: t.replies.map((r) => r.value) } : { ...t.fields }));
  return v;
}

/**
 * Applies one random edit of `side` to its document and its model, on nodes it owns:
 * base items by the parity of their base index, new items by who made them.
 */
function step(side: Side, doc: BookDocument, m: Model, owns: (id: number) => boolean, i: Intent, fresh: () => string, write: (node: string, id: number) => void): BookDocument {
  const mine = <T extends { id: number }>(xs: T[]) => xs.map((x, k) => [x, k] as const).filter(([x]) => owns(x.id));
  const threads = mine(m.archive);
  const pick = <T>(xs: readonly T[], n: number) => xs[n % xs.length]!;
  const text = () => (i.style % 3 === 0 ? pick(TEXTS, i.c) + ' ' : '') + fresh();
  /** A reply of a thread of this side: the thread, its index, the reply's index. */
  const reply = (): [Thread, number, number] | null => {
    const withReplies = threads.filter(([t]) => t.replies.length);
    if (!withReplies.length) return null;
    const [t, k] = pick(withReplies, i.a);
    return [t, k, i.b % t.replies.length];
  };
  let edit: Edit | null = null;
  const apply = (e: Edit, change: () => void) => {
    edit = e;
    change();
  };
  switch (i.kind % 12) {
    case 0: {
      if (!threads.length) break;
      const [t, k] = pick(threads, i.a);
      const value = text();
      write(`text`, t.id);
      apply({ op: 'set', path: ['archive', k, 'text'], value }, () => (m.archive[k] = { ...t, fields: { ...t.fields, text: value } }));
      break;
    }
    case 1: {
      const found = reply();
      if (!found) break;
      const [t, k, r] = found;
      const value = text();
      const field = i.c % 2 ? 'text' : 'name';
      write(field, t.replies[r]!.id);
      apply({ op: 'set', path: ['archive', k, 'replies', r, field], value }, () => {
        const replies = [...t.replies];
        replies[r] = { id: replies[r]!.id, value: { ...(replies[r]!.value as object), [field]: value } };
        m.archive[k] = { ...t, replies };
      });
      break;
    }
    case 2: {
      if (!threads.length) break;
      const [t, k] = pick(threads, i.a);
      const r = i.b % (t.replies.length + 1);
      const value = { name: side === 'ours' ? 'Tino' : 'Alexey Grigorev', text: text() };
      write('', t.id);
      write('new', 0);
      apply({ op: 'insert', path: ['archive', k, 'replies'], index: r, value }, () => t.replies.splice(r, 0, { id: -1 - r, value }));
      break;
    }
    case 3: {
      const found = reply();
      if (!found) break;
      const [t, k, r] = found;
      apply({ op: 'remove', path: ['archive', k, 'replies', r] }, () => t.replies.splice(r, 1));
      break;
    }
    case 4: {
      // A reply moved within its thread or to another thread of the same side.
      const found = reply();
      if (!found) break;
      const [t, k, r] = found;
      const [u, l] = pick(threads, i.c);
      const index = i.style % (u.replies.length + (u === t ? 0 : 1));
      write('', u.id);
      write('move', t.replies[r]!.id);
      if (u !== t && u.replies.length === 0) write('empty', u.id);
      apply({ op: 'move', from: ['archive', k, 'replies', r], to: ['archive', l, 'replies'], index }, () => {
        const [item] = t.replies.splice(r, 1);
        u.replies.splice(index, 0, item!);
      });
      break;
    }
    case 5: {
      // A new thread right after one of ours (or first).
      const at = threads.length && i.b % 4 ? pick(threads, i.a)[1] + 1 : 0;
      const fields = { name: side === 'ours' ? 'Tino' : 'Zoë', text: text() };
      write('new', 0);
      apply({ op: 'insert', path: ['archive'], index: at, value: { ...fields, replies: [] } }, () => m.archive.splice(at, 0, { id: -1, fields, replies: [], listed: true }));
      break;
    }
    case 6: {
      if (!threads.length) break;
      const [, k] = pick(threads, i.a);
      apply({ op: 'remove', path: ['archive', k] }, () => m.archive.splice(k, 1));
      break;
    }
    case 11: {
      // A thread demoted to a reply at the end of another thread of the same side; its replies follow it.
      if (threads.length < 2) break;
      const [x, k] = pick(threads, i.a);
      const [y, l] = pick(threads.filter(([t]) => t !== x), i.c);
      write('', y.id);
      write('move', x.id);
      if (y.replies.length === 0) write('empty', y.id);
      x.replies.forEach((r) => write('move', r.id));
      const next = applyEdits(doc, demoteThread(doc, { thread: k, target: l }));
      y.replies.push({ id: x.id, value: x.fields }, ...x.replies);
      m.archive.splice(k, 1);
      return next;
    }
    case 7: {
      // A reply promoted to a thread right after its own.
      const found = reply();
      if (!found) break;
      const [t, k, r] = found;
      write('move', t.replies[r]!.id);
      apply({ op: 'move', from: ['archive', k, 'replies', r], to: ['archive'], index: k + 1 }, () => {
        const [item] = t.replies.splice(r, 1);
        m.archive.splice(k + 1, 0, { id: item!.id, fields: item!.value as { [k: string]: Value }, replies: [], listed: false });
      });
      break;
    }
    case 8: {
      const key = side === 'ours' ? 'title' : 'description';
      const value = text();
      write(key, 0);
      apply({ op: 'set', path: [key], value }, () => (m.top[key] = value));
      break;
    }
    case 9: {
      const links = mine(m.links);
      if (i.b % 2 && links.length) {
        const [l, k] = pick(links, i.a);
        const value = { ...(l.value as object), text: text() };
        write('link', l.id);
        apply({ op: 'set', path: ['links', k], value }, () => (m.links[k] = { id: l.id, value }));
      } else if (m.links.length) {
        const at = links.length && i.c % 3 ? pick(links, i.a)[1] + 1 : 0;
        const value = { text: text(), link: `https://example.org/${fresh()}` };
        write('new', 0);
        apply({ op: 'insert', path: ['links'], index: at, value }, () => m.links.splice(at, 0, { id: -1, value }));
      }
      break;
    }
    default: {
      // The body: a line of ours replaced, removed, or a new line after it. Only lines whose
      // text is unique, so that a line diff cannot take one blank line for another.
      const counts = new Map<string, number>();
      for (const l of m.body) counts.set(l.text, (counts.get(l.text) ?? 0) + 1);
      const lines = mine(m.body).filter(([l], k) => counts.get(l.text) === 1 && k < m.body.length - 1);
      if (!lines.length) break;
      const [, k] = pick(lines, i.a);
      const line = `${side} line ${fresh()}`;
      if (i.b % 3 === 0) m.body.splice(k, 1, { id: m.body[k]!.id, text: line });
      // Not the last line: that would take the break off the line before it, which may be theirs.
      else if (i.b % 3 === 1 && k < m.body.length - 2) m.body.splice(k, 1);
      else if (i.b % 3 === 2) m.body.splice(k + 1, 0, { id: -1, text: line });
      // The body is set once at the end (see run): applyEdit's setBody keeps the tree's old
      // text, so a front matter edit after it would bring the old body back.
    }
  }
  if (!edit) return doc;
  return applyEdit(doc, edit);
}

/** Gives the new items of a model ids of their own, owned by the side. */
function claimNew(m: Model, ids: { next: number }, mineSet: Set<number>) {
  const claim = <T extends { id: number }>(x: T) => {
    if (x.id < 0) {
      x.id = ids.next++;
      mineSet.add(x.id);
    }
  };
  m.links.forEach(claim);
  m.body.forEach(claim);
  for (const t of m.archive) {
    claim(t);
    t.replies.forEach(claim);
  }
}

/**
 * The merge of two orders by id, as the spec says: theirs' order without what ours removed;
 * what ours added or moved (outside the longest common order of base and ours) goes right
 * after its predecessor in ours.
 */
function mergeOrder<T extends { id: number }>(base: T[], ours: T[], theirs: T[], oursOwns: (id: number) => boolean): T[] {
  const inBase = new Set(base.map((x) => x.id));
  const inOurs = new Map(ours.map((x) => [x.id, x]));
  const inTheirs = new Map(theirs.map((x) => [x.id, x]));
  const common = base.map((x) => x.id).filter((id) => inOurs.has(id) && inTheirs.has(id));
  const inCommon = new Set(common);
  const moved = new Set(diffArrays(common, ours.map((x) => x.id).filter((id) => inCommon.has(id))).flatMap((c) => (c.added ? c.value : [])));
  const placedByOurs = (id: number) => moved.has(id) || (!inTheirs.has(id) && !inBase.has(id));
  // Each item as its owner has it, whoever placed it.
  const owned = (x: T) => (oursOwns(x.id) || !inTheirs.has(x.id) ? inOurs.get(x.id) ?? x : inTheirs.get(x.id)!);
  const kept = theirs.filter((x) => !(inBase.has(x.id) && oursOwns(x.id) && !inOurs.has(x.id)) && !moved.has(x.id)).map(owned);
  const after = new Map<number | null, T[]>();
  const placed = new Set(kept.map((x) => x.id));
  let anchor: number | null = null;
  for (const x of ours) {
    if (placedByOurs(x.id)) {
      (after.get(anchor) ?? after.set(anchor, []).get(anchor)!).push(owned(x));
      placed.add(x.id);
    }
    if (placed.has(x.id)) anchor = x.id;
  }
  const out: T[] = [];
  const emit = (id: number | null, x?: T) => {
    if (x) out.push(x);
    for (const y of after.get(id) ?? []) emit(y.id, y);
  };
  emit(null);
  for (const x of kept) emit(x.id, x);
  return out;
}

const intent = fc.record({ kind: fc.nat(40), a: fc.nat(60), b: fc.nat(60), c: fc.nat(60), style: fc.nat(60) });

// A new value takes its quoting from its neighbours, so the order of edits may quote a
// one-line value differently: lines are compared without the quotes of a simple scalar.
function unquoted(line: string): string {
  const m = /^(\s*(?:- )?(?:[\w-]+: )?)('.*'|".*")$/.exec(line.replace(/\r$/, ''));
  if (!m) return line.replace(/\r$/, '');
  try {
    const v = jsyaml.load(m[2]!, { schema: jsyaml.CORE_SCHEMA });
    return typeof v === 'string' && !v.includes('\n') ? m[1]! + v : m[0];
  } catch {
    return m[0];
  }
}
/** How many times each line is more in `b` than in `a` (negative: fewer): a diff blind to moves. */
function lineDelta(a: string, b: string): Map<string, number> {
  const delta = new Map<string, number>();
  for (const [text, sign] of [[a, -1], [b, 1]] as const) for (const line of text.split('\n')) delta.set(unquoted(line), (delta.get(unquoted(line)) ?? 0) + sign);
  for (const [line, n] of delta) if (n === 0) delta.delete(line);
  return delta;
}

const RUNS = Number(process.env.MERGE_RUNS ?? 40);

describe.skipIf(!hasCorpus || books.length === 0)(`merge of random edits on the corpus (${hasCorpus ? `${books.length} books` : corpusSkipReason})`, () => {
  it('edits of different nodes on both sides merge to both, with both diffs kept', () => {
    const counts = { runs: 0, removed: 0, all: 0 };
    fc.assert(
      fc.property(fc.nat(books.length - 1), fc.array(intent, { minLength: 1, maxLength: 5 }), fc.array(intent, { minLength: 1, maxLength: 5 }), (n, oursIntents, theirsIntents) => {
        const [, text] = books[n]!;
        const base = openBook(text);
        const ids = { next: 0 };
        const baseModel = modelOf(base, ids);
        const oursIds = new Set<number>();
        const theirsIds = new Set<number>();
        // Base items by the parity of their index in their own list.
        const own = (list: { id: number }[]) => list.forEach((x, k) => (k % 2 === 0 ? oursIds : theirsIds).add(x.id));
        own(baseModel.links);
        own(baseModel.archive);
        own(baseModel.body);
        let counter = 0;
        const fresh = () => `n${++counter}`;
        const baseCount = ids.next;
        const run = (side: Side, intents: Intent[], mineSet: Set<number>) => {
          let doc = base;
          const m = copy(baseModel);
          // What makes the lines a side wrote depend on the order of its writes, not only on what
          // it changed. Restyled: a new node (its style comes from its neighbours as they are when
          // it is written), a node written twice or written into after it was made (the core keeps
          // the style of the first write; the merge writes once), an item with two fields
          // rewritten (the merge takes it for a new item). Rewritten: a node written and
          // then moved, or moved into an empty list (the core writes it afresh there): its old
          // lines do not come back as they were.
          const written = new Set<string>();
          const order = { restyled: false, rewritten: false };
          const write = (node: string, id: number) => {
            if (node === 'empty' || (node === 'move' && written.has(`:${id}`))) order.rewritten = true;
            if (node === 'move' || node === 'empty') return;
            if (node === 'new' || id >= baseCount || (node && written.has(`:${id}`))) order.restyled = true;
            written.add(`${node}:${id}`).add(`:${id}`);
          };
          for (const i of intents) {
            doc = step(side, doc, m, (id) => mineSet.has(id) || id < 0, i, fresh, write);
            claimNew(m, ids, mineSet);
          }
          const body = m.body.map((l) => l.text).join('\n');
          if (body !== doc.body) doc = applyEdit(doc, { op: 'setBody', value: body });
          return { doc, m, order };
        };
        const ours = run('ours', oursIntents, oursIds);
        const theirs = run('theirs', theirsIntents, theirsIds);
        const hadLinks = 'links' in (base.data as object);
        const hadArchive = 'archive' in (base.data as object);
        expect(ours.doc.data).toEqual(valueOf(ours.m, hadLinks, hadArchive));
        expect(theirs.doc.data).toEqual(valueOf(theirs.m, hadLinks, hadArchive));

        counts.runs++;
        const result = mergeBook(base.text, ours.doc.text, theirs.doc.text);
        expect(result.conflicts).toEqual([]);

        const oursOwns = (id: number) => oursIds.has(id);
        const expected: Model = {
          top: { ...theirs.m.top, title: ours.m.top.title! },
          links: mergeOrder(baseModel.links, ours.m.links, theirs.m.links, oursOwns),
          archive: mergeOrder(baseModel.archive, ours.m.archive, theirs.m.archive, oursOwns),
          body: mergeOrder(baseModel.body, ours.m.body, theirs.m.body, oursOwns),
        };
        if (!('title' in ours.m.top)) delete expected.top.title;
        const merged = openBook(result.text);
        expect(merged.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        const fm = result.text.slice(merged.split!.start, merged.split!.end);
        expect(jsyaml.load(fm, { schema: jsyaml.CORE_SCHEMA })).toEqual(valueOf(expected, hadLinks, hadArchive));
        expect(merged.body).toBe(expected.body.map((l) => l.text).join('\n'));

        // Both diffs kept: against the disk, the merged text lacks exactly the lines ours removed
        // (every other byte of the disk's text stays) and has exactly the lines ours added, as
        // far as those do not depend on the order of ours' writes.
        const mine = lineDelta(base.text, ours.doc.text);
        const onDisk = lineDelta(theirs.doc.text, result.text);
        const removed = (d: Map<string, number>) => [...d].filter(([, n]) => n < 0).sort();
        if (!ours.order.rewritten) expect(removed(onDisk)).toEqual(removed(mine));
        if (!ours.order.rewritten && !ours.order.restyled) expect(onDisk).toEqual(mine);
        counts.removed += ours.order.rewritten ? 0 : 1;
        counts.all += ours.order.rewritten || ours.order.restyled ? 0 : 1;
      }),
      { numRuns: RUNS },
    );
    console.log(`[merge property] ${counts.runs} runs: removed lines compared in ${counts.removed}, all changed lines in ${counts.all}`);
  }, 30_000 + RUNS * 200);

  it('one node changed differently on both sides is one conflict: the disk\'s version stays, ours where kept', () => {
    const leaf = fc.record({ book: fc.nat(books.length - 1), kind: fc.nat(5), a: fc.nat(60), b: fc.nat(60), ours: fc.constantFrom(...TEXTS), theirs: fc.constantFrom(...TEXTS) });
    fc.assert(
      fc.property(leaf, (l) => {
        fc.pre(l.ours !== l.theirs);
        const base = openBook(books[l.book]![1]);
        const data = base.data as { archive: { replies: unknown[] }[]; links?: unknown[] };
        const withReplies = data.archive.map((t, k) => [t, k] as const).filter(([t]) => t.replies.length > 0);
        let path: (string | number)[];
        if (l.kind === 0 || !data.archive.length) path = ['title'];
        else if (l.kind === 1 && data.links?.length) path = ['links', l.a % data.links.length, 'text'];
        else if (l.kind >= 4 && withReplies.length) {
          const [t, k] = withReplies[l.a % withReplies.length]!;
          path = ['archive', k, 'replies', l.b % t.replies.length, l.kind === 4 ? 'text' : 'name'];
        } else path = ['archive', l.a % data.archive.length, l.kind === 2 ? 'name' : 'text'];
        const was = path.reduce<unknown>((v, seg) => (v as Record<string | number, unknown> | undefined)?.[seg], data);
        fc.pre(was !== l.ours && was !== l.theirs);
        // The disk also changes another node, which stays whatever is kept.
        const ours = applyEdit(base, { op: 'set', path, value: l.ours });
        const theirs = applyEdits(base, [{ op: 'set', path, value: l.theirs }, { op: 'set', path: ['description'], value: 'On disk' }]);
        const r = mergeBook(base.text, ours.text, theirs.text);
        expect(r.text).toBe(theirs.text);
        expect(r.conflicts.map((c) => [c.kind, c.path, c.ours, c.theirs])).toEqual([['changed', path, l.ours, l.theirs]]);
        const kept = openBook(mergeBook(base.text, ours.text, theirs.text, { preferOurs: [r.conflicts[0]!.key] }).text);
        expect(kept.data).toEqual(applyEdit(theirs, { op: 'set', path, value: l.ours }).data);
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  }, 30_000 + RUNS * 200);
});
