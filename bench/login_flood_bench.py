#!/usr/bin/env python3
"""Logins under abuse (issue 15, items 2 and 3), against a real `motcua serve` on loopback, standard library only.

1. Timing: a known login with a wrong password against an unknown login, interleaved (40 each); their medians
   should be within 10 % (both cost one Argon2id verification).
2. Flood: a clerk's GET /api/v1/inbox, p50/p99 idle, then while 32 clients, each from its own loopback address
   (127.0.0.10 … 127.0.0.41, so that the per-address login throttle does not stop them), post made-up logins.
   Prints the ratio to idle, what the flood was answered (401, 429, 503) and the server's peak RSS.

Usage: bench/login_flood_bench.py [--motcua build/motcua] [--seconds 10] [--clients 32]
The load runs on the same machine as the server: on 2 cores it takes CPU from it, so the figures are a ceiling.
"""
import argparse
import http.client
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time

PASSWORD = "login-flood-password"


def request(port, method, path, body=None, token=None, source="127.0.0.1"):
    """(status, milliseconds, body) of one request on a new connection from `source`."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120, source_address=(source, 0))
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    started = time.perf_counter()
    connection.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response.status, (time.perf_counter() - started) * 1000, data


def login(port, who, password, source="127.0.0.1"):
    return request(port, "POST", "/api/v1/sessions", {"login": who, "password": password}, source=source)


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def inbox_latencies(port, token, count):
    return [request(port, "GET", "/api/v1/inbox", token=token)[1] for _ in range(count)]


def timing(port):
    known, unknown = [], []
    for i in range(40):
        # A fresh source address every four tries keeps the per-address throttle (5 failures) out of the way.
        source = f"127.0.1.{i // 4 + 1}"
        known.append(login(port, "tiep.nhan", f"wrong-{i}", source)[1])
        unknown.append(login(port, f"khong.co.{i}", f"wrong-{i}", source)[1])
    k, u = statistics.median(known), statistics.median(unknown)
    print(f"timing\tknown login, wrong password: median {k:.1f} ms\tunknown login: median {u:.1f} ms"
          f"\tdifference {abs(k - u) / max(k, u) * 100:.1f} %")


def flood(port, token, clients, seconds, pid):
    idle = inbox_latencies(port, token, 200)
    answers = {}
    lock = threading.Lock()
    stop = threading.Event()

    def client(k):
        i = 0
        while not stop.is_set():
            status, _, _ = login(port, f"flood{k}.{i}", "not-a-password", f"127.0.0.{10 + k}")
            i += 1
            with lock:
                answers[status] = answers.get(status, 0) + 1

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    time.sleep(1)  # the flood under way
    flooded = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        flooded += inbox_latencies(port, token, 10)
    stop.set()
    for t in threads:
        t.join()
    rss = next(line for line in open(f"/proc/{pid}/status") if line.startswith("VmHWM")).split()[1]
    p50, p99 = percentile(idle, 50), percentile(idle, 99)
    f50, f99 = percentile(flooded, 50), percentile(flooded, 99)
    print(f"inbox idle\tp50 {p50:.1f} ms\tp99 {p99:.1f} ms\t({len(idle)} requests)")
    print(f"inbox, {clients}-client login flood\tp50 {f50:.1f} ms\tp99 {f99:.1f} ms\t({len(flooded)} requests)"
          f"\tp99 ratio {f99 / p99:.2f}")
    print(f"flood answers\t{json.dumps(dict(sorted(answers.items())))}\tserver peak RSS {int(rss) // 1024} MiB")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--motcua", default=os.path.join(os.environ.get("MOTCUA_BUILD", "build"), "motcua"))
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--clients", type=int, default=32)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = os.path.join(folder, "m.db")
        env = dict(os.environ, MOTCUA_DEMO_PASSWORD=PASSWORD, MOTCUA_LANG="en")
        subprocess.run([args.motcua, "init", "--db", db, "--demo"], env=env, check=True, stdout=subprocess.DEVNULL)
        port = 26000 + os.getpid() % 2000
        log = open(os.path.join(folder, "server.log"), "w")
        server = subprocess.Popen([args.motcua, "serve", "--db", db, "--listen", f"127.0.0.1:{port}"], stdout=log,
                                  stderr=log, env=env)
        try:
            for _ in range(100):
                try:
                    if request(port, "GET", "/healthz")[0] == 200:
                        break
                except OSError:
                    time.sleep(0.1)
            status, _, body = login(port, "tiep.nhan", PASSWORD)
            if status != 201:
                sys.exit(f"login_flood_bench: the clerk's login failed: {status} {body[:200]}")
            token = json.loads(body)["token"]
            print(f"cores\t{os.cpu_count()}")
            timing(port)
            flood(port, token, args.clients, args.seconds, server.pid)
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
