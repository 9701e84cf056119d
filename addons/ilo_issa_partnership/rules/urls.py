"""Links shown to people outside the organisation (the portal, the IATI file): only
web addresses, ``http://`` or ``https://`` with a host. A ``javascript:``, ``data:``,
``file:`` or scheme-relative value would run or open something else in the reader's
browser."""

from urllib.parse import urlsplit

WEB_SCHEMES = ("http", "https")


def is_web_url(value):
    """True for an http(s) URL with a host and no whitespace or control character;
    False for anything else (empty included)."""
    if not value or not isinstance(value, str):
        return False
    if value != value.strip() or any(ch.isspace() or ord(ch) < 32 for ch in value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme.lower() in WEB_SCHEMES and bool(parts.hostname)
