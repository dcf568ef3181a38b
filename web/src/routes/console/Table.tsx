import { useId, type ReactNode } from 'react';

export interface TableProps {
  caption: ReactNode;
  /** The column headings. */
  columns: readonly ReactNode[];
  className?: string;
  /** The rows (`<tr className="utrecht-table__row">`). */
  children: ReactNode;
}

/**
 * A table of the console in NL Design System style, scrolling sideways on a narrow screen: the
 * scrolling region is named by the caption and takes keyboard focus, so it scrolls by keys too.
 */
export function Table({ caption, columns, className, children }: TableProps) {
  const captionId = useId();
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard (WCAG 2.1.1)
    <div className="loket-table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={['utrecht-table', 'loket-table', className].filter(Boolean).join(' ')}>
        <caption id={captionId} className="utrecht-table__caption">
          {caption}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {columns.map((column, index) => (
              <th key={index} className="utrecht-table__header-cell" scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">{children}</tbody>
      </table>
    </div>
  );
}
