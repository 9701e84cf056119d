"""Validation against the official IATI 2.03 schema, shipped by the pyIATI package
(installed for its data files only: see requirements-nodeps.txt)."""

import functools
import importlib.util
import os

from lxml import etree

_SCHEMA = None


def schema_path():
    spec = importlib.util.find_spec("iati")
    if not spec or not spec.submodule_search_locations:
        raise FileNotFoundError(
            "the IATI 2.03 schema is missing: install the Python package pyIATI "
            "(pip install --no-deps pyIATI==0.4.1)"
        )
    return os.path.join(
        spec.submodule_search_locations[0],
        "resources",
        "standard",
        "2-03",
        "schemas",
        "iati-activities-schema.xsd",
    )


def _resources():
    return os.path.dirname(os.path.dirname(schema_path()))


@functools.cache
def codelist(name):
    """The codes of the IATI 2.03 codelist ``name`` (e.g. "Currency"), from the
    same package as the schema."""
    path = os.path.join(_resources(), "codelists", f"{name}.xml")
    tree = etree.parse(path)
    return frozenset(code.text for code in tree.iterfind(".//codelist-item/code"))


def validate_xml(content, path=None):
    """Errors (as 'line N: message') of an iati-activities document; [] when valid."""
    global _SCHEMA
    if path:
        schema = etree.XMLSchema(etree.parse(path))
    else:
        if _SCHEMA is None:
            _SCHEMA = etree.XMLSchema(etree.parse(schema_path()))
        schema = _SCHEMA
    document = etree.fromstring(content)
    if schema.validate(document):
        return []
    # name the activity each error is in, so that the user knows what to fix
    starts = [
        (activity.sourceline, activity.findtext("iati-identifier") or "?")
        for activity in document.iterfind("iati-activity")
    ]
    errors = []
    for error in schema.error_log:
        owner = [ident for line, ident in starts if line <= error.line]
        where = f"activity {owner[-1]}, " if owner else ""
        errors.append(f"{where}line {error.line}: {error.message}")
    return errors
