import { Injectable } from '@nestjs/common';
import { type Observable, Subject } from 'rxjs';
import type { HoldSummary } from '../holds/hold-summary';

export type HoldEvent =
  { type: 'hold.upserted'; data: HoldSummary } | { type: 'hold.removed'; data: { consignmentId: string } };

/** In-process fan-out of hold changes to this instance's event streams. */
@Injectable()
export class HoldEventsBus {
  private readonly subject = new Subject<HoldEvent>();

  publish(event: HoldEvent): void {
    this.subject.next(event);
  }

  get events(): Observable<HoldEvent> {
    return this.subject.asObservable();
  }
}
