// Splits a stream of text into numbered lines without holding the whole file: a JSONL
// export can be larger than the longest string a tab can make (V8 stops near 512 MiB).

/** A line longer than this is reported and skipped instead of being kept in memory. */
export const MAX_LINE_CHARS = 20_000_000;

/** One line, numbered from 1. `text` is null when the line was too long and was dropped. */
export interface Line {
  n: number;
  text: string | null;
}

export class LineSplitter {
  private pending: string[] = [];
  private pendingChars = 0;
  private tooLong = false;
  private next = 1;

  constructor(private readonly maxChars = MAX_LINE_CHARS) {}

  /** Adds a chunk and returns the lines it completed. A line may span any number of chunks. */
  push(chunk: string): Line[] {
    const out: Line[] = [];
    let start = 0;
    for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', start)) {
      this.keep(chunk.slice(start, i));
      out.push(this.take());
      start = i + 1;
    }
    if (start < chunk.length) this.keep(chunk.slice(start));
    return out;
  }

  /** The last line, when the text does not end with a newline. */
  end(): Line[] {
    return this.pendingChars > 0 || this.tooLong ? [this.take()] : [];
  }

  private keep(piece: string): void {
    if (this.tooLong || piece === '') return;
    this.pendingChars += piece.length;
    if (this.pendingChars > this.maxChars) {
      this.tooLong = true;
      this.pending = [];
    } else {
      this.pending.push(piece);
    }
  }

  private take(): Line {
    let text: string | null = null;
    if (!this.tooLong) {
      text = this.pending.join('');
      if (text.endsWith('\r')) text = text.slice(0, -1);
    }
    this.pending = [];
    this.pendingChars = 0;
    this.tooLong = false;
    return { n: this.next++, text };
  }
}

/**
 * The lines of a UTF-8 byte stream (a File's `stream()`). TextDecoderStream keeps a character
 * that is split between two chunks whole, and drops a leading byte order mark.
 */
export async function* readLines(bytes: ReadableStream<BufferSource>, maxChars = MAX_LINE_CHARS): AsyncGenerator<Line> {
  const reader = bytes.pipeThrough(new TextDecoderStream()).getReader();
  const splitter = new LineSplitter(maxChars);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield* splitter.push(value);
    }
    yield* splitter.end();
  } finally {
    // Stopping early (a full disk) must not leave the file being read.
    reader.cancel().catch(() => undefined);
  }
}
