"""Travel documents: ICAO Doc 9303 machine readable zones.

A pure kernel (no Django, no I/O): read and validate the MRZ of passports (TD3), identity
cards (TD1, TD2) and visas (MRV-A, MRV-B), write them, and transliterate names into
MRZ characters.

>>> from sarhad.documents import parse
>>> result = parse('''I<UTOD231458907<<<<<<<<<<<<<<<
... 7408122F1204159UTO<<<<<<<<<<<6
... ERIKSSON<<ANNA<MARIA<<<<<<<<<<''')
>>> result.valid, result.format, result.document_number, result.given_names
(True, 'TD1', 'D23145890', 'ANNA MARIA')

Entry points: :func:`parse` (one zone -> :class:`MRZResult`), :func:`check_text`
(scanner text with many zones -> the JSON-ready dictionaries of ``sarhad mrz check``),
:func:`generate`, :func:`transliterate_name`, :func:`mrz_name`, and the country codes
in :mod:`sarhad.documents.countries`. See ``docs/documents.md``.
"""

from .checkdigit import compute as check_digit
from .countries import COUNTRIES, is_known_code
from .generator import GenerateError, generate
from .model import Correction, MRZError, MRZProblem, MRZResult, MRZWarning
from .parser import check_text, iter_documents, parse, parse_many, split_documents
from .transliteration import TransliterationError, mrz_name, transliterate_name, truncate_name

__all__ = [
    "COUNTRIES",
    "Correction",
    "GenerateError",
    "MRZError",
    "MRZProblem",
    "MRZResult",
    "MRZWarning",
    "TransliterationError",
    "check_digit",
    "check_text",
    "generate",
    "is_known_code",
    "iter_documents",
    "mrz_name",
    "parse",
    "parse_many",
    "split_documents",
    "transliterate_name",
    "truncate_name",
]
