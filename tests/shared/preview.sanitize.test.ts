// @vitest-environment jsdom
// The preview's sanitizer against known XSS vectors and random tag soup, judged by a real
// HTML parser (jsdom's parse5): whatever we write, the browser must build only allowlisted
// elements with allowlisted attributes and safe URLs, and the page's thread structure
// must survive whatever a text holds.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bookOf, openBook } from '../../shared/index';
import type { Book } from '../../shared/index';
import { OUTPUT_TAGS, RAW_TAGS, cleanHtml, renderChatText, renderMarkdown, renderPreview, sanitizeRawHtml } from '../../shared/preview/index';
import type { PreviewPerson } from '../../shared/preview/index';
import { CORPUS, corpusBooks, corpusSkipReason, hasCorpus } from '../corpus';

// The page's own scaffolding, then what user content may produce.
const PAGE_ATTRS: Record<string, readonly string[]> = {
  html: ['lang', 'data-theme'], meta: ['charset', 'http-equiv', 'content', 'name'], main: ['class'], header: ['class'],
  section: ['class'], div: ['class', 'data-thread', 'data-reply'], ul: ['class'], b: ['class'], img: ['class', 'src', 'alt', 'title'],
  a: ['href', 'title', 'target', 'rel'], ol: ['start'], head: [], body: [], title: [], style: [],
};
const allowedAttrs = (tag: string) => PAGE_ATTRS[tag] ?? [];

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

function urlOk(url: string, image: boolean): boolean {
  const protocol = new URL(url, 'https://site.example/books/x.html').protocol;
  if (['http:', 'https:', 'mailto:'].includes(protocol)) return true;
  return image && (protocol === 'blob:' || /^data:image\/(png|gif|jpe?g|webp|avif)[;,]/i.test(url.trim()));
}

/** Every element the browser builds from `html` is allowed, with allowed attributes and URLs. Returns the document. */
function expectSafe(html: string, page = false): Document {
  const doc = parse(page ? html : `<!doctype html><html><head></head><body>${html}</body></html>`);
  const tags = new Set<string>([...OUTPUT_TAGS, 'html', 'head', 'body', ...(page ? ['meta', 'title', 'style', 'main', 'header', 'section', 'div'] : [])]);
  for (const el of doc.querySelectorAll('*')) {
    const tag = el.localName;
    expect(el.namespaceURI, tag).toBe('http://www.w3.org/1999/xhtml');
    expect(tags.has(tag), `<${tag}> in ${html.slice(0, 300)}`).toBe(true);
    for (const attr of el.attributes) {
      expect(allowedAttrs(tag), `${tag}[${attr.name}] in ${html.slice(0, 300)}`).toContain(attr.name);
      if (attr.name === 'href') expect(urlOk(attr.value, false), attr.value).toBe(true);
      if (attr.name === 'src') expect(urlOk(attr.value, true), attr.value).toBe(true);
    }
    if (tag === 'a') expect([el.getAttribute('target'), el.getAttribute('rel')]).toEqual(['_blank', 'noopener noreferrer']);
  }
  if (page) {
    expect(doc.querySelectorAll('meta[http-equiv]').length).toBe(1);
    expect(doc.querySelectorAll('style').length).toBe(1);
    expect(doc.head.firstElementChild?.getAttribute('charset')).toBe('utf-8');
  }
  expect(html).not.toMatch(/<script|<[a-z](?:[^<>"]|"[^"]*")*\son[a-z]+\s*=|(?:href|src)="\s*(?:javascript|vbscript|data:text):/i);
  return doc;
}

const VECTORS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//x.example/x.js></SCRIPT>',
  '<ScRiPt>alert(1)</sCrIpT>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<img src=x onerror=alert(1)>',
  '<img src="x" onerror="alert(1)">',
  '<IMG SRC=javascript:alert(1)>',
  '<img src=x onerror=alert(1)//',
  '<img/src=x/onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="jav&#x61;script:alert(1)">x</a>',
  '<a href="jav&#97;script&colon;alert(1)">x</a>',
  '<a href=javascript:alert(1)>x</a>',
  '<b onclick=alert(1)>x</b>',
  '<b onmouseover="alert(1)">x</b>',
  '<p style="background:url(javascript:alert(1))">x</p>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>">',
  '<object data="javascript:alert(1)">',
  '<embed src="javascript:alert(1)">',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel="stylesheet" href="javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<style>*{background:url(javascript:alert(1))}</style>',
  '<details open ontoggle=alert(1)>',
  '<body onload=alert(1)>',
  '<!-- <script>alert(1)</script> -->',
  '<!--><img src=x onerror=alert(1)>-->',
  '<!-- unclosed <img src=x onerror=alert(1)>',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<?xml version="1.0"?><script>alert(1)</script>',
  '<b>unclosed <i>tags <pre>everywhere',
  '</div></section></main></body><script>alert(1)</script>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<textarea><img src=x onerror=alert(1)></textarea>',
  '<template><script>alert(1)</script></template>',
  '<a\nhref="javascript:alert(1)">x</a>',
  '<a href="  javascript:alert(1)">x</a>',
  '<div data-thread="0">fake thread</div>',
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x](jav&#x61;script:alert(1))',
  '[x](&#106;avascript:alert(1))',
  '[x](<javascript:alert(1)>)',
  '[x](vbscript:msgbox(1))',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[x](file:///etc/passwd)',
  '[x]\n\n[x]: javascript:alert(1)',
  '![x](javascript:alert(1))',
  '![x" onerror="alert(1)](https://a.example/x.png)',
  '![x](https://a.example/x.png "t\\" onerror=\\"alert(1)")',
  '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '<javascript:alert(1)>',
  '<JAVASCRIPT:alert(1)>',
  '<vbscript:msgbox(1)>',
  '<https://a.example/"onmouseover="alert(1)>',
  '[a](https://a.example/"onmouseover="alert(1))',
  '```html\n<script>alert(1)</script>\n```',
  '`<script>alert(1)</script>`',
  '    <script>alert(1)</script>',
  '> <script>alert(1)</script>',
  '- <img src=x onerror=alert(1)>',
  '| <script>a</script> |\n|---|\n| <img src=x onerror=alert(1)> |',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;script&#62;alert(1)&#60;/script&#62;',
  '\u0000<script>alert(1)</script>',
];

describe('known XSS vectors', () => {
  it.each(VECTORS)('%j is inert in the body, in a thread and in the page fields', (vector) => {
    expectSafe(renderMarkdown(vector));
    expectSafe(renderChatText(vector));
    expectSafe(sanitizeRawHtml(vector));
    expectSafe(cleanHtml(vector));
    const book: Book = {
      title: vector, description: vector, cover: vector, image: vector, start: vector, end: vector, authors: [vector, 'p'],
      links: [{ text: vector, link: vector }, { text: 'x', link: vector.replace(/^.*?(javascript|vbscript|data|file):/i, '$1:') }],
      archive: [{ name: vector, text: vector, replies: [{ name: vector, text: vector }] }, { name: 'next', text: 'thread', replies: [] }],
    };
    const people: PreviewPerson[] = [{ id: 'p', name: vector, picture: vector }];
    const doc = expectSafe(renderPreview({ book, body: vector, people, coverUrl: vector }), true);
    // The page's structure holds: two threads, one reply, in their places.
    expect(doc.querySelectorAll('section.book-archive > div.book-archive-thread[data-thread]').length).toBe(2);
    expect(doc.querySelectorAll('[data-thread]').length).toBe(3);
    expect(doc.querySelector('div.book-archive-thread[data-thread="0"] > div.book-archive-reply[data-reply="0"]')).not.toBeNull();
    expect(doc.querySelector('div.book-archive-thread[data-thread="1"] > b')?.textContent).toBe('next');
  });

  it('shows rejected HTML as the text that was typed', () => {
    const doc = parse(`<body>${renderChatText('<img src=x onerror=alert(1)> & <scr<script>ipt>')}`);
    expect(doc.body.textContent).toBe('<img src=x onerror=alert(1)> & <scr<script>ipt>\n');
    expect(parse(`<body>${renderMarkdown('<!-- hidden -->shown')}`).body.textContent).toBe('shown');
  });

  it('keeps allowed bare tags and drops their attributes', () => {
    expect(sanitizeRawHtml('<B>b</B><br><BR/><hr/><table><tr><td>c</td></tr></table></br>')).toBe('<b>b</b><br /><br /><hr /><table><tr><td>c</td></tr></table>');
    expect(sanitizeRawHtml('<b class="x">b</b>')).toBe('&lt;b class=&quot;x&quot;&gt;b</b>');
    expect(renderMarkdown('<b class="x">b</b> <sup>2</sup>')).toBe('<p>&lt;b class=&quot;x&quot;&gt;b <sup>2</sup></p>\n');
    for (const t of ['script', 'style', 'iframe', 'object', 'svg', 'math', 'form', 'meta', 'link', 'base', 'a', 'img', 'div', 'span']) expect(RAW_TAGS.has(t), t).toBe(false);
  });
});

describe('random tag soup', () => {
  const pieces = [
    '<', '>', '/', '&', '"', "'", '`', '=', ' ', '\n', '\n\n', '\t', '\u0000', 'x', 'on', 'onerror', 'href', 'src', 'style',
    '<script>', '</script>', '<img', '<a ', '<svg', '<iframe', '<b>', '</b>', '<pre>', '</pre>', '<p>', '</p>', '<br>', '<br />',
    '<td>', '<table>', '<h1>', '<ol>', '<li>', '<!--', '-->', '<![CDATA[', ']]>', '<?', '&#', '&#x61;', '&amp;', '&lt;', '&gt;',
    'javascript:', 'JaVaScRiPt:', 'vbscript:', 'data:text/html,', 'data:image/png;base64,AA', 'alert(1)', 'http://a.example',
    '[', ']', '(', ')', '![', '](', '[r]: ', '*', '_', '# ', '> ', '- ', '1. ', '    ', '```', '|', '---', '\\',
  ];
  const soup = fc.oneof(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((a) => a.join('')), fc.string({ maxLength: 80 }));

  it('never yields anything but allowlisted elements, attributes and URLs', () => {
    fc.assert(
      fc.property(soup, (s) => {
        expectSafe(renderMarkdown(s));
        expectSafe(renderChatText(s));
        expectSafe(sanitizeRawHtml(s));
        expectSafe(cleanHtml(s));
      }),
      { numRuns: 400 },
    );
  });

  it('cleanHtml is idempotent on what it writes', () => {
    fc.assert(fc.property(soup, (s) => {
      const once = cleanHtml(renderMarkdown(s));
      expect(cleanHtml(once)).toBe(once);
    }), { numRuns: 300 });
  });
});

// --- The real books, through the parser -----------------------------------------------

const books = corpusBooks();

function corpusPeople(): PreviewPerson[] {
  if (!hasCorpus) return [];
  const dir = path.join(CORPUS, '_people');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.md')).flatMap((f) => {
    const data = openBook(fs.readFileSync(path.join(dir, f), 'utf8')).data as Record<string, unknown> | null;
    if (!data || typeof data !== 'object' || typeof data.short !== 'string' || typeof data.title !== 'string') return [];
    return [{ id: data.short, name: data.title, picture: null }];
  });
}

describe.skipIf(!hasCorpus)(`the real books in a browser's parser (${hasCorpus ? `${books.length} files` : corpusSkipReason})`, () => {
  const people = corpusPeople();

  it.each(books)('%s builds a safe page with every thread and reply in its place', (_name, text) => {
    const file = openBook(text);
    const book = bookOf(file.data)!;
    const doc = expectSafe(renderPreview({ book, body: file.body, people, coverUrl: 'data:image/jpeg;base64,AAAA' }), true);
    const threads = doc.querySelectorAll('section.book-archive > div.book-archive-thread');
    expect(threads.length).toBe(book.archive.length);
    book.archive.forEach((thread, t) => {
      const el = threads[t]!;
      expect(el.getAttribute('data-thread')).toBe(String(t));
      expect(el.querySelector(':scope > b.name')!.textContent).toBe(thread.name.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
      const replies = el.querySelectorAll(':scope > div.book-archive-reply');
      expect(replies.length).toBe(thread.replies.length);
      replies.forEach((r, i) => expect([r.getAttribute('data-thread'), r.getAttribute('data-reply')]).toEqual([String(t), String(i)]));
    });
    // Chat-export entities read as the characters they stand for, never as entity text.
    expect(doc.body.textContent).not.toMatch(/&(amp|lt|gt);/);
  });

  it('shows tips&tricks in 20210705-engineering-mlops', () => {
    const file = openBook(books.find(([f]) => f === '20210705-engineering-mlops.md')![1]);
    const doc = parse(renderPreview({ book: bookOf(file.data)!, body: file.body, people }));
    expect(doc.body.textContent).toContain('tips&tricks');
    expect(doc.querySelector('h4 a[href="/people/emmanuelraj.html"]')?.textContent).toBe('Emmanuel Raj');
  });
});
