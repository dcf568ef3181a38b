// Loket's refusals of a report, sorted to the form fields they belong to.

/** The key of a category question's problem in a report form's problems. */
export function answerKey(code: string): string {
  return `attributes.${code}`;
}

/**
 * `fieldErrors` of a refused report, keyed by the form's fields: an answer's problem under
 * `answerKey(code)` (Loket names it `attributes` with the question's code first in the
 * message), the location or address under `place`, the others by their own name.
 */
export function reportProblems(
  errors: ReadonlyMap<string, string>,
  codes: readonly string[],
): Map<string, string> {
  const out = new Map<string, string>();
  for (const [field, message] of errors) {
    if (field === 'attributes') {
      const at = message.indexOf(': ');
      const code = at > 0 ? message.slice(0, at) : '';
      if (codes.includes(code)) {
        out.set(answerKey(code), message.slice(at + 2));
        continue;
      }
    }
    out.set(field === 'location' || field === 'addressId' ? 'place' : field, message);
  }
  return out;
}
