import { randomUUID } from 'node:crypto';
import { APPS } from '../src/apps.ts';
import { expect, test } from './fixtures.ts';

for (const app of APPS) {
  test.describe(app, () => {
    test.use({ target: app });

    test('sign up → edit profile on the account page → sign out → sign in', async ({
      page,
      home,
      auth,
      account,
      header,
    }) => {
      const email = `e2e-${app}-${randomUUID()}@example.com`;
      const password = `pw-${randomUUID()}`;
      const name = `Ada ${app} ${randomUUID().slice(0, 8)}`;

      await home.goto();
      await home.signUpLink.click();
      await expect(page).toHaveURL(/\/sign-up$/);
      await auth.signUp(email, password);

      // Signing up lands on the account page with the profile the signup trigger created.
      await expect(page).toHaveURL(/\/account$/);
      await account.ready();
      await expect(account.email).toHaveText(email);
      await expect(account.displayName).toHaveValue(email.split('@')[0] ?? '');
      await expect(account.units('kg')).toBeChecked();

      await account.updateProfile(name, 'lb');
      await expect(account.status).toHaveText('Profile saved.');

      // Saved in the database, not just in the form: a reload reads it back through RLS.
      await page.reload();
      await account.ready();
      await expect(account.displayName).toHaveValue(name);
      await expect(account.units('lb')).toBeChecked();
      await expect(header.userMenuToggle).toContainText(name);

      await header.signOut();
      await expect(page).toHaveURL(/\/$/);
      await expect(header.signInLink).toBeVisible();

      // Signed out, the account page sends you to sign in, and back to it afterwards.
      await page.goto('/account');
      await expect(page).toHaveURL(/\/sign-in$/);
      await auth.signIn(email, 'not-the-password');
      await expect(auth.error).toContainText('Invalid login credentials');
      await auth.signIn(email, password);
      await expect(page).toHaveURL(/\/account$/);
      await account.ready();
      await expect(account.displayName).toHaveValue(name);
    });
  });
}
