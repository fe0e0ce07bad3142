// The engine worker's entry (worker-pool.ts forks it with no inherited loader flags): TypeScript
// through tsx's loader, so the worker loads the same engine modules under tsx, vitest and the bench.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
