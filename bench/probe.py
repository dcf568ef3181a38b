#!/usr/bin/env python3
"""Sends every request body of a scenario once and fails unless each answer is a 2xx with
`data` and without `errors`.

Usage: probe.py URL BODIES [-H 'name: value']...   (BODIES: one JSON request per line)
"""

import http.client
import json
import sys
import urllib.parse


def main():
    url, path = urllib.parse.urlsplit(sys.argv[1]), sys.argv[2]
    headers = {"content-type": "application/json"}
    args = sys.argv[3:]
    for flag, header in zip(args[::2], args[1::2]):
        if flag == "-H":
            name, value = header.split(":", 1)
            headers[name.strip()] = value.strip()
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    count = 0
    with open(path, encoding="utf-8") as bodies:
        for body in bodies:
            body = body.strip()
            if not body:
                continue
            conn.request("POST", url.path, body=body.encode(), headers=headers)
            response = conn.getresponse()
            text = response.read().decode()
            try:
                answer = json.loads(text)
            except ValueError:
                answer = {}
            if response.status // 100 != 2 or "errors" in answer or answer.get("data") is None:
                print(f"the probe answered HTTP {response.status} to {body[:300]}: {text[:800]}")
                sys.exit(1)
            count += 1
    print(f"{count} probe requests answered without errors")


if __name__ == "__main__":
    main()
