"""Country codes and names as public lists write them, turned into ICAO 9303 codes.

Entries are screened against travel documents, so nationalities are kept as the MRZ
writes them: ISO 3166-1 alpha-3, except Germany, which is ``D``. The UN list names
countries in words ("Iran (Islamic Republic of)"), FollowTheMoney data uses ISO 3166-1
alpha-2 in lower case (``ir``), and a CSV may use either code.

>>> icao_code("ir"), icao_code("DEU"), icao_code("Iran (Islamic Republic of)")
('IRN', 'D', 'IRN')
>>> icao_code("Atlantis") is None
True
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from sarhad.documents.countries import ICAO_SPECIAL_CODES, ISO_3166_ALPHA3

# ISO 3166-1 alpha-2 -> alpha-3.
_ALPHA2 = """
AW ABW AF AFG AO AGO AI AIA AX ALA AL ALB AD AND AE ARE AR ARG AM ARM AS ASM AQ ATA TF ATF
AG ATG AU AUS AT AUT AZ AZE BI BDI BE BEL BJ BEN BQ BES BF BFA BD BGD BG BGR BH BHR BS BHS
BA BIH BL BLM BY BLR BZ BLZ BM BMU BO BOL BR BRA BB BRB BN BRN BT BTN BV BVT BW BWA CF CAF
CA CAN CC CCK CH CHE CL CHL CN CHN CI CIV CM CMR CD COD CG COG CK COK CO COL KM COM CV CPV
CR CRI CU CUB CW CUW CX CXR KY CYM CY CYP CZ CZE DE DEU DJ DJI DM DMA DK DNK DO DOM DZ DZA
EC ECU EG EGY ER ERI EH ESH ES ESP EE EST ET ETH FI FIN FJ FJI FK FLK FR FRA FO FRO FM FSM
GA GAB GB GBR GE GEO GG GGY GH GHA GI GIB GN GIN GP GLP GM GMB GW GNB GQ GNQ GR GRC GD GRD
GL GRL GT GTM GF GUF GU GUM GY GUY HK HKG HM HMD HN HND HR HRV HT HTI HU HUN ID IDN IM IMN
IN IND IO IOT IE IRL IR IRN IQ IRQ IS ISL IL ISR IT ITA JM JAM JE JEY JO JOR JP JPN KZ KAZ
KE KEN KG KGZ KH KHM KI KIR KN KNA KR KOR KW KWT LA LAO LB LBN LR LBR LY LBY LC LCA LI LIE
LK LKA LS LSO LT LTU LU LUX LV LVA MO MAC MF MAF MA MAR MC MCO MD MDA MG MDG MV MDV MX MEX
MH MHL MK MKD ML MLI MT MLT MM MMR ME MNE MN MNG MP MNP MZ MOZ MR MRT MS MSR MQ MTQ MU MUS
MW MWI MY MYS YT MYT NA NAM NC NCL NE NER NF NFK NG NGA NI NIC NU NIU NL NLD NO NOR NP NPL
NR NRU NZ NZL OM OMN PK PAK PA PAN PN PCN PE PER PH PHL PW PLW PG PNG PL POL PR PRI KP PRK
PT PRT PY PRY PS PSE PF PYF QA QAT RE REU RO ROU RU RUS RW RWA SA SAU SD SDN SN SEN SG SGP
GS SGS SH SHN SJ SJM SB SLB SL SLE SV SLV SM SMR SO SOM PM SPM RS SRB SS SSD ST STP SR SUR
SK SVK SI SVN SE SWE SZ SWZ SX SXM SC SYC SY SYR TC TCA TD TCD TG TGO TH THA TJ TJK TK TKL
TM TKM TL TLS TO TON TT TTO TN TUN TR TUR TV TUV TW TWN TZ TZA UG UGA UA UKR UM UMI UY URY
US USA UZ UZB VA VAT VC VCT VE VEN VG VGB VI VIR VN VNM VU VUT WF WLF WS WSM YE YEM ZA ZAF
ZM ZMB ZW ZWE XK RKS
"""
ALPHA2_TO_ALPHA3 = dict(zip(_ALPHA2.split()[0::2], _ALPHA2.split()[1::2]))

#: Names public lists use that are not the ISO short name.
_NAME_ALIASES = {
    "united states of america": "USA",
    "united kingdom of great britain and northern ireland": "GBR",
    "russia": "RUS",
    "syria": "SYR",
    "vietnam": "VNM",
    "turkey": "TUR",
    "turkiye": "TUR",
    "north korea": "PRK",
    "south korea": "KOR",
    "palestine": "PSE",
    "state of palestine": "PSE",
    "ivory coast": "CIV",
    "czechia": "CZE",
    "laos": "LAO",
    "kosovo": "RKS",
    "soviet union": "SUN",
    "ussr": "SUN",
    "democratic republic of the congo": "COD",
    "congo": "COG",
}
_STOP = {"of", "the", "and"}


def _words(name: str) -> frozenset[str]:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = text.replace("'", "")
    return frozenset(w for w in re.split(r"[^a-z]+", text) if w and w not in _STOP)


@lru_cache(maxsize=1)
def _by_words() -> dict[frozenset[str], str]:
    table: dict[frozenset[str], str] = {}
    short: dict[frozenset[str], set[str]] = {}
    for code, name in ISO_3166_ALPHA3.items():
        table[_words(name)] = code
        if "," in name:
            short.setdefault(_words(name.split(",")[0]), set()).add(code)
    for words, codes in short.items():  # "Iran" alone, but not "Korea" (two states)
        if len(codes) == 1 and words not in table:
            table[words] = next(iter(codes))
    for alias, code in _NAME_ALIASES.items():
        table[_words(alias)] = code
    return table


def _icao(alpha3: str) -> str:
    return "D" if alpha3 == "DEU" else alpha3


def icao_code(value: str | None) -> str | None:
    """The ICAO 9303 code for a code or an English country name; ``None`` if unknown."""
    if not value:
        return None
    text = value.strip()
    upper = text.upper()
    if len(upper) == 2 and upper in ALPHA2_TO_ALPHA3:
        return _icao(ALPHA2_TO_ALPHA3[upper])
    if len(upper) == 3 and (upper in ISO_3166_ALPHA3 or upper in ICAO_SPECIAL_CODES or upper == "RKS"):
        return _icao(upper)
    if upper in {"D", "D<<"}:
        return "D"
    code = _by_words().get(_words(text))
    return _icao(code) if code else None
