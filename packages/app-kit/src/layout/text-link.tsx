import type { ComponentProps } from 'react';
import { Link } from 'react-router-dom';

/** An inline link in running text. */
export function TextLink(props: ComponentProps<typeof Link>) {
  return (
    <Link
      {...props}
      className="font-medium text-primary underline underline-offset-4 hover:no-underline"
    />
  );
}
