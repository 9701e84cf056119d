"""Figures about people, as the programme reports them.

The women's share counts women among the people whose gender is known: a participant
who did not disclose it is left out of the share (but counts as a person trained).
"""

KNOWN_GENDERS = ("female", "male", "other")


def women_share(counts_by_gender):
    """Share of women, in percent (0–100), among the people of known gender.

    ``counts_by_gender`` maps a gender key (``female``, ``male``, ``other``,
    ``undisclosed``, or ``False`` when not set) to a number of people. No one of
    known gender gives 0.0.
    """
    known = sum(counts_by_gender.get(gender, 0) for gender in KNOWN_GENDERS)
    return 100.0 * counts_by_gender.get("female", 0) / known if known else 0.0
