/** `npm run build`: checks the manifest against the schema and writes every APPSYNC_JS bundle to dist/appsync. */
import { join } from 'node:path';
import { bundleResolvers, writeBundles, ROOT } from './lib/bundle-resolvers.ts';

const outDir = join(ROOT, 'dist/appsync');
const set = bundleResolvers();
writeBundles(set, outDir);
console.log(`built ${set.resolvers.size} resolvers and ${set.functions.size} pipeline functions into ${outDir}`);
