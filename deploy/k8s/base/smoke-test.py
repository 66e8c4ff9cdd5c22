#!/usr/bin/env python3
"""BuildNest release smoke test: what a shopper does first, against one deployment.

Run by the Argo Rollouts analysis (AnalysisTemplate buildnest-smoke-test) against the preview
(blue-green) or canary Service before it takes traffic, and by deploy.KubernetesManifestsTests
against a running BuildNest. Python's standard library only, so it runs in any python:3 image.

Steps: readiness (/readyz); sign in with the dedicated smoke account (registering it on the very
first run); browse the catalogue and open a product that is in stock; add it to the account's cart
at its minimum order quantity; empty the cart again. Any unexpected answer fails with exit code 1
and says which step failed; the password is never printed.

Usage: smoke-test.py BASE_URL   (account from SMOKE_USERNAME, SMOKE_EMAIL and the file named by
SMOKE_PASSWORD_FILE, default /run/secrets/smoke/password)
"""
import json
import os
import sys
import time
import urllib.error
import urllib.request


class SmokeFailure(Exception):
    pass


def call(base, method, path, body=None, token=None, expect=(200,)):
    headers = {"Accept": "application/json"}
    data = None
    if body is not None:
        headers["Content-Type"] = "application/json"
        data = json.dumps(body).encode()
    if token:
        headers["Authorization"] = "Bearer " + token
    request = urllib.request.Request(base + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            status, text = response.status, response.read().decode()
    except urllib.error.HTTPError as refused:
        status, text = refused.code, refused.read().decode()
    if status not in expect:
        raise SmokeFailure(f"{method} {path} answered {status}, expected {expect}: {text[:300]}")
    return status, (json.loads(text) if text.strip() else None)


def sign_in(base, username, email, password):
    credentials = {"username": username, "password": password}
    status, answer = call(base, "POST", "/api/auth/login", credentials, expect=(200, 401))
    if status == 401:
        # The very first release in an environment: the smoke account does not exist yet.
        call(base, "POST", "/api/auth/register",
             {"username": username, "email": email, "password": password, "fullName": "Release smoke test"},
             expect=(201,))
        _, answer = call(base, "POST", "/api/auth/login", credentials)
    return answer["accessToken"]


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    base = sys.argv[1].rstrip("/")
    username = os.environ.get("SMOKE_USERNAME", "release-smoke")
    email = os.environ.get("SMOKE_EMAIL", "release-smoke@buildnest.invalid")
    with open(os.environ.get("SMOKE_PASSWORD_FILE", "/run/secrets/smoke/password")) as secret:
        password = secret.read().strip()
    started = time.monotonic()
    try:
        _, health = call(base, "GET", "/readyz")
        if health.get("status") != "UP":
            raise SmokeFailure(f"/readyz says {health.get('status')}")
        token = sign_in(base, username, email, password)

        _, page = call(base, "GET", "/api/products?inStock=true&size=5")
        if not page["content"]:
            raise SmokeFailure("the catalogue shows no product in stock")
        _, product = call(base, "GET", f"/api/products/{page['content'][0]['id']}")
        quantity = product["minimumOrderQuantity"]

        _, cart = call(base, "GET", "/api/cart", token=token)
        for line in cart.get("items", []):   # left over by an interrupted earlier run
            call(base, "DELETE", f"/api/cart/items/{line['itemId']}", token=token)
        _, cart = call(base, "POST", "/api/cart/items", {"productId": product["id"], "quantity": quantity},
                       token=token, expect=(201,))
        lines = [line for line in cart["items"] if line["productId"] == product["id"]]
        if len(lines) != 1 or lines[0]["quantity"] != quantity:
            raise SmokeFailure(f"the cart does not hold {quantity} of product {product['id']}: {cart['items']}")
        for line in cart["items"]:
            _, cart = call(base, "DELETE", f"/api/cart/items/{line['itemId']}", token=token)
        if cart["items"]:
            raise SmokeFailure(f"the cart is not empty after removing every line: {cart['items']}")
    except (SmokeFailure, KeyError, TypeError, ValueError, OSError) as failure:
        print(f"smoke test FAILED against {base}: {failure}", file=sys.stderr)
        return 1
    print(f"smoke test passed against {base} in {time.monotonic() - started:.1f} s: "
          f"signed in, browsed, added product {product['id']} x{quantity} to the cart and emptied it")
    return 0


if __name__ == "__main__":
    sys.exit(main())
