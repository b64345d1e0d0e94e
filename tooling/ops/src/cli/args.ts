// Command-line parsing shared by the ops commands (node:util's parseArgs, no dependency).
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { invocationDir } from '../target.ts';

/** Parses argv or prints the usage and exits 2 on unknown or malformed options. */
export function parseCli<T extends NonNullable<ParseArgsConfig['options']>>(
  usage: string,
  options: T,
) {
  try {
    return parseArgs({
      args: process.argv.slice(2).filter((arg) => arg !== '--'),
      options,
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\nusage: ${usage}`);
    process.exit(2);
  }
}

/** Paths given on the command line are relative to where the user ran pnpm. */
export function fromInvocationDir(file: string): string {
  return path.resolve(invocationDir(), file);
}

/** Parses a non-negative number option, exiting 2 with a message naming the option. */
export function numberOption(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) {
    console.error(`--${name} must be a non-negative number, got ${value}`);
    process.exit(2);
  }
  return parsed;
}

/** Runs a command's main, printing a failure as one line and exiting 1. */
export function run(main: () => Promise<number | void>): void {
  main().then(
    (code) => process.exit(code ?? 0),
    (error: unknown) => {
      console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
