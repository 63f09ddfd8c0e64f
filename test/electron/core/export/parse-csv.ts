/**
 * A strict RFC 4180 reader for the tests: records end in CRLF (the last one too), a field is either
 * bare (no comma, quote, CR or LF) or quoted with doubled quotes. Anything else throws, so a test
 * that reads the export back also proves it is well-formed.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let position = 0;
  while (position < text.length) {
    let field = '';
    if (text[position] === '"') {
      position++;
      for (;;) {
        const quote = text.indexOf('"', position);
        if (quote < 0) throw new Error('unterminated quoted field');
        field += text.slice(position, quote);
        position = quote + 1;
        if (text[position] !== '"') break;
        field += '"';
        position++;
      }
    } else {
      const end = text.slice(position).search(/[,\r\n"]/);
      field = end < 0 ? text.slice(position) : text.slice(position, position + end);
      position += field.length;
    }
    record.push(field);
    if (text[position] === ',') {
      position++;
    } else if (text.startsWith('\r\n', position)) {
      records.push(record);
      record = [];
      position += 2;
    } else {
      throw new Error(`unexpected ${JSON.stringify(text[position] ?? 'end of text')} at ${position}`);
    }
  }
  if (record.length > 0) throw new Error('last record has no CRLF');
  return records;
}
