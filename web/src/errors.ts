// The one place where Loket's GraphQL errors become typed errors. Every error Loket returns
// carries `extensions.code`; `BAD_USER_INPUT` may name the input field in
// `extensions.field`. Screens decide what to show by the class, never by the message text.
import type { CombinedError } from 'urql';

export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RATE_LIMITED',
  'INTERNAL',
] as const;

/** A code from `extensions.code`, or `NETWORK` when Loket could not be reached. */
export type ErrorCode = (typeof ERROR_CODES)[number] | 'NETWORK';

export class LoketError extends Error {
  readonly code: ErrorCode;
  /** The input field at fault (`BAD_USER_INPUT` only). */
  readonly field: string | undefined;

  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'LoketError';
    this.code = code;
    this.field = field;
  }
}

export class UnauthenticatedError extends LoketError {
  constructor(message = 'not logged in') {
    super('UNAUTHENTICATED', message);
    this.name = 'UnauthenticatedError';
  }
}

export class ForbiddenError extends LoketError {
  constructor(message: string) {
    super('FORBIDDEN', message);
    this.name = 'ForbiddenError';
  }
}

export class NotFoundError extends LoketError {
  constructor(message: string) {
    super('NOT_FOUND', message);
    this.name = 'NotFoundError';
  }
}

export class BadUserInputError extends LoketError {
  constructor(message: string, field?: string) {
    super('BAD_USER_INPUT', message, field);
    this.name = 'BadUserInputError';
  }
}

export class ConflictError extends LoketError {
  constructor(message: string) {
    super('CONFLICT', message);
    this.name = 'ConflictError';
  }
}

export class RateLimitedError extends LoketError {
  constructor(message: string) {
    super('RATE_LIMITED', message);
    this.name = 'RateLimitedError';
  }
}

export class InternalError extends LoketError {
  constructor(message: string) {
    super('INTERNAL', message);
    this.name = 'InternalError';
  }
}

export class NetworkError extends LoketError {
  constructor(message: string) {
    super('NETWORK', message);
    this.name = 'NetworkError';
  }
}

function isCode(value: unknown): value is (typeof ERROR_CODES)[number] {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** The typed error for one code. */
export function errorFor(code: ErrorCode, message: string, field?: string): LoketError {
  switch (code) {
    case 'UNAUTHENTICATED':
      return new UnauthenticatedError(message);
    case 'FORBIDDEN':
      return new ForbiddenError(message);
    case 'NOT_FOUND':
      return new NotFoundError(message);
    case 'BAD_USER_INPUT':
      return new BadUserInputError(message, field);
    case 'CONFLICT':
      return new ConflictError(message);
    case 'RATE_LIMITED':
      return new RateLimitedError(message);
    case 'INTERNAL':
      return new InternalError(message);
    case 'NETWORK':
      return new NetworkError(message);
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}

/** Every error in an urql result, typed. An unknown code counts as `INTERNAL`. */
export function loketErrors(error: CombinedError): LoketError[] {
  const errors = error.graphQLErrors.map((e) => {
    const code = e.extensions['code'];
    const field = e.extensions['field'];
    return errorFor(
      isCode(code) ? code : 'INTERNAL',
      e.message,
      typeof field === 'string' ? field : undefined,
    );
  });
  if (error.networkError) {
    const status = (error.response as { status?: number } | undefined)?.status;
    errors.push(
      status === 401
        ? new UnauthenticatedError(error.networkError.message)
        : new NetworkError(error.networkError.message),
    );
  }
  return errors.length > 0 ? errors : [new InternalError(error.message)];
}

/** The error that matters most: a login problem first, then the first one Loket gave. */
export function loketError(error: CombinedError): LoketError {
  const errors = loketErrors(error);
  return errors.find((e) => e instanceof UnauthenticatedError) ?? (errors[0] as LoketError);
}

/**
 * `BAD_USER_INPUT` messages by the input field they name. Loket names a field alone
 * (`description`) or by its path in the arguments (`input.description`); a form has each field
 * once, so the last step of the path is the key.
 */
export function fieldErrors(error: CombinedError | undefined): Map<string, string> {
  const fields = new Map<string, string>();
  if (!error) return fields;
  for (const e of loketErrors(error)) {
    if (!(e instanceof BadUserInputError) || !e.field) continue;
    const key = e.field.split('.').pop() ?? e.field;
    if (fields.has(key)) continue;
    // Loket's message may name the field first; next to the field that says nothing new.
    const prefix = `${e.field}: `;
    fields.set(key, e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message);
  }
  return fields;
}
