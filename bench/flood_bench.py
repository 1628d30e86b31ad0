#!/usr/bin/env python3
"""Availability under abuse (issue 15, items 2 and 3), against a real `motcua serve` on loopback, run under
`ulimit -n 1024` as a center's server would be:

  idle        a specialist's GET /api/v1/inbox, one new connection per request, p50/p99 latency;
  uploads     the same while 20 clients without a session keep sending 20 MiB upload bodies (POST /api/v1/files);
  slowloris   the same while 1,100 connections from one address keep sending a header that never ends;
  logins      the same while 32 clients, each from its own address (so that the per-address login throttle does
              not stop them), post made-up logins as fast as they are answered (Argon2id, 64 MiB each).

Prints each phase's p50/p99 and their ratio to idle, requests that failed or took over 5 s, and the server's
resident memory (the largest seen during the phase); then the login timing check: a known login with a wrong
password against an unknown login, interleaved, 40 each, whose medians should be within 10 %.

Attackers on a LAN are other machines: they take none of the server's CPU. On one machine they would, and on two
cores that alone moves the inbox's p99 (20 Python processes pushing 20 MiB bodies through loopback need more CPU
than the server refusing them). So by default (--pin, with at least 2 cores) the server and the measuring client
run on CPU 0 and every attacker on the other CPUs, and the figures are the server's own cost of the abuse on one
core; --no-pin lets them share every core, as in session 9's figures. The staff client speaks from 127.0.0.2, the
attackers from other loopback addresses. Python standard library only.

Usage: bench/flood_bench.py [--db PATH] [--dossiers N] [--samples N] [--build DIR] [--no-pin] [--phases LIST]
  --db PATH      reuse a history made by `motcua bench-data` (else one of --dossiers in a temporary folder)
  --phases LIST  comma-separated subset of: uploads,slowloris,logins (default: all; idle is always measured)
"""
import argparse
import functools
import http.client
import json
import multiprocessing
import os
import resource
import secrets
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time

STAFF_FROM = "127.0.0.2"
ATTACKER_FROM = "127.0.0.1"
SLOW_TIMEOUT = 5.0
LOGIN_CLIENTS = 32
SERVER_CPUS = {0}


def attacker_cpus():
    """The CPUs attackers may use when pinned: every one but the server's."""
    return set(range(os.cpu_count() or 1)) - SERVER_CPUS


def say(text):
    print(f"# {text}", flush=True)


def make_history(motcua, db, dossiers):
    say(f"history: {dossiers} dossiers in province 04")
    subprocess.run([motcua, "bench-data", "--db", db, "--province", "04", "--dossiers", str(dossiers),
                    "--years", "1", "--seed", "1"], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)


def add_specialist(motcua, db, password):
    commune = sqlite3.connect(db).execute(
        "SELECT receiving_unit FROM dossiers WHERE length(receiving_unit) = 5 "
        "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    login = f"cv.{commune}.1"  # bench-data's first specialist of the busiest commune: a real inbox
    for command in (["user", "add", login, "--role", "specialist", "--unit", commune], ["user", "passwd", login]):
        done = subprocess.run([motcua, *command, "--db", db], input=password + "\n", text=True,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if done.returncode == 0:
            return login
    raise SystemExit(f"flood_bench: cannot set the password of {login}")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(motcua, db, port, log, pin):
    # The limit of a default systemd service or login shell: what made 1,100 half-sent requests fatal before.
    command = f"ulimit -n 1024 && exec {motcua} serve --db {db} --listen 127.0.0.1:{port}"
    server = subprocess.Popen(["bash", "-c", command], stdout=log, stderr=subprocess.STDOUT,
                              preexec_fn=(lambda: os.sched_setaffinity(0, SERVER_CPUS)) if pin else None)
    for _ in range(300):
        try:
            if request(port, "GET", "/healthz")[0] == 200:
                return server
        except OSError:
            pass
        if server.poll() is not None:
            raise SystemExit("flood_bench: the server did not start")
        time.sleep(0.05)
    raise SystemExit("flood_bench: the server did not answer /healthz")


class SourceConnection(http.client.HTTPConnection):
    def __init__(self, port, source):
        super().__init__("127.0.0.1", port, timeout=SLOW_TIMEOUT, source_address=(source, 0))


def request(port, method, target, body=None, headers=None, source=STAFF_FROM):
    connection = SourceConnection(port, source)
    try:
        connection.request(method, target, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def post_login(port, user, password, source=STAFF_FROM):
    return request(port, "POST", "/api/v1/sessions", json.dumps({"login": user, "password": password}),
                   {"Content-Type": "application/json"}, source)


def login(port, user, password):
    status, body = post_login(port, user, password)
    if status != 201:
        raise SystemExit(f"flood_bench: login failed ({status}): {body[:200]}")
    return json.loads(body)["token"]


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def open_fds(pid):
    return len(os.listdir(f"/proc/{pid}/fd"))


def measure(port, token, samples, pid):
    """Inbox latencies in ms (failures count as SLOW_TIMEOUT), failures, largest RSS and descriptors seen."""
    latencies, failures, peak_rss, peak_fds = [], 0, 0, 0
    for _ in range(samples):
        started = time.monotonic()
        try:
            status, _ = request(port, "GET", "/api/v1/inbox", headers={"Authorization": f"Bearer {token}"})
            ok = status == 200
        except OSError:
            ok = False
        elapsed = time.monotonic() - started
        failures += 0 if ok and elapsed < SLOW_TIMEOUT else 1
        latencies.append(1000 * (elapsed if ok else SLOW_TIMEOUT))
        peak_rss = max(peak_rss, rss_kib(pid))
        peak_fds = max(peak_fds, open_fds(pid))
    return latencies, failures, peak_rss, peak_fds


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]


def upload_flood(port, stop):
    """One client without a session sending 20 MiB upload bodies, again and again."""
    head = (b"POST /api/v1/files?name=scan.pdf HTTP/1.1\r\nHost: x\r\nContent-Type: application/pdf\r\n"
            b"Content-Length: 20971520\r\n\r\n")
    chunk = b"%PDF" + b"x" * (64 * 1024 - 4)
    while not stop.is_set():
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=10, source_address=(ATTACKER_FROM, 0)) as s:
                s.sendall(head)
                for _ in range(320):
                    if stop.is_set():
                        break
                    s.sendall(chunk)
                s.recv(4096)
        except OSError:
            time.sleep(0.01)


def login_flood(port, first_client, clients, answers, stop):
    """`clients` threads, client k posting made-up logins from 127.0.0.(10 + k) as fast as they are answered;
    `answers` counts the statuses by (status, first_client): a multiprocessing dict shared with the parent, in
    which each process writes keys of its own."""
    def client(k):
        counts, i = {}, 0
        while not stop.is_set():
            try:
                status, _ = post_login(port, f"flood{k}.{i}", "not-a-password", f"127.0.0.{10 + k}")
            except OSError:
                status = "error"
            counts[status] = counts.get(status, 0) + 1
            i += 1
        with answers_lock:
            for status, count in counts.items():
                key = (str(status), first_client)
                answers[key] = answers.get(key, 0) + count

    answers_lock = threading.Lock()
    threads = [threading.Thread(target=client, args=(first_client + k,)) for k in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def login_timing(port, user, password):
    """Medians (ms) of a known login with a wrong password and of an unknown login, interleaved, 40 each."""
    known, unknown = [], []
    for i in range(40):
        # A fresh source address every four tries keeps the per-address throttle (5 failures) out of the way.
        source = f"127.0.1.{i // 4 + 1}"
        for who, into in ((user, known), (f"khong.co.{i}", unknown)):
            started = time.perf_counter()
            post_login(port, who, f"wrong-{i}", source)
            into.append((time.perf_counter() - started) * 1000)
    login(port, user, password)  # a success forgets the account's failures
    return statistics.median(known), statistics.median(unknown)


def slowloris_flood(port, count, stop):
    """`count` connections from one address, each sending a header line every second and never finishing."""
    sockets = []
    while not stop.is_set():
        while len(sockets) < count and not stop.is_set():
            try:
                s = socket.socket()
                s.setblocking(True)
                s.settimeout(1)
                s.bind((ATTACKER_FROM, 0))
                s.connect(("127.0.0.1", port))
                s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
                sockets.append(s)
            except OSError:
                s.close()
                break
        alive = []
        for s in sockets:
            try:
                s.sendall(b"X-Slow: 1\r\n")
                alive.append(s)
            except OSError:
                s.close()
        sockets = alive
        stop.wait(1)
    for s in sockets:
        s.close()


def pinned(target, cpus):
    """`target`, run in a process confined to `cpus` (None: anywhere)."""
    def run(*args):
        if cpus:
            os.sched_setaffinity(0, cpus)
        target(*args)
    return run


def phase(name, port, token, samples, pid, flood=None, settle=2.0, pin=False):
    # The attackers run in processes of their own, so that they do not slow the measuring client (one GIL).
    stop = multiprocessing.Event()
    cpus = attacker_cpus() if pin else None
    attackers = [multiprocessing.Process(target=pinned(f, cpus), args=(stop,), daemon=True) for f in (flood or [])]
    for attacker in attackers:
        attacker.start()
    time.sleep(settle if attackers else 0)
    result = measure(port, token, samples, pid)
    stop.set()
    for attacker in attackers:
        attacker.join(timeout=15)
        if attacker.is_alive():
            attacker.kill()
    return name, result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--db")
    parser.add_argument("--dossiers", type=int, default=5000)
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--build", default=os.environ.get("MOTCUA_BUILD", "build"))
    parser.add_argument("--pin", action=argparse.BooleanOptionalAction, default=(os.cpu_count() or 1) >= 2)
    parser.add_argument("--phases", default="uploads,slowloris,logins")
    args = parser.parse_args()
    floods = set(args.phases.split(","))
    if args.pin:
        os.sched_setaffinity(0, SERVER_CPUS)  # the measuring client (its attackers move themselves)
    os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    motcua = os.path.abspath(os.path.join(args.build, "motcua"))
    # The attacker needs more descriptors than the server has.
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 8192), hard))
    work = tempfile.mkdtemp(prefix="motcua-flood.")
    db = args.db or os.path.join(work, "history.db")
    server = None
    try:
        if not args.db:
            make_history(motcua, db, args.dossiers)
        password = secrets.token_urlsafe(12)
        user = add_specialist(motcua, db, password)
        port = free_port()
        with open(os.path.join(work, "server.log"), "w") as log:
            server = start_server(motcua, db, port, log, args.pin)
            token = login(port, user, password)
            answers = multiprocessing.Manager().dict()
            per_process = 8  # threads per login-flood process
            plan = {
                "uploads": ("uploads 20 x 20 MiB", [functools.partial(upload_flood, port)] * 20, 2.0),
                "slowloris": ("slowloris 1100", [functools.partial(slowloris_flood, port, 1100)], 5.0),
                "logins": (f"logins {LOGIN_CLIENTS} addresses",
                           [functools.partial(login_flood, port, first, per_process, answers)
                            for first in range(0, LOGIN_CLIENTS, per_process)], 2.0),
            }
            phases = [phase("idle", port, token, args.samples, server.pid)]
            for key, (name, flood, settle) in plan.items():
                if key in floods:
                    phases.append(phase(name, port, token, args.samples, server.pid, flood, settle, args.pin))
            phases.append(phase("idle again", port, token, args.samples, server.pid))
            timing = login_timing(port, user, password) if "logins" in floods else None
        idle = phases[0][1][0]
        print("phase\tp50_ms\tp99_ms\tp50_ratio\tp99_ratio\tfailed_or_over_5s\tserver_rss_mib\tserver_fds")
        for name, (latencies, failures, peak_rss, peak_fds) in phases:
            p50, p99 = percentile(latencies, 50), percentile(latencies, 99)
            print(f"{name}\t{p50:.2f}\t{p99:.2f}\t{p50 / percentile(idle, 50):.2f}\t{p99 / percentile(idle, 99):.2f}"
                  f"\t{failures}/{len(latencies)}\t{peak_rss / 1024:.0f}\t{peak_fds}")
        refused = sum(1 for line in open(os.path.join(work, "server.log")) if "connections refused" in line)
        say(f"server log: {refused} 'connections refused' warnings (at most one a second)")
        say(f"cores {os.cpu_count()}; " + (f"server and measuring client on CPU {sorted(SERVER_CPUS)}, attackers on "
                                           f"{sorted(attacker_cpus())}" if args.pin else "every process on every core"))
        if timing:
            known, unknown = timing
            totals = {}
            for (status, _), count in answers.items():
                totals[status] = totals.get(status, 0) + count
            say(f"login flood answered: {json.dumps(dict(sorted(totals.items())))}")
            say(f"login timing: known login, wrong password {known:.1f} ms; unknown login {unknown:.1f} ms "
                f"(medians of 40, {abs(known - unknown) / max(known, unknown) * 100:.1f} % apart)")
    finally:
        if server:
            server.terminate()
            server.wait(timeout=60)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
