import type { Writable } from 'node:stream';

/** Where an export writes: resolves once the text is accepted, so a slow reader slows the export down. */
export interface ExportSink {
  write(text: string): Promise<void>;
}

/** The reader went away (closed the connection): the export stops reading the store. */
export class ExportAborted extends Error {
  override name = 'ExportAborted';
}

/** A Node stream as a sink, with backpressure: past its buffer, wait for 'drain' (or its closing). */
export function writableSink(stream: Writable): ExportSink {
  return {
    write(text) {
      if (stream.destroyed || stream.writableEnded) return Promise.reject(new ExportAborted('the reader closed the connection'));
      if (stream.write(text)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const done = (error?: Error) => {
          stream.off('drain', onDrain);
          stream.off('close', onClose);
          if (error) reject(error);
          else resolve();
        };
        const onDrain = () => done();
        const onClose = () => done(new ExportAborted('the reader closed the connection'));
        stream.on('drain', onDrain);
        stream.on('close', onClose);
      });
    },
  };
}
