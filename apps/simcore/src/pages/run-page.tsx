// A saved run: re-opened from its saved series; export, share and delete.
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { exportFileName, runToJson, seriesToCsv, type Run } from '@alawein/simcore-domain';
import { Button, Field, Input } from '@alawein/ui';
import { useDeleteRunMutation, useRunQuery, useShareRunMutation } from '../api/runs.ts';
import { RunView } from '../components/run-view.tsx';
import { downloadText } from '../lib/download.ts';
import { findModule } from '../lib/modules.ts';
import { LinkButton, Page, QueryState, Section } from '@alawein/app-kit';

export default function RunPage() {
  const { id } = useParams();
  const run = useRunQuery(id);
  return (
    <Page
      wide
      title={run.data?.title ?? 'Saved run'}
      actions={<LinkButton to="/runs">All runs</LinkButton>}
    >
      <QueryState query={run} label="this run">
        {(data) => (
          <>
            <RunActions run={data} />
            <RunView run={data} />
          </>
        )}
      </QueryState>
    </Page>
  );
}

function RunActions({ run }: { run: Run }) {
  const share = useShareRunMutation();
  const remove = useDeleteRunMutation();
  const navigate = useNavigate();
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  return (
    <Section title="Export and share">
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          disabled={!run.series}
          data-testid="export-csv"
          onClick={() =>
            run.series &&
            downloadText(
              exportFileName(run.title, 'csv'),
              seriesToCsv(run.series, Object.keys(findModule(run.module)?.seriesFields ?? {})),
              'text/csv',
            )
          }
        >
          Export CSV
        </Button>
        <Button
          variant="secondary"
          data-testid="export-json"
          onClick={() =>
            downloadText(exportFileName(run.title, 'json'), runToJson(run), 'application/json')
          }
        >
          Export JSON
        </Button>
        <Button
          variant="secondary"
          data-testid="share"
          disabled={share.isPending}
          onClick={() =>
            share.mutate(
              { id: run.id, shared: true },
              {
                onSuccess: (answer) =>
                  setLink(answer.path ? `${window.location.origin}${answer.path}` : null),
              },
            )
          }
        >
          {run.shared ? 'Show share link' : 'Share read-only link'}
        </Button>
        {run.shared || link ? (
          <Button
            variant="ghost"
            data-testid="unshare"
            disabled={share.isPending}
            onClick={() =>
              share.mutate({ id: run.id, shared: false }, { onSuccess: () => setLink(null) })
            }
          >
            Stop sharing
          </Button>
        ) : null}
        <Button
          variant="danger"
          data-testid="delete-run"
          disabled={remove.isPending}
          onClick={() => {
            if (window.confirm(`Delete “${run.title}”? This cannot be undone.`))
              remove.mutate(run.id, { onSuccess: () => void navigate('/runs') });
          }}
        >
          Delete
        </Button>
      </div>
      {share.error ? (
        <p role="alert" className="text-sm text-danger">
          {share.error.message}
        </p>
      ) : null}
      {link ? (
        <div className="flex flex-wrap items-end gap-2">
          <div className="min-w-72 flex-1">
            <Field label="Read-only link (works signed out)">
              <Input
                readOnly
                value={link}
                data-testid="share-link"
                onFocus={(event) => event.target.select()}
              />
            </Field>
          </div>
          <Button
            variant="secondary"
            onClick={() => void navigator.clipboard?.writeText(link).then(() => setCopied(true))}
          >
            {copied ? 'Copied' : 'Copy link'}
          </Button>
        </div>
      ) : null}
    </Section>
  );
}
