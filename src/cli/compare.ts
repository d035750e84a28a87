// Placeholder until the compare command lands; replaced by its own change.
export async function run(_argv: string[]): Promise<number> {
  process.stderr.write('parallax compare: not implemented yet\n');
  return 2;
}
