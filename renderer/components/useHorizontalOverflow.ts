/**
 * Whether a scroll container's content is wider than the container (a table in a small window),
 * kept current as either changes size, so the container can show that there is more to the side.
 */
import { useLayoutEffect, useRef, useState } from 'react';

export function useHorizontalOverflow<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [overflows, setOverflows] = useState(false);
  useLayoutEffect(() => {
    const container = ref.current;
    if (container === null) return;
    // A pixel of slack: fractional widths round differently in scrollWidth and clientWidth.
    const measure = () => setOverflows(container.scrollWidth > container.clientWidth + 1);
    measure();
    // Browsers all have it; jsdom (the unit tests) does not, and lays nothing out anyway.
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(container);
    for (const child of container.children) observer.observe(child);
    return () => observer.disconnect();
  }, []);
  return [ref, overflows] as const;
}
