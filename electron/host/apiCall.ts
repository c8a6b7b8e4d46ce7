/** One contract call from outside: check the method and arguments, run it, and say how it went as a status and JSON. */
import { API_METHODS, ApiArgumentError, checkArgs } from '../../shared/api';
import type { ApiMethod, BookApi } from '../../shared/api';
import { EditError } from '../../shared/index';
import { WorkspaceError, errnoCode } from '../workspace/errors';
import { describeErrno } from '../workspace/fileBytes';
import type { WorkspaceErrorKind } from '../workspace/errors';

/** An answer: an HTTP status and the JSON body (the result, or `{error}`). */
export interface ApiAnswer {
  readonly status: number;
  readonly body: unknown;
}

const STATUS: Readonly<Record<WorkspaceErrorKind, number>> = {
  'bad-request': 400,
  'bad-path': 400,
  'not-a-file': 400,
  'not-found': 404,
  exists: 409,
  'too-large': 413,
  'not-a-site': 409,
  'no-site': 409,
  'read-only': 409,
  'site-gone': 409,
  'write-failed': 500,
  'git-unavailable': 409,
};

/** Whether `name` is a method of the contract. */
export function isApiMethod(name: string): name is ApiMethod {
  return (API_METHODS as readonly string[]).includes(name);
}

/**
 * The status of an error and the message to show: never a stack, and for a system error
 * never its raw text (which names paths, temp files included), only what went wrong in words.
 */
export function errorAnswer(e: unknown): ApiAnswer {
  if (e instanceof ApiArgumentError) return { status: 400, body: { error: e.message } };
  if (e instanceof WorkspaceError) return { status: STATUS[e.kind], body: { error: e.message } };
  if (e instanceof EditError) return { status: 400, body: { error: e.message } };
  const code = errnoCode(e);
  if (code) return { status: 500, body: { error: `The editor's host could not do it: ${describeErrno(code)}.` } };
  const message = e instanceof Error ? e.message : String(e);
  return { status: 500, body: { error: message || 'Internal error.' } };
}

/** Runs `method` of `api` with `args` after checking them; errors become answers, never throws. */
export async function callApi(api: BookApi, method: string, args: unknown): Promise<ApiAnswer> {
  if (!isApiMethod(method)) return { status: 404, body: { error: `Unknown method ${JSON.stringify(method.slice(0, 80))}.` } };
  try {
    checkArgs(method, args);
    const fn = api[method] as (...a: unknown[]) => Promise<unknown>;
    const value = await fn.apply(api, args as unknown[]);
    return { status: 200, body: value ?? null };
  } catch (e) {
    return errorAnswer(e);
  }
}
