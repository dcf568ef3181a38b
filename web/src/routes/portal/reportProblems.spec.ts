import { answerKey, reportProblems } from './reportProblems';

describe('reportProblems', () => {
  it('puts an answer’s problem at its question and the place’s at the place', () => {
    const problems = reportProblems(
      new Map([
        ['attributes', 'blokkeert: required (Blokkeert de boom de weg?)'],
        ['addressId', 'the address lies outside Enschede'],
        ['email', 'not an e-mail address'],
      ]),
      ['blokkeert'],
    );
    expect(problems.get(answerKey('blokkeert'))).toBe('required (Blokkeert de boom de weg?)');
    expect(problems.get('place')).toBe('the address lies outside Enschede');
    expect(problems.get('email')).toBe('not an e-mail address');
  });

  it('keeps a problem with a question the form does not show under attributes', () => {
    const problems = reportProblems(
      new Map([['attributes', 'kleur: Boom asks no such question']]),
      ['blokkeert'],
    );
    expect([...problems]).toEqual([['attributes', 'kleur: Boom asks no such question']]);
  });

  it('takes a location outside the municipality as a problem with the place', () => {
    const problems = reportProblems(new Map([['location', 'the place lies outside Enschede']]), []);
    expect(problems.get('place')).toBe('the place lies outside Enschede');
  });
});
