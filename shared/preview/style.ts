/** The preview page's style sheet: the site's plain article look, light and dark. */

const LIGHT = '--fg:#212529;--muted:#6c757d;--bg:#ffffff;--link:#0b66d6;--rule:#e3e6ea;--quote:#ced4da;--code-bg:#f3f4f6;--mark:#fff8db;color-scheme:light;';
const DARK = '--fg:#e4e6eb;--muted:#9aa3ad;--bg:#17191c;--link:#6cb4ff;--rule:#2f3338;--quote:#4a5058;--code-bg:#23262b;--mark:#3a3422;color-scheme:dark;';

/** The inline style sheet of the preview document. `html[data-theme]` forces a theme; without it the system's wins. */
export const previewCss = `
:root{${LIGHT}}
@media (prefers-color-scheme: dark){:root:not([data-theme]){${DARK}}}
:root[data-theme="dark"]{${DARK}}
*{box-sizing:border-box}
html{background:var(--bg);color:var(--fg)}
body{margin:0;font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;overflow-wrap:break-word}
main{max-width:760px;margin:0 auto;padding:2rem 1.25rem 4rem}
a{color:var(--link)}
h1,h2,h3,h4,h5,h6{line-height:1.25;margin:1.5rem 0 .5rem}
.book-header{margin-bottom:2rem}
.book-header h2{font-size:2rem;margin:0 0 .5rem}
.book-header h4{font-size:1.25rem;font-weight:500;margin:0 0 .25rem}
.book-header h5{font-size:1rem;font-weight:400;color:var(--muted);margin:0}
.content-book{display:flow-root;margin-bottom:2.5rem}
.book-body>:first-child{margin-top:0}
.cover{float:right;width:200px;max-width:40%;height:auto;margin:0 0 1rem 1.5rem;border:1px solid var(--rule);border-radius:4px}
.book-links{padding-left:1.25rem}
.book-archive>h2{font-size:1.6rem;margin:0 0 .5rem}
.book-archive-thread{padding:.75rem 0;border-top:1px solid var(--rule)}
.book-archive-reply{margin:.6rem 0 0 2em;padding-left:1em;border-left:3px solid var(--rule)}
.book-archive-thread p{margin:.2rem 0}
.name:empty::before{content:"(no name)";font-weight:400;font-style:italic;color:var(--muted)}
.is-current{background:var(--mark);border-radius:4px}
[data-thread]{scroll-margin-top:1rem}
img{max-width:100%;height:auto}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em;background:var(--code-bg);padding:.1em .3em;border-radius:3px}
pre{background:var(--code-bg);padding:.75rem 1rem;border-radius:4px;overflow:auto}
pre code{padding:0;background:none}
blockquote{margin:.5rem 0;padding-left:1em;border-left:3px solid var(--quote);color:var(--muted)}
table{border-collapse:collapse}
th,td{border:1px solid var(--rule);padding:.25rem .5rem}
hr{border:0;border-top:1px solid var(--rule)}
`.trim();
