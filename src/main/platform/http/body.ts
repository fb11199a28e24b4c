// The response body handed to the caller: at most maxBytes, with at most idleMs between two pieces of
// it (not counting the time the caller takes to read), failing only with HttpError, and releasing the
// connection when it ends or is destroyed. Nothing is read before the caller starts reading, so a body
// that is only destroyed (a redirect's, an error page's) costs nothing and fails nothing.
import { Readable } from 'node:stream';
import type { HttpError } from './errors';

export interface BodyLimits {
  maxBytes: number;
  /** The Content-Length the server announced, if any. */
  declaredBytes?: number;
  idleMs: number;
}

/** The exchange the body belongs to. */
export interface BodyOwner {
  tooLarge(): HttpError;
  timedOut(): HttpError;
  /** What undici's error (a reset, an abort) means, as an HttpError. */
  describe(error: unknown): HttpError;
  /** The last byte arrived. */
  onEnd(): void;
  /** Done with the connection: cleanly (undefined) or not. */
  release(error?: Error): void;
}

export class ResponseBody extends Readable {
  private started = false;
  private ended = false;
  private received = 0;
  private idle: NodeJS.Timeout | undefined;
  /** A failure before the caller started reading, given to it when it does. */
  private failure: HttpError | undefined;

  constructor(
    private readonly source: Readable,
    private readonly limits: BodyLimits,
    private readonly owner: BodyOwner,
  ) {
    super();
    source.on('error', (error) => {
      const failure = owner.describe(error);
      if (this.started) this.destroy(failure);
      else this.failure ??= failure;
    });
  }

  override _read(): void {
    if (!this.started) return this.start();
    if (this.ended || !this.source.isPaused()) return;
    this.waitForServer();
    this.source.resume();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    clearTimeout(this.idle);
    if (!this.ended) this.source.destroy();
    this.owner.release(error ?? (this.ended ? undefined : new Error('The response body was not read to the end.')));
    callback(error);
  }

  private start(): void {
    this.started = true;
    const { source, limits, owner } = this;
    if (this.failure) return void this.destroy(this.failure);
    if ((limits.declaredBytes ?? 0) > limits.maxBytes) return void this.destroy(owner.tooLarge());
    this.waitForServer();
    source.on('data', (chunk: Buffer) => {
      this.received += chunk.length;
      if (this.received > limits.maxBytes) return void this.destroy(owner.tooLarge());
      if (this.push(chunk)) return this.waitForServer();
      // The caller is behind: its reading is not the server's delay.
      clearTimeout(this.idle);
      source.pause();
    });
    source.once('end', () => {
      this.ended = true;
      clearTimeout(this.idle);
      owner.onEnd();
      this.push(null);
    });
  }

  private waitForServer(): void {
    clearTimeout(this.idle);
    const { idleMs } = this.limits;
    if (Number.isFinite(idleMs) && idleMs > 0) this.idle = setTimeout(() => this.destroy(this.owner.timedOut()), idleMs);
  }
}

/** The whole body of a streamed response (its errors are HttpErrors already). */
export async function readBody(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
