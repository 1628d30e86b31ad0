#!/usr/bin/env python3
"""Validate the search lexicon: synonyms.csv, fillers.csv, intent_cues.csv, name_qualifiers.csv, shorthand.csv.

Python 3 standard library only. Usage:

    python3 check_search_data.py [--dir DIR] [--catalogue PROCEDURES_CSV] [-v]

--dir        folder holding synonyms.csv, fillers.csv and intent_cues.csv (default: the folder of this
             script). A province validates its own copy, with its rows added, the same way.
--catalogue  procedures.csv of the catalogue (default: ../procedures/procedures.csv)
-v           print every warning, not only how many there are

Exit status 0 when every rule holds, 1 otherwise. Warnings never fail the run: they list rows a person
should look at (README.md, "Checks").

Words are cut and folded as the search cuts and folds them (src/domain/text_folding.h): a word is a run of
letters and digits (a '.' between two digits stays inside it); the marked form is the word in lower case
with its tone marks, NFC; the folded form drops every mark, đ -> d. A word typed without any mark matches a
lexicon word by its folded form, a word typed with marks only by its marked form (search_lexicon.h).
"""
import argparse
import csv
import os
import sys
import unicodedata
from collections import Counter, defaultdict

SYN_HEADER = ["phrase", "expansion", "kind", "source"]
FIL_HEADER = ["phrase", "source", "scope"]
INT_HEADER = ["phrase", "intent", "weight"]
QUAL_HEADER = ["phrase", "kind", "source"]
SHORT_HEADER = ["typed", "meant", "source"]
QUALIFIER_KINDS = {"default", "marked"}
KINDS = {"colloquial", "regional", "abbreviation", "old_term", "legal_term"}
SCOPES = {"always", "phrase_only"}
INTENTS = {"fee", "documents", "time", "where", "steps", "conditions", "online"}
MIN_CUES_PER_INTENT = 15
PHRASE_PUNCTUATION = set(" -/")  # besides letters and digits, a phrase may hold only these


# ---- words, as src/domain/text_folding.cc makes them ---------------------------------------------------

def _is_word_char(ch):
    return unicodedata.category(ch)[0] in "LN"


def _split_words(text):
    words, word = [], ""
    for i, ch in enumerate(text):
        if _is_word_char(ch) or (ch == "." and word and word[-1].isdigit() and i + 1 < len(text)
                                 and text[i + 1].isdigit()):
            word += ch
        elif word:
            words.append(word)
            word = ""
    if word:
        words.append(word)
    return words


def fold(text):
    text = unicodedata.normalize("NFKD", text).replace("đ", "d").replace("Đ", "d")
    text = "".join(c for c in text if unicodedata.category(c)[0] != "M")
    return unicodedata.normalize("NFC", text.casefold())


def marked(text):
    return unicodedata.normalize("NFC", unicodedata.normalize("NFKC", text).casefold())


class Word:
    __slots__ = ("marked", "folded")

    def __init__(self, m):
        self.marked = m
        self.folded = fold(m)

    def has_marks(self):
        return self.marked != self.folded


def words_of(text):
    return [Word(w) for w in _split_words(marked(text))]


def word_matches(typed, entry):
    """search_lexicon.cc WordMatches: same marked word, or typed without marks and same folded word."""
    return typed.marked == entry.marked or (not typed.has_marks() and typed.folded == entry.folded)


# ---- the first stage of search, as src/domain/query_analysis.cc does it ---------------------------------

class Analyzer:
    def __init__(self, names, fillers, cues, function_words=()):
        self.function_words = list(function_words)  # [Word]: one-word fillers dropped always
        self.pairs_marked, self.pairs_folded = set(), set()
        for name in names:
            for a, b in zip(name, name[1:]):
                self.pairs_marked.add((a.marked, b.marked))
                self.pairs_folded.add((a.folded, b.folded))
        self.fillers = fillers  # [(phrase, [Word])]
        self.cues = cues

    def is_name_pair(self, a, b):
        if a.has_marks() and b.has_marks():
            return (a.marked, b.marked) in self.pairs_marked
        return (a.folded, b.folded) in self.pairs_folded

    def _is_function_word(self, word):
        """query_analysis.cc IsFunctionWord: a one-word `always` filler typed with its marks."""
        return word.has_marks() and any(word.marked == f.marked for f in self.function_words)

    def _topic_words(self, words, begin, end):
        """query_analysis.cc TopicWordsOf: the words of a phrase that chain to a name pair at its edge."""
        topic = [False] * (end - begin)
        if begin > 0 and self.is_name_pair(words[begin - 1], words[begin]) \
                and not self._is_function_word(words[begin]):
            topic[0] = True
            i = begin + 1
            while i < end and self.is_name_pair(words[i - 1], words[i]):
                topic[i - begin] = True
                i += 1
        if end < len(words) and self.is_name_pair(words[end - 1], words[end]):
            topic[end - 1 - begin] = True
            i = end - 1
            while i > begin and self.is_name_pair(words[i - 1], words[i]):
                topic[i - 1 - begin] = True
                i -= 1
        return topic

    @staticmethod
    def _longest_at(entries, words, taken, at):
        best = None
        for phrase, ws in entries:
            n = len(ws)
            if best is not None and n <= len(best[1]):
                continue
            if at + n > len(words) or any(taken[at + i] for i in range(n)):
                continue
            if all(word_matches(words[at + i], ws[i]) for i in range(n)):
                best = (phrase, ws)
        return best

    def dropped(self, words):
        """Which words the search drops (cue and filler phrases), and by which entry."""
        dropped = [False] * len(words)
        why = [None] * len(words)
        for entries, kind, first in ((self.cues, "intent cue", True), (self.fillers, "filler", False)):
            seen = list(dropped)
            at = 0
            while at < len(words):
                hit = self._longest_at(entries, words, seen, at)
                if hit is None:
                    at += 1
                    continue
                end = at + len(hit[1])
                topic = self._topic_words(words, at, end)
                for i in range(at, end):
                    if not topic[i - at]:
                        dropped[i] = True
                        why[i] = f"{kind} {hit[0]!r}"
                for i in range(at, end):
                    seen[i] = True
                at = end
        return dropped, why


# ---- files ----------------------------------------------------------------------------------------------

class Report:
    def __init__(self):
        self.errors = []
        self.warnings = defaultdict(list)

    def error(self, where, msg):
        self.errors.append(f"{where}: {msg}")

    def warn(self, topic, msg):
        self.warnings[topic].append(msg)


def read_table(path, header, rep):
    """Rows of a CSV file as (line, dict); checks encoding, NFC, header, field counts, spacing, duplicates."""
    name = os.path.basename(path)
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as exc:
        rep.error(name, f"cannot read: {exc}")
        return []
    if raw.startswith(b"\xef\xbb\xbf"):
        rep.error(name, "starts with a byte-order mark; save as UTF-8 without BOM")
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        rep.error(name, f"not UTF-8: {exc}")
        return []
    for n, line in enumerate(text.split("\n"), 1):
        if unicodedata.normalize("NFC", line) != line:
            rep.error(f"{name}:{n}", "not in Unicode NFC")
    if "\r" in text:
        rep.error(name, "contains carriage returns; use LF line ends")
    rows = list(csv.reader(text.splitlines()))
    if not rows:
        rep.error(name, "empty file")
        return []
    if rows[0] != header:
        rep.error(f"{name}:1", f"header is {rows[0]}, expected {header}")
        return []
    out, seen = [], {}
    for n, row in enumerate(rows[1:], 2):
        where = f"{name}:{n}"
        if not row or all(not c.strip() for c in row):
            rep.error(where, "empty line")
            continue
        if len(row) != len(header):
            rep.error(where, f"{len(row)} fields, expected {len(header)}: {row}")
            continue
        ok = True
        for col, val in zip(header, row):
            if not val:
                rep.error(where, f"empty {col}")
                ok = False
            elif val != val.strip() or "  " in val:
                rep.error(where, f"{col} has leading, trailing or double spaces: {val!r}")
        if tuple(row) in seen:
            rep.error(where, f"duplicate of line {seen[tuple(row)]}")
            continue
        seen[tuple(row)] = n
        if ok:
            out.append((n, dict(zip(header, row))))
    return out


def check_phrase(where, col, text, rep):
    if text != text.lower():
        rep.error(where, f"{col} must be lower case: {text!r}")
    bad = sorted({c for c in text if not _is_word_char(c) and c not in PHRASE_PUNCTUATION})
    if bad:
        rep.error(where, f"{col} has characters other than letters, digits, space, '-', '/': {bad} in {text!r}")
    if not _split_words(text):
        rep.error(where, f"{col} has no word: {text!r}")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dir", default=here)
    ap.add_argument("--catalogue", default=os.path.join(here, "..", "procedures", "procedures.csv"))
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    rep = Report()

    try:
        with open(args.catalogue, encoding="utf-8", newline="") as f:
            names = [words_of(r["name"]) for r in csv.DictReader(f)]
    except (OSError, KeyError) as exc:
        print(f"cannot read the catalogue names in {args.catalogue}: {exc}", file=sys.stderr)
        return 1
    # each name as " word word ... " so that a phrase is found as consecutive whole words
    names_folded = [" " + " ".join(w.folded for w in n) + " " for n in names]
    names_marked = [" " + " ".join(w.marked for w in n) + " " for n in names]
    # folded word -> the marked words of the names that fold to it, with the number of names holding each
    folded_to_marked = defaultdict(Counter)
    for n in names:
        for x in {(w.folded, w.marked) for w in n}:
            folded_to_marked[x[0]][x[1]] += 1

    def folded_hits(ws):
        key = " " + " ".join(w.folded for w in ws) + " "
        return sum(1 for n in names_folded if key in n) if ws else 0

    def marked_hits(ws):
        key = " " + " ".join(w.marked for w in ws) + " "
        return sum(1 for n in names_marked if key in n) if ws else 0

    syn = read_table(os.path.join(args.dir, "synonyms.csv"), SYN_HEADER, rep)
    fil = read_table(os.path.join(args.dir, "fillers.csv"), FIL_HEADER, rep)
    cues = read_table(os.path.join(args.dir, "intent_cues.csv"), INT_HEADER, rep)
    quals = read_table(os.path.join(args.dir, "name_qualifiers.csv"), QUAL_HEADER, rep)
    shorts = read_table(os.path.join(args.dir, "shorthand.csv"), SHORT_HEADER, rep)

    # ---- chat shorthand: one typed word read as other words before anything else (query_analysis.cc) ------
    # A catalogue word typed alone would be rewritten too, so a typed word that is a word of the names (folded) is
    # an error unless its source says why it is safe ("also a name word: ...").
    name_words = {w.folded for n in names for w in n}
    seen_short = {}
    for n, r in shorts:
        where, t = f"shorthand.csv:{n}", r["typed"]
        check_phrase(where, "typed", t, rep)
        check_phrase(where, "meant", r["meant"], rep)
        tw = words_of(t)
        if len(tw) != 1:
            rep.error(where, f"typed must be one word: {t!r}")
            continue
        if t in seen_short:
            rep.error(where, f"typed {t!r} already listed on line {seen_short[t]}")
        seen_short[t] = n
        if tw[0].folded in name_words and "also a name word" not in r["source"]:
            rep.error(where, f"typed {t!r} is a word of catalogue names (folded); say in source why it is "
                             "safe (\"also a name word: ...\") or leave it out")

    # ---- name qualifiers: each is matched with its marks in the names (procedure_search.cc) -----------
    seen_qual = {}
    for n, r in quals:
        where, p = f"name_qualifiers.csv:{n}", r["phrase"]
        check_phrase(where, "phrase", p, rep)
        if p in seen_qual:
            rep.error(where, f"phrase {p!r} already listed on line {seen_qual[p]}")
        seen_qual[p] = n
        if r["kind"] not in QUALIFIER_KINDS:
            rep.error(where, f"kind {r['kind']!r} not in {sorted(QUALIFIER_KINDS)}")
        if not r["source"].strip():
            rep.error(where, "source is empty")
        if not marked_hits(words_of(p)):
            rep.error(where, f"qualifier {p!r} occurs with its marks in no catalogue name")

    # ---- fillers -------------------------------------------------------------------------------------
    filler_entries, seen_fil, function_words = [], {}, []
    for n, r in fil:
        where, p = f"fillers.csv:{n}", r["phrase"]
        check_phrase(where, "phrase", p, rep)
        if p in seen_fil:
            rep.error(where, f"phrase {p!r} already listed on line {seen_fil[p]}")
        seen_fil[p] = n
        if r["scope"] not in SCOPES:
            rep.error(where, f"scope {r['scope']!r} not in {sorted(SCOPES)}")
        ws = words_of(p)
        if r["scope"] == "phrase_only" and len(ws) < 2:
            rep.error(where, f"phrase_only needs a phrase of two words or more: {p!r}")
        filler_entries.append((p, ws))
        if r["scope"] == "always" and len(ws) == 1:
            function_words.append(ws[0])
        if r["scope"] == "always" and marked_hits(ws):
            rep.warn("always-filler occurs with its marks in catalogue names (a function word?)",
                     f"{p!r} in {marked_hits(ws)} names")
        if len(ws) == 1:
            others = {m: k for m, k in folded_to_marked[ws[0].folded].items() if m != ws[0].marked}
            if others:
                rep.warn("one-word filler folds like another word of the catalogue names: that word, typed "
                         "without marks, is dropped unless it stands next to its neighbour in a name",
                         f"{p!r} ~ " + ", ".join(f"{m!r} ({k} names)" for m, k in sorted(others.items())))

    # ---- intent cues ---------------------------------------------------------------------------------
    cue_entries, per_intent, seen_cue = [], Counter(), {}
    for n, r in cues:
        where, p = f"intent_cues.csv:{n}", r["phrase"]
        check_phrase(where, "phrase", p, rep)
        if r["intent"] not in INTENTS:
            rep.error(where, f"intent {r['intent']!r} not in {sorted(INTENTS)}")
        else:
            per_intent[r["intent"]] += 1
        if r["weight"] not in {"1", "2", "3"}:
            rep.error(where, f"weight {r['weight']!r} must be 1, 2 or 3")
        key = (p, r["intent"])
        if key in seen_cue:
            rep.error(where, f"cue already listed for this intent on line {seen_cue[key]}")
        seen_cue[key] = n
        ws = words_of(p)
        cue_entries.append((p, ws))
        hits = folded_hits(ws)
        if hits and r["weight"] == "3":
            rep.error(where, f"weight 3 means the phrase is never topic, but {p!r} occurs in {hits} "
                             "catalogue names (folded); use 1 or 2")
        elif hits:
            rep.warn("cue occurs in catalogue names (folded): its words are dropped unless they touch a "
                     "catalogue word pair", f"{p!r} ({r['intent']} {r['weight']}) in {hits} names")
    for intent in sorted(INTENTS):
        if per_intent[intent] < MIN_CUES_PER_INTENT:
            rep.error("intent_cues.csv", f"intent {intent!r} has {per_intent[intent]} cues, "
                                         f"at least {MIN_CUES_PER_INTENT} required")

    analyzer = Analyzer(names, filler_entries, cue_entries, function_words)

    # ---- synonyms ------------------------------------------------------------------------------------
    kinds, pairs, phrases = Counter(), {}, {}
    for n, r in syn:
        where, p, e = f"synonyms.csv:{n}", r["phrase"], r["expansion"]
        check_phrase(where, "phrase", p, rep)
        if e != e.lower():
            rep.error(where, f"expansion must be lower case: {e!r}")
        if r["kind"] not in KINDS:
            rep.error(where, f"kind {r['kind']!r} not in {sorted(KINDS)}")
        kinds[r["kind"]] += 1
        if (p, e) in pairs:
            rep.error(where, f"phrase and expansion already on line {pairs[(p, e)]}")
        pairs[(p, e)] = n
        phrases.setdefault(p, n)
        pw, ew = words_of(p), words_of(e)
        if not ew:
            rep.error(where, f"expansion has no word: {e!r}")
            continue
        if [w.folded for w in pw] == [w.folded for w in ew]:
            rep.error(where, f"phrase and expansion fold to the same words (the search folds anyway): {p!r}")
        if not folded_hits(ew):
            rep.error(where, f"expansion {e!r} occurs in no catalogue name (folded, as consecutive words)")
        elif not marked_hits(ew):
            rep.warn("expansion occurs in catalogue names only once folded (check its tone marks)",
                     f"{p!r} -> {e!r}")

    # Synonym phrases are found before cues and fillers, and their words are never dropped
    # (src/domain/query_analysis.h), so a phrase may hold a filler or cue word ("sinh con", "làm lại").
    for p, n in phrases.items():
        pw = words_of(p)
        if folded_hits(pw) and not marked_hits(pw):
            rep.warn("synonym phrase folds like other words of the catalogue names (it matches them when "
                     "typed without marks)", f"{p!r}")
    expansions = defaultdict(set)
    for _, r in syn:
        expansions[r["phrase"]].add(r["expansion"])
    by_fold = defaultdict(list)
    for p in phrases:
        by_fold[tuple(w.folded for w in words_of(p))].append(p)
    for ps in by_fold.values():
        if len({frozenset(expansions[p]) for p in ps}) > 1:
            rep.warn("synonym phrases that differ only by their marks but not in meaning (typed without "
                     "marks, all of them apply)", " / ".join(sorted(ps)))

    # ---- report --------------------------------------------------------------------------------------
    print(f"synonyms.csv    {len(syn):4d} rows, {len(phrases)} phrases; by kind: "
          + ", ".join(f"{k} {kinds[k]}" for k in sorted(kinds)))
    print(f"fillers.csv     {len(fil):4d} rows; by scope: "
          + ", ".join(f"{s} {c}" for s, c in sorted(Counter(r['scope'] for _, r in fil).items())))
    print(f"intent_cues.csv {len(cues):4d} rows; by intent: "
          + ", ".join(f"{i} {per_intent[i]}" for i in sorted(INTENTS)))
    print(f"name_qualifiers.csv {len(quals):4d} rows; by kind: "
          + ", ".join(f"{k} {c}" for k, c in sorted(Counter(r['kind'] for _, r in quals).items())))
    print(f"shorthand.csv   {len(shorts):4d} rows")
    for topic, items in rep.warnings.items():
        print(f"warning: {len(items)} x {topic}")
        if args.verbose:
            for it in items:
                print(f"    {it}")
    for e in rep.errors:
        print(f"ERROR {e}")
    if rep.errors:
        print(f"FAILED: {len(rep.errors)} error(s)")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
