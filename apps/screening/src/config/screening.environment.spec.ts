import {
  CommonEnvironment,
  EnvironmentError,
  KAFKA_FETCH_DEFAULTS,
  validateEnvironment,
} from '@chokepoint/config';
import { DEV_SCREENING_SERVICE_TOKEN, ScreeningEnvironment } from './screening.environment';

describe('ScreeningEnvironment', () => {
  it('runs outside production without a service token', () => {
    expect(
      validateEnvironment(ScreeningEnvironment, { NODE_ENV: 'development' }).SCREENING_SERVICE_TOKEN,
    ).toBeUndefined();
  });

  it.each([
    ['no token', {}],
    ['a short token', { SCREENING_SERVICE_TOKEN: 'short' }],
    ['the development default', { SCREENING_SERVICE_TOKEN: DEV_SCREENING_SERVICE_TOKEN }],
  ])('refuses to start in production with %s', (_name, raw) => {
    expect(() => validateEnvironment(ScreeningEnvironment, { NODE_ENV: 'production', ...raw })).toThrow(
      EnvironmentError,
    );
  });

  it('starts in production with a token of its own', () => {
    const env = validateEnvironment(ScreeningEnvironment, {
      NODE_ENV: 'production',
      SCREENING_SERVICE_TOKEN: 'a-long-enough-production-token-xyz',
    });
    expect(env.SCREENING_SERVICE_TOKEN).toBe('a-long-enough-production-token-xyz');
  });

  it('fetches without a byte minimum unless told otherwise, and checks a value it is given', () => {
    expect(validateEnvironment(ScreeningEnvironment, {}).KAFKA_FETCH_MIN_BYTES).toBe(1);
    // The override is screening's own: the common default (ingest's) is untouched.
    expect(validateEnvironment(CommonEnvironment, {}).KAFKA_FETCH_MIN_BYTES).toBe(
      KAFKA_FETCH_DEFAULTS.minBytes,
    );
    expect(
      validateEnvironment(ScreeningEnvironment, { KAFKA_FETCH_MIN_BYTES: '262144' }).KAFKA_FETCH_MIN_BYTES,
    ).toBe(262144);
    expect(() => validateEnvironment(ScreeningEnvironment, { KAFKA_FETCH_MIN_BYTES: '0' })).toThrow(
      EnvironmentError,
    );
  });
});
