// Auth's email flows through the local inbox, with the real supabase-js: password recovery,
// magic links and one-time codes, email change with double confirmation, sign-up confirmation
// (a second stack with confirmations on), and the inbox's page and Mailpit-style API. Against a
// remote target they need SUPABASE_TEST_INBOX_URL (Mailpit of `supabase start`).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { startTestStack, type TestStack } from '../src/testing.ts';
import { client, raw, uniqueEmail } from './auth-support.ts';
import { FIXTURE_PROJECT } from './support/function-project.ts';

const CONFIRM_PROJECT = fileURLToPath(new URL('./fixtures/confirm-project', import.meta.url));
const PASSWORD = 'email-password-1';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ projectRoot: FIXTURE_PROJECT });
});

interface Mail {
  ID: string;
  Subject: string;
  Text: string;
}

/** The newest mail to `to` whose subject matches, waiting briefly for it to arrive. */
async function mailTo(target: TestStack, to: string, subject: RegExp, skip = 0): Promise<Mail> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const list = (await (await fetch(`${target.inboxUrl}/api/v1/messages`)).json()) as {
      messages: { ID: string; Subject: string; To: { Address: string }[] }[];
    };
    const found = list.messages.filter(
      (message) =>
        subject.test(message.Subject) && message.To.some((address) => address.Address === to),
    );
    if (found.length > skip) {
      const id = found[0]!.ID;
      return (await (await fetch(`${target.inboxUrl}/api/v1/message/${id}`)).json()) as Mail;
    }
    if (Date.now() > deadline) throw new Error(`no mail "${String(subject)}" to ${to}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const codeIn = (mail: Mail): string => /enter the code: (\d{6})/.exec(mail.Text)?.[1] ?? '';
const linkIn = (mail: Mail): string =>
  /(https?:\/\/\S+\/auth\/v1\/verify\S+)/.exec(mail.Text)?.[1] ?? '';

async function signedUp(label: string) {
  const email = uniqueEmail(label);
  const supabase = client(stack, stack.anonKey);
  const { data, error } = await supabase.auth.signUp({ email, password: PASSWORD });
  expect(error).toBeNull();
  return { email, supabase, session: data.session! };
}

describe.skipIf(!inject('localSupabase').inboxUrl)('email flows through the inbox', () => {
  it('recovers a password: resetPasswordForEmail, verifyOtp with the mailed code, updateUser', async () => {
    const { email } = await signedUp('recover');
    const supabase = client(stack, stack.anonKey);
    expect((await supabase.auth.resetPasswordForEmail(email)).error).toBeNull();
    const mail = await mailTo(stack, email, /Reset Your Password/);
    const { data, error } = await supabase.auth.verifyOtp({
      email,
      token: codeIn(mail),
      type: 'recovery',
    });
    expect(error).toBeNull();
    expect(data.session?.user.email).toBe(email);
    expect((await supabase.auth.updateUser({ password: 'brand-new-password-2' })).error).toBeNull();
    const fresh = client(stack, stack.anonKey);
    expect(
      (await fresh.auth.signInWithPassword({ email, password: 'brand-new-password-2' })).error,
    ).toBeNull();
    // A code works once.
    const again = await client(stack, stack.anonKey).auth.verifyOtp({
      email,
      token: codeIn(mail),
      type: 'recovery',
    });
    expect(again.error).toMatchObject({ status: 403, code: 'otp_expired' });
    // Unknown addresses get the same answer and no mail.
    expect((await supabase.auth.resetPasswordForEmail(uniqueEmail('nobody'))).error).toBeNull();
  });

  it('signs in with an emailed code (signInWithOtp) and with a magic link', async () => {
    const email = uniqueEmail('otp');
    const supabase = client(stack, stack.anonKey);
    const refused = await supabase.auth.signInWithOtp({
      email,
      options: { shouldCreateUser: false },
    });
    expect(refused.error).toMatchObject({ status: 422, code: 'otp_disabled' });
    expect((await supabase.auth.signInWithOtp({ email })).error).toBeNull();
    const first = await mailTo(stack, email, /Confirm Your Signup/);
    const { data, error } = await supabase.auth.verifyOtp({
      email,
      token: codeIn(first),
      type: 'email',
    });
    expect(error).toBeNull();
    expect(data.user?.email_confirmed_at).toBeTruthy();

    await new Promise((resolve) => setTimeout(resolve, 1100)); // max_frequency
    expect((await supabase.auth.signInWithOtp({ email })).error).toBeNull();
    const magic = await mailTo(stack, email, /Your Magic Link/);
    const opened = await fetch(linkIn(magic), { redirect: 'manual' });
    expect(opened.status).toBe(303);
    const fragment = new URLSearchParams(new URL(opened.headers.get('location')!).hash.slice(1));
    expect(fragment.get('type')).toBe('magiclink');
    const user = await client(stack, stack.anonKey).auth.getUser(fragment.get('access_token')!);
    expect(user.data.user?.email).toBe(email);
    // The link is spent: opening it again lands on the error fragment.
    const reopened = await fetch(linkIn(magic), { redirect: 'manual' });
    expect(new URL(reopened.headers.get('location')!).hash).toContain('error_code=otp_expired');
  });

  it('changes an email only after both addresses confirm (double_confirm_changes)', async () => {
    const { email, supabase } = await signedUp('change');
    const newEmail = uniqueEmail('changed');
    const { data, error } = await supabase.auth.updateUser({ email: newEmail });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({ email, new_email: newEmail });
    expect((await supabase.auth.getUser()).data.user?.email).toBe(email);

    const toCurrent = await mailTo(stack, email, /Confirm Email Change/);
    const toNew = await mailTo(stack, newEmail, /Confirm Email Change/);
    const current = await supabase.auth.verifyOtp({
      email,
      token: codeIn(toCurrent),
      type: 'email_change',
    });
    expect(current.error).toBeNull();
    expect(current.data.session).toBeNull();
    expect((await supabase.auth.getUser()).data.user?.email).toBe(email);

    const confirmed = await supabase.auth.verifyOtp({
      email: newEmail,
      token: codeIn(toNew),
      type: 'email_change',
    });
    expect(confirmed.error).toBeNull();
    expect(confirmed.data.session?.user.email).toBe(newEmail);
    const fresh = client(stack, stack.anonKey);
    expect(
      (await fresh.auth.signInWithPassword({ email: newEmail, password: PASSWORD })).error,
    ).toBeNull();
  });

  it('serves a page listing the messages, escaped, and the API to read and clear them', async () => {
    const email = uniqueEmail('page');
    await client(stack, stack.anonKey).auth.signInWithOtp({ email });
    await mailTo(stack, email, /Confirm Your Signup/);
    // Mailpit's page is a script-driven app; the local inbox's lists the messages itself.
    if (stack.local) {
      const page = await fetch(`${stack.inboxUrl}/`);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      const html = await page.text();
      expect(html).toContain(email);
      expect(html).toContain('Confirm Your Signup');
    }
    const api = await raw(stack, '/auth/v1/settings');
    expect(((await api.json()) as { mailer_autoconfirm: boolean }).mailer_autoconfirm).toBe(true);
  });
});

describe.skipIf(!inject('localSupabase').local)(
  'sign-up confirmation (enable_confirmations)',
  () => {
    let confirming: TestStack;
    beforeAll(async () => {
      confirming = await startTestStack({ projectRoot: CONFIRM_PROJECT });
    });
    afterAll(async () => {
      await confirming?.stop();
    });

    it('answers sign-up with the user only, mails a confirmation, and signs in once confirmed', async () => {
      const email = uniqueEmail('confirm');
      const supabase = client(confirming, confirming.anonKey);
      const { data, error } = await supabase.auth.signUp({
        email,
        password: PASSWORD,
        options: { emailRedirectTo: 'http://127.0.0.1:5176/welcome' },
      });
      expect(error).toBeNull();
      expect(data.session).toBeNull();
      expect(data.user?.email_confirmed_at).toBeUndefined();
      const early = await supabase.auth.signInWithPassword({ email, password: PASSWORD });
      expect(early.error).toMatchObject({ code: 'email_not_confirmed' });

      const mail = await mailTo(confirming, email, /Confirm Your Signup/);
      const opened = await fetch(linkIn(mail), { redirect: 'manual' });
      const location = new URL(opened.headers.get('location')!);
      expect(`${location.origin}${location.pathname}`).toBe('http://127.0.0.1:5176/welcome');
      expect(new URLSearchParams(location.hash.slice(1)).get('type')).toBe('signup');
      expect(
        (await supabase.auth.signInWithPassword({ email, password: PASSWORD })).error,
      ).toBeNull();
    });

    it('sends a redirect outside the allowed URLs to site_url instead', async () => {
      const email = uniqueEmail('redirect');
      const supabase = client(confirming, confirming.anonKey);
      await supabase.auth.signUp({
        email,
        password: PASSWORD,
        options: { emailRedirectTo: 'https://evil.example/steal' },
      });
      const mail = await mailTo(confirming, email, /Confirm Your Signup/);
      const opened = await fetch(linkIn(mail), { redirect: 'manual' });
      expect(new URL(opened.headers.get('location')!).origin).toBe('http://127.0.0.1:5176');
    });
  },
);
