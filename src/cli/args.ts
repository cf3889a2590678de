/** `cmd FILE... --name value --flag`: positional files and named options, nothing more. */
export interface ParsedArgs {
  positional: string[];
  options: Map<string, string>;
}

export function parseArgs(argv: string[]): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split('=', 2);
    if (inline !== undefined) options.set(name, inline);
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) options.set(name, argv[++i]);
    else options.set(name, 'true');
  }
  return { positional, options };
}

export class UsageError extends Error {}

/** A numeric option, with its default; rejects anything that is not a finite number. */
export function numberOption(args: ParsedArgs, name: string, fallback: number): number {
  const raw = args.options.get(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value))
    throw new UsageError(`--${name} must be a number, not “${raw}”`);
  return value;
}

export function integerOption(args: ParsedArgs, name: string, fallback: number, min = 1): number {
  const value = numberOption(args, name, fallback);
  if (!Number.isInteger(value) || value < min)
    throw new UsageError(`--${name} must be a whole number ≥ ${min}`);
  return value;
}

export function stringOption<T extends string>(
  args: ParsedArgs,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const raw = args.options.get(name) ?? fallback;
  if (!(allowed as readonly string[]).includes(raw))
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')}`);
  return raw as T;
}
