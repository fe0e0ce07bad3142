/**
 * Inline source maps (`//# sourceMappingURL=data:application/json;base64,…`, as esbuild writes with
 * `sourcemap: 'inline'`): generated line/column → original file/line/column, so validation refusals
 * and runtime errors name the TypeScript file the developer wrote.
 */
export type SourceMapLookup = (line: number, column: number) => { fileName: string; line: number; column: number } | undefined;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Map([...B64].map((c, i) => [c, i]));

/** Decodes one line's VLQ segments. */
function decodeSegment(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = B64_INDEX.get(ch);
    if (digit === undefined) return values;
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** Per generated line: sorted [generatedColumn, sourceIndex, originalLine, originalColumn] (0-based). */
function decodeMappings(mappings: string): number[][][] {
  const lines: number[][][] = [];
  let source = 0;
  let origLine = 0;
  let origCol = 0;
  for (const lineText of mappings.split(';')) {
    const segments: number[][] = [];
    let genCol = 0;
    for (const seg of lineText.split(',')) {
      if (!seg) continue;
      const v = decodeSegment(seg);
      genCol += v[0];
      if (v.length >= 4) {
        source += v[1];
        origLine += v[2];
        origCol += v[3];
        segments.push([genCol, source, origLine, origCol]);
      }
    }
    lines.push(segments);
  }
  return lines;
}

export function readInlineSourceMap(code: string): SourceMapLookup | undefined {
  const m = /\/\/[#@] sourceMappingURL=data:application\/json(?:;charset=[^;,]+)?;base64,([A-Za-z0-9+/=]+)\s*$/.exec(code);
  if (!m) return undefined;
  let map: { sources?: string[]; mappings?: string };
  try {
    map = JSON.parse(Buffer.from(m[1], 'base64').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!map.sources || typeof map.mappings !== 'string') return undefined;
  const lines = decodeMappings(map.mappings);
  const sources = map.sources.map((s) => s.replace(/^(\.\.\/)+/, ''));
  return (line, column) => {
    const segments = lines[line - 1];
    if (!segments?.length) return undefined;
    let best = segments[0];
    for (const seg of segments) {
      if (seg[0] <= column - 1) best = seg;
      else break;
    }
    const delta = best[0] <= column - 1 ? column - 1 - best[0] : 0;
    return { fileName: sources[best[1]] ?? 'unknown', line: best[2] + 1, column: best[3] + delta + 1 };
  };
}
