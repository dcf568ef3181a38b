import { forwardRef, type HTMLAttributes } from 'react';

export interface SnippetProps extends HTMLAttributes<HTMLParagraphElement> {
  /** The search API's snippet HTML: escaped text with the words found in `<b>` tags. */
  html: string;
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&#x27;': "'",
};

function unescape(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (entity) => ENTITIES[entity] ?? entity);
}

/** Splits snippet HTML into text parts, every odd one found. Only `<b>` is understood. */
export function snippetParts(html: string): string[] {
  return html.split(/<\/?b>/).map(unescape);
}

/**
 * A search result's snippet with the words found marked. The HTML is taken apart, not
 * inserted, so nothing in it can run.
 */
export const Snippet = forwardRef<HTMLParagraphElement, SnippetProps>(function Snippet(
  { html, className, ...props },
  ref,
) {
  return (
    <p ref={ref} className={['loket-snippet', className].filter(Boolean).join(' ')} {...props}>
      {snippetParts(html).map((part, index) =>
        index % 2 === 1 ? (
          <mark key={index} className="utrecht-mark loket-snippet__match">
            {part}
          </mark>
        ) : (
          part
        ),
      )}
    </p>
  );
});
