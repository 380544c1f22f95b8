/** The icons of the charts' keys. Decorative: the text beside each names what it stands for. */

/** A series' line: its colour and, if dashed, its dash. */
export function KeyLine({ color, dash }: { color?: string; dash?: string }) {
  return (
    <svg width="22" height="10" aria-hidden="true">
      <line x1="1" y1="5" x2="21" y2="5" stroke={color} strokeWidth="2" strokeDasharray={dash} />
    </svg>
  );
}

/** A colour that means one thing across a chart: a BatchNorm channel, a class. */
export function KeySwatch({ color }: { color: string }) {
  return (
    <svg width="12" height="12" aria-hidden="true">
      <rect width="12" height="12" rx="2" fill={color} />
    </svg>
  );
}
