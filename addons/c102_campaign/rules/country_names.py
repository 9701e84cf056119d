"""Country names as the ILO, the UN and French-speaking offices write them.

``CountryIndex`` recognises a country from its name or ISO code. It knows the names it
is given (Odoo's country names in every installed language) and the official forms
below: NORMLEX and the UN write "Bolivia (Plurinational State of)", "Congo, Democratic
Republic of the", "Netherlands (Kingdom of the)"; Odoo writes "Bolivia", "Democratic
Republic of the Congo", "Netherlands". Names are compared without accents, case,
apostrophes (straight or curly) or punctuation, and with the "(…)" and ", …" parts
both dropped and turned round. An unknown name gets the closest known names.

Former States that ratified (or never ratified) before they were succeeded are not
countries of today: ``PREDECESSORS`` names their successors, so that they are
explained rather than "unknown".
"""

import difflib
import re
import unicodedata

# ISO code -> names the product's data and the ILO/UN/French texts use, where Odoo's
# English name differs or a French office writes it otherwise. The 63 ratifying
# States, the campaign's prospects, and names that are often written differently.
ALIASES = {
    "AL": ("Albania", "Albanie"),
    "AR": ("Argentina", "Argentine"),
    "AT": ("Austria", "Autriche"),
    "BA": ("Bosnia and Herzegovina", "Bosnie-Herzégovine"),
    "BB": ("Barbados", "Barbade"),
    "BE": ("Belgium", "Belgique"),
    "BG": ("Bulgaria", "Bulgarie"),
    "BJ": ("Benin", "Bénin"),
    "BO": (
        "Bolivia (Plurinational State of)",
        "Plurinational State of Bolivia",
        "Bolivie (État plurinational de)",
        "État plurinational de Bolivie",
        "Bolivie",
    ),
    "BR": ("Brazil", "Brésil", "Brasil"),
    "CD": (
        "Democratic Republic of the Congo",
        "Congo, Democratic Republic of the",
        "DR Congo",
        "République démocratique du Congo",
        "Congo, République démocratique du",
        "RDC",
    ),
    "CG": ("Congo", "Republic of the Congo", "République du Congo"),
    "CH": ("Switzerland", "Suisse", "Schweiz"),
    "CI": ("Côte d'Ivoire", "Ivory Coast", "République de Côte d'Ivoire"),
    "CR": ("Costa Rica",),
    "CV": ("Cabo Verde", "Cape Verde", "Cap-Vert"),
    "CY": ("Cyprus", "Chypre"),
    "CZ": ("Czechia", "Czech Republic", "Tchéquie", "République tchèque"),
    "DE": ("Germany", "Allemagne", "Federal Republic of Germany"),
    "DK": ("Denmark", "Danemark"),
    "DO": ("Dominican Republic", "République dominicaine"),
    "EC": ("Ecuador", "Équateur"),
    "ES": ("Spain", "Espagne", "España"),
    "FR": ("France",),
    "GB": (
        "United Kingdom of Great Britain and Northern Ireland",
        "United Kingdom",
        "UK",
        "Great Britain",
        "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord",
        "Royaume-Uni",
    ),
    "GR": ("Greece", "Grèce"),
    "HN": ("Honduras",),
    "HR": ("Croatia", "Croatie"),
    "IE": ("Ireland", "Irlande"),
    "IL": ("Israel", "Israël"),
    "IR": ("Iran (Islamic Republic of)", "Iran (République islamique d')"),
    "IS": ("Iceland", "Islande"),
    "IT": ("Italy", "Italie"),
    "JO": ("Jordan", "Jordanie"),
    "JP": ("Japan", "Japon"),
    "KR": ("Republic of Korea", "Korea, Republic of", "République de Corée"),
    "LA": ("Lao People's Democratic Republic", "République démocratique populaire lao"),
    "LU": ("Luxembourg",),
    "LY": ("Libya", "Libye", "Libyan Arab Jamahiriya", "Jamahiriya arabe libyenne"),
    "MA": ("Morocco", "Maroc"),
    "MD": ("Republic of Moldova", "République de Moldova"),
    "ME": ("Montenegro", "Monténégro"),
    "MK": (
        "North Macedonia",
        "Republic of North Macedonia",
        "The former Yugoslav Republic of Macedonia",
        "Macédoine du Nord",
        "ex-République yougoslave de Macédoine",
    ),
    "MR": ("Mauritania", "Mauritanie"),
    "MX": ("Mexico", "Mexique"),
    "MZ": ("Mozambique",),
    "NE": ("Niger",),
    "NL": (
        "Netherlands (Kingdom of the)",
        "Kingdom of the Netherlands",
        "Netherlands",
        "Pays-Bas (Royaume des)",
        "Royaume des Pays-Bas",
        "Pays-Bas",
    ),
    "NO": ("Norway", "Norvège"),
    "PE": ("Peru", "Pérou"),
    "PL": ("Poland", "Pologne"),
    "PT": ("Portugal",),
    "PY": ("Paraguay",),
    "RO": ("Romania", "Roumanie"),
    "RS": ("Serbia", "Serbie"),
    "RU": ("Russian Federation", "Russia", "Fédération de Russie", "Russie"),
    "SE": ("Sweden", "Suède"),
    "SI": ("Slovenia", "Slovénie"),
    "SK": ("Slovakia", "Slovaquie"),
    "SL": ("Sierra Leone",),
    "SN": ("Senegal", "Sénégal"),
    "ST": (
        "Sao Tome and Principe",
        "São Tomé and Príncipe",
        "Sao Tomé-et-Principe",
    ),
    "SV": ("El Salvador",),
    "SY": ("Syrian Arab Republic", "République arabe syrienne"),
    "SZ": ("Eswatini", "Swaziland"),
    "TD": ("Chad", "Tchad"),
    "TG": ("Togo",),
    "TL": ("Timor-Leste", "East Timor", "Timor oriental"),
    "TR": ("Türkiye", "Turkey", "Turquie"),
    "TZ": ("United Republic of Tanzania", "République-Unie de Tanzanie"),
    "UA": ("Ukraine",),
    "US": ("United States of America", "États-Unis d'Amérique", "États-Unis"),
    "UY": ("Uruguay",),
    "VC": ("Saint Vincent and the Grenadines", "Saint-Vincent-et-les-Grenadines"),
    "VE": (
        "Venezuela (Bolivarian Republic of)",
        "Bolivarian Republic of Venezuela",
        "Venezuela (République bolivarienne du)",
        "République bolivarienne du Venezuela",
    ),
    "VN": ("Viet Nam", "Vietnam"),
}

# ISO code -> (English, French): the State's name as the ILO writes it (NORMLEX, the
# campaign's pages: the UN's official short names), where Odoo's name differs in
# either language (Odoo: "Cape Verde"/"Cap-Vert", "Timor oriental", "Turquie"...).
# The campaign's records, dashboards, map and country brief show these names.
ILO_NAMES = {
    "BO": ("Bolivia (Plurinational State of)", "Bolivie (État plurinational de)"),
    "CV": ("Cabo Verde", "Cabo Verde"),
    "CZ": ("Czechia", "Tchéquie"),
    "IR": ("Iran (Islamic Republic of)", "Iran (République islamique d')"),
    "KR": ("Republic of Korea", "République de Corée"),
    "LA": ("Lao People's Democratic Republic", "République démocratique populaire lao"),
    "MD": ("Republic of Moldova", "République de Moldova"),
    "SY": ("Syrian Arab Republic", "République arabe syrienne"),
    "TL": ("Timor-Leste", "Timor-Leste"),
    "TR": ("Türkiye", "Türkiye"),
    "TZ": ("United Republic of Tanzania", "République-Unie de Tanzanie"),
    "VE": (
        "Venezuela (Bolivarian Republic of)",
        "Venezuela (République bolivarienne du)",
    ),
    "VN": ("Viet Nam", "Viet Nam"),
}


def ilo_name(code, lang, default):
    """The ILO's name of a State, in the reader's language.

    :param code: ISO 3166-1 alpha-2 code, any case (``"tl"``), or a falsy value
    :param lang: an Odoo language code (``"fr_FR"``, ``"fr_BE"``: French; anything
        else, or nothing: English)
    :param default: the name to give where the ILO writes it as Odoo does (Odoo's
        name in that language)
    :return: ``"Timor-Leste"`` for ``("TL", "fr_FR", "Timor oriental")``
    """
    names = ILO_NAMES.get((code or "").upper())
    if not names:
        return default
    return names[1] if (lang or "").startswith("fr") else names[0]


# Former States: key -> (names, ISO codes of the successor States). The models word
# the explanation (in the user's language) from the key.
PREDECESSORS = {
    "yugoslavia": (
        (
            "Yugoslavia",
            "Socialist Federal Republic of Yugoslavia",
            "Yougoslavie",
            "République fédérative socialiste de Yougoslavie",
        ),
        ("BA", "HR", "ME", "MK", "RS", "SI"),
    ),
    "serbia_montenegro": (
        (
            "Serbia and Montenegro",
            "Federal Republic of Yugoslavia",
            "Serbie-et-Monténégro",
            "République fédérale de Yougoslavie",
        ),
        ("ME", "RS"),
    ),
    "czechoslovakia": (
        (
            "Czechoslovakia",
            "Czech and Slovak Federal Republic",
            "Tchécoslovaquie",
            "République fédérative tchèque et slovaque",
        ),
        ("CZ", "SK"),
    ),
    "ussr": (
        (
            "USSR",
            "Union of Soviet Socialist Republics",
            "Soviet Union",
            "URSS",
            "Union des républiques socialistes soviétiques",
        ),
        ("RU", "UA"),
    ),
}

_APOSTROPHES = re.compile("['\u2018\u2019\u02bc\u0060\u00b4]")
_NOT_WORD = re.compile(r"[^a-z0-9]+")
_PARENTHESES = re.compile(r"^(.*?)\s*\((.*)\)\s*$")


def normalise(name):
    """``"Côte d’Ivoire"`` -> ``"cote divoire"``: no accents, case, apostrophes or
    punctuation."""
    text = unicodedata.normalize("NFKD", str(name or ""))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = _APOSTROPHES.sub("", text).replace("&", " and ")
    return _NOT_WORD.sub(" ", text).strip()


def variants(name):
    """The forms a name is looked up by: as written, with its "(…)" or ", …" part
    dropped or turned round ("Congo, Democratic Republic of the" -> "Democratic
    Republic of the Congo"), without a leading "the"."""
    text = str(name or "").strip()
    forms = [text]
    match = _PARENTHESES.match(text)
    if match:
        head, qualifier = match.groups()
        forms += [head, f"{qualifier} {head}"]
    if text.count(",") == 1:
        head, qualifier = (part.strip() for part in text.split(","))
        forms.append(f"{qualifier} {head}")
    result = []
    for form in forms:
        key = normalise(form)
        for candidate in (key, re.sub(r"^the ", "", key)):
            if candidate and candidate not in result:
                result.append(candidate)
    return result


class CountryIndex:
    """Find ISO codes from names: ``CountryIndex({"BO": ["Bolivia"], ...})``.

    ``names`` maps each ISO code to the names known for it (Odoo's, in each
    installed language); ``ALIASES`` and ``PREDECESSORS`` are added.
    """

    def __init__(self, names):
        self._index = {}
        self._codes = set()
        for code, known in names.items():
            self._add(code, known)
        for code, known in ALIASES.items():
            self._add(code, known)
        for code, known in ILO_NAMES.items():
            self._add(code, known)
        self._predecessors = {}
        for key, (known, _successors) in PREDECESSORS.items():
            for name in known:
                for form in variants(name):
                    self._predecessors.setdefault(form, key)

    def _add(self, code, known):
        code = code.upper()
        self._codes.add(code)
        for name in known:
            for form in variants(name):
                # first come, first served: Odoo's own names before the aliases
                self._index.setdefault(form, code)

    def find(self, text):
        """The ISO code of ``text`` (a name or an ISO code), else ``None``."""
        text = str(text or "").strip()
        if len(text) == 2 and text.upper() in self._codes:
            return text.upper()
        for form in variants(text):
            if form in self._index:
                return self._index[form]
        return None

    def codes_containing(self, text):
        """ISO codes with a known name that contains ``text``, compared as
        :func:`normalise` does (no accents, case or apostrophes): "cote d'ivoire"
        and "tchéq" find CI and CZ. Sorted."""
        key = normalise(text)
        if not key:
            return []
        return sorted({code for form, code in self._index.items() if key in form})

    def predecessor(self, text):
        """``(key, successor ISO codes)`` when ``text`` names a former State."""
        for form in variants(text):
            key = self._predecessors.get(form)
            if key:
                return key, PREDECESSORS[key][1]
        return None

    def suggest(self, text, limit=3):
        """ISO codes of the known names closest to ``text``, best first."""
        key = normalise(text)
        if not key:
            return []
        close = difflib.get_close_matches(
            key, list(self._index), n=limit * 4, cutoff=0.6
        )
        # a name that starts like the input is a good guess too ("Bolivie" ->
        # "bolivie etat plurinational de")
        close += sorted(k for k in self._index if k.startswith(key) and k != key)
        codes = []
        for form in close:
            code = self._index[form]
            if code not in codes:
                codes.append(code)
        return codes[:limit]


# ISO 3166-1 alpha-3 -> alpha-2 (ILOSTAT and SDMX write alpha-3: "SEN", "CIV").
_ALPHA3 = (
    "ABW:AW AFG:AF AGO:AO AIA:AI ALA:AX ALB:AL AND:AD ARE:AE ARG:AR ARM:AM ASM:AS "
    "ATA:AQ ATF:TF ATG:AG AUS:AU AUT:AT AZE:AZ BDI:BI BEL:BE BEN:BJ BES:BQ BFA:BF "
    "BGD:BD BGR:BG BHR:BH BHS:BS BIH:BA BLM:BL BLR:BY BLZ:BZ BMU:BM BOL:BO BRA:BR "
    "BRB:BB BRN:BN BTN:BT BVT:BV BWA:BW CAF:CF CAN:CA CCK:CC CHE:CH CHL:CL CHN:CN "
    "CIV:CI CMR:CM COD:CD COG:CG COK:CK COL:CO COM:KM CPV:CV CRI:CR CUB:CU CUW:CW "
    "CXR:CX CYM:KY CYP:CY CZE:CZ DEU:DE DJI:DJ DMA:DM DNK:DK DOM:DO DZA:DZ ECU:EC "
    "EGY:EG ERI:ER ESH:EH ESP:ES EST:EE ETH:ET FIN:FI FJI:FJ FLK:FK FRA:FR FRO:FO "
    "FSM:FM GAB:GA GBR:GB GEO:GE GGY:GG GHA:GH GIB:GI GIN:GN GLP:GP GMB:GM GNB:GW "
    "GNQ:GQ GRC:GR GRD:GD GRL:GL GTM:GT GUF:GF GUM:GU GUY:GY HKG:HK HMD:HM HND:HN "
    "HRV:HR HTI:HT HUN:HU IDN:ID IMN:IM IND:IN IOT:IO IRL:IE IRN:IR IRQ:IQ ISL:IS "
    "ISR:IL ITA:IT JAM:JM JEY:JE JOR:JO JPN:JP KAZ:KZ KEN:KE KGZ:KG KHM:KH KIR:KI "
    "KNA:KN KOR:KR KWT:KW LAO:LA LBN:LB LBR:LR LBY:LY LCA:LC LIE:LI LKA:LK LSO:LS "
    "LTU:LT LUX:LU LVA:LV MAC:MO MAF:MF MAR:MA MCO:MC MDA:MD MDG:MG MDV:MV MEX:MX "
    "MHL:MH MKD:MK MLI:ML MLT:MT MMR:MM MNE:ME MNG:MN MNP:MP MOZ:MZ MRT:MR MSR:MS "
    "MTQ:MQ MUS:MU MWI:MW MYS:MY MYT:YT NAM:NA NCL:NC NER:NE NFK:NF NGA:NG NIC:NI "
    "NIU:NU NLD:NL NOR:NO NPL:NP NRU:NR NZL:NZ OMN:OM PAK:PK PAN:PA PCN:PN PER:PE "
    "PHL:PH PLW:PW PNG:PG POL:PL PRI:PR PRK:KP PRT:PT PRY:PY PSE:PS PYF:PF QAT:QA "
    "REU:RE ROU:RO RUS:RU RWA:RW SAU:SA SDN:SD SEN:SN SGP:SG SGS:GS SHN:SH SJM:SJ "
    "SLB:SB SLE:SL SLV:SV SMR:SM SOM:SO SPM:PM SRB:RS SSD:SS STP:ST SUR:SR SVK:SK "
    "SVN:SI SWE:SE SWZ:SZ SXM:SX SYC:SC SYR:SY TCA:TC TCD:TD TGO:TG THA:TH TJK:TJ "
    "TKL:TK TKM:TM TLS:TL TON:TO TTO:TT TUN:TN TUR:TR TUV:TV TWN:TW TZA:TZ UGA:UG "
    "UKR:UA UMI:UM URY:UY USA:US UZB:UZ VAT:VA VCT:VC VEN:VE VGB:VG VIR:VI VNM:VN "
    "VUT:VU WLF:WF WSM:WS YEM:YE ZAF:ZA ZMB:ZM ZWE:ZW "
)
ALPHA3 = dict(pair.split(":") for pair in _ALPHA3.split())


def alpha2(code):
    """The ISO alpha-2 code of an alpha-2 or alpha-3 code (any case), else None."""
    code = str(code or "").strip().upper()
    if len(code) == 2 and code.isalpha():
        return code
    return ALPHA3.get(code)
