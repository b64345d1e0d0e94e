import { describe, expect, it } from 'vitest';
import { catalog } from './catalog.ts';
import { modules } from './registry.ts';

describe('catalog', () => {
  it('lists every module in gallery order with the metadata of the module itself', () => {
    expect(Object.keys(catalog)).toEqual(Object.keys(modules));
    for (const [id, info] of Object.entries(catalog)) {
      const mod = modules[id as keyof typeof modules];
      expect(info.id).toBe(id);
      expect(mod.params).toBe(info.params);
      expect(Object.keys(info.params).sort()).toEqual(Object.keys(mod.defaults).sort());
      for (const preset of info.presets)
        expect(() => mod.paramsSchema.parse(preset.params)).not.toThrow();
    }
  });
});
