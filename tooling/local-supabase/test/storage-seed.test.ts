// config.toml's `[storage.buckets.<name>]` blocks: the fixture's `seeded-files` bucket exists with
// its settings and files on every new database (as after `supabase start`), readable through
// supabase-js; a reset seeds it again from scratch; a bad block is a config error naming its key.
// The first block is a contract suite: `supabase start` on the fixture project passes it too.
import { mkdtemp, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTestTarget, resolveConfig } from '../src/config.ts';
import { startStack, type RunningStack } from '../src/stack.ts';
import { startTestStack, type TestStack } from '../src/testing.ts';
import { FIXTURE_PROJECT } from './support/function-project.ts';
import { ownStackOptions } from './support/own-stack.ts';
import { client } from './support/storage-clients.ts';

const BUCKET = 'seeded-files';
const HELLO = 'hello from config.toml\n';
const INFO = '{ "seeded": true }\n';

describe('a config.toml bucket on a new database', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ projectRoot: FIXTURE_PROJECT });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('exists with the block’s settings', async () => {
    const { data, error } = await client(stack, stack.serviceRoleKey).storage.getBucket(BUCKET);
    expect(error).toBeNull();
    expect(data).toMatchObject({
      id: BUCKET,
      public: true,
      file_size_limit: 1024,
      allowed_mime_types: ['text/plain', 'application/json'],
    });
  });

  it('holds every file under objects_path, named by its relative path', async () => {
    const storage = client(stack, stack.serviceRoleKey).storage.from(BUCKET);
    const top = await storage.list('', { sortBy: { column: 'name', order: 'asc' } });
    expect(top.data?.map((entry) => entry.name)).toEqual(['notes', 'hello.txt']);
    const nested = await storage.list('notes');
    expect(nested.data?.map((entry) => entry.name)).toEqual(['info.json']);
  });

  it('serves the files at their public URLs with their content types', async () => {
    const anon = client(stack, stack.anonKey).storage.from(BUCKET);
    const hello = await fetch(anon.getPublicUrl('hello.txt').data.publicUrl);
    expect(hello.status).toBe(200);
    expect(hello.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await hello.text()).toBe(HELLO);
    const info = await fetch(anon.getPublicUrl('notes/info.json').data.publicUrl);
    expect(info.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await info.text()).toBe(INFO);
  });

  it('downloads them through supabase-js', async () => {
    // download() reads through storage.objects' policies, which give anon nothing here.
    const { data, error } = await client(stack, stack.serviceRoleKey)
      .storage.from(BUCKET)
      .download('notes/info.json');
    expect(error).toBeNull();
    expect(await data?.text()).toBe(INFO);
  });
});

// Reset is this stack's own (`supabase db reset` has no HTTP peer): skipped against a target.
describe.skipIf(readTestTarget() !== undefined)('reset', () => {
  let running: RunningStack | undefined;
  let dataDir: string | undefined;

  afterAll(async () => {
    await running?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('seeds the bucket again: edits and extra objects are gone, no bytes are left behind', async () => {
    const options = await ownStackOptions('storage-seed');
    dataDir = options.dataDir;
    running = await startStack(options);
    const { apiUrl: url, anonKey, serviceRoleKey } = running.config;
    const storage = () =>
      client({ url, anonKey, serviceRoleKey }, serviceRoleKey).storage.from(BUCKET);
    const text = (body: string) => new Blob([body], { type: 'text/plain' });

    expect(
      (await storage().upload('hello.txt', text('edited\n'), { upsert: true })).error,
    ).toBeNull();
    expect((await storage().upload('extra.txt', text('extra\n'))).error).toBeNull();

    await running.reset();

    const hello = await storage().download('hello.txt');
    expect(await hello.data?.text()).toBe(HELLO);
    expect((await storage().download('extra.txt')).error).not.toBeNull();
    const top = await storage().list('');
    expect(top.data?.map((entry) => entry.name).sort()).toEqual(['hello.txt', 'notes']);
    // One stored version per seeded object: the previous database's bytes were dropped.
    const onDisk = await readdir(path.join(dataDir, 'storage', BUCKET), { recursive: true });
    const versions = onDisk.filter((entry) =>
      /[0-9a-f]{8}-[0-9a-f]{4}-/.test(path.basename(entry)),
    );
    expect(versions).toHaveLength(2);
  });
});

describe('a bad bucket block', () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'storage-seed-config-'));
    await mkdir(path.join(root, 'supabase'));
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  async function configError(toml: string): Promise<() => unknown> {
    await writeFile(path.join(root, 'supabase', 'config.toml'), toml);
    return () => resolveConfig({ projectRoot: root });
  }

  it('names the key that is wrong', async () => {
    expect(
      await configError('[storage.buckets.images]\nfile_size_limit = "five megabytes"\n'),
    ).toThrow(/config\.toml: storage\.buckets\.images\.file_size_limit .*size like "5MB"/);
    expect(await configError('[storage.buckets.images]\npublic = "yes"\n')).toThrow(
      /storage\.buckets\.images\.public/,
    );
    expect(await configError('[storage.buckets.images]\nallowed_mime_types = ["image"]\n')).toThrow(
      /storage\.buckets\.images\.allowed_mime_types .*mime types/,
    );
  });

  it('refuses a bucket name Storage would refuse', async () => {
    expect(await configError('[storage.buckets.".hidden"]\npublic = true\n')).toThrow(
      /storage\.buckets\.\.hidden .*must not start with "\."/,
    );
  });

  it('resolves objects_path against supabase/, as the CLI does', async () => {
    const read = await configError('[storage.buckets.images]\nobjects_path = "./seed/images"\n');
    expect(read()).toMatchObject({
      storageBuckets: [
        {
          name: 'images',
          public: false,
          fileSizeLimit: null,
          allowedMimeTypes: null,
          objectsPath: path.join(root, 'supabase', 'seed', 'images'),
        },
      ],
    });
  });
});
