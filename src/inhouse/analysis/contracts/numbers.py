"""Numbers, durations and money as contracts write them: "twenty (20)", "2.5", "USD 4,000"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from price_parser import Price

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
_SCALES = {
    "hundred": 100,
    "thousand": 1000,
    "lakh": 100_000,
    "lakhs": 100_000,
    "crore": 10_000_000,
    "crores": 10_000_000,
}
_WORD = "|".join(sorted([*_UNITS, *_TENS, *_SCALES], key=len, reverse=True))
_WORDS_RE = rf"(?:(?:{_WORD})(?:[\s-]+(?:and[\s-]+)?(?:{_WORD}))*)"
_DIGITS_RE = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
# the digits repeated in parentheses may carry a half as a mixed fraction: "one and a half (1 1/2)", "(2½)"
_HALF_RE = r"(?:\s*½|\s+1/2)"
# "twenty (20)", "20", "twenty", "two and a half (2.5)", "2.5"
NUMBER = (
    rf"(?:(?:{_WORDS_RE})(?:\s+and\s+a\s+half)?\s*\(\s*{_DIGITS_RE}{_HALF_RE}?\s*\)|{_DIGITS_RE}|"
    rf"(?:{_WORDS_RE})(?:\s+and\s+a\s+half)?)"
)
NUMBER_RE = re.compile(NUMBER, re.IGNORECASE)


def parse_number(phrase: str) -> float | None:
    """The value of a NUMBER match; digits in parentheses win over words.

    An article before a number word is no number of its own ("a twelve-month period" is 12, "a
    hundred" 100); "half a" / "half an" is a half."""
    phrase = phrase.strip().lower()
    digits = re.search(rf"\(\s*([\d,]+(?:\.\d+)?)({_HALF_RE})?\s*\)", phrase)
    if digits:
        return float(digits.group(1).replace(",", "")) + (0.5 if digits.group(2) else 0.0)
    if re.fullmatch(_DIGITS_RE, phrase):
        return float(phrase.replace(",", ""))
    half = 0.5 if phrase.endswith("and a half") else 0.0
    phrase = phrase.removesuffix("and a half").strip()
    words = [w for w in re.split(r"[\s-]+", phrase) if w and w != "and"]
    if words[:1] == ["half"] and words[1:] in ([], ["a"], ["an"]):
        return 0.5
    if len(words) > 1 and words[0] in ("a", "an"):
        words = words[1:]
    total, current = 0.0, 0.0
    for word in words:
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in _SCALES:
            current = max(current, 1) * _SCALES[word]
            if word != "hundred":  # "four lakh eighty thousand": each larger scale closes its group
                total, current = total + current, 0.0
        else:
            return None
    value = total + current + half
    return value if value or phrase == "zero" else None


_CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₩": "KRW", "₹": "INR", "₦": "NGN"}
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
    "KES",
    "NGN",
    "UGX",
    "TZS",
    "AED",
    "SAR",
    "QAR",
    "KWD",
    "BHD",
    "OMR",
    "EGP",
    "GHS",
)
_CURRENCY_WORDS = {
    "us dollars": "USD",
    "u.s. dollars": "USD",
    "united states dollars": "USD",
    "australian dollars": "AUD",
    "canadian dollars": "CAD",
    "singapore dollars": "SGD",
    "new zealand dollars": "NZD",
    "hong kong dollars": "HKD",
    "dollars": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds sterling": "GBP",
    "sterling": "GBP",
    "pounds": "GBP",
    "swiss francs": "CHF",
    "francs": "CHF",
    "yen": "JPY",
    "won": "KRW",
    "indian rupees": "INR",
    "rupees": "INR",
}
_PREFIXED = {
    "US$": "USD",
    "U.S.$": "USD",
    "USD$": "USD",
    "CA$": "CAD",
    "C$": "CAD",
    "CAD$": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "AUD$": "AUD",
    "S$": "SGD",
    "SGD$": "SGD",
    "NZ$": "NZD",
    "NZD$": "NZD",
    "HK$": "HKD",
    "HKD$": "HKD",
    "RS": "INR",
    "RS.": "INR",
    "SFR.": "CHF",
    "FR.": "CHF",
    # the shilling's own abbreviations: "Kshs. 90,000", "KSh 4,000"
    "KSHS.": "KES",
    "KSHS": "KES",
    "KSH.": "KES",
    "KSH": "KES",
}
COMMA_DECIMAL_CURRENCIES = frozenset({"EUR", "DKK", "NOK", "SEK", "PLN", "BRL"})
"""Currencies whose documents usually write ``1.234,56``: a lone ``6.500`` in one of them is 6500."""
_SCALES_OF_MONEY = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}
_SCALES_OF_MONEY |= {"lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7}
# The digits of an amount: groups of three (or two, as Indian grouping writes "2,50,000") after a
# comma, a dot or an apostrophe, groups of three after a (thin, no-break) space, then decimals.
_FIGURES = r"\d{1,3}(?:[,.'’]\d{2,3}|[\u00a0\u202f ]\d{3}(?!\d))*(?:[.,]\d{1,2})?(?!\d)|\d+(?:[.,]\d{1,2})?(?!\d)"
_AMOUNT = (
    rf"(?P<amount>{_FIGURES})"
    r"(?:[\s-]*(?P<scale>(?i:thousand|million|billion|lakhs?|crores?|mn|bn)\b|[kKmM]\b))?"
)
_PRE = (
    r"(?P<pre>(?:US|U\.S\.|USD|CA|CAD|AU|AUD|NZ|NZD|HK|HKD|SGD|[CAS])\$|[$€£¥₩₹₦]|\bRs\.?|\bK[Ss][Hh][Ss]?\b\.?|\bSFr\.|\b(?:"
    + "|".join(_CURRENCY_CODES)
    + r")\b)"
)
_POST = (
    r"(?P<post>\b(?:"
    + "|".join(_CURRENCY_CODES)
    + r")\b|€|(?i:(?:(?:u\.s\.|us|united states|australian|canadian|singapore|new zealand|hong kong)\s+)?dollars"
    + r"|euros?|pounds(?: sterling)?|sterling|(?:swiss\s+)?francs|(?:indian\s+)?rupees|yen)\b)"
)
MONEY_RE = re.compile(
    _PRE
    + r"[ \t\u00a0]?"
    + _AMOUNT
    + r"|"
    + _AMOUNT.replace("amount", "amount2").replace("scale", "scale2")
    + r"[ \t\u00a0]?"
    + _POST
)
_COMMA_DECIMALS = re.compile(r"\d[.'’\u00a0\u202f ]\d{3},\d{1,2}(?!\d)|(?<![\d.,])\d{1,3},\d{2}(?![\d,.])")
_DOT_DECIMALS = re.compile(r"\d,\d{3}(?:\.\d{1,2})?(?![\d,])|(?<![\d.,])\d+\.\d{2}(?![\d,.])")
_LONE_DOT_THOUSANDS = re.compile(r"\d{1,3}\.\d{3}")


# An amount written in words only: "Rupees Four Lakh Eighty Thousand only", "Forty Thousand Dollars".
_WORD_AMOUNT = rf"(?P<words>(?:{_WORD})(?:[\s-]+(?:and[\s-]+)?(?:{_WORD}))*)"
_WORD_MONEY_RE = re.compile(
    rf"\b(?P<wpre>(?:indian\s+)?rupees|rs\.?|inr|rand|zar)\s+{_WORD_AMOUNT}(?:\s+only)?\b"
    rf"|\b{_WORD_AMOUNT.replace('words', 'words2')}\s+(?P<wpost>(?:indian\s+)?rupees|(?:u\.s\.\s+|us\s+)?dollars|euros?|"
    rf"pounds(?:\s+sterling)?|rand)\b",
    re.IGNORECASE,
)
_SCALE_WORD = re.compile(r"\b(?:lakhs?|crores?|thousand|hundred)\b", re.IGNORECASE)
_WORD_CODES = {
    "rs": "INR",
    "rs.": "INR",
    "inr": "INR",
    "rupees": "INR",
    "indian rupees": "INR",
    "rand": "ZAR",
    "zar": "ZAR",
}
_WORD_CODES |= {"euro": "EUR", "euros": "EUR", "pounds": "GBP", "pounds sterling": "GBP"}


def _money_in_words(text: str, dollar: str, taken: list[tuple[int, int]]) -> list[tuple[float, str, int, int]]:
    """Amounts written in words with a currency word, where no figures say the same nearby."""
    found = []
    for match in _WORD_MONEY_RE.finditer(text):
        if any(a < match.end() + 40 and match.start() - 40 < b for a, b in taken):
            continue  # "Forty Thousand Dollars (US$40,000)": the figures are read already
        words = match.group("words") or match.group("words2")
        value = parse_number(words)
        if value is None or value < 100:
            continue
        unit = " ".join((match.group("wpre") or match.group("wpost")).lower().split())
        code = _WORD_CODES.get(unit) or ("USD" if unit.startswith(("u.s.", "us ")) else dollar)
        found.append((round(value, 2), code, match.start(), match.end()))
    return found


def parse_money(text: str, *, dollar: str | None = None) -> list[tuple[float, str, int, int]]:
    """Every amount with a currency in ``text``: (amount, ISO code, start, end).

    The pattern finds each amount and its offsets; price-parser reads the figures and the
    currency of that snippet. One separator followed by three digits ("6.500", "4,000") is a
    thousands separator, except a dot in a text that writes its decimals with a dot (and so its
    thousands with a comma: "1,250.00", "$4,000" elsewhere) and whose currency does not write
    decimals with a comma. A bare "$" is the dollar the text names elsewhere (AUD, "Australian
    dollars", "A$"), US dollars otherwise; ``dollar`` (:func:`contract_dollar`) when the whole contract says
    which dollar a bare "$" is."""
    found = []
    dollar = dollar or _named_dollar(text)
    comma_style = bool(_COMMA_DECIMALS.search(text))
    dot_style = bool(_DOT_DECIMALS.search(text)) and not comma_style
    for match in MONEY_RE.finditer(text):
        if match.group("pre"):
            symbol, amount, scale = match.group("pre"), match.group("amount"), match.group("scale")
        else:
            symbol, amount, scale = match.group("post"), match.group("amount2"), match.group("scale2")
        code = _iso(symbol, dollar)
        figures = amount.replace("’", "'")
        separator = None
        if _LONE_DOT_THOUSANDS.fullmatch(figures):
            separator = "." if dot_style and code not in COMMA_DECIMAL_CURRENCIES else ","
        value = Price.fromstring(figures, decimal_separator=separator).amount_float
        if value is None:
            continue
        if scale:
            value *= _SCALES_OF_MONEY[scale.lower()]
        found.append((round(value, 2), code, match.start(), match.end()))
    if not _SCALE_WORD.search(text):
        return found  # an amount of 100 or more in words has a scale word
    words = _money_in_words(text, dollar, [(start, end) for _v, _c, start, end in found])
    return sorted(found + words, key=lambda item: item[2]) if words else found


def _iso(symbol: str, dollar: str) -> str:
    folded = " ".join(symbol.split())
    code = (
        _PREFIXED.get(folded.upper())
        or _CURRENCY_WORDS.get(folded.lower())
        or (dollar if folded == "$" else _CURRENCY_SYMBOLS.get(folded))
        or folded.upper()
    )
    return "CNY" if code == "RMB" else code


_DOLLARS_NAMED = re.compile(
    r"\b(AUD|CAD|NZD|SGD|HKD)\b|\b(Australian|Canadian|New Zealand|Singapore|Hong Kong) dollars?\b|"
    r"\b(A|AU|C|CA|NZ|S|HK)\$",
    re.IGNORECASE,
)
_DOLLAR_OF = {"australian": "AUD", "canadian": "CAD", "new zealand": "NZD", "singapore": "SGD", "hong kong": "HKD"}
_DOLLAR_OF |= {"a": "AUD", "au": "AUD", "c": "CAD", "ca": "CAD", "nz": "NZD", "s": "SGD", "hk": "HKD"}


def _named_dollar(text: str) -> str:
    """The dollar a text names ("AUD", "Australian dollars", "A$"), when it names one only."""
    named = set()
    for match in _DOLLARS_NAMED.finditer(text):
        code, country, prefix = match.groups()
        named.add(code.upper() if code else _DOLLAR_OF[" ".join((country or prefix).lower().split())])
    if re.search(r"\bUSD\b|\bUS\$|\bU\.S\. dollars|\bUS dollars", text):
        named.add("USD")
    return named.pop() if len(named) == 1 else "USD"


#: the dollar of the law that governs a contract, when the contract names no dollar of its own
_DOLLAR_OF_LAW = (
    (
        re.compile(
            r"laws? (?:in force )?(?:of|in) (?:the (?:State|Commonwealth|Territory) of )?(?:New South Wales|Victoria|Queensland|"
            r"Western Australia|South Australia|Tasmania|(?:the )?Australian Capital Territory|(?:the )?Northern Territory|"
            r"Australia)\b|\((?:Cth|NSW|Vic|Qld|WA|SA|Tas|ACT|NT)\)"
        ),
        "AUD",
    ),
    (
        re.compile(
            r"laws? (?:of|in) (?:the Province of )?(?:Ontario|British Columbia|Alberta|Qu[eé]bec|Nova Scotia|Manitoba|"
            r"Saskatchewan|New Brunswick|Newfoundland(?: and Labrador)?|Prince Edward Island|Canada)\b"
        ),
        "CAD",
    ),
    (re.compile(r"laws? (?:of|in) (?:the Republic of )?Singapore\b"), "SGD"),
    (re.compile(r"laws? (?:of|in) New Zealand\b"), "NZD"),
    (re.compile(r"laws? (?:of|in) (?:the )?Hong Kong\b"), "HKD"),
)


def contract_dollar(text: str) -> str:
    """The dollar a bare "$" is in a whole contract: the one it names ("AUD", "Australian dollars",
    "A$") when it names one only, else the dollar of its governing law (New South Wales: AUD;
    Ontario: CAD), else US dollars."""
    named = _named_dollar(text)
    if named != "USD" or re.search(r"\bUSD\b|\bUS\$|\bU\.S\. dollars|\bUS dollars", text):
        return named
    for pattern, code in _DOLLAR_OF_LAW:
        if pattern.search(text):
            return code
    return "USD"


_UNIT_DAYS = {"day": 1.0, "week": 7.0, "fortnight": 14.0, "month": 365.25 / 12, "quarter": 365.25 / 4, "year": 365.25}
_DURATION_RE = re.compile(
    rf"(?<![\w.])(?:(?P<n>{NUMBER})[ \t\n]*(?:-|[ \t\n])?[ \t\n]*|(?P<article>an?)[ \t\n]+(?=fortnight|quarter))"
    r"(?:(?P<kind>calendar|consecutive|full|business|working|banking|court|clear)[ \t\n-]+)?"
    r"(?P<unit>months?|weeks?|days?|years?|fortnights?|quarters?)\b"
    r"(?P<half>[ \t\n]+and[ \t\n]+a[ \t\n]+half\b)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Duration:
    """A span of time as written: ``value`` ``unit`` (day, week, fortnight, month, quarter, year),
    ``business`` for business or working days, and its offsets in the text."""

    value: float
    unit: str
    start: int
    end: int
    business: bool = False

    @property
    def days(self) -> float:
        """Calendar days (a business week is seven calendar days: five business days)."""
        if self.business and self.unit == "day":
            return self.value * 7 / 5
        return self.value * _UNIT_DAYS[self.unit]

    @property
    def months(self) -> float:
        """Months: a day is a thirtieth (a business day seven fifths of that), a week 12/52, a fortnight
        twice that, a quarter three, a year twelve."""
        if self.business and self.unit == "day":
            return self.days / 30
        factor = {"day": 1 / 30, "week": 12 / 52, "fortnight": 24 / 52, "month": 1.0, "quarter": 3.0, "year": 12.0}
        return self.value * factor[self.unit]


def durations(text: str) -> list[Duration]:
    """Every duration in ``text``: "eighteen (18) months", "two and a half years", "a fortnight",
    "90-day", "30 business days", "half a year", "a twelve-month period" (12 months).

    A leading article is left out of the span when a number word follows it ("twelve-month")."""
    out = []
    for match in _DURATION_RE.finditer(text):
        start = match.start()
        if match.group("article"):
            value = 1.0
        else:
            phrase = match.group("n")
            value_or_none = parse_number(phrase)
            if value_or_none is None:
                continue
            value = value_or_none
            article = re.match(r"an?[ \t\n-]+(?=\w)", phrase, re.IGNORECASE)
            if article and not re.match(r"an?[ \t\n-]+(?:half|hundred|thousand)\b", phrase, re.IGNORECASE):
                start += article.end()
        if match.group("half"):
            value += 0.5
        unit = match.group("unit").lower().rstrip("s")
        kind = (match.group("kind") or "").lower()
        out.append(Duration(value, unit, start, match.end(), business=kind in ("business", "working", "banking")))
    return out


def durations_in_months(text: str) -> list[tuple[float, int, int]]:
    """Durations in ``text`` converted to months (see :attr:`Duration.months`): (months, start, end)."""
    return [(round(d.months, 2), d.start, d.end) for d in durations(text)]
