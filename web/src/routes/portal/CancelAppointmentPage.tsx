import { Button, Paragraph } from '@utrecht/component-library-react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';
import { useMutation } from 'urql';

import { ErrorMessage } from '../../components/ErrorMessage';
import { PageTitle } from '../../components/PageTitle';
import { BadUserInputError, loketError } from '../../errors';
import { graphql } from '../../gql';

const CancelByCode = graphql(`
  mutation CancelAppointmentByCode($input: CancelAppointmentInput!) {
    cancelAppointment(input: $input) {
      appointment {
        id
        reference
        status
      }
    }
  }
`);

/**
 * The page the confirmation's cancel link opens (`afspraak/annuleren?referentie=…&code=…`):
 * no login, the reference and the code from the message are enough.
 */
export function CancelAppointmentPage() {
  const intl = useIntl();
  const [params] = useSearchParams();
  const reference = params.get('referentie') ?? '';
  const code = params.get('code') ?? '';
  const [state, cancel] = useMutation(CancelByCode);
  const title = intl.formatMessage({
    id: 'cancel.title',
    defaultMessage: 'Afspraak annuleren',
    description: 'Title of the page the cancel link opens',
  });
  if (reference === '' || code === '') {
    return (
      <>
        <PageTitle>{title}</PageTitle>
        <Paragraph>
          <FormattedMessage
            id="cancel.incomplete"
            defaultMessage="De link is niet compleet. Gebruik de link uit de bevestiging van uw afspraak."
            description="The cancel link lacks the reference or the code"
          />
        </Paragraph>
      </>
    );
  }
  if (state.data) {
    return (
      <>
        <PageTitle>
          {intl.formatMessage({
            id: 'cancel.done.title',
            defaultMessage: 'Uw afspraak is geannuleerd',
            description: 'Title after cancelling with the link',
          })}
        </PageTitle>
        <Paragraph>
          <FormattedMessage
            id="cancel.done"
            defaultMessage="De afspraak met kenmerk {reference} gaat niet door. De tijd is weer vrij voor een ander."
            description="Confirmation after cancelling with the link"
            values={{
              reference: <strong>{state.data.cancelAppointment.appointment.reference}</strong>,
            }}
          />
        </Paragraph>
      </>
    );
  }
  const error = state.error ? loketError(state.error) : null;
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <Paragraph>
        <FormattedMessage
          id="cancel.what"
          defaultMessage="U annuleert de afspraak met kenmerk {reference}. Daarna is de tijd vrij voor een ander."
          description="What will be cancelled"
          values={{ reference: <strong>{reference}</strong> }}
        />
      </Paragraph>
      {error && (
        <ErrorMessage
          error={error}
          explanations={{
            BAD_USER_INPUT: (
              <FormattedMessage
                id="cancel.wrongCode"
                defaultMessage="Het kenmerk of de code klopt niet. Controleer de link in de bevestiging, of bel de gemeente."
                description="The reference and cancellation code do not match"
              />
            ),
            CONFLICT: (
              <FormattedMessage
                id="cancel.conflict"
                defaultMessage="Deze afspraak kan niet meer worden geannuleerd: hij is al geannuleerd of de tijd is al begonnen."
                description="The appointment was cancelled already or has started"
              />
            ),
          }}
        />
      )}
      {!(error instanceof BadUserInputError) && (
        <Button
          type="button"
          appearance="primary-action-button"
          busy={state.fetching}
          onClick={() => void cancel({ input: { reference, cancellationCode: code } })}
        >
          <FormattedMessage
            id="cancel.submit"
            defaultMessage="Afspraak annuleren"
            description="Button: cancel the appointment with the link's code"
          />
        </Button>
      )}
    </>
  );
}
