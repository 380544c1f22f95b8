/**
 * A chart on the page as a file: its SVG with every computed style written inline (so it looks the
 * same outside the page, CSS variables and the theme resolved), or that SVG drawn onto a canvas as
 * a PNG. A chart drawn on a canvas (the decision regions) is its canvas as PNG, wrapped in an SVG.
 */

/** Properties that decide how an SVG chart looks; the rest of the computed style is left out. */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
] as const;

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The chart's drawing: its largest SVG (Recharts puts small icons in the legend) or its canvas. */
export function chartSurface(figure: Element): SVGSVGElement | HTMLCanvasElement | null {
  const svgs = [...figure.querySelectorAll<SVGSVGElement>('svg')];
  const largest = svgs.sort((a, b) => area(b) - area(a))[0];
  return largest ?? figure.querySelector('canvas');
}

function area(element: Element): number {
  const box = element.getBoundingClientRect();
  return box.width * box.height;
}

/** The chart as standalone SVG text, styles inline, on the page's background colour. */
export function chartSvg(figure: Element): string {
  const surface = chartSurface(figure);
  if (!surface) throw new Error('the chart has nothing drawn yet');
  const { width, height } = surface.getBoundingClientRect();
  const background = pageBackground(figure);
  if (surface instanceof HTMLCanvasElement) {
    const image = `<image width="${width}" height="${height}" href="${surface.toDataURL('image/png')}"/>`;
    return `<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${image}</svg>`;
  }
  const copy = surface.cloneNode(true) as SVGSVGElement;
  inlineStyles(surface, copy);
  copy.setAttribute('xmlns', SVG_NS);
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  if (!copy.getAttribute('viewBox')) copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const backdrop = document.createElementNS(SVG_NS, 'rect');
  for (const [name, value] of [
    ['width', '100%'],
    ['height', '100%'],
    ['fill', background],
  ])
    backdrop.setAttribute(name, value);
  copy.insertBefore(backdrop, copy.firstChild);
  return new XMLSerializer().serializeToString(copy);
}

/** Copies the computed look of each element of `source` onto the same element of `target`. */
function inlineStyles(source: Element, target: Element): void {
  const computed = getComputedStyle(source);
  const style = STYLE_PROPERTIES.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(';');
  target.setAttribute('style', style);
  for (let i = 0; i < source.children.length; i++) inlineStyles(source.children[i], target.children[i]);
}

function pageBackground(from: Element): string {
  for (let el: Element | null = from; el; el = el.parentElement) {
    const color = getComputedStyle(el).backgroundColor;
    if (color && color !== 'transparent' && color !== 'rgba(0, 0, 0, 0)') return color;
  }
  return 'white';
}

/** The chart as a PNG at twice its size on screen (sharp on high-density screens and in slides). */
export async function chartPng(figure: Element, scale = 2): Promise<Blob> {
  const surface = chartSurface(figure);
  if (surface instanceof HTMLCanvasElement) return canvasBlob(surface);
  const svg = chartSvg(figure);
  const { width, height } = (surface as SVGSVGElement).getBoundingClientRect();
  // A same-origin Blob URL: the page's policy allows blob: images (tools/contentSecurityPolicy.ts).
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2-D canvas');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await canvasBlob(canvas);
  } finally {
    URL.revokeObjectURL(url);
  }
}

function canvasBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the canvas gave no PNG'))),
      'image/png',
    ),
  );
}
