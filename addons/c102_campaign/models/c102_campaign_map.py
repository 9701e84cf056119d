# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The campaign map: countries coloured by stage, as an SVG choropleth (pygal).

Generated on the server, so it shows in the dashboard and in PDF reports alike, with
no map tiles fetched from the internet.
"""

import re

from markupsafe import Markup

from odoo import api, models
from odoo.exceptions import UserError

from .c102_country import STAGES

STAGE_COLOURS = {
    "not_started": "#d9d9d9",
    "awareness": "#c6dbef",
    "gap_assessment": "#9ecae1",
    "national_dialogue": "#6baed6",
    "roadmap": "#fdae6b",
    "submitted": "#f16913",
    "ratified": "#238b45",
}


class C102CampaignMap(models.AbstractModel):
    _name = "c102.campaign.map"
    _description = "C102 Campaign Map"

    @api.model
    def _stage_codes(self):
        """ISO codes of the campaign's countries per stage, in one grouped query."""
        groups = self.env["c102.country"]._read_group([], ["stage", "country_id"])
        codes = {stage: [] for stage, _label in STAGES}
        for stage, country in groups:
            if country.code:
                codes[stage].append(country.code.lower())
        return codes

    @api.model
    def render_svg(self, width=900, height=450):
        try:
            import pygal
            import pygal.maps.world
            from pygal.style import Style
        except ImportError as exc:  # pragma: no cover - a requirement of the project
            raise UserError(
                self.env._(
                    "The campaign map needs the Python packages pygal and "
                    "pygal_maps_world."
                )
            ) from exc
        labels = dict(
            self.env["c102.country"]._fields["stage"]._description_selection(self.env)
        )
        codes = self._stage_codes()
        stages = [s for s, _label in STAGES if codes[s]]
        style = Style(
            background="white",
            plot_background="white",
            colors=tuple(STAGE_COLOURS[s] for s in stages),
            legend_font_size=12,
        )
        chart = pygal.maps.world.World(
            style=style,
            width=width,
            height=height,
            js=[],  # no script from the internet
            legend_at_bottom=True,
            legend_at_bottom_columns=4,
            show_legend=True,
            disable_xml_declaration=True,
        )
        for stage in stages:
            chart.add(f"{labels[stage]} ({len(codes[stage])})", codes[stage])
        svg = chart.render(is_unicode=True)
        # the chart's own id-scoped CSS is kept; drop the title element pygal adds
        svg = re.sub(r"<title>.*?</title>", "", svg, count=1, flags=re.S)
        return Markup(svg)
