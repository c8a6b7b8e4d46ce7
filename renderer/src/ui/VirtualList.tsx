/**
 * Renders only the items near the visible part of a scrolling ancestor. Items may have any
 * height: each is measured once rendered, and spacers stand in for the rest.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode, RefObject } from 'react';

interface Props {
  readonly count: number;
  /** A stable key per position (kept across filtering), for measured sizes. */
  readonly itemKey: (index: number) => number;
  readonly estimate: (key: number) => number;
  readonly render: (index: number) => ReactNode;
  readonly scrollRef: RefObject<HTMLElement | null>;
  /** Scrolls so that this position is in view (the nonce repeats a request). */
  readonly scrollTo?: { readonly index: number; readonly nonce: number } | null;
  readonly overscan?: number;
}

function lowerBound(offsets: Float64Array, y: number): number {
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid + 1]! <= y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function VirtualList({ count, itemKey, estimate, render, scrollRef, scrollTo, overscan = 800 }: Props) {
  const sizes = useRef(new Map<number, number>());
  const [version, setVersion] = useState(0);
  const [view, setView] = useState({ top: 0, height: 900 });
  const listRef = useRef<HTMLDivElement>(null);
  const pending = useRef(0);

  const offsets = useMemo(() => {
    void version;
    const o = new Float64Array(count + 1);
    for (let i = 0; i < count; i++) {
      const k = itemKey(i);
      o[i + 1] = o[i]! + (sizes.current.get(k) ?? estimate(k));
    }
    return o;
  }, [count, itemKey, estimate, version]);

  useEffect(() => {
    const el = scrollRef.current;
    const list = listRef.current;
    if (!el || !list) return;
    const update = () => {
      const listTop = list.getBoundingClientRect().top - el.getBoundingClientRect().top + el.scrollTop;
      const next = { top: el.scrollTop - listTop, height: el.clientHeight || 900 };
      setView((v) => (Math.abs(v.top - next.top) < 40 && v.height === next.height ? v : next));
    };
    update();
    el.addEventListener('scroll', update, { passive: true });
    const ro = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(update) : null;
    ro?.observe(el);
    return () => {
      el.removeEventListener('scroll', update);
      ro?.disconnect();
    };
  }, [scrollRef]);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    const list = listRef.current;
    if (!scrollTo || !el || !list || scrollTo.index < 0 || scrollTo.index >= count) return;
    const listTop = list.getBoundingClientRect().top - el.getBoundingClientRect().top + el.scrollTop;
    const top = listTop + offsets[scrollTo.index]!;
    const bottom = listTop + offsets[scrollTo.index + 1]!;
    if (top < el.scrollTop || bottom > el.scrollTop + el.clientHeight) el.scrollTop = Math.max(0, top - 48);
    setView({ top: el.scrollTop - listTop, height: el.clientHeight || 900 });
    // Only a new request scrolls; later re-measures must not pull the view back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scrollTo]);

  const first = count ? lowerBound(offsets, Math.max(0, view.top - overscan)) : 0;
  const last = count ? lowerBound(offsets, view.top + view.height + overscan) : -1;
  const measure = (key: number, height: number) => {
    if (Math.abs((sizes.current.get(key) ?? -1) - height) < 0.5) return;
    sizes.current.set(key, height);
    cancelAnimationFrame(pending.current);
    pending.current = requestAnimationFrame(() => setVersion((v) => v + 1));
  };
  const items: ReactNode[] = [];
  for (let i = first; i <= last && i < count; i++) {
    items.push(
      <Measured key={itemKey(i)} itemKey={itemKey(i)} onSize={measure}>
        {render(i)}
      </Measured>,
    );
  }
  const total = offsets[count] ?? 0;
  return (
    <div ref={listRef} className="virtual-list" style={{ paddingTop: offsets[first] ?? 0, paddingBottom: Math.max(0, total - (offsets[Math.min(count, last + 1)] ?? total)) }}>
      {items}
    </div>
  );
}

function Measured({ itemKey, onSize, children }: { itemKey: number; onSize: (key: number, h: number) => void; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const report = useRef(onSize);
  report.current = onSize;
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => report.current(itemKey, el.offsetHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, [itemKey]);
  return <div ref={ref} className="virtual-item">{children}</div>;
}
