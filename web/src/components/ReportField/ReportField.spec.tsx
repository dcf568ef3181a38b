import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';

import { makeFragmentData } from '../../gql';
import type { ReportFieldType } from '../../gql/graphql';
import { renderWithIntl } from '../../test/render';
import { ReportField, ReportFieldFragment, localToRfc3339 } from './ReportField';

function field(datatype: ReportFieldType, required = false) {
  return makeFragmentData(
    {
      code: 'soort',
      name: 'Wat voor container is het?',
      description: 'Kijk op de klep.',
      datatype,
      required,
      values: [
        { key: 'rest', name: 'Restafval' },
        { key: 'papier', name: 'Papier' },
        { key: 'glas', name: 'Glas' },
      ],
    },
    ReportFieldFragment,
  );
}

describe('ReportField', () => {
  it('asks a single-value list as radio buttons under the question, marked required', async () => {
    const ref = createRef<HTMLElement>();
    const answers: string[] = [];
    renderWithIntl(
      <ReportField
        ref={ref}
        className="extra"
        field={field('SINGLEVALUELIST', true)}
        value=""
        onChange={(v) => answers.push(v)}
        error="Beantwoord deze vraag."
      />,
    );
    const group = screen.getByRole('group', { name: 'Wat voor container is het? (verplicht)' });
    expect(group).toHaveClass('loket-report-field', 'extra');
    expect(ref.current).toBe(group);
    expect(group).toHaveAccessibleDescription(/Beantwoord deze vraag\..*Kijk op de klep\./);
    await userEvent.click(screen.getByRole('radio', { name: 'Papier' }));
    expect(answers).toEqual(['papier']);
  });

  it('sends the keys of a multiple-value list in the list’s order, separated by commas', async () => {
    const answers: string[] = [];
    renderWithIntl(
      <ReportField
        field={field('MULTIVALUELIST')}
        value="glas"
        onChange={(v) => answers.push(v)}
      />,
    );
    expect(screen.getByRole('group', { name: 'Wat voor container is het?' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Glas' })).toBeChecked();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Restafval' }));
    expect(answers).toEqual(['rest,glas']);
  });

  it('asks a number, a line and lines of text in fitting inputs', () => {
    const { unmount } = renderWithIntl(
      <ReportField field={field('NUMBER')} value="3" onChange={() => undefined} />,
    );
    expect(screen.getByRole('spinbutton', { name: 'Wat voor container is het?' })).toHaveValue(3);
    unmount();
    renderWithIntl(<ReportField field={field('TEXT', true)} value="" onChange={() => undefined} />);
    const text = screen.getByRole('textbox', { name: 'Wat voor container is het? (verplicht)' });
    expect(text.tagName).toBe('TEXTAREA');
    expect(text).toBeRequired();
  });

  it('takes a date and time in Amsterdam and gives it with its offset', () => {
    const answers: string[] = [];
    const { container } = renderWithIntl(
      <ReportField
        field={field('DATETIME')}
        value="2026-12-04T08:30:00+01:00"
        onChange={(v) => answers.push(v)}
      />,
    );
    const input = container.querySelector('input[type="datetime-local"]');
    expect(input).toHaveValue('2026-12-04T08:30');
    fireEvent.change(input as Element, { target: { value: '2026-07-01T21:15' } });
    expect(answers).toEqual(['2026-07-01T21:15:00+02:00']);
    expect(localToRfc3339('')).toBe('');
  });
});
