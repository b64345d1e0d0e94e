// A Bloch sphere in SVG: the sphere's outline, its equator in perspective, the axes and the
// qubit's vector. The picture is decorative for screen readers; the caption beside it carries
// the numbers.

const SIZE = 112;
const R = 44;
const C = SIZE / 2;
/** How flat the equator looks: the sphere is seen from slightly above. */
const TILT = 0.3;

/** Screen position of the point (x, y, z) on or in the unit sphere. */
function project([x, y, z]: readonly [number, number, number]): [number, number] {
  // x points towards the viewer (down-left), y to the right, z up.
  const sx = C + R * (y - 0.5 * x * 0.7);
  const sy = C - R * (z * Math.sqrt(1 - TILT * TILT) - TILT * x * 0.7);
  return [sx, sy];
}

export function BlochSphere({
  vector,
  label,
}: {
  vector: readonly [number, number, number];
  label: string;
}) {
  const [tipX, tipY] = project(vector);
  const axes: [string, [number, number, number]][] = [
    ['z', [0, 0, 1.18]],
    ['x', [1.25, 0, 0]],
    ['y', [0, 1.18, 0]],
  ];
  return (
    <svg
      width={SIZE}
      height={SIZE}
      viewBox={`0 0 ${SIZE} ${SIZE}`}
      role="img"
      aria-label={label}
      className="text-fg"
    >
      <circle cx={C} cy={C} r={R} fill="none" stroke="currentColor" strokeOpacity={0.5} />
      <ellipse
        cx={C}
        cy={C}
        rx={R}
        ry={R * TILT}
        fill="none"
        stroke="currentColor"
        strokeOpacity={0.35}
        strokeDasharray="3 3"
      />
      {axes.map(([name, end]) => {
        const [x, y] = project(end);
        return (
          <g key={name}>
            <line x1={C} y1={C} x2={x} y2={y} stroke="currentColor" strokeOpacity={0.35} />
            <text
              x={x}
              y={y}
              fontSize={9}
              textAnchor="middle"
              dy={name === 'z' ? -2 : 8}
              fill="currentColor"
            >
              {name}
            </text>
          </g>
        );
      })}
      <line
        x1={C}
        y1={C}
        x2={tipX}
        y2={tipY}
        stroke="var(--color-primary, currentColor)"
        strokeWidth={2.5}
      />
      <circle cx={tipX} cy={tipY} r={3.5} fill="var(--color-primary, currentColor)" />
    </svg>
  );
}
