/**
 * Server-sent events read from a fetch() body: unlike EventSource, fetch can send the Authorization
 * header, so the token never has to travel in a URL.
 */
export interface SseMessage {
  event: string;
  data: string;
}

/** Splits a text stream into SSE messages (fields `event` and `data`; comments and ids ignored). */
export function createSseParser(onMessage: (message: SseMessage) => void): (chunk: string) => void {
  let buffer = '';
  return (chunk) => {
    buffer += chunk.replace(/\r\n?/g, '\n');
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
      }
      if (data.length > 0) onMessage({ event, data: data.join('\n') });
      end = buffer.indexOf('\n\n');
    }
  };
}
