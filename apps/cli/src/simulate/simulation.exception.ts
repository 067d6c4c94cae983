export const SIMULATION_ERROR_CODES = {
  invalidOption: 'simulate.invalid_option',
  unsupportedJurisdiction: 'simulate.unsupported_jurisdiction',
  catalogueEmpty: 'simulate.catalogue_empty',
  sourceUnreadable: 'simulate.source_unreadable',
  outputFailed: 'simulate.output_failed',
} as const;

export type SimulationErrorCode = (typeof SIMULATION_ERROR_CODES)[keyof typeof SIMULATION_ERROR_CODES];

/** A simulation that cannot start or finish; the CLI prints the message and exits non-zero. */
export class SimulationError extends Error {
  constructor(
    readonly code: SimulationErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SimulationError';
  }
}
