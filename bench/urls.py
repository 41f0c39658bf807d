"""The platform's URLs plus `/__bench__/hello/`: the baseline of the throughput benchmark
(a bare Django view behind the same middleware)."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from tadamun.urls import urlpatterns as platform_urlpatterns


def hello(request: HttpRequest) -> HttpResponse:
    return HttpResponse("Hello, world", content_type="text/plain")


urlpatterns = [path("__bench__/hello/", hello), *platform_urlpatterns]
