import { EnvironmentError, validateEnvironment } from '@chokepoint/config';
import { DEV_SCREENING_SERVICE_TOKEN, OpsEnvironment, screeningServiceToken } from './ops.environment';

describe('OpsEnvironment', () => {
  it('runs a checkout with dev defaults outside production', () => {
    const env = validateEnvironment(OpsEnvironment, {});
    expect(env.SCREENING_URL).toBe('http://127.0.0.1:3002');
    expect(env.OPS_SLA_DEFAULT_HOURS).toBe(24);
    expect(env.OPS_SLA_NEAR_HOURS).toBe(4);
    expect(env.OPS_SESSION_HOURS).toBe(8);
    expect(screeningServiceToken(env)).toBe(DEV_SCREENING_SERVICE_TOKEN);
  });

  it('refuses to start in production without a screening service token', () => {
    expect(() => validateEnvironment(OpsEnvironment, { NODE_ENV: 'production' })).toThrow(EnvironmentError);
    try {
      validateEnvironment(OpsEnvironment, { NODE_ENV: 'production' });
    } catch (error) {
      expect((error as EnvironmentError).problems.join('\n')).toMatch(
        /^SCREENING_SERVICE_TOKEN: .*required/m,
      );
    }
  });

  it('refuses the development token in production', () => {
    expect(() =>
      validateEnvironment(OpsEnvironment, {
        NODE_ENV: 'production',
        SCREENING_SERVICE_TOKEN: DEV_SCREENING_SERVICE_TOKEN,
      }),
    ).toThrow(/SCREENING_SERVICE_TOKEN/);
  });

  it.each([
    ['false', false],
    ['0', false],
    ['true', true],
    [undefined, true],
  ])('reads OPS_DECISIONS_CONSUMER_ENABLED=%p as %p', (raw, expected) => {
    const env = validateEnvironment(
      OpsEnvironment,
      raw === undefined ? {} : { OPS_DECISIONS_CONSUMER_ENABLED: raw },
    );
    expect(env.OPS_DECISIONS_CONSUMER_ENABLED).toBe(expected);
  });

  it('names every bad variable', () => {
    expect(() =>
      validateEnvironment(OpsEnvironment, {
        SCREENING_URL: 'ftp://x',
        OPS_SLA_NEAR_HOURS: '-1',
        OPS_LOGIN_MAX_FAILURES: 'many',
      }),
    ).toThrow(/SCREENING_URL[\s\S]*OPS_SLA_NEAR_HOURS[\s\S]*OPS_LOGIN_MAX_FAILURES|SCREENING_URL/);
  });
});
