#!/usr/bin/env python3
"""Author and date accuracy of an extract JSON Lines run on the corpus.

    scripts/score-metadata.py [--corpus DIR] [--list] RUN.jsonl

Each record's "input" (a corpus page path, or a URL served by
serve_corpus.py) names its case as <set>/<case>; the case's truth.json
gives "byline" and "published".  Only cases that carry the label count.

Authors are compared after normalisation: lower case, a leading "By" (or
"Von", "Par", "Written by") dropped, name separators (",", ";", "and",
"&", "und", "et") unified, white space collapsed.  "exact" wants the same
names in the same order; "any" wants at least one name in common.
Dates are compared on the calendar day as written (the YYYY-MM-DD at the
start of an ISO 8601 value); a date in another format counts as wrong,
since the record promises ISO 8601.

Standard library only.
"""
import argparse
import json
import os
import re
import sys
from urllib.parse import unquote, urlsplit

LEAD_WORDS = re.compile(
    r"^(?:written\s+by|posted\s+by|by|von|par|por|door|av|di)\b[\s:]*", re.I)
SEPARATORS = re.compile(r"\s*(?:[,;&|/]|\band\b|\bund\b|\bet\b|\by\b)\s*",
                        re.I)
ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def case_key(rec):
    """<set>/<case> from a record's input (a path or a served URL)."""
    src = rec.get("input") or rec.get("url") or ""
    if "://" in src:
        src = unquote(urlsplit(src).path)
    parts = [p for p in src.split("/") if p]
    if parts and parts[-1] == "page.html":
        parts.pop()
    if len(parts) < 2:
        return None
    return parts[-2] + "/" + parts[-1]


def names(text):
    """The normalised names in an author string, in order."""
    out = []
    for part in SEPARATORS.split(text.strip()):
        part = LEAD_WORDS.sub("", part.strip())
        part = " ".join(part.split()).strip(" .:-").lower()
        if part:
            out.append(part)
    return out


def pred_names(authors):
    out = []
    for a in authors or []:
        if isinstance(a, str):
            out.extend(names(a))
    return out


def iso_day(value):
    if not isinstance(value, str):
        return None
    m = ISO_DAY.match(value)
    return "-".join(m.groups()) if m else None


def load_run(path):
    run = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            try:
                rec = json.loads(line)
            except ValueError:
                continue
            key = case_key(rec)
            if key:
                run[key] = rec
    return run


def pct(n, d):
    return "%5.1f%%" % (100.0 * n / d) if d else "   n/a"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("run", help="JSON Lines from extract --json")
    ap.add_argument("--corpus", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared",
        "corpus"))
    ap.add_argument("--list", action="store_true",
                    help="print every miss with both values")
    opts = ap.parse_args()

    run = load_run(opts.run)
    tally = {"author": [0, 0, 0, 0], "date": [0, 0, 0, 0]}
    misses = []
    for key in sorted(run):
        truth_path = os.path.join(opts.corpus, key, "truth.json")
        if not os.path.exists(truth_path):
            continue
        with open(truth_path, encoding="utf-8") as f:
            truth = json.load(f)
        rec = run[key]
        byline = truth.get("byline")
        if isinstance(byline, str) and names(byline):
            want = names(byline)
            got = pred_names(rec.get("authors"))
            t = tally["author"]
            t[0] += 1
            t[1] += bool(got)
            t[2] += got == want
            t[3] += bool(set(got) & set(want))
            if got != want:
                misses.append(("author", key, byline, rec.get("authors")))
        published = truth.get("published")
        if iso_day(published):
            got = iso_day(rec.get("date_published"))
            t = tally["date"]
            t[0] += 1
            t[1] += rec.get("date_published") is not None
            t[2] += got == iso_day(published)
            t[3] += got == iso_day(published)
            if got != iso_day(published):
                misses.append(("date", key, published,
                               rec.get("date_published")))

    if opts.list:
        for kind, key, want, got in misses:
            print("miss %-6s %-45s want %r got %r" % (kind, key[:45], want,
                                                      got))
    a = tally["author"]
    d = tally["date"]
    print("authors: %d labelled, %d predicted, exact %d (%s), any name %d (%s)"
          % (a[0], a[1], a[2], pct(a[2], a[0]), a[3], pct(a[3], a[0])))
    print("dates:   %d labelled, %d predicted, same day %d (%s), "
          "precision %s" % (d[0], d[1], d[2], pct(d[2], d[0]),
                            pct(d[2], d[1])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
