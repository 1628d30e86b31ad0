// The procedure's document list as a checklist: tick what the applicant handed in, with the number of
// originals and copies (the catalogue's numbers by default), and scan it: the file is uploaded when chosen and
// its id sent with the component, which records it as digitized. Only the documents are ticked: the notes of the
// list (the server's `kind: "note"`) are shown apart, under "Lưu ý", and never sent as received.
import { useRef } from 'preact/hooks';
import type { CatalogueComponent, Component, UploadedFile } from '../../api/types';
import { FileUpload, type UploadState } from '../../components/FileUpload';
import { ComponentNotes, documentsOf, groupComponents, notesOf } from '../../components/ProcedureDetails';
import { useI18n } from '../../i18n/i18n';

export interface ComponentTick {
  received: boolean;
  originals: number;
  copies: number;
  scan?: UploadedFile | null;
  upload?: UploadState;
}

export type Ticks = Record<number, ComponentTick>;

export function initialTicks(components: CatalogueComponent[]): Ticks {
  return Object.fromEntries(documentsOf(components).map((c) => [c.seq, { received: false, originals: c.originals, copies: c.copies }]));
}

// The components handed in, as the API takes them.
export function receivedComponents(components: CatalogueComponent[], ticks: Ticks): Component[] {
  return documentsOf(components).flatMap((c) => {
    const tick = ticks[c.seq];
    if (!tick?.received) return [];
    const component: Component = { seq: c.seq, name: c.document, originals: tick.originals, copies: tick.copies };
    if (tick.scan) component.file = tick.scan.id;
    return [component];
  });
}

// Whether a scan of a ticked component is still on its way (the dossier must wait for its id).
export function uploadsPending(ticks: Ticks): boolean {
  return Object.values(ticks).some((tick) => tick.received && tick.upload === 'pending');
}

function clampCount(text: string): number {
  const n = Math.trunc(Number(text));
  return Number.isFinite(n) ? Math.min(99, Math.max(0, n)) : 0;
}

export function ComponentsChecklist({
  components: all,
  ticks,
  onChange,
  error,
}: {
  components: CatalogueComponent[];
  ticks: Ticks;
  onChange: (ticks: Ticks) => void;
  error?: string | undefined;
}) {
  const { t } = useI18n();
  const components = documentsOf(all);
  // The latest ticks, for an upload that finishes after other changes were made.
  const latest = useRef(ticks);
  latest.current = ticks;
  const update = (seq: number, change: Partial<ComponentTick>) => {
    const all = latest.current;
    const current = all[seq] ?? { received: false, originals: 0, copies: 0 };
    latest.current = { ...all, [seq]: { ...current, ...change } };
    onChange(latest.current);
  };
  const allTicked = components.length > 0 && components.every((c) => ticks[c.seq]?.received);
  return (
    <fieldset class={error ? 'fieldset fieldset--invalid' : 'fieldset'} aria-describedby={error ? 'components-error' : undefined}>
      <legend>{t('component.title')}</legend>
      {components.length === 0 ? (
        <p class="muted">{t('procedure.no_components')}</p>
      ) : (
        <button
          type="button"
          class="button button--secondary button--small"
          onClick={() =>
            onChange(
              Object.fromEntries(
                components.map((c) => [c.seq, { ...(ticks[c.seq] ?? { originals: 0, copies: 0 }), received: !allTicked }]),
              ),
            )
          }
          data-testid="components-all"
        >
          {allTicked ? t('component.none') : t('component.all')}
        </button>
      )}
      {groupComponents(components).map(([group, items]) => (
        <div key={group} class="component-group">
          {group && <h4>{group}</h4>}
          <ul class="checklist">
            {items.map((c) => {
              const tick = ticks[c.seq] ?? { received: false, originals: 0, copies: 0 };
              const id = `component-${c.seq}`;
              return (
                <li
                  key={c.seq}
                  class={tick.received ? 'checklist__item checklist__item--on' : 'checklist__item'}
                  data-testid="component-row"
                  data-seq={c.seq}
                >
                  <input
                    type="checkbox"
                    id={id}
                    checked={tick.received}
                    onChange={(e) => update(c.seq, { received: e.currentTarget.checked })}
                    data-testid="component-received"
                  />
                  <label for={id} class="prewrap">
                    <span class="muted">{c.seq}. </span>
                    {c.document}
                  </label>
                  {tick.received && (
                    <div class="checklist__counts">
                      <label>
                        {t('component.originals')}
                        <input
                          type="number"
                          min={0}
                          max={99}
                          value={tick.originals}
                          onInput={(e) => update(c.seq, { originals: clampCount(e.currentTarget.value) })}
                          data-testid="component-originals"
                        />
                      </label>
                      <label>
                        {t('component.copies')}
                        <input
                          type="number"
                          min={0}
                          max={99}
                          value={tick.copies}
                          onInput={(e) => update(c.seq, { copies: clampCount(e.currentTarget.value) })}
                          data-testid="component-copies"
                        />
                      </label>
                      <FileUpload
                        id={`component-file-${c.seq}`}
                        label={t('component.scan', { n: c.seq })}
                        testid="component-file"
                        value={tick.scan ?? null}
                        onUploaded={(scan) => update(c.seq, { scan })}
                        onState={(upload) => update(c.seq, { upload })}
                      />
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      <ComponentNotes notes={notesOf(all)} testid="component-notes" />
      {error && (
        <p class="field__error" id="components-error" data-testid="components-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
