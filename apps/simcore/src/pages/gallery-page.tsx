// The module gallery, grouped by field of physics.
import { Link } from 'react-router-dom';
import { catalogList } from '@alawein/simcore-engine/catalog';
import { Page } from '@alawein/app-kit';

const groups = [...new Set(catalogList.map((module) => module.group))];

export default function GalleryPage() {
  return (
    <Page wide title="Simulation modules">
      <p className="max-w-3xl text-muted-fg">
        Every module runs in your browser, in a background worker, with parameters you choose and
        results checked against known physics.
      </p>
      {groups.map((group) => (
        <section key={group} aria-labelledby={`group-${group}`} className="flex flex-col gap-3">
          <h2 id={`group-${group}`} className="text-xl font-semibold">
            {group}
          </h2>
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {catalogList
              .filter((module) => module.group === group)
              .map((module) => (
                <li key={module.id}>
                  <Link
                    to={`/modules/${module.id}`}
                    data-testid={`module-${module.id}`}
                    className="flex h-full flex-col gap-1 rounded-lg border border-border p-4 hover:bg-muted focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
                  >
                    <span className="font-semibold">{module.title}</span>
                    <span className="text-sm text-muted-fg">{module.summary}</span>
                  </Link>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </Page>
  );
}
