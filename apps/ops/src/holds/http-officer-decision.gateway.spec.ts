import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { validateEnvironment } from '@chokepoint/config';
import { OpsEnvironment } from '../config/ops.environment';
import { HttpOfficerDecisionGateway } from './http-officer-decision.gateway';
import type { OfficerDecisionRequest } from './officer-decision.gateway';

type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;

/** A loopback server that answers like screening's internal endpoint, one scripted answer per test. */
describe('HttpOfficerDecisionGateway', () => {
  let server: Server;
  let handler: Handler;
  let gateway: HttpOfficerDecisionGateway;
  const request: OfficerDecisionRequest = {
    actionId: '6f1c5a8e-1d7b-4a39-9f3e-4c1a2b3c4d5e',
    consignmentId: 'MAEU 1/2',
    officerId: 'officer-1',
    action: 'RELEASE',
    reasonCode: 'LICENCE_VERIFIED',
    text: 'checked',
  };

  beforeAll(async () => {
    server = createServer((incoming, response) => {
      let body = '';
      incoming.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      incoming.on('end', () => handler(incoming, body, response));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    gateway = new HttpOfficerDecisionGateway(
      validateEnvironment(OpsEnvironment, {
        SCREENING_URL: `http://127.0.0.1:${port}/`,
        SCREENING_SERVICE_TOKEN: 'a-test-token-that-is-long-enough',
        SCREENING_TIMEOUT_MS: '200',
      }),
    );
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  function answer(status: number, body: unknown): Handler {
    return (_request, _body, response) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
  }

  it('posts the action with the service token to the consignment path and returns the answer', async () => {
    let seen: { url?: string; authorization?: string; body?: unknown } = {};
    handler = (incoming, body, response) => {
      seen = { url: incoming.url, authorization: incoming.headers.authorization, body: JSON.parse(body) };
      answer(200, {
        consignmentId: request.consignmentId,
        status: 'AWAITING_SECOND_OFFICER',
        decision: null,
      })(incoming, body, response);
    };
    await expect(gateway.submit(request)).resolves.toMatchObject({ status: 'AWAITING_SECOND_OFFICER' });
    expect(seen).toEqual({
      url: '/internal/consignments/MAEU%201%2F2/officer-decisions',
      authorization: 'Bearer a-test-token-that-is-long-enough',
      body: {
        actionId: request.actionId,
        officerId: 'officer-1',
        action: 'RELEASE',
        reasonCode: 'LICENCE_VERIFIED',
        text: 'checked',
      },
    });
  });

  it.each<[string, Handler, number, string]>([
    [
      'a 404',
      answer(404, { code: 'screening.officer_decision.consignment_not_found' }),
      409,
      'hold.unknown_to_screening',
    ],
    ['a 401', answer(401, { code: 'screening.unauthorized' }), 502, 'screening.auth_failed'],
    [
      'a 409',
      answer(409, { code: 'screening.officer_decision.action_id_reused' }),
      502,
      'screening.rejected',
    ],
    ['a 500', answer(500, { message: 'boom' }), 502, 'screening.failed'],
    ['an unknown status', answer(200, { status: 'MAYBE' }), 502, 'screening.bad_response'],
    ['a body that is not JSON', answer(200, '<html>'), 502, 'screening.bad_response'],
    ['no answer in time', () => undefined, 503, 'screening.timeout'],
  ])('maps %s to %s %s', async (_name, scripted, status, code) => {
    handler = scripted;
    await expect(gateway.submit(request)).rejects.toMatchObject({ code, status });
  });

  it('maps a refused connection to 503 screening.unavailable', async () => {
    const offline = new HttpOfficerDecisionGateway(
      validateEnvironment(OpsEnvironment, {
        SCREENING_URL: 'http://127.0.0.1:9',
        SCREENING_TIMEOUT_MS: '500',
      }),
    );
    await expect(offline.submit(request)).rejects.toMatchObject({
      code: 'screening.unavailable',
      status: 503,
    });
  });
});
