/**
 * Sign-in through aws-amplify v6 (Cognito; cognito-local locally, USER_PASSWORD_AUTH as it supports).
 * Amplify keeps the tokens and refreshes them with the refresh token when they expire, inside
 * fetchAuthSession; a refresh that fails sends the person back to the sign-in page.
 */
import { reactive } from 'vue';
import { confirmSignIn, fetchAuthSession, signIn, signOut } from 'aws-amplify/auth';
import { Hub } from 'aws-amplify/utils';

export const session = reactive({
  ready: false,
  signedIn: false,
  userId: '',
  email: '',
  groups: [] as string[],
});

export const isAdmin = () => session.groups.includes('Admins');

export async function refreshSession(forceRefresh = false): Promise<void> {
  try {
    const s = await fetchAuthSession({ forceRefresh });
    const access = s.tokens?.accessToken;
    const id = s.tokens?.idToken;
    session.signedIn = !!access;
    session.userId = (access?.payload.sub as string) ?? '';
    session.email = (id?.payload.email as string) ?? '';
    session.groups = ((access?.payload['cognito:groups'] as string[]) ?? []).slice();
  } catch {
    session.signedIn = false;
  }
  session.ready = true;
}

/** The access token for the Authorization header (refreshed by Amplify when expired). */
export async function accessToken(): Promise<string | undefined> {
  const s = await fetchAuthSession();
  return s.tokens?.accessToken?.toString();
}

export type SignInStep = 'DONE' | 'NEW_PASSWORD';

export async function signInWithPassword(email: string, password: string): Promise<SignInStep> {
  await signOut().catch(() => undefined);
  const r = await signIn({ username: email.trim(), password, options: { authFlowType: 'USER_PASSWORD_AUTH' } });
  if (r.nextStep.signInStep === 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED') return 'NEW_PASSWORD';
  if (!r.isSignedIn) throw new Error(`This account needs a step Taskwire does not support yet (${r.nextStep.signInStep}).`);
  await refreshSession();
  return 'DONE';
}

export async function setNewPassword(password: string): Promise<void> {
  const r = await confirmSignIn({ challengeResponse: password });
  if (!r.isSignedIn) throw new Error('The new password was not accepted.');
  await refreshSession();
}

export async function signOutEverywhere(): Promise<void> {
  await signOut().catch(() => undefined);
  session.signedIn = false;
  session.userId = '';
  session.groups = [];
}

export function watchAuthEvents(onSignedOut: () => void): void {
  Hub.listen('auth', ({ payload }) => {
    if (payload.event === 'tokenRefresh_failure' || payload.event === 'signedOut') {
      session.signedIn = false;
      onSignedOut();
    }
  });
}
