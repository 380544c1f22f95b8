import { useT } from '../../i18n/I18n';

// A schematic, not data: a two-peaked P and the single Gaussian each KL direction would fit to it.
const PANEL_WIDTH = 240;
const PLOT_TOP = 30;
const PLOT_HEIGHT = 110;
const MARGIN = 12;
/** What a panel plots: x in [-xRange, xRange] at samples + 1 points, densities cut at yMax. */
const PLOTTED = { xRange: 5, yMax: 0.7, samples: 120 } as const;

const gaussian = (mean: number, sd: number) => (x: number) =>
  Math.exp(-0.5 * ((x - mean) / sd) ** 2) / (sd * Math.sqrt(2 * Math.PI));

const bimodalP = (x: number) => 0.5 * gaussian(-2, 0.6)(x) + 0.5 * gaussian(2, 0.6)(x);
// KL(P‖Q) over Gaussians Q is minimised by matching P's mean and variance: wide, between the peaks.
const coveringQ = gaussian(0, Math.sqrt(0.36 + 4));
// KL(Q‖P) settles on one peak when the peaks are far apart.
const seekingQ = gaussian(2, 0.6);

function path(density: (x: number) => number, left: number, closed: boolean): string {
  const { xRange, yMax, samples } = PLOTTED;
  const width = PANEL_WIDTH - 2 * MARGIN;
  const baseline = PLOT_TOP + PLOT_HEIGHT;
  const points = Array.from({ length: samples + 1 }, (_, i) => {
    const x = -xRange + (2 * xRange * i) / samples;
    const px = left + MARGIN + (width * i) / samples;
    const py = baseline - (PLOT_HEIGHT * Math.min(density(x), yMax)) / yMax;
    return `${px.toFixed(1)},${py.toFixed(1)}`;
  });
  const line = `M${points.join('L')}`;
  return closed ? `${line}L${left + PANEL_WIDTH - MARGIN},${baseline}L${left + MARGIN},${baseline}Z` : line;
}

function Panel({ left, title, q }: { left: number; title: string; q: (x: number) => number }) {
  const t = useT();
  const baseline = PLOT_TOP + PLOT_HEIGHT;
  return (
    <g>
      <text x={left + PANEL_WIDTH / 2} y={16} textAnchor="middle" className="lessons__picture-title">
        {title}
      </text>
      <path d={path(bimodalP, left, true)} className="lessons__picture-p" />
      <path d={path(q, left, false)} className="lessons__picture-q" />
      <line
        x1={left + MARGIN}
        x2={left + PANEL_WIDTH - MARGIN}
        y1={baseline}
        y2={baseline}
        stroke="currentColor"
      />
      <text x={left + MARGIN + 4} y={baseline + 16} className="lessons__picture-legend-p">
        {t('lessons.direction.pictureP')}
      </text>
      <text x={left + MARGIN + 24} y={baseline + 16} className="lessons__picture-legend-q">
        {t('lessons.direction.pictureQ')}
      </text>
    </g>
  );
}

/** Forward KL covers both modes of P; reverse KL picks one. */
export function KLDirectionPicture() {
  const t = useT();
  return (
    <svg
      className="lessons__picture"
      viewBox={`0 0 ${2 * PANEL_WIDTH} ${PLOT_TOP + PLOT_HEIGHT + 24}`}
      role="img"
      aria-label={t('lessons.direction.pictureLabel')}
    >
      <Panel left={0} title={t('lessons.direction.pictureForward')} q={coveringQ} />
      <Panel left={PANEL_WIDTH} title={t('lessons.direction.pictureReverse')} q={seekingQ} />
    </svg>
  );
}
