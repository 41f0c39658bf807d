"""Journeys through the real browser, in both directions, with screenshots."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import struct
import time

import pytest
from django.core import mail

from tadamun.network.models import ActivityCentre, Governorate
from tests import factories
from tests.browser.conftest import log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def reference_data(db):
    factories.ensure_reference_data()


@pytest.fixture
def network(db):
    factories.OrganisationFactory(name="Basra Water Defenders", names={"ar": "المدافعون عن مياه البصرة"},
                                  governorates=["IQ-BA"], pathways=["heritage-environment"])
    factories.OrganisationFactory(name="Basra Oil Workers Union", kind="trade_union", names={"ar": "نقابة عمال النفط في البصرة"},
                                  governorates=["IQ-BA"], pathways=["economic-social-rights"])
    factories.OrganisationFactory(name="Sulaymaniyah Women Centre", names={"ar": "مركز نساء السليمانية", "ckb": "ناوەندی ئافرەتانی سلێمانی"},
                                  governorates=["IQ-SU"], pathways=["women"])
    factories.OrganisationFactory(name="Roma Solidale", kind="international", country="IT", names={"ar": "روما متضامنة"}, pathways=["women"])
    host = factories.OrganisationFactory(name="Baghdad Youth Hub", governorates=["IQ-BG"], pathways=["youth"])
    ActivityCentre.objects.create(name="Baghdad Activity Centre", governorate=Governorate.objects.get(iso_code="IQ-BG"), host=host)


def test_directory_in_arabic_is_right_to_left_and_filters(page, live_server, network):
    page.goto(f"{live_server.url}/ar/organisations/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    # The filter panel is on the right (the start side) in a right-to-left page.
    filters = page.locator("form.filters").bounding_box()
    results = page.locator("#results").bounding_box()
    assert filters["x"] > results["x"]
    assert "5" in page.locator(".result-count").inner_text()
    screenshot(page, "directory-ar")
    page.select_option("#id_governorate", "IQ-BA")  # htmx refreshes the results in place
    page.wait_for_url(re.compile(r"governorate=IQ-BA"))
    expect_text(page, ".result-count", "منظمتين")  # Arabic says "two organisations" in one word
    assert page.locator("#results .card").count() == 2
    assert "المدافعون عن مياه البصرة" in page.locator("#results").inner_text()
    assert "مركز نساء السليمانية" not in page.locator("#results").inner_text()
    screenshot(page, "directory-ar-filtered")


def expect_text(page, selector: str, text: str) -> None:
    from playwright.sync_api import expect

    expect(page.locator(selector)).to_contain_text(text)


def test_directory_filters_without_javascript(browser, live_server, network):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/en/organisations/")
    page.select_option("#id_pathway", "women")
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(r"pathway=women"))
    assert "2 organisations found" in page.locator(".result-count").inner_text()
    context.close()


def test_language_switch_keeps_the_page(page, live_server, network):
    page.goto(f"{live_server.url}/en/organisations/?pathway=women")
    page.click("nav.languages >> text=العربية")
    page.wait_for_url(re.compile(r"/ar/organisations/\?pathway=women"))
    assert page.locator("html").get_attribute("lang") == "ar"
    assert "روما متضامنة" in page.locator("#results").inner_text()
    page.click("nav.languages >> text=Kurdî")
    page.wait_for_url(re.compile(r"/kmr/organisations/\?pathway=women"))
    assert page.locator("html").get_attribute("dir") == "ltr"


def test_map_links_to_the_filtered_directory(page, live_server, network):
    page.goto(f"{live_server.url}/en/map/")
    assert page.locator("svg path.gov").count() == 18
    assert page.locator("svg .centre").count() == 1
    screenshot(page, "map-en")
    page.locator('svg a[href*="IQ-BA"]').first.click()
    page.wait_for_url(re.compile(r"/en/organisations/\?governorate=IQ-BA"))
    assert "2 organisations found" in page.locator(".result-count").inner_text()
    page.goto(f"{live_server.url}/ar/map/")
    screenshot(page, "map-ar")


def test_main_pages_in_both_directions(page, live_server, network):
    org = factories.OrganisationFactory(name="Mosul Heritage Circle", names={"ar": "حلقة تراث الموصل"}, governorates=["IQ-NI"], pathways=["heritage-environment"])
    factories.add_contacts(org)
    for code in ("en", "ar", "ckb", "kmr", "it"):
        for name, path in (("home", "/"), ("pathways", "/pathways/"), ("pathway", "/pathways/women/"), ("profile", f"/organisations/{org.slug}/")):
            page.goto(f"{live_server.url}/{code}{path}")
            assert page.locator("html").get_attribute("lang") == code
            if code in ("en", "ar"):
                screenshot(page, f"{name}-{code}")
    # Nothing overflows sideways on a phone in Arabic.
    page.set_viewport_size({"width": 360, "height": 800})
    for path in ("/ar/", "/ar/organisations/", f"/ar/organisations/{org.slug}/", "/ar/map/"):
        page.goto(f"{live_server.url}{path}")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), path
        outside = page.evaluate(OUTSIDE_THE_SCREEN)
        assert not outside, (path, outside)


# Elements drawn beyond the left or right edge of the screen (hidden helpers excepted).
OUTSIDE_THE_SCREEN = """
[...document.querySelectorAll('body *')].filter(e => {
  if (e.closest('.skip, .visually-hidden, svg, .table-scroll, .trap')) return false;
  const r = e.getBoundingClientRect();
  return r.width > 0 && (r.left < -1 || r.right > window.innerWidth + 1);
}).map(e => e.tagName + '.' + e.className).slice(0, 5)
"""


def totp(secret: str, at: float | None = None) -> str:
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    counter = int((at or time.time()) // 30)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    code = (struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000
    return f"{code:06d}"


def test_signup_verify_login_and_two_factor(page, live_server):
    email, password = "defender@example.org", "a long and careful passphrase"
    page.goto(f"{live_server.url}/ar/accounts/signup/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    screenshot(page, "signup-ar")
    page.fill("input[name=email]", email)
    page.fill("input[name=password1]", password)
    page.fill("input[name=password2]", password)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()
    assert mail.outbox, "a confirmation email is sent"
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", mail.outbox[-1].body)
    assert link, mail.outbox[-1].body
    link = link.group(0)
    page.goto(live_server.url + "/" + link.split("://", 1)[1].split("/", 1)[1])
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()

    page.goto(f"{live_server.url}/en/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/en/$"))

    page.goto(f"{live_server.url}/en/accounts/2fa/totp/activate/")
    if "/reauthenticate/" in page.url:  # allauth asks for the password again before 2FA changes
        page.fill("input[name=password]", password)
        page.locator("main form button[type=submit]").first.click()
        page.wait_for_url(re.compile(r"/2fa/totp/activate/"))
    screenshot(page, "totp-activate-en", widths=(360,))
    secret = page.locator("input[name=secret], #id_secret").first.input_value() if page.locator("input[name=secret], #id_secret").count() else None
    if not secret:
        secret = re.search(r"\b[A-Z2-7]{32}\b", page.content()).group(0)
    page.fill("input[name=code]", totp(secret))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()
    # The recovery codes are shown once, right after 2FA is turned on.
    if not page.locator("#recovery_codes").count():
        page.goto(f"{live_server.url}/en/accounts/2fa/recovery-codes/")
    screenshot(page, "recovery-codes-en", widths=(1280,))
    codes = page.locator("#recovery_codes").input_value().split()
    assert codes, "recovery codes are shown"

    page.goto(f"{live_server.url}/en/account/")
    page.locator("nav.account-nav button[type=submit]").click()
    page.wait_for_load_state()
    page.goto(f"{live_server.url}/en/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/2fa/authenticate/"))
    page.fill("input[name=code]", codes[0])
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()
    screenshot(page, "after-recovery-code", widths=(1280,))
    page.wait_for_url(re.compile(r"/en/$"))
    assert "My account" in page.locator("nav.account-nav").inner_text()


def test_pages_of_members_and_coordinators_in_both_directions(page, live_server, network):
    from tadamun.network.models import Membership, Organisation

    org = Organisation.objects.get(name="Basra Water Defenders")
    admin = factories.member(org, Membership.Role.ADMIN, display_name="Zainab Al-Basri")
    factories.member(org, Membership.Role.EDITOR, display_name="Karwan Ahmed")
    factories.OrganisationFactory(name="Waiting Group", status="pending", applicant=admin)
    log_in(page, live_server, admin)
    for code in ("en", "ar"):
        for name, path in (("apply", "/organisations/apply/"), ("edit", f"/organisations/{org.slug}/edit/"),
                           ("members", f"/organisations/{org.slug}/members/"), ("account", "/account/")):
            page.goto(f"{live_server.url}/{code}{path}")
            assert page.locator("h1").count() == 1, path
            screenshot(page, f"{name}-{code}")
    # A form sent with mistakes keeps what was typed and points at each mistake.
    page.goto(f"{live_server.url}/ar/organisations/apply/")
    page.fill("#id_description", "وصف لا يضيع")
    page.fill("#id_year_founded", "1200")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()
    assert page.locator("#id_description").input_value() == "وصف لا يضيع"
    assert page.locator(".error-summary").is_visible()
    assert page.locator("#id_name[aria-invalid=true]").count() == 1
    screenshot(page, "apply-errors-ar", widths=(360,))

    coordinator = factories.coordinator()
    log_in(page, live_server, coordinator)
    page.goto(f"{live_server.url}/ar/organisations/review/")
    assert "Waiting Group" in page.locator("main").inner_text()
    screenshot(page, "review-ar")


def test_api_docs_render_from_our_own_files(page, live_server):
    violations = []
    page.on("console", lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None)
    page.goto(f"{live_server.url}/api/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=20000)
    assert "/api/organisations" in page.locator(".swagger-ui").inner_text()
    assert not violations, violations
