/** A failure the user can fix; start-up prints its message alone, without a stack trace. */
export class ProvisionError extends Error {
  override name = 'ProvisionError';
}
