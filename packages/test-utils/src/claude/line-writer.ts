import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { once } from 'node:events';

const FLUSH_AT = 1024 * 1024;

/**
 * Appends lines to a file through a stream, batching ~1 MiB per write and honouring
 * back-pressure, so generators can produce gigabyte homes in constant memory.
 */
export class LineWriter {
  private stream: WriteStream | null = null;
  private buffer: string[] = [];
  private bufferedLength = 0;
  bytes = 0;
  lines = 0;

  constructor(readonly path: string) {}

  async add(line: string): Promise<void> {
    this.buffer.push(line, '\n');
    this.bufferedLength += line.length + 1;
    this.lines += 1;
    if (this.bufferedLength >= FLUSH_AT) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    if (this.stream === null) {
      await mkdir(dirname(this.path), { recursive: true });
      this.stream = createWriteStream(this.path);
    }
    const data = Buffer.from(this.buffer.join(''), 'utf8');
    this.buffer = [];
    this.bufferedLength = 0;
    this.bytes += data.length;
    if (!this.stream.write(data)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    if (this.stream === null) return;
    const stream = this.stream;
    await new Promise<void>((resolve, reject) => {
      stream.once('error', reject);
      stream.end(() => resolve());
    });
  }
}
