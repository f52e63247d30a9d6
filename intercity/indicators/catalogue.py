"""The network's indicator catalogue: what each figure means, its unit and the standard it follows.

Definitions are written for this platform; the standards are cited by name and section so a
city can check its own method against them. Names and definitions are marked for translation
here and translated where they are shown.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_noop as _


@dataclass(frozen=True)
class Entry:
    code: str
    name: str
    definition: str
    unit: str
    direction: str
    theme: str
    aggregation: str
    standard: str = ""
    gpc_breakdown: bool = False
    gpc_sector: str = ""
    per_capita: bool = False
    minimum: float | None = 0.0
    maximum: float | None = None


PERCENT = {"unit": "%", "minimum": 0.0, "maximum": 100.0}
GPC = "GHG Protocol GPC (2014)"
CRF = "GCoM Common Reporting Framework"

CATALOGUE: tuple[Entry, ...] = (
    # Energy
    Entry(
        "energy-final-per-capita",
        _("Final energy consumption per capita"),
        _(
            "All energy delivered to end users in the city during the year (electricity, "
            "heat, fuels for buildings, industry and transport), divided by the resident "
            "population."
        ),
        "GJ/capita",
        "lower",
        "energy",
        "sum",
        "ISO 37120:2018, 7.1",
        maximum=2000.0,
    ),
    Entry(
        "energy-final-total",
        _("Final energy consumption"),
        _("All energy delivered to end users in the city during the year, in total."),
        "TJ",
        "lower",
        "energy",
        "sum",
        f"ISO 37120:2018, 7.1; {CRF}, energy",
        per_capita=True,
        maximum=10_000_000.0,
    ),
    Entry(
        "electricity-per-capita",
        _("Electricity consumption per capita"),
        _(
            "Electricity used by all consumers in the city during the year, divided by the "
            "resident population."
        ),
        "kWh/capita",
        "lower",
        "energy",
        "sum",
        "ISO 37120:2018, 7 (energy), total electrical energy use per capita",
        maximum=100000.0,
    ),
    Entry(
        "electricity-total",
        _("Electricity consumption"),
        _("Electricity used by all consumers in the city during the year, in total."),
        "MWh",
        "lower",
        "energy",
        "sum",
        f"{CRF}, energy",
        per_capita=True,
        maximum=1_000_000_000.0,
    ),
    Entry(
        "renewable-electricity-share",
        _("Share of renewable electricity"),
        _(
            "Electricity consumed in the city that comes from renewable sources (solar, wind, "
            "hydro, geothermal, sustainable biomass), as a share of all electricity consumed."
        ),
        direction="higher",
        theme="energy",
        aggregation="latest",
        standard=f"ISO 37122:2019, 7 (energy); {CRF}, energy",
        **PERCENT,
    ),
    Entry(
        "renewable-energy-share",
        _("Share of final energy from renewable sources"),
        _("Renewable energy as a share of all final energy consumed in the city."),
        direction="higher",
        theme="energy",
        aggregation="latest",
        standard="ISO 37120:2018, 7.2",
        **PERCENT,
    ),
    Entry(
        "energy-intensity-gdp",
        _("Energy intensity of GDP"),
        _(
            "Final energy consumed in the city for each unit of the city's gross domestic "
            "product, in constant US dollars."
        ),
        "MJ/USD",
        "lower",
        "energy",
        "latest",
        "ISO 37125:2024, environmental indicators (energy)",
        maximum=1000.0,
    ),
    Entry(
        "electricity-access",
        _("Population with authorised electricity service"),
        _("Share of the city's residents living in homes with a legal electricity connection."),
        direction="higher",
        theme="energy",
        aggregation="latest",
        standard="ISO 37120:2018, 7.3",
        **PERCENT,
    ),
    Entry(
        "public-buildings-energy",
        _("Energy use of public buildings per floor area"),
        _(
            "Final energy used by buildings the city government owns or runs during the "
            "year, divided by their total floor area."
        ),
        "kWh/m²",
        "lower",
        "energy",
        "sum",
        "ISO 37120:2018, 7 (energy), energy consumption of public buildings",
        maximum=5000.0,
    ),
    Entry(
        "street-lighting-efficient-share",
        _("Energy-efficient street lighting share"),
        _(
            "Street lights using high-efficiency technology (LED or equivalent), as a share "
            "of all street lights the city operates."
        ),
        direction="higher",
        theme="energy",
        aggregation="latest",
        standard="ISO 37122:2019, 7 (energy), street lighting",
        **PERCENT,
    ),
    Entry(
        "street-lighting-electricity",
        _("Street lighting electricity per kilometre of lit street"),
        _("Electricity used for public street lighting in the year per kilometre of lit street."),
        "kWh/km",
        "lower",
        "energy",
        "sum",
        "ISO 37120:2018, 7 (energy), electricity consumption of public street lighting",
        maximum=1_000_000.0,
    ),
    Entry(
        "energy-management-trained",
        _("People trained in energy management"),
        _(
            "People who completed a recognised course in energy management or energy "
            "auditing during the year, counted once each."
        ),
        "person",
        "higher",
        "capacity",
        "sum",
        "",
        maximum=10_000_000.0,
    ),
    Entry(
        "energy-labelled-products",
        _("Energy-saving labelled products sold or certified"),
        _(
            "Appliances and equipment carrying an energy-saving label that were sold in the "
            "city or certified by its programmes during the year."
        ),
        "item",
        "higher",
        "capacity",
        "sum",
        "",
        maximum=1_000_000_000.0,
    ),
    Entry(
        "buildings-energy-rated",
        _("Buildings with an energy-performance rating"),
        _("Buildings holding a current energy-performance rating or certificate, in number."),
        "item",
        "higher",
        "energy",
        "latest",
        "ISO 37122:2019, 7 (energy)",
        maximum=100_000_000.0,
    ),
    # Greenhouse gas emissions
    Entry(
        "ghg-total",
        _("Greenhouse gas emissions"),
        _(
            "Emissions of the seven Kyoto gases attributable to the city in the year, in "
            "tonnes of CO2 equivalent; may be broken down by GPC sector and scope."
        ),
        "t CO2e",
        "lower",
        "emissions",
        "sum",
        f"{GPC}, chapters 6–10; {CRF}, emission inventory",
        gpc_breakdown=True,
        per_capita=True,
        minimum=-10_000_000_000.0,
        maximum=10_000_000_000.0,
    ),
    Entry(
        "ghg-per-capita",
        _("Greenhouse gas emissions per capita"),
        _("The city's greenhouse gas emissions in the year divided by the resident population."),
        "t CO2e/capita",
        "lower",
        "emissions",
        "sum",
        f"ISO 37120:2018, 8.3; {CRF}, emission inventory",
        minimum=-200.0,
        maximum=200.0,
    ),
    Entry(
        "ghg-stationary-energy",
        _("Emissions from stationary energy"),
        _(
            "Emissions from fuel burnt and grid energy used in buildings, industry and "
            "energy supply within the city."
        ),
        "t CO2e",
        "lower",
        "emissions",
        "sum",
        f"{GPC}, chapter 6 (sector I, stationary energy)",
        gpc_breakdown=True,
        gpc_sector="stationary_energy",
        per_capita=True,
        maximum=10_000_000_000.0,
    ),
    Entry(
        "ghg-transport",
        _("Emissions from transport"),
        _("Emissions from road, rail, waterborne, aviation and off-road transport."),
        "t CO2e",
        "lower",
        "emissions",
        "sum",
        f"{GPC}, chapter 7 (sector II, transportation)",
        gpc_breakdown=True,
        gpc_sector="transport",
        per_capita=True,
        maximum=10_000_000_000.0,
    ),
    Entry(
        "ghg-waste",
        _("Emissions from waste"),
        _("Emissions from landfilling, biological treatment, incineration and wastewater."),
        "t CO2e",
        "lower",
        "emissions",
        "sum",
        f"{GPC}, chapter 8 (sector III, waste)",
        gpc_breakdown=True,
        gpc_sector="waste",
        per_capita=True,
        maximum=10_000_000_000.0,
    ),
    Entry(
        "ghg-ippu",
        _("Emissions from industrial processes and product use"),
        _(
            "Emissions released by industrial processes and by the use of products"
            " such as refrigerants."
        ),
        "t CO2e",
        "lower",
        "emissions",
        "sum",
        f"{GPC}, chapter 9 (sector IV, IPPU)",
        gpc_breakdown=True,
        gpc_sector="ippu",
        per_capita=True,
        maximum=10_000_000_000.0,
    ),
    Entry(
        "ghg-afolu",
        _("Emissions from agriculture, forestry and other land use"),
        _("Net emissions from livestock, land and land-use change; removals count as negative."),
        "t CO2e",
        "lower",
        "emissions",
        "sum",
        f"{GPC}, chapter 10 (sector V, AFOLU)",
        gpc_breakdown=True,
        gpc_sector="afolu",
        per_capita=True,
        minimum=-10_000_000_000.0,
        maximum=10_000_000_000.0,
    ),
    # Air quality
    Entry(
        "pm25-annual-mean",
        _("Annual mean PM2.5 concentration"),
        _(
            "Average concentration over the year of fine particles (2.5 µm or smaller)"
            " in outdoor air."
        ),
        "µg/m³",
        "lower",
        "air",
        "mean",
        "ISO 37120:2018, 8.1",
        maximum=1000.0,
    ),
    Entry(
        "pm10-annual-mean",
        _("Annual mean PM10 concentration"),
        _("Average concentration over the year of particles of 10 µm or smaller in outdoor air."),
        "µg/m³",
        "lower",
        "air",
        "mean",
        "ISO 37120:2018, 8.2",
        maximum=2000.0,
    ),
    Entry(
        "no2-annual-mean",
        _("Annual mean NO2 concentration"),
        _("Average concentration over the year of nitrogen dioxide in outdoor air."),
        "µg/m³",
        "lower",
        "air",
        "mean",
        "ISO 37120:2018, 8 (environment and climate change), NO2 concentration",
        maximum=1000.0,
    ),
    # Transport
    Entry(
        "public-transport-modal-share",
        _("Modal share of public transport"),
        _("Trips made by bus, tram, metro, rail or ferry, as a share of all trips in the city."),
        direction="higher",
        theme="transport",
        aggregation="latest",
        standard="ISO 37120:2018, 19 (transportation), travel modes other than a personal vehicle",
        **PERCENT,
    ),
    Entry(
        "low-emission-vehicle-share",
        _("Share of low-emission vehicles"),
        _(
            "Registered vehicles that are electric, hybrid or otherwise low-emission,"
            " as a share of all."
        ),
        direction="higher",
        theme="transport",
        aggregation="latest",
        standard="ISO 37122:2019, 19 (transportation)",
        **PERCENT,
    ),
    # Waste
    Entry(
        "msw-per-capita",
        _("Municipal solid waste per capita"),
        _("Municipal solid waste collected in the year divided by the resident population."),
        "kg/capita",
        "lower",
        "waste",
        "sum",
        "ISO 37120:2018, 16.2",
        maximum=5000.0,
    ),
    Entry(
        "recycling-rate",
        _("Recycling rate"),
        _("Municipal solid waste sent to recycling, as a share of all municipal solid waste."),
        direction="higher",
        theme="waste",
        aggregation="latest",
        standard="ISO 37120:2018, 16.3",
        **PERCENT,
    ),
    Entry(
        "waste-collection-coverage",
        _("Population with regular waste collection"),
        _("Share of residents whose household waste is collected at least weekly."),
        direction="higher",
        theme="waste",
        aggregation="latest",
        standard="ISO 37120:2018, 16.1",
        **PERCENT,
    ),
    # Water
    Entry(
        "safe-drinking-water",
        _("Population with safe drinking water"),
        _("Share of residents served by a safely managed supply of drinking water."),
        direction="higher",
        theme="water",
        aggregation="latest",
        standard="ISO 37120:2018, 23.1",
        **PERCENT,
    ),
    Entry(
        "water-consumption-per-capita",
        _("Domestic water consumption per capita"),
        _("Water supplied to homes, per resident and day, averaged over the year."),
        "L/capita/day",
        "lower",
        "water",
        "mean",
        "ISO 37120:2018, 23 (water), total domestic water consumption per capita",
        maximum=2000.0,
    ),
    # Profile
    Entry(
        "population",
        _("Population"),
        _("Residents of the city's administrative area at the end of the year."),
        "capita",
        "neutral",
        "profile",
        "latest",
        "ISO 37120:2018, annex (profile indicators)",
        minimum=1.0,
        maximum=100_000_000.0,
    ),
    Entry(
        "gdp",
        _("Gross domestic product"),
        _("The value of goods and services produced in the city in the year, in US dollars."),
        "USD",
        "higher",
        "profile",
        "sum",
        "ISO 37120:2018, annex (profile indicators)",
        per_capita=True,
        maximum=100_000_000_000_000.0,
    ),
)

POPULATION = "population"
EMISSIONS_PER_CAPITA = "ghg-per-capita"
RENEWABLE_SHARE = "renewable-electricity-share"


def entry_fields(entry: Entry, position: int) -> dict:
    return {
        "name": entry.name,
        "definition": entry.definition,
        "unit": entry.unit,
        "direction": entry.direction,
        "theme": entry.theme,
        "aggregation": entry.aggregation,
        "standard": entry.standard,
        "gpc_breakdown": entry.gpc_breakdown,
        "gpc_sector": entry.gpc_sector,
        "per_capita": entry.per_capita,
        "minimum": entry.minimum,
        "maximum": entry.maximum,
        "position": position,
    }
