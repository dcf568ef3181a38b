import { Heading2 } from '@utrecht/component-library-react';
import { useId } from 'react';
import { FormattedMessage, defineMessages, useIntl } from 'react-intl';

import { DateText } from '../../components/DateText';
import { SEPARATOR, SPACE, joined } from '../../format';
import type { StaffCase } from './staffCase';

type Entry = NonNullable<StaffCase['journal']>[number];

const KINDS = defineMessages({
  status: {
    id: 'console.journal.status',
    defaultMessage: 'Status gewijzigd',
    description: 'Journal entry kind',
  },
  note: {
    id: 'console.journal.note',
    defaultMessage: 'Notitie',
    description: 'Journal entry kind',
  },
  assigned: {
    id: 'console.journal.assigned',
    defaultMessage: 'Toegewezen',
    description: 'Journal entry kind',
  },
  suspended: {
    id: 'console.journal.suspended',
    defaultMessage: 'Opgeschort',
    description: 'Journal entry kind',
  },
  extended: {
    id: 'console.journal.extended',
    defaultMessage: 'Verlengd',
    description: 'Journal entry kind',
  },
  decided: {
    id: 'console.journal.decided',
    defaultMessage: 'Besloten',
    description: 'Journal entry kind',
  },
  reopened: {
    id: 'console.journal.reopened',
    defaultMessage: 'Heropend',
    description: 'Journal entry kind: an ended report was taken up again',
  },
  joined: {
    id: 'console.journal.joined',
    defaultMessage: 'Melder volgt mee',
    description: 'Journal entry kind: another reporter follows the report',
  },
});

/** What kind of change a journal entry is, in words. */
export function useJournalKind(): (kind: string) => string {
  const intl = useIntl();
  return (kind) => (kind in KINDS ? intl.formatMessage(KINDS[kind as keyof typeof KINDS]) : kind);
}

/**
 * The case's journal, newest first: who changed what, with the text the resident sees and
 * the text for colleagues only told apart.
 */
export function Journal({ entries }: { entries: readonly Entry[] }) {
  const heading = useId();
  const kindName = useJournalKind();
  return (
    <section aria-labelledby={heading}>
      <Heading2 id={heading}>
        <FormattedMessage
          id="console.journal.title"
          defaultMessage="Journaal"
          description="Heading of the case journal"
        />
      </Heading2>
      <ol className="loket-journal">
        {[...entries].reverse().map((entry, index) => (
          <li key={`${entry.at}-${index}`} className="loket-journal__entry">
            <p className="loket-journal__meta">
              <DateText value={entry.at} kind="datetime" />
              {SEPARATOR}
              {joined([kindName(entry.kind), entry.status])}
              {entry.days !== null && entry.days !== undefined && (
                <>
                  {SEPARATOR}
                  <FormattedMessage
                    id="console.journal.days"
                    defaultMessage="{days, plural, one {# dag} other {# dagen}}"
                    description="Days suspended or extended"
                    values={{ days: entry.days }}
                  />
                </>
              )}
              {SEPARATOR}
              {entry.actor}
            </p>
            {entry.publicText && (
              <p className="loket-journal__public">
                <strong>
                  <FormattedMessage
                    id="console.journal.public"
                    defaultMessage="Voor de inwoner:"
                    description="Label of text the resident sees"
                  />
                </strong>
                {SPACE}
                {entry.publicText}
              </p>
            )}
            {entry.internalText && (
              <p className="loket-journal__internal">
                <strong>
                  <FormattedMessage
                    id="console.journal.internal"
                    defaultMessage="Intern:"
                    description="Label of text for colleagues only"
                  />
                </strong>
                {SPACE}
                {entry.internalText}
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
