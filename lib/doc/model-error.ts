/** A write refused before anything was written: bad input, or a note that is not there. */
export class ModelError extends Error {
  override name = 'ModelError';
}
