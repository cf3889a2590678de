/**
 * The notebook's compute from a terminal: `npm run --silent cli -- <command> FILE... [--options]`.
 * Prints one JSON object on stdout; problems go to stderr and make the exit status 1.
 */
import { FileRefusedError } from '../stages/ingest/compute/load-errors';
import { parseArgs, UsageError, type ParsedArgs } from './args';
import { clusterCommand } from './commands/cluster';
import { compareCommand, COMPARE_USAGE } from './commands/compare';
import { prizeCommand, PRIZE_USAGE } from './commands/prize';
import { EXPORT_PYTHON_USAGE, exportPythonCommand } from './commands/export-python';
import { tuneCommand, TUNE_USAGE } from './commands/tune';
import { subsetCommand } from './commands/subset';
import { summaryCommand } from './commands/summary';
import { trainCommand, TRAIN_USAGE } from './commands/train';
import { windowsCommand, WINDOWS_USAGE } from './commands/windows';

const COMMANDS: Record<string, { usage: string; run: (args: ParsedArgs) => Promise<unknown> }> = {
  summary: { usage: 'summary FILE...', run: summaryCommand },
  subset: { usage: 'subset FILE... [--users U] [--movies M]', run: subsetCommand },
  cluster: {
    usage:
      'cluster FILE... [--users U] [--movies M] [--kmin 7] [--kmax 30] [--seed S] [--ninit 10] [--values centred|raw|binary] [--space pca|raw]',
    run: clusterCommand,
  },
  windows: { usage: WINDOWS_USAGE, run: windowsCommand },
  train: { usage: TRAIN_USAGE, run: trainCommand },
  compare: { usage: COMPARE_USAGE, run: compareCommand },
  tune: { usage: TUNE_USAGE, run: tuneCommand },
  prize: { usage: PRIZE_USAGE, run: prizeCommand },
  'export-python': { usage: EXPORT_PYTHON_USAGE, run: exportPythonCommand },
};

function usage(): string {
  return [
    'usage: npm run --silent cli -- <command> ...',
    ...Object.values(COMMANDS).map((c) => `  ${c.usage}`),
  ].join('\n');
}

const HELP = new Set(['help', '--help', '-h']);

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name !== undefined && HELP.has(name)) {
    process.stdout.write(`${usage()}\n`);
    return 0;
  }
  const command = name ? COMMANDS[name] : undefined;
  if (command && rest.some((arg) => HELP.has(arg))) {
    process.stdout.write(`usage: npm run --silent cli -- ${command.usage}\n`);
    return 0;
  }
  if (!command) {
    process.stderr.write(`${name ? `unknown command “${name}”\n` : ''}${usage()}\n`);
    return 2;
  }
  try {
    const result = await command.run(parseArgs(rest));
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\nusage: npm run --silent cli -- ${command.usage}\n`);
      return 2;
    }
    if (error instanceof FileRefusedError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
