"""ICAO Doc 9303 machine readable zones: parse, validate, generate, transliterate."""
