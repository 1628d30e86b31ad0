// The actions on a dossier (POST /api/v1/dossiers/{code}/{action}) and the small form each one needs. Which of
// them the account may take now is the server's answer (GET /api/v1/dossiers/{code}: "allowed_actions", from its
// access rules and state machine); nothing here repeats those rules.
import type { DossierAction } from '../../api/dossiers';
import type { Account, Agency, Dossier } from '../../api/types';
import type { Option } from '../../components/fields';
import { localInputToIso } from '../../format/datetime';
import { LONG_TEXT_BYTES, SHORT_TEXT_BYTES } from '../../format/text';
import type { Translate } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/vi';

export interface ActionContext {
  dossier: Dossier;
  account: Account;
  agencies: Agency[];
  // The server's "allowed_actions" for this account and dossier.
  allowed: readonly string[];
}

// 'file': a file picker that uploads at once; the value is the uploaded file's id.
export type FieldKind = 'text' | 'textarea' | 'lines' | 'select' | 'money' | 'decimal' | 'datetime' | 'stars' | 'file';

export interface ActionField {
  // The body's field ("reason"), which is also what the server names in its errors.
  name: string;
  kind: FieldKind;
  label: MessageKey;
  required?: boolean;
  hint?: MessageKey;
  options?: (context: ActionContext, t: Translate) => Option[];
  initial?: (context: ActionContext) => string;
  // The server's names for this field when they differ from `name` ("processing_time").
  serverNames?: string[];
  // The API's limit in UTF-8 bytes, when not that of its kind (text 300, textarea 2000).
  maxBytes?: number;
}

// The API's limit of a field in UTF-8 bytes (see src/http/dossier_requests.h); undefined when none is checked
// here (the lines of "missing" are checked one by one by the server).
export function maxBytesOf(field: ActionField): number | undefined {
  if (field.maxBytes !== undefined) return field.maxBytes;
  if (field.kind === 'text') return SHORT_TEXT_BYTES;
  if (field.kind === 'textarea') return LONG_TEXT_BYTES;
  return undefined;
}

export type Values = Record<string, string>;

export interface ActionSpec {
  action: DossierAction;
  label: MessageKey;
  fields: ActionField[];
  danger?: boolean;
  // The body, when it is not simply the fields.
  body?: (values: Values) => Record<string, unknown>;
}


const reason: ActionField = { name: 'reason', kind: 'textarea', label: 'field.reason', required: true };
const note: ActionField = { name: 'note', kind: 'textarea', label: 'field.note' };

const TIME_UNITS = ['working_day', 'day', 'working_hour', 'month'] as const;
const RETURN_METHODS = ['counter', 'post', 'online'] as const;
const PAYMENT_METHODS = ['counter', 'online'] as const;

// The documents of the dossier, and the result once there is one (component_seq -1).
function digitizeOptions(context: ActionContext, t: Translate): Option[] {
  const documents = context.dossier.components.map((c) => ({
    value: String(c.seq),
    label: `${c.seq}. ${c.name.length > 80 ? `${c.name.slice(0, 80)}…` : c.name}`,
  }));
  return context.dossier.result ? [...documents, { value: '-1', label: t('field.the_result') }] : documents;
}

function agencyOptions(context: ActionContext): Option[] {
  return context.agencies
    .filter((a) => a.id !== context.dossier.competent_agency)
    .map((a) => ({ value: a.id, label: `${a.name} (${a.id})` }));
}

const ACTIONS: ActionSpec[] = [
  {
    action: 'accept',
    label: 'action.accept',
    fields: [
      { name: 'time_amount', kind: 'decimal', label: 'time.amount', hint: 'time.accept_hint', serverNames: ['processing_time'] },
      {
        name: 'time_unit',
        kind: 'select',
        label: 'time.unit',
        initial: () => 'working_day',
        options: (_, t) => TIME_UNITS.map((u) => ({ value: u, label: t(`unit.${u}`) })),
      },
    ],
    body: (v) => (v['time_amount'] ? { processing_time: { amount: Number(v['time_amount']), unit: v['time_unit'] } } : {}),
  },
  {
    action: 'assign',
    label: 'action.assign',
    fields: [
      { name: 'step', kind: 'text', label: 'field.step', required: true, initial: (c) => c.dossier.current_step },
      { name: 'assignee', kind: 'text', label: 'field.assignee', required: true, hint: 'field.assignee_hint' },
    ],
  },
  {
    action: 'complete-step',
    label: 'action.complete-step',
    fields: [{ name: 'step', kind: 'text', label: 'field.step', required: true, initial: (c) => c.dossier.current_step }, note],
  },
  {
    action: 'approve',
    label: 'action.approve',
    fields: [
      { name: 'result', kind: 'textarea', label: 'field.result', required: true, hint: 'field.result_hint' },
      { name: 'signer', kind: 'text', label: 'field.signer', initial: (c) => c.account.display_name },
    ],
  },
  {
    action: 'return',
    label: 'action.return',
    fields: [
      {
        name: 'method',
        kind: 'select',
        label: 'field.method',
        required: true,
        initial: () => 'counter',
        options: (_, t) => RETURN_METHODS.map((m) => ({ value: m, label: t(`return.${m}`) })),
      },
      note,
    ],
  },
  {
    action: 'request-supplement',
    label: 'action.request-supplement',
    fields: [reason, { name: 'missing', kind: 'lines', label: 'field.missing', hint: 'field.missing_hint' }],
  },
  {
    action: 'supplement',
    label: 'action.supplement',
    fields: [],
  },
  {
    action: 'extend',
    label: 'action.extend',
    // The server refuses a date not after the current appointment, naming new_due_at.
    fields: [reason, { name: 'new_due_at', kind: 'datetime', label: 'field.new_due_at', required: true }],
  },
  {
    action: 'transfer',
    label: 'action.transfer',
    fields: [{ name: 'to_agency', kind: 'select', label: 'field.to_agency', required: true, options: agencyOptions }, reason],
  },
  {
    action: 'fees',
    label: 'action.fees',
    fields: [
      { name: 'amount', kind: 'money', label: 'field.amount', required: true },
      { name: 'description', kind: 'text', label: 'field.description', required: true, maxBytes: LONG_TEXT_BYTES },
    ],
  },
  {
    action: 'payments',
    label: 'action.payments',
    fields: [
      {
        name: 'amount',
        kind: 'money',
        label: 'field.amount',
        required: true,
        initial: (c) => String(c.dossier.fees.assessed_vnd - c.dossier.fees.paid_vnd),
      },
      {
        name: 'method',
        kind: 'select',
        label: 'field.method',
        required: true,
        initial: (c) => (c.account.role === 'citizen' ? 'online' : 'counter'),
        // A citizen pays online only.
        options: (c, t) =>
          (c.account.role === 'citizen' ? PAYMENT_METHODS.slice(1) : PAYMENT_METHODS).map((m) => ({ value: m, label: t(`payment.${m}`) })),
      },
      { name: 'reference', kind: 'text', label: 'field.reference' },
    ],
  },
  {
    action: 'digitize',
    label: 'action.digitize',
    fields: [
      { name: 'component_seq', kind: 'select', label: 'field.component_seq', required: true, options: digitizeOptions },
      { name: 'file', kind: 'file', label: 'field.file', required: true, hint: 'field.file_hint' },
    ],
    body: (v) => ({ component_seq: Number(v['component_seq']), file: v['file'] ?? '' }),
  },
  {
    action: 'evaluate',
    label: 'action.evaluate',
    fields: [
      { name: 'score', kind: 'stars', label: 'field.score', required: true },
      { name: 'comment', kind: 'textarea', label: 'field.comment' },
    ],
  },
  {
    action: 'refuse-reception',
    label: 'action.refuse-reception',
    fields: [reason],
    danger: true,
  },
  {
    action: 'refuse',
    label: 'action.refuse',
    fields: [reason],
    danger: true,
  },
  {
    action: 'withdraw',
    label: 'action.withdraw',
    fields: [reason],
    danger: true,
  },
  {
    action: 'cancel',
    label: 'action.cancel',
    fields: [reason],
    danger: true,
  },
];

// The forms of the actions the server allows, in this file's order.
export function availableActions(allowed: readonly string[]): ActionSpec[] {
  return ACTIONS.filter((spec) => allowed.includes(spec.action));
}

// The body from the form's values: texts trimmed and left out when blank, lists one item per line, money as
// integer đồng, times as ISO with the Viet Nam offset, the score as a number.
export function bodyOf(spec: ActionSpec, values: Values): Record<string, unknown> {
  if (spec.body) return spec.body(values);
  const body: Record<string, unknown> = {};
  for (const field of spec.fields) {
    const raw = (values[field.name] ?? '').trim();
    if (!raw) continue;
    switch (field.kind) {
      case 'lines': {
        const items = raw
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean);
        if (items.length > 0) body[field.name] = items;
        break;
      }
      case 'money':
        body[field.name] = Number(raw.replace(/[.\s,]/g, ''));
        break;
      case 'decimal':
      case 'stars':
        body[field.name] = Number(raw.replace(',', '.'));
        break;
      case 'datetime':
        body[field.name] = localInputToIso(raw);
        break;
      case 'text':
      case 'textarea':
      case 'select':
      case 'file':
        body[field.name] = raw;
        break;
    }
  }
  return body;
}

// The problems of the values: required fields, numbers, then the action's own check.
export function checkValues(spec: ActionSpec, values: Values): Record<string, MessageKey> {
  const problems: Record<string, MessageKey> = {};
  for (const field of spec.fields) {
    const raw = (values[field.name] ?? '').trim();
    if (!raw) {
      if (field.required) problems[field.name] = field.kind === 'stars' ? 'rating.required' : 'common.required';
      continue;
    }
    if (field.kind === 'money' && !/^[1-9]\d{0,12}$/.test(raw.replace(/[.\s,]/g, ''))) problems[field.name] = 'field.money_invalid';
    if (field.kind === 'decimal') {
      const n = Number(raw.replace(',', '.'));
      if (!Number.isFinite(n) || n <= 0 || n > 3650) problems[field.name] = 'time.invalid';
    }
  }
  return problems;
}
