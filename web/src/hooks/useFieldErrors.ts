// The errors shown beside a form's fields: the form's own checks (set on submit) and the server's refusal
// naming a field. A field's error goes as soon as its value changes (`edited`), not at the next submit; the
// checks made as the value is typed (citizen ID, length) are the field's own.
import { useState } from 'preact/hooks';
import type { RequestFailure } from '../api/client';
import { useFieldFailure } from '../components/FailureNotice';

export interface FieldErrors {
  // The form's own problems, by field name (replaced on each submit).
  setOwn: (found: Record<string, string>) => void;
  // The error to show beside `name`: the form's own, else the server's (unless edited since).
  error: (name: string) => string | undefined;
  // The server's error about `name`, unless edited since.
  server: (name: string) => string | undefined;
  // The value of these fields changed: their errors go.
  edited: (...names: string[]) => void;
}

export function useFieldErrors(failure: RequestFailure | null): FieldErrors {
  const fieldFailure = useFieldFailure(failure);
  const [own, setOwn] = useState<Record<string, string>>({});
  // The fields edited since `failure` came (a new failure shows all its errors again).
  const [edited, setEdited] = useState<{ failure: RequestFailure | null; names: string[] }>({ failure: null, names: [] });
  const editedNames = edited.failure === failure ? edited.names : [];
  const server = (name: string) => (editedNames.includes(name) ? undefined : fieldFailure(name));
  return {
    setOwn,
    error: (name) => own[name] ?? server(name),
    server,
    edited: (...names) => {
      if (names.length === 0) return;
      setOwn((current) => {
        if (!names.some((n) => n in current)) return current;
        const next = { ...current };
        for (const n of names) delete next[n];
        return next;
      });
      setEdited((current) => ({ failure, names: [...(current.failure === failure ? current.names : []), ...names] }));
    },
  };
}
