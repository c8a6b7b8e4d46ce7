/** Diagnostics: what is wrong, where in the value, and where in the text. */
import type { Path } from '../yaml/edit';
import type { Fix } from '../fix/fix';

/** A place in the text: offsets, and 1-based lines and columns (UTF-16 units, as Monaco counts). */
export interface Range {
  readonly from: number;
  readonly to: number;
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  readonly severity: Severity;
  /** The rule that produced it, e.g. `yaml`, `required`, `link-url`. */
  readonly code: string;
  /** Where in the value, e.g. `archive[3].replies[1].text`; empty for the file as a whole. */
  readonly path: string;
  /** The same place as keys and indexes. */
  readonly keys: Path;
  readonly message: string;
  readonly range: Range;
  /** The repairs it offers, best first (absent when there are none). */
  readonly fixes?: readonly Fix[];
}

/** Maps offsets to lines and columns; build once per text. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  /** 1-based line and column of `offset`. */
  position(offset: number): { line: number; column: number } {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.starts[lo]! + 1 };
  }
  /** Offset of a 1-based line and column. */
  offset(line: number, column: number): number {
    const start = this.starts[Math.max(0, Math.min(line - 1, this.starts.length - 1))]!;
    return Math.min(this.text.length, start + Math.max(0, column - 1));
  }
  range(from: number, to: number): Range {
    const a = this.position(from);
    const b = this.position(Math.max(from, to));
    return { from, to: Math.max(from, to), startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column };
  }
  get lineCount(): number {
    return this.starts.length;
  }
}
