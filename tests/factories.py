"""Test data builders (factory_boy). Private fields get unique canary strings."""

from __future__ import annotations

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator

from tadamun.accounts.models import User
from tadamun.core.text import normalise
from tadamun.network.models import ContactDetail, Governorate, Membership, Organisation, Visibility
from tadamun.pathways.models import Pathway

PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    display_name = factory.Sequence(lambda n: f"Person {n}")

    @factory.post_generation
    def password(obj, create, extracted, **kwargs):
        obj.set_password(extracted or PASSWORD)
        if create:
            obj.save(update_fields=["password"])
            EmailAddress.objects.create(user=obj, email=obj.email, verified=True, primary=True)


def coordinator(**kwargs) -> User:
    user = UserFactory(is_staff=True, **kwargs)
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "x"})
    return user


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Civil Society Group {n}")
    name_key = factory.LazyAttribute(lambda o: normalise(o.name))
    slug = factory.Sequence(lambda n: f"civil-society-group-{n}")
    kind = Organisation.Kind.NGO
    country = "IQ"
    original_language = "en"
    description = factory.LazyAttribute(lambda o: f"{o.name} works for human rights.")
    status = Organisation.Status.APPROVED
    search_text = factory.LazyAttribute(lambda o: normalise(f"{o.name} {o.description}"))

    @factory.post_generation
    def governorates(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.governorates.set(Governorate.objects.filter(iso_code__in=extracted))

    @factory.post_generation
    def pathways(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.pathways.set(Pathway.objects.filter(slug__in=extracted))


def add_contacts(org: Organisation) -> dict[str, str]:
    """One contact detail per visibility, each carrying a unique canary."""
    canaries = {}
    for i, level in enumerate(Visibility.values):
        canary = f"canary-{level}-{org.pk}@example.org"
        ContactDetail.objects.create(organisation=org, kind="email", value=canary, visibility=level, position=i)
        canaries[level] = canary
    return canaries


def member(org: Organisation, role: str = Membership.Role.MEMBER, **kwargs) -> User:
    user = UserFactory(**kwargs)
    Membership.objects.create(organisation=org, person=user, role=role)
    return user


def ensure_reference_data() -> None:
    """Governorates, pathways and working languages, as their data migrations make them.

    Transactional tests (browser, worker) empty the tables after each test; this puts the
    reference rows back when they are missing.
    """
    from tadamun.core.geo import governorates
    from tadamun.network.models import WorkingLanguage
    from tadamun.network.reference import WORKING_LANGUAGE_NAMES
    from tadamun.pathways.catalogue import PATHWAYS

    for row in governorates():
        Governorate.objects.get_or_create(
            iso_code=row["iso"],
            defaults={"slug": row["slug"], "names": row["names"], "capital": row["capital"], "kurdistan_region": row["kurdistan_region"]},
        )
    for pathway in PATHWAYS:
        Pathway.objects.get_or_create(slug=pathway.slug, defaults={"number": pathway.number})
    for position, code in enumerate(WORKING_LANGUAGE_NAMES):
        WorkingLanguage.objects.get_or_create(code=code, defaults={"position": position})
