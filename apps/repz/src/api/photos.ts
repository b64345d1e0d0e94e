import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSupabase } from '@alawein/supabase-client';
import { photoPath } from '../lib/photo-size.ts';
import { toWebp } from '../lib/to-webp.ts';
import { photoKeys } from './keys.ts';

export const PHOTO_BUCKET = 'repz-progress-photos';
const SIGNED_URL_SECONDS = 60 * 60;

export interface Photo {
  path: string;
  url: string;
  takenAt: string;
}

/** An athlete's photos (newest first) with signed URLs; the owner's active coach may read them too. */
export function usePhotosQuery(ownerId: string) {
  const client = useSupabase();
  return useQuery({
    queryKey: photoKeys.list({ ownerId }),
    queryFn: async (): Promise<Photo[]> => {
      const bucket = (await client.full()).storage.from(PHOTO_BUCKET);
      const listed = await bucket.list(ownerId, {
        limit: 100,
        sortBy: { column: 'name', order: 'desc' },
      });
      if (listed.error) throw listed.error;
      const files = listed.data.filter((file) => file.id !== null);
      if (files.length === 0) return [];
      const paths = files.map((file) => `${ownerId}/${file.name}`);
      const signed = await bucket.createSignedUrls(paths, SIGNED_URL_SECONDS);
      if (signed.error) throw signed.error;
      return files.flatMap((file, index) => {
        const url = signed.data[index]?.signedUrl;
        return url ? [{ path: paths[index]!, url, takenAt: file.created_at ?? file.name }] : [];
      });
    },
  });
}

/** Resizes and converts the picked image to WebP in the browser, then uploads it under the user's folder. */
export function useUploadPhotoMutation(ownerId: string) {
  const client = useSupabase();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => {
      const webp = await toWebp(file);
      const { error } = await (
        await client.full()
      ).storage
        .from(PHOTO_BUCKET)
        .upload(photoPath(ownerId), webp, { contentType: 'image/webp' });
      if (error) throw error;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: photoKeys.all }),
  });
}

export function useDeletePhotoMutation() {
  const client = useSupabase();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (path: string) => {
      const { error } = await (await client.full()).storage.from(PHOTO_BUCKET).remove([path]);
      if (error) throw error;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: photoKeys.all }),
  });
}
