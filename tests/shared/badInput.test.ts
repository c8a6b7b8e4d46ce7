// Bad input never throws: it reads into a diagnostic with a position, and the text is kept.
import { describe, expect, it } from 'vitest';
import { applyEdit, openBook, validate, EditError } from '../../shared/index';

function problem(text: string) {
  let doc!: ReturnType<typeof openBook>;
  expect(() => (doc = openBook(text))).not.toThrow();
  expect(doc.text).toBe(text);
  const all = validate(doc);
  expect(all.length).toBeGreaterThan(0);
  return { doc, first: all[0]! };
}

describe('bad input', () => {
  it('no front matter', () => {
    const { doc, first } = problem('# Just markdown\n');
    expect(doc.data).toBeNull();
    expect(first).toMatchObject({ severity: 'error', code: 'front-matter', range: { startLine: 1, startColumn: 1 } });
    expect(first.message).toMatch(/first line must be ---/);
  });

  it('unterminated front matter', () => {
    const { doc, first } = problem('---\ntitle: x\nbody without end\n');
    expect(doc.data).toBeNull();
    expect(first.message).toMatch(/never closed/);
    expect(first.range.startLine).toBe(1);
  });

  it('invalid YAML, at its line and column', () => {
    const { doc, first } = problem('---\ntitle: "A\nstart: [1, 2\n---\n');
    expect(doc.data).toBeNull();
    expect(doc.tree).toBeNull();
    expect(first.code).toBe('yaml');
    expect(first.range.startLine).toBeGreaterThanOrEqual(2);
  });

  it('a list instead of a mapping', () => {
    const { doc, first } = problem('---\n- title\n- start\n---\n');
    expect(doc.data).toEqual(['title', 'start']);
    expect(first.code).toBe('not-mapping');
  });

  it('a scalar front matter', () => {
    const { first } = problem('---\njust words\n---\n');
    expect(first.code).toBe('not-mapping');
  });

  it('tabs as indentation', () => {
    const { first } = problem('---\narchive:\n\t- name: x\n---\n');
    expect(first).toMatchObject({ severity: 'error', code: 'yaml', range: { startLine: 3, startColumn: 1 } });
    expect(first.message).toMatch(/[Tt]ab/);
  });

  it('duplicate keys', () => {
    const { doc, first } = problem('---\ntitle: a\ntitle: b\n---\n');
    expect(doc.data).toBeNull();
    expect(first).toMatchObject({ code: 'yaml', range: { startLine: 3 } });
    expect(first.message).toMatch(/unique/);
  });

  it('anchors and aliases are refused clearly rather than misread', () => {
    const { first } = problem('---\na: &x 1\nb: *x\n---\n');
    expect(first.code).toBe('yaml-unsupported');
    expect(first.range.startLine).toBe(2);
  });

  it('binary bytes', () => {
    const { doc, first } = problem('---\ntitle: a\0b\n---\n');
    expect(doc.data).toBeNull();
    expect(first).toMatchObject({ code: 'binary', range: { startLine: 2, startColumn: 9 } });
  });

  it('text that was not UTF-8 gets a warning', () => {
    const doc = openBook('---\ntitle: caf\uFFFD\n---\n');
    expect(doc.data).toEqual({ title: 'caf\uFFFD' });
    expect(validate(doc).map((d) => d.code)).toContain('encoding');
  });

  it('a 5 MB file opens and edits', () => {
    const thread = '- name: Someone\n  text: ' + 'word '.repeat(40).trim() + '\n  replies:\n  - name: Other\n    text: reply text\n';
    let fm = 'title: Big\narchive:\n';
    while (fm.length < 5 * 1024 * 1024) fm += thread;
    const text = `---\n${fm}---\nBody\n`;
    const doc = openBook(text);
    expect(doc.diagnostics).toEqual([]);
    const next = applyEdit(doc, { op: 'set', path: ['archive', 19000, 'replies', 0, 'text'], value: 'changed' });
    expect(next.text.length).toBe(text.length - 'reply text'.length + 'changed'.length);
  });

  it('CRLF and a BOM are read, positions count them', () => {
    const doc = openBook('\uFEFF---\r\ntitle: 5\r\n---\r\n');
    const [d] = validate(doc).filter((x) => x.code === 'type');
    expect(d!.range).toMatchObject({ startLine: 2, startColumn: 8 });
  });

  it('edits on an unreadable book fail with a message that says why', () => {
    const doc = openBook('---\ntitle: [\n---\n');
    expect(() => applyEdit(doc, { op: 'set', path: ['title'], value: 'x' })).toThrow(EditError);
    expect(() => applyEdit(doc, { op: 'set', path: ['title'], value: 'x' })).toThrow(/cannot be edited: .* \(line \d+, column \d+\)/);
    expect(applyEdit(doc, { op: 'setBody', value: 'b' }).text).toBe('---\ntitle: [\n---\nb');
  });

  it('strings that are not strings do not crash openBook', () => {
    expect(openBook(undefined as unknown as string).diagnostics[0]!.code).toBe('front-matter');
  });
});
