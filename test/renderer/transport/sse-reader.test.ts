import { describe, expect, it } from 'vitest';
import { createSseParser, type SseMessage } from '../../../renderer/transport/sse-reader';

function parseAll(chunks: string[]): SseMessage[] {
  const messages: SseMessage[] = [];
  const parse = createSseParser((message) => messages.push(message));
  for (const chunk of chunks) parse(chunk);
  return messages;
}

describe('createSseParser', () => {
  it('reads named events with their data', () => {
    expect(parseAll(['event: state:changed\ndata: {"a":1}\n\n'])).toEqual([
      { event: 'state:changed', data: '{"a":1}' },
    ]);
  });

  it('joins a message split across chunks, anywhere', () => {
    expect(parseAll(['event: sync:chan', 'ged\nda', 'ta: 1\n', '\n'])).toEqual([
      { event: 'sync:changed', data: '1' },
    ]);
  });

  it('ignores heartbeat comments and joins multi-line data', () => {
    expect(parseAll([': ping\n\n', 'data: a\ndata: b\r\n\r\n'])).toEqual([
      { event: 'message', data: 'a\nb' },
    ]);
  });
});
