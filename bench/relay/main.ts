/**
 * The relay figures alone (the whole `npm run bench` seeds a million deliveries first):
 * `npx electron-vite build && node --import tsx bench/relay/main.ts`.
 */
import { formatTable } from '../report.js';
import { relayRows, runRelayBench } from './relay-bench.js';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
export const RELAY_OPTIONS = {
  amount: env('BENCH_RELAY_REQUESTS', 20_000),
  connections: env('BENCH_CONNECTIONS', 50),
  rounds: env('BENCH_ROUNDS', 3),
  drain: env('BENCH_RELAY_DRAIN', 5_000),
};

if (import.meta.url === `file://${process.argv[1]}`) {
  runRelayBench(RELAY_OPTIONS, (line) => console.log(line)).then(
    (result) => {
      console.log('');
      console.log(formatTable(relayRows(result)));
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
