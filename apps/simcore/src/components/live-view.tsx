// The live picture of a running simulation, drawn to a canvas from the worker's latest frame:
// the Ising lattice as an image, |ψ|² with the barrier, bands and DOS, the magnetisation's
// projections, the particle cloud, the pendulum. A text line says the same for screen readers.
import { useEffect, useRef } from 'react';
import type { ModuleId } from '@alawein/simcore-engine';

const WIDTH = 480;
const HEIGHT = 320;
const INK = '#2563eb';
const ACCENT = '#dc2626';
const GRID = '#94a3b8';

type Ctx = CanvasRenderingContext2D;

interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** A polyline of (xs[i], ys[i]) scaled from `box` into the canvas rectangle `[left, top, w, h]`. */
function polyline(
  ctx: Ctx,
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  box: Box,
  rect: number[],
  color: string,
) {
  const [left = 0, top = 0, w = WIDTH, h = HEIGHT] = rect;
  ctx.strokeStyle = color;
  ctx.lineWidth = 2;
  ctx.beginPath();
  for (let i = 0; i < xs.length; i += 1) {
    const px = left + ((xs[i]! - box.x0) / (box.x1 - box.x0)) * w;
    const py = top + h - ((ys[i]! - box.y0) / (box.y1 - box.y0)) * h;
    if (i === 0) ctx.moveTo(px, py);
    else ctx.lineTo(px, py);
  }
  ctx.stroke();
}

function frame(ctx: Ctx, rect: number[]) {
  const [left = 0, top = 0, w = 0, h = 0] = rect;
  ctx.strokeStyle = GRID;
  ctx.lineWidth = 1;
  ctx.strokeRect(left + 0.5, top + 0.5, w - 1, h - 1);
}

function num(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}

function array(value: unknown): Float64Array | Uint8Array | undefined {
  return value instanceof Float64Array || value instanceof Uint8Array ? value : undefined;
}

function drawIsing(ctx: Ctx, f: Record<string, unknown>) {
  const size = num(f.size);
  const spins = array(f.spins);
  if (!spins || size === 0) return;
  const image = ctx.createImageData(size, size);
  for (let i = 0; i < size * size; i += 1) {
    const up = spins[i] === 1;
    image.data.set(up ? [30, 64, 175, 255] : [241, 245, 249, 255], i * 4);
  }
  const side = Math.min(WIDTH, HEIGHT);
  const bitmap = document.createElement('canvas');
  bitmap.width = size;
  bitmap.height = size;
  bitmap.getContext('2d')?.putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(bitmap, (WIDTH - side) / 2, 0, side, side);
}

function drawTunneling(ctx: Ctx, f: Record<string, unknown>, params: Record<string, unknown>) {
  const density = array(f.density);
  if (!density) return;
  const length = num(params.length);
  const n = density.length;
  const xs = Float64Array.from({ length: n }, (_, i) => -length / 2 + (i * length) / n);
  const peak = Math.max(...density, 1e-12);
  const rect = [0, 10, WIDTH, HEIGHT - 20];
  const box = { x0: -length / 2, x1: length / 2, y0: 0, y1: peak * 1.1 };
  const barrierLeft = ((0 - box.x0) / (box.x1 - box.x0)) * WIDTH;
  const barrierWidth = (num(params.barrierWidth) / length) * WIDTH;
  ctx.fillStyle = 'rgba(220, 38, 38, 0.18)';
  ctx.fillRect(barrierLeft, 10, Math.max(2, barrierWidth), HEIGHT - 20);
  polyline(ctx, xs, density, box, rect, INK);
}

function drawGraphene(ctx: Ctx, f: Record<string, unknown>) {
  const distance = array(f.distance);
  const upper = array(f.upper);
  const energy = array(f.dosEnergy);
  const density = array(f.dosDensity);
  const left = [0, 0, WIDTH * 0.62, HEIGHT];
  const right = [WIDTH * 0.66, 0, WIDTH * 0.34, HEIGHT];
  frame(ctx, left);
  frame(ctx, right);
  if (distance && upper && distance.length > 1) {
    const top = Math.max(...upper, 1e-9);
    const box = { x0: 0, x1: distance[distance.length - 1]!, y0: -top * 1.05, y1: top * 1.05 };
    polyline(ctx, distance, upper, box, left, INK);
    polyline(
      ctx,
      distance,
      Float64Array.from(upper, (e) => -e),
      box,
      left,
      ACCENT,
    );
  }
  if (energy && density && energy.length > 1) {
    const peak = Math.max(...density, 1e-9);
    // DOS on its side: energy up the page, like the bands beside it.
    const box = { x0: 0, x1: peak, y0: energy[0]!, y1: energy[energy.length - 1]! };
    polyline(ctx, density, energy, box, right, INK);
  }
}

/** LLG trail of m over the run so far, drawn as xy and xz projections. */
function drawLlg(ctx: Ctx, trail: number[][]) {
  const panels = [
    { rect: [0, 0, WIDTH / 2 - 8, HEIGHT], a: 0, b: 1 },
    { rect: [WIDTH / 2 + 8, 0, WIDTH / 2 - 8, HEIGHT], a: 0, b: 2 },
  ];
  const box = { x0: -1.05, x1: 1.05, y0: -1.05, y1: 1.05 };
  for (const panel of panels) {
    frame(ctx, panel.rect);
    polyline(
      ctx,
      trail.map((m) => m[panel.a]!),
      trail.map((m) => m[panel.b]!),
      box,
      panel.rect,
      INK,
    );
  }
}

function drawBrownian(ctx: Ctx, f: Record<string, unknown>) {
  const positions = array(f.positions);
  if (!positions) return;
  let extent = 1e-9;
  for (const value of positions) extent = Math.max(extent, Math.abs(value));
  ctx.fillStyle = INK;
  const scale = (Math.min(WIDTH, HEIGHT) / 2 - 4) / extent;
  for (let i = 0; i + 1 < positions.length; i += 2) {
    ctx.fillRect(
      WIDTH / 2 + positions[i]! * scale - 1,
      HEIGHT / 2 - positions[i + 1]! * scale - 1,
      2,
      2,
    );
  }
}

function drawPendulum(ctx: Ctx, f: Record<string, unknown>) {
  const bobs = array(f.bobs);
  if (!bobs || bobs.length < 4) return;
  const reach =
    Math.max(Math.hypot(bobs[2]!, bobs[3]!), Math.hypot(bobs[0]!, bobs[1]!), 1e-9) * 1.1;
  const scale = (HEIGHT / 2 - 8) / reach;
  const at = (x: number, y: number): [number, number] => [
    WIDTH / 2 + x * scale,
    HEIGHT / 2 - y * scale,
  ];
  const points = [at(0, 0), at(bobs[0]!, bobs[1]!), at(bobs[2]!, bobs[3]!)];
  ctx.strokeStyle = INK;
  ctx.lineWidth = 3;
  ctx.beginPath();
  points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
  ctx.stroke();
  ctx.fillStyle = ACCENT;
  for (const [x, y] of points.slice(1)) {
    ctx.beginPath();
    ctx.arc(x, y, 8, 0, 2 * Math.PI);
    ctx.fill();
  }
}

/** What the frame shows, in words. */
function describe(moduleId: ModuleId, f: Record<string, unknown>): string {
  switch (moduleId) {
    case 'ising':
      return `Lattice at sweep ${num(f.sweep)}: magnetisation ${num(f.magnetization).toFixed(3)}, energy per spin ${num(f.energy).toFixed(3)}.`;
    case 'tunneling':
      return `Wave packet at t = ${num(f.time).toFixed(2)}: transmitted ${num(f.transmission).toFixed(3)}, reflected ${num(f.reflection).toFixed(3)}.`;
    case 'graphene':
      return `Bands along Γ→K→M→Γ and the density of states (${Math.round(num(f.fraction) * 100)}% computed).`;
    case 'llg': {
      const m = array(f.m);
      return `Magnetisation at t = ${num(f.time).toFixed(2)}: (${m ? [...m].map((v) => v.toFixed(3)).join(', ') : '–'}).`;
    }
    case 'brownian':
      return `Particle cloud at t = ${num(f.time).toFixed(2)}: MSD ${num(f.msd).toFixed(3)}.`;
    default:
      return `Double pendulum at t = ${num(f.time).toFixed(2)} s.`;
  }
}

export function LiveView({
  moduleId,
  frame: current,
  params,
}: {
  moduleId: ModuleId;
  frame: unknown;
  params: Record<string, unknown>;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const trail = useRef<number[][]>([]);
  const f =
    current && typeof current === 'object' ? (current as Record<string, unknown>) : undefined;

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx || !f) {
      trail.current = [];
      return;
    }
    ctx.clearRect(0, 0, WIDTH, HEIGHT);
    if (moduleId === 'ising') drawIsing(ctx, f);
    else if (moduleId === 'tunneling') drawTunneling(ctx, f, params);
    else if (moduleId === 'graphene') drawGraphene(ctx, f);
    else if (moduleId === 'llg') {
      const m = array(f.m);
      if (m) trail.current.push([...m]);
      drawLlg(ctx, trail.current);
    } else if (moduleId === 'brownian') drawBrownian(ctx, f);
    else drawPendulum(ctx, f);
  }, [moduleId, f, params]);

  return (
    <figure className="flex flex-col gap-2" data-testid="live-view">
      <canvas
        ref={canvas}
        width={WIDTH}
        height={HEIGHT}
        className="w-full max-w-xl rounded border border-border bg-bg"
        role="img"
        aria-label={f ? describe(moduleId, f) : 'No run yet'}
        data-testid="live-canvas"
      />
      <figcaption className="text-sm text-muted-fg" aria-live="off" data-testid="live-caption">
        {f ? describe(moduleId, f) : 'Press Run to see the simulation live.'}
      </figcaption>
    </figure>
  );
}
