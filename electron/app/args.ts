/** The desktop app's command line: an optional folder or book file to open. */
import path from 'node:path';

/**
 * The folder or file named on a command line, as an absolute path, or null. Skips the
 * executable, Chromium and Electron switches (`--…`) and, when run as `electron .`
 * (`defaultApp`), the app's own folder.
 */
export function parseAppArgs(argv: readonly string[], options: { readonly defaultApp: boolean; readonly cwd: string }): string | null {
  const plain = argv.slice(1).filter((a) => !a.startsWith('-'));
  if (options.defaultApp) plain.shift();
  const target = plain[0];
  return target ? path.resolve(options.cwd, target) : null;
}
