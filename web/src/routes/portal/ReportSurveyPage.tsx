import { Button, Paragraph, RadioButton } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';
import { useMutation } from 'urql';

import { ChoiceGroup } from '../../components/ChoiceGroup';
import { DateText } from '../../components/DateText';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageTitle } from '../../components/PageTitle';
import { BadUserInputError, ConflictError, loketError } from '../../errors';
import { graphql } from '../../gql';

const AnswerSurvey = graphql(`
  mutation AnswerReportSurvey($input: AnswerReportSurveyInput!) {
    answerReportSurvey(input: $input) {
      reopened
      report {
        reference
        expectedBy
        status {
          name
          explanation
        }
      }
    }
  }
`);

/** The answer the link preselects (`antwoord=ja|nee`), if any. */
function preselected(answer: string | null): boolean | null {
  if (answer === 'ja') return true;
  if (answer === 'nee') return false;
  return null;
}

/**
 * The satisfaction question from the message about an ended report
 * (`melding/tevredenheid?melder=…&code=…&antwoord=ja|nee`): no login, the reporter id and
 * the code from the link are enough. An unhappy answer has the report looked at again.
 */
export function ReportSurveyPage() {
  const intl = useIntl();
  const [params] = useSearchParams();
  const reporterId = params.get('melder') ?? '';
  const code = params.get('code') ?? '';
  const [satisfied, setSatisfied] = useState<boolean | null>(() =>
    preselected(params.get('antwoord')),
  );
  const [missing, setMissing] = useState(false);
  const [state, answer] = useMutation(AnswerSurvey);
  const title = intl.formatMessage({
    id: 'survey.title',
    defaultMessage: 'Hoe tevreden bent u?',
    description: 'Title of the satisfaction question about an ended report',
  });

  if (reporterId === '' || code === '') {
    return (
      <>
        <PageTitle>{title}</PageTitle>
        <Paragraph>
          <FormattedMessage
            id="survey.incomplete"
            defaultMessage="De link is niet compleet. Gebruik de link uit het laatste bericht over uw melding."
            description="The survey link lacks the reporter id or the code"
          />
        </Paragraph>
      </>
    );
  }

  const result = state.data?.answerReportSurvey;
  if (result) {
    return (
      <>
        <PageTitle>
          {result.reopened
            ? intl.formatMessage({
                id: 'survey.reopened.title',
                defaultMessage: 'We kijken opnieuw naar uw melding',
                description: 'Title after an unhappy answer reopened the report',
              })
            : intl.formatMessage({
                id: 'survey.thanks.title',
                defaultMessage: 'Dank voor uw antwoord',
                description: 'Title after a happy answer',
              })}
        </PageTitle>
        {result.reopened ? (
          <>
            <Paragraph>
              <FormattedMessage
                id="survey.reopened"
                defaultMessage="U liet weten dat het probleem niet is opgelost. Melding {reference} is weer in behandeling. We verwachten de melding uiterlijk {date} af te handelen."
                description="What an unhappy answer did"
                values={{
                  reference: <strong>{result.report.reference}</strong>,
                  date: <DateText value={result.report.expectedBy} />,
                }}
              />
            </Paragraph>
            <Paragraph lang="nl">{result.report.status.explanation}</Paragraph>
          </>
        ) : (
          <Paragraph>
            <FormattedMessage
              id="survey.thanks"
              defaultMessage="Fijn dat het probleem is opgelost. Uw antwoord helpt ons om meldingen beter af te handelen."
              description="Thanks after a happy answer"
            />
          </Paragraph>
        )}
      </>
    );
  }

  const error = state.error ? loketError(state.error) : null;
  const wrongLink = error instanceof BadUserInputError;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (state.fetching) return;
    if (satisfied === null) {
      setMissing(true);
      return;
    }
    setMissing(false);
    void answer({ input: { reporterId, code, satisfied } });
  };

  return (
    <>
      <PageTitle>{title}</PageTitle>
      {error && (
        <ErrorMessage
          error={error}
          explanations={{
            BAD_USER_INPUT: (
              <FormattedMessage
                id="survey.wrongLink"
                defaultMessage="Deze link klopt niet of is verouderd. Gebruik de link uit het laatste bericht over uw melding."
                description="The survey link's reporter id or code is wrong or from an earlier message"
              />
            ),
            CONFLICT: (
              <FormattedMessage
                id="survey.conflict"
                defaultMessage="U hebt deze vraag al beantwoord, of we behandelen uw melding al opnieuw. U hoeft niets meer te doen."
                description="The survey was answered already, or the report is open again"
              />
            ),
          }}
        />
      )}
      {!wrongLink && !(error instanceof ConflictError) && (
        <form className="loket-form" noValidate onSubmit={submit}>
          <ChoiceGroup
            legend={intl.formatMessage({
              id: 'survey.question',
              defaultMessage: 'Bent u tevreden over hoe we uw melding hebben afgehandeld?',
              description: 'The satisfaction question',
            })}
            description={intl.formatMessage({
              id: 'survey.hint',
              defaultMessage: 'Kiest u nee, dan kijken we opnieuw naar uw melding.',
              description: 'Help under the satisfaction question',
            })}
            error={
              missing && (
                <FormattedMessage
                  id="survey.error.missing"
                  defaultMessage="Kies ja of nee."
                  description="Error: no answer chosen"
                />
              )
            }
          >
            <div className="loket-choice">
              <RadioButton
                id="survey-yes"
                name="satisfied"
                value="ja"
                checked={satisfied === true}
                onChange={() => setSatisfied(true)}
              />
              <label htmlFor="survey-yes" className="utrecht-form-label utrecht-form-label--radio">
                <FormattedMessage
                  id="survey.yes"
                  defaultMessage="Ja, ik ben tevreden"
                  description="Radio: satisfied"
                />
              </label>
            </div>
            <div className="loket-choice">
              <RadioButton
                id="survey-no"
                name="satisfied"
                value="nee"
                checked={satisfied === false}
                onChange={() => setSatisfied(false)}
              />
              <label htmlFor="survey-no" className="utrecht-form-label utrecht-form-label--radio">
                <FormattedMessage
                  id="survey.no"
                  defaultMessage="Nee, het probleem is niet opgelost"
                  description="Radio: not satisfied, look at the report again"
                />
              </label>
            </div>
          </ChoiceGroup>
          <Button
            type="submit"
            appearance="primary-action-button"
            busy={state.fetching}
            aria-disabled={state.fetching || undefined}
          >
            <FormattedMessage
              id="survey.submit"
              defaultMessage="Antwoord versturen"
              description="Button: send the answer to the satisfaction question"
            />
          </Button>
        </form>
      )}
    </>
  );
}
