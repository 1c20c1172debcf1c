"""Reference data shipped with Sarhad, loaded by migration and re-applied by
``load_reference_data`` (idempotent: existing rows keep the edits made in admin).

Border crossing points: Azerbaijan's international airports, its land posts to Russia,
Georgia and Iran, the Nakhchivan posts to Iran and Türkiye, and the Baku sea port. The
list is a starting point for a real deployment, which edits it in admin.

Refusal reasons A–I follow the standard form for refusal of entry (Regulation (EU)
2016/399, Schengen Borders Code, Annex V Part B), worded for a national entry-ban list.
"""

from __future__ import annotations

# code, English name, Azerbaijani name, kind, neighbouring country, region
BORDER_CROSSING_POINTS = [
    ("GYD", "Heydar Aliyev International Airport", "Heydər Əliyev Beynəlxalq Aeroportu", "airport", None, "Baku"),
    ("KVD", "Ganja International Airport", "Gəncə Beynəlxalq Aeroportu", "airport", None, "Ganja"),
    ("NAJ", "Nakhchivan International Airport", "Naxçıvan Beynəlxalq Aeroportu", "airport", None, "Nakhchivan"),
    ("LLK", "Lankaran International Airport", "Lənkəran Beynəlxalq Aeroportu", "airport", None, "Lankaran"),
    ("GBB", "Gabala International Airport", "Qəbələ Beynəlxalq Aeroportu", "airport", None, "Gabala"),
    ("ZTU", "Zagatala International Airport", "Zaqatala Beynəlxalq Aeroportu", "airport", None, "Zagatala"),
    ("FZL", "Fuzuli International Airport", "Füzuli Beynəlxalq Aeroportu", "airport", None, "Fuzuli"),
    ("ZZE", "Zangilan International Airport", "Zəngilan Beynəlxalq Aeroportu", "airport", None, "Zangilan"),
    ("SAMUR", "Samur (road)", "Samur", "land", "RUS", "Khachmaz"),
    ("YALAMA", "Yalama (rail)", "Yalama", "rail", "RUS", "Khachmaz"),
    ("QKORPU", "Red Bridge (road)", "Qırmızı Körpü", "land", "GEO", "Gazakh"),
    ("BKESIK", "Boyuk Kesik (rail)", "Böyük Kəsik", "rail", "GEO", "Gazakh"),
    ("BALAKN", "Mazimchay (road)", "Mazımçay", "land", "GEO", "Balakan"),
    ("ASTARA", "Astara (road)", "Astara", "land", "IRN", "Astara"),
    ("BILSVR", "Bilasuvar (road)", "Biləsuvar", "land", "IRN", "Bilasuvar"),
    ("HORADZ", "Horadiz (road)", "Horadiz", "land", "IRN", "Fuzuli"),
    ("CULFA", "Julfa (road)", "Culfa", "land", "IRN", "Nakhchivan"),
    ("SAHTAX", "Shahtakhti (road)", "Şahtaxtı", "land", "IRN", "Nakhchivan"),
    ("ORDUBD", "Ordubad (road)", "Ordubad", "land", "IRN", "Nakhchivan"),
    ("SEDEREK", "Sadarak (road)", "Sədərək", "land", "TUR", "Nakhchivan"),
    ("BAKUSEA", "Baku International Sea Trade Port", "Bakı Beynəlxalq Dəniz Ticarət Limanı", "sea", None, "Baku"),
]

REFUSAL_REASONS = [
    ("A", "Has no valid travel document(s)"),
    ("B", "Has a false, counterfeit or forged travel document"),
    ("C", "Has no valid visa or residence permit"),
    ("D", "Has a false, counterfeit or forged visa or residence permit"),
    ("E", "Has no appropriate documentation justifying the purpose and conditions of stay"),
    ("F", "Has already stayed for the maximum permitted period"),
    ("G", "Does not have sufficient means of subsistence for the stay and the return"),
    ("H", "Is a person for whom an entry ban or alert has been issued"),
    ("I", "Is considered a threat to public policy, internal security, public health or international relations"),
]

# ICAO Doc 9303 Part 4 §4.4 (passports), Parts 5–6 (ID cards), Part 7 (visas).
DOCUMENT_TYPES = [
    ("P<", "Passport (type not specified)", "passport"),
    ("PP", "National passport", "passport"),
    ("PD", "Diplomatic passport", "passport"),
    ("PO", "Official or service passport", "passport"),
    ("PE", "Emergency passport", "passport"),
    ("PR", "Refugee travel document", "passport"),
    ("PT", "Alien's or non-citizen's passport", "passport"),
    ("PS", "Stateless person's travel document", "passport"),
    ("PL", "Laissez-passer", "passport"),
    ("PM", "Military passport", "passport"),
    ("I<", "Identity card", "id"),
    ("ID", "National identity card", "id"),
    ("IR", "Residence card", "id"),
    ("A<", "Official travel document (A)", "id"),
    ("AC", "Crew member certificate", "id"),
    ("C<", "Official travel document (C)", "id"),
    ("V<", "Visa", "visa"),
    ("VE", "Electronic visa (printed)", "visa"),
]


def load_reference_data(Country, BorderCrossingPoint, RefusalReason, DocumentType) -> None:
    """Insert missing reference rows; rows already present keep any admin edits."""
    from sarhad.documents.countries import COUNTRIES, ICAO_SPECIAL_CODES

    existing = set(Country.objects.values_list("code", flat=True))
    Country.objects.bulk_create(
        [
            Country(code=code, name=name, icao_special=code in ICAO_SPECIAL_CODES)
            for code, name in COUNTRIES.items()
            if code not in existing
        ]
    )
    for code, name, name_az, kind, neighbour, region in BORDER_CROSSING_POINTS:
        BorderCrossingPoint.objects.get_or_create(
            code=code,
            defaults=dict(name=name, name_az=name_az, kind=kind, neighbour_id=neighbour, region=region),
        )
    for code, text in REFUSAL_REASONS:
        RefusalReason.objects.get_or_create(code=code, defaults={"text": text})
    for code, name, category in DOCUMENT_TYPES:
        DocumentType.objects.get_or_create(code=code, defaults={"name": name, "category": category})
