/** Paths of the pages every app has, for links and redirects. */
export const paths = {
  home: '/',
  signIn: '/sign-in',
  signUp: '/sign-up',
  account: '/account',
  signOut: '/sign-out',
} as const;
