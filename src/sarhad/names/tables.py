"""Transliteration tables, written out from their public sources.

Every table maps one source character (or a short sequence) to upper-case ASCII. They are
plain dictionaries so that a reviewer can hold each line against its source:

* ``ICAO_LATIN`` — ICAO Doc 9303 Part 3 §6, Table A (Latin with diacritics to MRZ).
  Multi-valued letters (Ä Ö Ü Å Ñ) carry every value the table allows; the first is the
  common one in the region's documents.
* ``ICAO_CYRILLIC`` — ICAO Doc 9303 Part 3 §6, Table B; used by Russian passports since
  2010 (Order of the FMS No. 26, 2010, which adopted the ICAO table).
* ``RU_PASSPORT_1997`` — the Russian passport practice of 1997–2010 (Й→Y, Ю→YU, Я→YA), the
  form that most Soviet-born people of the region still carry on old documents and visas.
* ``RU_GOST_52535`` — GOST R 52535.1-2006 (passports 2006–2010: Ц→TC, Й→I, Ю→IU, Я→IA).
* ``RU_BGN_PCGN`` — BGN/PCGN 1947 for Russian (Ё→YE, Й→Y, Ы→Y, Ю→YU, Я→YA, E→YE initially
  and after vowels). Source: UK Government, *Romanization of Russian* (BGN/PCGN 1947).
* ``RU_GOST_779B`` — GOST 7.79-2000 system B (Й→J, Х→X, Ц→CZ, Щ→SHH, Ы→Y', Э→E').
* ``RU_ENGLISH`` — the common English newspaper spellings (Й→Y, ИЙ→Y, Ё→YO, Е→YE initially).
* ``AZ_CYRILLIC_TO_LATIN`` — the Azerbaijani Cyrillic alphabet (1958–1991) to the
  Azerbaijani Latin alphabet (1991), letter for letter; the same correspondence as the
  BGN/PCGN 1993 table for Azerbaijani.
* ``UK_NATIONAL`` — the Ukrainian national system (Cabinet of Ministers Resolution No. 55 of
  27 January 2010), used in Ukrainian passports; position-dependent letters in
  ``UK_NATIONAL_INITIAL``.
* ``KK_CYRILLIC`` — the Kazakh letters not in Russian, as Kazakh passports render them.
* ``GEORGIAN`` — Georgian national system of romanization (2002), used in Georgian passports.
* ``ARMENIAN`` — the romanization of Armenian passports (the practice of the Passport and
  Visa Department of the Police of Armenia, close to BGN/PCGN 1981 without apostrophes).
* ``PERSIAN_CONSONANTS`` — Persian/Arabic letters to Latin consonants, after the Library of
  Congress ALA-LC tables for Persian without diacritics; ICAO Table C is the MRZ form and is
  not a reading aid (it writes ح as XH), so it is not used for matching.
"""

from __future__ import annotations

# --- ICAO 9303 Part 3 Table A: Latin letters with diacritics ------------------------------
# (letter -> tuple of allowed MRZ values, the first being the default)
ICAO_LATIN: dict[str, tuple[str, ...]] = {}


def _latin(letters: str, *values: str) -> None:
    for ch in letters:
        ICAO_LATIN[ch] = values


_latin("ÀÁÂÃĀĂĄ", "A")
_latin("Æ", "AE")
_latin("ÇĆĈĊČ", "C")
_latin("ÐĎĐ", "D")
_latin("ÈÉÊËĒĔĖĘĚ", "E")
_latin("ĜĞĠĢ", "G")
_latin("ĤĦ", "H")
_latin("ÌÍÎÏĨĪĬĮİı", "I")
_latin("Ĳ", "IJ")
_latin("Ĵ", "J")
_latin("Ķ", "K")
_latin("ĹĻĽĿŁ", "L")
_latin("ŃŅŇŊ", "N")
_latin("ÒÓÔÕŌŎŐ", "O")
_latin("ØŒ", "OE", "O")
_latin("ŔŖŘ", "R")
_latin("ŚŜŞŠȘ", "S")
_latin("ŢŤŦȚ", "T")
_latin("ÙÚÛŨŪŬŮŰŲ", "U")
_latin("Ŵ", "W")
_latin("ÝŶŸ", "Y")
_latin("ŹŻŽ", "Z")
_latin("Þ", "TH")
_latin("ßẞ", "SS")
_latin("Ä", "AE", "A")
_latin("Å", "AA", "A")
_latin("Ö", "OE", "O")
_latin("Ü", "UE", "U")
_latin("Ñ", "N")
# Azerbaijani schwa: not in Table A; Azerbaijani passports write A in the MRZ.
_latin("Ə", "A", "E")

# --- Russian Cyrillic ---------------------------------------------------------------------
_RU_BASE = {
    "А": "A", "Б": "B", "В": "V", "Г": "G", "Д": "D", "Е": "E", "Ё": "E", "Ж": "ZH",
    "З": "Z", "И": "I", "Й": "I", "К": "K", "Л": "L", "М": "M", "Н": "N", "О": "O",
    "П": "P", "Р": "R", "С": "S", "Т": "T", "У": "U", "Ф": "F", "Х": "KH", "Ц": "TS",
    "Ч": "CH", "Ш": "SH", "Щ": "SHCH", "Ъ": "IE", "Ы": "Y", "Ь": "", "Э": "E", "Ю": "IU",
    "Я": "IA",
}
ICAO_CYRILLIC: dict[str, str] = dict(_RU_BASE)
ICAO_CYRILLIC.update({"І": "I", "Є": "IE", "Ї": "I", "Ґ": "G", "Ў": "U", "Ғ": "G", "Ј": "J"})

RU_PASSPORT_1997 = dict(_RU_BASE, Й="Y", Ъ="", Ю="YU", Я="YA")
RU_GOST_52535 = dict(_RU_BASE, Ц="TC", Ъ="", Ю="IU", Я="IA")
RU_BGN_PCGN = dict(_RU_BASE, Ё="YE", Й="Y", Ъ="", Ю="YU", Я="YA")
RU_GOST_779B = dict(_RU_BASE, Й="J", Х="X", Ц="CZ", Щ="SHH", Ъ="", Ы="Y", Ю="YU", Я="YA")
RU_ENGLISH = dict(_RU_BASE, Ё="YO", Й="Y", Ъ="", Ю="YU", Я="YA")

#: Russian systems by name, for documentation and for the evaluation generator.
RUSSIAN_SYSTEMS: dict[str, dict[str, str]] = {
    "icao": ICAO_CYRILLIC,
    "passport1997": RU_PASSPORT_1997,
    "gost52535": RU_GOST_52535,
    "bgn": RU_BGN_PCGN,
    "gost779b": RU_GOST_779B,
    "english": RU_ENGLISH,
}
#: Systems that write Е as YE at the start of a word and after a vowel, Ь, Ъ.
RUSSIAN_IOTATED_E = {"bgn", "english", "passport1997"}

# --- Azerbaijani Cyrillic -> Azerbaijani Latin ---------------------------------------------
AZ_CYRILLIC_TO_LATIN: dict[str, str] = {
    "А": "A", "Б": "B", "В": "V", "Г": "Q", "Ғ": "Ğ", "Д": "D", "Е": "E", "Ә": "Ə",
    "Ж": "J", "З": "Z", "И": "İ", "Ы": "I", "Ј": "Y", "К": "K", "Ҝ": "G", "Л": "L",
    "М": "M", "Н": "N", "О": "O", "Ө": "Ö", "П": "P", "Р": "R", "С": "S", "Т": "T",
    "У": "U", "Ү": "Ü", "Ф": "F", "Х": "X", "Һ": "H", "Ч": "Ç", "Ҹ": "C", "Ш": "Ş",
    "Ь": "", "Ъ": "",
}
#: Letters that exist only in Azerbaijani Cyrillic (their presence identifies the language).
AZ_CYRILLIC_ONLY = set("ӘҒЈҜӨҮҺҸ")

# --- Ukrainian national system (2010) -----------------------------------------------------
UK_NATIONAL: dict[str, str] = {
    "А": "A", "Б": "B", "В": "V", "Г": "H", "Ґ": "G", "Д": "D", "Е": "E", "Є": "IE",
    "Ж": "ZH", "З": "Z", "И": "Y", "І": "I", "Ї": "I", "Й": "I", "К": "K", "Л": "L",
    "М": "M", "Н": "N", "О": "O", "П": "P", "Р": "R", "С": "S", "Т": "T", "У": "U",
    "Ф": "F", "Х": "KH", "Ц": "TS", "Ч": "CH", "Ш": "SH", "Щ": "SHCH", "Ь": "",
    "Ю": "IU", "Я": "IA", "'": "", "’": "",
}
UK_NATIONAL_INITIAL = {"Є": "YE", "Ї": "YI", "Й": "Y", "Ю": "YU", "Я": "YA"}
UK_ONLY = set("ІЇЄҐ")

# --- Kazakh letters beyond Russian (passport practice) ------------------------------------
KK_CYRILLIC: dict[str, str] = {
    "Ә": "A", "Ғ": "G", "Қ": "K", "Ң": "N", "Ө": "O", "Ұ": "U", "Ү": "U", "Һ": "H", "І": "I",
}

# --- Georgian (national system 2002) -------------------------------------------------------
GEORGIAN: dict[str, str] = {
    "ა": "A", "ბ": "B", "გ": "G", "დ": "D", "ე": "E", "ვ": "V", "ზ": "Z", "თ": "T",
    "ი": "I", "კ": "K", "ლ": "L", "მ": "M", "ნ": "N", "ო": "O", "პ": "P", "ჟ": "ZH",
    "რ": "R", "ს": "S", "ტ": "T", "უ": "U", "ფ": "P", "ქ": "K", "ღ": "GH", "ყ": "Q",
    "შ": "SH", "ჩ": "CH", "ც": "TS", "ძ": "DZ", "წ": "TS", "ჭ": "CH", "ხ": "KH",
    "ჯ": "J", "ჰ": "H",
}
#: Older (Soviet, BGN/PCGN 1981) renderings that survive on documents: aspirates as plain,
#: ejectives with apostrophes (dropped in the MRZ).
GEORGIAN_ALT: dict[str, str] = {"ფ": "F", "ქ": "K", "ყ": "K", "ხ": "KH", "ღ": "G"}

# --- Armenian (passport practice) ----------------------------------------------------------
ARMENIAN: dict[str, str] = {
    "ա": "A", "բ": "B", "գ": "G", "դ": "D", "ե": "E", "զ": "Z", "է": "E", "ը": "Y",
    "թ": "T", "ժ": "ZH", "ի": "I", "լ": "L", "խ": "KH", "ծ": "TS", "կ": "K", "հ": "H",
    "ձ": "DZ", "ղ": "GH", "ճ": "CH", "մ": "M", "յ": "Y", "ն": "N", "շ": "SH", "ո": "O",
    "չ": "CH", "պ": "P", "ջ": "J", "ռ": "R", "ս": "S", "վ": "V", "տ": "T", "ր": "R",
    "ց": "TS", "ւ": "V", "փ": "P", "ք": "K", "օ": "O", "ֆ": "F", "և": "EV",
}
#: Digraphs and position rules: ու = U; ե = YE and ո = VO at the start of a word
#: (except the vowel-initial ով? handled as VO); յ before a vowel at the start = Y.
ARMENIAN_DIGRAPHS = {"ու": "U"}
ARMENIAN_INITIAL = {"ե": "YE", "ո": "VO"}

# --- Persian / Arabic script ---------------------------------------------------------------
# Consonant values. The weak letters (ا و ی ع ه) are handled by the transliterator because
# they stand for vowels, glides or nothing depending on position.
PERSIAN_CONSONANTS: dict[str, str] = {
    "ب": "B", "پ": "P", "ت": "T", "ث": "S", "ج": "J", "چ": "CH", "ح": "H", "خ": "KH",
    "د": "D", "ذ": "Z", "ر": "R", "ز": "Z", "ژ": "ZH", "س": "S", "ش": "SH", "ص": "S",
    "ض": "Z", "ط": "T", "ظ": "Z", "غ": "GH", "ف": "F", "ق": "GH", "ک": "K", "ك": "K",
    "گ": "G", "ل": "L", "م": "M", "ن": "N", "ة": "H",
}
#: Unify Arabic and Persian code points for the same letter.
ARABIC_TO_PERSIAN = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ۀ": "ه", "ة": "ه",
                                   "أ": "ا", "إ": "ا", "ٱ": "ا", "ؤ": "و", "ئ": "ء"})
#: Harakat, tatweel, and other marks that are not letters.
ARABIC_MARKS = set("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655"
                   "\u0670\u0640")
