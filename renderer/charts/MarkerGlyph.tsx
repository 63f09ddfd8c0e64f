/**
 * Balance events drawn as shapes, told apart by shape and not by colour (ux.md §5): purchase ▲,
 * auto-recharge ◆, free credit ●, expiry ▼, correction ■.
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
    case 'calibration':
      return `M${x - R * 0.8},${y - R * 0.8} h${R * 1.6} v${R * 1.6} h${-R * 1.6} Z`;
    case 'grant':
      return `M${x - R},${y} a${R},${R} 0 1,0 ${2 * R},0 a${R},${R} 0 1,0 ${-2 * R},0`;
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
