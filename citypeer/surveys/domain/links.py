"""Personal links: how a city's contact, and the colleagues they pass the link to, open the
city's response without an account.

A link carries a random token (256 bits); only its SHA-256 digest is stored, so that the
database alone opens no response. Opening the link puts the digest in the visitor's session
and sends them on to the response's own address, so that the token does not stay in the
address bar, in the history or in a Referer. Sending the link again makes a new token: the
old link then stops working, in every session that used it.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from django.conf import settings
from django.urls import reverse

from citypeer.surveys.models import CityResponse

SESSION_KEY = "survey_links"
TOKEN_BYTES = 32


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue_token(response: CityResponse) -> str:
    """A new token for the response (the old one stops working); the caller saves it."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    response.token_digest = digest(token)
    return token


def link_url(token: str) -> str:
    return settings.CITYPEER_BASE_URL + reverse("surveys:link", args=[token])


def response_for_token(token: str) -> CityResponse | None:
    """The response whose link this is, marked as opened with it; None for no such link."""
    if not token or len(token) > 200:
        return None
    response = (CityResponse.objects.select_related("survey", "city")
                .filter(token_digest=digest(token)).first())
    if response is not None:
        response.opened_with_link = True
    return response


def remember(session, response: CityResponse) -> None:
    links = dict(session.get(SESSION_KEY, {}))
    links[str(response.pk)] = response.token_digest
    session[SESSION_KEY] = links


def mark_if_opened_with_link(session, response: CityResponse) -> CityResponse:
    """Mark the response as opened with its link when this session opened it with the link
    that is valid now."""
    kept = session.get(SESSION_KEY, {}).get(str(response.pk)) if session is not None else None
    response.opened_with_link = bool(
        kept and response.token_digest and hmac.compare_digest(kept, response.token_digest))
    return response
