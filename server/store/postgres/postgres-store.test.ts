import { usePostgres } from '../../../test/helpers/engines/postgres';
import { recordingLogger } from '../../../test/helpers/logger';
import { describeStoreContract } from '../store-contract';
import { PostgresStore } from './postgres-store';

const postgres = usePostgres();

describeStoreContract('postgres', {
  newPlace: () => postgres.engine.createDatabase(),
  open: (url) => PostgresStore.open(url, { logger: recordingLogger() }),
});
