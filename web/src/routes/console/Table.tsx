import type { ReactNode } from 'react';

export interface TableProps {
  caption: ReactNode;
  /** The column headings. */
  columns: readonly ReactNode[];
  className?: string;
  /** The rows (`<tr className="utrecht-table__row">`). */
  children: ReactNode;
}

/** A table of the console in NL Design System style, scrolling sideways on a narrow screen. */
export function Table({ caption, columns, className, children }: TableProps) {
  return (
    <div className="loket-table-scroll">
      <table className={['utrecht-table', 'loket-table', className].filter(Boolean).join(' ')}>
        <caption className="utrecht-table__caption">{caption}</caption>
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
