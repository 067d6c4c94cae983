import { type ExecutionContext, UnauthorizedException } from '@nestjs/common';
import { DEV_SCREENING_SERVICE_TOKEN, ScreeningEnvironment } from '../config/screening.environment';
import { ServiceTokenGuard } from './service-token.guard';

function contextWith(authorization: string | undefined): ExecutionContext {
  const request = { headers: authorization === undefined ? {} : { authorization } };
  return { switchToHttp: () => ({ getRequest: () => request }) } as unknown as ExecutionContext;
}

function guard(token?: string): ServiceTokenGuard {
  return new ServiceTokenGuard(Object.assign(new ScreeningEnvironment(), { SCREENING_SERVICE_TOKEN: token }));
}

describe('ServiceTokenGuard', () => {
  const token = 'a-configured-token-of-some-length-42';

  it.each([
    ['the configured token', token, `Bearer ${token}`],
    ['a lower-case scheme', token, `bearer ${token}`],
    ['the dev default when none is configured', undefined, `Bearer ${DEV_SCREENING_SERVICE_TOKEN}`],
  ])('lets in %s', (_name, configured, header) => {
    expect(guard(configured).canActivate(contextWith(header))).toBe(true);
  });

  it.each([
    ['no header', undefined],
    ['another token', 'Bearer another-token-that-is-long-enough'],
    ['a prefix of the token', `Bearer ${token.slice(0, 10)}`],
    ['the token without the scheme', token],
    ['the dev default once a token is configured', `Bearer ${DEV_SCREENING_SERVICE_TOKEN}`],
  ])('turns away %s', (_name, header) => {
    expect(() => guard(token).canActivate(contextWith(header))).toThrow(UnauthorizedException);
  });
});
