/** Wall-clock time behind a port, so tests can hold it still or move it past a timer's due time. */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
