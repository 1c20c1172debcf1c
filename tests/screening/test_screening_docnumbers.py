from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sarhad.screening import CONFUSIONS, DocumentRef, canonical
from sarhad.screening.docnumbers import bridged_confusions, match_document

REVERSE = {digit: letter for letter, digit in CONFUSIONS.items()}


def test_canonical_maps_each_confusion_to_its_digit():
    assert canonical("OIBSZG") == "018526"
    assert canonical("c0 1-2<3") == "C0123"
    assert canonical("AX7") == "AX7"


def test_match_explains_bridged_confusions():
    match = match_document(DocumentRef("C0I2345G7", "AZE"), DocumentRef("C01234567", "AZE"))
    assert match is not None
    assert match.bridged == ((3, "I", "1"), (8, "G", "6"))
    assert not match.exact
    assert "I read for 1 at position 3" in match.explain()
    assert "G read for 6 at position 8" in match.explain()


def test_issuing_state_must_agree_when_both_known():
    listed = DocumentRef("C01234567", "AZE")
    assert match_document(DocumentRef("C01234567", "GEO"), listed) is None
    exact = match_document(DocumentRef("C01234567", "AZE"), listed)
    assert exact is not None and exact.exact
    unknown = match_document(DocumentRef("C01234567"), listed)
    assert unknown is not None and unknown.state_agrees is None and not unknown.exact
    assert "issuing state not known" in unknown.explain()


numbers = st.text(alphabet="ABCDEFGHJKLMNPQRTUVWXY0123456789OISBZG", min_size=5, max_size=12)


@given(numbers, st.data())
def test_ocr_confused_numbers_match(number, data):
    confused = "".join(
        (REVERSE.get(c) or CONFUSIONS.get(c) or c) if data.draw(st.booleans()) else c for c in number
    )
    match = match_document(DocumentRef(confused, "AZE"), DocumentRef(number, "AZE"))
    assert match is not None
    assert len(match.bridged) == sum(a != b for a, b in zip(confused, number))
    assert bridged_confusions(confused, number) == match.bridged


@given(numbers, st.integers(0, 11), st.sampled_from("ACDEFHJKLMNPQRTUVWXY3479"))
def test_different_numbers_do_not_match(number, position, replacement):
    position %= len(number)
    if canonical(replacement) == canonical(number[position]):
        return
    other = number[:position] + replacement + number[position + 1 :]
    assert match_document(DocumentRef(other, "AZE"), DocumentRef(number, "AZE")) is None
