import { GroupformError } from '../errors.js';

/** For commands whose issue has not landed yet: a clear message and exit 1. */
export async function notImplemented(command: string): Promise<number> {
  throw new GroupformError('not-implemented', `'groupform ${command}' is not implemented yet.`);
}
