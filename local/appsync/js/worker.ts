/**
 * The engine's worker process (worker-pool.ts): compiles each resolver's code once, on its first call,
 * and runs handler calls and EvaluateCode evaluations as the main thread sends them, one at a time.
 * Everything crossing the thread boundary is plain data (HandlerCall in, HandlerRaw out).
 */
import { compileResolverCode, type CompiledCode } from './compile.ts';
import { BadRequestException, evaluateCode, type EvaluateCodeInput } from './evaluate.ts';
import { executeCall, type HandlerCall } from './run.ts';

export type WorkerJob =
  | { kind: 'run'; key: number; code?: string; call: HandlerCall }
  | { kind: 'evaluate'; input: EvaluateCodeInput; timeoutMs: number };
export type WorkerRequest = WorkerJob & { id: number };

export type WorkerReply = { ready: true } | { id: number; value: unknown } | { id: number; badRequest: string } | { id: number; failure: string };

const compiled = new Map<number, CompiledCode>();

function answer(req: WorkerRequest): WorkerReply {
  try {
    if (req.kind === 'evaluate') return { id: req.id, value: evaluateCode(req.input, { timeoutMs: req.timeoutMs }) };
    let code = compiled.get(req.key);
    if (!code) {
      // The main thread validated this code at load, and sends it with a key's first call here.
      if (req.code === undefined) return { id: req.id, failure: `no code for key ${req.key}` };
      code = compileResolverCode(req.code, { fileName: req.call.fileName });
      compiled.set(req.key, code);
    }
    return { id: req.id, value: executeCall(code, req.call) };
  } catch (err) {
    if (err instanceof BadRequestException) return { id: req.id, badRequest: err.message };
    return { id: req.id, failure: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
  }
}

process.on('message', (req: WorkerRequest) => process.send!(answer(req)));
// Without its parent (the runtime stopped or crashed) the worker has nothing left to do.
process.on('disconnect', () => process.exit(0));
process.send!({ ready: true } satisfies WorkerReply);
