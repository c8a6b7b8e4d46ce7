// The preview renderer: what it shows (layout, dates, authors, links, threads, entities)
// on made-up books and on every real book of the corpus.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bookOf, openBook } from '../../shared/index';
import type { Book, Thread } from '../../shared/index';
import {
  PREVIEW_CSP, createPreviewRenderer, dateRange, dateToString, escapeText, previewCss, renderAuthors,
  renderChatText, renderMarkdown, renderPreview, renderThread, safeUrl,
} from '../../shared/preview/index';
import type { PreviewPerson } from '../../shared/preview/index';
import { CORPUS, corpusBooks, corpusSkipReason, hasCorpus } from '../corpus';

const book = (over: Partial<Book> = {}): Book => ({
  title: 'A Book', description: '', cover: '', image: '', start: '2021-07-05 00:00:00', end: '2021-07-09 22:59:58',
  authors: [], links: [], archive: [], ...over,
});
const people: PreviewPerson[] = [
  { id: 'alice', name: 'Alice Liddell', picture: null },
  { id: 'carol', name: 'Carol & Co', picture: 'images/authors/carol.jpg' },
];
const count = (s: string, re: RegExp) => s.match(new RegExp(re.source, 'g'))?.length ?? 0;
const bad = /<script|<iframe|<object|<embed|<svg|<math|<form|<base|<link|<[a-z](?:[^<>"]|"[^"]*")*\son[a-z]+\s*=|\son[a-z]+=|javascript:|vbscript:/i;

describe('dates (Jekyll date_to_string)', () => {
  it.each([
    ['2021-07-05 00:00:00', '05 Jul 2021'],
    ['2021-07-09 22:59:58', '09 Jul 2021'],
    ['2020-12-31 23:59:59', '31 Dec 2020'],
    ['2024-02-29 00:00:00', '29 Feb 2024'],
    ['2021-01-01', '01 Jan 2021'],
    [' 2021-03-15 10:00:00 ', '15 Mar 2021'],
  ])('%s → %s', (input, out) => expect(dateToString(input)).toBe(out));

  it.each(['', 'soon', '2021-7-5', '2021-13-01 00:00:00', '2021-02-29 00:00:00', '2021-04-31', '2021-00-10', '2021-07-05x'])(
    '%j is not a date', (input) => expect(dateToString(input)).toBeNull(),
  );

  it('shows what is there when a date is missing or invalid, and nothing when both are missing', () => {
    expect(dateRange('2021-07-05 00:00:00', '2021-07-09 22:59:58')).toEqual(['05 Jul 2021', '09 Jul 2021']);
    expect(dateRange('2021-07-05 00:00:00', '')).toEqual(['05 Jul 2021', '?']);
    expect(dateRange('next monday', '2021-07-09')).toEqual(['next monday', '09 Jul 2021']);
    expect(dateRange('', '  ')).toBeNull();
    expect(renderPreview({ book: book({ start: '', end: '' }), body: '', people })).not.toContain('The book of the week');
    expect(renderPreview({ book: book({ end: '<b>later</b>' }), body: '', people })).toContain(
      'The book of the week from 05 Jul 2021 to &lt;b&gt;later&lt;/b&gt;</h5>',
    );
  });
});

describe('page layout', () => {
  const html = renderPreview({
    book: book({
      title: 'Tips &amp; Tricks',
      authors: ['alice', 'Bob Smith', 'carol'],
      links: [{ text: "Book's page", link: 'https://example.com/book?a=1&b=2' }, { text: 'Amazon', link: 'https://amazon.com/dp/1' }],
      archive: [{ name: 'Tino', text: 'Hello', replies: [{ name: 'Alice', text: 'Hi' }] }],
    }),
    body: 'The *body*.',
    people,
    coverUrl: 'data:image/jpeg;base64,AAAA',
  });

  it('is a complete document with the strict CSP and the inline style', () => {
    expect(html.startsWith('<!doctype html><html lang="en">')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${PREVIEW_CSP}">`);
    expect(PREVIEW_CSP).toBe("default-src 'none'; img-src data: blob:; style-src 'unsafe-inline'");
    expect(html).toContain(`<style>${previewCss}</style>`);
    expect(html.endsWith('</main></body></html>')).toBe(true);
  });

  it('shows title, authors, dates, cover, body, links and the Q&A in the site\'s order', () => {
    const order = [
      '<h2>Tips &amp; Tricks</h2>',
      '<h4>by <a href="/people/alice.html"',
      '<h5>The book of the week from 05 Jul 2021 to 09 Jul 2021</h5>',
      '<img class="cover" src="data:image/jpeg;base64,AAAA" alt="Cover" />',
      '<p>The <em>body</em>.</p>',
      '<ul class="book-links"><li><a href="https://example.com/book?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">Book\'s page</a></li>',
      '<h2>Questions and Answers</h2>',
      '<div class="book-archive-thread" data-thread="0"><b class="name">Tino</b> <p>Hello</p>\n',
      '<div class="book-archive-reply" data-thread="0" data-reply="0"><b class="name">Alice</b> <p>Hi</p>\n</div></div>',
    ].map((s) => html.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('leaves out the authors line, cover, links and Q&A when there are none', () => {
    const bare = renderPreview({ book: book(), body: '', people: [] });
    expect(bare.slice(bare.indexOf('<body>'))).not.toMatch(/<h4>|class="cover"|book-links|Questions and Answers/);
  });

  it('follows the system theme unless one is forced', () => {
    expect(previewCss).toContain('@media (prefers-color-scheme: dark)');
    expect(renderPreview({ book: book(), body: '', people, theme: 'dark' })).toContain('<html lang="en" data-theme="dark">');
    expect(renderPreview({ book: book(), body: '', people, theme: 'light' })).toContain('<html lang="en" data-theme="light">');
  });

  it('shows only data: and blob: covers', () => {
    const cover = (coverUrl: string | null | undefined) => renderPreview({ book: book(), body: '', people, coverUrl }).includes('class="cover"');
    expect(cover('data:image/png;base64,AAAA')).toBe(true);
    expect(cover('blob:http://localhost/1234')).toBe(true);
    expect(cover('https://example.com/cover.jpg')).toBe(false);
    expect(cover('images/books/x/cover.jpg')).toBe(false);
    expect(cover('javascript:alert(1)')).toBe(false);
    expect(cover('data:text/html,<script>alert(1)</script>')).toBe(false);
    expect(cover(null)).toBe(false);
    expect(cover(undefined)).toBe(false);
  });
});

describe('authors', () => {
  it('links people by id to their page with their display name, and writes other names plainly, joined as the site joins them', () => {
    expect(renderAuthors(['alice', 'Bob Smith', 'carol'], people)).toBe(
      '<a href="/people/alice.html" target="_blank" rel="noopener noreferrer">Alice Liddell</a>, Bob Smith, ' +
        '<a href="/people/carol.html" target="_blank" rel="noopener noreferrer">Carol &amp; Co</a>',
    );
    expect(renderAuthors(['Bob Smith'], people)).toBe('Bob Smith');
    expect(renderAuthors([], people)).toBe('');
  });

  it('escapes names that look like HTML and falls back to the id for a person without a name', () => {
    expect(renderAuthors(['<img src=x onerror=alert(1)>'], people)).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(renderAuthors(['dave'], [{ id: 'dave', name: '', picture: null }])).toContain('>dave</a>');
  });
});

describe('links', () => {
  const links = (l: Book['links']) => renderPreview({ book: book({ links: l }), body: '', people }).match(/<ul class="book-links">(.*?)<\/ul>/)?.[1];

  it('links http(s), mailto and relative URLs, and shows any other as text', () => {
    expect(links([
      { text: 'Web', link: 'https://a.example/' },
      { text: 'Mail', link: 'mailto:a@b.example' },
      { text: 'Local', link: '/books.html' },
      { text: 'Evil', link: 'javascript:alert(1)' },
      { text: 'Evil 2', link: ' JaVaScRiPt:alert(1)' },
      { text: 'Evil 3', link: 'java\nscript:alert(1)' },
      { text: 'Data', link: 'data:text/html,hi' },
    ])).toBe(
      '<li><a href="https://a.example/" target="_blank" rel="noopener noreferrer">Web</a></li>' +
        '<li><a href="mailto:a@b.example" target="_blank" rel="noopener noreferrer">Mail</a></li>' +
        '<li><a href="/books.html" target="_blank" rel="noopener noreferrer">Local</a></li>' +
        '<li>Evil</li><li>Evil 2</li><li>Evil 3</li><li>Data</li>',
    );
  });

  it('escapes the URL in the attribute, so an entity cannot smuggle a scheme in', () => {
    expect(links([{ text: 'x', link: 'jav&#x61;script:alert(1)' }])).toBe(
      '<li><a href="jav&amp;#x61;script:alert(1)" target="_blank" rel="noopener noreferrer">x</a></li>',
    );
    // A "URL" with quotes, brackets or spaces is no URL: shown as text.
    expect(links([{ text: 'x', link: 'https://a.example/"><script>' }])).toBe('<li>x</li>');
    expect(links([{ text: 'x', link: 'https://a.example/a b' }])).toBe('<li>x</li>');
  });

  it('shows the URL when the text is empty, and an item without a link as text (the corpus has `list:` for `link:`)', () => {
    expect(links([{ text: '', link: 'https://a.example/' }])).toContain('>https://a.example/</a>');
    expect(links([{ text: 'Amazon', link: '' }])).toBe('<li>Amazon</li>');
  });
});

describe('threads', () => {
  const thread: Thread = {
    name: 'Agrita &amp; co',
    text: 'line one\nline two\n\n&gt; not a quote, tips&amp;tricks',
    replies: [{ name: 'Emmanuel', text: 'yes\r\nno' }, { name: '', text: '' }],
  };
  const html = renderThread(thread, 7);

  it('marks the thread and each reply with their indexes', () => {
    expect(html.startsWith('<div class="book-archive-thread" data-thread="7"><b class="name">Agrita &amp; co</b> ')).toBe(true);
    expect(html).toContain('<div class="book-archive-reply" data-thread="7" data-reply="0"><b class="name">Emmanuel</b> <p>yes<br />\nno</p>\n</div>');
    expect(html).toContain('<div class="book-archive-reply" data-thread="7" data-reply="1"><b class="name"></b> </div>');
    expect(html.endsWith('</div></div>')).toBe(true);
  });

  it('turns newlines into <br /> before markdown, as newline_to_br | markdownify does', () => {
    expect(renderChatText('line one\nline two\n\nthree')).toBe('<p>line one<br />\nline two<br />\n<br />\nthree</p>\n');
    expect(renderChatText('*a*\n- item')).toBe('<p><em>a</em><br /></p>\n<ul>\n<li>item</li>\n</ul>\n');
  });

  it('shows entities from a chat export once: &amp; as &, &gt; as >, never double-escaped', () => {
    expect(html).toContain('&gt; not a quote, tips&amp;tricks');
    expect(html).not.toContain('&amp;amp;');
    expect(html).not.toContain('&amp;gt;');
    expect(renderChatText('&lt;b&gt;not bold&lt;/b&gt;')).toBe('<p>&lt;b&gt;not bold&lt;/b&gt;</p>\n');
    // In code too, where markdown would show the entity itself: the export meant the character.
    expect(renderChatText('`gym &lt;term&gt; a &amp;&amp; b &amp;lt;`')).toBe('<p><code>gym &lt;term&gt; a &amp;&amp; b &amp;lt;</code></p>\n');
    expect(renderMarkdown('`&lt;`')).toBe('<p><code>&amp;lt;</code></p>\n');
  });

  it('keeps each thread closed even when a text leaves tags open', () => {
    const t = renderThread({ name: 'x', text: '<pre><b>open', replies: [{ name: 'y', text: '<h1>open\n<table><tr><td>cell' }] }, 0);
    expect(t).toBe(
      '<div class="book-archive-thread" data-thread="0"><b class="name">x</b> <pre><b>open</b></pre>' +
        '<div class="book-archive-reply" data-thread="0" data-reply="0"><b class="name">y</b> <h1>open<br />\n<table><tr><td>cell</td></tr></table></h1></div></div>',
    );
  });
});

describe('markdown body', () => {
  it('renders markdown with tables, code and images limited to safe sources', () => {
    expect(renderMarkdown('# T\n\n| a | b |\n|--:|---|\n| 1 | 2 |')).toContain('<th>a</th>');
    expect(renderMarkdown('| a |\n|--:|\n| 1 |')).not.toContain('style=');
    expect(renderMarkdown('```js\nx < y\n```')).toBe('<pre><code>x &lt; y\n</code></pre>\n');
    expect(renderMarkdown('![c](data:image/png;base64,AA)')).toBe('<p><img src="data:image/png;base64,AA" alt="c" /></p>\n');
    expect(renderMarkdown('![c](https://a.example/c.png "t")')).toBe('<p><img src="https://a.example/c.png" alt="c" title="t" /></p>\n');
    expect(renderMarkdown('3. three\n4. four')).toContain('<ol start="3">');
  });

  it('does not link bare URLs (kramdown does not), but links autolinks', () => {
    expect(renderMarkdown('see https://a.example')).toBe('<p>see https://a.example</p>\n');
    expect(renderMarkdown('<https://a.example>')).toContain('<a href="https://a.example" target="_blank" rel="noopener noreferrer">');
  });
});

describe('url and escaping helpers', () => {
  it('accepts web, mail and relative URLs and images as data/blob only where asked', () => {
    expect(safeUrl('https://a.example', 'link')).toBe('https://a.example');
    expect(safeUrl('  /people/x.html ', 'link')).toBe('/people/x.html');
    expect(safeUrl('#top', 'link')).toBe('#top');
    expect(safeUrl('data:image/png;base64,AA', 'link')).toBeNull();
    expect(safeUrl('data:image/png;base64,AA', 'image')).toBe('data:image/png;base64,AA');
    expect(safeUrl('data:image/svg+xml,<svg/>', 'image')).toBeNull();
    expect(safeUrl('blob:x', 'link')).toBeNull();
    for (const u of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'vbscript:x', 'file:///etc/passwd', '\u0001javascript:x', 'java\tscript:x', '\u00a0javascript:x']) {
      expect(safeUrl(u, 'link')).toBeNull();
      expect(safeUrl(u, 'image')).toBeNull();
    }
  });

  it('escapeText keeps references and is idempotent', () => {
    expect(escapeText('a & b &amp; c &#39; &#x1F642; &nosuch <b> "q"')).toBe('a &amp; b &amp; c &#39; &#x1F642; &amp;nosuch &lt;b&gt; &quot;q&quot;');
    const s = 'x &amp; <y> & "z" &#;';
    expect(escapeText(escapeText(s))).toBe(escapeText(s));
  });
});

describe('the memoizing renderer', () => {
  it('gives the same page as renderPreview across a sequence of edits', () => {
    const render = createPreviewRenderer();
    let b = book({ archive: [{ name: 'a', text: 'one *x*', replies: [{ name: 'b', text: 'two' }] }, { name: 'c', text: 'three', replies: [] }] });
    for (let i = 0; i < 5; i++) {
      const input = { book: b, body: `body ${i % 2}`, people };
      expect(render(input)).toBe(renderPreview(input));
      b = { ...b, archive: [{ name: 'n', text: `new ${i}`, replies: [] }, ...b.archive.slice(i % 2)] };
    }
  });
});

describe('any book', () => {
  it('renders without throwing, one element per thread and reply', () => {
    const text = fc.string({ maxLength: 40 });
    const reply = fc.record({ name: text, text });
    const arbitraryBook = fc.record({
      title: text, description: text, cover: text, image: text, start: text, end: text,
      authors: fc.array(text, { maxLength: 3 }),
      links: fc.array(fc.record({ text, link: text }), { maxLength: 3 }),
      archive: fc.array(fc.record({ name: text, text, replies: fc.array(reply, { maxLength: 3 }) }), { maxLength: 4 }),
    });
    fc.assert(fc.property(arbitraryBook, text, fc.option(text), (b, body, coverUrl) => {
      const html = renderPreview({ book: b, body, people, coverUrl });
      expect(count(html, /<div class="book-archive-thread" data-thread="/)).toBe(b.archive.length);
      expect(count(html, /<div class="book-archive-reply" data-thread="/)).toBe(b.archive.reduce((n, t) => n + t.replies.length, 0));
    }), { numRuns: 300 });
  });
});

describe('speed', () => {
  it('renders 2,000 threads, and hostile tag soup, in linear time', () => {
    const archive = Array.from({ length: 2000 }, (_, i): Thread => ({
      name: `Person ${i}`, text: `Question ${i} with *markdown*, a [link](https://a.example/${i})\nand &amp; entities.`,
      replies: [{ name: 'Author', text: 'An answer\n\nin two parts.' }],
    }));
    let t = performance.now();
    const html = renderPreview({ book: book({ archive }), body: '', people });
    expect(performance.now() - t).toBeLessThan(5000);
    expect(count(html, /data-reply="/)).toBe(2000);
    t = performance.now();
    renderMarkdown('<!--'.repeat(20_000) + '<b>'.repeat(20_000) + '</i>'.repeat(20_000) + '<a'.repeat(20_000));
    renderChatText('<pre>\n'.repeat(5_000) + '<x y="'.repeat(10_000));
    expect(performance.now() - t).toBeLessThan(5000);
  });
});

// --- The real books ------------------------------------------------------------------

const books = corpusBooks();

function corpusPeople(): PreviewPerson[] {
  if (!hasCorpus) return [];
  const dir = path.join(CORPUS, '_people');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.md')).flatMap((f) => {
    const data = openBook(fs.readFileSync(path.join(dir, f), 'utf8')).data as Record<string, unknown> | null;
    if (!data || typeof data !== 'object' || typeof data.short !== 'string' || typeof data.title !== 'string') return [];
    return [{ id: data.short, name: data.title, picture: typeof data.picture === 'string' ? data.picture : null }];
  });
}

describe.skipIf(!hasCorpus)(`preview of the real books (${hasCorpus ? `${books.length} files` : corpusSkipReason})`, () => {
  const everyone = corpusPeople();
  const byId = new Map(everyone.map((p) => [p.id, p]));
  const read = (name: string) => {
    const text = books.find(([f]) => f === name)?.[1];
    if (text === undefined) throw new Error(`${name} is not in the corpus`);
    const doc = openBook(text);
    return { book: bookOf(doc.data)!, body: doc.body };
  };

  it('reads the people files', () => {
    expect(everyone.length).toBeGreaterThan(400);
    expect(byId.get('emmanuelraj')?.name).toBe('Emmanuel Raj');
  });

  it('formats the dates of 20210705-engineering-mlops from its start and end', () => {
    const { book: b, body } = read('20210705-engineering-mlops.md');
    expect(b.start).toBe('2021-07-05 00:00:00');
    expect(b.end).toBe('2021-07-09 22:59:58');
    expect(renderPreview({ book: b, body, people: everyone })).toContain('<h5>The book of the week from 05 Jul 2021 to 09 Jul 2021</h5>');
  });

  it('links authors with a people page and writes the others plainly (20211101-ai-powered-search)', () => {
    const { book: b, body } = read('20211101-ai-powered-search.md');
    expect(b.authors).toEqual(['Trey Grainger', 'dougturnbull', 'Max Irwin']);
    expect(renderPreview({ book: b, body, people: everyone })).toContain(
      '<h4>by Trey Grainger, <a href="/people/dougturnbull.html" target="_blank" rel="noopener noreferrer">Doug Turnbull</a>, Max Irwin</h4>',
    );
  });

  it('shows the tips&amp;tricks of 20210705-engineering-mlops once escaped', () => {
    const { book: b, body } = read('20210705-engineering-mlops.md');
    const html = renderPreview({ book: b, body, people: everyone });
    expect(b.archive.some((t) => t.replies.some((r) => r.text.includes('tips&amp;tricks')))).toBe(true);
    expect(html).toContain('tips&amp;tricks');
    expect(html).not.toContain('&amp;amp;');
  });

  it.each(books)('%s renders with its structure and nothing unsafe', (_name, text) => {
    const doc = openBook(text);
    const b = bookOf(doc.data)!;
    const html = renderPreview({ book: b, body: doc.body, people: everyone, coverUrl: 'data:image/jpeg;base64,AAAA' });
    expect(html).not.toMatch(bad);
    // Dates, authors and links.
    const [from, to] = [dateToString(b.start), dateToString(b.end)];
    expect(from && to && html.includes(`The book of the week from ${from} to ${to}</h5>`)).toBeTruthy();
    const authorLine = html.match(/<h4>by (.*?)<\/h4>/)?.[1] ?? '';
    for (const a of b.authors) {
      const p = byId.get(a);
      expect(authorLine).toContain(p ? `<a href="/people/${a}.html" target="_blank" rel="noopener noreferrer">${escapeText(p.name)}</a>` : escapeText(a));
    }
    expect(count(authorLine, /<a /)).toBe(b.authors.filter((a) => byId.has(a)).length);
    const linkList = html.match(/<ul class="book-links">(.*?)<\/ul>/)?.[1] ?? '';
    expect(count(linkList, /<li>/)).toBe(b.links.length);
    for (const l of b.links) if (/^https?:/.test(l.link)) expect(linkList).toContain(`href="${l.link.replace(/&/g, '&amp;')}"`);
    // Threads and replies: one element each, indexed in order.
    const threads = [...html.matchAll(/<div class="book-archive-thread" data-thread="(\d+)">/g)].map((m) => Number(m[1]));
    expect(threads).toEqual(b.archive.map((_t, i) => i));
    const replies = [...html.matchAll(/<div class="book-archive-reply" data-thread="(\d+)" data-reply="(\d+)">/g)].map((m) => `${m[1]}.${m[2]}`);
    expect(replies).toEqual(b.archive.flatMap((t, i) => t.replies.map((_r, j) => `${i}.${j}`)));
    // newline_to_br: every multi-line text keeps its line breaks as <br />.
    b.archive.forEach((t, i) => {
      if (t.text.trim().includes('\n')) expect(renderThread(t, i)).toContain('<br />');
    });
    // Entities from the chat export are written once.
    if (!text.includes('&amp;amp;')) expect(html).not.toContain('&amp;amp;');
    if (!text.includes('&amp;gt;')) expect(html).not.toContain('&amp;gt;');
    if (!text.includes('&amp;lt;')) expect(html).not.toContain('&amp;lt;');
  });
});
