import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import RequestFactory

from tadamun.core.ratelimit import client_ip, limit_rate


@pytest.fixture
def view():
    @limit_rate("test-view", per_address="3/m")
    def hello(request):
        return HttpResponse("hello")

    return hello


def request_from(address, forwarded=None):
    extra = {"REMOTE_ADDR": address}
    if forwarded:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    request = RequestFactory().get("/en/organisations/", **extra)
    request.user = AnonymousUser()
    request.LANGUAGE_CODE = "en"
    return request


@pytest.mark.django_db
def test_a_client_over_the_rate_waits_and_others_do_not(view):
    statuses = [view(request_from("10.0.0.1")).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    refused = view(request_from("10.0.0.1"))
    assert "Too many requests" in refused.content.decode() and int(refused["Retry-After"]) > 0
    assert view(request_from("10.0.0.2")).status_code == 200


def test_the_client_cannot_choose_its_address(settings):
    settings.NUM_PROXIES = 0
    assert client_ip(request_from("10.0.0.9", forwarded="1.2.3.4")) == "10.0.0.9"
    settings.NUM_PROXIES = 1
    assert client_ip(request_from("10.0.0.9", forwarded="6.6.6.6, 1.2.3.4")) == "1.2.3.4"


@pytest.mark.django_db
def test_the_api_is_rate_limited_per_address(client, settings):
    statuses = [client.get("/api/pathways", REMOTE_ADDR="10.9.9.9").status_code for _ in range(301)]
    assert statuses[:300] == [200] * 300 and statuses[300] == 429
    assert client.get("/api/pathways", REMOTE_ADDR="10.9.9.8").status_code == 200
