import { inject, type ComputedRef, type InjectionKey, type Ref } from 'vue';

export interface ProjectContext {
  project: Ref<any>;
  members: Ref<any[]>;
  canEdit: ComputedRef<boolean>;
  isAdmin: ComputedRef<boolean>;
  memberName(id?: string | null): string;
  reload(): Promise<void>;
}
export const projectKey: InjectionKey<ProjectContext> = Symbol('project');
export function useProject(): ProjectContext {
  const ctx = inject(projectKey);
  if (!ctx) throw new Error('useProject outside a project');
  return ctx;
}
