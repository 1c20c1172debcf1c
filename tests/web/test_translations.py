"""Every string of the pages has an Azerbaijani and a Russian translation, compiled."""

import ast
import gettext
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parents[2] / "src" / "sarhad" / "locale"


def _entries(po: Path):
    """(msgid, [msgstr...], flags) for each entry of a .po file."""
    entries, msgid, strs, flags, current = [], None, [], "", None
    for line in po.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if msgid is not None:
                entries.append((msgid, strs, flags))
            msgid, strs, flags, current = None, [], "", None
        elif line.startswith("#,"):
            flags = line
        elif line.startswith("msgid "):
            msgid, current = ast.literal_eval(line[6:]), "id"
        elif line.startswith("msgid_plural "):
            current = "plural"
        elif line.startswith("msgstr"):
            strs.append(ast.literal_eval(line.split(" ", 1)[1]))
            current = "str"
        elif line.startswith('"'):
            if current == "id":
                msgid += ast.literal_eval(line)
            elif current == "str":
                strs[-1] += ast.literal_eval(line)
    return entries


@pytest.mark.parametrize("lang", ["az", "ru"])
def test_every_message_is_translated_and_compiled(lang):
    po = LOCALE / lang / "LC_MESSAGES" / "django.po"
    missing = [msgid for msgid, strs, flags in _entries(po)
               if msgid and (not all(strs) or "fuzzy" in flags)]
    assert missing == []
    with open(po.with_suffix(".mo"), "rb") as fh:
        compiled = gettext.GNUTranslations(fh)
    stale = [msgid for msgid, strs, flags in _entries(po)
             if msgid and len(strs) == 1 and compiled.gettext(msgid) != strs[0]]
    assert stale == [], "run msgfmt: the .mo file is older than the .po file"
