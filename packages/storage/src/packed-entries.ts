/**
 * A log's entries in one buffer that a thread takes over without a copy: a header of 32-bit
 * integers (the count, then each entry's length), then the entries' bytes. Posting them one by one
 * would clone each entry, and a view's whole underlying buffer with it (drivers hand out views into
 * shared pools); 500 entries cost the loop 1–3 ms that way.
 */
export function packEntries(entries: readonly Uint8Array[]): ArrayBuffer {
  const headerBytes = 4 * (1 + entries.length);
  let total = headerBytes;
  for (const entry of entries) total += entry.byteLength;
  const packed = new ArrayBuffer(total);
  const header = new Uint32Array(packed, 0, 1 + entries.length);
  const bytes = new Uint8Array(packed);
  header[0] = entries.length;
  let offset = headerBytes;
  entries.forEach((entry, index) => {
    header[1 + index] = entry.byteLength;
    bytes.set(entry, offset);
    offset += entry.byteLength;
  });
  return packed;
}

/** The entries of `packEntries`' buffer, as views into it. */
export function unpackEntries(packed: ArrayBuffer): Uint8Array[] {
  const count = new Uint32Array(packed, 0, 1)[0] ?? 0;
  const lengths = new Uint32Array(packed, 4, count);
  const entries: Uint8Array[] = [];
  let offset = 4 + 4 * count;
  for (const length of lengths) {
    entries.push(new Uint8Array(packed, offset, length));
    offset += length;
  }
  return entries;
}
