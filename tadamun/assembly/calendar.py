"""iCalendar files of gatherings and of their sessions (RFC 5545), so that participants add
them to their own calendars; made with the `icalendar` library."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from .models import Gathering, Session


def _calendar() -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Tadamun//assembly//EN")
    calendar.add("version", "2.0")
    return calendar


def _event(uid: str, title: str, starts, ends, *, place: str, description: str, url: str) -> Event:
    event = Event()
    event.add("uid", f"{uid}@{settings.SITE_URL.split('://')[-1]}")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", starts)
    event.add("dtend", ends)
    event.add("summary", title)
    if place:
        event.add("location", place)
    if description:
        event.add("description", description[:2000])
    event.add("url", url)
    return event


def gathering_ics(gathering: Gathering, url: str) -> bytes:
    """The gathering, with each session of its agenda as an event of its own."""
    calendar = _calendar()
    calendar.add_component(_event(f"gathering-{gathering.pk}", gathering.title, gathering.starts_at, gathering.ends_at,
                                  place=gathering.place, description=gathering.description, url=url))
    for session in gathering.sessions.all():
        calendar.add_component(_session_event(session, url))
    return calendar.to_ical()


def _session_event(session: Session, url: str) -> Event:
    place = " · ".join(part for part in (session.room, session.gathering.place) if part)
    description = "\n".join(part for part in (session.speakers, session.description) if part)
    return _event(f"session-{session.pk}", f"{session.title} ({session.gathering.title})", session.starts_at,
                  session.ends_at, place=place, description=description, url=url)


def session_ics(session: Session, url: str) -> bytes:
    calendar = _calendar()
    calendar.add_component(_session_event(session, url))
    return calendar.to_ical()
