import { IsInt, Max, Min } from 'class-validator';
import { describeComparedSettings, median, parseComparedSettings } from './compared-settings';

class FirstEnvironment {
  @IsInt()
  @Min(1)
  @Max(100)
  CHUNK_SIZE: number = 10;

  @IsInt()
  @Min(0)
  SHARED_WAIT_MS: number = 20;

  BROKERS: string = 'localhost:9092';
}

class SecondEnvironment {
  @IsInt()
  @Min(1)
  BATCH_SIZE: number = 500;

  @IsInt()
  @Min(0)
  SHARED_WAIT_MS: number = 5;
}

const WIRING = new Set(['BROKERS']);

describe('compared settings', () => {
  it('takes settings of either environment, trimmed', () => {
    expect(
      parseComparedSettings(
        ' CHUNK_SIZE = 50, BATCH_SIZE=1000',
        [FirstEnvironment, SecondEnvironment],
        WIRING,
      ),
    ).toEqual({ ok: true, settings: { CHUNK_SIZE: '50', BATCH_SIZE: '1000' } });
  });

  it('refuses a name no environment has, a wiring name and a pair without a value, naming the settings it takes', () => {
    for (const text of ['NOPE=1', 'BROKERS=elsewhere:9092', 'CHUNK_SIZE']) {
      const parsed = parseComparedSettings(text, [FirstEnvironment, SecondEnvironment], WIRING);

      expect(parsed).toEqual({
        ok: false,
        problem: `--compare takes NAME=VALUE pairs of these settings (BATCH_SIZE, CHUNK_SIZE, SHARED_WAIT_MS), not ${text}`,
      });
    }
  });

  it('checks each value as the environment that has it would, a shared one by both', () => {
    const tooLarge = parseComparedSettings('CHUNK_SIZE=500', [FirstEnvironment, SecondEnvironment], WIRING);
    const negative = parseComparedSettings(
      'SHARED_WAIT_MS=-1',
      [FirstEnvironment, SecondEnvironment],
      WIRING,
    );

    expect(tooLarge.ok).toBe(false);
    expect(!tooLarge.ok && tooLarge.problem).toContain('CHUNK_SIZE must not be greater than 100');
    expect(negative.ok).toBe(false);
    expect(!negative.ok && negative.problem).toContain('SHARED_WAIT_MS must not be less than 0');
  });

  it('describes settings as they were given', () => {
    expect(describeComparedSettings({ CHUNK_SIZE: '50', BATCH_SIZE: '1000' })).toBe(
      'CHUNK_SIZE=50, BATCH_SIZE=1000',
    );
  });

  it('takes the median of an odd and an even count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});
