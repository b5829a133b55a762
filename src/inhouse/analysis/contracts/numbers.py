"""Numbers, durations and money as contracts write them: "twenty (20)", "2.5", "USD 4,000"."""

from __future__ import annotations

import re

_UNITS = {
    "zero": 0,
    "one": 1,
    "a": 1,
    "an": 1,
    "single": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "half": 0.5,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1000}
_WORD = "|".join(sorted([*_UNITS, *_TENS, *_SCALES], key=len, reverse=True))
_WORDS_RE = rf"(?:(?:{_WORD})(?:[\s-]+(?:and[\s-]+)?(?:{_WORD}))*)"
_DIGITS_RE = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
# "twenty (20)", "20", "twenty", "two and a half (2.5)", "2.5"
NUMBER = rf"(?:(?:{_WORDS_RE})(?:\s+and\s+a\s+half)?\s*\(\s*{_DIGITS_RE}\s*\)|{_DIGITS_RE}|(?:{_WORDS_RE})(?:\s+and\s+a\s+half)?)"
NUMBER_RE = re.compile(NUMBER, re.IGNORECASE)


def parse_number(phrase: str) -> float | None:
    """The value of a NUMBER match; digits in parentheses win over words."""
    phrase = phrase.strip().lower()
    digits = re.search(r"\(\s*([\d,]+(?:\.\d+)?)\s*\)", phrase)
    if digits:
        return float(digits.group(1).replace(",", ""))
    if re.fullmatch(_DIGITS_RE, phrase):
        return float(phrase.replace(",", ""))
    half = 0.5 if phrase.endswith("and a half") else 0.0
    phrase = phrase.removesuffix("and a half").strip()
    total, current = 0.0, 0.0
    for word in re.split(r"[\s-]+", phrase):
        if word == "and" or not word:
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in _SCALES:
            current = max(current, 1) * _SCALES[word]
            if word == "thousand":
                total, current = total + current, 0.0
        else:
            return None
    value = total + current + half
    return value if value or phrase == "zero" else None


_CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₩": "KRW", "₹": "INR", "CHF": "CHF"}
_CURRENCY_CODES = (
    "USD",
    "EUR",
    "GBP",
    "CHF",
    "JPY",
    "KRW",
    "CAD",
    "AUD",
    "INR",
    "SGD",
    "NZD",
    "SEK",
    "NOK",
    "DKK",
    "CNY",
    "RMB",
    "HKD",
    "PLN",
    "BRL",
    "MXN",
    "ZAR",
)
_CURRENCY_WORDS = {
    "dollars": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds sterling": "GBP",
    "pounds": "GBP",
    "swiss francs": "CHF",
    "yen": "JPY",
    "won": "KRW",
    "rupees": "INR",
}
_PREFIXED = {
    "US$": "USD",
    "U.S.$": "USD",
    "CA$": "CAD",
    "C$": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "S$": "SGD",
    "NZ$": "NZD",
    "HK$": "HKD",
}
_AMOUNT = r"(?P<amount>\d{1,3}(?:[,\u202f ]\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)(?:\s*(?P<scale>[kK]|thousand|million|m)\b)?"
MONEY_RE = re.compile(
    r"(?P<pre>US\$|U\.S\.\$|CA\$|C\$|A\$|AU\$|S\$|NZ\$|HK\$|[$€£¥₩₹]|\b(?:"
    + "|".join(_CURRENCY_CODES)
    + r"))\s?"
    + _AMOUNT
    + r"|"
    + _AMOUNT.replace("amount", "amount2").replace("scale", "scale2")
    + r"\s?(?P<post>"
    + "|".join(_CURRENCY_CODES)
    + r"|€|euros?|dollars|pounds(?: sterling)?|swiss francs)\b",
)


def parse_money(text: str) -> list[tuple[float, str, int, int]]:
    """Every amount with a currency in ``text``: (amount, ISO code, start, end)."""
    found = []
    for match in MONEY_RE.finditer(text):
        if match.group("pre"):
            symbol, amount, scale = match.group("pre"), match.group("amount"), match.group("scale")
            code = _PREFIXED.get(symbol) or _CURRENCY_SYMBOLS.get(symbol) or symbol.upper()
        else:
            symbol, amount, scale = match.group("post"), match.group("amount2"), match.group("scale2")
            code = symbol.upper() if symbol.upper() in _CURRENCY_CODES else _CURRENCY_WORDS.get(symbol.lower(), "EUR")
        if code == "RMB":
            code = "CNY"
        value = float(re.sub(r"[,\u202f ]", "", amount))
        if scale:
            value *= 1000 if scale.lower() in ("k", "thousand") else 1_000_000
        found.append((value, code, match.start(), match.end()))
    return found


_DURATION_RE = re.compile(
    rf"(?<![\w.])(?P<n>{NUMBER})\s*(?:-|\s)?\s*(?:calendar\s+|consecutive\s+|full\s+)?(?P<unit>months?|weeks?|days?|years?)\b",
    re.IGNORECASE,
)


def durations_in_months(text: str) -> list[tuple[float, int, int]]:
    """Durations in ``text`` converted to months (30 days, 52/12 weeks): (months, start, end)."""
    out = []
    for match in _DURATION_RE.finditer(text):
        value = parse_number(match.group("n"))
        if value is None:
            continue
        unit = match.group("unit").lower()
        if unit.startswith("month"):
            months = value
        elif unit.startswith("week"):
            months = value * 12 / 52
        elif unit.startswith("day"):
            months = value / 30
        else:
            months = value * 12
        out.append((round(months, 2), match.start(), match.end()))
    return out
