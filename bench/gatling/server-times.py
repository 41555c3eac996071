#!/usr/bin/env python3
"""Server-side chat latency from the store's access log.

Usage: server-times.py <store log> <from HH:MM:SS> <to HH:MM:SS>

Reads the `dev.parley.access` records (one per API call, e.g.
`POST /api/v1/conversations/{id}/messages 200 17ms`) whose UTC time of day lies in the window and prints
count and p50/p95/p99/max for chat turns (messages) and conversation starts.
"""
import re
import sys

RECORD = re.compile(r'^\[\d{4}-\d\d-\d\dT(\d\d:\d\d:\d\d)\..*dev\.parley\.access.*\] (GET|POST) (\S+) (\d{3}) ([\d,]+)ms')


def main(log, start, end):
    times = {'turn': [], 'start': []}
    with open(log, errors='replace') as lines:
        for line in lines:
            m = RECORD.search(line)
            if not m or not start <= m.group(1) <= end:
                continue
            path = m.group(3)
            kind = 'turn' if path.endswith('/messages') else 'start' if path == '/api/v1/conversations' else None
            if kind:
                times[kind].append(int(m.group(5).replace(",", "")))
    for kind, values in times.items():
        if not values:
            continue
        values.sort()
        pct = lambda q: values[min(len(values) - 1, int(q * len(values)))]
        print(f'{kind:6s} n={len(values)} p50={pct(.50)} p95={pct(.95)} p99={pct(.99)} max={values[-1]} ms')


if __name__ == '__main__':
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
