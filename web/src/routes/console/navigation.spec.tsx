import { screen } from '@testing-library/react';

import type { PolicyAction } from '../../gql/graphql';
import { renderWithIntl } from '../../test/render';
import { consoleAreas } from './navigation';

/** A policy decision as `useMe().can` makes it, from a list of grants. */
function granting(...grants: string[]) {
  return (object: string, action: PolicyAction) => grants.includes(`${action} ${object}`);
}

describe('consoleAreas', () => {
  it('opens only the sections the capabilities allow', () => {
    expect(consoleAreas(granting()).map((a) => a.to)).toEqual([]);
    expect(consoleAreas(granting('CREATE contact/moments')).map((a) => a.to)).toEqual([
      '/medewerker/inwoners',
    ]);
    expect(
      consoleAreas(granting('UPDATE case/*', 'UPDATE contact/callbacks')).map((a) => a.to),
    ).toEqual(['/medewerker/werkvoorraad', '/medewerker/terugbellen']);
  });

  it('opens administration where the policy lets the employee change or read it', () => {
    expect(
      consoleAreas(
        granting(
          'UPDATE catalog/products',
          'READ notification/deliveries',
          'READ processing-log/entries',
        ),
      ).map((a) => a.to),
    ).toEqual(['/medewerker/catalogus', '/medewerker/berichten', '/medewerker/verwerkingen']);
    expect(consoleAreas(granting('READ catalog/products'))).toEqual([]);
  });

  it("opens the counter's day list where the policy lets the employee work on it", () => {
    expect(
      consoleAreas(granting('CREATE contact/moments', 'UPDATE appointment/counter')).map(
        (a) => a.to,
      ),
    ).toEqual(['/medewerker/inwoners', '/medewerker/balie']);
  });

  it('reads a capability to see as no licence to act', () => {
    expect(
      consoleAreas(granting('READ case/*', 'READ contact/callbacks', 'READ appointment/counter')),
    ).toEqual([]);
  });

  it('names each section in the language of the catalogue', () => {
    const [area] = consoleAreas(granting('UPDATE case/*'));
    renderWithIntl(<p>{area?.label}</p>);
    expect(screen.getByText('Werkvoorraad')).toBeInTheDocument();
  });
});
