// The photos sent with a report, for the staff who may read it. Loket gives each photo only
// to a request with the employee's bearer token, so they are fetched with it and shown from
// memory; each opens at its own size in a dialog.
import { Button, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';

import { DateText } from '../../components/DateText';
import { graphql } from '../../gql';
import { useProtectedImage } from '../../hooks/useProtectedImage';
import { useSession } from '../../hooks/useSession';
import { Label } from './labels';

const ReportPhotosQuery = graphql(`
  query StaffReportPhotos($reference: String!) {
    case(reference: $reference) {
      id
      photos {
        id
        createdAt
        url
      }
    }
  }
`);

export interface ReportPhotosProps {
  reference: string;
  /** The case's version: a change reads the photos again. */
  version: number;
}

interface PhotoDialogProps {
  src: string;
  alt: string;
  onClose: () => void;
}

/** One photo at its own size, scrollable, until the employee closes it. */
function PhotoDialog({ src, alt, onClose }: PhotoDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useId();
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="loket-dialog loket-photo-dialog"
      aria-labelledby={heading}
      onClose={onClose}
    >
      <Heading2 id={heading}>{alt}</Heading2>
      <div className="loket-photo-dialog__image">
        <img src={src} alt={alt} />
      </div>
      <Button type="button" appearance="secondary-action-button" onClick={onClose}>
        <Label name="close" />
      </Button>
    </dialog>
  );
}

interface PhotoProps {
  url: string;
  alt: string;
  createdAt: string;
  token: string | null;
}

function Photo({ url, alt, createdAt, token }: PhotoProps) {
  const { src, failed } = useProtectedImage(url, token);
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  return (
    <li className="loket-report-photos__item">
      <figure className="loket-report-photos__figure">
        {src ? (
          <img className="loket-report-photos__image" src={src} alt={alt} />
        ) : (
          <Paragraph className="loket-report-photos__placeholder">
            {failed ? (
              <FormattedMessage
                id="console.publicReport.photoFailed"
                defaultMessage="{photo} kon niet worden geladen."
                description="A report's photo could not be fetched"
                values={{ photo: alt }}
              />
            ) : (
              <FormattedMessage
                id="console.publicReport.photoLoading"
                defaultMessage="{photo} wordt geladen…"
                description="A report's photo is being fetched"
                values={{ photo: alt }}
              />
            )}
          </Paragraph>
        )}
        <figcaption>
          <FormattedMessage
            id="console.publicReport.photoSent"
            defaultMessage="Verstuurd op {date}"
            description="When a report's photo was sent"
            values={{ date: <DateText value={createdAt} kind="datetime" /> }}
          />
        </figcaption>
      </figure>
      {src && (
        <Button
          ref={opener}
          type="button"
          appearance="secondary-action-button"
          aria-haspopup="dialog"
          onClick={() => setOpen(true)}
        >
          <FormattedMessage
            id="console.publicReport.photoOpen"
            defaultMessage="Groot bekijken<hidden> ({photo})</hidden>"
            description="Button: show a report's photo at its own size (which, for screen readers)"
            values={{
              photo: alt,
              hidden: (chunks) => <span className="loket-visually-hidden">{chunks}</span>,
            }}
          />
        </Button>
      )}
      {open && src && (
        <PhotoDialog
          src={src}
          alt={alt}
          onClose={() => {
            setOpen(false);
            opener.current?.focus();
          }}
        />
      )}
    </li>
  );
}

/** A report's photos, or nothing when it has none (or the role may not see them). */
export function ReportPhotos({ reference, version }: ReportPhotosProps) {
  const intl = useIntl();
  const { session } = useSession();
  const context = useMemo(
    () => ({ requestPolicy: 'cache-and-network' as const, version }),
    [version],
  );
  const [result] = useQuery({ query: ReportPhotosQuery, variables: { reference }, context });
  const photos = result.data?.case.photos ?? [];
  if (photos.length === 0) return null;
  return (
    <>
      <Heading3>
        <FormattedMessage
          id="console.publicReport.photos"
          defaultMessage="Foto's"
          description="Heading of the photos sent with a report"
        />
      </Heading3>
      <ul className="loket-report-photos">
        {photos.map((p, index) => (
          <Photo
            key={p.id}
            url={p.url}
            createdAt={p.createdAt}
            token={session?.token ?? null}
            alt={intl.formatMessage(
              {
                id: 'console.publicReport.photoAlt',
                defaultMessage: 'Foto {number} bij melding {reference}',
                description: "Text of a report's photo for screen readers",
              },
              { number: index + 1, reference },
            )}
          />
        ))}
      </ul>
    </>
  );
}
