import { join } from 'node:path';

/**
 * The UN consolidated list shipped with the sources: a 2018 snapshot, right for tests, replays and the
 * demo, wrong for live use (operators point the services at a current copy).
 */
export const SHIPPED_UN_CONSOLIDATED_LIST_PATH = join(__dirname, '..', 'data', 'consolidated_2018-10-29.xml');
