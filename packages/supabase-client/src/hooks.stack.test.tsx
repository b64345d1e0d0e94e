// The hooks, rendered with React in happy-dom, against a real local Supabase stack (auth,
// PostgREST, RLS, the profile trigger) started by src/test/stack-setup.ts.
import { AuthApiError } from '@supabase/supabase-js';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, inject, it } from 'vitest';
import { createBrowserClient } from './client/browser-client.ts';
import { authKeys } from './auth/auth-keys.ts';
import { useSession } from './auth/use-session.ts';
import { useSignIn } from './auth/use-sign-in.ts';
import { useSignOut } from './auth/use-sign-out.ts';
import { useSignUp } from './auth/use-sign-up.ts';
import { useUser } from './auth/use-user.ts';
import { profileKeys } from './profile/profile-keys.ts';
import { useProfile } from './profile/use-profile.ts';
import { useUpdateProfile } from './profile/use-update-profile.ts';
import { SupabaseProvider } from './provider/supabase-provider.tsx';
import { useSupabase } from './provider/supabase-context.ts';
import { createQueryClient } from './query/query-client.ts';
import { nodeRealtime } from './test/node-realtime.ts';

const stack = inject('supabase');

const password = 'correct horse battery staple';
const newEmail = () => `hooks-${crypto.randomUUID()}@example.com`;

/** A fresh app: its own client (own storage key) and QueryClient. */
function app() {
  const supabase = createBrowserClient(
    { supabaseUrl: stack.url, supabaseAnonKey: stack.anonKey },
    { realtime: nodeRealtime, auth: { storageKey: `sb-test-${crypto.randomUUID()}` } },
  );
  const queryClient = createQueryClient({ retry: { baseDelayMs: 10 } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <SupabaseProvider client={supabase}>{children}</SupabaseProvider>
    </QueryClientProvider>
  );
  return { supabase, queryClient, wrapper };
}

/** All hooks an account page uses, in one component. */
function useAccount() {
  return {
    session: useSession(),
    user: useUser(),
    profile: useProfile(),
    signUp: useSignUp(),
    signIn: useSignIn(),
    signOut: useSignOut(),
    update: useUpdateProfile(),
  };
}

async function signedUpAccount(displayName: string) {
  const context = app();
  const email = newEmail();
  const hook = renderHook(useAccount, { wrapper: context.wrapper });
  await waitFor(() => expect(hook.result.current.session.isSuccess).toBe(true));
  await act(() =>
    hook.result.current.signUp.mutateAsync({
      email,
      password,
      metadata: { display_name: displayName },
    }),
  );
  await waitFor(() => expect(hook.result.current.profile.isSuccess).toBe(true));
  return { ...context, email, hook };
}

/** Runs a mutation expected to fail inside act and returns what it rejected with. */
async function failure(mutate: () => Promise<unknown>): Promise<unknown> {
  let error: unknown;
  await act(async () => {
    error = await mutate().then(
      () => new Error('expected the mutation to fail'),
      (reason: unknown) => reason,
    );
  });
  return error;
}

const cachedProfile = (queryClient: QueryClient, supabaseUserId: string) =>
  queryClient.getQueryData(profileKeys.detail(supabaseUserId));

describe('outside the providers', () => {
  it('useSupabase says where it must be used', () => {
    expect(() => renderHook(() => useSupabase())).toThrow(
      'useSupabase must be used inside <SupabaseProvider',
    );
  });
});

describe('auth and profile hooks against the local stack', () => {
  it('signed out: no session, no user, and the profile query stays idle', async () => {
    const { wrapper } = app();
    const { result } = renderHook(useAccount, { wrapper });
    await waitFor(() => expect(result.current.session.isSuccess).toBe(true));
    expect(result.current.session.data).toBeNull();
    expect(result.current.user.data).toBeNull();
    expect(result.current.profile.fetchStatus).toBe('idle');
    expect(result.current.profile.data).toBeUndefined();
  });

  it('sign-up signs in and the profile made by the trigger loads', async () => {
    const { hook, email, supabase } = await signedUpAccount('Ada');
    const { result } = hook;
    expect(result.current.session.data?.access_token).toEqual(expect.any(String));
    expect(result.current.user.data?.email).toBe(email);
    expect(result.current.profile.data).toMatchObject({
      id: result.current.user.data?.id,
      display_name: 'Ada',
      avatar_path: null,
      preferred_units: 'kg',
    });
    // The session is in the client too, so plain supabase-js calls act as the user.
    expect((await supabase.auth.getSession()).data.session?.user.email).toBe(email);
  });

  it('updates the profile and caches the saved row', async () => {
    const { hook, queryClient } = await signedUpAccount('Grace');
    const { result } = hook;
    const saved = await act(() =>
      result.current.update.mutateAsync({ display_name: 'Grace H.', preferred_units: 'lb' }),
    );
    expect(saved).toMatchObject({ display_name: 'Grace H.', preferred_units: 'lb' });
    expect(Date.parse(saved.updated_at)).toBeGreaterThanOrEqual(Date.parse(saved.created_at));
    await waitFor(() => expect(result.current.profile.data?.display_name).toBe('Grace H.'));
    expect(cachedProfile(queryClient, saved.id)).toEqual(saved);
  });

  it('rejects invalid values with a 400 naming the constraint, without retrying', async () => {
    const { hook } = await signedUpAccount('Linus');
    const { result } = hook;
    const blank = await failure(() => result.current.update.mutateAsync({ display_name: '   ' }));
    expect(blank).toMatchObject({
      name: 'SupabaseRequestError',
      status: 400,
      code: '23514',
      message: expect.stringContaining('profiles_display_name_length') as unknown,
    });
    const units = await failure(() =>
      result.current.update.mutateAsync({ preferred_units: 'stone' as 'kg' }),
    );
    expect(units).toMatchObject({ status: 400, code: '23514' });
    await waitFor(() => expect(result.current.update.failureCount).toBe(1));
    expect(result.current.profile.data?.display_name).toBe('Linus');
  });

  it('sign-out clears the session and every cached query', async () => {
    const { hook, queryClient } = await signedUpAccount('Barbara');
    const { result } = hook;
    const userId = result.current.user.data!.id;
    await act(() => result.current.signOut.mutateAsync());
    await waitFor(() => expect(result.current.session.data).toBeNull());
    expect(result.current.user.data).toBeNull();
    expect(cachedProfile(queryClient, userId)).toBeUndefined();
    expect(queryClient.getQueryData(authKeys.session())).toBeNull();
  });

  it('sign-in: wrong password is AuthApiError invalid_credentials; the right one restores the session', async () => {
    const { hook, email } = await signedUpAccount('Edsger');
    const { result } = hook;
    await act(() => result.current.signOut.mutateAsync());
    const wrong = await failure(() =>
      result.current.signIn.mutateAsync({ email, password: 'not the password' }),
    );
    expect(wrong).toBeInstanceOf(AuthApiError);
    expect(wrong).toMatchObject({ status: 400, code: 'invalid_credentials' });
    await act(() => result.current.signIn.mutateAsync({ email, password }));
    await waitFor(() => expect(result.current.profile.data?.display_name).toBe('Edsger'));
    expect(result.current.user.data?.email).toBe(email);
  });

  it("switching user drops the previous user's cached data", async () => {
    const first = await signedUpAccount('Alan');
    const firstId = first.hook.result.current.user.data!.id;
    const other = await signedUpAccount('Alonzo');
    const otherEmail = other.email;
    // Same app (client + cache) as `first`: sign in as the other user without signing out.
    await act(() => first.hook.result.current.signIn.mutateAsync({ email: otherEmail, password }));
    await waitFor(() =>
      expect(first.hook.result.current.profile.data?.display_name).toBe('Alonzo'),
    );
    expect(cachedProfile(first.queryClient, firstId)).toBeUndefined();
  });
});
