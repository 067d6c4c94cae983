import { IsInt, Min } from 'class-validator';
import { CommonEnvironment } from './common-environment';
import { EnvironmentError, validateEnvironment } from './environment-validation';

class SampleEnvironment extends CommonEnvironment {
  @IsInt()
  @Min(1)
  HTTP_PORT: number = 3000;
}

describe('validateEnvironment', () => {
  it('applies defaults when nothing is set', () => {
    const settings = validateEnvironment(SampleEnvironment, {});
    expect(settings.KAFKA_BROKERS).toBe('127.0.0.1:9092');
    expect(settings.HTTP_PORT).toBe(3000);
    expect(settings.JURISDICTION).toBe('VN');
  });

  it('converts numbers from strings', () => {
    expect(validateEnvironment(SampleEnvironment, { HTTP_PORT: '8080' }).HTTP_PORT).toBe(8080);
  });

  it('names every bad variable in one error', () => {
    const attempt = (): unknown =>
      validateEnvironment(SampleEnvironment, {
        HTTP_PORT: 'abc',
        JURISDICTION: 'Viet Nam',
        KAFKA_BROKERS: 'localhost',
      });
    expect(attempt).toThrow(EnvironmentError);
    try {
      attempt();
    } catch (error) {
      const problems = (error as EnvironmentError).problems.join('\n');
      expect(problems).toMatch(/^HTTP_PORT: /m);
      expect(problems).toMatch(/^JURISDICTION: .*ISO 3166/m);
      expect(problems).toMatch(/^KAFKA_BROKERS: /m);
      expect((error as EnvironmentError).problems).toHaveLength(3);
    }
  });
});
