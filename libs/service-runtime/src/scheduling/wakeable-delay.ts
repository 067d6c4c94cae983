/**
 * A pause that another part of the service can cut short: a polling loop sleeps until its interval is up
 * or until it is told there is work (a NOTIFY, a lost connection, shutdown), whichever comes first.
 */
export class WakeableDelay {
  private wakeSleeper: (() => void) | undefined;

  /** Resolves after `ms`, or at the next wake(), whichever comes first. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      // Only ever called once `timer` is set: by the timer itself, or by wake() after the line below it.
      const done = (): void => {
        clearTimeout(timer);
        if (this.wakeSleeper === done) {
          this.wakeSleeper = undefined;
        }
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeSleeper = done;
    });
  }

  /** Ends the sleep in progress; a no-op when nothing sleeps (the next sleep lasts its full time). */
  wake(): void {
    this.wakeSleeper?.();
  }
}
