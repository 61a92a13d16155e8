/**
 * Reads BuildKit's progress messages as dockerd streams them (`moby.buildkit.trace`: a base64
 * `StatusResponse` protobuf) into log lines: finished and failed steps, and the output of RUN steps.
 * Only the fields a build log needs are read (Vertex.name/completed/error, VertexLog.msg).
 */

interface Field {
  no: number;
  wire: number;
  value: number | Buffer;
}

function varint(buf: Buffer, at: number): [number, number] {
  let result = 0;
  let shift = 0;
  let i = at;
  while (i < buf.length) {
    const b = buf[i++]!;
    result += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) break;
    shift += 7;
  }
  return [result, i];
}

/** The fields of one protobuf message (unknown wire types end the read). */
export function readFields(buf: Buffer): Field[] {
  const fields: Field[] = [];
  let i = 0;
  while (i < buf.length) {
    const [key, next] = varint(buf, i);
    i = next;
    const no = Math.floor(key / 8);
    const wire = key & 7;
    if (wire === 0) {
      const [v, n] = varint(buf, i);
      fields.push({ no, wire, value: v });
      i = n;
    } else if (wire === 2) {
      const [len, n] = varint(buf, i);
      fields.push({ no, wire, value: buf.subarray(n, n + len) });
      i = n + len;
    } else if (wire === 1) i += 8;
    else if (wire === 5) i += 4;
    else break;
  }
  return fields;
}

const str = (f: Field | undefined) => (f && Buffer.isBuffer(f.value) ? f.value.toString('utf8') : '');

export function decodeBuildkitStatus(base64: string): string[] {
  const lines: string[] = [];
  let fields: Field[];
  try {
    fields = readFields(Buffer.from(base64, 'base64'));
  } catch {
    return lines;
  }
  for (const f of fields) {
    if (!Buffer.isBuffer(f.value)) continue;
    const inner = readFields(f.value);
    if (f.no === 1) {
      const name = str(inner.find((x) => x.no === 3));
      const error = str(inner.find((x) => x.no === 7));
      if (error) lines.push(`ERROR ${name}: ${error}`);
      else if (name && inner.some((x) => x.no === 6)) lines.push(`DONE ${name}`);
    } else if (f.no === 3) {
      const msg = str(inner.find((x) => x.no === 4));
      lines.push(
        ...msg
          .split('\n')
          .map((l) => l.trimEnd())
          .filter(Boolean),
      );
    }
  }
  return lines;
}
