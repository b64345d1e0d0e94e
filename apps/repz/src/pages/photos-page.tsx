import { Field, Input } from '@alawein/ui';
import { useState } from 'react';
import { useUploadPhotoMutation } from '../api/photos.ts';
import { useMe } from '../api/use-me.ts';
import { PhotoGallery } from '../components/photo-gallery.tsx';
import { Page, Section } from '@alawein/app-kit';

const MAX_INPUT_BYTES = 25 * 1024 * 1024;

export default function PhotosPage() {
  const me = useMe();
  const upload = useUploadPhotoMutation(me);
  const [error, setError] = useState<string | undefined>();
  return (
    <Page title="Progress photos">
      <Section title="Add a photo">
        <p className="text-sm text-muted-fg">
          Photos are resized and converted to WebP on this device before upload. Only you and your
          coach can see them.
        </p>
        <Field
          label="Photo (JPEG, PNG or WebP)"
          error={error ?? (upload.isError ? upload.error.message : undefined)}
          hint={upload.isPending ? 'Uploading…' : undefined}
        >
          <Input
            type="file"
            accept="image/jpeg,image/png,image/webp"
            disabled={upload.isPending}
            data-testid="photo-input"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (!file) return;
              if (!file.type.startsWith('image/')) return setError('Choose an image file');
              if (file.size > MAX_INPUT_BYTES) return setError('Choose an image under 25 MB');
              setError(undefined);
              upload.mutate(file);
            }}
          />
        </Field>
        {upload.isSuccess && <p role="status">Photo uploaded.</p>}
      </Section>
      <Section title="Your photos">
        <PhotoGallery ownerId={me} canDelete />
      </Section>
    </Page>
  );
}
