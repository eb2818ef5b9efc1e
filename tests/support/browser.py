"""A page of the built book in Chromium (pytest-playwright on Debian's chromium), with what it
fetched and every error it met."""

from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # Any host but this machine fails at name lookup, inside Chromium: a page asking another host
    # fails at once (and is reported by the `request` event), without each request making a round
    # trip through Python as a routed request does (about half a second a page).
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
]


def is_inline(url: str) -> bool:
    """Data and blob URLs are made in the page; no host is asked."""
    return url.startswith(("data:", "blob:", "about:"))


class Visit:
    """A page opened in a fresh browser context (empty localStorage, as on a reader's first visit),
    with every console error, page error, failed request and off-host request recorded."""

    def __init__(self, browser, origin: str, path: str, width: int = 1280, height: int = 800):
        self.origin = origin
        self.errors: list[str] = []
        self.failed: list[str] = []
        self.external: list[str] = []
        self.fetched: dict[str, int] = {}  # every response's URL and body size (Content-Length)
        self.context = browser.new_context(
            viewport={"width": width, "height": height}, color_scheme="light"
        )
        self.page = self.context.new_page()
        self.page.on("request", self._request)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda exc: self.errors.append(f"uncaught exception: {exc}"))
        self.page.on("requestfailed", self._request_failed)
        self.page.on("response", self._response)
        self.page.goto(f"{origin}/{path}", wait_until="load")
        self.page.wait_for_load_state("networkidle")

    def _request(self, request):
        url = request.url
        if not (url.startswith(self.origin + "/") or url == self.origin or is_inline(url)):
            self.external.append(url)

    def _console(self, msg):
        if msg.type in ("error", "assert"):
            where = msg.location.get("url", "") if msg.location else ""
            self.errors.append(f"console.{msg.type}: {msg.text} ({where})")

    def _request_failed(self, request):
        if request.url not in self.external:  # already reported as off-host
            self.failed.append(f"{request.url}: {request.failure}")

    def _response(self, response):
        self.fetched[response.url] = int(response.headers.get("content-length") or 0)
        if response.status >= 400:
            self.failed.append(f"{response.url}: HTTP {response.status}")

    def close(self):
        self.context.close()
