/**
 * Balance events drawn as shapes, told apart by shape and not by colour (ux.md §5): purchase ▲,
 * auto-recharge ◆, free credit ●, listed by OpenAI ✚ (its list does not say which of those it is),
 * expiry ▼, correction ■.
 */
import type { Marker } from '../../shared/bridge';

export type MarkerKind = Marker['kind'];

const R = 6;

function glyphPath(kind: MarkerKind, x: number, y: number): string {
  switch (kind) {
    case 'purchase':
      return `M${x},${y - R} L${x + R},${y + R * 0.8} L${x - R},${y + R * 0.8} Z`;
    case 'auto-recharge':
      return `M${x},${y - R} L${x + R},${y} L${x},${y + R} L${x - R},${y} Z`;
    case 'expiry':
      return `M${x},${y + R} L${x + R},${y - R * 0.8} L${x - R},${y - R * 0.8} Z`;
    case 'correction':
      return `M${x - R * 0.8},${y - R * 0.8} h${R * 1.6} v${R * 1.6} h${-R * 1.6} Z`;
    case 'free-credit':
      return `M${x - R},${y} a${R},${R} 0 1,0 ${2 * R},0 a${R},${R} 0 1,0 ${-2 * R},0`;
    case 'listed': {
      const arm = R * 0.35;
      return (
        `M${x - arm},${y - R} h${2 * arm} v${R - arm} h${R - arm} v${2 * arm} h${arm - R} v${R - arm} ` +
        `h${-2 * arm} v${arm - R} h${arm - R} v${-2 * arm} h${R - arm} Z`
      );
    }
  }
}

/** The glyph of a marker kind centred on (cx, cy), in chart coordinates. */
export function MarkerGlyph({ kind, cx, cy }: { kind: MarkerKind; cx: number; cy: number }) {
  return (
    <path
      className={`marker-glyph marker-glyph--${kind}`}
      d={glyphPath(kind, cx, cy)}
      fill="var(--text)"
      stroke="var(--bg)"
      strokeWidth={1.5}
    />
  );
}
