import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { OpsEnvironment, screeningServiceToken } from '../config/ops.environment';
import { OpsException } from '../http/ops.exception';
import { HoldsErrorCode, HoldsException } from './holds.exception';
import {
  OFFICER_DECISION_STATUSES,
  type OfficerDecisionGateway,
  type OfficerDecisionRequest,
  type OfficerDecisionResult,
} from './officer-decision.gateway';

export const ScreeningErrorCode = {
  unavailable: 'screening.unavailable',
  timeout: 'screening.timeout',
  failed: 'screening.failed',
  authFailed: 'screening.auth_failed',
  rejected: 'screening.rejected',
  badResponse: 'screening.bad_response',
} as const;
export type ScreeningErrorCode = (typeof ScreeningErrorCode)[keyof typeof ScreeningErrorCode];

const STATUS: Record<ScreeningErrorCode, HttpStatus> = {
  'screening.unavailable': HttpStatus.SERVICE_UNAVAILABLE,
  'screening.timeout': HttpStatus.SERVICE_UNAVAILABLE,
  'screening.failed': HttpStatus.BAD_GATEWAY,
  'screening.auth_failed': HttpStatus.BAD_GATEWAY,
  'screening.rejected': HttpStatus.BAD_GATEWAY,
  'screening.bad_response': HttpStatus.BAD_GATEWAY,
};

export class ScreeningGatewayException extends OpsException {
  constructor(code: ScreeningErrorCode, message: string) {
    super(code, STATUS[code], message);
  }
}

function isResult(body: unknown): body is OfficerDecisionResult {
  if (typeof body !== 'object' || body === null) {
    return false;
  }
  const { status, decision } = body as { status?: unknown; decision?: unknown };
  return (
    typeof status === 'string' &&
    (OFFICER_DECISION_STATUSES as readonly string[]).includes(status) &&
    (decision === undefined ||
      decision === null ||
      (typeof decision === 'object' &&
        typeof (decision as { sequence?: unknown }).sequence === 'number' &&
        typeof (decision as { decisionId?: unknown }).decisionId === 'string'))
  );
}

/** POST {SCREENING_URL}/internal/consignments/:id/officer-decisions with the service token. */
@Injectable()
export class HttpOfficerDecisionGateway implements OfficerDecisionGateway {
  private readonly logger = new Logger('OfficerDecisionGateway');
  private readonly baseUrl: string;
  private readonly token: string;

  constructor(private readonly env: OpsEnvironment) {
    this.baseUrl = env.SCREENING_URL.replace(/\/+$/, '');
    this.token = screeningServiceToken(env);
  }

  async submit(request: OfficerDecisionRequest): Promise<OfficerDecisionResult> {
    const url = `${this.baseUrl}/internal/consignments/${encodeURIComponent(request.consignmentId)}/officer-decisions`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
        body: JSON.stringify({
          actionId: request.actionId,
          officerId: request.officerId,
          action: request.action,
          reasonCode: request.reasonCode,
          text: request.text,
        }),
        signal: AbortSignal.timeout(this.env.SCREENING_TIMEOUT_MS),
      });
    } catch (error) {
      const name = (error as { name?: string } | null)?.name;
      if (name === 'TimeoutError' || name === 'AbortError') {
        // The action may or may not have been applied: the console shows the hold's state on reload.
        throw new ScreeningGatewayException(
          ScreeningErrorCode.timeout,
          `screening did not answer within ${this.env.SCREENING_TIMEOUT_MS} ms; check the hold before retrying`,
        );
      }
      this.logger.warn(`screening unreachable: ${error instanceof Error ? error.message : String(error)}`);
      throw new ScreeningGatewayException(
        ScreeningErrorCode.unavailable,
        'the screening service is unreachable',
      );
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (response.ok) {
      if (!isResult(body)) {
        throw new ScreeningGatewayException(
          ScreeningErrorCode.badResponse,
          'screening answered with an unreadable body',
        );
      }
      return body;
    }
    this.logger.warn(`screening answered ${response.status}: ${JSON.stringify(body)?.slice(0, 500)}`);
    if (response.status === 404) {
      throw new HoldsException(
        HoldsErrorCode.unknownToScreening,
        `screening does not know ${request.consignmentId}`,
      );
    }
    if (response.status === 401 || response.status === 403) {
      throw new ScreeningGatewayException(
        ScreeningErrorCode.authFailed,
        'screening refused the ops service token',
      );
    }
    if (response.status >= 400 && response.status < 500) {
      throw new ScreeningGatewayException(
        ScreeningErrorCode.rejected,
        `screening rejected the request (${response.status})`,
      );
    }
    throw new ScreeningGatewayException(ScreeningErrorCode.failed, `screening failed (${response.status})`);
  }
}
