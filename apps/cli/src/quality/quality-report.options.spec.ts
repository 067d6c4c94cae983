import { parseQualityReportArguments, QUALITY_REPORT_DEFAULTS } from './quality-report.options';

describe('parseQualityReportArguments', () => {
  it.each([
    [[], { ...QUALITY_REPORT_DEFAULTS, help: false }],
    [['--seed', '9', '--count', '500', '--risk-rate', '0.2'], { seed: 9, consignments: 500, riskRate: 0.2 }],
    [['--rules', 'pack.yaml', '--output-dir', '/tmp/q'], { rulePackPath: 'pack.yaml', outputDir: '/tmp/q' }],
    [['-h'], { help: true }],
  ])('reads %j', (argv, expected) => {
    expect(parseQualityReportArguments(argv)).toMatchObject(expected);
  });

  it.each([[['--count', '0']], [['--risk-rate', '2']], [['--seed', 'x']], [['--bogus']], [['extra']]])(
    'refuses %j',
    (argv) => {
      expect(() => parseQualityReportArguments(argv)).toThrow();
    },
  );
});
