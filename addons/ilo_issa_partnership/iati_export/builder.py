"""Build an IATI 2.03 `iati-activities` document from plain dicts.

Element order follows the 2.03 schema (see shared/domain/iati.md §1.3). Each activity
dict holds:

    identifier, reporting_org {ref, type, name}, titles {lang: text},
    descriptions {lang: text}, participating [{role, ref, type, name}],
    status (ActivityStatus code), dates [(type, date)], countries [(code, pct)],
    regions [(code, vocabulary, pct)], sectors [(code, vocabulary, pct)],
    budgets [{start, end, value, currency, value_date, type (1 original, 2 revised;
    default 1)}], today (the export's date), transactions [{type, date, value,
    currency, description, value_date (optional, default: date)}],
    documents [{url, title, category, format, lang}], default_currency,
    other_identifiers [(ref, type)] (optional; e.g. the CPO code, type A1),
    results [{type, titles, descriptions, indicators: [{measure, ascending, titles,
    baseline {year, value, comment} or None, periods: [{start, end, target, actual,
    comment, dimensions: [(name, value, actual)]}]}]}],
    last_updated (optional: the activity's last-updated-datetime, default the
    file's generated-datetime)

A currency or the default currency may be empty (then left out); the rules of
``rules.py`` report what IATI's validators would reject.
"""

import re
from datetime import date, datetime

from lxml import etree

# characters XML 1.0 cannot hold (pasted from word processors: vertical tab, form
# feed, substitute...): line breaks become new lines, the others are dropped
_LINE_BREAKS = re.compile("[\x0b\x0c\x85\u2028\u2029]")
_NOT_XML = re.compile("[\x00-\x08\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean_text(text):
    """``text`` as XML can hold it (for data saved before the input checks)."""
    return _NOT_XML.sub("", _LINE_BREAKS.sub("\n", str(text)))


XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _narratives(parent, texts):
    for lang, text in texts.items():
        if text:
            narrative = etree.SubElement(parent, "narrative")
            if lang != "en":
                narrative.set(XML_LANG, lang)
            narrative.text = clean_text(text)


def _iso(value):
    return value.isoformat() if isinstance(value, date | datetime) else str(value)


def _amount(value):
    return f"{value:.2f}"


# Who the ILO and ISSA are in IATI: the reporting organisation (the ILO, a
# multilateral, type 40) and the implementing partners.
ILO = {"ref": "XM-DAC-41302", "type": "40", "name": "International Labour Organization"}
ISSA_NAME = "International Social Security Association"
IMPLEMENTERS = {
    "ilo": [ILO["name"]],
    "issa": [ISSA_NAME],
    "joint": [ILO["name"], ISSA_NAME],
}


def country_shares(codes):
    """Equal shares (percent, two decimals) of the countries ``codes``, the last one
    taking the rounding so that they add up to 100."""
    if not codes:
        return []
    each = round(100.0 / len(codes), 2)
    shares = [(code, each) for code in codes[:-1]]
    shares.append((codes[-1], round(100.0 - each * (len(codes) - 1), 2)))
    return shares


def _iso_date(parent, tag, when, **attrs):
    return etree.SubElement(parent, tag, **attrs, **{"iso-date": _iso(when)})


def _value(parent, currency, value_date, value):
    attrs = {"currency": currency} if currency else {}
    node = etree.SubElement(parent, "value", attrs, **{"value-date": _iso(value_date)})
    node.text = _amount(value)


def _build_identification(act, data):
    etree.SubElement(act, "iati-identifier").text = clean_text(data["identifier"])
    org = data["reporting_org"]
    reporting = etree.SubElement(act, "reporting-org", ref=org["ref"], type=org["type"])
    _narratives(reporting, {"en": org["name"]})
    _narratives(etree.SubElement(act, "title"), data["titles"])
    _narratives(etree.SubElement(act, "description", type="1"), data["descriptions"])


def _build_participating(act, data):
    for party in data["participating"]:
        attrs = {"role": party["role"]}
        attrs.update({key: party[key] for key in ("ref", "type") if party.get(key)})
        _narratives(
            etree.SubElement(act, "participating-org", attrs), {"en": party["name"]}
        )
    # after participating-org, before activity-status (2.03 order)
    for ref, kind in data.get("other_identifiers", []):
        etree.SubElement(act, "other-identifier", ref=ref, type=kind)


def _build_status_and_dates(act, data):
    etree.SubElement(act, "activity-status", code=data["status"])
    for kind, when in data["dates"]:
        _iso_date(act, "activity-date", when, type=kind)


def _build_countries_and_sectors(act, data):
    for code, percentage in data["countries"]:
        etree.SubElement(
            act, "recipient-country", code=code, percentage=_amount(percentage)
        )
    for code, vocabulary, percentage in data.get("regions", ()):
        etree.SubElement(
            act,
            "recipient-region",
            code=code,
            vocabulary=vocabulary,
            percentage=_amount(percentage),
        )
    for code, vocabulary, percentage in data["sectors"]:
        etree.SubElement(
            act,
            "sector",
            code=code,
            vocabulary=vocabulary,
            percentage=_amount(percentage),
        )


def _build_budgets(act, data):
    for line in data["budgets"]:
        # type 1 original, 2 revised
        budget = etree.SubElement(act, "budget", type=line.get("type", "1"), status="1")
        _iso_date(budget, "period-start", line["start"])
        _iso_date(budget, "period-end", line["end"])
        _value(budget, line["currency"], line["value_date"], line["value"])


def _build_transactions(act, data):
    for move in data["transactions"]:
        transaction = etree.SubElement(act, "transaction")
        etree.SubElement(transaction, "transaction-type", code=move["type"])
        _iso_date(transaction, "transaction-date", move["date"])
        value_date = move.get("value_date") or move["date"]
        _value(transaction, move["currency"], value_date, move["value"])
        if move.get("description"):
            _narratives(
                etree.SubElement(transaction, "description"),
                {"en": move["description"]},
            )


def _build_documents(act, data):
    for document in data["documents"]:
        link = etree.SubElement(
            act, "document-link", url=document["url"], format=document["format"]
        )
        _narratives(etree.SubElement(link, "title"), {"en": document["title"]})
        etree.SubElement(link, "category", code=document["category"])
        for lang in document.get("langs", []):
            etree.SubElement(link, "language", code=lang)


# The activity's elements in the order of the 2.03 schema.
ELEMENT_BUILDERS = (
    _build_identification,
    _build_participating,
    _build_status_and_dates,
    _build_countries_and_sectors,
    _build_budgets,
    _build_transactions,
    _build_documents,
)


def build_activity(data, last_updated):
    last = data.get("last_updated")
    attrs = {"last-updated-datetime": _stamp(last) if last else last_updated}
    attrs[XML_LANG] = "en"
    if data.get("default_currency"):
        attrs["default-currency"] = data["default_currency"]
    act = etree.Element("iati-activity", attrs)
    for build in ELEMENT_BUILDERS:
        build(act, data)
    for result in data.get("results", []):
        _build_result(act, result)
    return act


def _number(value):
    return f"{value:g}"


def _comment(parent, text):
    if text:
        _narratives(etree.SubElement(parent, "comment"), {"en": text})


def _build_result(act, result):
    if not result["indicators"]:
        return  # the schema wants at least one indicator per result
    node = etree.SubElement(act, "result", type=result["type"])
    _narratives(etree.SubElement(node, "title"), result["titles"])
    if any(result.get("descriptions", {}).values()):
        _narratives(etree.SubElement(node, "description"), result["descriptions"])
    for data in result["indicators"]:
        _build_indicator(node, data)


def _build_indicator(node, data):
    attrs = {"measure": data["measure"]}
    if data["measure"] != "5":
        attrs["ascending"] = "1" if data["ascending"] else "0"
    indicator = etree.SubElement(node, "indicator", attrs)
    _narratives(etree.SubElement(indicator, "title"), data["titles"])
    baseline = data.get("baseline")
    if baseline:
        attrs = {"year": str(baseline["year"])}
        if baseline.get("value") is not None:
            attrs["value"] = _number(baseline["value"])
        _comment(
            etree.SubElement(indicator, "baseline", attrs), baseline.get("comment")
        )
    for period in data["periods"]:
        _build_period(indicator, period)


def _build_period(indicator, period):
    element = etree.SubElement(indicator, "period")
    _iso_date(element, "period-start", period["start"])
    _iso_date(element, "period-end", period["end"])
    target = {}
    if period.get("target") is not None:
        target["value"] = _number(period["target"])
    etree.SubElement(element, "target", target)
    actual = {}
    if period.get("actual") is not None:
        actual["value"] = _number(period["actual"])
    _comment(etree.SubElement(element, "actual", actual), period.get("comment"))
    for name, value, figure in period.get("dimensions", []):
        split = etree.SubElement(element, "actual", value=_number(figure))
        etree.SubElement(split, "dimension", name=name, value=value)


def _stamp(moment):
    """A UTC datetime (naive, as Odoo keeps them) as IATI writes it."""
    if not isinstance(moment, datetime):
        moment = datetime.combine(moment, datetime.min.time())
    return moment.replace(microsecond=0).isoformat() + "Z"


def build_activities(activities, generated=None):
    """The `iati-activities` document (bytes) for a list of activity dicts."""
    stamp = _stamp(generated or datetime.utcnow())
    root = etree.Element(
        "iati-activities", version="2.03", **{"generated-datetime": stamp}
    )
    for data in activities:
        root.append(build_activity(data, stamp))
    return etree.tostring(
        root, xml_declaration=True, encoding="UTF-8", pretty_print=True
    )
