// Accounts: the list, a new account, disabling one, setting a new password (the users API; when the server
// does not have it yet, its answer is shown as it is).
import { useState } from 'preact/hooks';
import { createUser, disableUser, enableUser, fetchUsers, resetPassword, unlockUser, type NewUser } from '../../api/users';
import { ROLES, type Role, type UserAccount } from '../../api/types';
import { citizenIdMessage } from '../../components/ApplicantFields';
import { FailureNotice, Loading, errorsByField, useFieldFailure } from '../../components/FailureNotice';
import { SelectField, TextField, focusFirstInvalid } from '../../components/fields';
import { formatDateTime } from '../../format/datetime';
import { useResource } from '../../hooks/useResource';
import { useSubmission } from '../../hooks/useSubmission';
import { useI18n, type Translate } from '../../i18n/i18n';
import { useSession } from '../../session';

const USER_FIELDS = ['login', 'display_name', 'role', 'units', 'citizen_id', 'password'];

function passwordProblem(t: Translate, password: string, login: string): string | undefined {
  if ([...password].length < 10) return t('users.password_short');
  if (password === login) return t('users.password_login');
  if (new Set(password).size === 1) return t('users.password_repeated');
  return undefined;
}

interface UserForm {
  login: string;
  display_name: string;
  role: Role;
  units: string;
  citizen_id: string;
  password: string;
}

const EMPTY_USER: UserForm = { login: '', display_name: '', role: 'receptionist', units: '', citizen_id: '', password: '' };

function unitList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((u) => u.trim())
    .filter(Boolean);
}

function userErrors(t: Translate, form: UserForm): Record<string, string> {
  const found: Record<string, string> = {};
  if (!/^[a-z0-9._-]{3,64}$/.test(form.login)) found['login'] = t('users.login_invalid');
  const units = unitList(form.units);
  if (form.role !== 'administrator' && form.role !== 'citizen') {
    const pattern = form.role === 'supervisor' ? /^\d{2}$/ : /^\d{5}$/;
    if (units.length === 0 || !units.every((u) => pattern.test(u))) {
      found['units'] = form.role === 'supervisor' ? t('users.units_province') : t('users.units_commune');
    }
  }
  if (form.role === 'citizen') {
    const problem = citizenIdMessage(t, form.citizen_id, true);
    if (problem) found['citizen_id'] = problem;
  }
  const password = passwordProblem(t, form.password, form.login);
  if (password) found['password'] = password;
  return found;
}

function NewUserForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState<UserForm>(EMPTY_USER);
  const [own, setOwn] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<string | null>(null);
  const submission = useSubmission<UserAccount>();
  const errors = errorsByField(own, useFieldFailure(submission.failure), USER_FIELDS);
  const set = (key: keyof UserForm) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  const submit = (event: Event) => {
    event.preventDefault();
    const found = userErrors(t, form);
    setOwn(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(event.currentTarget);
      return;
    }
    const body: NewUser = {
      login: form.login,
      password: form.password,
      role: form.role,
      units: form.role === 'administrator' || form.role === 'citizen' ? [] : unitList(form.units),
      display_name: form.display_name.trim(),
    };
    if (form.role === 'citizen') body.citizen_id = form.citizen_id.trim();
    submission.submit(
      (key) => createUser(body, key),
      (user) => {
        setCreated(user.login);
        setForm(EMPTY_USER);
        onCreated();
      },
    );
  };

  return (
    <form class="panel" onSubmit={submit} noValidate data-testid="user-create-form">
      <h3>{t('users.new')}</h3>
      {created && (
        <p class="notice notice--ok" role="status">
          {t('users.created', { login: created })}
        </p>
      )}
      <div class="grid-2">
        <TextField
          id="user-login"
          label={t('users.login')}
          value={form.login}
          onValue={set('login')}
          required
          autoComplete="off"
          error={errors['login']}
          testid="user-create-login"
        />
        <TextField
          id="user-name"
          label={t('users.display_name')}
          value={form.display_name}
          onValue={set('display_name')}
          error={errors['display_name']}
          testid="user-create-name"
        />
        <SelectField
          id="user-role"
          label={t('users.role')}
          value={form.role}
          onValue={set('role')}
          options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          required
          error={errors['role']}
          testid="user-create-role"
        />
        {form.role === 'citizen' ? (
          <TextField
            id="user-citizen-id"
            label={t('applicant.citizen_id')}
            value={form.citizen_id}
            onValue={set('citizen_id')}
            inputMode="numeric"
            maxLength={12}
            required
            error={errors['citizen_id']}
            testid="user-create-citizen-id"
          />
        ) : (
          form.role !== 'administrator' && (
            <TextField
              id="user-units"
              label={t('users.units')}
              hint={form.role === 'supervisor' ? t('users.units_province') : t('users.units_commune')}
              value={form.units}
              onValue={set('units')}
              required
              error={errors['units']}
              testid="user-create-units"
            />
          )
        )}
        <TextField
          id="user-password"
          label={t('users.password')}
          type="password"
          autoComplete="new-password"
          value={form.password}
          onValue={set('password')}
          required
          hint={t('users.password_rule')}
          error={errors['password']}
          testid="user-create-password"
        />
      </div>
      <FailureNotice failure={submission.failure} onRetry={submission.retry} fields={USER_FIELDS} />
      <button type="submit" class="button button--primary" disabled={submission.pending} data-testid="user-create-submit">
        {submission.pending ? t('common.sending') : t('users.create')}
      </button>
    </form>
  );
}

function PasswordForm({ user, onClose }: { user: UserAccount; onClose: () => void }) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [done, setDone] = useState(false);
  const submission = useSubmission<unknown>();
  const fieldFailure = useFieldFailure(submission.failure);
  if (done) {
    return (
      <p class="notice notice--ok" role="status">
        {t('users.password_done', { login: user.login })}{' '}
        <button type="button" class="button button--small button--secondary" onClick={onClose}>
          {t('common.close')}
        </button>
      </p>
    );
  }
  return (
    <form
      class="inline-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const found = passwordProblem(t, password, user.login);
        setProblem(found);
        if (!found)
          submission.submit(
            (key) => resetPassword(user.login, password, key),
            () => setDone(true),
          );
      }}
      data-testid="user-password-form"
    >
      <TextField
        id={`password-${user.login}`}
        label={t('users.new_password', { login: user.login })}
        type="password"
        autoComplete="new-password"
        value={password}
        onValue={setPassword}
        error={problem ?? fieldFailure('password')}
        testid="user-password-input"
      />
      <FailureNotice failure={submission.failure} onRetry={submission.retry} fields={['password']} />
      <button type="submit" class="button button--small" disabled={submission.pending} data-testid="user-password-submit">
        {t('users.set_password')}
      </button>
      <button type="button" class="button button--small button--secondary" onClick={onClose}>
        {t('common.close')}
      </button>
    </form>
  );
}

function UserRow({ user, self, onChanged }: { user: UserAccount; self: boolean; onChanged: () => void }) {
  const { t } = useI18n();
  const [passwordOpen, setPasswordOpen] = useState(false);
  const disable = useSubmission<unknown>();
  const enable = useSubmission<unknown>();
  const unlock = useSubmission<unknown>();
  const failure = disable.failure ?? enable.failure ?? unlock.failure;
  const retry = disable.failure ? disable.retry : enable.failure ? enable.retry : unlock.retry;
  return (
    <>
      <tr data-testid="user-row" data-login={user.login} class={user.disabled ? 'muted' : undefined}>
        <th scope="row" class="mono">
          {user.login}
        </th>
        <td>{user.display_name}</td>
        <td>{t(`role.${user.role}`)}</td>
        <td>{user.units.join(', ')}</td>
        <td data-testid="user-state">
          {user.disabled ? t('users.disabled') : t('users.active')}
          {user.locked && user.locked_until && (
            <div class="muted">{t('users.locked', { until: formatDateTime(user.locked_until) })}</div>
          )}
        </td>
        <td>
          <div class="button-row">
            {!user.disabled && !self && (
              <button
                type="button"
                class="button button--small button--danger-outline"
                disabled={disable.pending}
                onClick={() => {
                  if (window.confirm(t('users.disable_confirm', { login: user.login })))
                    disable.submit((key) => disableUser(user.login, key), onChanged);
                }}
                data-testid="user-disable"
              >
                {t('users.disable')}
              </button>
            )}
            {user.disabled && (
              <button
                type="button"
                class="button button--small button--secondary"
                disabled={enable.pending}
                onClick={() => enable.submit((key) => enableUser(user.login, key), onChanged)}
                data-testid="user-enable"
              >
                {t('users.enable')}
              </button>
            )}
            {user.locked && (
              <button
                type="button"
                class="button button--small button--secondary"
                disabled={unlock.pending}
                onClick={() => unlock.submit((key) => unlockUser(user.login, key), onChanged)}
                data-testid="user-unlock"
              >
                {t('users.unlock')}
              </button>
            )}
            <button
              type="button"
              class="button button--small button--secondary"
              onClick={() => setPasswordOpen(true)}
              data-testid="user-password"
            >
              {t('users.reset_password')}
            </button>
          </div>
        </td>
      </tr>
      {(passwordOpen || failure) && (
        <tr>
          <td colSpan={6}>
            <FailureNotice failure={failure} onRetry={retry} />
            {passwordOpen && <PasswordForm user={user} onClose={() => setPasswordOpen(false)} />}
          </td>
        </tr>
      )}
    </>
  );
}

export function UsersPanel() {
  const { t } = useI18n();
  const { account } = useSession();
  const users = useResource(() => fetchUsers(), []);
  return (
    <section>
      <section class="panel">
        <h2>{t('users.title')}</h2>
        {users.loading && !users.data && <Loading />}
        <FailureNotice failure={users.failure} onRetry={users.reload} testid="users-failure" />
        {users.data && (
          <div class="table-scroll">
            <table class="table" data-testid="users-table">
              <thead>
                <tr>
                  <th scope="col">{t('users.login')}</th>
                  <th scope="col">{t('users.display_name')}</th>
                  <th scope="col">{t('users.role')}</th>
                  <th scope="col">{t('users.units')}</th>
                  <th scope="col">{t('users.state')}</th>
                  <th scope="col">
                    <span class="visually-hidden">{t('dossier.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {users.data.map((u) => (
                  <UserRow key={u.login} user={u} self={u.login === account?.login} onChanged={users.reload} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <NewUserForm onCreated={users.reload} />
    </section>
  );
}
