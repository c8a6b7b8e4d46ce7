// Where a card's parts go: the template's geometry for a plain book, and a long title or many
// authors kept inside the card (shrunk, then cut with an ellipsis, or "+N more").
import { describe, expect, it } from 'vitest';
import { CARD_HEIGHT, CARD_WIDTH, ellipsize, fitAuthors, fitTitle, layoutCard, lineOf, wrapText } from '../../electron/workspace/images/cardLayout';
import type { CardLayout, Measure } from '../../electron/workspace/images/cardLayout';
import { initialsOf } from '../../electron/workspace/images/drawCard';
import { loadCanvas } from '../../electron/workspace/images/canvas';

async function measurer(): Promise<Measure> {
  const lib = await loadCanvas();
  const ctx = lib.createCanvas(10, 10).getContext('2d');
  return (text, font) => {
    ctx.font = font;
    return ctx.measureText(text).width;
  };
}

/** Every box and text line of a layout stays inside the card's 35 px padding (text by its baseline). */
function expectInside(layout: CardLayout, measure: Measure): void {
  const lines = [layout.site, ...layout.title, ...layout.rules.map((r) => r.text), ...layout.authors.map((a) => a.name), ...(layout.more ? [layout.more] : [])];
  for (const l of lines) {
    expect(l.baseline).toBeGreaterThan(35);
    expect(l.baseline).toBeLessThanOrEqual(CARD_HEIGHT - 35);
  }
  for (const a of layout.authors) {
    expect(a.picture.x).toBeGreaterThanOrEqual(35 - 0.5);
    expect(a.name.x + measure(a.name.text, a.name.font)).toBeLessThanOrEqual(CARD_WIDTH - 35 + 0.5);
    expect(a.picture.y + a.picture.size).toBeLessThanOrEqual(CARD_HEIGHT - 35 + 0.5);
  }
  for (const t of layout.title) expect(measure(t.text, t.font)).toBeLessThanOrEqual(CARD_WIDTH - 70 + 0.5);
  if (layout.cover) {
    const lastTitle = layout.title.at(-1)?.baseline ?? layout.site.baseline;
    expect(layout.cover.y).toBeGreaterThan(lastTitle);
    const firstAuthor = layout.authors[0]?.picture.y ?? CARD_HEIGHT;
    expect(layout.cover.y + layout.cover.height).toBeLessThan(firstAuthor);
  }
}

describe('card layout', () => {
  it("places a one-author book exactly as the site's template does (measured on the real cards)", async () => {
    const measure = await measurer();
    const layout = layoutCard({ title: 'How Software Fails', cover: { width: 400, height: 600 }, authors: ['Engin Yöyen'] }, measure);
    expect(layout.cover).toEqual({ x: 170, y: 172, width: 160, height: 240 });
    expect(layout.site.baseline).toBe(62);
    expect(layout.title.map((t) => [t.baseline, t.font])).toEqual([[119, '54px "Alegreya Sans"']]);
    expect(layout.authors[0]!.picture.y).toBe(453);
    expect(layout.authors[0]!.picture.size).toBe(57);
    expect(layout.rules.map((r) => Math.round(r.text.baseline))).toEqual([237, 279, 321, 363]);
    expect(lineOf(30)).toEqual({ height: 36, baseline: 27 });
  });

  it('keeps the 54 px title for two lines, shrinks a longer one, then cuts a 300-character one with an ellipsis', async () => {
    const measure = await measurer();
    expect(fitTitle('Short', 130, measure)).toEqual({ lines: ['Short'], size: 54 });
    const two = fitTitle('Why Data Science Projects Fail: The Harsh Realities', 130, measure);
    expect(two.size).toBe(54);
    expect(two.lines).toHaveLength(2);
    const long = fitTitle('Why Data Science Projects Fail: The Harsh Realities of Implementing AI and Analytics, without the Hype (Chapman & Hall/CRC Data Science Series)', 130, measure);
    expect(long.size).toBeLessThan(54);
    expect(long.size).toBeGreaterThanOrEqual(26);
    expect(long.lines.join(' ')).not.toContain('…');
    const huge = fitTitle('word '.repeat(100).trim(), 130, measure);
    expect(huge.size).toBe(26);
    expect(huge.lines.at(-1)).toMatch(/…$/);
    expect(huge.lines.length * lineOf(26).height).toBeLessThanOrEqual(130);
    expect(fitTitle('   ', 130, measure).lines).toEqual([]);
  });

  it('wraps and cuts between characters when a word is wider than the line', async () => {
    const measure = await measurer();
    const lines = wrapText('x'.repeat(400), 870, '54px "Alegreya Sans"', measure);
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(measure(l, '54px "Alegreya Sans"')).toBeLessThanOrEqual(870);
    expect(lines.join('')).toBe('x'.repeat(400));
    expect(ellipsize('A name far too long to fit', 100, '45px "Alegreya Sans"', measure)).toMatch(/^A.*…$/);
    expect(ellipsize('Fits', 500, '45px "Alegreya Sans"', measure)).toBe('Fits');
  });

  it.each([1, 2, 3, 4, 5, 8, 12, 20, 50])('keeps %i authors inside the card', async (n) => {
    const measure = await measurer();
    const names = Array.from({ length: n }, (_, i) => `Author Withalongname ${i + 1}`);
    const layout = layoutCard({ title: 'A Book', cover: { width: 250, height: 330 }, authors: names }, measure);
    expectInside(layout, measure);
    const fit = fitAuthors(names, measure);
    if (n <= 8) {
      expect(layout.authors).toHaveLength(n);
      expect(layout.more).toBeNull();
    } else if (layout.more) {
      expect(layout.more.text).toBe(`+${n - layout.authors.length} more`);
      expect(fit.scale).toBeCloseTo(0.45);
    } else {
      expect(layout.authors).toHaveLength(n);
    }
    if (n === 50) expect(layout.more).not.toBeNull();
    expect(new Set(layout.authors.map((a) => a.index)).size).toBe(layout.authors.length);
  });

  it('keeps a long title with many authors and a very wide or missing cover inside the card', async () => {
    const measure = await measurer();
    const title = 'T'.repeat(40) + ' A Title of Three Hundred Characters'.repeat(8);
    for (const cover of [{ width: 4000, height: 300 }, { width: 100, height: 4000 }, null]) {
      expectInside(layoutCard({ title, cover, authors: ['One Person', 'Two People', 'Three Persons', 'Four'] }, measure), measure);
    }
  });

  it('makes initials from the first and last words', () => {
    expect(initialsOf('Trey Grainger')).toBe('TG');
    expect(initialsOf('Valliappa Lakshmanan')).toBe('VL');
    expect(initialsOf('anita kibunguchy-grant')).toBe('AG');
    expect(initialsOf('Cher')).toBe('C');
    expect(initialsOf('Person 12')).toBe('P');
    expect(initialsOf('Émilie Ōtani')).toBe('ÉŌ');
    expect(initialsOf('')).toBe('?');
  });
});
