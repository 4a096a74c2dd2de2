// The signed-in user and their token live in sessionStorage: gone when the tab closes, never in a URL.
const KEY = 'mdm.console.session';

export function getSession() {
  try {
    const session = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
    if (!session?.token) return null;
    if (session.expiresAt && new Date(session.expiresAt).getTime() <= Date.now()) {
      clearSession();
      return null;
    }
    return session;
  } catch {
    return null;
  }
}

export function saveSession(session) {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession() {
  sessionStorage.removeItem(KEY);
}

/** May this user act (decide, split), or only read? */
export function canAct(session) {
  return Boolean(session?.user?.roles?.some((r) => r === 'steward' || r === 'admin'));
}
