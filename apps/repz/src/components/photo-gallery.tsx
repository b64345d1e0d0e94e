import { Button, EmptyState, Image } from '@alawein/ui';
import { useDeletePhotoMutation, usePhotosQuery } from '../api/photos.ts';
import { QueryState } from '@alawein/app-kit';

/** An athlete's progress photos, lazily loaded through short-lived signed URLs. */
export function PhotoGallery({ ownerId, canDelete }: { ownerId: string; canDelete: boolean }) {
  const photos = usePhotosQuery(ownerId);
  const remove = useDeletePhotoMutation();
  return (
    <QueryState query={photos} label="photos">
      {(items) =>
        items.length === 0 ? (
          <EmptyState
            title="No progress photos"
            description={canDelete ? 'Upload a photo to start your visual record.' : undefined}
            headingLevel={3}
          />
        ) : (
          <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3" data-testid="photo-gallery">
            {items.map((photo) => {
              const taken = new Date(photo.takenAt).toLocaleDateString(undefined, {
                dateStyle: 'medium',
              });
              return (
                <li key={photo.path} className="flex flex-col gap-1" data-testid="photo-item">
                  <Image
                    src={photo.url}
                    webp={photo.url}
                    alt={`Progress photo, ${taken}`}
                    width={300}
                    height={400}
                    className="h-auto w-full rounded-md bg-muted object-cover"
                  />
                  <span className="text-sm text-muted-fg">{taken}</span>
                  {canDelete && (
                    <Button
                      variant="ghost"
                      size="sm"
                      loading={remove.isPending && remove.variables === photo.path}
                      onClick={() => remove.mutate(photo.path)}
                    >
                      Delete
                    </Button>
                  )}
                </li>
              );
            })}
          </ul>
        )
      }
    </QueryState>
  );
}
