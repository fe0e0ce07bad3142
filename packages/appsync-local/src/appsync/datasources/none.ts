/** The NONE data source: the request's `payload` becomes `ctx.result` (as JSON, like every result). */
import type { DataSource } from '../types.ts';
import { invalidRequest, isRecord, settle } from './errors.ts';

export function createNoneDataSource(): DataSource {
  return {
    type: 'NONE',
    portable: async () => ({ spec: { type: 'NONE' } }),
    invoke: (call) =>
      settle('NONE', async () => {
        if (!isRecord(call.request)) throw invalidRequest('The request handler must return an object');
        const payload = call.request.payload;
        return { result: payload === undefined ? null : JSON.parse(JSON.stringify(payload)) };
      }),
  };
}
