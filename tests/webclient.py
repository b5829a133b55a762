"""A test client that behaves like a browser on our own pages: it talks to a loopback address,
keeps its session cookie, and sends the session's CSRF token with every write (as our pages do).

``WebClient(app)`` acts as the single local user when the workspace has no account;
``WebClient(app).sign_in(email, password)`` signs in through the login page (its form's token and
cookie included); ``csrf=False`` sends writes without the token (what a forged cross-site form would do)."""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient

BASE_URL = "http://127.0.0.1"
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


class WebClient(TestClient):
    def __init__(self, app: Any, csrf: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("base_url", BASE_URL)
        kwargs.setdefault("client", ("127.0.0.1", 50000))  # a browser on this machine
        super().__init__(app, **kwargs)
        self.csrf = csrf
        self._token: str | None = None

    def csrf_token(self) -> str | None:
        """The session's CSRF token (starting a session when there is none yet)."""
        if self._token is None:
            answer = super().request("GET", "/api/me")
            if answer.status_code == 200:
                self._token = answer.json()["csrf_token"]
        return self._token

    def login_token(self) -> str:
        """The sign-in form's token, as the login page gives it (its cookie kept by the client)."""
        page = super().request("GET", "/login")
        found = re.search(r'value="([^"]*)" id="login-token"', page.text)
        assert found, (page.status_code, page.text[:300])
        return found.group(1)

    def sign_in(self, email: str, password: str) -> WebClient:
        self._token = None
        data = {"email": email, "password": password, "csrf_token": self.login_token()}
        answer = self.post("/login", data=data, follow_redirects=False)
        assert answer.status_code == 303, (answer.status_code, answer.text[:300])
        self._token = None
        return self

    def request(self, method: str, url: Any, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        if method.upper() in UNSAFE and self.csrf and str(url) != "/login":
            headers = dict(kwargs.pop("headers", None) or {})
            if not any(k.lower() == "x-csrf-token" for k in headers):
                token = self.csrf_token()
                if token:
                    headers["X-CSRF-Token"] = token
            kwargs["headers"] = headers
        return super().request(method, url, *args, **kwargs)
