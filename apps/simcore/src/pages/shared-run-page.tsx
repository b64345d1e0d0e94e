// A shared run, read-only, for anyone with the link (signed in or not).
import { useParams } from 'react-router-dom';
import { RunView } from '../components/run-view.tsx';
import { useSharedRunQuery } from '../api/runs.ts';
import { LinkButton, Page, QueryState } from '@alawein/app-kit';

export default function SharedRunPage() {
  const { token } = useParams();
  const run = useSharedRunQuery(token);
  return (
    <Page
      wide
      title={run.data ? `Shared: ${run.data.title}` : 'Shared run'}
      actions={<LinkButton to="/modules">Try SimCore</LinkButton>}
    >
      <QueryState query={run} label="the shared run">
        {(data) => (
          <>
            <p className="text-sm" data-testid="verification">
              {data.verification === null
                ? 'This run is too large to re-check on the server; its numbers are as saved.'
                : data.verification.reproduced
                  ? 'Verified: the server re-ran it with the same parameters and seed and got the same summary.'
                  : `The server re-ran it and got different values for: ${data.verification.mismatches.join(', ')}.`}
            </p>
            <RunView run={data} />
          </>
        )}
      </QueryState>
    </Page>
  );
}
