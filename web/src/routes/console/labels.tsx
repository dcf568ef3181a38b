// Labels and marks the console's pages share, written once.
import { FormattedMessage, defineMessages, useIntl } from 'react-intl';

import { SPACE } from '../../format';

const LABELS = defineMessages({
  reference: {
    id: 'case.reference',
    defaultMessage: 'Zaaknummer',
    description: "Label of a case's reference",
  },
  caseType: { id: 'console.queue.type', defaultMessage: 'Zaaktype', description: 'Label' },
  status: { id: 'case.status', defaultMessage: 'Status', description: "Label of a case's status" },
  deadline: {
    id: 'console.queue.deadline',
    defaultMessage: 'Termijn',
    description: 'Column: the legal deadline',
  },
  handler: { id: 'console.queue.handler', defaultMessage: 'Behandelaar', description: 'Label' },
  nobody: {
    id: 'console.queue.nobody',
    defaultMessage: 'Niemand',
    description: 'No handler assigned',
  },
  location: {
    id: 'case.location',
    defaultMessage: 'Adres',
    description: "Label of a case's location",
  },
  department: {
    id: 'console.case.department',
    defaultMessage: 'Afdeling',
    description: 'Label of the department handling a case',
  },
  bsn: {
    id: 'console.find.bsn',
    defaultMessage: 'Burgerservicenummer',
    description: 'Label of the BSN field',
  },
  birthDate: {
    id: 'console.find.birthDate',
    defaultMessage: 'Geboortedatum',
    description: 'Label',
  },
  address: { id: 'console.find.address', defaultMessage: 'Adres', description: 'Column' },
  question: {
    id: 'console.contact.question',
    defaultMessage: 'Vraag',
    description: "Label of the resident's question",
  },
  team: { id: 'console.handover.team', defaultMessage: 'Team', description: 'Label' },
  reload: {
    id: 'console.case.reload',
    defaultMessage: 'Opnieuw laden',
    description: 'Button: load the case as it is now',
  },
  close: { id: 'console.handover.close', defaultMessage: 'Sluiten', description: 'Button' },
});

export type LabelName = keyof typeof LABELS;

/** One of the console's shared labels. */
export function Label({ name }: { name: LabelName }) {
  return useIntl().formatMessage(LABELS[name]);
}

/** Beside a date: the deadline has passed. */
export function OverdueMark() {
  return (
    <strong className="loket-overdue">
      {SPACE}
      <FormattedMessage
        id="console.case.overdue"
        defaultMessage="Termijn verstreken"
        description="Mark of a case past its deadline"
      />
    </strong>
  );
}
