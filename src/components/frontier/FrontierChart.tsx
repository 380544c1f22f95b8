import { useT } from '../../i18n/I18n';
import { AXIS_LABEL, AXIS_STROKE, AXIS_TICK, GRID_STROKE, SERIES_COLOR } from '../charts/chartStyle';
import { formatPercent } from '../formatNumber';
import type { FrontierPoint } from './frontierPoints';

const WIDTH = 360;
const HEIGHT = 260;
const PLOT = { left: 44, right: WIDTH - 14, top: 10, bottom: HEIGHT - 38 } as const;

/** From the new task's blue (λ = 0 learns it freely) to the old task's vermillion (λ large keeps it). */
function lambdaColor(index: number, count: number): string {
  const from = [0x00, 0x72, 0xb2];
  const to = [0xd5, 0x5e, 0x00];
  const f = count > 1 ? index / (count - 1) : 0;
  const [r, g, b] = from.map((c, i) => Math.round(c + (to[i] - c) * f));
  return `rgb(${r} ${g} ${b})`;
}

/** An axis range in whole tenths that holds every value, at least 0.2 wide. */
function domain(values: number[]): [number, number] {
  let lo = Math.floor(Math.min(...values) * 10) / 10;
  const hi = Math.min(1, Math.ceil(Math.max(...values) * 10) / 10);
  if (hi - lo < 0.2) lo = Math.max(0, hi - 0.2);
  return [lo, Math.max(hi, lo + 0.2)];
}

function ticks([lo, hi]: [number, number]): number[] {
  const step = hi - lo > 0.6 ? 0.2 : 0.1;
  const count = Math.round((hi - lo) / step);
  return Array.from({ length: count + 1 }, (_, i) => lo + i * step);
}

/** Vertical room a point's label takes, in the drawing's units. */
const LABEL_GAP = 22;
/**
 * Labels of points right of the plot's middle go on the left of their dot. A label is sized in CSS
 * pixels while the drawing scales with the screen, so a fixed margin from the right edge fits at
 * 1280 px and overflows on a phone; half the plot holds the widest label at any width.
 */
const LABEL_FLIP_X = (PLOT.left + PLOT.right) / 2;

/**
 * Where each point's label goes: beside its dot, moved up or down just enough that no two labels
 * overlap (points of neighbouring λ often nearly coincide, and each label is the point's button).
 */
function labelHeights(dotY: number[]): number[] {
  const order = dotY.map((_, i) => i).sort((a, b) => dotY[a] - dotY[b]);
  const placed = order.map((i) => Math.max(dotY[i], LABEL_GAP / 2));
  for (let k = 1; k < placed.length; k++) placed[k] = Math.max(placed[k], placed[k - 1] + LABEL_GAP);
  const last = placed.length - 1;
  if (last >= 0) placed[last] = Math.min(placed[last], HEIGHT - LABEL_GAP / 2);
  for (let k = last - 1; k >= 0; k--) placed[k] = Math.min(placed[k], placed[k + 1] - LABEL_GAP);
  const heights: number[] = [];
  order.forEach((i, k) => {
    heights[i] = placed[k];
  });
  return heights;
}

interface FrontierChartProps {
  points: FrontierPoint[];
  seeds: number;
  /** The λ of the lab's run: its point stands out. */
  mainLambda: number;
  /** Where the lab's own run stands now, if it has started. */
  mainRun: { oldTaskAcc: number; newTaskAcc: number } | null;
  onChoose(lambda: number): void;
}

/**
 * Old-task against new-task accuracy, one point per λ with the trail it took. The drawing is an SVG
 * hidden from assistive technology; the points themselves are buttons laid over it, each named by
 * its numbers, so a pointer, a keyboard and a screen reader all reach them.
 */
export function FrontierChart({ points, seeds, mainLambda, mainRun, onChoose }: FrontierChartProps) {
  const t = useT();
  const everything = points.flatMap((p) => [
    ...p.trail,
    { oldTask: p.oldTask.min, newTask: p.newTask.min },
    { oldTask: p.oldTask.max, newTask: p.newTask.max },
  ]);
  if (mainRun) everything.push({ oldTask: mainRun.oldTaskAcc, newTask: mainRun.newTaskAcc });
  const xDomain = domain(everything.map((p) => p.newTask));
  const yDomain = domain(everything.map((p) => p.oldTask));
  const x = (v: number) =>
    PLOT.left + ((v - xDomain[0]) / (xDomain[1] - xDomain[0])) * (PLOT.right - PLOT.left);
  const y = (v: number) =>
    PLOT.bottom - ((v - yDomain[0]) / (yDomain[1] - yDomain[0])) * (PLOT.bottom - PLOT.top);
  const percent = (v: number) => String(Math.round(v * 100));
  const dots = points.map((p) => ({ x: x(p.newTask.mean), y: y(p.oldTask.mean) }));
  const labelY = labelHeights(dots.map((d) => d.y));
  const labelX = dots.map((d) => (d.x > LABEL_FLIP_X ? d.x - 9 : d.x + 9));
  return (
    <>
      <div className="frontier-plot">
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true" focusable="false">
          {ticks(xDomain).map((v) => (
            <g key={`x${v}`}>
              <line
                x1={x(v)}
                x2={x(v)}
                y1={PLOT.top}
                y2={PLOT.bottom}
                stroke={GRID_STROKE}
                strokeDasharray="3 3"
              />
              <text x={x(v)} y={PLOT.bottom + 14} textAnchor="middle" {...AXIS_TICK}>
                {percent(v)}
              </text>
            </g>
          ))}
          {ticks(yDomain).map((v) => (
            <g key={`y${v}`}>
              <line
                x1={PLOT.left}
                x2={PLOT.right}
                y1={y(v)}
                y2={y(v)}
                stroke={GRID_STROKE}
                strokeDasharray="3 3"
              />
              <text x={PLOT.left - 6} y={y(v) + 4} textAnchor="end" {...AXIS_TICK}>
                {percent(v)}
              </text>
            </g>
          ))}
          <line x1={PLOT.left} x2={PLOT.right} y1={PLOT.bottom} y2={PLOT.bottom} stroke={AXIS_STROKE} />
          <line x1={PLOT.left} x2={PLOT.left} y1={PLOT.top} y2={PLOT.bottom} stroke={AXIS_STROKE} />
          <text x={(PLOT.left + PLOT.right) / 2} y={HEIGHT - 6} textAnchor="middle" {...AXIS_LABEL}>
            {t('frontier.axis.newTask')}
          </text>
          <text
            transform={`translate(12 ${(PLOT.top + PLOT.bottom) / 2}) rotate(-90)`}
            textAnchor="middle"
            {...AXIS_LABEL}
          >
            {t('frontier.axis.oldTask')}
          </text>
          {points.map((p, i) => {
            const color = lambdaColor(i, points.length);
            const at = dots[i];
            const main = p.lambda === mainLambda;
            return (
              <g key={p.lambda} stroke={color}>
                <line x1={at.x} y1={at.y} x2={labelX[i]} y2={labelY[i]} strokeWidth={1} />
                <polyline
                  points={p.trail.map((q) => `${x(q.newTask)},${y(q.oldTask)}`).join(' ')}
                  fill="none"
                  strokeWidth={1.5}
                  strokeOpacity={0.55}
                />
                {seeds > 1 && (
                  <>
                    <line x1={x(p.newTask.min)} x2={x(p.newTask.max)} y1={at.y} y2={at.y} strokeWidth={1.5} />
                    <line x1={at.x} x2={at.x} y1={y(p.oldTask.min)} y2={y(p.oldTask.max)} strokeWidth={1.5} />
                  </>
                )}
                <circle
                  cx={at.x}
                  cy={at.y}
                  r={main ? 7 : 5}
                  fill={color}
                  stroke={main ? 'var(--text)' : 'var(--panel)'}
                  strokeWidth={main ? 2.5 : 1.5}
                />
              </g>
            );
          })}
          {mainRun && (
            <rect
              x={x(mainRun.newTaskAcc) - 5}
              y={y(mainRun.oldTaskAcc) - 5}
              width={10}
              height={10}
              transform={`rotate(45 ${x(mainRun.newTaskAcc)} ${y(mainRun.oldTaskAcc)})`}
              fill={SERIES_COLOR.total}
            />
          )}
        </svg>
        <ul className="frontier-points" aria-label={t('frontier.points')}>
          {points.map((p, i) => {
            const numbers = {
              lambda: p.lambda,
              old: formatPercent(p.oldTask.mean),
              new: formatPercent(p.newTask.mean),
              seeds,
            };
            return (
              <li
                key={p.lambda}
                className={labelX[i] < dots[i].x ? 'frontier-flipped' : undefined}
                style={{ left: `${(labelX[i] / WIDTH) * 100}%`, top: `${(labelY[i] / HEIGHT) * 100}%` }}
              >
                <button
                  type="button"
                  className="frontier-point"
                  aria-pressed={p.lambda === mainLambda}
                  aria-label={t(seeds > 1 ? 'frontier.pointOverSeeds' : 'frontier.point', numbers)}
                  onClick={() => onChoose(p.lambda)}
                >
                  <span className="frontier-swatch" style={{ background: lambdaColor(i, points.length) }} />
                  {`λ = ${p.lambda}`}
                </button>
              </li>
            );
          })}
        </ul>
      </div>
      {mainRun && (
        <p className="frontier-key">
          <span className="frontier-key-mark" aria-hidden="true" />
          {t('frontier.thisRun', { lambda: mainLambda })}
        </p>
      )}
    </>
  );
}
