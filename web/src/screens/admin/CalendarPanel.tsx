// The work calendar the administrator keeps: the year's days off and make-up working days, and a form to add
// a day off or a make-up working day (or replace the day with that date; nothing is deleted). A saved day counts
// in deadlines from the server's next request.
// Its texts are kept here, in both languages, with the panel.
import { useState } from 'preact/hooks';
import { fetchCalendarYear, saveCalendarDay, type CalendarDay, type CalendarDayKind, type NewCalendarDay } from '../../api/calendar';
import { FailureNotice, Loading, errorsByField, useFieldFailure } from '../../components/FailureNotice';
import { SelectField, TextField, focusFirstInvalid } from '../../components/fields';
import { useResource } from '../../hooks/useResource';
import { useSubmission } from '../../hooks/useSubmission';
import { useI18n, type Lang } from '../../i18n/i18n';

const TEXTS = {
  vi: {
    title: 'Lịch làm việc',
    effect_note: 'Ngày được lưu có hiệu lực ngay với các hồ sơ tiếp nhận hoặc cập nhật từ lúc đó; hạn đã hẹn trước không đổi.',
    hours: 'Giờ làm việc: thứ Hai–thứ Sáu, 07:30–11:30 và 13:00–17:00 (Asia/Ho_Chi_Minh, UTC+07:00).',
    year: 'Năm',
    date: 'Ngày',
    kind: 'Loại',
    name: 'Tên / ghi chú',
    source: 'Nguồn',
    source_reference: 'danh mục',
    source_admin: 'quản trị',
    none: 'Không có ngày nghỉ hay ngày làm bù nào trong năm này.',
    add: 'Thêm ngày nghỉ hoặc ngày làm bù',
    add_hint: 'Lưu một ngày đã có sẽ thay thế ngày đó; không xoá được ngày nào.',
    save: 'Lưu',
    saved: 'Đã lưu ngày {date}; có hiệu lực ngay.',
    required: 'Bắt buộc',
    date_invalid: 'Ngày theo dạng YYYY-MM-DD',
    weekend_only: 'Ngày làm bù phải là thứ Bảy hoặc Chủ nhật',
    weekday_only: 'Ngày nghỉ này phải là một ngày từ thứ Hai đến thứ Sáu',
    too_long: 'Tối đa 300 byte',
  },
  en: {
    title: 'Work calendar',
    effect_note: 'A saved day counts at once for dossiers received or updated from then on; appointments already given do not change.',
    hours: 'Working hours: Monday–Friday, 07:30–11:30 and 13:00–17:00 (Asia/Ho_Chi_Minh, UTC+07:00).',
    year: 'Year',
    date: 'Date',
    kind: 'Kind',
    name: 'Name / note',
    source: 'Source',
    source_reference: 'catalogue',
    source_admin: 'administrator',
    none: 'No days off or make-up working days this year.',
    add: 'Add a day off or a make-up working day',
    add_hint: 'Saving a date already listed replaces that day; no day can be deleted.',
    save: 'Save',
    saved: 'Saved {date}; it counts from now on.',
    required: 'Required',
    date_invalid: 'A date as YYYY-MM-DD',
    weekend_only: 'A make-up working day is a Saturday or Sunday',
    weekday_only: 'This day off must be a Monday to Friday',
    too_long: 'At most 300 bytes',
  },
} as const;

const KIND_LABELS: Record<Lang, Record<CalendarDayKind, string>> = {
  vi: {
    public_holiday: 'Ngày lễ',
    public_holiday_on_weekend: 'Ngày lễ trùng cuối tuần',
    compensatory_day_off: 'Nghỉ bù',
    swapped_day_off: 'Nghỉ hoán đổi',
    weekend_within_break: 'Cuối tuần trong kỳ nghỉ',
    makeup_working_day: 'Ngày làm bù',
    proposed_holiday: 'Đề xuất (chưa hiệu lực)',
  },
  en: {
    public_holiday: 'Public holiday',
    public_holiday_on_weekend: 'Public holiday on a weekend',
    compensatory_day_off: 'Compensatory day off',
    swapped_day_off: 'Swapped day off',
    weekend_within_break: 'Weekend within a break',
    makeup_working_day: 'Make-up working day',
    proposed_holiday: 'Proposed (not in force)',
  },
};

// What the form offers: a day off (three kinds) or a make-up working day.
const FORM_KINDS: CalendarDayKind[] = ['compensatory_day_off', 'swapped_day_off', 'public_holiday', 'makeup_working_day'];
const FIELDS = ['date', 'kind', 'name'];
const MAX_NAME_BYTES = 300;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function weekdayOf(date: string): number | null {
  if (!DATE_PATTERN.test(date)) return null;
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) return null;
  return parsed.getUTCDay();
}

function formErrors(texts: (typeof TEXTS)[Lang], form: NewCalendarDay): Record<string, string> {
  const found: Record<string, string> = {};
  const weekday = weekdayOf(form.date);
  if (!form.date) found['date'] = texts.required;
  else if (weekday === null) found['date'] = texts.date_invalid;
  else {
    const weekend = weekday === 0 || weekday === 6;
    if (form.kind === 'makeup_working_day' && !weekend) found['date'] = texts.weekend_only;
    if (form.kind !== 'makeup_working_day' && weekend) found['date'] = texts.weekday_only;
  }
  if (!form.name.trim()) found['name'] = texts.required;
  else if (new TextEncoder().encode(form.name).length > MAX_NAME_BYTES) found['name'] = texts.too_long;
  return found;
}

const THIS_YEAR = new Date().getFullYear();
const EMPTY: NewCalendarDay = { date: '', kind: 'compensatory_day_off', name: '' };

export function CalendarPanel() {
  const { lang } = useI18n();
  const texts = TEXTS[lang];
  const kinds = KIND_LABELS[lang];
  const [year, setYear] = useState(THIS_YEAR);
  const days = useResource(() => fetchCalendarYear(year), [year]);
  const [form, setForm] = useState<NewCalendarDay>(EMPTY);
  const [own, setOwn] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const submission = useSubmission<{ day: CalendarDay }>();
  const errors = errorsByField(own, useFieldFailure(submission.failure), FIELDS);

  const submit = (event: Event) => {
    event.preventDefault();
    const found = formErrors(texts, form);
    setOwn(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(event.currentTarget);
      return;
    }
    const body: NewCalendarDay = { date: form.date, kind: form.kind, name: form.name.trim() };
    submission.submit(
      (key) => saveCalendarDay(body, key),
      (answer) => {
        setSaved(answer.day.date);
        setForm(EMPTY);
        const savedYear = Number(answer.day.date.slice(0, 4));
        if (savedYear === year) days.reload();
        else setYear(savedYear);
      },
    );
  };

  return (
    <section>
      <section class="panel">
        <h2>{texts.title}</h2>
        <p class="notice notice--info" data-testid="calendar-effect-note">
          {texts.effect_note}
        </p>
        <p>{texts.hours}</p>
        <div class="grid-2">
          <SelectField
            id="calendar-year"
            label={texts.year}
            value={String(year)}
            onValue={(value) => setYear(Number(value))}
            options={[THIS_YEAR - 2, THIS_YEAR - 1, THIS_YEAR, THIS_YEAR + 1, THIS_YEAR + 2].map((y) => ({
              value: String(y),
              label: String(y),
            }))}
            testid="calendar-year"
          />
        </div>
        {days.loading && !days.data && <Loading />}
        <FailureNotice failure={days.failure} onRetry={days.reload} />
        {days.data && days.data.items.length === 0 && <p data-testid="calendar-empty">{texts.none}</p>}
        {days.data && days.data.items.length > 0 && (
          <div class="table-scroll">
            <table class="table" data-testid="calendar-table">
              <thead>
                <tr>
                  <th scope="col">{texts.date}</th>
                  <th scope="col">{texts.kind}</th>
                  <th scope="col">{texts.name}</th>
                  <th scope="col">{texts.source}</th>
                </tr>
              </thead>
              <tbody>
                {days.data.items.map((d) => (
                  <tr key={d.date} data-testid="calendar-row" data-date={d.date} data-source={d.source}>
                    <th scope="row" class="mono">
                      {d.date}
                    </th>
                    <td>{kinds[d.kind] ?? d.kind}</td>
                    <td>{d.name}</td>
                    <td>{d.source === 'admin' ? texts.source_admin : texts.source_reference}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <form class="panel" onSubmit={submit} noValidate data-testid="calendar-form">
        <h3>{texts.add}</h3>
        <p class="hint">{texts.add_hint}</p>
        {saved && (
          <p class="notice notice--ok" role="status" data-testid="calendar-saved">
            {texts.saved.replace('{date}', saved)}
          </p>
        )}
        <div class="grid-2">
          <TextField
            id="calendar-date"
            label={texts.date}
            type="date"
            value={form.date}
            onValue={(value) => setForm((f) => ({ ...f, date: value }))}
            required
            error={errors['date']}
            testid="calendar-date"
          />
          <SelectField
            id="calendar-kind"
            label={texts.kind}
            value={form.kind}
            onValue={(value) => setForm((f) => ({ ...f, kind: value as CalendarDayKind }))}
            options={FORM_KINDS.map((k) => ({ value: k, label: kinds[k] }))}
            required
            error={errors['kind']}
            testid="calendar-kind"
          />
        </div>
        <TextField
          id="calendar-name"
          label={texts.name}
          value={form.name}
          onValue={(value) => setForm((f) => ({ ...f, name: value }))}
          required
          maxBytes={MAX_NAME_BYTES}
          error={errors['name']}
          testid="calendar-name"
        />
        <FailureNotice failure={submission.failure} onRetry={submission.retry} fields={FIELDS} />
        <button type="submit" class="button button--primary" disabled={submission.pending} data-testid="calendar-submit">
          {texts.save}
        </button>
      </form>
    </section>
  );
}
