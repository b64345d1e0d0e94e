import { deflateSync, crc32 } from 'node:zlib';
import { readTargets } from '../src/env.ts';
import { naturalWidth } from '../src/images.ts';
import {
  accessTokenOf,
  linkCoachAndClient,
  newUser,
  RepzHistory,
  RepzLogWorkoutPage,
} from '../src/pages/repz-pages.ts';
import { expect, test } from './fixtures.ts';

const repzUrl = () => readTargets().apps.repz!;

test('coach invites, client accepts, coach sees the client workout and progress until the client ends the link', async ({
  browser,
}) => {
  const { coach, client, clientId } = await linkCoachAndClient(browser, repzUrl());
  await new RepzLogWorkoutPage(client).logWorkout('Leg day', [
    { exercise: 'Back Squat', reps: 5, weight: 120 },
  ]);

  await coach.goto('/coach');
  await coach.getByTestId('client-list').getByTestId('open-client').click();
  await expect(coach).toHaveURL(new RegExp(`/coach/clients/${clientId}$`));
  await expect(new RepzHistory(coach).item('Leg day')).toContainText('5 × 120 kg');

  // Progress through the athlete parameter, as the coach.
  await coach.getByTestId('client-exercise').selectOption({ label: 'Back Squat' });
  await expect(coach.getByTestId('pr-weight')).toHaveText('120 kg');

  // The client ends the link: the coach's access stops at once.
  await client.goto('/coach');
  await client.getByTestId('coach-list').getByRole('button', { name: 'End' }).click();
  await client.getByTestId('dialog').getByRole('button', { name: 'End coaching' }).click();
  await expect(client.getByTestId('coach-list')).toBeHidden();
  await coach.reload();
  await expect(coach.getByTestId('error-fallback')).toContainText('You do not coach this person');
  await coach.goto('/coach');
  await expect(coach.getByTestId('client-list')).toBeHidden();
});

test('a message sent by one appears in the other open page without reload', async ({ browser }) => {
  const { coach, client, coachId, clientId } = await linkCoachAndClient(browser, repzUrl());
  await client.goto(`/messages/${coachId}`);
  await coach.goto(`/messages/${clientId}`);
  // Both pages subscribed to the Realtime channel (not the 15 s polling fallback).
  await expect(client.getByTestId('live-status')).toHaveText('Live');
  await expect(coach.getByTestId('live-status')).toHaveText('Live');

  await coach.getByTestId('message-input').fill('Squats Tuesday, 5x5 at 120.');
  await coach.getByTestId('message-input').press('Enter');
  await expect(
    client.getByTestId('message').filter({ hasText: 'Squats Tuesday, 5x5 at 120.' }),
  ).toBeVisible();

  await client.getByTestId('message-input').fill('Done, felt easy.');
  await client.getByTestId('message-send').click();
  await expect(coach.getByTestId('message').filter({ hasText: 'Done, felt easy.' })).toBeVisible();
  // The client had the page open, so the coach's message is marked read (seen by the coach after a reload).
  await coach.reload();
  await expect(coach.getByTestId('message').filter({ hasText: 'Squats Tuesday' })).toContainText(
    'read',
  );
});

/** A solid-colour RGB PNG of the given size (a real image the browser decodes). */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x7f)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

test('a progress photo is visible to its owner and their coach, not to a stranger', async ({
  browser,
}) => {
  const { coach, client, clientId } = await linkCoachAndClient(browser, repzUrl());
  await client.goto('/photos');
  await client
    .getByTestId('photo-input')
    .setInputFiles({ name: 'front.png', mimeType: 'image/png', buffer: png(2400, 1200) });
  const ownPhoto = client.getByTestId('photo-item').locator('img');
  await expect(ownPhoto).toHaveCount(1);
  // Resized in the browser to at most 1600 px and stored as WebP under the owner's folder.
  await expect.poll(() => naturalWidth(ownPhoto)).toBe(1600);
  const src = (await ownPhoto.getAttribute('src')) ?? '';
  expect(src).toMatch(new RegExp(`/repz-progress-photos/${clientId}/[^?]+\\.webp\\?token=`));
  const objectPath = decodeURIComponent(/\/repz-progress-photos\/([^?]+)/.exec(src)![1]!);

  await coach.goto(`/coach/clients/${clientId}`);
  const coachPhoto = coach.getByTestId('photo-item').locator('img');
  await coachPhoto.scrollIntoViewIfNeeded();
  await expect.poll(() => naturalWidth(coachPhoto)).toBe(1600);

  const stranger = await newUser(browser, repzUrl(), 'stranger');
  const apiCall = stranger.waitForRequest((request) => request.url().includes('/rest/v1/'));
  await stranger.goto(`/coach/clients/${clientId}`);
  await expect(stranger.getByTestId('error-fallback')).toContainText(
    'You do not coach this person',
  );
  // Not through the API either: Storage, asked with the stranger's own token, lists and signs nothing.
  const request = await apiCall;
  const api = new URL(request.url()).origin;
  const headers = {
    apikey: (await request.allHeaders()).apikey ?? '',
    authorization: `Bearer ${await accessTokenOf(stranger)}`,
  };
  const list = await stranger.request.post(`${api}/storage/v1/object/list/repz-progress-photos`, {
    headers,
    data: { prefix: clientId },
  });
  const sign = await stranger.request.post(
    `${api}/storage/v1/object/sign/repz-progress-photos/${objectPath}`,
    { headers, data: { expiresIn: 60 } },
  );
  const attempt = { listed: (await list.json()) as unknown[], signStatus: sign.status() };
  expect(attempt.listed).toEqual([]);
  expect(attempt.signStatus).toBeGreaterThanOrEqual(400);
});
