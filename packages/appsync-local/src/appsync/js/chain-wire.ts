/**
 * How a chain of handler calls (worker-pool.ts runChain) crosses to a worker: without repeating itself.
 *
 * Every call of a chain belongs to one resolver run, so its calls share most of what they carry: the
 * invocation (field, type, identity, auth mode), the selection set, the time limit, and the JSON of the
 * run's arguments, identity, info, request and env (`ctxHead` and `ctxTail` of run.ts ChainedCall).
 * Sent as they are, a two-read pipeline moved ~33 KB to the workers per request, most of it the same
 * identity and Authorization header over and over, and the IPC channel's JSON framing (escaping those
 * JSON strings once more) was the runtime's largest single cost. Packed:
 *   - the first call's ctx JSON is sent as its middle only when it begins with the chain's ctxHead and
 *     ends with its ctxTail (the usual case: its ctx is the run's, with its own stash, prev and result);
 *   - a chained call leaves out each member equal to the call before it (`null` on the wire stands for
 *     a member that is undefined where the one before it was not);
 *   - invocation.fileName is the call's fileName (run.ts builds it so), so it is never sent twice.
 * `unpackChain` (in the worker) restores exactly what `packChain` was given: a lossless encoding, checked
 * by string equality, never by assumption.
 */
import type { ChainedCall, HandlerCall } from './run.ts';
import type { InvocationInit } from './invocation.ts';

type Shared = 'invocation' | 'selectionSetList' | 'selectionSetGraphQL' | 'timeoutMs';
type WireInvocation = Omit<InvocationInit, 'fileName'>;
/** A member left out equals the call before it; null: undefined here though not there. */
type Omissible<T> = { [K in keyof T]?: T[K] | null };

export type PackedFirst = Omit<HandlerCall, 'invocation' | 'ctxJson'> & { invocation: WireInvocation } & ({ ctxJson: string } | { ctxMid: string });
export type PackedNext = Pick<ChainedCall, 'fileName' | 'name' | 'withResult'> &
  Omissible<Pick<ChainedCall, Exclude<Shared, 'invocation'> | 'ctxHead' | 'ctxTail'>> & { invocation?: WireInvocation };

export interface PackedChain {
  first: PackedFirst;
  next: PackedNext[];
}

function wireInvocation(call: { fileName: string; invocation: InvocationInit }): WireInvocation {
  const { fileName, ...rest } = call.invocation;
  if (fileName !== call.fileName) throw new Error(`chain-wire: invocation of ${fileName} on a call of ${call.fileName}`);
  return rest;
}

function sameInvocation(a: InvocationInit, b: InvocationInit): boolean {
  return a.fieldName === b.fieldName && a.parentTypeName === b.parentTypeName && a.authMode === b.authMode && a.identity === b.identity;
}

export function packChain(first: HandlerCall, next: ChainedCall[]): PackedChain {
  const { ctxJson, invocation: _i, ...firstRest } = first;
  const head = next[0]?.ctxHead;
  const tail = next[0]?.ctxTail;
  const packedFirst: PackedFirst =
    head !== undefined && tail !== undefined && ctxJson.length >= head.length + tail.length && ctxJson.startsWith(head) && ctxJson.endsWith(tail)
      ? { ...firstRest, invocation: wireInvocation(first), ctxMid: ctxJson.slice(head.length, ctxJson.length - tail.length) }
      : { ...firstRest, invocation: wireInvocation(first), ctxJson };
  let before: HandlerCall | ChainedCall = first;
  const packedNext = next.map((call) => {
    const out: PackedNext = { fileName: call.fileName, name: call.name, withResult: call.withResult };
    if (!sameInvocation(call.invocation, before.invocation)) out.invocation = wireInvocation(call);
    for (const key of ['selectionSetList', 'selectionSetGraphQL', 'timeoutMs'] as const) {
      if (call[key] !== before[key]) (out as Record<string, unknown>)[key] = call[key] ?? null;
    }
    for (const key of ['ctxHead', 'ctxTail'] as const) {
      if (!('ctxHead' in before) || call[key] !== before[key]) out[key] = call[key];
    }
    before = call;
    return out;
  });
  return { first: packedFirst, next: packedNext };
}

export function unpackChain(packed: PackedChain): { first: HandlerCall; next: ChainedCall[] } {
  const { invocation: firstInvocation, ...packedFirst } = packed.first;
  let rest: Omit<HandlerCall, 'invocation' | 'ctxJson'>;
  let ctxJson: string;
  if ('ctxMid' in packedFirst) {
    const { ctxMid, ...others } = packedFirst;
    const head = packed.next[0]?.ctxHead;
    const tail = packed.next[0]?.ctxTail;
    if (head == null || tail == null) throw new Error('chain-wire: a first call packed without its chain');
    ctxJson = head + ctxMid + tail;
    rest = others;
  } else {
    ({ ctxJson, ...rest } = packedFirst);
  }
  const first: HandlerCall = { ...rest, ctxJson, invocation: { ...firstInvocation, fileName: rest.fileName } };
  let before: HandlerCall | ChainedCall = first;
  const next = packed.next.map((p) => {
    const pick = <K extends 'selectionSetList' | 'selectionSetGraphQL' | 'timeoutMs'>(key: K) =>
      (key in p ? (p[key] ?? undefined) : before[key]) as ChainedCall[K];
    const pickCtx = (key: 'ctxHead' | 'ctxTail'): string => {
      const own = p[key];
      if (own != null) return own;
      if (!('ctxHead' in before)) throw new Error(`chain-wire: the first chained call came without its ${key}`);
      return before[key];
    };
    const { fileName: _f, ...beforeInvocation } = before.invocation;
    const call: ChainedCall = {
      fileName: p.fileName,
      name: p.name,
      withResult: p.withResult,
      selectionSetList: pick('selectionSetList'),
      selectionSetGraphQL: pick('selectionSetGraphQL'),
      timeoutMs: pick('timeoutMs'),
      invocation: { ...(p.invocation ?? beforeInvocation), fileName: p.fileName },
      ctxHead: pickCtx('ctxHead'),
      ctxTail: pickCtx('ctxTail'),
    };
    before = call;
    return call;
  });
  return { first, next };
}
