import { parseArgs } from 'node:util';
import { openKantor } from '../app';
import { ConfigError, DATABASE_HELP, DATABASE_OPTIONS, databaseTarget } from '../config';
import { seedLoad } from './seed-load';

export const SEED_LOAD_HELP = `npm run siar -- seed-load --reports N [--days D] [--people P] [--units U] [--seed S] [--data DIR | --database-url URL]
  Fills the database with N realistic reports for measuring (docs/SCALE.md): P people (default
  N/30, at most 4,300,000) in U units of very different sizes (default 200), platforms by their
  assumed shares, the morning peak, over the last D days (default 30). Not for an office's real
  database: the reports are invented.
${DATABASE_HELP}`;

const whole = (name: string, value: string | undefined, fallback: number, min = 1): number => {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new ConfigError(`--${name} is a whole number of at least ${min}, not ${value}`);
  return Number(value);
};

export async function seedLoadCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { ...DATABASE_OPTIONS, reports: { type: 'string' }, days: { type: 'string' }, people: { type: 'string' }, units: { type: 'string' }, seed: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return void console.log(SEED_LOAD_HELP);
  if (values.reports === undefined) throw new ConfigError('seed-load needs --reports N');
  const reports = whole('reports', values.reports, 0);
  const options = {
    reports,
    days: whole('days', values.days, 30),
    people: whole('people', values.people, Math.min(4_300_000, Math.max(1, Math.round(reports / 30)))),
    units: whole('units', values.units, 200),
    seed: whole('seed', values.seed, 15, 0),
  };
  const kantor = await openKantor({ host: '127.0.0.1', port: 0, database: databaseTarget(values, process.env) });
  const started = Date.now();
  let shown = 0;
  try {
    const written = await seedLoad(kantor.siar, {
      ...options,
      progress: (n) => {
        if (n - shown >= 100_000 || n === reports) {
          shown = n;
          process.stderr.write(`\r  ${n.toLocaleString('en-US')} / ${reports.toLocaleString('en-US')} reports`);
        }
      },
    });
    const seconds = (Date.now() - started) / 1000;
    process.stderr.write('\n');
    console.log(`Seeded ${written.toLocaleString('en-US')} reports (${options.people.toLocaleString('en-US')} people, ${options.units} units, ${options.days} days) in ${seconds.toFixed(0)} s.`);
  } finally {
    await kantor.siar.close();
  }
}
