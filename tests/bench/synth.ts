// The synthetic book of the benchmarks: N threads of 5 replies, texts of realistic length,
// written as PyYAML writes the real files (about 2 MB for 2,000 threads).
const words = 'the model data training we book chapter learning question answer pipeline feature production team about would think really example deploy metric results'.split(' ');

function sentence(seed: number, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += (i ? ' ' : '') + words[(seed * 7 + i * 13) % words.length];
  return out.charAt(0).toUpperCase() + out.slice(1) + '.';
}

/** Folds a text at 80 columns as PyYAML does for plain scalars. */
function fold(text: string, indent: number, first: number): string {
  const out: string[] = [];
  let line = '';
  let col = first;
  for (const w of text.split(' ')) {
    if (line && col + 1 + w.length > 80) {
      out.push(line);
      line = w;
      col = indent + w.length;
    } else {
      line += (line ? ' ' : '') + w;
      col += (line === w ? 0 : 1) + w.length;
    }
  }
  out.push(line);
  return out.join('\n' + ' '.repeat(indent));
}

/** A book file with `threads` threads. */
export function synthBook(threads: number): string {
  let s = '---\nauthors:\n- alexeygrigorev\ncover: images/books/20210705-synthetic/cover.jpg\ndescription: Book of the Week. Synthetic by Alexey Grigorev\nend: 2021-07-09 23:59:59\nimage: images/books/20210705-synthetic/preview.jpg\nlinks:\n- link: https://example.org/synthetic\n  text: Book\'s page\nstart: 2021-07-05 00:00:00\ntitle: Synthetic\n\narchive:\n';
  for (let t = 0; t < threads; t++) {
    s += `- name: Asker ${t}\n  text: ${fold(sentence(t, 18) + ' ' + sentence(t + 1, 12), 4, 8)}\n  replies:\n`;
    for (let r = 0; r < 5; r++) {
      s += `  - name: Replier ${r}\n    text: ${fold(sentence(t * 5 + r, 12) + " " + sentence(t + r, 7), 6, 10)}\n`;
    }
  }
  return s + '---\n\nA synthetic book for the benchmarks.\n';
}
