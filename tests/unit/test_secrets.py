"""Text safe to show: a URL's user name and password never in clear, whatever they hold; control
characters of an echoed input escaped. Examples spell credentials in capitals (USER, TOKEN) so
that no example looks like a real secret."""

import pytest

from anct_qgis_plugin.core.errors import DownloadError, TerritoryError
from anct_qgis_plugin.core.secrets import escaped_controls, redacted, shown

HIDDEN = "H1DDEN"  # the part that must never come out


@pytest.mark.parametrize(
    "text, expected",
    [
        (f"HTTP 500 from https://{HIDDEN}@mirror.example/x", "HTTP 500 from https://***@mirror.example/x"),
        (f"https://USER:{HIDDEN}@mirror.example:8080/a", "https://***@mirror.example:8080/a"),
        (f"https://USER:P@{HIDDEN}@mirror.example/a", "https://***@mirror.example/a"),  # '@' in the password
        (f"http://USER:{HIDDEN}@mirror.example", "http://***@mirror.example"),
        ("https://mirror.example/communes@codeDepartement=36", "https://mirror.example/communes@codeDepartement=36"),
        ("https://mirror.example?q=a@b", "https://mirror.example?q=a@b"),
        ("write to admin@example.org", "write to admin@example.org"),
    ],
)
def test_any_userinfo_is_redacted_up_to_the_last_at_of_the_authority(text, expected):
    assert redacted(text) == expected


def test_control_characters_are_escaped_and_lines_kept():
    assert escaped_controls("\x1b[31mRED\u202eXYZ\x00\nnext\tcell") == "\\x1b[31mRED\\u202eXYZ\\x00\nnext\tcell"
    assert shown("Châteauroux, Saint-Août") == "Châteauroux, Saint-Août"


def test_an_error_is_made_safe_where_it_is_made():
    error = DownloadError(f"https://TOKEN{HIDDEN}@mirror.example/x answered 304 without a cached copy")
    assert HIDDEN not in str(error) and "https://***@mirror.example/x" in str(error)
    assert str(TerritoryError("Unknown territory '\x1b[2J\u202e36'.")) == "Unknown territory '\\x1b[2J\\u202e36'."
