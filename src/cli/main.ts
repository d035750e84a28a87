// `parallax <command> ...`: the command line over the same core as the extension.
import { UsageError } from './args';

const USAGE = `usage:
  parallax compare ARTICLE --corpus PATH [--corpus PATH ...] [--format json|text]
  parallax match ARTICLE --corpus PATH [--corpus PATH ...]
  parallax match --corpus PATH --all

ARTICLE is an .html, .txt or .json file. PATH is a .jsonl/.ndjson file, an article file or a directory.`;

type Command = (argv: string[]) => Promise<number>;

const commands: Record<string, () => Promise<{ run: Command }>> = {
  compare: () => import('./compare'),
  match: () => import('./match'),
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE + '\n');
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`parallax: unknown command "${name}"\n${USAGE}\n`);
    return 2;
  }
  try {
    return await (await load()).run(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`parallax ${name}: ${e.message}\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
}
