import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { answeringClient, refusal, type Answer } from '../../test/client';
import { renderWithClient } from '../../test/render';
import { ReportSurveyPage } from './ReportSurveyPage';

const REPORTER = '0193a2b4-0000-7000-8000-000000000001';

function open(answer: Answer, antwoord = 'nee') {
  const { client, asked } = answeringClient(() => answer);
  renderWithClient(
    <ReportSurveyPage />,
    client,
    `/melding/tevredenheid?melder=${REPORTER}&code=abc123&antwoord=${antwoord}`,
  );
  return asked;
}

const reopened: Answer = {
  data: {
    answerReportSurvey: {
      reopened: true,
      report: {
        reference: 'ENS-2026-000042',
        expectedBy: '2026-12-21',
        status: {
          name: 'Verzoek tot heropenen',
          explanation: 'U liet weten dat het probleem niet is opgelost.',
        },
      },
    },
  },
};

describe('ReportSurveyPage', () => {
  it('asks the question with the link’s answer chosen, and says the report is looked at again', async () => {
    const asked = open(reopened);
    expect(
      screen.getByRole('group', {
        name: 'Bent u tevreden over hoe we uw melding hebben afgehandeld?',
      }),
    ).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Nee, het probleem is niet opgelost' })).toBeChecked();
    await userEvent.click(screen.getByRole('button', { name: 'Antwoord versturen' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'We kijken opnieuw naar uw melding' }),
    ).toBeInTheDocument();
    expect(document.body).toHaveTextContent(
      'Melding ENS-2026-000042 is weer in behandeling. We verwachten de melding uiterlijk 21 december 2026 af te handelen.',
    );
    expect(asked[0]?.variables).toEqual({
      input: { reporterId: REPORTER, code: 'abc123', satisfied: false },
    });
  });

  it('thanks a satisfied reporter', async () => {
    const asked = open(
      {
        data: {
          answerReportSurvey: {
            ...(reopened.data as { answerReportSurvey: object }).answerReportSurvey,
            reopened: false,
          },
        },
      },
      'ja',
    );
    expect(screen.getByRole('radio', { name: 'Ja, ik ben tevreden' })).toBeChecked();
    await userEvent.click(screen.getByRole('button', { name: 'Antwoord versturen' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Dank voor uw antwoord' }),
    ).toBeInTheDocument();
    expect(asked[0]?.variables).toMatchObject({ input: { satisfied: true } });
  });

  it('says a wrong or old link is not valid, and offers no answer', async () => {
    open(refusal('BAD_USER_INPUT', 'code: this link is not valid', 'code'));
    await userEvent.click(screen.getByRole('button', { name: 'Antwoord versturen' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Deze link klopt niet of is verouderd.',
    );
    expect(screen.queryByRole('button', { name: 'Antwoord versturen' })).toBeNull();
  });

  it('says an answered question or a report handled again needs nothing more', async () => {
    open(refusal('CONFLICT', 'this question was answered already'));
    await userEvent.click(screen.getByRole('button', { name: 'Antwoord versturen' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'U hebt deze vraag al beantwoord, of we behandelen uw melding al opnieuw.',
    );
  });

  it('asks for an answer when the link chose none', async () => {
    const asked = open(reopened, '');
    await userEvent.click(screen.getByRole('button', { name: 'Antwoord versturen' }));
    expect(screen.getByRole('group')).toHaveAccessibleDescription(/Kies ja of nee\./);
    expect(asked).toEqual([]);
  });
});
