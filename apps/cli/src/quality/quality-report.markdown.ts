import type { QualityReport } from './quality-report';

const percent = (value: number): string => `${(value * 100).toFixed(2)} %`;
const mark = (ok: boolean): string => (ok ? 'met' : 'NOT met');

/** The report as a reviewer reads it: targets first, then reason codes, then every miss. */
export function qualityReportMarkdown(report: QualityReport): string {
  const t = report.targets;
  const lines: string[] = [
    '# Screening quality on a simulated port day',
    '',
    Object.entries(report.run)
      .map(([key, value]) => `- ${key}: ${value}`)
      .join('\n'),
    '',
    '## Targets',
    '',
    `- Every planted HOLD-level risk held with its reason code: ${t.plantedHoldReasonsHeld} / ${t.plantedHoldReasons} (${mark(t.everyPlantedHoldHeld)})`,
    `- Clean consignments held: ${report.clean.held} / ${report.clean.total} = ${percent(t.cleanHeldRate)} (target <= ${percent(t.cleanHeldRateMax)}: ${mark(t.cleanHeldRateMet)})`,
    `- Risky consignments expected HOLD and held: ${report.risky.held} / ${report.risky.expectedHold}; expected RELEASE (flag listed) and released: ${report.risky.released} / ${report.risky.expectedRelease}`,
    `- Out of scope with no decision: ${report.outOfScope.total - report.outOfScope.decided.length} / ${report.outOfScope.total}`,
    '',
    '## Per reason code',
    '',
    'planted = consignments where the code was planted (as the scenario, a companion flag or a necessary consequence); listed = a decision names it; must hold = planted where it must be a HOLD reason; held = a HOLD decision names it; on clean = clean consignments whose decisions name it (benign flags).',
    '',
    '| reason code | level | planted (primary) | planted | listed | must hold | held | on clean | missed |',
    '|---|---|---|---|---|---|---|---|---|',
    ...report.perCode.map((c) =>
      c.unplantable
        ? `| ${c.ruleId} | ${c.level} | not plantable | | | | | ${c.onClean} | ${c.unplantable} |`
        : `| ${c.ruleId} | ${c.level} | ${c.plantedAsPrimary} | ${c.planted} | ${c.listed} | ${c.mustHold} | ${c.heldWithCode} | ${c.onClean} | ${c.missed.slice(0, 5).join(' ')}${c.missed.length > 5 ? ` +${c.missed.length - 5}` : ''} |`,
    ),
    '',
    '## PARTY_SANCTIONED by how the planted name is spelt',
    '',
    "Spelling variants of the UN list name (the sanctions evaluation's perturbation kinds; +ACRONYM_DROPPED: the list name's parenthesised acronym left out, as bills of lading do).",
    '',
    '| spelling | planted | held |',
    '|---|---|---|',
    ...Object.entries(report.sanctionedNames)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([spelling, n]) => `| ${spelling} | ${n.planted} | ${n.held} |`),
    '',
    '## Planted risks the decisions do not match',
    '',
  ];
  if (report.risky.mismatches.length === 0) {
    lines.push('None.');
  } else {
    for (const m of report.risky.mismatches) {
      lines.push(
        `- ${m.consignmentId} (${m.stage ?? 'out of scope'}, ${m.primaryReasonCode ?? 'no primary'}): expected ${m.expectedOutcome}, got ${m.gotOutcome}; missing ${m.missingReasonCodes.join(', ') || 'none'}`,
        `  - decisions: ${m.decisions.join('; ') || 'none'}`,
        `  - planted: ${m.notes.join('; ')}`,
      );
    }
  }
  lines.push('', '## Clean consignments held', '');
  if (report.clean.falseHolds.length === 0) {
    lines.push('None.');
  } else {
    for (const f of report.clean.falseHolds) {
      lines.push(
        `- ${f.consignmentId} (${f.stage ?? ''}): ${f.holdReasons.join(', ')}${f.notes.length > 0 ? ` (${f.notes.join('; ')})` : ''}`,
      );
    }
  }
  const unexpected = Object.entries(report.clean.unexpectedFlags);
  lines.push(
    '',
    '## Reasons on clean consignments that the ground truth did not expect',
    '',
    unexpected.length === 0 ? 'None.' : unexpected.map(([code, n]) => `- ${code}: ${n}`).join('\n'),
  );
  if (report.stageMismatches.length > 0) {
    lines.push(
      '',
      '## Stage differs from the planned stage',
      '',
      ...report.stageMismatches.map(
        (s) => `- ${s.consignmentId}: planned ${s.expected ?? 'none'}, decided ${s.got}`,
      ),
    );
  }
  if (report.outOfScope.decided.length > 0) {
    lines.push(
      '',
      '## Out-of-scope consignments that got a decision',
      '',
      ...report.outOfScope.decided.map((id) => `- ${id}`),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** A few lines for the terminal. */
export function qualityReportSummary(report: QualityReport): string {
  const t = report.targets;
  const weak = report.perCode.filter(
    (c) => !c.unplantable && (c.listed < c.planted || c.heldWithCode < c.mustHold),
  );
  return [
    `quality: ${report.totals.consignments} consignments (${report.totals.risky} planted, ${report.totals.clean} clean, ${report.totals.outOfScope} out of scope), ${report.totals.decisions} decisions`,
    `  planted HOLD reasons held: ${t.plantedHoldReasonsHeld}/${t.plantedHoldReasons} (${mark(t.everyPlantedHoldHeld)})`,
    `  clean held: ${report.clean.held}/${report.clean.total} = ${percent(t.cleanHeldRate)} (<= ${percent(t.cleanHeldRateMax)}: ${mark(t.cleanHeldRateMet)})`,
    ...weak.map(
      (c) =>
        `  ${c.ruleId}: listed ${c.listed}/${c.planted}, held ${c.heldWithCode}/${c.mustHold}; e.g. ${c.missed.slice(0, 3).join(' ')}`,
    ),
    ...report.perCode
      .filter((c) => c.unplantable)
      .map((c) => `  ${c.ruleId}: not plantable (${c.unplantable})`),
    `  targets ${t.met ? 'met' : 'NOT met'}`,
  ].join('\n');
}
