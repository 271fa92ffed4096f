import { ConfigError } from './config';
import { errorMessage, type Logger } from './log';
import { StoreOpenError } from './store/store';

/**
 * A start that fails: a bad setting or a store that cannot open (read-only folder, damaged
 * file) is the operator's to fix, so it is said in one line, without a stack trace; anything
 * else is a bug, reported with its stack. Then the process exits non-zero.
 */
export function exitOnStartFailure(error: unknown, logger: Logger): never {
  if (error instanceof ConfigError || error instanceof StoreOpenError)
    logger.error(`could not start: ${errorMessage(error)}`);
  else logger.error('could not start', error);
  process.exit(1);
}
