// Sign-in: user name and password for a token kept in sessionStorage.
import { api } from '../api.js';
import { go, notifyError } from '../app.js';
import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { saveSession } from '../session.js';

export async function renderLogin(page, { params }) {
  const username = h('input', { id: 'login-username', name: 'username', autocomplete: 'username', required: true, autofocus: true });
  const password = h('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { type: 'submit', class: 'button primary' }, t('login.submit'));
  const form = h(
    'form',
    { class: 'login card', onsubmit: (event) => void signIn(event) },
    h('h1', {}, t('login.title')),
    h('p', { class: 'muted' }, t('login.intro')),
    h('label', { for: 'login-username' }, t('login.username')),
    username,
    h('label', { for: 'login-password' }, t('login.password')),
    password,
    submit,
  );
  async function signIn(event) {
    event.preventDefault();
    submit.disabled = true;
    try {
      const answer = await api('POST', '/auth/login', { body: { username: username.value.trim(), password: password.value }, anonymous: true });
      saveSession({ token: answer.token, expiresAt: answer.expiresAt, user: answer.user });
      const next = params.get('next');
      go(next && next.startsWith('/') && !next.startsWith('/login') ? next : '/queue');
    } catch (error) {
      password.value = '';
      notifyError(error);
      password.focus();
    } finally {
      submit.disabled = false;
    }
  }
  mount(page, h('div', { class: 'login-wrap' }, form));
  username.focus();
}
