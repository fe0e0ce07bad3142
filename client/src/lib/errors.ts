/** API errors as sentences a person can act on (never JSON): AppSync's errorType decides the wording. */
interface GqlErrorLike {
  message?: string;
  errorType?: string;
  errorInfo?: Record<string, unknown> | null;
}

export function sentence(text: string): string {
  const t = text.trim();
  if (!t) return 'Something went wrong. Please try again.';
  const s = t[0]!.toUpperCase() + t.slice(1);
  return /[.!?]$/.test(s) ? s : `${s}.`;
}

export function firstGraphQLError(err: unknown): GqlErrorLike | null {
  const e = err as { graphQLErrors?: GqlErrorLike[]; errors?: GqlErrorLike[]; errorType?: string };
  if (e?.graphQLErrors?.length) return e.graphQLErrors[0]!;
  if (e?.errors?.length) return e.errors[0]!;
  if (e?.errorType) return e as GqlErrorLike;
  return null;
}

export function errorMessage(err: unknown, action = ''): string {
  const g = firstGraphQLError(err);
  const prefix = action ? `${sentence(action).slice(0, -1)}: ` : '';
  const out = (s: string) => (prefix ? prefix + s : sentence(s));
  if (g) {
    switch (g.errorType) {
      case 'ConflictError':
        if (g.errorInfo?.reason === 'PROJECT_ARCHIVED') return out('this project is archived; restore it to make changes.');
        return out('someone else changed this in the meantime, so your change was undone. The latest version is shown.');
      case 'Unauthorized':
      case 'UnauthorizedException':
        return out('you don\'t have permission to do that.');
      case 'NotFound':
        return out('it no longer exists, or you can\'t see it.');
      case 'ValidationError':
        return out(sentence(g.message ?? 'the input is not valid'));
      default:
        return out(sentence(g.message ?? 'something went wrong'));
    }
  }
  const e = err as { networkError?: { statusCode?: number } | null; name?: string; message?: string };
  if (e?.networkError) {
    if (e.networkError.statusCode === 401) return 'Your session has ended. Please sign in again.';
    return "Taskwire can't be reached right now. Check your connection and try again.";
  }
  if (e?.name === 'NotAuthorizedException') return 'That email and password do not match.';
  if (e?.name === 'UserNotFoundException') return 'That email and password do not match.';
  if (e?.name === 'InvalidPasswordException') return sentence(e.message ?? 'That password is not strong enough');
  return out(sentence(e?.message ?? 'something went wrong'));
}
