/**
 * Errors of image reading. Every problem with an input (unreadable archive, malformed JSON, hostile tar,
 * unreachable daemon or registry) is an `ImageInputError`: a clear message naming the input and, where
 * there is one, the place inside it. The CLI turns it into an input error (exit code 2).
 */
export class ImageInputError extends Error {
  override readonly name = 'ImageInputError';

  constructor(
    /** The input as the user named it (path, reference, `-`). */
    readonly source: string,
    message: string,
    /** Where inside the input: a file of the archive, a layer, an entry. */
    readonly where?: string,
  ) {
    super(where ? `${where}: ${message}` : message);
  }
}

export function isImageInputError(error: unknown): error is ImageInputError {
  return error instanceof ImageInputError;
}

/** A short description of an unknown thrown value (for wrapping errors of libraries and the system). */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}
