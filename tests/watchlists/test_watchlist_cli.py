"""``sarhad watchlist``: import with its report and exit codes, lists, screening through the service."""

from __future__ import annotations

from pathlib import Path

import pytest

from sarhad.cli import main
from sarhad.watchlists.models import ScreeningHit, Watchlist, WatchlistEntry

pytestmark = pytest.mark.django_db
SAMPLES = Path(__file__).parent / "samples"


def test_import_creates_the_list_and_prints_rejected_rows(capsys):
    code = main(["watchlist", "import", "--format", "csv", str(SAMPLES / "bans.csv"),
                 "--list", "Bans from court", "--kind", "entry_ban", "--quiet"])
    out = capsys.readouterr().out
    assert code == 0
    assert "2 created" in out and "6 rejected" in out
    assert "rejected row 5: nationalities: unknown country 'Atlantis'" in out
    assert Watchlist.objects.get(name="Bans from court").kind == "entry_ban"
    assert WatchlistEntry.objects.count() == 2


def test_unreadable_file_is_a_failure(capsys, tmp_path):
    assert main(["watchlist", "import", "--format", "csv", str(tmp_path / "none.csv"), "--list", "X"]) == 2
    bad = tmp_path / "bad.csv"
    bad.write_text("surname,given\nA,B\n", encoding="utf-8")
    assert main(["watchlist", "import", "--format", "csv", str(bad), "--list", "X", "--quiet"]) == 2
    assert "unknown columns" in capsys.readouterr().err
    assert not WatchlistEntry.objects.exists()


def test_lists_and_screen(capsys):
    main(["watchlist", "import", "--format", "un-xml", str(SAMPLES / "un_consolidated_sample.xml"),
          "--list", "UN Security Council", "--quiet"])
    capsys.readouterr()
    assert main(["watchlist", "lists"]) == 0
    assert "UN Security Council" in capsys.readouterr().out
    assert main(["watchlist", "screen", "RASHID ABDULKARIM", "--dob", "1966-01-28",
                 "--document", "K1234567:IRN"]) == 0
    out = capsys.readouterr().out
    assert "1. UN Security Council [open]" in out and "document K1234567:IRN matches" in out
    assert not ScreeningHit.objects.exists()  # not recorded unless asked
    assert main(["watchlist", "screen", "X", "--dob", "1966-13"]) == 2
