// /storage/v1 through the stack's gateway with the real supabase-js: buckets, uploads (raw and
// multipart), downloads, listing, move/copy/remove, signed URLs, limits, and the fixture's
// storage.objects policies (each user owns the folder named after their id).
/* eslint-disable @typescript-eslint/no-unsafe-assignment -- vitest's asymmetric matchers (expect.any, stringContaining) are typed `any` */
import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../src/testing.ts';
import { FIXTURE_PROJECT } from './support/function-project.ts';
import { client, signUp, type TestUser } from './support/storage-clients.ts';

let stack: TestStack;
let admin: ReturnType<typeof client>;
let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  stack = await startTestStack({ projectRoot: FIXTURE_PROJECT });
  admin = client(stack, stack.serviceRoleKey);
  [alice, bob] = await Promise.all([signUp(stack, 'alice'), signUp(stack, 'bob')]);
});

afterAll(async () => {
  await stack?.stop();
});

/** A raw request whose path is sent byte-for-byte (fetch would normalise `..` away). */
function rawRequest(
  method: string,
  rawPath: string,
  headers: Record<string, string>,
  body?: string,
) {
  const url = new URL(stack.url);
  return new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, method, path: rawPath, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString() || '{}'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function authHeaders(user: TestUser): Record<string, string> {
  return { apikey: stack.anonKey, authorization: `Bearer ${user.accessToken}` };
}

describe('buckets', () => {
  it('lets the service role create, read, update, empty and delete a bucket', async () => {
    const id = `bucket-${randomUUID().slice(0, 8)}`;
    expect(
      await admin.storage.createBucket(id, {
        public: false,
        fileSizeLimit: '1MB',
        allowedMimeTypes: ['image/*'],
      }),
    ).toEqual({
      data: { name: id },
      error: null,
    });
    const created = await admin.storage.getBucket(id);
    expect(created.data).toMatchObject({
      id,
      name: id,
      public: false,
      file_size_limit: 1_000_000,
      allowed_mime_types: ['image/*'],
    });
    const listed = await admin.storage.listBuckets();
    expect(listed.data?.map((bucket) => bucket.id)).toContain(id);

    expect(
      (
        await admin.storage.updateBucket(id, {
          public: true,
          fileSizeLimit: 2048,
          allowedMimeTypes: ['text/plain'],
        })
      ).error,
    ).toBeNull();
    expect((await admin.storage.getBucket(id)).data).toMatchObject({
      public: true,
      file_size_limit: 2048,
      allowed_mime_types: ['text/plain'],
    });

    await admin.storage.from(id).upload('a.txt', 'a', { contentType: 'text/plain' });
    const notEmpty = await admin.storage.deleteBucket(id);
    expect(notEmpty.error).toMatchObject({
      status: 409,
      message: 'The bucket you tried to delete is not empty',
    });
    expect((await admin.storage.emptyBucket(id)).data).toEqual({ message: 'Successfully emptied' });
    expect((await admin.storage.deleteBucket(id)).data).toEqual({
      message: 'Successfully deleted',
    });
    expect((await admin.storage.getBucket(id)).error).toMatchObject({
      status: 404,
      message: 'Bucket not found',
    });
  });

  it('refuses duplicate buckets, bad settings and bucket changes by signed-in users', async () => {
    expect((await admin.storage.createBucket('user-files')).error).toMatchObject({ status: 409 });
    expect((await admin.storage.createBucket('bad/name')).error).toMatchObject({
      status: 400,
      message: expect.stringContaining('Bucket name invalid'),
    });
    const badLimit = await admin.storage.createBucket(`b-${randomUUID().slice(0, 6)}`, {
      public: false,
      fileSizeLimit: 'lots',
    });
    expect(badLimit.error).toMatchObject({
      status: 400,
      message: expect.stringContaining('file_size_limit'),
    });
    const badMime = await admin.storage.createBucket(`b-${randomUUID().slice(0, 6)}`, {
      public: false,
      allowedMimeTypes: ['not a mime'],
    });
    expect(badMime.error).toMatchObject({
      status: 400,
      message: expect.stringContaining('allowed_mime_types'),
    });
    const byUser = await alice.client.storage.createBucket(`mine-${randomUUID().slice(0, 6)}`);
    expect(byUser.error).toMatchObject({
      status: 403,
      message: expect.stringContaining('row-level security'),
    });
    expect((await alice.client.storage.deleteBucket('public-assets')).error).not.toBeNull();
  });
});

describe('objects', () => {
  it('uploads raw and multipart bodies and downloads the same bytes with their content type', async () => {
    const files = alice.client.storage.from('user-files');
    const raw = await files.upload(`${alice.id}/notes/hello.txt`, 'hello storage', {
      contentType: 'text/plain',
      cacheControl: '120',
    });
    expect(raw.error).toBeNull();
    expect(raw.data).toMatchObject({
      path: `${alice.id}/notes/hello.txt`,
      fullPath: `user-files/${alice.id}/notes/hello.txt`,
    });
    const bytes = new Uint8Array(256).map((_, index) => index);
    const multipart = await files.upload(
      `${alice.id}/bytes.bin`,
      new Blob([bytes], { type: 'application/octet-stream' }),
      {
        metadata: { purpose: 'test' },
      },
    );
    expect(multipart.error).toBeNull();

    const text = await files.download(`${alice.id}/notes/hello.txt`);
    expect(await text.data?.text()).toBe('hello storage');
    expect(text.data?.type).toBe('text/plain');
    const binary = await files.download(`${alice.id}/bytes.bin`);
    expect(new Uint8Array(await binary.data!.arrayBuffer())).toEqual(bytes);

    const info = await files.info(`${alice.id}/bytes.bin`);
    expect(info.data).toMatchObject({
      size: 256,
      contentType: 'application/octet-stream',
      metadata: { purpose: 'test' },
    });
    expect((await files.exists(`${alice.id}/bytes.bin`)).data).toBe(true);
    expect((await files.exists(`${alice.id}/missing.bin`)).data).toBe(false);

    const response = await fetch(
      `${stack.url}/storage/v1/object/authenticated/user-files/${alice.id}/notes/hello.txt`,
      {
        headers: authHeaders(alice),
      },
    );
    expect(response.headers.get('cache-control')).toBe('max-age=120');
    expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
  });

  it('keeps names with spaces and non-ASCII letters intact', async () => {
    const files = alice.client.storage.from('user-files');
    const name = `${alice.id}/unicode/Résumé draft ü (1).txt`;
    expect(
      (await files.upload(name, 'ü', { contentType: 'text/plain;charset=UTF-8' })).error,
    ).toBeNull();
    expect((await files.list(`${alice.id}/unicode`)).data!.map((entry) => entry.name)).toEqual([
      'Résumé draft ü (1).txt',
    ]);
    expect(await (await files.download(name)).data?.text()).toBe('ü');
    const signed = await files.createSignedUrl(name, 60);
    expect(await (await fetch(signed.data!.signedUrl)).text()).toBe('ü');
  });

  it('refuses to overwrite without x-upsert, and replaces the bytes with it', async () => {
    const files = alice.client.storage.from('user-files');
    const name = `${alice.id}/upsert.txt`;
    await files.upload(name, 'first', { contentType: 'text/plain' });
    const again = await files.upload(name, 'second', { contentType: 'text/plain' });
    expect(again.error).toMatchObject({ status: 409, message: 'The resource already exists' });
    expect(await (await files.download(name)).data?.text()).toBe('first');
    expect(
      (await files.upload(name, 'second', { contentType: 'text/plain', upsert: true })).error,
    ).toBeNull();
    expect(await (await files.download(name)).data?.text()).toBe('second');
    expect((await files.update(name, 'third', { contentType: 'text/plain' })).error).toBeNull();
    expect(await (await files.download(name)).data?.text()).toBe('third');
  });

  it('lists folders (id null) and files with prefix, search, sort, limit and offset', async () => {
    const files = alice.client.storage.from('user-files');
    const base = `${alice.id}/list`;
    for (const name of [
      'b.txt',
      'a.txt',
      'c.md',
      'sub/one.txt',
      'sub/deeper/two.txt',
      'other/x.txt',
    ]) {
      expect(
        (await files.upload(`${base}/${name}`, name, { contentType: 'text/plain' })).error,
      ).toBeNull();
    }
    const { data: all } = await files.list(base);
    expect(all!.map((entry) => [entry.name, entry.id === null])).toEqual([
      ['other', true],
      ['sub', true],
      ['a.txt', false],
      ['b.txt', false],
      ['c.md', false],
    ]);
    expect(all![0]).toMatchObject({ metadata: null, created_at: null });
    expect(all![2]!.metadata).toMatchObject({ size: 5, mimetype: 'text/plain' });
    expect((await files.list(base, { search: 'b' })).data!.map((entry) => entry.name)).toEqual([
      'b.txt',
    ]);
    expect(
      (await files.list(base, { limit: 2, offset: 2 })).data!.map((entry) => entry.name),
    ).toEqual(['a.txt', 'b.txt']);
    const desc = await files.list(base, { sortBy: { column: 'name', order: 'desc' } });
    expect(desc.data!.map((entry) => entry.name)).toEqual([
      'sub',
      'other',
      'c.md',
      'b.txt',
      'a.txt',
    ]);
    expect((await files.list(`${base}/sub`)).data!.map((entry) => entry.name)).toEqual([
      'deeper',
      'one.txt',
    ]);
    const badSort = await files.list(base, { sortBy: { column: 'size', order: 'asc' } });
    expect(badSort.error).toMatchObject({
      status: 400,
      message: expect.stringContaining('sortBy.column'),
    });
  });

  it('moves, copies and removes objects', async () => {
    const files = alice.client.storage.from('user-files');
    const dir = `${alice.id}/ops`;
    await files.upload(`${dir}/source.txt`, 'payload', { contentType: 'text/plain' });
    expect((await files.move(`${dir}/source.txt`, `${dir}/moved.txt`)).data).toEqual({
      message: 'Successfully moved',
    });
    expect((await files.download(`${dir}/source.txt`)).error).toMatchObject({ status: 404 });
    expect(await (await files.download(`${dir}/moved.txt`)).data?.text()).toBe('payload');
    expect((await files.copy(`${dir}/moved.txt`, `${dir}/copy.txt`)).data).toEqual({
      path: `user-files/${dir}/copy.txt`,
    });
    expect(await (await files.download(`${dir}/copy.txt`)).data?.text()).toBe('payload');
    expect((await files.move(`${dir}/missing.txt`, `${dir}/x.txt`)).error).toMatchObject({
      status: 404,
    });
    expect((await files.copy(`${dir}/moved.txt`, `${dir}/copy.txt`)).error).toMatchObject({
      status: 409,
    });

    const removed = await files.remove([
      `${dir}/moved.txt`,
      `${dir}/copy.txt`,
      `${dir}/never-existed.txt`,
    ]);
    expect(removed.data!.map((row) => row.name).sort()).toEqual([
      `${dir}/copy.txt`,
      `${dir}/moved.txt`,
    ]);
    expect((await files.list(dir)).data).toEqual([]);
  });

  it('keeps bytes on disk under the data folder only for objects that have a row', async (context) => {
    if (!isLocal()) context.skip("needs the local stack's data folder");
    const files = admin.storage.from('user-files');
    const dir = `disk-check-${randomUUID().slice(0, 8)}`;
    await files.upload(`${dir}/kept.txt`, 'kept', { contentType: 'text/plain' });
    await files.upload(`${dir}/gone.txt`, 'gone', { contentType: 'text/plain' });
    await files.upload(`${dir}/kept.txt`, 'kept, second version', {
      contentType: 'text/plain',
      upsert: true,
    });
    await files.remove([`${dir}/gone.txt`]);
    const { rows } = await queryAdmin<{ name: string; version: string }>(
      `select name, version from storage.objects where bucket_id = 'user-files' and name like '${dir}/%'`,
    );
    expect(rows.map((row) => row.name)).toEqual([`${dir}/kept.txt`]);
    const dataDir = await stackDataDir();
    expect(await readdir(path.join(dataDir, 'storage', 'user-files', dir))).toEqual(['kept.txt']);
    // Only the current version's bytes remain after the overwrite.
    expect(await readdir(path.join(dataDir, 'storage', 'user-files', dir, 'kept.txt'))).toEqual([
      rows[0]!.version,
    ]);
  });

  it('leaves neither row nor file when the database refuses the row at commit time', async (context) => {
    if (!isLocal()) context.skip("uses the fixture's deferred trigger and the data folder");
    const dir = `commit-check-${randomUUID().slice(0, 8)}`;
    const files = admin.storage.from('user-files');
    const refused = await files.upload(`${dir}/doomed.fail-at-commit`, 'bytes', {
      contentType: 'text/plain',
    });
    expect(refused.error).toMatchObject({
      status: 400,
      message: expect.stringContaining('rejected at commit'),
    });
    await files.upload(`${dir}/kept.txt`, 'first', { contentType: 'text/plain' });
    const { rows: before } = await queryAdmin<{ version: string }>(
      `select version from storage.objects where bucket_id = 'user-files' and name = '${dir}/kept.txt'`,
    );
    // A failed overwrite must keep the previous bytes and row.
    expect(
      (await files.move(`${dir}/kept.txt`, `${dir}/kept.fail-at-commit`)).error,
    ).not.toBeNull();
    expect(await (await files.download(`${dir}/kept.txt`)).data?.text()).toBe('first');
    const root = path.join(await stackDataDir(), 'storage', 'user-files', dir);
    expect(await readdir(root)).toEqual(['kept.txt']);
    expect(await readdir(path.join(root, 'kept.txt'))).toEqual([before[0]!.version]);
    expect(await readdir(path.join(await stackDataDir(), 'storage', '.tmp'))).toEqual([]);
  });

  it('answers byte ranges with 206', async () => {
    const name = `${alice.id}/range.txt`;
    await alice.client.storage
      .from('user-files')
      .upload(name, 'hello range', { contentType: 'text/plain' });
    const response = await fetch(`${stack.url}/storage/v1/object/user-files/${name}`, {
      headers: { ...authHeaders(alice), range: 'bytes=6-' },
    });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 6-10/11');
    expect(await response.text()).toBe('range');
  });
});

describe('policies', () => {
  it("keeps user B out of user A's folder in a private bucket", async () => {
    const name = `${alice.id}/private/diary.txt`;
    expect(
      (
        await alice.client.storage
          .from('user-files')
          .upload(name, 'secret', { contentType: 'text/plain' })
      ).error,
    ).toBeNull();
    const bobFiles = bob.client.storage.from('user-files');

    expect((await bobFiles.download(name)).error).toMatchObject({ status: 404 });
    expect((await bobFiles.list(`${alice.id}/private`)).data).toEqual([]);
    expect((await bobFiles.list()).data!.map((entry) => entry.name)).not.toContain(alice.id);
    expect(
      (await bobFiles.upload(`${alice.id}/private/planted.txt`, 'x', { contentType: 'text/plain' }))
        .error,
    ).toMatchObject({ status: 403 });
    expect(
      (await bobFiles.upload(name, 'overwrite', { contentType: 'text/plain', upsert: true })).error,
    ).not.toBeNull();
    expect((await bobFiles.remove([name])).data).toEqual([]);
    expect((await bobFiles.move(name, `${bob.id}/stolen.txt`)).error).toMatchObject({
      status: 404,
    });
    expect((await bobFiles.copy(name, `${bob.id}/stolen.txt`)).error).toMatchObject({
      status: 404,
    });
    expect((await bobFiles.createSignedUrl(name, 60)).error).toMatchObject({ status: 404 });

    expect(await (await alice.client.storage.from('user-files').download(name)).data?.text()).toBe(
      'secret',
    );
    const anon = client(stack, stack.anonKey).storage.from('user-files');
    expect((await anon.download(name)).error).toMatchObject({ status: 404 });
    expect((await anon.upload(`${alice.id}/anon.txt`, 'x')).error).toMatchObject({ status: 403 });
    const publicUrl = anon.getPublicUrl(name).data.publicUrl;
    expect((await fetch(publicUrl)).status).toBe(404);
  });

  it('serves public buckets by URL without any key, while writes still follow the policies', async () => {
    const name = `${alice.id}/logo.svg`;
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"/>';
    expect(
      (
        await alice.client.storage
          .from('public-assets')
          .upload(name, svg, { contentType: 'image/svg+xml' })
      ).error,
    ).toBeNull();
    const { publicUrl } = alice.client.storage.from('public-assets').getPublicUrl(name).data;
    const response = await fetch(publicUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
    expect(await response.text()).toBe(svg);
    const asDownload = await fetch(
      alice.client.storage.from('public-assets').getPublicUrl(name, { download: 'logo.svg' }).data
        .publicUrl,
    );
    expect(asDownload.headers.get('content-disposition')).toContain('attachment');
    expect(
      (await bob.client.storage.from('public-assets').upload(name, 'x', { upsert: true })).error,
    ).not.toBeNull();
  });
});

describe('signed URLs', () => {
  it('downloads with a valid token, and refuses expired, tampered or mismatched tokens', async () => {
    const files = alice.client.storage.from('user-files');
    const name = `${alice.id}/signed.txt`;
    await files.upload(name, 'signed content', { contentType: 'text/plain' });
    const { data, error } = await files.createSignedUrl(name, 60);
    expect(error).toBeNull();
    const ok = await fetch(data!.signedUrl);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('signed content');

    const tampered = await fetch(
      data!.signedUrl.replace(/token=([^.]+)\.([^.]+)\./, 'token=$1.$2x.'),
    );
    expect(tampered.status).toBe(400);
    const otherObject = data!.signedUrl.replace('signed.txt', 'other.txt');
    expect(await (await fetch(otherObject)).json()).toMatchObject({
      statusCode: '400',
      code: 'InvalidSignature',
    });

    const short = await files.createSignedUrl(name, 1);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const expired = await fetch(short.data!.signedUrl);
    expect(expired.status).toBe(400);
    expect(await expired.json()).toMatchObject({ code: 'InvalidJWT', message: 'jwt expired' });

    expect((await files.createSignedUrl(name, 0)).error).toMatchObject({
      status: 400,
      message: expect.stringContaining('expiresIn'),
    });
  });

  it('lets anyone holding a signed upload URL upload that one object, on behalf of its creator', async () => {
    const name = `${alice.id}/uploaded-by-link.txt`;
    const { data, error } = await alice.client.storage
      .from('user-files')
      .createSignedUploadUrl(name);
    expect(error).toBeNull();
    const stranger = client(stack, stack.anonKey).storage.from('user-files');
    const uploaded = await stranger.uploadToSignedUrl(name, data!.token, 'via link', {
      contentType: 'text/plain',
    });
    expect(uploaded.error).toBeNull();
    expect(uploaded.data).toMatchObject({ path: name, fullPath: `user-files/${name}` });
    expect(await (await alice.client.storage.from('user-files').download(name)).data?.text()).toBe(
      'via link',
    );
    if (isLocal()) {
      const { rows } = await queryAdmin<{ owner: string }>(
        `select owner from storage.objects where bucket_id = 'user-files' and name = '${name}'`,
      );
      expect(rows[0]!.owner).toBe(alice.id);
    }

    const elsewhere = await stranger.uploadToSignedUrl(
      `${alice.id}/other-name.txt`,
      data!.token,
      'x',
      { contentType: 'text/plain' },
    );
    expect(elsewhere.error).toMatchObject({ status: 400 });
    const again = await stranger.uploadToSignedUrl(name, data!.token, 'replaced?', {
      contentType: 'text/plain',
    });
    expect(again.error).toMatchObject({ status: 409 });
    expect(
      (await bob.client.storage.from('user-files').createSignedUploadUrl(`${alice.id}/planted.txt`))
        .error,
    ).toMatchObject({
      status: 403,
    });
  });

  it('signs several paths at once, reporting the ones the caller cannot read', async () => {
    const files = alice.client.storage.from('user-files');
    await files.upload(`${alice.id}/many-1.txt`, 'one', { contentType: 'text/plain' });
    const { data, error } = await files.createSignedUrls(
      [`${alice.id}/many-1.txt`, `${alice.id}/absent.txt`],
      60,
    );
    expect(error).toBeNull();
    expect(data![0]).toMatchObject({ error: null, path: `${alice.id}/many-1.txt` });
    expect(await (await fetch(data![0]!.signedUrl!)).text()).toBe('one');
    expect(data![1]).toMatchObject({ error: expect.any(String), signedUrl: null });
  });
});

describe('limits and bad input', () => {
  let limited: string;
  beforeAll(async () => {
    limited = `limited-${randomUUID().slice(0, 8)}`;
    await admin.storage.createBucket(limited, {
      public: false,
      fileSizeLimit: 1024,
      allowedMimeTypes: ['image/png', 'text/*'],
    });
  });

  it('answers 413 past the bucket size limit (raw and multipart) and writes nothing', async () => {
    const files = admin.storage.from(limited);
    const tooBig = 'x'.repeat(1025);
    expect(
      (await files.upload('big.txt', tooBig, { contentType: 'text/plain' })).error,
    ).toMatchObject({ status: 413 });
    expect(
      (await files.upload('big.bin', new Blob([tooBig], { type: 'text/plain' }))).error,
    ).toMatchObject({ status: 413 });
    expect(
      (await files.upload('fits.txt', 'x'.repeat(1024), { contentType: 'text/plain' })).error,
    ).toBeNull();
    expect((await files.list()).data!.map((entry) => entry.name)).toEqual(['fits.txt']);
    if (isLocal())
      expect(await readdir(path.join(await stackDataDir(), 'storage', '.tmp'))).toEqual([]);
  });

  it('answers 415 for a type the bucket does not allow', async () => {
    const files = admin.storage.from(limited);
    const refused = await files.upload('doc.pdf', 'pdf', { contentType: 'application/pdf' });
    expect(refused.error).toMatchObject({
      status: 415,
      message: 'mime type application/pdf is not supported',
    });
    const refusedBlob = await files.upload(
      'doc2.pdf',
      new Blob(['pdf'], { type: 'application/pdf' }),
    );
    expect(refusedBlob.error).toMatchObject({ status: 415 });
    expect(
      (await files.upload('pic.png', new Blob(['png'], { type: 'image/png' }))).error,
    ).toBeNull();
    expect(
      (await files.upload('note.md', 'md', { contentType: 'text/markdown' })).error,
    ).toBeNull();
  });

  it('refuses traversal and invalid names with 400 before touching disk or rows', async () => {
    const headers = {
      apikey: stack.serviceRoleKey,
      authorization: `Bearer ${stack.serviceRoleKey}`,
      'content-type': 'text/plain',
    };
    for (const rawPath of [
      '/storage/v1/object/user-files/a/../../escape.txt',
      '/storage/v1/object/user-files/..%2F..%2Fescape.txt',
      '/storage/v1/object/user-files/%2Fabsolute.txt',
      '/storage/v1/object/user-files/nul%00byte.txt',
      '/storage/v1/object/user-files/back%5Cslash.txt',
      '/storage/v1/object/user-files/double//slash.txt',
      '/storage/v1/object/..%2Fuser-files/x.txt',
    ]) {
      const response = await rawRequest('POST', rawPath, headers, 'x');
      expect(response.status, rawPath).toBe(400);
      expect(response.body, rawPath).toMatchObject({ statusCode: '400', error: 'Invalid Input' });
    }
    await admin.storage
      .from('user-files')
      .upload('traversal/source.txt', 'x', { contentType: 'text/plain', upsert: true });
    const moved = await admin.storage
      .from('user-files')
      .move('traversal/source.txt', '../outside.txt');
    expect(moved.error).toMatchObject({ status: 400 });
    if (isLocal()) {
      const { rows } = await queryAdmin<{ count: string }>(
        "select count(*) from storage.objects where name like '%escape%' or name like '%outside%'",
      );
      expect(rows[0]!.count).toBe('0');
    }
  });

  it('names the field in 400s for malformed JSON bodies', async () => {
    const headers = { ...authHeaders(alice), 'content-type': 'application/json' };
    const list = await fetch(`${stack.url}/storage/v1/object/list/user-files`, {
      method: 'POST',
      headers,
      body: '{"limit":"ten"}',
    });
    expect(list.status).toBe(400);
    expect(await list.json()).toMatchObject({ message: expect.stringContaining('limit') });
    const remove = await fetch(`${stack.url}/storage/v1/object/user-files`, {
      method: 'DELETE',
      headers,
      body: '{"prefixes":"a"}',
    });
    expect(await remove.json()).toMatchObject({
      statusCode: '400',
      message: expect.stringContaining('prefixes'),
    });
    const broken = await fetch(`${stack.url}/storage/v1/object/move`, {
      method: 'POST',
      headers,
      body: '{not json',
    });
    expect(broken.status).toBe(400);
    const missingKey = await fetch(`${stack.url}/storage/v1/object/move`, {
      method: 'POST',
      headers,
      body: '{"bucketId":"user-files"}',
    });
    expect(await missingKey.json()).toMatchObject({
      message: 'sourceKey must be a non-empty string',
    });
  });

  it('requires a valid apikey for everything but public and signed downloads', async () => {
    const response = await fetch(`${stack.url}/storage/v1/bucket`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ statusCode: '401', error: 'Unauthorized' });
  });
});

// Helpers reading the stack's own state (database rows and files) to prove nothing half-written remains.
async function queryAdmin<T extends object>(sql: string): Promise<{ rows: T[] }> {
  const pg = await import('pg');
  const connection = new pg.default.Client({ connectionString: stack.dbUrl });
  await connection.connect();
  try {
    return await connection.query<T>(sql);
  } finally {
    await connection.end();
  }
}

/** Disk checks need the stack's own files: skipped against SUPABASE_TEST_URL targets. */
function isLocal(): boolean {
  return stack.local && stack.dbUrl !== undefined;
}

async function stackDataDir(): Promise<string> {
  const { rows } = await queryAdmin<{ setting: string }>(
    "select setting from pg_settings where name = 'data_directory'",
  );
  // The cluster lives in <dataDir>/db.
  return path.dirname(rows[0]!.setting);
}
