-- The dossier a keyed request wrote (Store::SetRequestKey), marked in the transaction of that write: when the
-- process dies between the write and storing the answer, a retry with the same key finds the dossier instead of
-- waiting for an answer that will never come (and never creates a second dossier). Keys claimed without an
-- answer and without a dossier are forgotten at start-up (Store::SettleIdempotencyKeys).
ALTER TABLE idempotency_keys ADD COLUMN dossier_code TEXT;
