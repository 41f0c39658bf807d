"""Counting under concurrency, on PostgreSQL: many clicks on one link, many signers at once,
one address from many tabs. Each thread has its own database connection, as requests do."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core import signing
from django.db import connection

from tadamun.campaigns import services
from tadamun.campaigns.models import Signature
from tests.campaigns import factories as make

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite serialises writers, so it cannot show a race (run with DATABASE_URL=postgres://...)",
    ),
]


@pytest.fixture(autouse=True)
def _generous_rate_limits(settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "sign_email": "1000/h", "sign_address": "1000/h"}


def all_at_once(count: int, work) -> list:
    """Run work(i) in `count` threads released together; return the results (or raise the
    first error a thread met)."""
    start = threading.Barrier(count, timeout=30)

    def run(i):
        try:
            start.wait()
            return work(i)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=count) as pool:
        futures = [pool.submit(run, i) for i in range(count)]
        return [future.result(timeout=60) for future in futures]


def count(action) -> int:
    action.refresh_from_db()
    return action.signature_count


def test_twenty_clicks_on_one_link_count_one_signature():
    action = make.petition(make.campaign())
    person = make.sign(action)
    token = make.confirm_token(person.email)

    results = all_at_once(20, lambda _i: services.confirm_signature(token))

    assert count(action) == 1
    assert sorted(r.already for r in results) == [False] + [True] * 19
    assert Signature.objects.get().status == Signature.Status.CONFIRMED


def test_thirty_signers_at_once_count_thirty():
    action = make.petition(make.campaign())

    def sign_and_confirm(i):
        person = make.signer(email=f"parallel{i}@example.org", name=f"Signer {i}")
        services.sign(action=action, signer=person, language="en", client=f"192.0.2.{i}")
        return services.confirm_signature(make.confirm_token(person.email)).already

    results = all_at_once(30, sign_and_confirm)

    assert results == [False] * 30
    confirmed = Signature.objects.filter(action=action, status=Signature.Status.CONFIRMED).count()
    assert count(action) == 30 == confirmed


def test_one_address_signing_from_ten_tabs_makes_one_signature():
    action = make.petition(make.campaign())

    def sign(i):
        email = "Layla@Example.org" if i % 2 else "layla@example.org"
        services.sign(action=action, signer=make.signer(email=email, name=f"Layla {i}"), language="en")

    all_at_once(10, sign)

    assert Signature.objects.filter(action=action).count() == 1
    assert count(action) == 0
    assert len(make.emails_to("layla@example.org")) == 10
    # The latest link (the signature's current nonce) confirms it, once.
    signature = Signature.objects.get()
    latest = [t for t in (make.CONFIRM_LINK.search(m.body).group(1) for m in make.emails_to("layla@example.org"))
              if signing.loads(t, salt=services.CONFIRM_SALT)[1] == signature.nonce]
    assert latest
    assert services.confirm_signature(latest[0]).already is False
    assert count(action) == 1


def test_ten_clicks_on_one_withdrawal_link_uncount_one_signature():
    action = make.petition(make.campaign())
    person = make.signer()
    make.signed_and_confirmed(action, person)
    make.signed_and_confirmed(action)
    token = make.withdraw_token(person.email)

    all_at_once(10, lambda _i: services.withdraw_signature(token))

    assert count(action) == 1
    assert Signature.objects.filter(status=Signature.Status.WITHDRAWN).count() == 1
