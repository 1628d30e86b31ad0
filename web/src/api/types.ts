// The shapes the motcua API answers with (src/http/openapi/openapi.json is the reference).
// Times are ISO 8601 strings in Viet Nam time with their offset; money is integer đồng.

export type Role = 'administrator' | 'supervisor' | 'director' | 'receptionist' | 'specialist' | 'leader' | 'citizen';

export const ROLES: readonly Role[] = ['administrator', 'supervisor', 'director', 'receptionist', 'specialist', 'leader', 'citizen'];

export interface Account {
  login: string;
  display_name: string;
  role: Role;
  role_label: string;
  units: string[];
  // The level of procedures this account's searches rank first (the server decides it from the units).
  search_level: PreferLevel | null;
}

export interface LoginAnswer {
  token: string;
  expires_at: string;
  account: Account;
}

export type DossierStatus =
  | 'submitted'
  | 'processing'
  | 'waiting_supplement'
  | 'result_ready'
  | 'returned'
  | 'refused'
  | 'withdrawn'
  | 'cancelled'
  | 'reception_refused';

export type Channel = 'direct' | 'online' | 'postal';
export type TimeUnit = 'working_day' | 'day' | 'working_hour' | 'hour' | 'month';
export type ReturnMethod = 'counter' | 'post' | 'online';
export type Timeliness = 'early' | 'on_time' | 'late';

export interface Applicant {
  name: string;
  citizen_id: string;
  phone: string;
  email: string;
  address: string;
  organisation: string;
}

export interface Component {
  seq: number;
  name: string;
  originals: number;
  copies: number;
  // Intake only: the id of an uploaded file (its scan, or the citizen's attachment).
  file?: string;
}

export interface ProcessingTime {
  amount: number;
  unit: TimeUnit;
}

export interface Dossier {
  code: string;
  status: DossierStatus;
  status_label: string;
  procedure_code: string;
  channel: Channel;
  applicant: Applicant;
  components: Component[];
  receiving_unit: string;
  receiving_point: string;
  competent_agency: string;
  competent_unit: string;
  transfers: string[];
  processing_time: ProcessingTime;
  submitted_at: string | null;
  received_at: string | null;
  clock_started_at: string | null;
  original_due_at: string | null;
  due_at: string | null;
  statutory_due_at: string | null;
  suspended_at: string | null;
  supplement_requests: number;
  extensions: number;
  completed_at: string | null;
  returned_at: string | null;
  return_method: ReturnMethod | null;
  closing_reason: string;
  result: string;
  current_step: string;
  assignee: string;
  fees: { assessed_vnd: number; paid_vnd: number; paid_online_vnd: number };
  digitized_components: number;
  result_digitized: boolean;
  evaluation: number | null;
  last_seq: number;
}

export type EventType =
  | 'submitted'
  | 'received'
  | 'reception_refused'
  | 'step_assigned'
  | 'step_completed'
  | 'transferred'
  | 'supplement_requested'
  | 'supplemented'
  | 'extended'
  | 'refused'
  | 'withdrawn'
  | 'cancelled'
  | 'result_approved'
  | 'result_returned'
  | 'fee_assessed'
  | 'fee_paid'
  | 'digitized'
  | 'evaluated';

export interface DossierEvent {
  dossier_code: string;
  seq: number;
  type: EventType;
  actor: { user: string; role: string; unit: string };
  occurred_at: string;
  recorded_at: string;
  imported: boolean;
  imported_by?: string;
  // The fields of the type (docs/events-jsonl.md): strings, numbers, components, lists of strings.
  payload: Record<string, unknown>;
}

// Where a dossier stands against its time, as the server and the periodic report judge it
// (src/domain/dossier_standing.h), and how soon a dossier in processing must be done.
export type Standing = 'not_started' | 'within_deadline' | 'paused' | 'overdue' | 'early' | 'on_time' | 'late';
export type Urgency = 'none' | 'overdue' | 'due_today' | 'due_soon' | 'later';

export interface DossierView {
  dossier: Dossier;
  procedure_name: string;
  standing: Standing;
  urgency: Urgency;
  overdue: boolean;
  timeliness: Timeliness | null;
  // The six digits printed on the slip beside the code, for public tracking.
  receipt_pin: string;
  // What this account may do now (the server's rules; the action's path segment, e.g. 'request-supplement').
  allowed_actions: string[];
  // The printed forms the dossier has now (the server decides, from its history).
  forms: FormKind[];
  // Whether this account may sign the result now (a leader who may approve it, a result file attached).
  may_sign_result: boolean;
  history: DossierEvent[];
}

export type FormKind =
  | 'receipt'
  | 'supplement-request'
  | 'refusal'
  | 'apology'
  | 'stop-notice'
  | 'control-sheet'
  | 'result-cover';

export interface DossierSummary {
  code: string;
  status: DossierStatus;
  status_label: string;
  procedure_code: string;
  channel: Channel;
  receiving_unit: string;
  receiving_point: string;
  competent_agency: string;
  competent_unit: string;
  applicant_name: string;
  applicant_citizen_id: string;
  current_step: string;
  assignee: string;
  submitted_at: string | null;
  received_at: string | null;
  due_at: string | null;
  statutory_due_at: string | null;
  completed_at: string | null;
  standing: Standing;
  urgency: Urgency;
  overdue: boolean;
  updated_at: string;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

// Public tracking: the status for anyone with the code; the rest (details) with the receipt PIN too.
export interface TrackingDetails {
  procedure: { code: string; name: string };
  received_at: string | null;
  due_at: string | null;
  completed_at: string | null;
  returned_at: string | null;
  standing: Standing;
  overdue: boolean;
  timeliness: Timeliness | null;
  // A result file is attached: the receipt holder may download it (GET /api/v1/track/{code}/result).
  electronic_result: boolean;
}

export interface Tracking {
  code: string;
  status: DossierStatus;
  status_label: string;
  details: TrackingDetails | null;
}

export interface ProcedureHit {
  code: string;
  name: string;
  field: string;
  levels: string[];
  score: number;
  // Found through a level that no longer exists (the district level, abolished in 2025).
  abolished_level: boolean;
}

// The level of administration whose procedures a search or a question ranks first.
export type PreferLevel = 'commune' | 'province';

// What a question asks about a procedure, as the server reads it.
export type QuestionIntent = 'overview' | 'fee' | 'documents' | 'time' | 'where' | 'steps' | 'conditions' | 'online';

// A phrase of the question the server read as another ("sổ đỏ" → "giấy chứng nhận quyền sử dụng đất").
export interface UnderstoodPhrase {
  phrase: string;
  expansion: string;
}

// GET /api/v1/procedures?q=: the matches, or — when the server is not confident — none, a few weak suggestions
// and a message saying so.
export interface ProcedureMatches {
  items: ProcedureHit[];
  confident: boolean;
  confidence: number;
  intent: QuestionIntent;
  understood: UnderstoodPhrase[];
  ignored_words: string[];
  suggestions?: ProcedureHit[];
  message?: string;
  message_en?: string;
}

export interface ProcedureChannel {
  channel: Channel;
  time_text: string;
  time_value: number | null;
  time_unit: TimeUnit | null;
  fee_free: boolean;
  first_fee_vnd: number | null;
  fee_text: string;
  // The amounts the fee text names, and whether the channel is flagged free while its text names an amount.
  fee_amounts_vnd: number[];
  fee_contradiction: boolean;
}

export interface CatalogueComponent {
  seq: number;
  case_group: string;
  document: string;
  originals: number;
  copies: number;
  // A document to hand in, or a note of the catalogue's list ("Lưu ý: …"), which is read, not handed in.
  kind: 'document' | 'note';
}

export interface Procedure {
  code: string;
  name: string;
  ministry: string;
  field: string;
  levels: string[];
  procedure_type: string;
  decision: string;
  implementing_agency: string;
  competent_agency: string;
  target_groups: string[];
  source_url: string;
  channels: ProcedureChannel[];
  components: CatalogueComponent[];
  // The province's own settings (null when none): their time for a channel wins over the catalogue's.
  settings?: ProcedureSettings | null;
}

export interface Agency {
  id: string;
  name: string;
  unit: string;
}

export interface ReceivingPoint {
  id: string;
  name: string;
  unit: string;
  agency_id: string;
  address: string;
}

export interface ReportRates {
  rate_early_or_on_time: number | null;
  rate_online: number | null;
  rate_paid_online: number | null;
  rate_digitized: number | null;
  rate_boundaryless: number | null;
  average_score: number | null;
}

// One integer per column of form II.06a and its extras (ReportColumn ids), and the rates. null in a row split
// by official for the columns read from the open and overdue balances, which are not kept per official.
export type ReportFigures = Record<string, number | null> & { rates: ReportRates };

export interface ReportColumn {
  id: string;
  number: string;
  label: string;
  label_en: string;
}

export interface IndexIndicator {
  id: string;
  identifier: string;
  label: string;
  max_points: number;
  measured: boolean;
  rate: number | null;
  points: number | null;
}

export interface IndexGroup {
  identifier: string;
  label: string;
  max_points: number;
  measured_max: number;
  points: number;
  indicators: IndexIndicator[];
}

export interface ServiceIndex {
  points: number;
  measured_max: number;
  groups: IndexGroup[];
}

export interface ReportRow {
  key: string;
  label: string;
  figures: ReportFigures;
}

export interface PeriodicReport {
  scope: string;
  side: 'receiving' | 'competent';
  from: string;
  to: string;
  in_progress_counted_at_end_of: string;
  columns: ReportColumn[];
  rows: ReportRow[];
  total: ReportFigures;
  index_766: ServiceIndex;
}

export interface RankedUnit {
  rank: number | null;
  unit: string;
  name: string;
  points: number;
  measured_max: number;
  figures: ReportFigures;
}

// The users API (GET/POST /api/v1/users): an account as the administrator sees it.
// An account as the administrator sees it (GET /api/v1/users): "locked" while failed logins keep it out.
export interface UserAccount extends Omit<Account, 'search_level'> {
  disabled?: boolean;
  locked?: boolean;
  locked_until?: string | null;
  citizen_id?: string;
}

// POST /api/v1/files: a stored document file.
export interface UploadedFile {
  id: string;
  size: number;
  media_type: 'application/pdf' | 'image/jpeg' | 'image/png';
  name: string;
  uploaded_at: string;
}

// GET /api/v1/dossiers/{code}/files: a file the history attaches (a digitized event).
export interface DossierFile {
  component_seq: number;
  file: string;
  attached_by: string;
  attached_at: string;
  stored: boolean;
  name?: string;
  size?: number;
  media_type?: string;
}

// The province's settings of a procedure (PUT /api/v1/procedures/{code}/settings).
export interface ChannelTime {
  channel: Channel;
  amount: number;
  unit: TimeUnit;
}

export interface WorkflowStep {
  name: string;
  role: 'receptionist' | 'specialist' | 'leader';
  share_percent: number;
}

export interface ProcedureSettings {
  processing_times: ChannelTime[];
  steps: WorkflowStep[];
  boundaryless: boolean | null;
  updated_by?: string;
  updated_at?: string;
}

// GET/POST /api/v1/search/synonyms (administrator): a phrase the province's people use (the phrase) and the
// catalogue's wording it stands for (the expansion), used by every search while active. Never deleted: retired.
export interface Synonym {
  id: number;
  phrase: string;
  expansion: string;
  added_by: string;
  added_at: string;
  retired_by: string | null;
  retired_at: string | null;
  active: boolean;
}

export interface NewSynonym {
  phrase: string;
  expansion: string;
}

// GET /api/v1/catalogue/fee-contradictions: a channel the national catalogue flags free ("Miễn phí") while its
// fee text names amounts, as the server found them; one item per channel, in code order.
export interface FeeContradiction {
  code: string;
  name: string;
  channel: Channel;
  // What the law published: always shown to the counter and the citizen.
  fee_text: string;
  // The amounts the text names, in order.
  fee_amounts_vnd: number[];
}

// GET /api/v1/assistant: the answer to a question about a procedure, taken from the catalogue, each section
// citing where it comes from; or, when the server abstains, a message and suggestions.
export interface AnswerSection {
  topic: QuestionIntent;
  title: string;
  title_en: string;
  lines: string[];
  source: string;
  // The catalogue has no such field for the procedure: the lines say so.
  missing: boolean;
}

export interface AssistantAnswer {
  code: string;
  name: string;
  text: string;
  text_en: string;
  sections: AnswerSection[];
  notes: string[];
  source_url: string;
}

export interface AssistantReply {
  question: string;
  answered: boolean;
  confidence: number;
  intent: QuestionIntent;
  intent_label: string;
  intent_label_en: string;
  intent_stated: boolean;
  answer: AssistantAnswer | null;
  // The province's language model's wording of the same answer, when it has one.
  rephrased: string | null;
  message: string | null;
  message_en: string | null;
  hits: ProcedureHit[];
  // When the server abstains: weak matches, offered as suggestions.
  suggestions?: ProcedureHit[];
  understood: UnderstoodPhrase[];
  ignored_words: string[];
}
