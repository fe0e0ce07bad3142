/**
 * Queries and mutations go through Apollo Client 3.14 with @vue/apollo-composable 4.2 (docs in
 * client/README.md: the composable binding supports Apollo 3 only, Apollo 4 breaks it). Every request
 * carries the Cognito access token, as AppSync's AMAZON_COGNITO_USER_POOLS mode expects.
 */
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, gql, type DocumentNode } from '@apollo/client/core';
import { setContext } from '@apollo/client/link/context';
import { accessToken } from './auth';

export let apollo: ApolloClient<unknown>;

export function createApollo(url: string): ApolloClient<unknown> {
  const auth = setContext(async (_op, { headers }) => {
    const token = await accessToken().catch(() => undefined);
    return { headers: { ...headers, ...(token ? { authorization: token } : {}) } };
  });
  apollo = new ApolloClient({
    link: ApolloLink.from([auth, new HttpLink({ uri: url })]),
    cache: new InMemoryCache({
      typePolicies: {
        Membership: { keyFields: ['projectId', 'userId'] },
        AdminProject: { keyFields: false },
        StoryProgress: { keyFields: false },
        // Connections are read whole by the screens (which page them themselves).
        Query: { fields: {} },
      },
    }),
    defaultOptions: { query: { fetchPolicy: 'network-only', errorPolicy: 'none' }, watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
  return apollo;
}

const docs = new Map<string, DocumentNode>();
function doc(source: string): DocumentNode {
  let d = docs.get(source);
  if (!d) docs.set(source, (d = gql(source)));
  return d;
}

/** A query, always from the network (the screens keep what they show; Apollo normalises the rest). */
export async function query<T = any>(source: string, variables: Record<string, unknown> = {}): Promise<T> {
  const r = await apollo.query<T>({ query: doc(source), variables, fetchPolicy: 'network-only' });
  return r.data;
}

export async function mutate<T = any>(source: string, variables: Record<string, unknown> = {}): Promise<T> {
  const r = await apollo.mutate<T>({ mutation: doc(source), variables });
  return r.data as T;
}

export { doc };
