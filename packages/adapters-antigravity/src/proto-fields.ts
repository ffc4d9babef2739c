/** One protobuf field as it sits on the wire (no schema needed to walk it). */
export interface ProtoField {
  number: number;
  wire: 0 | 1 | 2 | 5;
  /** Wire type 0 (varint). */
  varint?: bigint;
  /** Wire types 1, 2, 5: the raw bytes. */
  bytes?: Uint8Array;
}

/** A varint at `at`, or null when it runs past the end or over 10 bytes. */
function readVarint(data: Uint8Array, at: number): { value: bigint; next: number } | null {
  let value = 0n;
  let shift = 0n;
  for (let i = at; i < data.length && i < at + 10; i += 1) {
    const byte = data[i] as number;
    value |= BigInt(byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) return { value, next: i + 1 };
    shift += 7n;
  }
  return null;
}

/**
 * The top-level fields of a protobuf message, or null when the bytes are not a well-formed
 * message (an unknown wire type, a length past the end): a tiny reader, since the project
 * has no protobuf dependency and the schema is only known by field numbers.
 */
export function parseProtoFields(data: Uint8Array): ProtoField[] | null {
  const fields: ProtoField[] = [];
  let at = 0;
  while (at < data.length) {
    const key = readVarint(data, at);
    if (key === null) return null;
    at = key.next;
    const number = Number(key.value >> 3n);
    const wire = Number(key.value & 7n);
    if (number <= 0 || !Number.isSafeInteger(number)) return null;
    if (wire === 0) {
      const v = readVarint(data, at);
      if (v === null) return null;
      fields.push({ number, wire, varint: v.value });
      at = v.next;
    } else if (wire === 2) {
      const len = readVarint(data, at);
      if (len === null || len.value > BigInt(data.length - len.next)) return null;
      const end = len.next + Number(len.value);
      fields.push({ number, wire, bytes: data.subarray(len.next, end) });
      at = end;
    } else if (wire === 1 || wire === 5) {
      const size = wire === 1 ? 8 : 4;
      if (at + size > data.length) return null;
      fields.push({ number, wire, bytes: data.subarray(at, at + size) });
      at += size;
    } else {
      return null;
    }
  }
  return fields;
}

export const firstField = (fields: readonly ProtoField[], number: number): ProtoField | undefined =>
  fields.find((f) => f.number === number);

/** A varint field as a safe non-negative integer (0 when absent or not a varint). */
export function countOf(field: ProtoField | undefined): number {
  if (field?.varint === undefined) return 0;
  const n = Number(field.varint);
  return Number.isSafeInteger(n) && n >= 0 ? n : 0;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A length-delimited field as UTF-8 text, or null when absent or not clean text. */
export function textOf(field: ProtoField | undefined): string | null {
  if (field?.bytes === undefined || field.bytes.length === 0) return null;
  try {
    const text = utf8.decode(field.bytes);
    // eslint-disable-next-line no-control-regex -- control characters are what tells binary from text
    return /[\u0000-\u0008\u000E-\u001F\u007F]/.test(text) ? null : text;
  } catch {
    return null;
  }
}

export const nestedOf = (field: ProtoField | undefined): ProtoField[] | null =>
  field?.bytes === undefined ? null : parseProtoFields(field.bytes);
