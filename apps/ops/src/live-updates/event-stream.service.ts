import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Principal } from '../auth/principal';
import { SessionRepository } from '../auth/session.repository';
import { CLOCK, type Clock } from '../clock/clock';
import { type HoldEvent, HoldEventsBus } from './hold-events.bus';

export const HEARTBEAT_MS = 15_000;
/** A client that stops reading is cut off rather than buffered without end; it reconnects and reloads. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

function frame(event: HoldEvent): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

/** Server-sent events: hold.upserted and hold.removed, a comment heartbeat every 15 s. */
@Injectable()
export class EventStreamService {
  constructor(
    private readonly bus: HoldEventsBus,
    private readonly sessions: SessionRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  open(request: Request, response: Response, principal: Principal): void {
    response.status(200);
    response.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    response.setHeader('Cache-Control', 'no-cache, no-transform');
    response.setHeader('Connection', 'keep-alive');
    response.setHeader('X-Accel-Buffering', 'no');
    response.flushHeaders();
    response.write('retry: 5000\n: connected\n\n');

    const close = (): void => {
      subscription.unsubscribe();
      clearInterval(heartbeat);
      if (!response.writableEnded) {
        response.end();
      }
    };
    const send = (text: string): void => {
      if (response.writableEnded) {
        return;
      }
      if (response.writableLength > MAX_BUFFERED_BYTES) {
        close();
        return;
      }
      response.write(text);
    };
    const subscription = this.bus.events.subscribe((event) => send(frame(event)));
    const heartbeat = setInterval(() => {
      void this.stillSignedIn(principal).then((ok) => (ok ? send(': heartbeat\n\n') : close()));
    }, HEARTBEAT_MS);
    heartbeat.unref();
    request.on('close', close);
  }

  /** A stream outlives no session: it ends at the first heartbeat after sign-out or expiry. */
  private async stillSignedIn(principal: Principal): Promise<boolean> {
    if (principal.kind !== 'USER') {
      return true;
    }
    const session = await this.sessions.find(principal.sessionIdHash).catch(() => undefined);
    if (session === undefined) {
      return true; // database hiccup: keep streaming, check again next beat
    }
    return session !== null && session.expiresAt.getTime() > this.clock.now().getTime();
  }
}
