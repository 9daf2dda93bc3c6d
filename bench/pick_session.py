#!/usr/bin/env python3
"""Print the id of a session with a non-empty classification, found by walking the API.

Walks the newest season -> its first event -> its first category -> that category's
race (RAC) session if it has one, else its last session; falls back to the next
session/category/event until a classification with rows turns up, because an unknown
or empty session answers 200 [] and would make wrk measure an empty answer.

Usage: pick_session.py BASE_URL
"""
import json
import sys
import urllib.parse
import urllib.request


def get(base, path, **params):
    url = base + path + ("?" + urllib.parse.urlencode(params) if params else "")
    with urllib.request.urlopen(url, timeout=10) as answer:
        return json.load(answer)


def candidates(base):
    for season in sorted(get(base, "/seasons"), key=lambda s: s["year"], reverse=True):
        for event in get(base, "/events", season_id=season["id"]):
            for category in get(base, "/categories", event_id=event["id"]):
                sessions = get(base, "/sessions", event_id=event["id"], category_id=category["id"])
                # Races first: their classification is the typical full-grid answer.
                yield from sorted(sessions, key=lambda s: s["name"] != "RAC")


def main():
    base = sys.argv[1].rstrip("/")
    for session in candidates(base):
        if get(base, "/classification", session_id=session["id"]):
            print(session["id"])
            return 0
    print("no session with a classification found at " + base, file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
