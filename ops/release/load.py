#!/usr/bin/env python3
"""Shopper traffic for the blue-green drill (ops/release/blue-green-drill.sh); Python's standard library only.

  load.py run BASE_URL --workers N --out FILE [--stop-file PATH] [--max-seconds S] [--timeout S]
      Each worker is one shopper connecting from its own loopback address (127.A.B.11, .12, ..., with
      A.B drawn for the run; the
      proxy passes it on in X-Forwarded-For, so the sign-in limits count each shopper apart, as they
      would behind a real ingress). It registers an account with a generated password (kept in memory
      only), signs in, then keeps browsing categories, product pages, listings and searches, adds a
      product to its cart and removes it again, and signs in anew every 20 s. Every request opens a
      new connection, so no request is lost to a proxy closing an idle kept-alive one.
      A request fails on any 5xx, a connection error, a timeout, or a 4xx that the step does not
      expect. One line per request goes to FILE (epoch seconds, latency ms, status, step, served-by
      port); runs until the stop file appears, SIGTERM, or --max-seconds (a hard bound).

  load.py report REQUESTS EVENTS OUT.md [--title T]
      Reads the request log and the drill's events (lines "EPOCH NAME detail...") and writes the
      Markdown report: requests sent and failed, latency p50/p99/max in windows around each switch,
      the rollback's times (decision to the first answer from blue, and to all traffic on blue), the
      failures, and a per-second table. Exits 1 if any request failed.
"""
import argparse
import http.client
import json
import os
import random
import secrets
import signal
import string
import sys
import threading
import time
import urllib.parse

STEPS_EXPECTED = {
    # step: statuses that are a correct answer (anything else counts as failed)
    "register": (201,),
    "login": (200,),
    "categories": (200,),
    "listing": (200,),
    "search": (200,),
    "product": (200,),
    "cart": (200,),
    "cart-add": (201,),
    "cart-remove": (200, 204),
}
SEARCH_WORDS = ["cement", "tile", "steel", "paint", "pipe", "brick", "sand", "wire", "door", "tap"]


class Recorder:
    def __init__(self, path):
        self.lock = threading.Lock()
        self.file = open(path, "w", buffering=1)

    def record(self, started, latency_ms, status, step, served_by, detail=""):
        with self.lock:
            self.file.write(f"{started:.3f}\t{latency_ms:.1f}\t{status}\t{step}\t{served_by}\t{detail}\n")

    def close(self):
        with self.lock:
            self.file.close()


class Shopper(threading.Thread):
    def __init__(self, number, base, recorder, stop, timeout, run_id, network):
        super().__init__(name=f"shopper-{number}", daemon=True)
        url = urllib.parse.urlsplit(base)
        self.host, self.port = url.hostname, url.port or 80
        self.source = f"{network}.{10 + number}"
        self.recorder, self.stop, self.timeout = recorder, stop, timeout
        self.username = f"bg-{run_id}-{number}"
        self.password = "Bg-" + secrets.token_urlsafe(18)
        self.token = None
        self.signed_in_at = 0.0
        self.products = []
        self.cart_line = None
        self.random = random.Random(number)

    def call(self, step, method, path, body=None, auth=True):
        headers = {"Accept": "application/json", "Connection": "close"}
        data = None
        if body is not None:
            headers["Content-Type"] = "application/json"
            data = json.dumps(body).encode()
        if auth and self.token:
            headers["Authorization"] = "Bearer " + self.token
        started = time.time()
        clock = time.monotonic()
        status, served_by, text = "ERR", "-", ""
        connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout,
                                                source_address=(self.source, 0))
        try:
            connection.request(method, path, body=data, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
            status = response.status
            served_by = (response.getheader("X-Served-By") or "-").rsplit(":", 1)[-1]
        except TimeoutError:
            status, text = "TIMEOUT", "no answer within the timeout"
        except OSError as error:
            text = f"{type(error).__name__}: {error}"
        finally:
            connection.close()
        latency = (time.monotonic() - clock) * 1000
        ok = status in STEPS_EXPECTED[step]
        detail = "" if ok else f"{method} {path}: {text[:200]}".replace("\t", " ").replace("\n", " ")
        self.recorder.record(started, latency, status, step, served_by, detail)
        if not ok:
            return None
        return json.loads(text) if text.strip() else {}

    def sign_in(self):
        answer = self.call("login", "POST", "/api/auth/login",
                           {"username": self.username, "password": self.password}, auth=False)
        if answer:
            self.token = answer["accessToken"]
            self.signed_in_at = time.monotonic()

    def setup(self):
        while not self.stop.is_set():
            registered = self.call("register", "POST", "/api/auth/register",
                                   {"username": self.username, "email": f"{self.username}@buildnest.invalid",
                                    "password": self.password, "fullName": "Blue-green drill shopper"},
                                   auth=False)
            if registered is not None:
                break
            self.stop.wait(1)
        while not self.token and not self.stop.is_set():
            self.sign_in()
            if not self.token:
                self.stop.wait(1)
        while not self.products and not self.stop.is_set():
            page = self.call("listing", "GET", "/api/products?inStock=true&size=5")
            for summary in (page or {}).get("content", []):
                product = self.call("product", "GET", f"/api/products/{summary['id']}")
                if product:
                    self.products.append((product["id"], product["minimumOrderQuantity"]))
            if not self.products:
                self.stop.wait(1)

    def cart_step(self):
        if self.cart_line is None:
            product_id, quantity = self.random.choice(self.products)
            cart = self.call("cart-add", "POST", "/api/cart/items", {"productId": product_id, "quantity": quantity})
            if cart:
                lines = [line for line in cart.get("items", []) if line["productId"] == product_id]
                self.cart_line = lines[0]["itemId"] if lines else None
        else:
            self.call("cart-remove", "DELETE", f"/api/cart/items/{self.cart_line}")
            self.cart_line = None

    def run(self):
        self.setup()
        while not self.stop.is_set():
            if time.monotonic() - self.signed_in_at > 20:
                self.sign_in()
            choice = self.random.random()
            if choice < 0.15:
                self.call("categories", "GET", "/api/categories")
            elif choice < 0.40:
                self.call("listing", "GET", f"/api/products?page={self.random.randint(0, 2)}&size=12")
            elif choice < 0.55:
                self.call("search", "GET", f"/api/products/search?query={self.random.choice(SEARCH_WORDS)}")
            elif choice < 0.75:
                self.call("product", "GET", f"/api/products/{self.random.choice(self.products)[0]}")
            elif choice < 0.85:
                self.call("cart", "GET", "/api/cart")
            else:
                self.cart_step()
            self.stop.wait(self.random.uniform(0.05, 0.25))   # a shopper's think time, kept short
        if self.cart_line is not None and self.token:
            self.call("cart-remove", "DELETE", f"/api/cart/items/{self.cart_line}")


def run(arguments):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    recorder = Recorder(arguments.out)
    run_id = "".join(random.choice(string.ascii_lowercase) for _ in range(6))
    # A loopback network of this run's own (127.A.B.0/24): the sign-in limits live in the shared Redis
    # for their period, so shoppers of an earlier run on the same addresses would count against these.
    network = f"127.{random.randint(1, 254)}.{random.randint(0, 254)}"
    shoppers = [Shopper(n + 1, arguments.base, recorder, stop, arguments.timeout, run_id, network)
                for n in range(arguments.workers)]
    for shopper in shoppers:
        shopper.start()
    deadline = time.monotonic() + arguments.max_seconds
    while not stop.is_set():
        if arguments.stop_file and os.path.exists(arguments.stop_file):
            break
        if time.monotonic() > deadline:
            print(f"load: stopped by --max-seconds {arguments.max_seconds}", file=sys.stderr)
            break
        stop.wait(0.2)
    stop.set()
    for shopper in shoppers:
        shopper.join(arguments.timeout + 5)
    recorder.close()
    return 0


def percentile(sorted_values, fraction):
    if not sorted_values:
        return 0.0
    index = min(len(sorted_values) - 1, max(0, int(round(fraction * len(sorted_values) + 0.5)) - 1))
    return sorted_values[index]


def summary(rows):
    latencies = sorted(row["latency"] for row in rows)
    failed = sum(1 for row in rows if not row["ok"])
    return (len(rows), failed, percentile(latencies, 0.50), percentile(latencies, 0.99),
            latencies[-1] if latencies else 0.0)


def read_requests(path):
    rows = []
    with open(path) as lines:
        for line in lines:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 5:
                continue
            status = int(parts[2]) if parts[2].isdigit() else parts[2]
            rows.append({"t": float(parts[0]), "latency": float(parts[1]), "status": status, "step": parts[3],
                         "served_by": parts[4], "detail": parts[5] if len(parts) > 5 else "",
                         "ok": status in STEPS_EXPECTED[parts[3]]})
    return rows


def read_events(path):
    events = []
    with open(path) as lines:
        for line in lines:
            parts = line.split(None, 2)
            if len(parts) >= 2:
                events.append((float(parts[0]), parts[1], parts[2].strip() if len(parts) > 2 else ""))
    return events


def rollback_times(rows, at):
    """(ms from the rollback decision to the first answer from blue, ms to all traffic on blue, blue's port),
    or None without a rollback. Blue is the port that served before green started: it keeps running
    drained through the release, so the rollback goes back to that very process."""
    if "rollback-decided" not in at or "green-drained" not in at:
        return None
    before_green = [row["served_by"] for row in rows
                    if row["t"] < at.get("green-starting", at["rollback-decided"]) and row["served_by"] != "-"]
    if not before_green:
        return None
    port = max(set(before_green), key=before_green.count)
    decided = at["rollback-decided"]
    answers = [row["t"] + row["latency"] / 1000 for row in rows
               if row["served_by"] == port and row["t"] >= decided and row["ok"]]
    if not answers:
        return None
    return (min(answers) - decided) * 1000, (at["green-drained"] - decided) * 1000, port


def report(arguments):
    rows = read_requests(arguments.requests)
    events = read_events(arguments.events)
    if not rows:
        print("report: the load generator recorded no request", file=sys.stderr)
        return 1
    at = {name: t for t, name, _ in events}
    rows.sort(key=lambda row: row["t"])   # written as answers came back, not in the order sent
    start, end = rows[0]["t"], rows[-1]["t"]
    out = [f"# {arguments.title}", ""]
    sent, failed, p50, p99, worst = summary(rows)
    out += [f"Requests sent: **{sent}**, failed: **{failed}** "
            f"(p50 {p50:.0f} ms, p99 {p99:.0f} ms, max {worst:.0f} ms) over {end - start:.0f} s.", ""]
    out += ["## Events", "", "| t (s) | event | detail |", "|---:|---|---|"]
    out += [f"| {t - start:.1f} | {name} | {detail} |" for t, name, detail in events]
    out += ["", "## Windows around the switches", "",
            "| window | from (s) | to (s) | sent | failed | p50 ms | p99 ms | max ms | served by (port: requests) |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---|"]

    def window(name, lo, hi):
        if lo is None or hi is None:
            return
        chosen = [row for row in rows if lo <= row["t"] < hi]
        n, f, a, b, c = summary(chosen)
        ports = {}
        for row in chosen:
            ports[row["served_by"]] = ports.get(row["served_by"], 0) + 1
        served = ", ".join(f"{port}: {count}" for port, count in sorted(ports.items()))
        out.append(f"| {name} | {lo - start:.1f} | {hi - start:.1f} | {n} | {f} | {a:.0f} | {b:.0f} | {c:.0f} | {served} |")

    window("whole drill", start, end + 1)
    window("blue alone, before green starts", start, at.get("green-starting"))
    window("green starting and migrating (blue serves)", at.get("green-starting"), at.get("green-ready"))
    if "switch-to-green" in at:
        window("10 s before switch to green", at["switch-to-green"] - 10, at["switch-to-green"])
        window("switch to green: reload until old workers drained", at["switch-to-green"],
               at.get("blue-drained", at["switch-to-green"]) + 0.001)
        window("10 s after switch to green", at["switch-to-green"], at["switch-to-green"] + 10)
        window("green serves, blue drained but running (rollback window)", at.get("blue-drained"),
               at.get("rollback-decided"))
    if "switch-to-blue" in at:
        window("10 s before rollback to blue", at["switch-to-blue"] - 10, at["switch-to-blue"])
        window("rollback: decision until old workers drained", at.get("rollback-decided", at["switch-to-blue"]),
               at.get("green-drained", at["switch-to-blue"]) + 0.001)
        window("10 s after rollback to blue", at["switch-to-blue"], at["switch-to-blue"] + 10)
        window("rollback: green's drain and graceful stop", at.get("green-drained"), at.get("green-stopped"))
    rollback = rollback_times(rows, at)
    if rollback:
        first_ms, all_ms, port = rollback
        out += ["", "## Rollback", "",
                f"From the decision to roll back: first answer from blue (port {port}) after **{first_ms:.0f} ms**, "
                f"all traffic on blue (every old proxy worker gone) after **{all_ms:.0f} ms**."]
    failures = [row for row in rows if not row["ok"]]
    out += ["", "## Failed requests", ""]
    if failures:
        out += ["| t (s) | step | status | detail |", "|---:|---|---|---|"]
        out += [f"| {row['t'] - start:.1f} | {row['step']} | {row['status']} | {row['detail'][:160]} |"
                for row in failures[:50]]
        if len(failures) > 50:
            out.append(f"\n… and {len(failures) - 50} more (see requests.tsv).")
    else:
        out.append("None.")
    out += ["", "## Per second", "", "| t (s) | sent | failed | p50 ms | p99 ms | max ms | served by |",
            "|---:|---:|---:|---:|---:|---:|---|"]
    by_second = {}
    for row in rows:
        by_second.setdefault(int(row["t"] - start), []).append(row)
    for second in sorted(by_second):
        chosen = by_second[second]
        n, f, a, b, c = summary(chosen)
        ports = sorted({row["served_by"] for row in chosen})
        out.append(f"| {second} | {n} | {f} | {a:.0f} | {b:.0f} | {c:.0f} | {' '.join(ports)} |")
    with open(arguments.out, "w") as file:
        file.write("\n".join(out) + "\n")
    print(f"REQUESTS sent={sent} failed={failed} p50={p50:.0f} p99={p99:.0f} max={worst:.0f}")
    if rollback:
        print(f"ROLLBACK first_ms={rollback[0]:.0f} all_ms={rollback[1]:.0f} port={rollback[2]}")
    return 1 if failed else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    load = commands.add_parser("run")
    load.add_argument("base")
    load.add_argument("--workers", type=int, default=6)
    load.add_argument("--out", required=True)
    load.add_argument("--stop-file")
    load.add_argument("--max-seconds", type=float, default=900)
    load.add_argument("--timeout", type=float, default=15)
    summarise = commands.add_parser("report")
    summarise.add_argument("requests")
    summarise.add_argument("events")
    summarise.add_argument("out")
    summarise.add_argument("--title", default="Blue-green drill")
    arguments = parser.parse_args()
    if arguments.command == "run":
        if not 1 <= arguments.workers <= 200:
            parser.error("--workers must be between 1 and 200")
        return run(arguments)
    return report(arguments)


if __name__ == "__main__":
    sys.exit(main())
