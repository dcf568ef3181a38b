import { Button, ButtonGroup, Heading2 } from '@utrecht/component-library-react';
import { useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';

import { fieldErrors } from '../../errors';
import { graphql } from '../../gql';
import { ActionError } from './ActionError';
import { ActionForm, type ActionFormProps } from './ActionForm';
import { SelectField, TextareaField, TextboxField } from './FormFields';
import { ReopenForm } from './ReopenForm';
import type { StaffCase } from './staffCase';
import { useCaseAction, type CaseActionHandlers } from './useCaseAction';

const SetStatus = graphql(`
  mutation ConsoleSetStatus($input: SetCaseStatusInput!) {
    setCaseStatus(input: $input) {
      case {
        id
        version
      }
    }
  }
`);

const Decide = graphql(`
  mutation ConsoleDecide($input: DecideCaseInput!) {
    decideCase(input: $input) {
      case {
        id
        version
      }
    }
  }
`);

const Suspend = graphql(`
  mutation ConsoleSuspend($input: MoveDeadlineInput!) {
    suspendCase(input: $input) {
      case {
        id
        version
      }
    }
  }
`);

const Extend = graphql(`
  mutation ConsoleExtend($input: MoveDeadlineInput!) {
    extendCase(input: $input) {
      case {
        id
        version
      }
    }
  }
`);

const AddNote = graphql(`
  mutation ConsoleAddNote($input: AddCaseNoteInput!) {
    addCaseNote(input: $input) {
      case {
        id
        version
      }
    }
  }
`);

const Assign = graphql(`
  mutation ConsoleAssign($input: AssignCaseInput!) {
    assignCase(input: $input) {
      case {
        id
        version
      }
    }
  }
`);

export interface CaseActionsProps extends CaseActionHandlers {
  case: StaffCase;
  /** The employee's own id, to take a case. */
  me: string;
}

/** What the back office may do with the case, as `Case.permissions` says. */
export function CaseActions({ case: c, me, ...handlers }: CaseActionsProps) {
  const heading = useId();
  const open = !c.status?.end;
  const { update, decide, addNote, assign } = c.permissions;
  // An ended report about public space may be taken up again by whoever may decide it.
  const reopen = !open && decide && Boolean(c.position);
  if (!(open && (update || decide || assign)) && !addNote && !reopen) return null;
  return (
    <section aria-labelledby={heading} className="loket-case-actions">
      <Heading2 id={heading}>
        <FormattedMessage
          id="console.actions.title"
          defaultMessage="Behandelen"
          description="Heading of a case's actions"
        />
      </Heading2>
      {open && assign && <AssignForm c={c} me={me} {...handlers} />}
      {open && update && <StatusForm c={c} {...handlers} />}
      {open && decide && <DecideForm c={c} {...handlers} />}
      {open && update && <DeadlineForm c={c} {...handlers} />}
      {reopen && <ReopenForm c={c} {...handlers} />}
      {addNote && <NoteForm c={c} {...handlers} />}
    </section>
  );
}

function StatusForm({ c, ...handlers }: ActionFormProps) {
  const intl = useIntl();
  const action = useCaseAction(SetStatus, handlers);
  const current = c.caseType.statuses.find((s) => s.code === c.status?.code);
  const options = c.caseType.statuses
    .filter((s) => !s.end && current?.next.includes(s.code))
    .map((s) => ({ value: s.code, label: s.name }));
  const [status, setStatus] = useState('');
  const [publicText, setPublicText] = useState('');
  const [internalText, setInternalText] = useState('');
  const errors = fieldErrors(action.error);
  const chosen = status || options[0]?.value || '';
  if (options.length === 0) return null;
  return (
    <ActionForm
      title={
        <FormattedMessage
          id="console.actions.status"
          defaultMessage="Status wijzigen"
          description="Heading of the status form"
        />
      }
      onSubmit={() =>
        action.run(
          {
            input: {
              caseId: c.id,
              status: chosen,
              expectedVersion: c.version,
              publicExplanation: publicText.trim() || null,
              internalRemark: internalText.trim() || null,
            },
          },
          () => {
            setStatus('');
            setPublicText('');
            setInternalText('');
          },
        )
      }
    >
      <ActionError error={action.error} />
      <SelectField
        label={
          <FormattedMessage
            id="console.actions.newStatus"
            defaultMessage="Nieuwe status"
            description="Label"
          />
        }
        name="status"
        value={chosen}
        onChange={setStatus}
        options={options}
        error={errors.get('status')}
      />
      <TextareaField
        label={intl.formatMessage({
          id: 'console.actions.public',
          defaultMessage: 'Uitleg voor de inwoner',
          description: 'Label of the public explanation',
        })}
        name="publicExplanation"
        value={publicText}
        onChange={setPublicText}
        error={errors.get('publicExplanation')}
      />
      <TextareaField
        label={intl.formatMessage({
          id: 'console.actions.internal',
          defaultMessage: 'Interne opmerking',
          description: 'Label of the internal remark',
        })}
        name="internalRemark"
        value={internalText}
        onChange={setInternalText}
        error={errors.get('internalRemark')}
      />
      <Button type="submit" appearance="primary-action-button" busy={action.busy}>
        <FormattedMessage
          id="console.actions.status.submit"
          defaultMessage="Status wijzigen"
          description="Button"
        />
      </Button>
    </ActionForm>
  );
}

function DecideForm({ c, ...handlers }: ActionFormProps) {
  const action = useCaseAction(Decide, handlers);
  const options = c.caseType.outcomes.map((o) => ({ value: o.code, label: o.name }));
  const [outcome, setOutcome] = useState('');
  const [explanation, setExplanation] = useState('');
  const errors = fieldErrors(action.error);
  const chosen = outcome || options[0]?.value || '';
  return (
    <ActionForm
      title={
        <FormattedMessage
          id="console.actions.decide"
          defaultMessage="Besluiten"
          description="Heading of the decide form"
        />
      }
      onSubmit={() =>
        action.run(
          { input: { caseId: c.id, outcome: chosen, explanation, expectedVersion: c.version } },
          () => setExplanation(''),
        )
      }
    >
      <ActionError error={action.error} />
      <SelectField
        label={
          <FormattedMessage
            id="console.actions.outcome"
            defaultMessage="Uitkomst"
            description="Label"
          />
        }
        name="outcome"
        value={chosen}
        onChange={setOutcome}
        options={options}
        error={errors.get('outcome')}
      />
      <TextareaField
        label={
          <FormattedMessage
            id="console.actions.explanation"
            defaultMessage="Motivering voor de inwoner"
            description="Label of a decision's explanation"
          />
        }
        name="explanation"
        value={explanation}
        onChange={setExplanation}
        error={errors.get('explanation')}
      />
      <Button type="submit" appearance="primary-action-button" busy={action.busy}>
        <FormattedMessage
          id="console.actions.decide.submit"
          defaultMessage="Besluit nemen"
          description="Button"
        />
      </Button>
    </ActionForm>
  );
}

function DeadlineForm({ c, ...handlers }: ActionFormProps) {
  const intl = useIntl();
  const suspend = useCaseAction(Suspend, handlers);
  const extend = useCaseAction(Extend, handlers);
  const kinds = [
    c.caseType.suspensionMaxDays > 0 && {
      value: 'suspend',
      label: intl.formatMessage({
        id: 'console.actions.suspend',
        defaultMessage: 'Opschorten',
        description: 'Deadline action',
      }),
    },
    c.caseType.extensionMaxDays > 0 && {
      value: 'extend',
      label: intl.formatMessage({
        id: 'console.actions.extend',
        defaultMessage: 'Verlengen',
        description: 'Deadline action',
      }),
    },
  ].filter((k): k is { value: string; label: string } => Boolean(k));
  const [kind, setKind] = useState('');
  const [days, setDays] = useState('');
  const [reason, setReason] = useState('');
  const chosen = kind || kinds[0]?.value || '';
  const action = chosen === 'extend' ? extend : suspend;
  const errors = fieldErrors(action.error);
  if (kinds.length === 0) return null;
  return (
    <ActionForm
      title={
        <FormattedMessage
          id="console.actions.deadline"
          defaultMessage="Termijn opschorten of verlengen"
          description="Heading of the deadline form"
        />
      }
      onSubmit={() =>
        action.run(
          {
            input: {
              caseId: c.id,
              days: Number.parseInt(days, 10) || 0,
              reason,
              expectedVersion: c.version,
            },
          },
          () => {
            setDays('');
            setReason('');
          },
        )
      }
    >
      <ActionError error={action.error} />
      <SelectField
        label={
          <FormattedMessage
            id="console.actions.deadlineKind"
            defaultMessage="Wat"
            description="Label: suspend or extend"
          />
        }
        name="kind"
        value={chosen}
        onChange={setKind}
        options={kinds}
      />
      <TextboxField
        label={
          <FormattedMessage
            id="console.actions.days"
            defaultMessage="Aantal dagen"
            description="Label"
          />
        }
        name="days"
        inputMode="numeric"
        value={days}
        onChange={setDays}
        error={errors.get('days')}
      />
      <TextareaField
        label={
          <FormattedMessage
            id="console.actions.reason"
            defaultMessage="Reden"
            description="Label"
          />
        }
        name="reason"
        value={reason}
        onChange={setReason}
        error={errors.get('reason')}
      />
      <Button type="submit" appearance="secondary-action-button" busy={action.busy}>
        <FormattedMessage
          id="console.actions.deadline.submit"
          defaultMessage="Termijn aanpassen"
          description="Button"
        />
      </Button>
    </ActionForm>
  );
}

function NoteForm({ c, ...handlers }: ActionFormProps) {
  const action = useCaseAction(AddNote, handlers);
  const [text, setText] = useState('');
  const errors = fieldErrors(action.error);
  return (
    <ActionForm
      title={
        <FormattedMessage
          id="console.actions.note"
          defaultMessage="Notitie toevoegen"
          description="Heading of the note form"
        />
      }
      onSubmit={() => action.run({ input: { caseId: c.id, text } }, () => setText(''))}
    >
      <ActionError error={action.error} />
      <TextareaField
        label={
          <FormattedMessage
            id="console.actions.noteText"
            defaultMessage="Notitie (alleen voor collega’s)"
            description="Label of an internal note"
          />
        }
        name="text"
        value={text}
        onChange={setText}
        error={errors.get('text')}
      />
      <Button type="submit" appearance="secondary-action-button" busy={action.busy}>
        <FormattedMessage
          id="console.actions.note.submit"
          defaultMessage="Notitie opslaan"
          description="Button"
        />
      </Button>
    </ActionForm>
  );
}

function AssignForm({ c, me, ...handlers }: ActionFormProps & { me: string }) {
  const action = useCaseAction(Assign, handlers);
  const [handler, setHandler] = useState('');
  const errors = fieldErrors(action.error);
  const assign = (to: string | null) =>
    action.run({ input: { caseId: c.id, handler: to, expectedVersion: c.version } }, () =>
      setHandler(''),
    );
  return (
    <ActionForm
      title={
        <FormattedMessage
          id="console.actions.assign"
          defaultMessage="Toewijzen"
          description="Heading of the assign form"
        />
      }
      onSubmit={() => assign(handler.trim() || null)}
    >
      <ActionError error={action.error} />
      <ButtonGroup>
        {c.handler !== me && (
          <Button
            type="button"
            appearance="secondary-action-button"
            busy={action.busy}
            onClick={() => assign(me)}
          >
            <FormattedMessage
              id="console.actions.take"
              defaultMessage="Zelf oppakken"
              description="Button: assign the case to me"
            />
          </Button>
        )}
        {c.handler && (
          <Button
            type="button"
            appearance="subtle-button"
            busy={action.busy}
            onClick={() => assign(null)}
          >
            <FormattedMessage
              id="console.actions.release"
              defaultMessage="Vrijgeven"
              description="Button: release the case"
            />
          </Button>
        )}
      </ButtonGroup>
      <TextboxField
        label={
          <FormattedMessage
            id="console.actions.handler"
            defaultMessage="Of toewijzen aan (medewerker-id)"
            description="Label"
          />
        }
        name="handler"
        value={handler}
        onChange={setHandler}
        error={errors.get('handler')}
      />
      <Button type="submit" appearance="secondary-action-button" busy={action.busy}>
        <FormattedMessage
          id="console.actions.assign.submit"
          defaultMessage="Toewijzen"
          description="Button"
        />
      </Button>
    </ActionForm>
  );
}
