/**
 * What axe-core finds wrong in a rendered view (ux.md §5: nothing, in both languages). Contrast is
 * left out: jsdom does no layout or styling, so axe cannot judge it here.
 */
import axe from 'axe-core';

export async function axeViolations(container: Element): Promise<string[]> {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(', ')}`,
  );
}
