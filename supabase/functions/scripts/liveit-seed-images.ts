// Uploads LiveIt's demo product images (supabase/seed/liveit/images, made by liveit-seed.ts)
// into the public liveit-product-images bucket, overwriting what is there, so the seeded
// liveit_product_images rows resolve. Seed SQL cannot carry file bytes, hence this step.
//
//   pnpm --filter @alawein/functions liveit:seed-images            # the local stack on 54321
//   SUPABASE_URL=… SUPABASE_SERVICE_ROLE_KEY=… pnpm --filter @alawein/functions liveit:seed-images
//
// e2e and other scripts import uploadLiveitImages and pass their stack's URL and key.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_API_PORT, DEMO_SERVICE_ROLE_KEY } from '@alawein/local-supabase/constants';
import { createNodeClient } from '@alawein/local-supabase/testing';

const imagesDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../seed/liveit/images',
);
const BUCKET = 'liveit-product-images';
const TYPES: Record<string, string> = { '.webp': 'image/webp', '.avif': 'image/avif' };

/** Uploads every seed image (upsert); resolves to how many files were written. */
export async function uploadLiveitImages(url: string, serviceRoleKey: string): Promise<number> {
  const storage = createNodeClient(url, serviceRoleKey).storage.from(BUCKET);
  const files: string[] = [];
  for (const dir of await readdir(imagesDir, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const file of await readdir(path.join(imagesDir, dir.name))) {
      if (TYPES[path.extname(file)]) files.push(`${dir.name}/${file}`);
    }
  }
  // A few at a time: quick, without flooding a small machine.
  for (let i = 0; i < files.length; i += 8) {
    await Promise.all(
      files.slice(i, i + 8).map(async (name) => {
        const { error } = await storage.upload(name, await readFile(path.join(imagesDir, name)), {
          contentType: TYPES[path.extname(name)]!,
          cacheControl: '31536000',
          upsert: true,
        });
        if (error) throw new Error(`${name}: ${error.message}`);
      }),
    );
  }
  return files.length;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // Scripts run outside the functions runtime read their target here, once.
  const url = process.env.SUPABASE_URL ?? `http://127.0.0.1:${DEFAULT_API_PORT}`;
  const key = process.env.SUPABASE_SERVICE_ROLE_KEY ?? DEMO_SERVICE_ROLE_KEY;
  const count = await uploadLiveitImages(url, key);
  console.log(`Uploaded ${count} LiveIt images to ${url} (bucket ${BUCKET}).`);
}
