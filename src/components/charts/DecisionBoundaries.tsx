import { useEffect, useId, useRef } from 'react';
import type { MessageKey } from '../../i18n/catalogs';
import { useT } from '../../i18n/I18n';
import { useLabView } from '../../state/LabContext';
import type { Boundaries, PlotPoints } from '../../worker/protocol';
import { ChartFigure } from './ChartFigure';
import { CLASS_RGB, classColor } from './chartStyle';
import { KeySwatch } from './keyIcons';

/** CSS pixels per side; the canvas may shrink below it on narrow screens. */
const CANVAS_SIZE = 280;
/** How far the region colours are washed toward white, so the points on top stand out. */
const WASH = 0.45;
const POINT_RADIUS = 2.6;
const SQUARE_HALF = 2.6;
const OUTLINE = '#1a1a1a';

type Grid = Pick<Boundaries, 'size' | 'extent' | 'classes'>;

/** Each cell's colour: the class colours weighted by the cell's class probabilities. */
function regionImage(probabilities: Float32Array, { size, classes }: Grid): HTMLCanvasElement {
  const cells = document.createElement('canvas');
  cells.width = size;
  cells.height = size;
  const context = cells.getContext('2d');
  if (!context) return cells;
  const image = context.createImageData(size, size);
  for (let cell = 0; cell < size * size; cell++) {
    const rgb = [0, 0, 0];
    for (let k = 0; k < classes; k++) {
      const p = probabilities[cell * classes + k];
      const color = CLASS_RGB[k % CLASS_RGB.length];
      for (let channel = 0; channel < 3; channel++) rgb[channel] += p * color[channel];
    }
    for (let channel = 0; channel < 3; channel++) {
      image.data[4 * cell + channel] = Math.round(WASH * 255 + (1 - WASH) * rgb[channel]);
    }
    image.data[4 * cell + 3] = 255;
  }
  context.putImageData(image, 0, 0);
  return cells;
}

function draw(
  canvas: HTMLCanvasElement,
  probabilities: Float32Array,
  grid: Grid,
  points: PlotPoints | null,
): void {
  const scale = window.devicePixelRatio || 1;
  const side = Math.round(CANVAS_SIZE * scale);
  if (canvas.width !== side) canvas.width = side;
  if (canvas.height !== side) canvas.height = side;
  const context = canvas.getContext('2d');
  if (!context) return;
  // Smoothing the 40×40 grid up to the canvas shows uncertain cells as soft borders.
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(regionImage(probabilities, grid), 0, 0, side, side);
  if (!points) return;

  const toPixel = (value: number) => ((value + grid.extent) / (2 * grid.extent)) * side;
  context.lineWidth = scale;
  context.strokeStyle = OUTLINE;
  points.oldTask.x.forEach(([x, y], i) => {
    context.beginPath();
    context.arc(toPixel(x), side - toPixel(y), POINT_RADIUS * scale, 0, 2 * Math.PI);
    context.fillStyle = classColor(points.oldTask.y[i]);
    context.fill();
    context.stroke();
  });
  const half = SQUARE_HALF * scale;
  points.newTask.x.forEach(([x, y], i) => {
    const left = toPixel(x) - half;
    const top = side - toPixel(y) - half;
    // A dark outline under the coloured one keeps a hollow square visible on its own class's colour.
    context.lineWidth = 2.8 * scale;
    context.strokeStyle = OUTLINE;
    context.strokeRect(left, top, 2 * half, 2 * half);
    context.lineWidth = 1.4 * scale;
    context.strokeStyle = classColor(points.newTask.y[i]);
    context.strokeRect(left, top, 2 * half, 2 * half);
  });
}

interface RegionCanvasProps {
  caption: string;
  label: string;
  probabilities: Float32Array;
  grid: Grid;
  points: PlotPoints | null;
}

function RegionCanvas({ caption, label, probabilities, grid, points }: RegionCanvasProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const captionId = useId();
  const { size, extent, classes } = grid;
  // Redraws only when the probabilities or the points are new, not on every store update.
  useEffect(() => {
    if (canvas.current) draw(canvas.current, probabilities, { size, extent, classes }, points);
  }, [probabilities, size, extent, classes, points]);
  return (
    <div className="boundary-panel">
      <p id={captionId} className="boundary-caption">
        {caption}
      </p>
      <canvas
        ref={canvas}
        className="boundary-canvas"
        role="img"
        aria-label={label}
        aria-describedby={captionId}
      />
    </div>
  );
}

/** The symbols and colours of the two canvases, in words. */
function BoundaryKey({ classes }: { classes: number }) {
  const t = useT();
  return (
    <ul className="boundary-key">
      <li>
        <svg width="12" height="12" aria-hidden="true">
          <circle cx="6" cy="6" r="4" fill="#888" stroke={OUTLINE} />
        </svg>
        {t('charts.boundaries.oldPoints')}
      </li>
      <li>
        <svg width="12" height="12" aria-hidden="true">
          <rect x="2" y="2" width="8" height="8" fill="none" stroke={OUTLINE} strokeWidth="1.5" />
        </svg>
        {t('charts.boundaries.newPoints')}
      </li>
      {Array.from({ length: classes }, (_, label) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the class label is the identity
        <li key={label}>
          <KeySwatch color={classColor(label)} />
          {t('charts.boundaries.class', { label })}
        </li>
      ))}
    </ul>
  );
}

/** The two canvases, model_old's first. */
const MODELS: readonly { side: 'modelOld' | 'model'; caption: MessageKey; label: MessageKey }[] = [
  { side: 'modelOld', caption: 'charts.boundaries.modelOld', label: 'charts.boundaries.modelOldAria' },
  { side: 'model', caption: 'charts.boundaries.model', label: 'charts.boundaries.modelAria' },
];

/** model_old's and the model's decision regions side by side, with the training points on top. */
export function DecisionBoundaries() {
  const t = useT();
  const boundaries = useLabView((view) => view.boundaries);
  const points = useLabView((view) => view.points);
  const plotted = boundaries && points ? points.oldTask.y.length + points.newTask.y.length : 0;

  return (
    <ChartFigure
      title={t('charts.boundaries.title')}
      dataPoints={plotted}
      empty={boundaries ? null : t('charts.boundaries.empty')}
      className="boundaries"
    >
      {boundaries && (
        <>
          <div className="boundary-pair">
            {MODELS.map((model) => (
              <RegionCanvas
                key={model.side}
                caption={t(model.caption)}
                label={t(model.label)}
                probabilities={boundaries[model.side]}
                grid={boundaries}
                points={points}
              />
            ))}
          </div>
          <BoundaryKey classes={boundaries.classes} />
        </>
      )}
    </ChartFigure>
  );
}
