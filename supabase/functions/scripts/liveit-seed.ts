// Builds LiveIt's demo catalogue from supabase/seed/liveit/catalogue.json: product artwork drawn
// here as SVG and rendered with sharp to WebP and AVIF (an original plus two widths), and the
// LiveIt block of supabase/seed.sql (categories, products, variants, images, demo orders and
// reviews). Run after editing the catalogue: `pnpm --filter @alawein/functions liveit:seed-build`.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const seedDir = path.join(root, 'supabase/seed/liveit');
const imagesDir = path.join(seedDir, 'images');
const seedSql = path.join(root, 'supabase/seed.sql');

/** Widths each image is rendered at besides the original (see @alawein/liveit-domain images.ts). */
const WIDTHS = [400, 800];
const ORIGINAL_WIDTH = 1200;

interface Product {
  slug: string;
  category: string;
  kind: string;
  name: string;
  mark: string;
  price: number;
  description: string;
  sizes: (string | null)[];
  colours: string[];
  stock: number[];
}
interface Catalogue {
  categories: { slug: string; name: string; description: string }[];
  products: Product[];
}

const COLOURS: Record<string, string> = {
  Black: '#1d1d1f',
  White: '#f4f4f2',
  Red: '#c8102e',
  Grey: '#8a8d91',
  Navy: '#1f2a44',
  Olive: '#5b6236',
  Green: '#0b4d2c',
  Tan: '#b08457',
  Blue: '#1c5fa8',
  Silver: '#b9bcc0',
  Multi: '#e0a100',
};

const SHAPES: Record<string, string> = {
  tee: 'M300 250 L420 200 Q500 240 580 200 L700 250 L760 400 L660 430 L660 800 L340 800 L340 430 L240 400 Z',
  hoodie:
    'M300 270 L410 210 Q420 140 500 130 Q580 140 590 210 L700 270 L770 520 L670 540 L670 820 L330 820 L330 540 L230 520 Z',
  jacket:
    'M300 250 L420 200 L500 260 L580 200 L700 250 L770 560 L680 580 L680 820 L320 820 L320 580 L230 560 Z',
  gloves:
    'M360 820 L360 520 L330 380 Q330 350 360 350 L390 480 L390 300 Q390 270 420 270 Q450 270 450 300 L450 470 L460 270 Q460 240 490 240 Q520 240 520 270 L520 470 L540 300 Q540 270 570 270 Q600 270 600 300 L590 520 L650 440 Q680 420 700 450 L620 620 L620 820 Z',
  socks:
    'M420 200 L580 200 L580 600 Q580 640 620 660 L700 700 Q760 740 720 800 L520 800 Q420 800 420 700 Z',
  cap: 'M260 560 Q260 330 500 320 Q740 330 740 560 Z M500 560 L820 600 Q830 640 780 650 L500 610 Z',
  beanie:
    'M300 640 Q300 300 500 290 Q700 300 700 640 Z M280 640 L720 640 L720 740 L280 740 Z M500 290 m-45 -40 a45 45 0 1 0 90 0 a45 45 0 1 0 -90 0',
  keychain:
    'M500 170 m-70 0 a70 70 0 1 0 140 0 a70 70 0 1 0 -140 0 M480 240 L520 240 L520 330 L480 330 Z M380 330 L620 330 L620 560 Q620 640 500 640 Q380 640 380 560 Z',
  mug: 'M300 300 L620 300 L620 780 Q620 820 580 820 L340 820 Q300 820 300 780 Z M620 400 Q760 400 760 540 Q760 680 620 680 L620 620 Q700 620 700 540 Q700 460 620 460 Z',
  lanyard:
    'M380 120 L440 120 L520 560 L480 560 Z M620 120 L560 120 L480 560 L520 560 Z M380 560 L620 560 L620 860 L380 860 Z',
  bag: 'M280 380 L720 380 L760 820 L240 820 Z M400 380 Q400 240 500 240 Q600 240 600 380 L570 380 Q570 270 500 270 Q430 270 430 380 Z',
  decal: 'M260 260 L740 260 L740 740 L260 740 Z',
  poster: 'M250 150 L750 150 L750 850 L250 850 Z',
};

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The product on a studio backdrop: its silhouette in the variant colour, a stripe and its mark. */
function artwork(product: Product, colour: string): string {
  const fill = COLOURS[colour] ?? '#444';
  const light = ['White', 'Silver', 'Tan', 'Multi'].includes(colour);
  const ink = light ? '#1d1d1f' : '#f4f4f2';
  const accent = colour === 'Red' ? '#f4f4f2' : '#c8102e';
  const shape = SHAPES[product.kind] ?? SHAPES.decal!;
  const markSize = product.mark.length > 4 ? 58 : 80;
  const markY = product.kind === 'cap' ? 500 : product.kind === 'keychain' ? 520 : 560;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000 1000" width="1000" height="1000">
  <defs>
    <radialGradient id="bg" cx="50%" cy="40%" r="75%">
      <stop offset="0" stop-color="#f7f5f0"/><stop offset="1" stop-color="#d9d4ca"/>
    </radialGradient>
    <clipPath id="shape"><path d="${shape}" fill-rule="evenodd"/></clipPath>
  </defs>
  <rect width="1000" height="1000" fill="url(#bg)"/>
  <ellipse cx="500" cy="900" rx="300" ry="28" fill="#000" opacity="0.12"/>
  <path d="${shape}" fill="${fill}" stroke="#00000033" stroke-width="6" fill-rule="evenodd"/>
  <g clip-path="url(#shape)">
    <rect x="0" y="${markY - 150}" width="1000" height="22" fill="${accent}" opacity="0.9"/>
    <rect x="0" y="${markY - 118}" width="1000" height="8" fill="${accent}" opacity="0.9"/>
    <text x="500" y="${markY}" text-anchor="middle" font-family="DejaVu Sans, Arial, sans-serif" font-weight="700"
      font-style="italic" font-size="${markSize}" fill="${ink}" letter-spacing="4">${escapeXml(product.mark)}</text>
  </g>
  <text x="60" y="90" font-family="DejaVu Sans, Arial, sans-serif" font-weight="700" font-size="34" fill="#1d1d1f" letter-spacing="6">LIVE IT ICONIC</text>
</svg>`;
}

const slugOf = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const sqlText = (text: string | null) => (text === null ? 'null' : `'${text.replace(/'/g, "''")}'`);

/** Renders one image: `<slug>/<name>.webp` (original) and `-<width>.webp|avif`. */
async function renderImage(product: Product, colour: string): Promise<string> {
  const name = slugOf(colour);
  const dir = path.join(imagesDir, product.slug);
  await mkdir(dir, { recursive: true });
  const svg = Buffer.from(artwork(product, colour));
  await sharp(svg, { density: 144 })
    .resize(ORIGINAL_WIDTH)
    .webp({ quality: 78 })
    .toFile(path.join(dir, `${name}.webp`));
  for (const width of WIDTHS) {
    const base = sharp(svg, { density: 144 }).resize(width);
    await base
      .clone()
      .webp({ quality: 75 })
      .toFile(path.join(dir, `${name}-${width}.webp`));
    await base
      .clone()
      .avif({ quality: 55, effort: 4 })
      .toFile(path.join(dir, `${name}-${width}.avif`));
  }
  return `${product.slug}/${name}.webp`;
}

function skuOf(product: Product, size: string | null, colour: string): string {
  const parts = [
    product.slug
      .split('-')
      .map((w) => w.slice(0, 3))
      .join(''),
    colour.slice(0, 3),
  ];
  if (size) parts.push(size.replace(/\s+/g, ''));
  return parts
    .join('-')
    .toUpperCase()
    .replace(/[^A-Z0-9-]/g, '');
}

function seedBlock(catalogue: Catalogue, images: Map<string, string[]>): string {
  const categories = catalogue.categories
    .map((c, i) => `  (${sqlText(c.slug)}, ${sqlText(c.name)}, ${sqlText(c.description)}, ${i})`)
    .join(',\n');
  const products = catalogue.products
    .map((p, i) => {
      const created = `now() - interval '${catalogue.products.length - i} days'`;
      return `  (${sqlText(p.category)}, ${sqlText(p.slug)}, ${sqlText(p.name)}, ${sqlText(p.description)}, ${created})`;
    })
    .join(',\n');
  const variants: string[] = [];
  for (const p of catalogue.products) {
    let n = 0;
    for (const colour of p.colours) {
      for (const size of p.sizes) {
        variants.push(
          `  (${sqlText(p.slug)}, ${sqlText(skuOf(p, size, colour))}, ${sqlText(size)}, ${sqlText(colour)}, ${p.price}, ${p.stock[n]}, ${n})`,
        );
        n += 1;
      }
    }
  }
  const imageRows: string[] = [];
  for (const p of catalogue.products) {
    for (const [i, storagePath] of (images.get(p.slug) ?? []).entries()) {
      const colour = p.colours[i]!;
      imageRows.push(
        `  (${sqlText(p.slug)}, ${sqlText(storagePath)}, ${sqlText(`${p.name} in ${colour.toLowerCase()}`)}, ${i})`,
      );
    }
  }
  const sku = (slug: string, size: string | null, colour: string) =>
    sqlText(
      skuOf(
        catalogue.products.find((p) => p.slug === slug)!,
        size,
        colour,
      ),
    );
  return `-- LiveIt (generated by supabase/functions/scripts/liveit-seed.ts from supabase/seed/liveit/catalogue.json;
-- edit those and rerun \`pnpm --filter @alawein/functions liveit:seed-build\`). The images are
-- uploaded to the liveit-product-images bucket by \`pnpm --filter @alawein/functions liveit:seed-images\`.
-- Demo orders and reviews go through the same functions liveit-api calls.

insert into public.liveit_categories (slug, name, description, position) values
${categories};

insert into public.liveit_products (category_id, slug, name, description, status, created_at)
select c.id, v.slug, v.name, v.description, 'active', v.created_at
from (values
${products}
) as v (category, slug, name, description, created_at)
join public.liveit_categories c on c.slug = v.category;

insert into public.liveit_variants (product_id, sku, size, colour, price_cents, stock_on_hand, position)
select p.id, v.sku, v.size, v.colour, v.price_cents, v.stock_on_hand, v.position
from (values
${variants.join(',\n')}
) as v (product, sku, size, colour, price_cents, stock_on_hand, position)
join public.liveit_products p on p.slug = v.product;

insert into public.liveit_product_images (product_id, storage_path, alt, position, widths)
select p.id, v.storage_path, v.alt, v.position, '{${WIDTHS.join(',')}}'
from (values
${imageRows.join(',\n')}
) as v (product, storage_path, alt, position)
join public.liveit_products p on p.slug = v.product;

-- Demo orders (paid through the same event path as Stripe's), then reviews by their buyers.
do $liveit$
declare
  address jsonb := '{"name": "Demo User", "line1": "1 Paddock Lane", "city": "Silverstone", "postal_code": "NN12 8TN", "country": "GB"}';
  buys constant jsonb := jsonb_build_array(
    jsonb_build_array('00000000-0000-4000-8000-000000000001', ${sku('apex-tee', 'M', 'Black')}, 2, 'shipped'),
    jsonb_build_array('00000000-0000-4000-8000-000000000001', ${sku('track-day-cap', null, 'Navy')}, 1, 'paid'),
    jsonb_build_array('00000000-0000-4000-8000-000000000002', ${sku('apex-tee', 'L', 'White')}, 1, 'paid'),
    jsonb_build_array('00000000-0000-4000-8000-000000000003', ${sku('night-stint-hoodie', 'M', 'Black')}, 1, 'fulfilled'));
  buy jsonb;
  placed jsonb;
begin
  for buy in select * from jsonb_array_elements(buys) loop
    placed := public.liveit_checkout((buy ->> 0)::uuid,
      jsonb_build_array(jsonb_build_object(
        'variant_id', (select v.id from public.liveit_variants v where v.sku = buy ->> 1),
        'quantity', (buy ->> 2)::integer)),
      address);
    perform public.liveit_apply_payment_event('evt_seed_' || (placed ->> 'id'), 'checkout.session.completed',
      (placed ->> 'id')::uuid);
    if buy ->> 3 in ('fulfilled', 'shipped') then
      perform public.liveit_set_order_status((placed ->> 'id')::uuid, 'fulfilled');
    end if;
    if buy ->> 3 = 'shipped' then
      perform public.liveit_set_order_status((placed ->> 'id')::uuid, 'shipped');
    end if;
  end loop;
end;
$liveit$;

select public.liveit_create_review(r.customer, p.id, r.rating, r.title, r.body)
from (values
  ('00000000-0000-4000-8000-000000000001'::uuid, 'apex-tee', 5, 'My paddock uniform', 'Heavy cotton, holds its shape after a dozen washes. Sized true.'),
  ('00000000-0000-4000-8000-000000000001'::uuid, 'track-day-cap', 4, 'Good cap, stiff at first', 'Took a couple of track days to break in. Buckle is a nice touch.'),
  ('00000000-0000-4000-8000-000000000002'::uuid, 'apex-tee', 4, 'Great print', 'Print is crisp; the fit is boxy, so size down if you like it close.'),
  ('00000000-0000-4000-8000-000000000003'::uuid, 'night-stint-hoodie', 5, 'Warmest thing I own', 'Wore it through a night at the 24h. Worth every cent.')
) as r (customer, product, rating, title, body)
join public.liveit_products p on p.slug = r.product;
`;
}

const BEGIN = '-- >>> LiveIt';
const END = '-- <<< LiveIt';

async function main(): Promise<void> {
  const catalogue = JSON.parse(
    await readFile(path.join(seedDir, 'catalogue.json'), 'utf8'),
  ) as Catalogue;
  await rm(imagesDir, { recursive: true, force: true });
  const images = new Map<string, string[]>();
  for (const product of catalogue.products) {
    const paths: string[] = [];
    for (const colour of product.colours) paths.push(await renderImage(product, colour));
    images.set(product.slug, paths);
  }
  const block = `${BEGIN}\n${seedBlock(catalogue, images)}${END}\n`;
  const current = await readFile(seedSql, 'utf8');
  const start = current.indexOf(BEGIN);
  const end = current.indexOf(END);
  const next =
    start >= 0 && end > start
      ? current.slice(0, start) + block + current.slice(end + END.length + 1)
      : `${current.trimEnd()}\n\n${block}`;
  await writeFile(seedSql, next);
  const variants = catalogue.products.reduce((n, p) => n + p.sizes.length * p.colours.length, 0);
  console.log(
    `${catalogue.categories.length} categories, ${catalogue.products.length} products, ${variants} variants, ` +
      `${[...images.values()].flat().length} images in ${path.relative(root, imagesDir)}`,
  );
}

await main();
