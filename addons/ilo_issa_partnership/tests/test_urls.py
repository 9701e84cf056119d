# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import BaseCase

from ..rules import is_web_url


class TestWebUrl(BaseCase):
    """The links rule, without the ORM: http(s) with a host, nothing else."""

    def test_accepted(self):
        for url in (
            "http://example.org",
            "https://example.org/report.pdf",
            "HTTPS://EXAMPLE.ORG/a?b=c#d",
            "https://user@example.org:8443/x",
        ):
            self.assertTrue(is_web_url(url), url)

    def test_refused(self):
        for url in (
            None,
            False,
            "",
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "java\nscript:alert(1)",
            "data:text/html;base64,PHNjcmlwdD4=",
            "vbscript:msgbox",
            "file:///etc/passwd",
            "ftp://example.org/x",
            "//example.org/x",
            "/relative/path",
            "example.org",
            "https://",
            "https:///path",
            "https://exa mple.org",
            "https://example.org/\x00",
            " https://example.org",
            "http://[::1",
            42,
        ):
            self.assertFalse(is_web_url(url), repr(url))
