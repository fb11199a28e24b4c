/**
 * An error caused by what a person asked for (a missing file, a bad value), carrying a message
 * that says what went wrong and how to fix it. Anything else is a bug and is reported as such.
 */
export class UserError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export const isUserError = (error: unknown): error is UserError => error instanceof UserError;
