#!/usr/bin/env python3
"""Validate the procedure-search evaluation set (stdlib only).

Checks tests/search/questions.csv, off_topic.csv, dev_questions.csv and
holdout_questions.csv against data/reference/procedures/procedures.csv:

  * exact headers, minimum row counts, unique ids with the right prefix;
  * every cell is Unicode NFC, has no leading/trailing blanks, no empty question;
  * gold_codes: 1..4 distinct codes, each present in procedures.csv;
  * intent / level / speaker values from the allowed sets,
    minimum number of rows per intent;
  * style: known tags only, exactly one typing tag (toned | no-tones | typo | mixed);
    `no-tones` rows are pure ASCII, `toned` rows are not;
  * at most 15% of rows tagged `name-like`;
  * no question text repeated within or across the four files: a question in
    the development or the held-out set that also sits in the team's set would
    measure nothing new (dev and held-out rows get the row checks above; the
    per-intent minimums and the name-like cap are for the team's set only).

Usage:  python3 tests/search/check_questions.py [--stats]
        --stats also prints the count tables used in README.md (markdown).
Exit status 0 when everything passes, 1 otherwise (messages on stderr).
"""
import collections
import csv
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
QUESTIONS = os.path.join(HERE, "questions.csv")
OFF_TOPIC = os.path.join(HERE, "off_topic.csv")
DEV = os.path.join(HERE, "dev_questions.csv")
HOLDOUT = os.path.join(HERE, "holdout_questions.csv")
# Extra answerable sets: file, id pattern, minimum rows.
EXTRA_SETS = [(DEV, r"d\d{3,}", 100), (HOLDOUT, r"h\d{3,}", 100)]
PROCEDURES = os.path.join(ROOT, "data", "reference", "procedures", "procedures.csv")

Q_HEADER = ["id", "question", "gold_codes", "intent", "level", "speaker", "style"]
O_HEADER = ["id", "question", "style"]
MIN_QUESTIONS = 170
MIN_OFF_TOPIC = 70
MAX_GOLD = 4
INTENT_MIN = {
    "overview": 15, "fee": 15, "documents": 15, "time": 15, "where": 15,
    "steps": 8, "conditions": 8, "online": 8,
}
LEVELS = {"commune", "province", "any"}
SPEAKERS = {"citizen", "staff"}
TYPING_TAGS = {"toned", "no-tones", "typo", "mixed"}
Q_TAGS = TYPING_TAGS | {
    "colloquial", "regional", "abbrev", "sentence", "name-like", "jargon", "filler",
}
O_TAGS = TYPING_TAGS | {
    "cooking", "food", "weather", "sport", "entertainment", "lottery", "health",
    "advice", "price", "traffic", "tech", "joke", "near-miss", "greeting",
    "gibberish", "filler", "colloquial", "regional",
}
MAX_NAME_LIKE_SHARE = 0.15

errors = []
warnings = []


def err(msg):
    errors.append(msg)


def read_csv(path, header):
    if not os.path.exists(path):
        err("%s: file not found" % path)
        return []
    with open(path, "rb") as f:
        raw = f.read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err("%s: has a UTF-8 BOM; write plain UTF-8" % path)
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err("%s: not valid UTF-8 (%s)" % (path, e))
        return []
    if unicodedata.normalize("NFC", text) != text:
        err("%s: file is not in Unicode NFC normalization" % path)
    reader = csv.reader(text.splitlines())
    rows = list(reader)
    if not rows:
        err("%s: empty file" % path)
        return []
    if rows[0] != header:
        err("%s: header is %r, expected %r" % (path, rows[0], header))
        return []
    out = []
    for lineno, r in enumerate(rows[1:], start=2):
        if len(r) != len(header):
            err("%s:%d: %d columns, expected %d" % (path, lineno, len(r), len(header)))
            continue
        out.append((lineno, dict(zip(header, r))))
    return out


def norm_key(s):
    return " ".join(unicodedata.normalize("NFC", s).casefold().split())


def check_common(path, lineno, row, id_re, seen_ids, tags_allowed):
    where = "%s:%d" % (path, lineno)
    for k, v in row.items():
        if unicodedata.normalize("NFC", v) != v:
            err("%s: column %s is not NFC" % (where, k))
        if v != v.strip():
            err("%s: column %s has leading/trailing whitespace" % (where, k))
    rid = row["id"]
    if not re.fullmatch(id_re, rid):
        err("%s: id %r does not match %s" % (where, rid, id_re))
    if rid in seen_ids:
        err("%s: duplicate id %r" % (where, rid))
    seen_ids.add(rid)
    q = row["question"]
    if not q:
        err("%s: empty question" % where)
    tags = row["style"].split("|") if row["style"] else []
    if not tags:
        err("%s: empty style" % where)
    unknown = [t for t in tags if t not in tags_allowed]
    if unknown:
        err("%s: unknown style tag(s) %s" % (where, unknown))
    if len(set(tags)) != len(tags):
        err("%s: repeated style tag" % where)
    typing = [t for t in tags if t in TYPING_TAGS]
    if len(typing) != 1:
        err("%s: style needs exactly one of %s, got %s"
            % (where, sorted(TYPING_TAGS), typing))
    elif typing[0] == "no-tones" and not q.isascii():
        err("%s: tagged no-tones but contains non-ASCII characters: %r" % (where, q))
    elif typing[0] == "toned" and q.isascii():
        err("%s: tagged toned but has no diacritics: %r" % (where, q))
    return tags


def check_answerable(path, lineno, row, id_re, seen_ids, seen_text, catalogue):
    """Row checks shared by every answerable set; returns (tags, gold codes)."""
    where = "%s:%d" % (path, lineno)
    tags = check_common(path, lineno, row, id_re, seen_ids, Q_TAGS)
    key = norm_key(row["question"])
    if key in seen_text:
        err("%s: question repeats %s" % (where, seen_text[key]))
    seen_text[key] = row["id"]
    codes = row["gold_codes"].split("|") if row["gold_codes"] else []
    if not codes:
        err("%s: empty gold_codes" % where)
    if len(codes) > MAX_GOLD:
        err("%s: %d gold codes, at most %d" % (where, len(codes), MAX_GOLD))
    if len(set(codes)) != len(codes):
        err("%s: repeated gold code" % where)
    for c in codes:
        if catalogue and c not in catalogue:
            err("%s: gold code %r not in procedures.csv" % (where, c))
    if row["intent"] not in INTENT_MIN:
        err("%s: intent %r not in %s" % (where, row["intent"], sorted(INTENT_MIN)))
    if row["level"] not in LEVELS:
        err("%s: level %r not in %s" % (where, row["level"], sorted(LEVELS)))
    if row["speaker"] not in SPEAKERS:
        err("%s: speaker %r not in %s" % (where, row["speaker"], sorted(SPEAKERS)))
    # soft check: a commune/province question whose gold has no variant at that level
    if catalogue and row["level"] in ("commune", "province") and codes:
        if not any(row["level"] in catalogue.get(c, {}).get("levels", "").split("|")
                   for c in codes):
            warnings.append("%s: level=%s but no gold code is offered at that level (%s)"
                            % (row["id"], row["level"], row["gold_codes"]))
    return tags, codes


def main():
    stats = "--stats" in sys.argv[1:]

    # --- catalogue ---------------------------------------------------------
    catalogue = {}
    if not os.path.exists(PROCEDURES):
        err("%s: catalogue not found" % PROCEDURES)
    else:
        with open(PROCEDURES, encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                catalogue[r["code"]] = r

    # --- questions.csv -----------------------------------------------------
    qrows = read_csv(QUESTIONS, Q_HEADER)
    if qrows and len(qrows) < MIN_QUESTIONS:
        err("%s: %d rows, need at least %d" % (QUESTIONS, len(qrows), MIN_QUESTIONS))
    seen_ids, seen_text = set(), {}
    intents = collections.Counter()
    levels = collections.Counter()
    speakers = collections.Counter()
    typing = collections.Counter()
    tagcount = collections.Counter()
    gold_sizes = collections.Counter()
    cross = collections.Counter()
    name_like = 0
    for lineno, row in qrows:
        tags, codes = check_answerable(QUESTIONS, lineno, row, r"q\d{3,}", seen_ids,
                                       seen_text, catalogue)
        gold_sizes[len(codes)] += 1
        intents[row["intent"]] += 1
        levels[row["level"]] += 1
        speakers[row["speaker"]] += 1
        for t in tags:
            tagcount[t] += 1
            if t in TYPING_TAGS:
                typing[t] += 1
                cross[(row["intent"], t)] += 1
        if "name-like" in tags:
            name_like += 1
    for intent, need in INTENT_MIN.items():
        if intents[intent] < need:
            err("%s: intent %s has %d rows, need at least %d"
                % (QUESTIONS, intent, intents[intent], need))
    if qrows and name_like > MAX_NAME_LIKE_SHARE * len(qrows):
        err("%s: %d name-like rows (> %d%% of %d)"
            % (QUESTIONS, name_like, MAX_NAME_LIKE_SHARE * 100, len(qrows)))

    # --- off_topic.csv -----------------------------------------------------
    orows = read_csv(OFF_TOPIC, O_HEADER)
    if orows and len(orows) < MIN_OFF_TOPIC:
        err("%s: %d rows, need at least %d" % (OFF_TOPIC, len(orows), MIN_OFF_TOPIC))
    oseen_ids = set()
    otags = collections.Counter()
    for lineno, row in orows:
        where = "%s:%d" % (OFF_TOPIC, lineno)
        tags = check_common(OFF_TOPIC, lineno, row, r"o\d{3,}", oseen_ids, O_TAGS)
        for t in tags:
            otags[t] += 1
        key = norm_key(row["question"])
        if key in seen_text:
            err("%s: question repeats %s" % (where, seen_text[key]))
        seen_text[key] = row["id"]

    # --- dev and held-out sets ---------------------------------------------
    extra_counts = []
    for path, id_re, minimum in EXTRA_SETS:
        rows = read_csv(path, Q_HEADER)
        if rows and len(rows) < minimum:
            err("%s: %d rows, need at least %d" % (path, len(rows), minimum))
        ids = set()
        for lineno, row in rows:
            check_answerable(path, lineno, row, id_re, ids, seen_text, catalogue)
        extra_counts.append("%d %s" % (len(rows), os.path.basename(path)))

    # --- report ------------------------------------------------------------
    for w in warnings:
        print("warning: " + w, file=sys.stderr)
    if stats:
        n = len(qrows)
        print("questions: %d rows; off-topic: %d rows\n" % (n, len(orows)))
        print("| intent | rows | toned | no-tones | typo | mixed |")
        print("|---|---:|---:|---:|---:|---:|")
        for i in INTENT_MIN:
            print("| %s | %d | %d | %d | %d | %d |" % (
                i, intents[i], cross[(i, "toned")], cross[(i, "no-tones")],
                cross[(i, "typo")], cross[(i, "mixed")]))
        print("| **total** | %d | %d | %d | %d | %d |\n" % (
            n, typing["toned"], typing["no-tones"], typing["typo"], typing["mixed"]))
        print("| level | rows |\n|---|---:|")
        for k in ("commune", "province", "any"):
            print("| %s | %d |" % (k, levels[k]))
        print("\n| speaker | rows |\n|---|---:|")
        for k in ("citizen", "staff"):
            print("| %s | %d |" % (k, speakers[k]))
        print("\n| style tag | rows | share |\n|---|---:|---:|")
        for t, c in sorted(tagcount.items(), key=lambda kv: -kv[1]):
            print("| %s | %d | %.0f%% |" % (t, c, 100.0 * c / n if n else 0))
        print("\n| gold codes per row | rows |\n|---|---:|")
        for k in sorted(gold_sizes):
            print("| %d | %d |" % (k, gold_sizes[k]))
        print("\n| off-topic tag | rows |\n|---|---:|")
        for t, c in sorted(otags.items(), key=lambda kv: -kv[1]):
            print("| %s | %d |" % (t, c))
    if errors:
        for e in errors:
            print("error: " + e, file=sys.stderr)
        print("FAILED: %d error(s)" % len(errors), file=sys.stderr)
        return 1
    print("OK: %d questions, %d off-topic rows, %s, %d warning(s)"
          % (len(qrows), len(orows), ", ".join(extra_counts), len(warnings)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
