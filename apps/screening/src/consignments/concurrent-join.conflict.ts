/**
 * Another transaction committed the other half of a join (a manifest for a movement being parked, or a
 * movement for a manifest being applied) after this one loaded its data. Running the transaction again
 * sees it; ScreeningUnitOfWork does that.
 */
export class ConcurrentJoinConflict extends Error {
  readonly code = 'screening.concurrent_join_conflict';

  constructor(detail: string) {
    super(`joining data changed under the transaction: ${detail}`);
    this.name = 'ConcurrentJoinConflict';
  }
}
