"""ilo outlook [--limit N]: the outlook to the campaign's target, as the server
computes it (c102.country.get_outlook): the expected ratifications at the target date
with their 80% interval, the chance of reaching the target, the countries most likely
to ratify next and what stands in their way."""

NAME = "outlook"
HELP = "print the outlook to the C102 target (expected count, likeliest countries)"


def arguments(parser):
    parser.add_argument(
        "--limit", type=int, default=10, help="countries listed (default 10)"
    )


def render(outlook):
    """The outlook (the server's dict) as lines of text."""
    lines = [
        f"C102 outlook as of {outlook['as_of']}: {outlook['ratified']} ratifications, "
        f"target {outlook['target']} by {outlook['target_date']}",
        f"Expected at the target date: {outlook['expected']:.1f} "
        f"(80% interval {outlook['low']}-{outlook['high']})",
        f"Chance of reaching {outlook['target']}: "
        f"{100 * outlook['probability_target']:.1f}%",
        "",
        "Mean months per stage (observed moves, months observed):",
    ]
    for stage in outlook["stages"]:
        lines.append(
            f"  {stage['stage_label']}: {stage['mean_months']:.1f} "
            f"({stage['moves']} move(s) in {stage['months_observed']:.1f} months; "
            f"prior {stage['prior_months']:.0f})"
        )
    lines += ["", f"Most likely to ratify next ({outlook['candidates']} candidates):"]
    for rank, country in enumerate(outlook["countries"], start=1):
        overdue = ", overdue" if country["overdue"] else ""
        lines.append(
            f"{rank:>3}. {country['country']} ({country['code']}): "
            f"{100 * country['probability']:.1f}% by the target date, expected "
            f"{country['expected_date']}; {country['stage_label']} for "
            f"{country['months_in_stage']:.1f} months{overdue}"
        )
        lines += [f"       - {obstacle}" for obstacle in country["obstacles"]]
    return lines


def run(odoo, args):
    outlook = odoo.env["c102.country"].get_outlook(args.limit)
    print("\n".join(render(outlook)))
    return 0
