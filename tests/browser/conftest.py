"""Real headless Chromium (Debian's) against the demo workspace served by uvicorn on localhost."""

from __future__ import annotations

import os
import shutil
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.localserver import free_port

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@contextmanager
def serving(app):
    """``app`` served by uvicorn on a free local port while the block runs; yields its address."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the server did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory):
    """The demo workspace, built fresh, served on a free local port for this module."""
    from inhouse.bootstrap import bootstrap
    from inhouse.services import demo
    from inhouse.web import create_app

    folder = tmp_path_factory.mktemp("demo")
    demo.build(folder, force=True)
    ws = bootstrap(database_url=f"sqlite:///{folder / 'inhouse.db'}")
    with serving(create_app(ws)) as url:
        yield {"url": url, "folder": folder}
    ws.dispose()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        # CI installs it (.ci/run), so there a missing browser is a failure, not a skip
        (pytest.fail if os.environ.get("CI") else pytest.skip)(
            "Debian's chromium is not installed (apt-get install chromium; .ci/run does it)"
        )
    import playwright.sync_api as playwright_api  # a test extra: its absence is an install error

    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def shot(page, name: str, full: bool = True) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full)
    return path


def sign_in(page, base: str, email: str, password: str) -> None:
    """Sign in through the login page, as a person would."""
    page.goto(base + "/login")
    form = page.locator("#login-form")
    form.locator("input[name=email]").fill(email)
    form.locator("input[name=password]").fill(password)
    form.locator("button[type=submit]").click()
    page.wait_for_url(base + "/*")
    assert "/login" not in page.url, page.locator("#login-message").all_inner_texts()
