/**
 * Reading the export's JSON files: JSON.parse for speed and, only when it fails, VS Code's
 * jsonc-parser (strict mode) to say where, since engines word (and place) the error differently.
 */
import { parse, printParseErrorCode } from 'jsonc-parser';
import type { ParseError } from 'jsonc-parser';

/** Where and why a JSON text does not read. Line and column count from 1. */
export interface JsonError {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

const words = (code: string) => code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/** Parses a JSON text (a leading BOM allowed); on failure, says where. */
export function readJson(text: string): { ok: true; value: unknown } | { ok: false; error: JsonError } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (e) {
    const errors: ParseError[] = [];
    parse(body, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    const at = first ? position(text, first.offset + (text.length - body.length)) : { line: 1, column: 1 };
    const message = first ? `${words(printParseErrorCode(first.error))} (not valid JSON)` : (e as Error).message;
    return { ok: false, error: { ...at, message } };
  }
}
