/**
 * npm start: the local stack, migrations, then ingest, screening and ops in one terminal.
 * Ctrl-C stops the services (the stack keeps running; `npm run stack:down` stops it).
 */
import { runScript, SERVICES, startServices, stopOnSignal } from './services';

runScript('stack:up');
runScript('migration:run');
stopOnSignal(startServices(SERVICES));
