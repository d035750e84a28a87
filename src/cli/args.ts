// A small argument parser: the commands have few flags, and a dependency for this would
// cost more than it saves.
export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string[]>;
  bools: Set<string>;
}

/** `valued` names the flags that take a value (given as `--x v` or `--x=v`); others are booleans. */
export function parseArgs(argv: string[], valued: string[]): ParsedArgs {
  const flags = new Map<string, string[]>();
  const bools = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (valued.includes(name)) {
      const v = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (v === undefined) throw new UsageError(`--${name} needs a value`);
      flags.set(name, [...(flags.get(name) ?? []), v]);
    } else {
      bools.add(name);
    }
  }
  return { positional, flags, bools };
}

export class UsageError extends Error {}
