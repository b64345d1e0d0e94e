import { Link } from 'react-router-dom';
import { useAuthState } from '../auth/auth-state.ts';
import { usePageTitle } from '../config/app-context.tsx';
import { paths } from '../paths.ts';

export interface ProductHomeProps {
  /** One line: what the product is. */
  headline: string;
  /** A short paragraph: who it is for and what they do with it. */
  summary: string;
}

const primaryLink =
  'inline-flex h-12 items-center rounded-control bg-primary px-6 font-medium text-primary-fg hover:bg-primary-hover ' +
  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring';
const secondaryLink =
  'inline-flex h-12 items-center rounded-control border border-control-border px-6 font-medium text-fg hover:bg-muted ' +
  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring';

/** An app's landing page: what the product is, and the ways in (sign up, sign in, or your account). */
export function ProductHome({ headline, summary }: ProductHomeProps) {
  usePageTitle();
  const auth = useAuthState();
  return (
    <section className="flex max-w-3xl flex-col gap-6 py-8" aria-labelledby="home-headline">
      <h1
        id="home-headline"
        className="text-4xl font-bold tracking-tight text-fg"
        data-testid="home-headline"
      >
        {headline}
      </h1>
      <p className="text-lg text-muted-fg">{summary}</p>
      <div className="flex flex-wrap gap-3">
        {auth.status === 'signed-in' ? (
          <Link to={paths.account} className={primaryLink} data-testid="home-account">
            Go to your account
          </Link>
        ) : (
          <>
            <Link to={paths.signUp} className={primaryLink} data-testid="home-sign-up">
              Create an account
            </Link>
            <Link to={paths.signIn} className={secondaryLink} data-testid="home-sign-in">
              Sign in
            </Link>
          </>
        )}
      </div>
    </section>
  );
}
