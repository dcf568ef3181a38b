import { screen, within } from '@testing-library/react';
import { createRef } from 'react';

import { makeFragmentData } from '../../gql';
import { renderWithIntl } from '../../test/render';
import { ComparablesFragment, ComparablesPlot, direction, offset } from './ComparablesPlot';

const home = { latitude: 52.22, longitude: 6.89 };

describe('offset and direction', () => {
  it('measure metres and name the compass direction', () => {
    const north = offset(home, { latitude: 52.221, longitude: 6.89 });
    expect(Math.round(north.north)).toBe(111);
    expect(direction(north)).toBe('n');
    expect(direction(offset(home, { latitude: 52.219, longitude: 6.891 }))).toBe('se');
  });
});

describe('ComparablesPlot', () => {
  it('lists the homes with distance and value, and plots them numbered around yours', () => {
    const ref = createRef<HTMLElement>();
    const report = makeFragmentData(
      {
        radiusMeters: 1500,
        object: { address: home },
        comparables: [
          {
            id: 'w1',
            value: 310000,
            floorArea: 120,
            buildYear: 1978,
            distanceMeters: 111,
            address: {
              street: 'Hengelosestraat',
              houseNumber: 14,
              letter: null,
              addition: null,
              postcode: '7514AB',
              city: 'Enschede',
              latitude: 52.221,
              longitude: 6.89,
            },
          },
        ],
      },
      ComparablesFragment,
    );
    renderWithIntl(<ComparablesPlot ref={ref} report={report} className="extra" />);
    const section = screen.getByRole('region', { name: 'Vergelijkbare woningen' });
    expect(section).toHaveClass('loket-comparables', 'extra');
    expect(ref.current).toBe(section);
    const item = within(section).getByRole('listitem');
    expect(item).toHaveTextContent('Hengelosestraat 14');
    expect(item).toHaveTextContent('111 meter noord · € 310.000 · 120 m² · bouwjaar 1978');
    const plot = within(section).getByRole('img');
    expect(plot).toHaveAccessibleName(/de vergelijkbare woning met het nummer/);
    const point = plot.querySelector('.loket-comparables__point circle');
    expect(Number(point?.getAttribute('cy'))).toBeLessThan(150);
  });
});
