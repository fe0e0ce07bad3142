import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { isAdmin, session } from './auth';
import SignIn from './views/SignIn.vue';
import Projects from './views/Projects.vue';

// Every screen but the first two is its own lazily loaded chunk (the initial JS budget: 300 KB gz).
const routes: RouteRecordRaw[] = [
  { path: '/sign-in', name: 'sign-in', component: SignIn, meta: { public: true } },
  { path: '/', name: 'projects', component: Projects },
  { path: '/me/tasks', name: 'my-tasks', component: () => import('./views/MyTasks.vue') },
  { path: '/me/notifications', name: 'notifications', component: () => import('./views/Notifications.vue') },
  { path: '/me/profile', name: 'profile', component: () => import('./views/Profile.vue') },
  { path: '/admin', name: 'admin', component: () => import('./views/Admin.vue'), meta: { admin: true } },
  {
    path: '/p/:projectId',
    component: () => import('./views/ProjectShell.vue'),
    props: true,
    children: [
      { path: '', name: 'board', component: () => import('./views/Board.vue'), props: true },
      { path: 'backlog', name: 'backlog', component: () => import('./views/Backlog.vue'), props: true },
      { path: 'stories', name: 'stories', component: () => import('./views/Stories.vue'), props: true },
      { path: 'stories/:storyId', name: 'story', component: () => import('./views/StoryDetail.vue'), props: true },
      { path: 'reports', name: 'reports', component: () => import('./views/Reports.vue'), props: true },
      { path: 'members', name: 'members', component: () => import('./views/Members.vue'), props: true },
    ],
  },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./views/NotFound.vue') },
];

export const router = createRouter({ history: createWebHistory(), routes });

router.beforeEach((to) => {
  if (!to.meta.public && !session.signedIn) return { name: 'sign-in', query: to.fullPath !== '/' ? { next: to.fullPath } : {} };
  if (to.meta.admin && !isAdmin()) return { name: 'projects' };
  return true;
});
