// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Quotes normalised: Prettier may switch them.
const css = readFileSync(new URL('../styles.css', import.meta.url), 'utf8').replaceAll("'", '"');

/** Custom properties declared in the first rule whose selector/at-rule prelude matches. */
function tokensOf(prelude: string): Record<string, string> {
  const start = css.indexOf(prelude);
  if (start < 0) throw new Error(`no block ${prelude}`);
  const body = css.slice(css.indexOf('{', start + prelude.length - 1) + 1, css.indexOf('}', start));
  return Object.fromEntries(
    [...body.matchAll(/--ui-([\w-]+):\s*([^;]+);/g)].map((m) => [
      m[1] as string,
      (m[2] as string).trim(),
    ]),
  );
}

const light = tokensOf(':root,\n:root[data-theme="light"] {');
const darkByPreference = tokensOf(':root:not([data-theme="light"]) {');
const darkByAttribute = tokensOf(':root[data-theme="dark"] {');

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!match?.[1]) throw new Error(`not a #rrggbb colour: ${hex}`);
  const value = parseInt(match[1], 16);
  const [r, g, b] = [value >> 16, (value >> 8) & 255, value & 255].map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

// [foreground, background] as the components pair them.
const textPairs: [string, string][] = [
  ['fg', 'bg'],
  ['fg', 'surface'],
  ['fg', 'muted'],
  ['fg', 'danger-soft'],
  ['fg', 'success-soft'],
  ['muted-fg', 'bg'],
  ['muted-fg', 'surface'],
  ['muted-fg', 'muted'],
  ['primary-fg', 'primary'],
  ['primary-fg', 'primary-hover'],
  ['danger-fg', 'danger'],
  ['danger-fg', 'danger-hover'],
  ['danger', 'bg'],
  ['danger', 'danger-soft'],
  ['success', 'bg'],
  ['primary', 'bg'],
];
// Boundaries of controls and the focus ring (WCAG 1.4.11: 3:1).
const uiPairs: [string, string][] = [
  ['control-border', 'bg'],
  ['control-border', 'surface'],
  ['ring', 'bg'],
  ['ring', 'surface'],
];

describe('design tokens', () => {
  it('declare the same tokens in both themes, and one dark theme for both switches', () => {
    expect(Object.keys(darkByPreference).sort()).toEqual(Object.keys(light).sort());
    expect(darkByAttribute).toEqual(darkByPreference);
  });

  for (const [name, theme] of [
    ['light', light],
    ['dark', darkByAttribute],
  ] as const) {
    it.each(textPairs)(`${name}: text %s on %s meets AA (4.5:1)`, (fg, bg) => {
      expect(contrast(theme[fg] ?? '', theme[bg] ?? '')).toBeGreaterThanOrEqual(4.5);
    });
    it.each(uiPairs)(`${name}: %s against %s meets 3:1`, (fg, bg) => {
      expect(contrast(theme[fg] ?? '', theme[bg] ?? '')).toBeGreaterThanOrEqual(3);
    });
  }
});
