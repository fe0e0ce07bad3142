import { createApp, h } from 'vue';
import { DefaultApolloClient } from '@vue/apollo-composable';
import App from './App.vue';
import { loadOutputs } from './config';
import { createApollo } from './apollo';
import { refreshSession, watchAuthEvents } from './auth';
import { initLive } from './live';
import { router } from './router';
import './style.css';

async function boot(): Promise<void> {
  try {
    const outputs = await loadOutputs();
    const apollo = createApollo(outputs.data.url);
    initLive();
    await refreshSession();
    watchAuthEvents(() => {
      if (router.currentRoute.value.name !== 'sign-in') void router.push({ name: 'sign-in', query: { next: router.currentRoute.value.fullPath } });
    });
    const app = createApp(App);
    app.provide(DefaultApolloClient, apollo);
    app.use(router);
    app.mount('#app');
  } catch (e) {
    createApp({ render: () => h('main', { class: 'boot error', role: 'alert' }, (e as Error).message) }).mount('#app');
  }
}
void boot();
