# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The campaign map: countries coloured by stage, as an SVG choropleth (pygal).

Generated on the server, so it shows in the dashboard and in PDF reports alike, with
no map tiles fetched from the internet.
"""

import base64
import functools
import io
import re

from markupsafe import Markup
from PIL import Image

from odoo import api, models
from odoo.exceptions import UserError

from .c102_country import STAGES

# States too small for pygal's world map (no outline in it): a dot where they are,
# in the map's coordinates (fitted on Jamaica, the Dominican Republic and Guyana).
SMALL_STATES = {
    "bb": (746.2, 570.4, "Barbados"),
    "vc": (734.3, 569.9, "Saint Vincent and the Grenadines"),
}
STAGE_COLOURS = {
    "not_started": "#d9d9d9",
    "awareness": "#c6dbef",
    "gap_assessment": "#9ecae1",
    "national_dialogue": "#6baed6",
    "roadmap": "#fdae6b",
    "submitted": "#f16913",
    "ratified": "#238b45",
}

# effective coverage bands (%, upper bound included) and their colours
COVERAGE_BANDS = ((0, 20), (20, 40), (40, 60), (60, 80), (80, 100))
COVERAGE_COLOURS = ("#fee5d9", "#fcae91", "#c6dbef", "#6baed6", "#2171b5")


@functools.cache
def _world_chart_class():
    """pygal's world map, with a dot for each of ``SMALL_STATES``."""
    import pygal.maps.world

    world = pygal.maps.world.World
    dots = "".join(
        f'<g class="{code} country map-element"><circle cx="{x}" cy="{y}" r="5" /></g>'
        for code, (x, y, _name) in SMALL_STATES.items()
        if f'class="{code} country' not in world.svg_map
    )
    svg_map = world.svg_map.replace(
        '<g id="countries">', f'<g id="countries">{dots}', 1
    )
    names = dict(
        world.area_names,
        **{code: name for code, (_x, _y, name) in SMALL_STATES.items()},
    )
    return type("C102World", (world,), {"svg_map": svg_map, "area_names": names})


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
    def _stage_series(self):
        """The map's series: ``[(legend, ISO codes, colour)]``, one per stage with
        countries, legends in the user's language with their counts."""
        labels = dict(
            self.env["c102.country"]._fields["stage"]._description_selection(self.env)
        )
        codes = self._stage_codes()
        return [
            (f"{labels[s]} ({len(codes[s])})", codes[s], STAGE_COLOURS[s])
            for s, _label in STAGES
            if codes[s]
        ]

    @api.model
    def render_svg(self, width=900, height=450):
        """The campaign map: the campaign's countries coloured by stage."""
        return self._render_map(self._stage_series(), width, height)

    @api.model
    def render_report_map(self, width=800, height=400):
        """The campaign map for a PDF report, as ``{"image", "svg", "legend"}``.

        ``image`` is a PNG data URI of the map without its legend, drawn at twice
        ``width`` × ``height`` pixels: the vector map's 2,000 outlines take
        wkhtmltopdf about 2 s to print and make 3.6 MB of a report's 3.8 MB; the
        picture prints at once and weighs about a tenth. ``legend`` is
        ``[(label, colour)]`` for the report to write in its own font (text a
        reader can search and copy). When the picture cannot be drawn (no
        ``wkhtmltoimage``), ``image`` is ``False`` and ``svg`` is the vector map
        with its legend, as before.
        """
        series = self._stage_series()
        key = tuple((legend, tuple(codes), colour) for legend, codes, colour in series)
        self._render_map(series, width, height)  # the packages are there
        image = _report_image(self.env["ir.actions.report"], key, width, height)
        return {
            "image": image,
            "svg": False if image else _draw_map(key, width, height),
            "legend": [(legend, colour) for legend, _codes, colour in series],
        }

    @api.model
    def _coverage_codes(self, contingency="total"):
        """ISO codes per coverage band: the latest figure (both sexes) of each
        campaign country for ``contingency``."""
        countries = self.env["c102.country"].search([])
        latest = self.env["c102.coverage"]._latest(countries)
        bands = {band: [] for band in COVERAGE_BANDS}
        for (_country, code), figure in latest.items():
            if code != contingency or not figure.country_id.code:
                continue
            band = next(b for b in COVERAGE_BANDS if figure.value <= b[1])
            bands[band].append(figure.country_id.code.lower())
        return bands

    @api.model
    def render_coverage_svg(self, contingency="total", width=900, height=450):
        """The coverage map: the campaign's countries coloured by their effective
        coverage (SDG 1.3.1, latest year) for ``contingency``."""
        bands = self._coverage_codes(contingency)
        series = [
            (f"{low:g}-{high:g}% ({len(codes)})", codes, COVERAGE_COLOURS[index])
            for index, ((low, high), codes) in enumerate(bands.items())
            if codes
        ]
        return self._render_map(series, width, height)

    @api.model
    def _render_map(self, series, width, height):
        """An SVG world map (pygal) of ``series``: ``[(legend, ISO codes, colour)]``.
        Drawing it takes pygal a few hundred milliseconds with the campaign's 190
        countries, and the drawing depends on nothing else: the last maps drawn
        are kept (per process) for the same series and size."""
        try:
            import pygal.style  # noqa: F401

            _world_chart_class()
        except ImportError as exc:  # pragma: no cover - a requirement of the project
            raise UserError(
                self.env._(
                    "The campaign map needs the Python packages pygal and "
                    "pygal_maps_world."
                )
            ) from exc
        key = tuple((legend, tuple(codes), colour) for legend, codes, colour in series)
        return _draw_map(key, width, height)


# the last report pictures drawn, per process: {(series, width, height): data URI}
_REPORT_IMAGES = {}


def _report_image(report_model, series, width, height):
    """A PNG data URI of the map ``series`` without its legend, or ``False``
    when it cannot be drawn. The last ones drawn are kept per process (as
    ``_draw_map``); a failure is not kept, the next report tries again."""
    key = (series, width, height)
    if key not in _REPORT_IMAGES:
        svg = _draw_map(series, width, height, show_legend=False)
        html = (
            '<html><head><meta charset="utf-8"/></head>'
            '<body style="margin:0"><div style="zoom:2">'
            f"{svg}</div></body></html>"
        )
        try:
            png = report_model.with_context(
                force_image_rendering=True
            )._run_wkhtmltoimage([html], 2 * width, 2 * height, image_format="png")[0]
        except UserError:  # no wkhtmltoimage, or too old: the vector map
            return False
        if not png:
            return False
        # wkhtmltoimage writes the picture barely compressed (about 5 MB): a
        # palette of 64 colours keeps the stages' and the outlines' (about 70 kB)
        with Image.open(io.BytesIO(png)) as picture:
            out = io.BytesIO()
            picture.convert("RGB").quantize(64).save(out, "PNG", optimize=True)
        png = out.getvalue()
        while len(_REPORT_IMAGES) >= 8:
            _REPORT_IMAGES.pop(next(iter(_REPORT_IMAGES)))
        _REPORT_IMAGES[key] = f"data:image/png;base64,{base64.b64encode(png).decode()}"
    return _REPORT_IMAGES[key]


@functools.lru_cache(maxsize=32)
def _draw_map(series, width, height, show_legend=True):
    """The SVG of ``_render_map`` (a pure function of its arguments)."""
    from pygal.style import Style

    World = _world_chart_class()
    style = Style(
        background="white",
        plot_background="white",
        colors=tuple(colour for _legend, _codes, colour in series),
        legend_font_size=12,
        # the reports' font (pygal's default is a web font the PDF lacks)
        font_family="'DejaVu Sans', sans-serif",
    )
    chart = World(
        style=style,
        width=width,
        height=height,
        js=[],  # no script from the internet
        legend_at_bottom=True,
        legend_at_bottom_columns=3,
        truncate_legend=-1,  # whole stage names, never "Gap asse…"
        show_legend=show_legend,
        disable_xml_declaration=True,
    )
    for legend, codes, _colour in series:
        chart.add(legend, codes)
    svg = chart.render(is_unicode=True)
    # the chart's own id-scoped CSS is kept; drop the title element pygal adds
    svg = re.sub(r"<title>.*?</title>", "", svg, count=1, flags=re.S)
    return Markup(svg)
