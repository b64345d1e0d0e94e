import { EmptyState } from '@alawein/ui';
import { usePageTitle } from '../config/app-context.tsx';
import { TextLink } from '../layout/text-link.tsx';
import { paths } from '../paths.ts';

export default function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <EmptyState
      headingLevel={2}
      title="Page not found"
      description="There is nothing at this address."
      action={<TextLink to={paths.home}>Go to the home page</TextLink>}
    />
  );
}
