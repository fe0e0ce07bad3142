/**
 * (a) The floor: a bare Node HTTP server that answers `task(id)` with one SDK v3 GetItem per request
 * (keep-alive, the SDK's default) and a GraphQL-shaped JSON answer. No GraphQL engine: it reads
 * `variables.id`, checks the API key, reads the item, picks the selected fields. Run by bench/peer.ts
 * in its own process:  PEER_DDB=<endpoint> PEER_TABLE=<table> PEER_API_KEY=<key> node --import tsx bench/peer/floor.ts
 */
import { createServer } from 'node:http';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { taskKey } from '../../model/keys.ts';
import { TASK_FIELDS } from './fixture.ts';

// The SDK as anyone would set it up (its defaults), not the runtime's client.
const client = new DynamoDBClient({ endpoint: process.env.PEER_DDB!, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
const table = process.env.PEER_TABLE!;
const apiKey = process.env.PEER_API_KEY!;

const send = (res: import('node:http').ServerResponse, status: number, body: string) => {
  res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
};

const server = createServer((req, res) => {
  let text = '';
  req.setEncoding('utf8');
  req.on('data', (c: string) => (text += c));
  req.on('end', async () => {
    if (req.headers['x-api-key'] !== apiKey) return send(res, 401, JSON.stringify({ errors: [{ errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' }] }));
    try {
      const id = (JSON.parse(text) as { variables: { id: string } }).variables.id;
      const { Item } = await client.send(new GetItemCommand({ TableName: table, Key: marshall(taskKey(id)) }));
      let task: Record<string, unknown> | null = null;
      if (Item) {
        const item = unmarshall(Item);
        task = {};
        for (const f of TASK_FIELDS) task[f] = item[f] ?? null;
      }
      send(res, 200, JSON.stringify({ data: { task } }));
    } catch (err) {
      send(res, 200, JSON.stringify({ data: { task: null }, errors: [{ message: (err as Error).message }] }));
    }
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  console.log(JSON.stringify({ url: `http://127.0.0.1:${port}/graphql`, pid: process.pid }));
});
// A clean exit on SIGTERM (bench/peer.ts stops it so), which also writes a --cpu-prof profile.
process.on('SIGTERM', () => process.exit(0));
