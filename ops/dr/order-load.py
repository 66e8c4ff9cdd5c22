#!/usr/bin/env python3
"""Order load of ops/dr/drill.sh: concurrent buyers keep buying through BuildNest's HTTP API and
record every order the application acknowledged.

Usage: order-load.py BASE_URL USERNAMES_FILE WORKERS ACK_FILE STOP_FILE
The password of the generated accounts comes from the variable DRILL_BUYER_PASSWORD (never an
argument). Each worker signs in one buyer, adds a delivery address, and then, until STOP_FILE
exists: adds a product to the cart, checks out with an Idempotency-Key, pays at the simulated
gateway and verifies the payment. Acknowledgements are appended to ACK_FILE as they come, one line
each, flushed at once, so a crash of anything else never loses one:
    ordered <orderNumber> <epoch seconds> <username>   checkout answered 201 (the order exists)
    paid <orderNumber> <epoch seconds> <username>      verify answered 200 with status PAID
A refused or failed call (the database is gone, for instance) is counted, the buyer waits a
moment and starts over; nothing unacknowledged is recorded. Progress every 5 s on stderr; a
summary line "ordered=N paid=N failed=N" on stdout at the end.
"""
import json
import os
import random
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid

TIMEOUT = 30
SETUP_ATTEMPTS = 5


class Api:
    def __init__(self, base):
        self.base = base.rstrip("/")

    def setup(self, method, path, token=None, body=None, expected=200):
        """A call of the set-up (catalogue, sign-in): a cold application on a busy machine may be slow."""
        for attempt in range(1, SETUP_ATTEMPTS + 1):
            try:
                return self.call(method, path, token, body, expected)
            except (Refused, OSError) as error:
                if attempt == SETUP_ATTEMPTS:
                    raise
                print(f"{method} {path.split('?')[0]}: {error}; trying again", file=sys.stderr, flush=True)
                time.sleep(2)

    def call(self, method, path, token=None, body=None, expected=200, headers=None):
        request = urllib.request.Request(self.base + path, method=method,
                                         data=None if body is None else json.dumps(body).encode())
        request.add_header("Content-Type", "application/json")
        if token:
            request.add_header("Authorization", "Bearer " + token)
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
                status, text = response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            status, text = error.code, error.read().decode(errors="replace")
        if status != expected:
            raise Refused(f"{method} {path.split('?')[0]} -> {status}")
        return json.loads(text) if text else {}


class Refused(Exception):
    pass


class Load:
    def __init__(self, api, ack_file, stop_file):
        self.api, self.stop_file = api, stop_file
        self.acks = open(ack_file, "a", buffering=1)
        self.lock = threading.Lock()
        self.ordered = self.paid = self.failed = 0
        self.failures = {}

    def stopping(self):
        return os.path.exists(self.stop_file)

    def ack(self, kind, order_number, username):
        with self.lock:
            self.acks.write(f"{kind} {order_number} {time.time():.3f} {username}\n")
            self.acks.flush()
            os.fsync(self.acks.fileno())
            if kind == "ordered":
                self.ordered += 1
            else:
                self.paid += 1

    def fail(self, why):
        with self.lock:
            self.failed += 1
            self.failures[why] = self.failures.get(why, 0) + 1

    def offers(self):
        offers = []
        for page in range(3):
            found = self.api.setup("GET", f"/api/products?inStock=true&sort=newest&size=100&page={page}")
            for product in found["content"]:
                quantity = product["minimumOrderQuantity"]
                if product["stock"]["available"] >= 50 * quantity:
                    offers.append((product["id"], quantity))
        if not offers:
            raise SystemExit("no product has stock for 50 purchases")
        return offers

    def sign_in(self, username, password):
        token = self.api.setup("POST", "/api/auth/login", body={"username": username, "password": password})["accessToken"]
        address = self.api.setup("POST", "/api/me/addresses", token, expected=201, body={
            "label": "DR drill site", "recipientName": "Drill Buyer", "phone": "+919845012345",
            "line1": "Plot 12, 4th Cross", "city": "Bengaluru", "state": "Karnataka", "pinCode": "560001"})
        return username, token, address["id"]

    def buyer(self, username, token, address_id, offers):
        while not self.stopping():
            product_id, quantity = random.choice(offers)
            try:
                self.api.call("POST", "/api/cart/items", token, {"productId": product_id, "quantity": quantity}, 201)
                try:
                    order = self.api.call("POST", "/api/checkout", token,
                                          {"shippingAddressId": address_id, "paymentMethod": "upi"}, 201,
                                          {"Idempotency-Key": str(uuid.uuid4())})
                except Refused:
                    self.clear_cart(token)
                    raise
                number = order["orderNumber"]
                self.ack("ordered", number, username)
                browser = self.api.call("POST", f"/api/payments/simulated/{order['payment']['gatewayOrderId']}/pay",
                                        token, {"outcome": "success"})
                paid = self.api.call("POST", "/api/payments/razorpay/verify", token, browser)
                if paid.get("status") == "PAID":
                    self.ack("paid", number, username)
                else:
                    self.fail("verify answered " + str(paid.get("status")))
            except Refused as refused:
                self.fail(str(refused))
                time.sleep(0.3)
            except (OSError, ValueError, KeyError) as error:
                self.fail(type(error).__name__)
                time.sleep(0.3)

    def clear_cart(self, token):
        try:
            for item in self.api.call("GET", "/api/cart", token).get("items", []):
                self.api.call("DELETE", f"/api/cart/items/{item['id']}", token, expected=204)
        except (Refused, OSError, ValueError, KeyError):
            pass


def main():
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    base, usernames_file, workers, ack_file, stop_file = sys.argv[1:]
    password = os.environ.get("DRILL_BUYER_PASSWORD") or sys.exit("DRILL_BUYER_PASSWORD is not set")
    with open(usernames_file) as names:
        usernames = [line.strip() for line in names if line.strip()][:int(workers)]
    load = Load(Api(base), ack_file, stop_file)
    offers = load.offers()
    buyers = [load.sign_in(username, password) for username in usernames]
    print(f"{len(offers)} products to buy, {len(buyers)} buyers signed in", file=sys.stderr, flush=True)
    threads = [threading.Thread(target=load.buyer, args=(*buyer, offers), daemon=True) for buyer in buyers]
    for thread in threads:
        thread.start()
    while any(thread.is_alive() for thread in threads):
        for _ in range(50):
            if not any(thread.is_alive() for thread in threads):
                break
            time.sleep(0.1)
        with load.lock:
            print(f"orders: {load.ordered} acknowledged, {load.paid} paid, {load.failed} failed calls",
                  file=sys.stderr, flush=True)
    for why, count in sorted(load.failures.items()):
        print(f"  failed: {why} x{count}", file=sys.stderr)
    print(f"ordered={load.ordered} paid={load.paid} failed={load.failed}")


if __name__ == "__main__":
    main()
