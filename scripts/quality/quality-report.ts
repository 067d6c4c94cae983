// `npm run quality:report [-- --seed N --count N --risk-rate R --rules PACK --output-dir DIR]`: simulates a
// planted port day, replays it through the replay CLI's code path and writes results/quality/quality-report.{md,json}.
import { main } from '../../apps/cli/src/main';

main(['quality-report', ...process.argv.slice(2)]);
