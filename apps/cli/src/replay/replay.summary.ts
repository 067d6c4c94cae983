import { RULE_IDS } from '@chokepoint/contracts';
import { OUTCOME_CHANGES, type OutcomeDifference } from './replay-comparison';
import type { ScreeningRunTally } from './screening-run';
import type { LineRejection, ReplayTally } from './replay.usecase';

/** Rejections listed one per line; the rest are only counted by code. */
const LISTED_REJECTIONS = 20;

export interface RunDescription {
  label: string;
  /** `<id> <ruleSetVersion> (<file>)`. */
  rulePack: string;
  tally: ScreeningRunTally;
}

export interface SummaryContext {
  input: string;
  /** Loading rule packs and sanctions lists. */
  setupSeconds: number;
  /** Reading, decoding and screening the input. */
  seconds: number;
  jurisdiction: string;
  sanctions: Readonly<Record<string, string>>;
  until?: string;
  runs: RunDescription[];
  comparison?: { differences: OutcomeDifference[]; compared: number };
}

const n = (value: number): string => value.toLocaleString('en');
const plural = (count: number, one: string, many = `${one}s`): string =>
  `${n(count)} ${count === 1 ? one : many}`;
const row = (label: string, text: string): string => `  ${label.padEnd(24)} ${text}`;

function rejectionLine(rejection: LineRejection): string {
  const where = `line ${rejection.line}${rejection.eventIndex === undefined ? '' : ` events[${rejection.eventIndex}]`}`;
  const errors = rejection.errors.map((error) => `${error.code} ${error.message}`).join('; ');
  return `    ${where.padEnd(12)} ${errors}`;
}

function rejectionLines(tally: ReplayTally & { rejected: number }): string[] {
  if (tally.rejected === 0) {
    return [row('rejected', '0')];
  }
  const lines = [row('rejected', `${n(tally.rejected)} (the dead-letter topic would receive them)`)];
  lines.push(...tally.rejections.slice(0, LISTED_REJECTIONS).map(rejectionLine));
  if (tally.rejected > LISTED_REJECTIONS) {
    lines.push(`    … and ${n(tally.rejected - LISTED_REJECTIONS)} more`);
  }
  const byCode = [...tally.rejectedByCode]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([code, count]) => `${code} ${n(count)}`)
    .join(', ');
  lines.push(`    by code: ${byCode}`);
  return lines;
}

function decisionLines(run: RunDescription, suffix: string): string[] {
  const tally = run.tally;
  const lines = [
    row(
      `decisions${suffix}`,
      `${n(tally.decisions)} (HOLD ${n(tally.byOutcome.HOLD)}, RELEASE ${n(tally.byOutcome.RELEASE)})`,
    ),
  ];
  for (const ruleId of RULE_IDS) {
    const count = tally.byRule.get(ruleId);
    if (count) {
      const parts = [
        count.hold > 0 ? `${n(count.hold)} HOLD` : '',
        count.flag > 0 ? `${n(count.flag)} FLAG` : '',
      ];
      lines.push(`    ${ruleId.padEnd(22)} ${parts.filter(Boolean).join(', ')}`);
    }
  }
  let held = 0;
  for (const decision of tally.latest.values()) {
    held += decision.decision === 'HOLD' ? 1 : 0;
  }
  const world = tally.world;
  lines.push(
    row(
      `consignments${suffix}`,
      `${n(world.inScope)} screened in scope (${n(held)} held, ${n(tally.latest.size - held)} released at the end), ` +
        `${n(world.outOfScope)} out of scope (no decision)`,
    ),
  );
  const waiting = [
    world.pendingMovements > 0
      ? `${plural(world.pendingMovements, 'movement')} waiting for a manifest never seen`
      : '',
    world.armedTimers > 0
      ? `${plural(world.armedTimers, 'timer')} armed, not yet due (--until moves the clock on)`
      : '',
  ].filter(Boolean);
  if (waiting.length > 0) {
    lines.push(row('left over', waiting.join('; ')));
  }
  return lines;
}

/** The stderr summary of a replay (plain text; stdout carries only decisions or differences). */
export function formatReplaySummary(
  tally: ReplayTally & { rejected: number },
  context: SummaryContext,
): string {
  const topics = [...tally.byTopic].map(([topic, count]) => `${topic} ${n(count)}`).join(', ');
  const rate = context.seconds > 0 ? `, ${n(Math.round(tally.records / context.seconds))} records/s` : '';
  const lines = [
    `chokepoint replay: ${context.input}`,
    row(
      'records read',
      `${n(tally.records)}${topics ? ` (${topics})` : ''} in ${context.seconds.toFixed(2)} s${rate} ` +
        `(after ${context.setupSeconds.toFixed(2)} s loading rule packs and sanctions lists)`,
    ),
    row(
      'canonical events',
      `${n(tally.events.manifests + tally.events.movements)} (${plural(tally.events.manifests, 'manifest')}, ${plural(tally.events.movements, 'movement')})`,
    ),
    ...rejectionLines(tally),
  ];
  const compare = context.runs.length > 1;
  for (const run of context.runs) {
    lines.push(...decisionLines(run, compare ? ` (${run.label})` : ''));
  }
  if (context.comparison) {
    const counts = new Map<string, number>();
    for (const difference of context.comparison.differences) {
      counts.set(difference.change, (counts.get(difference.change) ?? 0) + 1);
    }
    const unchanged = context.comparison.compared - context.comparison.differences.length;
    lines.push(
      row(
        'comparison',
        `${n(context.comparison.compared)} consignments decided: ` +
          `${OUTCOME_CHANGES.map((change) => `${change} ${n(counts.get(change) ?? 0)}`).join(', ')}, unchanged ${n(unchanged)}`,
      ),
    );
  }
  for (const run of context.runs) {
    lines.push(row(compare ? `rule pack (${run.label})` : 'rule pack', run.rulePack));
  }
  lines.push(row('jurisdiction', context.jurisdiction));
  lines.push(
    row(
      'sanctions',
      Object.entries(context.sanctions)
        .map(([list, version]) => `${list} ${version}`)
        .join(', '),
    ),
  );
  if (context.until !== undefined) {
    lines.push(row('clock moved to', context.until));
  }
  return `${lines.join('\n')}\n`;
}
