import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useId, useRef } from 'react';
import { FormattedMessage } from 'react-intl';

import { DateText } from '../../components/DateText';
import { SEPARATOR, joined } from '../../format';
import { Label } from './labels';
import { useJournalKind } from './Journal';
import type { StaffCase } from './staffCase';

/** The case as the employee saw it, and as it is now (null if it can no longer be read). */
export interface Conflict {
  before: StaffCase;
  now: StaffCase | null;
}

export interface ConflictDialogProps {
  conflict: Conflict;
  /** Show the case as it is now; what the employee typed stays in the forms. */
  onReload: () => void;
  onClose: () => void;
}

/**
 * Someone changed the case after it was read, so the action was refused: what changed, and
 * the offer to reload. Nothing is overwritten and nothing typed is lost.
 */
export function ConflictDialog({ conflict, onReload, onClose }: ConflictDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useId();
  const kindName = useJournalKind();
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  const { before, now } = conflict;
  const added = now?.journal?.slice(before.journal?.length ?? 0) ?? [];
  return (
    <dialog ref={dialog} className="loket-dialog" aria-labelledby={heading} onClose={onClose}>
      <Heading2 id={heading}>
        <FormattedMessage
          id="console.conflict.title"
          defaultMessage="Deze zaak is intussen gewijzigd"
          description="Title of the conflict dialog"
        />
      </Heading2>
      <Paragraph>
        <FormattedMessage
          id="console.conflict.lead"
          defaultMessage="Een collega heeft de zaak gewijzigd nadat u hem opende. Uw wijziging is niet opgeslagen; wat u invulde staat er nog."
          description="Explains the conflict"
        />
      </Paragraph>
      {now && (
        <ul className="loket-conflict__changes">
          {now.status?.name !== before.status?.name && (
            <li>
              <FormattedMessage
                id="console.conflict.status"
                defaultMessage="Status: {before} → {now}"
                description="A changed status"
                values={{ before: before.status?.name ?? '–', now: now.status?.name ?? '–' }}
              />
            </li>
          )}
          {now.handler !== before.handler && (
            <li>
              <FormattedMessage
                id="console.conflict.handler"
                defaultMessage="Behandelaar: {before} → {now}"
                description="A changed handler"
                values={{ before: before.handler ?? '–', now: now.handler ?? '–' }}
              />
            </li>
          )}
          {now.deadline !== before.deadline && (
            <li>
              <FormattedMessage
                id="console.conflict.deadline"
                defaultMessage="Termijn: {before} → {now}"
                description="A changed deadline"
                values={{
                  before: <DateText value={before.deadline} />,
                  now: <DateText value={now.deadline} />,
                }}
              />
            </li>
          )}
          {now.decision && !before.decision && (
            <li>
              <FormattedMessage
                id="console.conflict.decided"
                defaultMessage="Besloten: {outcome}"
                description="The case was decided meanwhile"
                values={{ outcome: now.decision.name }}
              />
            </li>
          )}
          {added.map((entry, index) => (
            <li key={`${entry.at}-${index}`}>
              <DateText value={entry.at} kind="datetime" />
              {SEPARATOR}
              {joined([kindName(entry.kind), entry.actor, entry.status])}
            </li>
          ))}
        </ul>
      )}
      <ButtonGroup>
        <Button type="button" appearance="primary-action-button" onClick={onReload}>
          <Label name="reload" />
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onClose}>
          <Label name="close" />
        </Button>
      </ButtonGroup>
    </dialog>
  );
}
