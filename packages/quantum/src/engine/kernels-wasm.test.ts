/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { assembleKernels } from '../../scripts/assemble.ts';
import { KERNELS_WASM } from './kernels-wasm.ts';

it('the shipped kernel bytes are wasm/kernels.wat assembled (run build:wasm after editing it)', async () => {
  const wat = readFileSync(new URL('../../wasm/kernels.wat', import.meta.url), 'utf8');
  expect(Array.from(await assembleKernels(wat))).toEqual(Array.from(KERNELS_WASM));
});
