/// <reference types="node" />
import createWabt from 'wabt';

/** Assembles the kernels' text format into a WebAssembly binary (SIMD and bulk memory on). */
export async function assembleKernels(wat: string): Promise<Uint8Array> {
  const wabt = await createWabt();
  const module = wabt.parseWat('kernels.wat', wat, { simd: true, bulk_memory: true });
  try {
    module.validate();
    return new Uint8Array(module.toBinary({}).buffer);
  } finally {
    module.destroy();
  }
}
