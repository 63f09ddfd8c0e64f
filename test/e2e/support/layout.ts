/**
 * What a small window must not do to the page as it is now (issue: 800 × 600, the smallest window):
 * push a table column off-screen without a visible way to it, cut a caption or a chart's label, or
 * squash an icon.
 */
import type { Page } from 'playwright-core';

/** Each problem as one line naming the element; none when the page fits. */
export function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // Runs in the page: the node project's types have no DOM, so the page's globals are typed here.
    interface Box {
      left: number;
      right: number;
      width: number;
      height: number;
    }
    interface Element {
      textContent: string | null;
      scrollWidth: number;
      clientWidth: number;
      getBoundingClientRect(): Box;
      getAttribute(name: string): string | null;
      closest(selector: string): Element | null;
      querySelector(selector: string): Element | null;
      querySelectorAll(selector: string): Iterable<Element>;
    }
    const { document } = globalThis as unknown as {
      document: Element & { documentElement: Element; getElementById(id: string): Element | null };
    };
    const viewport = document.documentElement.clientWidth;
    const SLACK = 0.5;
    const problems: string[] = [];
    const name = (element: Element) => (element.textContent ?? '').trim().slice(0, 40);
    const shows = (element: Element | null) => {
      const box = element?.getBoundingClientRect();
      return box !== undefined && box.width > 0 && box.height > 0 && name(element!) !== '';
    };

    if (document.documentElement.scrollWidth > viewport) {
      problems.push(`the page is ${document.documentElement.scrollWidth}px wide in a ${viewport}px window`);
    }
    for (const table of document.querySelectorAll('table')) {
      const caption = table.querySelector('caption');
      const title = caption === null ? 'a table without a caption' : `table "${name(caption)}"`;
      if (table.getBoundingClientRect().width === 0) continue; // collapsed or hidden
      const scroller = table.closest('.table-scroll');
      // What of the table can be seen without scrolling: up to the window's edge, or the scroller's.
      const visibleRight = Math.min(viewport, scroller?.getBoundingClientRect().right ?? viewport);
      const cut = [...table.querySelectorAll('th, td')].find(
        (cell) => cell.getBoundingClientRect().right > viewport + SLACK,
      );
      if (cut !== undefined) {
        const scrolls = scroller !== null && scroller.scrollWidth > scroller.clientWidth;
        const cueId = scroller?.getAttribute('aria-describedby') ?? null;
        const cue = cueId === null ? null : document.getElementById(cueId);
        if (!scrolls || scroller.getBoundingClientRect().right > viewport + SLACK || !shows(cue)) {
          problems.push(`${title}: "${name(cut)}" is off-screen with no visible cue to scroll to it`);
        }
      }
      if (caption !== null && caption.getBoundingClientRect().right > visibleRight + SLACK) {
        problems.push(`${title}: its caption runs past the visible edge and is cut`);
      }
    }
    // A chart's own words (ticks, "so far", a threshold's label) are cut where they leave its drawing.
    for (const chart of document.querySelectorAll('.chart-frame svg.recharts-surface')) {
      const frame = chart.getBoundingClientRect();
      for (const text of chart.querySelectorAll('text')) {
        const box = text.getBoundingClientRect();
        if (box.width === 0 || name(text) === '') continue;
        if (box.left < frame.left - SLACK || box.right > frame.right + SLACK) {
          problems.push(`chart text "${name(text)}" runs past the edge of its chart and is cut`);
        }
      }
    }
    for (const icon of document.querySelectorAll('.status-mark__icon, .swatch')) {
      const box = icon.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (Math.abs(box.width - box.height) > SLACK) {
        problems.push(
          `an icon beside "${name(icon.closest('li, p, td, th') ?? icon)}" is ${box.width} × ${box.height}`,
        );
      }
    }
    return problems;
  });
}
