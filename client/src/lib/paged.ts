/** A list loaded page by page with nextToken (every list in Taskwire is a paginated Query). */
import { ref, shallowRef } from 'vue';
import { query } from '../apollo';
import { errorMessage } from './errors';

export function usePaged<T>(source: string, vars: () => Record<string, unknown>, pick: (data: any) => { items: T[]; nextToken?: string | null }) {
  const items = shallowRef<T[]>([]);
  const next = ref<string | null>(null);
  const loading = ref(false);
  const error = ref('');
  const loaded = ref(false);
  async function load(more = false): Promise<void> {
    loading.value = true;
    error.value = '';
    try {
      const page = pick(await query(source, { ...vars(), next: more ? next.value : null }));
      items.value = more ? [...items.value, ...page.items] : page.items;
      next.value = page.nextToken ?? null;
      loaded.value = true;
    } catch (e) {
      error.value = errorMessage(e);
    } finally {
      loading.value = false;
    }
  }
  return { items, next, loading, error, loaded, load, more: () => load(true) };
}
