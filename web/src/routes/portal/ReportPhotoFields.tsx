// The photos a resident adds to a report: chosen with the file input, each sent right away
// and shown as it goes (on its way, added with a thumbnail, or refused with the reason), and
// removable until the report is sent.
import { Button } from '@utrecht/component-library-react';
import { useRef, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';

import { Field } from '../../components/Field';
import { FieldError } from '../../components/FieldError';
import type { ReportPhotos } from '../../hooks/useReportPhotos';
import { MAX_PHOTOS, PHOTO_TYPES, type ChosenPhoto, type PhotoRefusal } from './reportPhotos';

export interface ReportPhotoFieldsProps {
  photos: ReportPhotos;
  /** A problem the form found with the photos (besides the refused ones). */
  error?: ReactNode;
}

function Refusal({ refusal }: { refusal: PhotoRefusal }) {
  switch (refusal.kind) {
    case 'server':
      return <FieldError message={refusal.message} />;
    case 'type':
      return (
        <FormattedMessage
          id="report.photos.error.type"
          defaultMessage="Kies een foto in JPEG- of PNG-formaat."
          description="Error: a chosen file is not a JPEG or PNG image"
        />
      );
    case 'tooMany':
      return (
        <FormattedMessage
          id="report.photos.error.tooMany"
          defaultMessage="U kunt hoogstens {max} foto's meesturen. Haal eerst een foto weg."
          description="Error: more photos chosen than a report may carry"
          values={{ max: MAX_PHOTOS }}
        />
      );
    case 'network':
      return (
        <FormattedMessage
          id="report.photos.error.network"
          defaultMessage="De foto kon niet worden verstuurd. Haal hem weg en probeer het opnieuw."
          description="Error: a photo could not be sent to the municipality"
        />
      );
    default: {
      const unreachable: never = refusal;
      return unreachable;
    }
  }
}

function Status({ photo }: { photo: ChosenPhoto }) {
  switch (photo.status) {
    case 'uploading':
      return (
        <FormattedMessage
          id="report.photos.uploading"
          defaultMessage="Wordt verstuurd…"
          description="State of a photo being sent"
        />
      );
    case 'added':
      return (
        <FormattedMessage
          id="report.photos.added"
          defaultMessage="Toegevoegd"
          description="State of a photo the municipality took"
        />
      );
    case 'refused':
      return (
        <FormattedMessage
          id="report.photos.refused"
          defaultMessage="Niet toegevoegd"
          description="State of a photo that was refused"
        />
      );
    default: {
      const unreachable: never = photo;
      return unreachable;
    }
  }
}

/** The optional photos of a report, with what happened to each. */
export function ReportPhotoFields({ photos, error }: ReportPhotoFieldsProps) {
  const intl = useIntl();
  const input = useRef<HTMLInputElement>(null);
  const refused = photos.photos.flatMap((p) => (p.status === 'refused' ? [p] : []));
  const problems =
    refused.length > 0 || error ? (
      <>
        {error}
        {refused.map((p) => (
          <span key={p.key} className="loket-photos__refusal">
            <FormattedMessage
              id="report.photos.error"
              defaultMessage="{name} is niet toegevoegd. {reason}"
              description="Error at the photos: a chosen photo was not taken, and why"
              values={{ name: p.name, reason: <Refusal refusal={p.refusal} /> }}
            />
          </span>
        ))}
      </>
    ) : undefined;
  return (
    <div className="loket-photos">
      <Field
        label={intl.formatMessage({
          id: 'report.photos',
          defaultMessage: "Foto's toevoegen (niet verplicht)",
          description: 'Label of the file input for photos with a report',
        })}
        description={intl.formatMessage(
          {
            id: 'report.photos.hint',
            defaultMessage:
              "Hoogstens {max} foto's, als JPEG of PNG. We halen de locatiegegevens uit uw foto's. Alleen medewerkers van de gemeente zien ze.",
            description: 'Help under the photos: how many, which kind, and who sees them',
          },
          { max: MAX_PHOTOS },
        )}
        error={problems}
      >
        {({ invalid: _invalid, ...control }) => (
          <input
            {...control}
            ref={input}
            className="loket-photos__input"
            type="file"
            name="photos"
            accept={PHOTO_TYPES.join(',')}
            multiple
            onChange={(e) => {
              photos.choose(Array.from(e.target.files ?? []));
              // The same file may be chosen again after it was removed.
              e.target.value = '';
            }}
          />
        )}
      </Field>
      <ul className="loket-photos__list" aria-live="polite">
        {photos.photos.map((p) => (
          <li key={p.key} className={`loket-photos__item loket-photos__item--${p.status}`}>
            {p.status !== 'refused' && p.preview && (
              <img className="loket-photos__thumbnail" src={p.preview} alt="" />
            )}
            <span className="loket-photos__name">{p.name}</span>
            <span className="loket-photos__status">
              <Status photo={p} />
            </span>
            <Button
              type="button"
              appearance="secondary-action-button"
              onClick={() => {
                photos.remove(p.key);
                input.current?.focus();
              }}
            >
              <FormattedMessage
                id="report.photos.remove"
                defaultMessage="Weghalen<hidden> ({name})</hidden>"
                description="Button: remove a chosen photo (its name for screen readers)"
                values={{
                  name: p.name,
                  hidden: (chunks) => <span className="loket-visually-hidden">{chunks}</span>,
                }}
              />
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
