/** Work put off until the page can afford it; each returns a function that cancels it. */

/** Runs `run` when the page is next idle (at the latest after `timeoutMs`), or after a task where there are no idle callbacks. */
export function whenIdle(run: (deadline?: IdleDeadline) => void, timeoutMs: number): () => void {
  if (typeof requestIdleCallback !== 'function') {
    const id = setTimeout(run, 0);
    return () => clearTimeout(id);
  }
  const id = requestIdleCallback(run, { timeout: timeoutMs });
  return () => cancelIdleCallback(id);
}

/** Runs `run` after the next frame is painted (a task queued from that frame's animation callback). */
export function afterPaint(run: () => void): () => void {
  if (typeof requestAnimationFrame !== 'function') {
    const id = setTimeout(run, 0);
    return () => clearTimeout(id);
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => (timer = setTimeout(run, 0)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
