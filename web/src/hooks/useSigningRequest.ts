// A dossier's remote signing request (src/http/signing_api.h), followed until it ends. When `enabled`, the
// dossier's last request is looked up first (GET …/signing-requests) and followed if it is still open, so that a
// leader who reloads the page sees it again; `follow` takes a new one (the 202 of sign-result).
//
// While the request is pending or settling, GET /api/v1/signing/requests/{id} is asked again SIGNING_POLL_MS
// after each answer: one request at a time, never overlapping. A lost answer or a 5xx is asked again at the same
// pace; a refusal (4xx) stops following. Once the request is signed, `onSigned` is called. Unmounting stops it
// all. States and expiry are the server's: nothing here reads the clock.
import { useEffect, useRef, useState } from 'preact/hooks';
import { isRequestFailure, type RequestFailure } from '../api/client';
import {
  fetchDossierSigningRequests,
  fetchSigningRequest,
  isOpenSigningRequest,
  type SigningRequest,
} from '../api/signing';

export const SIGNING_POLL_MS = 3_000;

export interface FollowedSigningRequest {
  // The request followed, as the server last answered it; null until there is one.
  request: SigningRequest | null;
  // The last failed look-up or poll, until the next answer.
  failure: RequestFailure | null;
  // Set when nothing will be asked again by itself: the look-up failed, or a poll was refused.
  retry: (() => void) | undefined;
  follow: (request: SigningRequest) => void;
  // Looks the dossier's last request up again and follows it if it is open.
  lookUp: () => void;
}

export function useSigningRequest(code: string, enabled: boolean, onSigned: () => void): FollowedSigningRequest {
  const [request, setRequest] = useState<SigningRequest | null>(null);
  const [failed, setFailed] = useState<{ failure: RequestFailure; retry: (() => void) | undefined } | null>(null);
  // Bumped by each new thing to follow and at unmount: the answers and timers of an older one are dropped.
  const generation = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const signed = useRef(onSigned);
  signed.current = onSigned;

  const restart = (): number => {
    clearTimeout(timer.current);
    return ++generation.current;
  };

  const later = (call: number, id: number) => {
    timer.current = setTimeout(() => poll(call, id), SIGNING_POLL_MS);
  };

  const show = (call: number, answer: SigningRequest) => {
    setRequest(answer);
    setFailed(null);
    if (isOpenSigningRequest(answer)) later(call, answer.id);
    else if (answer.state === 'signed') signed.current();
  };

  const poll = (call: number, id: number) => {
    fetchSigningRequest(id).then(
      (answer) => {
        if (call === generation.current) show(call, answer);
      },
      (error: unknown) => {
        if (call !== generation.current) return;
        if (!isRequestFailure(error)) throw error;
        if (error.retryable) {
          setFailed({ failure: error, retry: undefined });
          later(call, id);
        } else {
          setFailed({ failure: error, retry: () => poll(restart(), id) });
        }
      },
    );
  };

  const lookUp = () => {
    const call = restart();
    setFailed(null);
    fetchDossierSigningRequests(code).then(
      (items) => {
        if (call !== generation.current) return;
        const last = items[items.length - 1];
        if (last && isOpenSigningRequest(last)) show(call, last);
      },
      (error: unknown) => {
        if (call !== generation.current) return;
        if (!isRequestFailure(error)) throw error;
        setFailed({ failure: error, retry: lookUp });
      },
    );
  };

  useEffect(() => {
    if (enabled) lookUp();
  }, [code, enabled]);
  useEffect(() => () => void restart(), []);

  return {
    request,
    failure: failed?.failure ?? null,
    retry: failed?.retry,
    follow: (answer) => show(restart(), answer),
    lookUp,
  };
}
