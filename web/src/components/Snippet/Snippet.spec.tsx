import { render, screen } from '@testing-library/react';
import { createRef } from 'react';

import { Snippet, snippetParts } from './Snippet';

describe('Snippet', () => {
  it('marks the words found and never inserts HTML', () => {
    const ref = createRef<HTMLParagraphElement>();
    render(
      <Snippet
        ref={ref}
        className="extra"
        html="Een &lt;script&gt; over de <b>parkeerkaart</b> &amp; meer"
      />,
    );
    const mark = screen.getByText('parkeerkaart');
    expect(mark.tagName).toBe('MARK');
    expect(ref.current).toHaveClass('loket-snippet', 'extra');
    expect(ref.current?.textContent).toBe('Een <script> over de parkeerkaart & meer');
    expect(ref.current?.querySelector('script')).toBeNull();
  });

  it('splits into plain and found parts', () => {
    expect(snippetParts('a <b>b</b> c')).toEqual(['a ', 'b', ' c']);
  });
});
