import { useCallback, useEffect, useReducer, useRef } from 'react';

import { dataUrl } from '../images';
import {
  MAX_PHOTOS,
  localRefusal,
  photoIds,
  photosReducer,
  taken,
  uploadPhoto,
  type ChosenPhoto,
  type Sender,
} from '../routes/portal/reportPhotos';

export interface ReportPhotos {
  photos: ChosenPhoto[];
  /** The ids Loket gave the added photos, for `fileReport`. */
  ids: string[];
  /** Whether a photo is still on its way. */
  uploading: boolean;
  /** Sends each file to Loket right away. */
  choose: (files: Iterable<File>) => void;
  remove: (key: string) => void;
}

/**
 * The photos chosen for a report, each sent to Loket as soon as it is chosen, with a
 * thumbnail read from the resident's own file. An answer for a photo removed meanwhile is
 * ignored.
 */
export function useReportPhotos(sender: Sender): ReportPhotos {
  const [photos, dispatch] = useReducer(photosReducer, []);
  const next = useRef(0);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);
  // What was chosen before, to know the room left when more files come.
  const chosen = useRef(photos);
  useEffect(() => {
    chosen.current = photos;
  }, [photos]);
  const { tenant, token } = sender;

  const choose = useCallback(
    (files: Iterable<File>) => {
      let room = MAX_PHOTOS - taken(chosen.current);
      for (const file of files) {
        next.current += 1;
        const key = `photo-${next.current}`;
        const refusal = localRefusal(file) ?? (room > 0 ? undefined : { kind: 'tooMany' as const });
        dispatch({ type: 'chosen', key, name: file.name, refusal });
        if (refusal) continue;
        room -= 1;
        void dataUrl(file)
          .then((preview) => live.current && dispatch({ type: 'preview', key, preview }))
          .catch(() => undefined);
        void uploadPhoto(file, { tenant, token }).then((outcome) => {
          if (!live.current) return;
          dispatch(
            outcome.ok
              ? { type: 'uploaded', key, id: outcome.id }
              : { type: 'refused', key, refusal: outcome.refusal },
          );
        });
      }
    },
    [tenant, token],
  );
  const remove = useCallback((key: string) => dispatch({ type: 'removed', key }), []);
  return {
    photos,
    ids: photoIds(photos),
    uploading: photos.some((p) => p.status === 'uploading'),
    choose,
    remove,
  };
}
