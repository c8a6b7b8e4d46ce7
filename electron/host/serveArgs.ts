/** The command line of `npm run serve -- [--port N] [--backup-dir DIR] [site folder or book file]`. */

/** What the command line asks for. */
export interface ServeArgs {
  readonly port: number;
  /** The site folder or book file; null means the sample site `content/`. */
  readonly site: string | null;
  readonly backupDir: string | null;
  readonly help: boolean;
}

/** The usage text. */
export const SERVE_USAGE = 'usage: npm run serve -- [--port N] [--backup-dir DIR] [site folder or book file]\n  Serves the editor on 127.0.0.1 and prints its address (with a token). Port 0 (the default) takes any free port.';

/** Parses the arguments after the script name; throws an Error with a message for bad ones. */
export function parseServeArgs(argv: readonly string[]): ServeArgs {
  let port = 0;
  let site: string | null = null;
  let backupDir: string | null = null;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value.`);
      return v;
    };
    if (flag === '--help' || flag === '-h') help = true;
    else if (flag === '--port') {
      const v = value();
      port = Number(v);
      if (!/^\d+$/.test(v) || port > 65535) throw new Error(`--port must be a number from 0 to 65535, got ${JSON.stringify(v)}.`);
    } else if (flag === '--backup-dir') backupDir = value();
    else if (a.startsWith('-') && a !== '-') throw new Error(`Unknown option ${a}.`);
    else if (site !== null) throw new Error(`Give one site folder or book file, got ${JSON.stringify(site)} and ${JSON.stringify(a)}.`);
    else site = a;
  }
  return { port, site, backupDir, help };
}
