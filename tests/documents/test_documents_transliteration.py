"""Names into MRZ characters: ICAO 9303 Part 3 Tables A, B, C, punctuation, truncation."""

from __future__ import annotations

import pytest

from sarhad.documents import TransliterationError, mrz_name, transliterate_name, truncate_name
from sarhad.documents.transliteration import TABLE_A


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Åsa Ærøskøbing", "AASA<AEROESKOEBING"),
        ("Çelik", "CELIK"),
        ("Łukasz Żółć", "LUKASZ<ZOLC"),
        ("Đorđe", "DORDE"),
        ("Þórður", "THORDUR"),
        ("Strauß", "STRAUSS"),
        ("Ĳsselmeer", "IJSSELMEER"),
        ("Œuvre", "OEUVRE"),
        ("Ștefan Țurcanu", "STEFAN<TURCANU"),  # not in Table A: base letter
    ],
)
def test_latin_table_a(text, expected):
    assert transliterate_name(text) == expected


def test_table_a_single_values_from_domain_notes():
    assert TABLE_A["Ø"] == "OE" and TABLE_A["Ħ"] == "H" and TABLE_A["ı"] == "I"


@pytest.mark.parametrize(
    "text, choices, expected",
    [
        ("Müller", None, "MUELLER"),
        ("Müller", {"Ü": "U"}, "MULLER"),
        ("Müller", {"Ü": "UXX"}, "MUXXLLER"),
        ("Jäger Öst", {"Ä": "A", "Ö": "O"}, "JAGER<OST"),
        ("Ångström", {"Å": "A"}, "ANGSTROEM"),
        ("Peña", None, "PENA"),
        ("Peña", {"Ñ": "NXX"}, "PENXXA"),
    ],
)
def test_issuer_choices_of_table_a(text, choices, expected):
    assert transliterate_name(text, choices=choices) == expected


def test_icao_appendix_example_with_nxx():
    field = mrz_name("Cañon", "Térèsa", 39, choices={"Ñ": "NXX"})
    assert field.rstrip("<") == "CANXXON<<TERESA"


def test_invalid_choice_is_refused():
    with pytest.raises(ValueError, match="invalid choice"):
        transliterate_name("Müller", choices={"Ü": "OO"})


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("Əliyev Həsən", "az", "ALIYEV<HASAN"),
        ("Gülnarə Şükürova", "az", "GULNARA<SUKUROVA"),
        ("İlqar Ağayev", "az", "ILQAR<AGAYEV"),
        ("Öztürk Çağlar", "tr", "OZTURK<CAGLAR"),
        ("Öztürk", "de", "OEZTUERK"),
        ("Größe", "de", "GROESSE"),
        # Azerbaijani Cyrillic goes through Azerbaijani Latin (BGN/PCGN 1993).
        ("Әлијев Һәсән", "az", "ALIYEV<HASAN"),
        ("Ҝүлнарә Гулијева", "az", "GULNARA<QULIYEVA"),
        ("Чинҝиз Ҹаббаров", "az", "CINGIZ<CABBAROV"),
        ("Өмәр Хәлилов", "az", "OMAR<XALILOV"),
    ],
)
def test_azerbaijani_turkish_german(text, lang, expected):
    assert transliterate_name(text, lang) == expected


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("Александр Щербаков", None, "ALEKSANDR<SHCHERBAKOV"),
        ("Юлия Соловьёва", "ru", "IULIIA<SOLOVEVA"),
        ("Хрущёв Объект", "ru", "KHRUSHCHEV<OBIEEKT"),
        ("Юлія Тимошенко", "uk", "YULIIA<TYMOSHENKO"),
        ("Євген Їжак Йосип", "uk", "YEVHEN<YIZHAK<YOSYP"),
        ("Григорій", "uk", "HRYHORII"),
        ("Алёна Гаврилова", "be", "ALIONA<HAVRILOVA"),
        ("Щерев", "bg", "SHTEREV"),
        ("Ќирил Џамбаз Ѓорѓи", "mk", "KJIRIL<DJAMBAZ<GJORGJI"),
        ("Живковић Ђорђе", "sr", "ZIVKOVIC<DORDE"),
        ("Горан", "sr", "GORAN"),
    ],
)
def test_cyrillic_table_b_and_language_exceptions(text, lang, expected):
    assert transliterate_name(text, lang) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("محمود عبدالرحيم", "MXHMWD<EBDALRXHYM"),
        ("فاطمة", "FAXTTMXAH"),           # teh marbuta at the end: XAH
        ("فاطمةعلي", "FAXTTMXTAELY"),     # inside a component: XTA
        ("محمّد", "MXHMMD"),             # shadda doubles the letter
        ("مُحَمَّد", "MXHMMD"),           # harakat are not written
        ("پرویز", "PRWXYAZ"),            # Persian letters
    ],
)
def test_arabic_table_c(text, expected):
    assert transliterate_name(text) == expected


def test_arabic_name_in_the_mrz_field():
    assert mrz_name("محمود", "عبدالرحيم", 39).rstrip("<") == "MXHMWD<<EBDALRXHYM"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("O'Connor", "OCONNOR"),
        ("D’Artagnan", "DARTAGNAN"),
        ("Smith-Jones", "SMITH<JONES"),
        ("Smith - Jones", "SMITH<JONES"),
        ("Smith, John", "SMITH<<JOHN"),
        ("Smith, John, Paul", "SMITH<<JOHN<PAUL"),
        ("St. John 3rd", "ST<JOHN<RD"),
        ("  van  der   Berg ", "VAN<DER<BERG"),
    ],
)
def test_punctuation_rules(text, expected):
    assert transliterate_name(text) == expected


def test_script_without_an_icao_table_is_an_error():
    with pytest.raises(TransliterationError, match="GEORGIAN"):
        transliterate_name("ნინო")


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="unknown language"):
        transliterate_name("X", "xx")


@pytest.mark.parametrize(
    "surname, given, length, expected",
    [
        ("Eriksson", "Anna Maria", 39, "ERIKSSON<<ANNA<MARIA" + "<" * 19),
        ("van der Muellen", "Martin", 39, "VAN<DER<MUELLEN<<MARTIN" + "<" * 16),
        ("Papandropoulous", "Jonathon Warren Trevor", 39,
         "PAPANDROPOULOUS<<JONATHON<WARREN<TREVOR"),
        ("Nilavadhanananda", "Chayapa Dejthamrong Krasuang", 39,
         "NILAVADHANANANDA<<CHAYAPA<DEJTHAMRONG<K"),
        ("Arkfreith", "", 39, "ARKFREITH" + "<" * 30),
        ("", "Arkfreith", 30, "ARKFREITH" + "<" * 21),
        ("Benne Woolo Warra Warna", "Din Pamela", 30, "BENNE<WOOLO<WARRA<WARNA<<DIN<P"),
    ],
)
def test_mrz_name_layout_and_icao_truncation_examples(surname, given, length, expected):
    field = mrz_name(surname, given, length)
    assert field == expected and len(field) == length


@pytest.mark.parametrize("primary, secondary, length", [
    ("ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGH", "JOHN<PAUL", 30),
    ("AB<CDEFGHIJKLMNOPQRSTUVWXYZ", "JOHN", 30),
    ("ABCDEFGHIJ", "KLMNOPQRST<UVWXYZ<ABCDEFGH<IJ", 30),
    ("A<B<C<D<E<F<G<H<I<J<K<L<M<N<O<P", "Q<R<S", 30),
    ("ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMN", "", 30),
])
def test_truncated_fields_keep_the_separator_and_end_with_a_letter(primary, secondary, length):
    field = truncate_name(primary, secondary, length)
    assert len(field) == length
    if secondary:
        assert "<<" in field and field.index("<<") > 0
        assert field.split("<<", 1)[1][:1] == secondary[0]
    assert "<<<" not in field.rstrip("<")


def test_truncation_cut_on_a_separator_still_ends_with_a_letter():
    field = truncate_name("ABCDEFGHIJ", "KLM<NOPQR", 16)
    assert field == "ABCDEFGHIJ<<KL<N" and field[-1].isalpha()


def test_empty_name_is_refused():
    with pytest.raises(TransliterationError):
        mrz_name("'-", "", 39)


def test_soft_sign_writes_nothing_and_leaves_no_empty_component():
    assert transliterate_name("Ольга Ь Игорь") == "OLGA<IGOR"
    with pytest.raises(TransliterationError):
        mrz_name("Ь", "", 30)


def test_azerbaijani_cyrillic_without_lang_says_which_lang_to_use():
    with pytest.raises(TransliterationError, match="lang='az'"):
        transliterate_name("Гүлнарә")
